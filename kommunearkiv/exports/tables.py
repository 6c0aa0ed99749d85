"""CSV tables, one set per municipality: one documented meaning per column, rows in a fixed order
(date, committee, meeting, item).

``TABLES`` is the one description of every table; the writer, the data page
and docs/open-data.md all read it. Each municipality has its own file of each
table (``data/csv/<municipality>/<table>.csv``, a header in every file), so a
municipality's tables are written again only when its content changed; the
tables of the whole site are the files joined (docs/open-data.md).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .. import paths
from ..model import AgendaItem, Meeting, Municipality, Original
from . import locations
from .files import WRITE_BUFFER, target
from .opendata import iso_date, public_cases


@dataclass(frozen=True)
class Table:
    """A CSV table: a municipality's rows, and how many there are, counted without making them (the data
    page shows the counts, and making every row of every table took 15 s at 10,000 meetings)."""

    name: str
    description: str
    columns: tuple[tuple[str, str], ...]
    rows: Callable[[Municipality], Iterable[dict]]
    count: Callable[[Municipality], int]

    @property
    def path(self) -> str:
        """Where each municipality's file of the table is, as a pattern."""
        return locations.csv_path("<kommune>", self.name)


def meeting_columns(meeting: Meeting) -> dict:
    return {"municipality": meeting.municipality, "committee": meeting.committee, "meeting": meeting.id,
            "date": meeting.date.isoformat()}


MEETING_COLUMNS = (
    ("municipality", "kommunens id, fx alleroed"),
    ("committee", "udvalgets id i kommunen"),
    ("meeting", "mødets id i udvalget: datoen, med -2, -3 … for flere møder samme dag"),
    ("date", "mødets dato, ÅÅÅÅ-MM-DD"),
)


def meeting_rows(municipality: Municipality) -> Iterable[dict]:
    for m in municipality.meetings():
        original = m.original or Original()
        yield {**meeting_columns(m), "kind": m.kind, "start": m.start, "end": m.end, "location": m.location,
               "number": m.number, "present": len(m.present), "absent": len(m.absent), "substitutes": len(m.substitutes),
               "items": len(m.items), "closed_items": sum(i.is_closed for i in m.items),
               "incomplete": "ja" if m.incomplete else "nej", "url": paths.meeting_path(m), "data": locations.json_path(m),
               "original": paths.original_path(m), "sha256": original.sha256, "source_url": original.url}


def item_rows(municipality: Municipality) -> Iterable[dict]:
    for m in municipality.meetings():
        for i in m.items:
            yield {**meeting_columns(m), "number": i.number, "title": i.title, "access": i.access,
                   "case_number": None if i.is_closed else i.case_number, "item_type": None if i.is_closed else i.item_type,
                   "decided": "" if i.is_closed else ("ja" if i.decision else "nej"),
                   "attachments": 0 if i.is_closed else len(i.attachments), "url": paths.item_path(i)}


def open_items(municipality: Municipality) -> Iterable[tuple[Meeting, AgendaItem]]:
    return ((m, i) for m in municipality.meetings() for i in m.items if not i.is_closed)


def decision_rows(municipality: Municipality) -> Iterable[dict]:
    for m, i in open_items(municipality):
        item = {**meeting_columns(m), "item": i.number, "item_title": i.title, "case_number": i.case_number, "url": paths.item_path(i)}
        if i.decision:
            yield {**item, "decision": "denne", "decision_date": m.date.isoformat(), "body": municipality.committees[m.committee].name,
                   "heading": i.decision.heading, "text": i.decision.text}
        for e in i.earlier_decisions:
            yield {**item, "decision": "tidligere", "decision_date": iso_date(e.date), "body": e.body,
                   "heading": None, "text": e.text}


def attendance_rows(municipality: Municipality) -> Iterable[dict]:
    """The members' rows of each meeting, then its substitutes' (status ``substitute``, whom they ``replaces``)."""
    for m in municipality.meetings():
        for person_id in m.attendance:
            person = municipality.persons[person_id]
            absent_items = [str(i.number) for i in m.items if not i.is_closed and person_id in i.absent]
            yield {**meeting_columns(m), "person": person_id, "name": person.name, "party": person.party,
                   "role": m.roles.get(person_id), "status": "present" if person_id in m.present else "absent",
                   "replaces": None, "absent_from_items": ";".join(absent_items)}
        for seat in m.substitutes:
            person = municipality.persons[seat.person]
            yield {**meeting_columns(m), "person": seat.person, "name": person.name, "party": person.party, "role": None,
                   "status": "substitute", "replaces": seat.replaces, "absent_from_items": ""}


def member_rows(municipality: Municipality) -> Iterable[dict]:
    for p in sorted(municipality.persons.values(), key=lambda p: p.id):
        yield {"municipality": municipality.id, "person": p.id, "name": p.name, "party": p.party,
               "url": paths.person_path(p), "data": locations.json_path(p)}


def membership_rows(municipality: Municipality) -> Iterable[dict]:
    for c in sorted(municipality.committees.values(), key=lambda c: c.id):
        for ms in c.members:
            yield {"municipality": municipality.id, "committee": c.id, "committee_name": c.name, "person": ms.person,
                   "name": municipality.persons[ms.person].name, "role": ms.role,
                   "start": iso_date(ms.start), "end": iso_date(ms.end)}


def case_rows(municipality: Municipality) -> Iterable[dict]:
    for c in public_cases(municipality):
        dates = [i.meeting.date for i in c.items]
        yield {"municipality": municipality.id, "case": c.id, "number": c.number, "title": c.title, "items": len(c.items),
               "first_date": min(dates).isoformat(), "last_date": max(dates).isoformat(),
               "url": paths.case_path(c), "data": locations.json_path(c)}


URL = ("url", "sidens adresse fra sitets rod")
DATA = ("data", "JSON-filens adresse fra sitets rod")
TABLES = (
    Table("moeder", "Et møde pr. række.", MEETING_COLUMNS + (
        ("kind", "dokumenttype: dagsorden, referat eller protokol"), ("start", "starttid TT:MM"), ("end", "sluttid TT:MM"),
        ("location", "mødested"), ("number", "mødenummer som trykt"), ("present", "antal medlemmer til stede"),
        ("absent", "antal fraværende medlemmer"), ("substitutes", "antal stedfortrædere (ikke talt med som til stede)"),
        ("items", "antal dagsordenspunkter"), ("closed_items", "heraf lukkede punkter"),
        ("incomplete", "ja hvis dokumentets tekst slutter før dokumentet (se mødets JSON), ellers nej"), URL, DATA,
        ("original", "adressen på arkivets kopi af originaldokumentet fra sitets rod, tom når ingen kopi er gemt"),
        ("sha256", "originaldokumentets SHA-256"), ("source_url", "originaldokumentets officielle adresse, når den kendes")),
        meeting_rows,
        lambda mu: len(mu.meetings())),
    Table("punkter", "Et dagsordenspunkt pr. række; lukkede punkter kun med nummer og titel.", MEETING_COLUMNS + (
        ("number", "punktets nummer på mødet"), ("title", "punktets titel"), ("access", "open eller closed (lukket)"),
        ("case_number", "sagsnummer, fx 15/839"), ("item_type", "punkttype som trykt, fx Beslutning"),
        ("decided", "ja hvis mødet traf en beslutning i punktet, ellers nej"), ("attachments", "antal bilag"), URL), item_rows,
        lambda mu: sum(len(m.items) for m in mu.meetings())),
    Table("beslutninger", "En beslutning pr. række: mødets egen (denne) og tidligere beslutninger gengivet i punktet (tidligere). "
          "En tidligere beslutning gentages i hvert senere punkt, der gengiver den.", MEETING_COLUMNS + (
        ("item", "punktets nummer"), ("item_title", "punktets titel"), ("case_number", "sagsnummer"), URL,
        ("decision", "denne (mødets beslutning) eller tidligere"), ("decision_date", "beslutningens dato, ÅÅÅÅ-MM-DD"),
        ("body", "hvem der besluttede"), ("heading", "overskriften beslutningen stod under"), ("text", "beslutningens tekst (Markdown)")),
        decision_rows, lambda mu: sum(bool(i.decision) + len(i.earlier_decisions) for _, i in open_items(mu))),
    Table("fremmoede", "En række pr. medlem pr. møde: til stede eller fraværende; derefter en række pr. stedfortræder "
          "(substitute), der ikke tælles med i medlemmernes fremmøde.", MEETING_COLUMNS + (
        ("person", "personens id i kommunen"), ("name", "navn"), ("party", "partibogstav"),
        ("role", "rolle i udvalget på mødedagen (tom for en stedfortræder)"),
        ("status", "present (til stede), absent (fraværende) eller substitute (stedfortræder)"),
        ("replaces", "for en stedfortræder: id på medlemmet, hvis plads vedkommende tog (tom når referatet ikke siger det)"),
        ("absent_from_items", "numre på åbne punkter personen var fraværende under, adskilt af ;")), attendance_rows,
        lambda mu: sum(len(m.attendance) + len(m.substitutes) for m in mu.meetings())),
    Table("medlemmer", "En person pr. række.", (
        ("municipality", "kommunens id"), ("person", "personens id i kommunen"), ("name", "navn"),
        ("party", "partibogstav"), URL, DATA), member_rows,
        lambda mu: len(mu.persons)),
    Table("medlemskaber", "Et medlemskab pr. række: en rolle i et udvalg fra første til sidste møde den er set på.", (
        ("municipality", "kommunens id"), ("committee", "udvalgets id"), ("committee_name", "udvalgets navn"),
        ("person", "personens id"), ("name", "navn"), ("role", "rolle, fx Formand eller Medlem"),
        ("start", "første mødedato med rollen"), ("end", "sidste mødedato med rollen")), membership_rows,
        lambda mu: sum(len(c.members) for c in mu.committees.values())),
    Table("sager", "En sag pr. række, fulgt på tværs af møder.", (
        ("municipality", "kommunens id"), ("case", "sagens id (sagsnummeret gjort til adresse)"),
        ("number", "sagsnummer som trykt"), ("title", "titel fra seneste åbne punkt"), ("items", "antal punkter om sagen"),
        ("first_date", "første mødedato"), ("last_date", "seneste mødedato"), URL, DATA), case_rows,
        lambda mu: len(public_cases(mu))),
)


def table_rows(municipality: Municipality) -> dict[str, int]:
    """The municipality's number of rows in each table (``parts.Outline.rows``), counted without making them."""
    return {table.name: table.count(municipality) for table in TABLES}


def csv_paths(municipality: str) -> dict[str, str]:
    """Table name → the file of that table of the municipality of id ``municipality``."""
    return {table.name: locations.csv_path(municipality, table.name) for table in TABLES}


def write_table(table: Table, municipality: Municipality, site_dir: Path) -> str:
    """Write the municipality's ``table`` row by row: its table of every decision is too large to hold as one string."""
    path = locations.csv_path(municipality.id, table.name)
    with target(site_dir, path).open("w", encoding="utf-8", newline="", buffering=WRITE_BUFFER) as out:
        writer = csv.DictWriter(out, fieldnames=[name for name, _ in table.columns], extrasaction="raise", lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(table.rows(municipality))  # csv writes None as an empty field
    return path


def write_tables(municipality: Municipality, site_dir: Path) -> list[str]:
    return [write_table(table, municipality, site_dir) for table in TABLES]
