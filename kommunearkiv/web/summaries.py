"""What the pages show beyond the model itself: attendance counts, a member's
record, meetings grouped by year, an item's attachments matched to documents.

Closed items never contribute text here: only their number and title exist
for the pages.
"""
from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass

from babel.numbers import format_percent

from ..model import (AgendaItem, Archive, AttachmentDocument, Case, Committee, Meeting, Membership, Municipality, Person,
                     Substitute)
from ..slugs import slug

TITLE_LIKENESS = 0.9


@dataclass(frozen=True)
class Attendance:
    """How often one person was present and absent at the meetings that recorded it."""

    present: int
    absent: int

    @property
    def recorded(self) -> int:
        return self.present + self.absent

    @property
    def rate(self) -> float | None:
        return self.present / self.recorded if self.recorded else None

    @property
    def rate_text(self) -> str:
        """``75 %`` (Danish number format), or ``–`` when nothing was recorded."""
        return format_percent(self.rate, locale="da") if self.rate is not None else "–"


@dataclass(frozen=True)
class PersonRecord:
    memberships: list[tuple[Committee, Membership]]
    meetings: list[tuple[Meeting, bool]]
    attendance: Attendance
    items_naming: list[AgendaItem]
    substituted: list[tuple[Meeting, Substitute]]  # the meetings the person attended as a substitute (not counted above)


def attendance_of(person_id: str, meetings: list[Meeting]) -> Attendance:
    return Attendance(
        present=sum(person_id in m.present for m in meetings),
        absent=sum(person_id in m.absent for m in meetings),
    )


def meetings_by_year(meetings: list[Meeting]) -> list[tuple[int, list[Meeting]]]:
    """Newest year first; meetings in date order within a year."""
    ordered = sorted(meetings, key=lambda m: (m.date, m.id))
    groups = [(year, list(group)) for year, group in itertools.groupby(ordered, key=lambda m: m.date.year)]
    return groups[::-1]


def latest_meetings(archive_or_municipality: Archive | Municipality, count: int) -> list[Meeting]:
    return archive_or_municipality.meetings()[::-1][:count]


def person_record(municipality: Municipality, person: Person, naming: dict[str, list[AgendaItem]]) -> PersonRecord:
    """``naming`` is ``items_naming_persons(municipality)``, computed once for all the municipality's members."""
    memberships = [(c, m) for c in municipality.committees.values() for m in c.members if m.person == person.id]
    meetings = municipality.meetings()
    recorded = [m for m in meetings if person.id in m.attendance]
    return PersonRecord(
        memberships=memberships,
        meetings=[(m, person.id in m.present) for m in recorded],
        attendance=attendance_of(person.id, recorded),
        items_naming=naming.get(person.id, []),
        substituted=[(m, seat) for m in meetings if (seat := m.substitute_for(person.id))],
    )


def items_naming_persons(municipality: Municipality) -> dict[str, list[AgendaItem]]:
    """Each person's open items whose title or text names them (whole names, any case, genitive too).

    One pattern of all names finds them; it runs only on items whose folded
    text contains some folded name, which a quick case-sensitive search tells.
    """
    ids_by_name: dict[str, list[str]] = {}
    for person in municipality.persons.values():
        ids_by_name.setdefault(person.name.casefold(), []).append(person.id)
    found: dict[str, list[AgendaItem]] = {person_id: [] for person_id in municipality.persons}
    if not ids_by_name:
        return found
    names = sorted(ids_by_name, key=len, reverse=True)  # a longer name wins over a name inside it
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")s?(?!\w)", re.IGNORECASE)  # s: genitive
    any_name = re.compile(_alternation(sorted({_folded(name) for name in names})))
    for meeting in municipality.meetings():
        for item in meeting.items:
            texts = open_texts(item)
            if not any_name.search(_folded("\n".join(texts))):
                continue
            named = {match.group(1).casefold() for text in texts for match in pattern.finditer(text)}
            for name in sorted(named & ids_by_name.keys()):
                for person_id in ids_by_name[name]:
                    found[person_id].append(item)
    return found


def _folded(text: str) -> str:
    """``text`` folded so that what ``re.IGNORECASE`` matches to a name contains the name, folded.

    ``casefold`` keeps re's case classes together but one: I, i, İ and ı.
    """
    return text.replace("İ", "i").replace("ı", "i").casefold()


def _alternation(words: list[str]) -> str:
    """A pattern matching any of ``words`` (sorted, at least one), shared beginnings written once:
    its cost per position hardly grows with the number of words, unlike a plain ``a|b|c``."""
    rests: dict[str, list[str]] = {}
    for word in words:
        if word:
            rests.setdefault(word[0], []).append(word[1:])
    alternatives = [re.escape(first) + _alternation(rest) for first, rest in rests.items()]
    if "" in words:
        alternatives.append("")
    return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"


def open_texts(item: AgendaItem) -> list[str]:
    """Every piece of text an open item shows; nothing for a closed one."""
    if item.is_closed:
        return []
    texts = [item.title] + [s.heading for s in item.sections] + [s.text for s in item.sections]
    if item.decision:
        texts.append(item.decision.text)
    return texts + [d.text for d in item.earlier_decisions]


def item_attachments(item: AgendaItem) -> list[tuple[str, AttachmentDocument | None]]:
    """The item's attachment names, each with the item's document of that title when there is one
    (spelling slips such as "høringsvar" for "høringssvar" allowed); then the item's documents that
    no listed name matched, under their own titles. Nothing for a closed item."""
    if item.is_closed:
        return []
    unmatched = [a for a in item.meeting.attachments if a.item == item.number]
    listed = []
    for name in item.attachments:
        document = _document_titled(name, unmatched)
        if document:
            unmatched.remove(document)
        listed.append((name, document))
    return listed + [(a.title, a) for a in unmatched]


def _document_titled(name: str, documents: list[AttachmentDocument]) -> AttachmentDocument | None:
    """The document whose title is ``name``, or failing that the one most like it (at least 90 % alike)."""
    wanted = _normalised(name)
    likeness = [(difflib.SequenceMatcher(None, wanted, _normalised(d.title)).ratio(), -i, d) for i, d in enumerate(documents)]
    best = max(likeness, default=None, key=lambda entry: entry[:2])
    return best[2] if best and best[0] >= TITLE_LIKENESS else None


def case_of(municipality: Municipality, item: AgendaItem) -> Case | None:
    """The case an open item belongs to (cases are keyed by the slug of their number, as the reader links them)."""
    if item.is_closed or not item.case_number:
        return None
    return municipality.cases.get(slug(item.case_number))


def _normalised(title: str) -> str:
    return " ".join(title.casefold().split())
