"""The archive as plain data: what the content describes, with no file formats,
Flask or Jinja in sight. Readers build it, pages, search and exports read it.

Identity rules:
- a municipality is its slug (``alleroed``);
- a committee, person and case are identified within their municipality;
- a meeting is identified within its committee by its id (the date, plus
  ``-2``, ``-3`` … when a committee met twice on one day);
- an agenda item by its number within the meeting, an attachment document by
  its label within the meeting.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

OPEN = "open"
CLOSED = "closed"
DOCUMENT_KINDS = ("dagsorden", "referat", "protokol")
SOURCE_KINDS = ("text", "pdf", "html")


@dataclass(frozen=True)
class Source:
    """Where a piece of content came from: a file, a 1-based line range of its text, and the pages when known."""

    file: str
    first_line: int
    last_line: int
    format: str | None = None
    first_page: int | None = None
    last_page: int | None = None


@dataclass(frozen=True)
class Original:
    """The document a meeting was imported from, as its municipality published it: its kind (``SOURCE_KINDS``),
    SHA-256, official address, and ``copy``: the path of the copy kept in the content, which the build publishes
    beside the meeting page (None when no copy is kept)."""

    kind: str | None = None
    sha256: str | None = None
    url: str | None = None
    copy: str | None = None


@dataclass(frozen=True)
class Substitute:
    """A person who took a member's seat at one meeting (stedfortræder, suppleant): person ids, ``replaces``
    None when the minutes do not say whom. A substitute is not counted as present: attendance is the members'."""

    person: str
    replaces: str | None = None


@dataclass(frozen=True)
class Incomplete:
    """The text of the document stops before its end: the last ``line`` read and what is ``missing``."""

    line: int
    missing: str


@dataclass
class Person:
    municipality: str
    id: str
    name: str
    party: str | None = None


@dataclass
class Membership:
    person: str
    role: str
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass
class Section:
    heading: str
    text: str


@dataclass
class EarlierDecision:
    date: dt.date | None
    body: str
    text: str


@dataclass
class Decision:
    heading: str
    text: str


@dataclass
class AgendaItem:
    number: int
    title: str
    access: str = OPEN
    case_number: str | None = None
    item_type: str | None = None
    sections: list[Section] = field(default_factory=list)
    decision: Decision | None = None
    earlier_decisions: list[EarlierDecision] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    source: Source | None = None
    meeting: Meeting | None = field(default=None, repr=False, compare=False)

    @property
    def is_closed(self) -> bool:
        return self.access == CLOSED

    @property
    def anchor(self) -> str:
        return f"punkt-{self.number}"


@dataclass
class AttachmentDocument:
    """An attachment's text is most of an archive's text, so the content reader leaves it on disk
    (``text_file``) and it is read when a page, the search index or a data file needs it:
    ``read_text()``. ``text`` holds it instead where a document is made in memory."""

    label: str
    title: str
    item: int | None
    reference: str | None
    text: str = ""
    source: Source | None = None
    text_file: StoredText | None = None
    meeting: Meeting | None = field(default=None, repr=False, compare=False)

    @property
    def slug(self) -> str:
        return self.label.replace(".", "-")

    def read_text(self) -> str:
        return self.text_file.read() if self.text_file is not None else self.text


class StoredText(Protocol):
    """Text kept in a file: ``read()`` gives it; its ``repr`` names the file and a digest of the text."""

    def read(self) -> str: ...


@dataclass
class Meeting:
    municipality: str
    committee: str
    id: str
    date: dt.date
    kind: str
    start: str | None = None
    end: str | None = None
    location: str | None = None
    number: str | None = None
    present: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    other_attendees: list[str] = field(default_factory=list)
    signed_by: list[str] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)
    attachments: list[AttachmentDocument] = field(default_factory=list)
    source: Source | None = None
    original: Original | None = None
    substitutes: list[Substitute] = field(default_factory=list)
    incomplete: Incomplete | None = None

    def item(self, number: int) -> AgendaItem | None:
        return next((i for i in self.items if i.number == number), None)

    def attachment(self, label: str) -> AttachmentDocument | None:
        return next((a for a in self.attachments if a.label == label), None)

    def published_attachments(self) -> list[AttachmentDocument]:
        """The attachment documents, except those of closed items (nothing of a closed item is published)."""
        closed = {i.number for i in self.items if i.is_closed}
        return [a for a in self.attachments if a.item not in closed]

    @property
    def attendance(self) -> list[str]:
        """Everyone whose attendance was recorded: present first, then absent."""
        return self.present + self.absent

    def substitute_for(self, person_id: str) -> Substitute | None:
        """The person's seat as a substitute at this meeting, if they took one."""
        return next((s for s in self.substitutes if s.person == person_id), None)


@dataclass
class Committee:
    municipality: str
    id: str
    name: str
    period: str | None = None
    members: list[Membership] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)


@dataclass
class Case:
    """One case (sag) followed across meetings: every item with its number."""

    municipality: str
    id: str
    number: str
    items: list[AgendaItem] = field(default_factory=list)

    @property
    def title(self) -> str:
        """The title of the latest open item, or of the latest item if all are closed."""
        open_items = [i for i in self.items if not i.is_closed]
        return (open_items or self.items)[-1].title


@dataclass
class Municipality:
    id: str
    name: str
    committees: dict[str, Committee] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)

    def meetings(self) -> list[Meeting]:
        return sorted(
            (m for c in self.committees.values() for m in c.meetings),
            key=lambda m: (m.date, m.committee, m.id),
        )


@dataclass
class Archive:
    municipalities: dict[str, Municipality] = field(default_factory=dict)

    def meetings(self) -> list[Meeting]:
        return sorted(
            (m for mu in self.municipalities.values() for m in mu.meetings()),
            key=lambda m: (m.date, m.municipality, m.committee, m.id),
        )

    def committee(self, meeting: Meeting) -> Committee:
        return self.municipalities[meeting.municipality].committees[meeting.committee]

    def person(self, municipality: str, person_id: str) -> Person:
        return self.municipalities[municipality].persons[person_id]
