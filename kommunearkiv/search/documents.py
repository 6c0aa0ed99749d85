"""The archive → search documents: what each hit is called, where it links, what is indexed.

Closed agenda items give their title only (their number is in the result's
link and label, never in the index); attachments of closed items are left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import paths
from ..model import AgendaItem, Archive, AttachmentDocument, Case, Meeting, Municipality, Person
from .text import excerpt, joined, plain_text

# (key in URLs and data, Danish label), in the order results are grouped for filters.
TYPES = (("punkt", "Dagsordenspunkt"), ("bilag", "Bilag"), ("moede", "Møde"), ("sag", "Sag"), ("person", "Person"))
TYPE_NUMBERS = {key: n for n, (key, _) in enumerate(TYPES)}

# lunr fields with their boosts: a title or case-number match outranks body text. A meeting's heading is its
# committee's name, which every meeting of the committee shares: it is indexed as "committee", like body text.
FIELDS = (("title", 10), ("nr", 10), ("decision", 2), ("body", 1), ("mentions", 1), ("committee", 1))
# Fields of identifiers kept whole: the document's own numbers, and hyphenated ones its text
# mentions (lunr's tokenizer would split "EMN-2019-00607" in running text into three words).
IDENTIFIER_FIELDS = ("nr", "mentions")
HYPHENATED_IDENTIFIER = re.compile(r"(?<![\w-])(?=[\w-]*\d)\w+(?:-\w+)+(?![\w-])")
# A number with a slash in running text (a case number such as 15/839), whose parts are indexed too.
SLASHED_NUMBER = re.compile(r"(?<![\w/])\d+(?:/\d+)+(?![\w/])")
_PARTS = re.compile(r"[-/.]")
# How a result's heading shows the number of an item, attachment or case.
LABELS = {"punkt": "{number}. {title}", "bilag": "Bilag {number}: {title}", "sag": "Sag {number}: {title}"}
# How a result's snippet names the identifier the query matched when its text does not hold it (as the pages do).
NUMBER_LABELS = {"punkt": "Sag {}", "bilag": "Reference: {}", "moede": "Mødenr. {}"}


@dataclass
class SearchDocument:
    kind: str
    url: str
    title: str
    municipality: str
    number: str = ""
    committee: str = ""
    committee_name: str = ""
    date: str = ""
    lead: str = ""  # what a result shows when the query's words are not in its text
    identifiers: list[str] = field(default_factory=list)
    decision: str = ""
    body: str = ""

    @property
    def text(self) -> str:
        """What snippets are cut from: the decision and the body, as indexed (``postings.count`` tells the
        block of this text where each term first occurs)."""
        return joined(self.decision, self.body)

    def text_offset(self, name: str) -> int | None:
        """Where the field ``name`` begins in ``text``; None for the fields that are not of it."""
        if name == "decision":
            return 0
        if name == "body":
            return len(self.decision) + 1 if self.decision else 0
        return None

    @property
    def shown_number(self) -> str:
        """The number a result shows before its snippet when the query matched it and the text does not hold it
        nor its heading (an item's case number, an attachment's reference, a meeting's number)."""
        shown = NUMBER_LABELS.get(self.kind)
        return shown.format(self.identifiers[0]) if shown and self.identifiers else ""

    @property
    def label(self) -> str:
        """The heading of the result: the title, with the number where the type has one."""
        if not self.number or self.kind not in LABELS:
            return self.title
        return LABELS[self.kind].format(number=self.number, title=self.title)

    @property
    def year(self) -> int:
        return int(self.date[:4]) if self.date else 0

    def fields(self) -> dict:
        """The lunr fields; identifiers go in as lists so the tokenizer keeps them whole, followed by the
        parts a reader may type of them (``identifier_parts``)."""
        own = [i.lower() for i in self.identifiers]
        text = f"{self.decision} {self.body}".lower()
        mentioned = set(hyphenated_identifiers(text))
        own_terms = own + [p for i in own for p in identifier_parts(i)]
        parts = {p for i in mentioned for p in identifier_parts(i)}
        parts.update(p for word in text.split() if "/" in word for n in SLASHED_NUMBER.findall(word)
                     for p in identifier_parts(n))
        named = self.kind == "moede"
        return {"title": "" if named else self.title, "nr": own_terms, "decision": self.decision, "body": self.body,
                "mentions": sorted((mentioned | parts) - set(own_terms)), "committee": self.title if named else ""}


def hyphenated_identifiers(text: str) -> list[str]:
    """``HYPHENATED_IDENTIFIER.findall(text)``, three times faster: a match never holds whitespace
    and needs a hyphen, so only the whitespace-separated words with one are searched."""
    return [match for word in text.split() if "-" in word for match in HYPHENATED_IDENTIFIER.findall(word)]


def identifier_parts(identifier: str) -> list[str]:
    """What a reader may type of a case number besides the whole: its last part when it is a number of three
    digits or more, also without leading zeros, and for three parts or more what follows the first
    (``emn-2019-00607`` → ``00607``, ``607``, ``2019-00607``; ``14/11078`` → ``11078``; ``15/839`` →
    ``839``). Not of a range of years (``2016-2019``) or a fraction (``1/2``)."""
    parts = _PARTS.split(identifier)
    if len(parts) < 2 or all(p.isdigit() and len(p) == 4 for p in parts):
        return []
    found = []
    last = parts[-1]
    if last.isdigit() and len(last) >= 3:
        found.append(last)
        if len(last.lstrip("0")) >= 3 and last.lstrip("0") != last:
            found.append(last.lstrip("0"))
    if len(parts) > 2:
        found.append(identifier[len(parts[0]) + 1:])
    return found


def page_url(path: str) -> str:
    """A site path with an explicit ``index.html``, which also works from ``file://``."""
    page, hash_, anchor = path.partition("#")
    return f"{page}index.html{hash_}{anchor}"


def _where(archive: Archive, meeting: Meeting) -> dict:
    committee = archive.committee(meeting)
    return {"municipality": meeting.municipality, "committee": committee.id,
            "committee_name": committee.name, "date": meeting.date.isoformat()}


def _names(municipality: Municipality, person_ids: list[str]) -> str:
    persons = municipality.persons
    return ", ".join(persons[p].name if p in persons else p for p in person_ids)


def item_document(archive: Archive, item: AgendaItem) -> SearchDocument:
    where = _where(archive, item.meeting)
    url = page_url(paths.item_path(item))
    if item.is_closed:
        return SearchDocument("punkt", url, item.title, number=str(item.number), lead="(Lukket punkt)", **where)
    municipality = archive.municipalities[item.meeting.municipality]
    decision = plain_text(item.decision.text) if item.decision else ""
    texts = [plain_text(s.text) for s in item.sections]
    sections = [joined(s.heading, text) for s, text in zip(item.sections, texts)]
    earlier = [plain_text(d.text) for d in item.earlier_decisions]
    return SearchDocument(
        "punkt", url, item.title, number=str(item.number), lead=excerpt(joined(decision, *texts)),
        identifiers=[item.case_number] if item.case_number else [], decision=decision,
        body=joined(*sections, *earlier, _names(municipality, item.absent)), **where,
    )


def attachment_document(archive: Archive, attachment: AttachmentDocument) -> SearchDocument:
    text = plain_text(attachment.read_text())
    return SearchDocument(
        "bilag", page_url(paths.attachment_path(attachment)), attachment.title, number=attachment.label,
        lead=excerpt(text), identifiers=[attachment.reference] if attachment.reference else [],
        body=text, **_where(archive, attachment.meeting),
    )


def meeting_document(archive: Archive, municipality: Municipality, meeting: Meeting) -> SearchDocument:
    where = _where(archive, meeting)
    attendance = joined(_names(municipality, meeting.present), _names(municipality, meeting.absent),
                        ", ".join(meeting.other_attendees))
    titles = ". ".join(i.title for i in meeting.items)
    return SearchDocument(
        "moede", page_url(paths.meeting_path(meeting)), where["committee_name"], lead=excerpt(titles),
        identifiers=[meeting.number] if meeting.number else [],
        body=joined(meeting.location, attendance, titles), **where,
    )


def case_document(archive: Archive, case: Case) -> SearchDocument:
    where = _where(archive, case.items[-1].meeting)
    titles = ". ".join(dict.fromkeys(i.title for i in case.items))
    return SearchDocument(
        "sag", page_url(paths.case_path(case)), case.title, number=case.number, lead=excerpt(titles),
        identifiers=[case.number], body=titles, **where,
    )


def person_document(municipality: Municipality, person: Person) -> SearchDocument:
    roles = [f"{m.role}, {c.name}" for c in municipality.committees.values() for m in c.members if m.person == person.id]
    description = joined(f"({person.party})" if person.party else "", "; ".join(roles))
    return SearchDocument("person", page_url(paths.person_path(person)), person.name, municipality.id,
                          lead=excerpt(description), body=description)
