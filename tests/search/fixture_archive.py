"""A small archive built from model objects, with passages of the sample minutes.

Used until (and besides) the whole-site build: it holds the cases the search
must get right — inflected words, case numbers with slashes and hyphens,
hyphenated person names, a closed item whose words must never be found.
"""
from __future__ import annotations

import datetime as dt

from kommunearkiv.model import (
    CLOSED, AgendaItem, Archive, AttachmentDocument, Case, Committee, Decision, Meeting, Membership,
    Municipality, Person, Section,
)

CLOSED_WORD = "Skovbrynsgrunden"  # appears only in the closed item's would-be text, never indexed
DEEP_WORD = "Klyngeprogrammet"  # stands only far into a long attachment, past its cover block
LONG_COVER = "NOTAT Gentofte Kommune Rådhuset Bernstorffsvej 161 2920 Charlottenlund Sagsbehandler Erhverv."
LONG_TEXT = " ".join([LONG_COVER] + [f"Afsnit {n} om klyngernes samarbejde med virksomheder i regionen."
                                     for n in range(1, 80)] + [f"{DEEP_WORD} samler klyngerne fra 2020."])


def _meeting(municipality, committee, date, items, attachments=(), present=(), absent=()):
    meeting = Meeting(municipality, committee, date.isoformat(), date, "referat", location="Rådhuset",
                      present=list(present), absent=list(absent), items=list(items),
                      attachments=list(attachments))
    for part in meeting.items + meeting.attachments:
        part.meeting = meeting
    return meeting


def alleroed() -> Municipality:
    persons = {p.id: p for p in (
        Person("alleroed", "nikolaj-buehrmann", "Nikolaj Bührmann", "F"),
        Person("alleroed", "rasmus-keis-neerbek", "Rasmus Keis-Neerbek", "Ø"),
        Person("alleroed", "gurli-nielsen", "Gurli Nielsen", "C"),
    )}
    budget = AgendaItem(
        3, "Budgetlægning 2016 - 2019 - forslag til besparelser", case_number="15/839", item_type="Beslutning",
        sections=[Section("Tema", "Fagudvalgene skal udarbejde et katalog med forslag til besparelser og "
                                  "effektiviseringer på i alt 50 mio. kr."),
                  Section("Sagsbeskrivelse", "Forvaltningen har nu udarbejdet konkrete forslag til besparelser "
                                             "vedrørende **overførselsudgifter** som er vedlagt som bilag.")],
        decision=Decision("Beslutning", "Indstilling godkendt."), attachments=["Forslag til besparelser.pdf"],
    )
    dansk = AgendaItem(
        4, "Danskuddannelse til voksne udlændinge", case_number="14/11078",
        sections=[Section("Sagsbeskrivelse", "I henhold til Lov om danskuddannelse for voksne udlændinge skal "
                                             "kommunen tilbyde danskuddannelse til udlændinge.")],
        decision=Decision("Beslutning", "Udvalget besluttede at fastholde serviceniveauet for danskuddannelse."),
        absent=["gurli-nielsen"],
    )
    # Text a closed item must never have; here as if a content file leaked it, to prove it stays out.
    closed = AgendaItem(5, "Salg af grund", access=CLOSED, case_number="15/9999",
                        sections=[Section("Sagsbeskrivelse", f"Udbud af {CLOSED_WORD} til boligbyggeri.")],
                        decision=Decision("Beslutning", f"{CLOSED_WORD} sælges til højestbydende."))
    iv = AgendaItem(
        6, "Ny aftale for Iværksætterhuset", case_number="15/1203",
        sections=[Section("Tema", "Iværksætterhuset rådgiver nye virksomheder om etablering.")],
        decision=Decision("Beslutning", "Godkendt. Budgettet for iværksætterrådgivning fastholdes."),
    )
    attachment = AttachmentDocument("3.1", "Forslag til besparelser på ledighedsydelse", 3, "Bilagsnr. 7",
                                    "Besparelsen opnås ved en intensiveret jobformidling for langtidsledige "
                                    "borgere på ledighedsydelse.")
    first = _meeting("alleroed", "ebu", dt.date(2015, 5, 13), [budget, dansk, closed], [attachment],
                     present=["nikolaj-buehrmann", "rasmus-keis-neerbek"], absent=["gurli-nielsen"])
    second = _meeting("alleroed", "ebu", dt.date(2016, 6, 8), [iv], present=list(persons))
    committee = Committee("alleroed", "ebu", "Erhvervs- og Beskæftigelsesudvalget 2014-2017", "2014-2017",
                          members=[Membership("nikolaj-buehrmann", "Formand"),
                                   Membership("rasmus-keis-neerbek", "Medlem"),
                                   Membership("gurli-nielsen", "Medlem")],
                          meetings=[first, second])
    cases = {"15-839": Case("alleroed", "15-839", "15/839", [budget]),
             "14-11078": Case("alleroed", "14-11078", "14/11078", [dansk])}
    return Municipality("alleroed", "Allerød Kommune", {"ebu": committee}, persons, cases)


def gentofte() -> Municipality:
    persons = {"morten-slotved": Person("gentofte", "morten-slotved", "Morten Slotved", "C")}
    strategy = AgendaItem(
        1, "Gentofte ønsker til det regionale kapitel i den nationale erhvervsfremmestrategi fra 2020",
        case_number="EMN-2019-00607",
        sections=[Section("Resumé", "Den nye lov om erhvervsfremme medfører en ny ramme for kommunernes arbejde "
                                    "med vækst- og erhvervsfremme."),
                  Section("Baggrund", "Greater Copenhagen samarbejdet fortsætter i 2019 med regionale midler og "
                                      "midler fra finansloven.")],
        decision=Decision("Beslutning", "Udvalget drøftede ønskerne til det regionale kapitel."),
    )
    rehab = AgendaItem(
        2, "Den rehabiliterende indsats på beskæftigelsesområdet", case_number="EMN-2019-00061",
        sections=[Section("Resumé", "Orientering om rehabiliteringsteamets arbejde med sygedagpengemodtagere "
                                    "(se også sag EMN-2019-00607).")],
        decision=Decision("Beslutning", "Taget til efterretning."),
    )
    closed = AgendaItem(3, "Meddelelser fra formanden", access=CLOSED)
    attachment = AttachmentDocument("1.1", "Regional strategi 2019", 1, "2665333",
                                    "Strategien styrker klyngeorganisationer og Wonderful Copenhagen i "
                                    "hovedstadsregionen gennem fælles turismefremme.")
    long = AttachmentDocument("1.2", "Notat om klyngerne", 1, "2665334", LONG_TEXT)
    meeting = _meeting("gentofte", "ebiu", dt.date(2019, 2, 28), [strategy, rehab, closed], [attachment, long],
                       present=["morten-slotved"])
    committee = Committee("gentofte", "ebiu", "Erhvervs-, Beskæftigelses- og Integrationsudvalget",
                          members=[Membership("morten-slotved", "Formand")], meetings=[meeting])
    cases = {"emn-2019-00607": Case("gentofte", "emn-2019-00607", "EMN-2019-00607", [strategy]),
             "emn-2019-00061": Case("gentofte", "emn-2019-00061", "EMN-2019-00061", [rehab])}
    return Municipality("gentofte", "Gentofte Kommune", {"ebiu": committee}, persons, cases)


def fixture_archive() -> Archive:
    return Archive({m.id: m for m in (alleroed(), gentofte())})
