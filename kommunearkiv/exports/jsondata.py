"""JSON files: one per meeting, committee, person and case, one per municipality holding all of its
own, the site's index of municipalities, and their JSON Schemas.

Addresses in the files (``url`` of a page, ``data`` of a JSON file) are paths
from the site root, so the files stay valid wherever the site is published.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import paths
from ..model import AgendaItem, Archive, Case, Committee, Meeting, Municipality, Person
from ..parts import Outline
from . import locations
from .files import Encoded, json_bytes, write_bytes, write_json_stream, write_text
from .opendata import item_document, iso_date, meeting_document, person_names, public_cases
from .tables import csv_paths

SCHEMA_SOURCE = Path(__file__).resolve().parent / "schemas"
SCHEMAS = ("meeting", "committee", "person", "case", "municipality", "archive")


def meeting_ref(meeting: Meeting) -> dict:
    return {"municipality": meeting.municipality, "committee": meeting.committee, "id": meeting.id,
            "date": meeting.date.isoformat(), "kind": meeting.kind,
            "url": paths.meeting_path(meeting), "data": locations.json_path(meeting)}


def committee_document(committee: Committee, municipality: Municipality) -> dict:
    return {
        "municipality": committee.municipality, "id": committee.id, "name": committee.name,
        "period": committee.period, "url": paths.committee_path(committee), "data": locations.json_path(committee),
        "feed": locations.feed_path(committee.municipality, committee.id), "calendar": locations.calendar_path(committee),
        "members": [{"person": m.person, "name": municipality.persons[m.person].name, "role": m.role,
                     "start": iso_date(m.start), "end": iso_date(m.end)} for m in committee.members],
        "meetings": [meeting_ref(m) for m in committee.meetings],
    }


def person_document(person: Person, municipality: Municipality, meetings: list[Meeting]) -> dict:
    """``meetings`` is ``municipality.meetings()``, sorted once for all its persons."""
    recorded = [m for m in meetings if person.id in m.attendance]
    return {
        "municipality": person.municipality, "id": person.id, "name": person.name, "party": person.party,
        "url": paths.person_path(person), "data": locations.json_path(person),
        "memberships": [
            {"committee": c.id, "committee_name": c.name, "role": m.role, "start": iso_date(m.start), "end": iso_date(m.end)}
            for c in municipality.committees.values() for m in c.members if m.person == person.id
        ],
        "attendance": [{"meeting": meeting_ref(m), "present": person.id in m.present,
                        "absent_from_items": [i.number for i in m.items if not i.is_closed and person.id in i.absent]} for m in recorded],
        "substitute": [{"meeting": meeting_ref(m), "replaces": seat.replaces}
                       for m in meetings if (seat := m.substitute_for(person.id))],
    }


def case_item(item: AgendaItem, names: dict[str, str]) -> dict:
    document = item_document(item, names)
    for key in ("sections", "attachments", "lines", "pages"):
        document.pop(key, None)
    return {**document, "meeting": meeting_ref(item.meeting), "url": paths.item_path(item)}


def case_document(case: Case, municipality: Municipality) -> dict:
    names = person_names(municipality)
    return {"municipality": case.municipality, "id": case.id, "number": case.number, "title": case.title,
            "url": paths.case_path(case), "data": locations.json_path(case),
            "items": [case_item(i, names) for i in case.items]}


@dataclass(frozen=True)
class DocumentFiles:
    """Writes each thing's own JSON file and hands its encoded text on to the municipality's file: one encoding for both."""

    site_dir: Path
    written: list[str]

    def write(self, thing: Meeting | Committee | Person | Case, document: dict) -> Encoded:
        text = json_bytes(document)
        self.written.append(write_bytes(self.site_dir, locations.json_path(thing), text + b"\n"))
        return Encoded(text)


def municipality_document(archive: Archive, municipality: Municipality, files: DocumentFiles) -> dict:
    """The municipality's file, its lists streamed as each document's own file is written."""
    meetings = municipality.meetings()
    persons = sorted(municipality.persons.values(), key=lambda p: p.id)
    return {
        "id": municipality.id, "name": municipality.name, "url": paths.municipality_path(municipality),
        "committees": (files.write(c, committee_document(c, municipality)) for c in municipality.committees.values()),
        "persons": (files.write(p, person_document(p, municipality, meetings)) for p in persons),
        "cases": (files.write(c, case_document(c, municipality)) for c in public_cases(municipality)),
        "meetings": ({**meeting_ref(m), "original": paths.original_path(m), "document": files.write(m, meeting_document(archive, m))}
                     for m in meetings),
    }


def write_municipality_json(archive: Archive, municipality: Municipality, site_dir: Path) -> list[str]:
    """Every meeting, committee, person and case file of the municipality, and its file holding them all."""
    written: list[str] = []
    document = municipality_document(archive, municipality, DocumentFiles(site_dir, written))
    whole = write_json_stream(site_dir, locations.json_path(municipality), document)  # writes the documents' files
    return written + [whole]


def index_entry(outline: Outline) -> dict:
    municipality = outline.municipality
    return {"id": municipality.id, "name": municipality.name, "url": paths.municipality_path(municipality),
            "data": locations.json_path(municipality), "meetings": sum(outline.meetings.values()),
            "csv": csv_paths(municipality.id)}


def write_site_json(outlines: list[Outline], site_dir: Path) -> list[str]:
    """The schemas, and the index of every municipality with its files (``data/arkiv.json``)."""
    written = [write_text(site_dir, locations.schema_path(name), (SCHEMA_SOURCE / f"{name}.schema.json").read_text(encoding="utf-8"))
               for name in SCHEMAS]
    index = {"municipalities": [index_entry(o) for o in sorted(outlines, key=lambda o: o.id)]}
    return written + [write_bytes(site_dir, locations.ARCHIVE_JSON, json_bytes(index) + b"\n")]
