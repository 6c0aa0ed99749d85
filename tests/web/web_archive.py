"""A small archive built from model objects, as the content reader would build it."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from kommunearkiv.model import (CLOSED, AgendaItem, Archive, AttachmentDocument, Case, Committee, Decision,
                                EarlierDecision, Incomplete, Meeting, Membership, Municipality, Original, Person, Section,
                                Source, Substitute)
from kommunearkiv.slugs import slug

DEFAULT_THEME = Path(__file__).resolve().parents[2] / "themes" / "default"
SECRET = "HEMMELIGT-INDHOLD-7Q"
SHA256 = "0123456789abcdef" * 4
OFFICIAL_URL = "https://www.alleroed.dk/dagsordener/2015-05-13.pdf"
MALICIOUS_MARKDOWN = """Forvaltningen anbefaler **besparelser**.

<script>alert("xss")</script>
<img src="x.png" onerror="alert(1)">
<p style="color:red" onclick="steal()">Stylet afsnit</p>
<iframe src="https://evil.example/"></iframe>

[Klik her](javascript:alert(1)) og <a href="data:text/html;base64,PHNjcmlwdD4=">data-link</a>
og [kommunens side](https://www.alleroed.dk/).

| Forslag | Beløb |
|---|---|
| Nedlæg ordning | 0,1 mio. kr. |
"""


def link(archive: Archive) -> Archive:
    """Fill the back-references and cases the way ``kommunearkiv.content.linking`` does."""
    for municipality in archive.municipalities.values():
        for committee in municipality.committees.values():
            committee.meetings.sort(key=lambda m: (m.date, m.id))
            for meeting in committee.meetings:
                for thing in meeting.items + meeting.attachments:
                    thing.meeting = meeting
                meeting.roles = {m.person: m.role for m in committee.members}
                for item in meeting.items:
                    if item.case_number:
                        case_id = slug(item.case_number)
                        municipality.cases.setdefault(case_id, Case(municipality.id, case_id, item.case_number)).items.append(item)
        for case in municipality.cases.values():
            case.items.sort(key=lambda i: (i.meeting.date, i.meeting.committee, i.meeting.id, i.number))
        municipality.cases = dict(sorted(municipality.cases.items()))
    return archive


def alleroed() -> Municipality:
    persons = {p.id: p for p in [
        Person("alleroed", "nikolaj-buehrmann", "Nikolaj Bührmann", "F"),
        Person("alleroed", "gurli-nielsen", "Gurli Nielsen", "C"),
        Person("alleroed", "agnete-fog", "Agnete Fog", "B"),
        Person("alleroed", "ole-vikar", "Ole Vikar", "A"),
    ]}
    committee = Committee("alleroed", "erhvervs-og-beskaeftigelsesudvalget", "Erhvervs- og Beskæftigelsesudvalget 2014-2017",
                          period="2014-2017", members=[Membership("nikolaj-buehrmann", "Formand"),
                                                       Membership("gurli-nielsen", "Medlem"), Membership("agnete-fog", "Medlem")])
    # Listed out of date order on purpose: linking sorts them.
    committee.meetings = [june_meeting(), may_meeting()]
    return Municipality("alleroed", "Allerød Kommune", committees={committee.id: committee}, persons=persons)


def may_meeting() -> Meeting:
    return Meeting(
        "alleroed", "erhvervs-og-beskaeftigelsesudvalget", "2015-05-13", dt.date(2015, 5, 13), "referat",
        start="07:30", end="08:35", location="Rådhuset, Mødelokale C", number="13-05-2015",
        present=["nikolaj-buehrmann", "gurli-nielsen", "agnete-fog"],
        other_attendees=["Direktør Bjarne Holm Markussen"], signed_by=["Nikolaj Bührmann"],
        source=Source("000_alleroed.txt", 1, 120), original=Original("pdf", SHA256, OFFICIAL_URL),
        items=[
            AgendaItem(1, "Budgetlægning 2016 - 2019 - forslag til besparelser", case_number="15/839", item_type="Beslutning",
                       sections=[Section("Sagsbeskrivelse", "Udvalget drøfter besparelser.")],
                       decision=Decision("Beslutning Erhvervs- og Beskæftigelsesudvalget den 13-05-2015", "Sagen udsættes."),
                       source=Source("000_alleroed.txt", 10, 40, first_page=2, last_page=3)),
            AgendaItem(2, "Personalesag", access=CLOSED,
                       sections=[Section("Sagsbeskrivelse", f"{SECRET} om en medarbejder.")],
                       decision=Decision("Beslutning", f"{SECRET} besluttet."),
                       earlier_decisions=[EarlierDecision(dt.date(2015, 1, 1), "Byrådet", f"{SECRET} tidligere.")],
                       absent=["gurli-nielsen"], attachments=[f"Bilag {SECRET}"]),
            AgendaItem(3, "Ny aftale for Iværksætterhuset", item_type="Beslutning",
                       sections=[Section("Sagsbeskrivelse", MALICIOUS_MARKDOWN)],
                       attachments=["Notat der ikke er med", "Besparelsesforslag", "KL høringssvar om forenkling"]),
        ],
        attachments=[
            AttachmentDocument("3.1", "Besparelsesforslag", 3, "Bilagsnr. 1234", "# Forslag\n\nBesparelse på **0,1 mio. kr.**",
                               source=Source("000_alleroed.txt", 80, 120)),
            AttachmentDocument("3.2", "KL høringsvar om forenkling", 3, None, "Høringssvaret."),
            AttachmentDocument("3.3", "Tidsplan", 3, None, "Tidsplanen."),
            AttachmentDocument("2.1", f"Bilag {SECRET}", 2, None, f"{SECRET} i bilaget."),
        ],
    )


def june_meeting() -> Meeting:
    return Meeting(
        "alleroed", "erhvervs-og-beskaeftigelsesudvalget", "2015-06-10", dt.date(2015, 6, 10), "referat",
        start="15:30", end="17:00", present=["nikolaj-buehrmann", "gurli-nielsen"], absent=["agnete-fog"],
        substitutes=[Substitute("ole-vikar", "agnete-fog")], incomplete=Incomplete(212, "punkt 2 og 3"),
        source=Source("001_alleroed.txt", 1, 212),
        items=[
            AgendaItem(1, "Budgetlægning 2016 - 2019 - forslag til besparelser", case_number="15/839",
                       sections=[Section("Sagsbeskrivelse", "Gurli Nielsen har bedt om sagen.")],
                       decision=Decision("Beslutning", "Forslagene oversendes til Økonomiudvalget."),
                       earlier_decisions=[EarlierDecision(dt.date(2015, 5, 13), "Erhvervs- og Beskæftigelsesudvalget", "Sagen udsættes.")],
                       absent=["agnete-fog"]),
        ],
    )


def gentofte() -> Municipality:
    person = Person("gentofte", "anna-jensen", "Anna Jensen", "A")
    meeting = Meeting("gentofte", "erhvervsudvalget", "2019-02-28", dt.date(2019, 2, 28), "dagsorden",
                      location='Mødelokale </script><script>alert("sted")</script>', present=["anna-jensen"], items=[AgendaItem(1, "Meddelelser", sections=[Section("", "Ingen.")])])
    committee = Committee("gentofte", "erhvervsudvalget", "Erhvervs-, Beskæftigelses- og Integrationsudvalget",
                          members=[Membership("anna-jensen", "Formand")], meetings=[meeting])
    return Municipality("gentofte", "Gentofte Kommune", committees={committee.id: committee}, persons={person.id: person})


def make_archive() -> Archive:
    return link(Archive({m.id: m for m in (alleroed(), gentofte())}))
