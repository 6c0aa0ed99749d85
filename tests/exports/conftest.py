"""An archive built from model objects, linked by the reader's own linking step.

It has two municipalities, two committees in one of them, a case followed
across two meetings, an absent member, a substitute who took their seat and
one who took nobody's in particular, an incomplete document, an original
document known by its address, pages cited, attachments, two meetings on one
day, Danish letters and markup-like text, and a closed item
that (as a defect of some reader would) carries text: the exports must leak
none of it.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kommunearkiv.content.linking import link_archive
from kommunearkiv.exports import write_exports
from kommunearkiv.fingerprints import full_outlines
from kommunearkiv.model import (CLOSED, AgendaItem, Archive, AttachmentDocument, Committee, Decision, EarlierDecision,
                                Incomplete, Meeting, Membership, Municipality, Original, Person, Section, Source, Substitute)
from kommunearkiv.slugs import slug

SECRET = "HEMMELIG-personsag-Ærbødig"
SHA256 = "5" * 64


def person(mu: str, name: str, party: str | None) -> Person:
    return Person(mu, slug(name), name, party)


def open_item(number: int, title: str, case: str | None, decision: str | None, **extra) -> AgendaItem:
    return AgendaItem(number=number, title=title, case_number=case, item_type="Beslutning",
                      sections=[Section("", "Indledning med <b>fed</b> & \"citat\"."), Section("Sagsfremstilling", f"Om {title}.\n\n- punkt")],
                      decision=Decision("Beslutning", decision) if decision else None,
                      source=Source("doc.txt", number * 10, number * 10 + 9), **extra)


def closed_item(number: int) -> AgendaItem:
    return AgendaItem(number=number, title="Personsag (Lukket)", access=CLOSED, case_number=f"{SECRET}-case",
                      item_type=SECRET, sections=[Section(SECRET, SECRET)], decision=Decision(SECRET, SECRET),
                      earlier_decisions=[EarlierDecision(dt.date(2015, 1, 1), SECRET, SECRET)],
                      absent=["bo-oest"], attachments=[SECRET], source=Source("doc.txt", 90, 95))


def alleroed() -> Municipality:
    mu = Municipality("alleroed", "Allerød Kommune")
    for p in (person("alleroed", "Åse Ærø", "F"), person("alleroed", "Bo Øst", None), person("alleroed", "Carl Hansen", "V"),
              person("alleroed", "Eva Vikar", "A")):
        mu.persons[p.id] = p
    udvalg = Committee("alleroed", "oekonomiudvalget-2014-2017", "Økonomiudvalget 2014-2017", "2014-2017", members=[
        Membership("aase-aeroe", "Formand", dt.date(2015, 5, 13), dt.date(2016, 6, 8)),
        Membership("bo-oest", "Medlem", dt.date(2015, 5, 13), dt.date(2016, 6, 8)),
        Membership("carl-hansen", "Medlem", dt.date(2016, 6, 8), dt.date(2016, 6, 8)),
    ])
    first = Meeting("alleroed", udvalg.id, "2015-05-13", dt.date(2015, 5, 13), "referat", "07:30", "08:35", "Rådhuset, mødelokale 1", "7",
                    present=["aase-aeroe"], absent=["bo-oest"], other_attendees=["Direktør Ida Holm"], signed_by=["Åse Ærø"],
                    substitutes=[Substitute("eva-vikar", "bo-oest")],
                    original=Original("pdf", SHA256, "https://www.alleroed.dk/referat-2015-05-13.pdf"),
                    items=[open_item(1, "Budget 2016 & overslagsår", "15/839", "Godkendt.",
                                     earlier_decisions=[EarlierDecision(dt.date(2014, 12, 3), "Økonomiudvalget", "Udsat.")],
                                     attachments=["Notat.pdf"]),
                           closed_item(2)],
                    attachments=[AttachmentDocument("1.1", "Notat.pdf", 1, "33292/15", "# Notat\n\nTekst i bilaget.",
                                                    Source("doc.txt", 100, 120, first_page=7, last_page=8)),
                                 AttachmentDocument("2.1", SECRET, 2, SECRET, SECRET, Source("doc.txt", 121, 130))],
                    source=Source("doc.txt", 1, 120))
    second = Meeting("alleroed", udvalg.id, "2016-06-08", dt.date(2016, 6, 8), "referat", "17:00", None, None, None,
                     present=["aase-aeroe", "bo-oest", "carl-hansen"],
                     items=[open_item(1, "Budget 2016, opfølgning", "15/839", "Taget til efterretning.", absent=["carl-hansen"]),
                            open_item(2, "Orientering", None, None)],
                     source=Source("doc2.txt", 1, 50))
    again = Meeting("alleroed", udvalg.id, "2016-06-08-2", dt.date(2016, 6, 8), "dagsorden", None, None, None, None,
                    items=[open_item(1, "Ekstraordinært møde", "16/1", None)], source=Source("doc3.txt", 1, 20),
                    substitutes=[Substitute("eva-vikar")], incomplete=Incomplete(20, "punkt 2 og 3 i indholdsfortegnelsen"))
    udvalg.meetings = [again, second, first]
    mu.committees[udvalg.id] = udvalg
    tomt = Committee("alleroed", "tomt-udvalg", "Tomt udvalg", None)
    mu.committees[tomt.id] = tomt
    return mu


def gentofte() -> Municipality:
    mu = Municipality("gentofte", "Gentofte Kommune")
    mu.persons["dorte-dahl"] = Person("gentofte", "dorte-dahl", "Dorte Dahl", "C")
    udvalg = Committee("gentofte", "erhvervsudvalget", "Erhvervsudvalget", None,
                       members=[Membership("dorte-dahl", "Formand")])
    udvalg.meetings = [Meeting("gentofte", udvalg.id, "2019-02-28", dt.date(2019, 2, 28), "dagsorden", "16:00", "18:00",
                               "Rådhuset", None, present=["dorte-dahl"],
                               items=[open_item(1, "Erhvervsstrategi", "EMN-2019-00607", None), closed_item(2)],
                               source=Source("g.txt", 1, 99))]
    mu.committees[udvalg.id] = udvalg
    return mu


def build_archive() -> Archive:
    archive = Archive({"alleroed": alleroed(), "gentofte": gentofte()})
    assert link_archive(archive, Path("content")) == []
    return archive


@pytest.fixture(scope="session")
def make_archive():
    """A function giving a fresh copy of the fixture archive (for fixtures of wider scope)."""
    return build_archive


@pytest.fixture(scope="session")
def secret() -> str:
    """Text that only closed items hold."""
    return SECRET


@pytest.fixture
def archive() -> Archive:
    return build_archive()


@pytest.fixture
def site(tmp_path) -> tuple[Archive, Path, dict]:
    """The fixture archive's data files written into an otherwise empty site folder."""
    archive = build_archive()
    figures = write_exports(archive, tmp_path / "site", "https://arkiv.example.dk/", full_outlines(archive))
    return archive, tmp_path / "site", figures
