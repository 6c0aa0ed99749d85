"""Document ids: telling a document's facets by themselves, and a municipality's ids by its position alone.

An id packs the document's group (municipality, committee, year, type) and its
place in the group::

    id = ((((m × 2¹⁰ + c) × 2⁸ + y) × 2³ + t) × 2¹⁶) + local

``m`` is the municipality's position among the site's (sorted by id), ``c``
1 + the committee's position among its municipality's (0: none, for persons),
``y`` the year − 1900 (0: none), ``t`` the type (``TYPES``), ``local`` the
document's place in its group, in archive order. Ids of one municipality lie
between ``m × 2³⁷`` and ``(m + 1) × 2³⁷`` (``municipality_of``) and depend on
nothing else of the site, so each municipality's part of the index is made on
its own (``search.write_municipality_index``). Ids stay below 2⁴⁷, exact in a
JavaScript number; the browser reads the facets back from the id
(``search-core.js``).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from ..errors import InputError
from ..model import Archive, Municipality
from .documents import (TYPE_NUMBERS, SearchDocument, attachment_document, case_document, item_document,
                        meeting_document, person_document)

LOCAL_BITS, TYPE_BITS, YEAR_BITS, COMMITTEE_BITS, MUNICIPALITY_BITS = 16, 3, 8, 10, 10
YEAR_BASE = 1900
MUNICIPALITY_SHIFT = LOCAL_BITS + TYPE_BITS + YEAR_BITS + COMMITTEE_BITS
LAYOUT = {"local": LOCAL_BITS, "type": TYPE_BITS, "year": YEAR_BITS, "committee": COMMITTEE_BITS, "yearBase": YEAR_BASE}



@dataclass
class Numbered:
    """A searchable thing: its id, how to make its document, and for an attachment its item's (which the
    search page ranks it below)."""

    id: int
    make: Callable[[], SearchDocument]
    parent: Numbered | None = None

    @property
    def parent_id(self) -> int:
        return self.parent.id if self.parent else 0


def group_id(municipality: Municipality, position: int, committee: int, year: int, kind: str) -> int:
    """The id of the group's first document; ``committee`` is 1 + the committee's position, 0 for none."""
    if year and not 0 < year - YEAR_BASE < 2 ** YEAR_BITS:
        raise InputError.single(f"content/{municipality.id}", None, "date",
                                f"a year from {YEAR_BASE + 1} to {YEAR_BASE + 2 ** YEAR_BITS - 1}, found {year}")
    y = year - YEAR_BASE if year else 0
    return (((position << COMMITTEE_BITS | committee) << YEAR_BITS | y) << TYPE_BITS | TYPE_NUMBERS[kind]) << LOCAL_BITS


def municipality_of(doc_id: int) -> int:
    """The position of the document's municipality."""
    return doc_id >> MUNICIPALITY_SHIFT


def year_of(doc_id: int) -> int:
    """The document's year; 0 for none."""
    year = (doc_id >> (LOCAL_BITS + TYPE_BITS)) & (2 ** YEAR_BITS - 1)
    return YEAR_BASE + year if year else 0


def numbered(municipality: Municipality, position: int) -> list[Numbered]:
    """Every searchable thing of the municipality at ``position`` among the site's, in id order (the documents
    are not made)."""
    if position >= 2 ** MUNICIPALITY_BITS or len(municipality.committees) >= 2 ** COMMITTEE_BITS:
        raise InputError.single("content", None, "municipalities",
                                f"at most {2 ** MUNICIPALITY_BITS - 1} municipalities of at most "
                                f"{2 ** COMMITTEE_BITS - 1} committees each (the search index's document ids)")
    archive = Archive({municipality.id: municipality})
    committees = {c: k + 1 for k, c in enumerate(sorted(municipality.committees))}
    groups: dict[int, list[Numbered]] = {}

    def add(committee: str | None, year: int, kind: str, make, parent: Numbered | None = None) -> Numbered:
        members = groups.setdefault(group_id(municipality, position, committees.get(committee, 0), year, kind), [])
        members.append(Numbered(0, make, parent))
        return members[-1]

    for meeting in municipality.meetings():
        place = (meeting.committee, meeting.date.year)
        add(*place, "moede", partial(meeting_document, archive, municipality, meeting))
        items = {item.number: add(*place, "punkt", partial(item_document, archive, item)) for item in meeting.items}
        for attachment in meeting.published_attachments():
            add(*place, "bilag", partial(attachment_document, archive, attachment), items.get(attachment.item))
    for case in municipality.cases.values():
        if case.items:
            last = case.items[-1].meeting
            add(last.committee, last.date.year, "sag", partial(case_document, archive, case))
    for person in municipality.persons.values():
        add(None, 0, "person", partial(person_document, municipality, person))
    found = []
    for first in sorted(groups):
        if len(groups[first]) > 2 ** LOCAL_BITS:
            raise InputError.single("content", None, "documents",
                                    f"at most {2 ** LOCAL_BITS} searchable documents of one type per committee and year")
        for local, member in enumerate(groups[first]):
            member.id = first + local
            found.append(member)
    return found


def numbered_documents(archive: Archive) -> Iterator[tuple[int, SearchDocument]]:
    """``(id, document)`` of every searchable thing of the archive in id order, made one at a time."""
    for position, name in enumerate(sorted(archive.municipalities)):
        yield from ((thing.id, thing.make()) for thing in numbered(archive.municipalities[name], position))
