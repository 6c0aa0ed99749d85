"""The site's URL rules and the route to each thing of the archive.

The rules spell out ``kommunearkiv.paths`` as Flask rules (a test checks
that both agree for every object), so pages, search results and the sitemap
point at the same addresses.
"""
from __future__ import annotations

from ..model import AgendaItem, AttachmentDocument, Case, Committee, Meeting, Municipality, Person
from ..paths import ATTACHMENTS, CASES, PERSONS

MEETING_RULE = "/<municipality>/<committee>/<meeting>/"
RULES = (
    ("home", "/"),
    ("search", "/search/"),
    ("data", "/data/"),
    ("not_found", "/404.html"),
    ("municipality", "/<municipality>/"),
    ("case", f"/<municipality>/{CASES}/<case>/"),
    ("person", f"/<municipality>/{PERSONS}/<person>/"),
    ("committee", "/<municipality>/<committee>/"),
    ("meeting", MEETING_RULE),
    ("item", MEETING_RULE + "punkt-<int:number>/"),
    ("attachment", MEETING_RULE + ATTACHMENTS + "/<slug>/"),
)


def route(thing) -> tuple[str, dict]:
    """``(endpoint, values)`` of the page showing ``thing`` (a model object)."""
    match thing:
        case Municipality():
            return "municipality", {"municipality": thing.id}
        case Committee():
            return "committee", {"municipality": thing.municipality, "committee": thing.id}
        case Meeting():
            return "meeting", _meeting_values(thing)
        case AgendaItem():
            return "item", {**_meeting_values(thing.meeting), "number": thing.number}
        case AttachmentDocument():
            return "attachment", {**_meeting_values(thing.meeting), "slug": thing.slug}
        case Case():
            return "case", {"municipality": thing.municipality, "case": thing.id}
        case Person():
            return "person", {"municipality": thing.municipality, "person": thing.id}
    raise TypeError(f"no page shows a {type(thing).__name__}")


def _meeting_values(meeting: Meeting) -> dict:
    return {"municipality": meeting.municipality, "committee": meeting.committee, "meeting": meeting.id}
