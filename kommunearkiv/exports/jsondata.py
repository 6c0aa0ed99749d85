"""JSON files: one per meeting, committee, person and case, one complete dump, and their JSON Schemas.

Addresses in the files (``url`` of a page, ``data`` of a JSON file) are paths
from the site root, so the files stay valid wherever the site is published.
"""
from __future__ import annotations

from pathlib import Path

from .. import paths
from ..model import AgendaItem, Archive, Case, Committee, Meeting, Municipality, Person
from . import locations
from .files import write_json, write_text
from .opendata import item_document, iso_date, meeting_document, person_names, public_cases

SCHEMA_SOURCE = Path(__file__).resolve().parent / "schemas"
SCHEMAS = ("meeting", "committee", "person", "case", "archive")


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


def person_document(person: Person, municipality: Municipality) -> dict:
    meetings = [m for m in municipality.meetings() if person.id in m.attendance]
    return {
        "municipality": person.municipality, "id": person.id, "name": person.name, "party": person.party,
        "url": paths.person_path(person), "data": locations.json_path(person),
        "memberships": [
            {"committee": c.id, "committee_name": c.name, "role": m.role, "start": iso_date(m.start), "end": iso_date(m.end)}
            for c in municipality.committees.values() for m in c.members if m.person == person.id
        ],
        "attendance": [{"meeting": meeting_ref(m), "present": person.id in m.present,
                        "absent_from_items": [i.number for i in m.items if not i.is_closed and person.id in i.absent]} for m in meetings],
    }


def case_item(item: AgendaItem, names: dict[str, str]) -> dict:
    document = item_document(item, names)
    for key in ("sections", "attachments", "lines"):
        del document[key]
    return {**document, "meeting": meeting_ref(item.meeting), "url": paths.item_path(item)}


def case_document(case: Case, municipality: Municipality) -> dict:
    names = person_names(municipality)
    return {"municipality": case.municipality, "id": case.id, "number": case.number, "title": case.title,
            "url": paths.case_path(case), "data": locations.json_path(case),
            "items": [case_item(i, names) for i in case.items]}


def archive_document(archive: Archive) -> dict:
    """Everything in one file: each municipality with its committees, persons, cases and meetings in full."""
    return {"municipalities": [
        {"id": mu.id, "name": mu.name, "url": paths.municipality_path(mu),
         "committees": [committee_document(c, mu) for c in mu.committees.values()],
         "persons": [person_document(p, mu) for p in sorted(mu.persons.values(), key=lambda p: p.id)],
         "cases": [case_document(c, mu) for c in public_cases(mu)],
         "meetings": [{**meeting_ref(m), "document": meeting_document(archive, m)} for m in mu.meetings()]}
        for mu in sorted(archive.municipalities.values(), key=lambda mu: mu.id)
    ]}


def write_json_files(archive: Archive, site_dir: Path) -> list[str]:
    written = [write_text(site_dir, locations.schema_path(name), (SCHEMA_SOURCE / f"{name}.schema.json").read_text(encoding="utf-8"))
               for name in SCHEMAS]
    for municipality in archive.municipalities.values():
        for committee in municipality.committees.values():
            written.append(write_json(site_dir, locations.json_path(committee), committee_document(committee, municipality)))
            written += [write_json(site_dir, locations.json_path(m), meeting_document(archive, m)) for m in committee.meetings]
        written += [write_json(site_dir, locations.json_path(p), person_document(p, municipality)) for p in municipality.persons.values()]
        written += [write_json(site_dir, locations.json_path(c), case_document(c, municipality)) for c in public_cases(municipality)]
    written.append(write_json(site_dir, locations.ARCHIVE_JSON, archive_document(archive)))
    return written
