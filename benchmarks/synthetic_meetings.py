"""One synthetic meeting in the importer's open-data form (see ``kommunearkiv.importing``).

Items get the sections of their municipality's format, decisions, earlier
decisions of the cases they continue, attachments with long documents,
absences; a few items are closed and carry number and title only.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from .vocabulary import Vocabulary

CLOSED_SHARE = 0.06
CONTINUED_CASE_SHARE = 0.4
ATTACHMENT_SHARE = 0.35
ITEM_ABSENCE_SHARE = 0.03
RECENT_CASES = 30
SENTENCE_POOL = 20_000
ROUTINE_TITLES = ("Godkendelse af dagsorden", "Meddelelser")
ITEM_TYPES = ("Beslutning", "Beslutning", "Orientering", "Drøftelse")
DECISIONS = ("Godkendt.", "Indstillingen godkendt.", "Taget til efterretning.", "Udsat.", "Anbefales over for Økonomiudvalget.")


@dataclass(frozen=True)
class Format:
    """How a municipality's minutes are laid out: its section headings and kind of document."""

    name: str
    kind: str
    headings: tuple[str, ...]


FORMATS = (
    Format("tema", "referat", ("Tema", "Sagsbeskrivelse", "Administrationens forslag", "Økonomi og finansiering", "Dialog/høring")),
    Format("sagsfremstilling", "dagsorden", ("Sagsfremstilling", "Indstilling", "Økonomiske konsekvenser")),
    Format("resume", "protokol", ("Resumé", "Sagsfremstilling", "Økonomiske konsekvenser", "Beslutningskompetence", "Indstilling")),
)


@dataclass
class CaseBook:
    """The municipality's cases: numbers handed out, and the open ones with their decisions so far."""

    next_serial: int = 100
    open: dict[str, list[dict]] = field(default_factory=dict)

    def new_number(self, year: int) -> str:
        self.next_serial += 1
        return f"{year % 100:02d}/{self.next_serial}"


class Writer:
    """Draws every piece of text of a municipality from its own seeded random source.

    Running text is drawn from a pool of generated sentences, since walking
    the word chain for every sentence of a national archive would dominate
    the generator's time.
    """

    def __init__(self, vocabulary: Vocabulary, rng: random.Random, pool_size: int = SENTENCE_POOL):
        self.vocabulary, self.rng = vocabulary, rng
        self.pool = [vocabulary.sentence(rng) for _ in range(pool_size)]

    def sentences(self, low: int, high: int) -> str:
        return " ".join(self.rng.choices(self.pool, k=self.rng.randint(low, high)))

    def paragraphs(self, low: int, high: int) -> str:
        return "\n\n".join(self.block() for _ in range(self.rng.randint(low, high)))

    def block(self) -> str:
        """Mostly a paragraph; now and then a subheading or a bullet list, as the samples have."""
        roll = self.rng.random()
        if roll < 0.08:
            return f"### {self.title(2, 5)}\n\n{self.sentences(2, 5)}"
        if roll < 0.16:
            return "\n".join(f"- {self.title(2, 7)}" for _ in range(self.rng.randint(2, 5)))
        return self.sentences(2, 6)

    def title(self, low: int, high: int) -> str:
        return self.vocabulary.phrase(self.rng, self.rng.randint(low, high))


def meeting_document(writer: Writer, cases: CaseBook, style: Format, municipality: str, committee: str,
                     date: dt.date, members: list[dict], items: int) -> dict:
    """The open-data form of one meeting of ``committee`` on ``date``, with about ``items`` agenda items."""
    rng = writer.rng
    names = [m["name"] for m in members]
    absent = sorted(rng.sample(names, k=min(len(names) - 1, rng.choice((0, 0, 0, 1, 1, 2)))))
    present = [n for n in names if n not in absent]
    count = max(len(ROUTINE_TITLES) + 1, items + rng.randint(-3, 3))
    agenda = [agenda_item(writer, cases, style, committee, date, number, present) for number in range(1, count + 1)]
    start = rng.choice((8, 9, 15, 16, 17))
    return {
        "format": f"synthetic-{style.name}", "municipality": municipality, "committee": committee,
        "period": committee.rsplit(" ", 1)[-1], "document_kind": style.kind, "date": date.isoformat(),
        "start": f"{start:02d}:00", "end": f"{start + rng.randint(1, 3):02d}:{rng.choice(('00', '15', '30', '45'))}",
        "location": rng.choice(("Rådhuset, mødelokale 1", "Rådhuset, byrådssalen", "Mødelokale C", "Borgernes Hus")),
        "meeting_number": f"{date:%d-%m-%Y}", "members": members, "absent": absent,
        "other_attendees": [f"Direktør {rng.choice(present)}"] if rng.random() < 0.3 else [],
        "signed_by": present if style.kind != "dagsorden" else [],
        "items": [item for item, _ in agenda],
        "attachment_documents": [a for _, attachments in agenda for a in attachments],
        "source": {"file": f"{date.isoformat()}.txt", "lines": [1, 40 * count]},
    }


def agenda_item(writer: Writer, cases: CaseBook, style: Format, committee: str, date: dt.date, number: int,
                present: list[str]) -> tuple[dict, list[dict]]:
    """One item and its attachment documents."""
    rng = writer.rng
    lines = [40 * (number - 1) + 1, 40 * number]
    if number <= len(ROUTINE_TITLES):
        return routine_item(writer, style, committee, date, number, lines), []
    if rng.random() < CLOSED_SHARE:
        return {"number": number, "title": f"{writer.title(2, 5)} (Lukket)", "access": "closed", "lines": lines}, []
    case_number, earlier = continued_case(cases, rng, date) if rng.random() < CONTINUED_CASE_SHARE else (None, [])
    case_number = case_number or cases.new_number(date.year)
    title = earlier[-1]["title"] if earlier else writer.title(3, 8)
    decision = rng.choice(DECISIONS) if rng.random() < 0.7 else writer.sentences(1, 3)
    item = {
        "number": number, "title": title, "case_number": case_number, "access": "open",
        "item_type": rng.choice(ITEM_TYPES), "sections": sections(writer, style),
        "earlier_decisions": [{"date": e["date"], "body": e["body"], "text": e["text"]} for e in earlier],
        "absent": [rng.choice(present)] if rng.random() < ITEM_ABSENCE_SHARE and len(present) > 1 else [],
        "lines": lines, **decision_fields(style, committee, date, decision),
    }
    attachments = attachment_documents(writer, number, date) if rng.random() < ATTACHMENT_SHARE else []
    item["attachments"] = [a["title"] for a in attachments]
    record_decision(cases, case_number, committee, date, title, decision, closes=rng.random() < 0.35)
    return item, attachments


def routine_item(writer: Writer, style: Format, committee: str, date: dt.date, number: int, lines: list[int]) -> dict:
    text = writer.sentences(1, 3) if number > 1 else ""
    return {"number": number, "title": ROUTINE_TITLES[number - 1], "access": "open", "case_number": None,
            "item_type": "Orientering", "lines": lines, "sections": [{"heading": style.headings[0], "text": text}] if text else [],
            **decision_fields(style, committee, date, "Godkendt." if number == 1 else "Taget til efterretning.")}


def decision_fields(style: Format, committee: str, date: dt.date, text: str) -> dict:
    """A decision under the heading the minutes print; an agenda (dagsorden) has none yet."""
    if style.kind == "dagsorden":
        return {"decision": None, "decision_heading": None}
    return {"decision": text, "decision_heading": f"Beslutning {committee} den {date:%d-%m-%Y}"}


def sections(writer: Writer, style: Format) -> list[dict]:
    """The format's headings, most of them present, each with a few paragraphs; the first carries the most."""
    headings = [h for n, h in enumerate(style.headings) if n < 2 or writer.rng.random() < 0.75]
    return [{"heading": h, "text": writer.paragraphs(2, 5) if n < 2 else writer.paragraphs(1, 2)} for n, h in enumerate(headings)]


def continued_case(cases: CaseBook, rng: random.Random, date: dt.date) -> tuple[str | None, list[dict]]:
    """One of the most recent open cases decided before ``date``, and its earlier decisions."""
    candidates = [number for number, decisions in cases.open.items() if decisions[-1]["date"] < date.isoformat()]
    if not candidates:
        return None, []
    number = rng.choice(candidates[-RECENT_CASES:])
    return number, cases.open[number]


def record_decision(cases: CaseBook, number: str, committee: str, date: dt.date, title: str, text: str, closes: bool) -> None:
    decisions = cases.open.pop(number, [])
    if not closes:
        cases.open[number] = decisions + [{"date": date.isoformat(), "body": committee, "text": text, "title": title}]


def attachment_documents(writer: Writer, item: int, date: dt.date) -> list[dict]:
    """One to three documents with long text: notes and reports of several headed parts."""
    rng = writer.rng
    documents = []
    for ordinal in range(1, rng.choice((1, 1, 2, 3)) + 1):
        title = f"{writer.title(2, 6)}.pdf"
        parts = [f"# {title[:-4]}", writer.paragraphs(3, 6)]
        for _ in range(rng.randint(1, 4)):
            parts += [f"## {writer.title(2, 5)}", writer.paragraphs(3, 8)]
        documents.append({"label": f"{item}.{ordinal}", "title": title, "item": item,
                          "reference": f"{rng.randint(1000, 99999)}/{date.year % 100:02d}",
                          "text": "\n\n".join(parts), "lines": [1000 + 100 * item + ordinal, 1099 + 100 * item + ordinal]})
    return documents
