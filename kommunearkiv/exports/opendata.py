"""The model → the open-data form of a meeting, the same dict ``import --dry-run --json`` prints.

The form names people by name (as the minutes do); the other data files add
ids and addresses. Two keys of the importer's form are not kept in
``content/`` and so cannot be given back: ``warnings`` (the importer's
diagnostics; left out) and, when the municipality's format cannot be told
from its name, ``format`` (``None``). Closed items keep number, title,
access and lines; every other field is empty. Substitutes are not members:
``members`` lists the members whose attendance was recorded.
"""
from __future__ import annotations

import datetime as dt

from ..model import AgendaItem, Archive, AttachmentDocument, Case, Meeting, Municipality, Original, Source, Substitute

DEFAULT_ROLE = "Medlem"


def meeting_document(archive: Archive, meeting: Meeting) -> dict:
    municipality = archive.municipalities[meeting.municipality]
    committee = archive.committee(meeting)
    names = person_names(municipality)
    return {
        "format": format_name(municipality.name),
        "municipality": municipality.name,
        "committee": committee.name,
        "period": committee.period,
        "document_kind": meeting.kind,
        "date": meeting.date.isoformat(),
        "start": meeting.start,
        "end": meeting.end,
        "location": meeting.location,
        "meeting_number": meeting.number,
        "members": [member(archive, meeting, person_id) for person_id in meeting.attendance],
        "absent": [names[p] for p in meeting.absent],
        "other_attendees": list(meeting.other_attendees),
        "signed_by": list(meeting.signed_by),
        "substitutes": [substitute(municipality, s) for s in meeting.substitutes],
        "incomplete": {"line": meeting.incomplete.line, "missing": meeting.incomplete.missing} if meeting.incomplete else None,
        "items": [item_document(item, names) for item in meeting.items],
        "attachment_documents": [attachment_document(a) for a in meeting.published_attachments()],
        "source": source_document(meeting),
    }


def source_document(meeting: Meeting) -> dict:
    """The document the meeting was imported from: name, lines, and the provenance of its original."""
    original = meeting.original or Original()
    return {"file": meeting.source.file if meeting.source else None, "lines": lines(meeting.source),
            "kind": original.kind, "sha256": original.sha256, "url": original.url}


def substitute(municipality: Municipality, seat: Substitute) -> dict:
    person = municipality.persons[seat.person]
    return {"name": person.name, "party": person.party,
            "replaces": municipality.persons[seat.replaces].name if seat.replaces else None}


def format_name(municipality_name: str) -> str | None:
    """The importer format that reads this municipality's minutes (imported lazily: formats are optional here)."""
    from ..importing import FORMATS

    return next((f.NAME for f in FORMATS if f.MUNICIPALITY == municipality_name), None)


def person_names(municipality: Municipality) -> dict[str, str]:
    return {p.id: p.name for p in municipality.persons.values()}


def member(archive: Archive, meeting: Meeting, person_id: str) -> dict:
    person = archive.person(meeting.municipality, person_id)
    return {"name": person.name, "party": person.party, "role": meeting.roles.get(person_id, DEFAULT_ROLE)}


def lines(source: Source | None) -> list[int] | None:
    return [source.first_line, source.last_line] if source else None


def with_pages(document: dict, source: Source | None) -> dict:
    """An item's or attachment's document, with the pages it stands on when they are known (the importer's form
    has the key only then)."""
    if source and source.first_page:
        document["pages"] = [source.first_page, source.last_page]
    return document


def iso_date(date: dt.date | None) -> str | None:
    return date.isoformat() if date else None


def item_document(item: AgendaItem, names: dict[str, str]) -> dict:
    if item.is_closed:
        return closed_item_document(item)
    return with_pages({
        "number": item.number,
        "title": item.title,
        "case_number": item.case_number,
        "access": item.access,
        "item_type": item.item_type,
        "sections": [{"heading": s.heading, "text": s.text} for s in item.sections],
        "decision": item.decision.text if item.decision else None,
        "decision_heading": item.decision.heading if item.decision else None,
        "earlier_decisions": [{"date": iso_date(e.date), "body": e.body, "text": e.text} for e in item.earlier_decisions],
        "absent": [names[p] for p in item.absent],
        "attachments": list(item.attachments),
        "lines": lines(item.source),
    }, item.source)


def closed_item_document(item: AgendaItem) -> dict:
    """Every key of an item, as for open ones, with only number, title, access and lines filled."""
    return with_pages({"number": item.number, "title": item.title, "case_number": None, "access": item.access, "item_type": None,
                       "sections": [], "decision": None, "decision_heading": None, "earlier_decisions": [], "absent": [],
                       "attachments": [], "lines": lines(item.source)}, item.source)


def attachment_document(attachment: AttachmentDocument) -> dict:
    return with_pages({"label": attachment.label, "title": attachment.title, "item": attachment.item,
                       "reference": attachment.reference, "text": attachment.read_text(), "lines": lines(attachment.source)},
                      attachment.source)


def public_cases(municipality: Municipality) -> list[Case]:
    """The cases with their open items only: a closed item gives away no case number, and a case of closed items only is left out."""
    cases = (Case(c.municipality, c.id, c.number, [i for i in c.items if not i.is_closed]) for c in municipality.cases.values())
    return [c for c in cases if c.items]
