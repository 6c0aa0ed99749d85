"""The trail from the home page to a page: its ancestors, each with a label."""
from __future__ import annotations

from ..dates import danish_date
from ..model import AgendaItem, AttachmentDocument, Case, Committee, Meeting, Municipality, Person
from .state import current_archive


def breadcrumbs(thing=None) -> list[tuple[str, object]]:
    """``[(label, thing), …]`` from the home page (thing ``None``) down to ``thing`` itself."""
    if thing is None:
        return [("Forside", None)]
    return breadcrumbs(parent(thing)) + [(label(thing), thing)]


def parent(thing):
    archive = current_archive()
    match thing:
        case Municipality():
            return None
        case Committee() | Case() | Person():
            return archive.municipalities[thing.municipality]
        case Meeting():
            return archive.committee(thing)
        case AgendaItem() | AttachmentDocument():
            return thing.meeting
    raise TypeError(f"no page shows a {type(thing).__name__}")


def label(thing) -> str:
    match thing:
        case Municipality() | Committee() | Person():
            return thing.name
        case Meeting():
            return f"Møde {danish_date(thing.date)}"
        case AgendaItem():
            return f"Punkt {thing.number}"
        case AttachmentDocument():
            return f"Bilag {thing.label}"
        case Case():
            return f"Sag {thing.number}"
    raise TypeError(f"no page shows a {type(thing).__name__}")
