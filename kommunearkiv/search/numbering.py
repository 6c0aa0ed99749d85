"""Document ids: stable under additions, and telling a document's facets by themselves.

An id packs the document's group (municipality, committee, year, type) and its
place in the group::

    id = ((((m × 2¹⁰ + c) × 2⁸ + y) × 2³ + t) × 2¹⁶) + local

``m`` is the municipality's position among the archive's (sorted by id), ``c``
1 + the committee's position among its municipality's (0: none, for persons),
``y`` the year − 1900 (0: none), ``t`` the type (``TYPES``), ``local`` the
document's place in its group, in archive order. Ids of one municipality lie
between ``m × 2³⁷`` and ``(m + 1) × 2³⁷`` (``municipality_of``). A meeting added at the end of
its committee's year appends to its groups and changes no other document's
id, so the index files of other documents stay as they are (``update.py``).
Ids stay below 2⁴⁷, exact in a JavaScript number; the browser reads the facets
back from the id (``search-core.js``).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from .. import paths
from ..errors import InputError
from ..fingerprints import digest
from ..model import AgendaItem, Archive, AttachmentDocument, Meeting, Municipality
from .documents import (TYPE_NUMBERS, SearchDocument, attachment_document, case_document, item_document,
                        meeting_document, person_document)

LOCAL_BITS, TYPE_BITS, YEAR_BITS, COMMITTEE_BITS, MUNICIPALITY_BITS = 16, 3, 8, 10, 10
YEAR_BASE = 1900
MUNICIPALITY_SHIFT = LOCAL_BITS + TYPE_BITS + YEAR_BITS + COMMITTEE_BITS
LAYOUT = {"local": LOCAL_BITS, "type": TYPE_BITS, "year": YEAR_BITS, "committee": COMMITTEE_BITS, "yearBase": YEAR_BASE}
# Kinds whose documents are small and change when later meetings are added (a case's titles, a person's
# roles): the index remembers their terms, so that an update can take their old postings out.
REMEMBERED_KINDS = ("moede", "sag", "person")


@dataclass
class Numbered:
    """A searchable thing: its id, kind, a fingerprint of what its document holds, how to make the document,
    and for an attachment its item's (which the search page ranks it below)."""

    id: int
    kind: str
    fingerprint: str
    make: Callable[[], SearchDocument]
    parent: Numbered | None = None

    @property
    def parent_id(self) -> int:
        return self.parent.id if self.parent else 0


class Tables:
    """The municipalities and their committees in id order: the positions ids are made of (of the whole
    archive, or of its outline: ``parts.outline_archive``)."""

    def __init__(self, archive: Archive):
        self.municipalities = [archive.municipalities[m] for m in sorted(archive.municipalities)]
        self.committees = [[mu.committees[c] for c in sorted(mu.committees)] for mu in self.municipalities]
        self.municipality_numbers = {mu.id: n for n, mu in enumerate(self.municipalities)}
        self.committee_numbers = {(mu.id, c.id): k + 1 for mu, cs in zip(self.municipalities, self.committees)
                                  for k, c in enumerate(cs)}
        if len(self.municipalities) >= 2 ** MUNICIPALITY_BITS or any(len(cs) >= 2 ** COMMITTEE_BITS for cs in self.committees):
            raise InputError.single("content", None, "municipalities",
                                    f"at most {2 ** MUNICIPALITY_BITS - 1} municipalities of at most "
                                    f"{2 ** COMMITTEE_BITS - 1} committees each (the search index's document ids)")

    def layout(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each municipality's id and committee ids, by position: what the ids' positions stand for."""
        return tuple((mu.id, tuple(c.id for c in cs)) for mu, cs in zip(self.municipalities, self.committees))

    def group(self, municipality: str, committee: str | None, year: int, kind: str) -> int:
        """The id of the group's first document."""
        if year and not 0 < year - YEAR_BASE < 2 ** YEAR_BITS:
            raise InputError.single(f"content/{municipality}", None, "date",
                                    f"a year from {YEAR_BASE + 1} to {YEAR_BASE + 2 ** YEAR_BITS - 1}, found {year}")
        m = self.municipality_numbers[municipality]
        c = self.committee_numbers[municipality, committee] if committee else 0
        y = year - YEAR_BASE if year else 0
        return (((m << COMMITTEE_BITS | c) << YEAR_BITS | y) << TYPE_BITS | TYPE_NUMBERS[kind]) << LOCAL_BITS


def municipality_of(doc_id: int) -> int:
    """The position of the document's municipality."""
    return doc_id >> MUNICIPALITY_SHIFT


def year_of(doc_id: int) -> int:
    """The document's year; 0 for none."""
    year = (doc_id >> (LOCAL_BITS + TYPE_BITS)) & (2 ** YEAR_BITS - 1)
    return YEAR_BASE + year if year else 0


def numbered(archive: Archive, item_digests: dict[int, str] | None = None,
             tables: Tables | None = None) -> tuple[Tables, list[Numbered]]:
    """The tables, and every searchable thing of the archive in id order (the documents are not made).

    ``item_digests``: ``fingerprints.digest`` of each item by ``id()``, when the build has them already.
    ``tables``: those of the whole site when ``archive`` holds only some of its municipalities."""
    item_digests = item_digests or {}
    tables = tables or Tables(archive)
    groups: dict[int, list[Numbered]] = {}

    def add(municipality: str, committee: str | None, year: int, kind: str, fingerprint: str, make,
            parent: Numbered | None = None) -> Numbered:
        members = groups.setdefault(tables.group(municipality, committee, year, kind), [])
        members.append(Numbered(0, kind, fingerprint, make, parent))
        return members[-1]

    for municipality in _numbered_municipalities(archive, tables):
        for meeting in municipality.meetings():
            place = (meeting.municipality, meeting.committee, meeting.date.year)
            add(*place, "moede", "", partial(meeting_document, archive, municipality, meeting))
            items = {item.number: add(*place, "punkt", _item_fingerprint(archive, item, item_digests.get(id(item))),
                                      partial(item_document, archive, item)) for item in meeting.items}
            for attachment in meeting.published_attachments():
                add(*place, "bilag", _attachment_fingerprint(archive, attachment),
                    partial(attachment_document, archive, attachment), items.get(attachment.item))
        for case in municipality.cases.values():
            if case.items:
                last = case.items[-1].meeting
                add(last.municipality, last.committee, last.date.year, "sag", "", partial(case_document, archive, case))
        for person in municipality.persons.values():
            add(municipality.id, None, 0, "person", "", partial(person_document, municipality, person))
    found = []
    for first in sorted(groups):
        members = groups[first]
        if len(members) > 2 ** LOCAL_BITS:
            raise InputError.single("content", None, "documents",
                                    f"at most {2 ** LOCAL_BITS} searchable documents of one type per committee and year")
        for local, member in enumerate(members):
            member.id = first + local
            found.append(member)
    return tables, found


def _numbered_municipalities(archive: Archive, tables: Tables) -> list[Municipality]:
    """The archive's municipalities in id order, each as the tables know it (same committees)."""
    layout = dict(tables.layout())
    found = [archive.municipalities[m] for m in sorted(archive.municipalities)]
    for municipality in found:
        if layout.get(municipality.id) != tuple(sorted(municipality.committees)):
            raise ValueError(f"municipality {municipality.id!r} or its committees missing from the search tables")
    return found


def numbered_documents(archive: Archive) -> Iterator[tuple[int, SearchDocument]]:
    """``(id, document)`` of every searchable thing in id order, made one at a time."""
    return ((n.id, n.make()) for n in numbered(archive)[1])


def fingerprint(thing: Numbered, document: SearchDocument | None = None) -> str:
    """What the thing's document holds, hashed: items and attachments from their inputs (making their
    documents is most of the search index's work), the small remembered kinds from the document itself."""
    if thing.fingerprint:
        return thing.fingerprint
    return digest(document or thing.make())


def _where(archive: Archive, meeting: Meeting) -> tuple:
    committee = archive.committee(meeting)
    return meeting.municipality, committee.id, committee.name, meeting.date


def _item_fingerprint(archive: Archive, item: AgendaItem, item_digest: str | None) -> str:
    persons = archive.municipalities[item.meeting.municipality].persons
    absent = [persons[p].name if p in persons else p for p in item.absent]
    return digest("punkt", paths.item_path(item), _where(archive, item.meeting), item_digest or digest(item), absent)


def _attachment_fingerprint(archive: Archive, attachment: AttachmentDocument) -> str:
    return digest("bilag", paths.attachment_path(attachment), _where(archive, attachment.meeting), attachment)
