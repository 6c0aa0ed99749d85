"""What came of an agenda item, in a line: the statuses its decision states, its first sentence, and
whether the decision followed the recommendation, said only when the decision's own words tell.

Nothing is guessed: a status is a phrase of the decision ("taget til
efterretning", "udsættes"), the line is the decision's first sentence as
written, and the recommendation counts as followed or not only when the whole
decision is a standard approval ("Godkendt.", "Indstillingen godkendt") or
rejection ("Indstillingen blev ikke godkendt").
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..dates import danish_date, parse_danish_date
from ..markup import plain_text
from ..model import AgendaItem, Section

CLOSED = "lukket punkt"
AGENDA_ONLY = "dagsorden"
LINE_CHARS = 140

# Status → the words that state it, tried in this order; each match is blanked before the next is tried,
# so that "ikke godkendt" is not also read as "godkendt".
STATUSES = (
    ("ikke behandlet", r"\bikke (?:blevet |blev )?behandlet\b|\bblev ikke behandlet\b"),
    ("ikke godkendt", r"\bikke (?:\w+ )?godkend\w*|\bafvis\w*|\bafvist\b|\bforkast\w*"),
    ("taget til efterretning", r"\btag\w* til efterretning\b"),
    ("godkendt", r"\bgodkend(?:t|es|er|te)\b|\btiltr(?:ådt|ædes|æder)\b|\bvedtag(?:et|es|er)\b"),
    ("anbefalet", r"\banbefal(?:et|es|er|ede)\b"),
    ("udsat", r"\budsæt\w*|\budsat\b"),
    ("videresendt", r"\bvideresend\w*|\bvideref\w*re\w* til\b|\boversend\w*|\bsendes videre\b"),
    ("drøftet", r"\bdrøft(?:et|ede)\b"),
)
STATUS_PATTERNS = tuple((status, re.compile(words, re.IGNORECASE)) for status, words in STATUSES)

RECOMMENDATION_HEADING = re.compile(r"(?:^|\s|-)indstilling(?:er)?$|s forslag$", re.IGNORECASE)
ADDRESS_LINE = re.compile(r"(?:\bindstiller|:)$", re.IGNORECASE)  # "Social & Sundhed indstiller", "Til udvalget:"

APPROVAL = (r"(?:(?:indstilling(?:en)?|forvaltningens indstilling|administrationens forslag|forslaget?)\s+(?:blev\s+)?)?"
            r"(?:godkend(?:t|es)|tiltrådt|tiltrædes|vedtaget|vedtages|anbefal(?:et|es))(?:\s+som\s+indstillet)?")
FOLLOWED = re.compile(rf"^{APPROVAL}\.?$", re.IGNORECASE)
FOLLOWED_WITH_MORE = re.compile(rf"^{APPROVAL}(?:,|\.|\s+(?:idet|med))\s", re.IGNORECASE)
NOT_FOLLOWED = re.compile(r"^(?:(?:indstilling(?:en)?|forslaget?)\s+(?:blev\s+)?)?(?:ikke godkendt|afvist|forkastet)\b",
                          re.IGNORECASE)
NOTED = re.compile(r"^(?:\w+\s+)?taget til efterretning\.?$", re.IGNORECASE)

# The end of a sentence: ., ! or ? before whitespace and a capital letter, a digit or a quote, or the text's end.
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÆØÅ0-9\"«„]|\s*$)")
NOT_AN_END = re.compile(r"(?:\b\d{1,3}|\b\w|\b(?:nr|kr|mio|mia|ca|pkt|stk|evt|inkl|ekskl|vedr|jf|fx|bl\.a|f\.eks|kl|tlf|"
                        r"dvs|mht|pga|iht|ifm|m\.fl|m\.m|osv|ang|hhv|iflg|sml|st))$")
HEADING_DATE = re.compile(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b|\b\d{1,2}\. [a-zæøå]+ \d{4}\b")


@dataclass(frozen=True)
class Outcome:
    """``statuses`` in the order the decision states them; ``line``: its first sentence (cut at
    ``LINE_CHARS``), or the recommendation's for an item with no decision (``proposed``)."""

    statuses: tuple[str, ...]
    line: str | None
    proposed: bool = False


def outcome(item: AgendaItem) -> Outcome:
    """The item's outcome in a line (nothing of a closed item but that it is closed)."""
    if item.is_closed:
        return Outcome((CLOSED,), None)
    if item.decision and plain_text(item.decision.text):
        found = statuses(item.decision.text)
        return Outcome(found, None if only_statuses(item.decision.text) else first_sentence(item.decision.text))
    proposal = recommendation_core(recommendations(item))
    return Outcome((AGENDA_ONLY,) if item.meeting.kind == "dagsorden" else (), first_sentence(proposal) or None,
                   proposed=bool(proposal))


def statuses(text: str) -> tuple[str, ...]:
    """Every status the text states, in the order it states them."""
    found = []
    for status, pattern in STATUS_PATTERNS:
        found += [(match.start(), status) for match in pattern.finditer(text)]
        text = blanked(pattern, text)
    ordered = [status for _, status in sorted(found)]
    return tuple(dict.fromkeys(ordered))


def blanked(pattern: re.Pattern, text: str) -> str:
    """``text`` with the pattern's matches made spaces (so that positions stay)."""
    return pattern.sub(lambda match: " " * len(match.group()), text)


def only_statuses(text: str) -> bool:
    """The text says nothing but statuses ("Taget til efterretning.", "Godkendt."): its tags say it all."""
    for _, pattern in STATUS_PATTERNS:
        text = blanked(pattern, text)
    return not re.search(r"\w", text)


def shortened(text: str, limit: int = LINE_CHARS) -> str:
    """``text`` cut at the last word boundary within ``limit``, with ``…`` when cut."""
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0].rstrip(" ,.;:-–") + " …"


def paragraphs(markdown: str) -> list[str]:
    return [plain for block in re.split(r"\n\s*\n", markdown or "") if (plain := plain_text(block))]


def first_sentence(markdown: str) -> str:
    """The first sentence of the text's first paragraph (abbreviations and ordinals are not ends), cut to
    ``LINE_CHARS``."""
    first = next(iter(paragraphs(markdown)), "")
    for end in SENTENCE_END.finditer(first):
        if not NOT_AN_END.search(first[:end.start()]):
            return shortened(first[:end.end()])
    return shortened(first)


def recommendations(item: AgendaItem) -> list[Section]:
    """The item's recommendation sections (Indstilling, Administrationens forslag …) that say something."""
    return [s for s in item.sections if RECOMMENDATION_HEADING.search(s.heading.strip()) and re.search(r"\w", s.text)]


def recommendation_core(sections: list[Section]) -> str:
    """The recommendations' text without the lines that only address it ("X indstiller", "Til udvalget:")."""
    blocks = [block for s in sections for block in paragraphs(s.text)]
    while blocks and ADDRESS_LINE.search(blocks[0]) and len(blocks) > 1:
        blocks = blocks[1:]
    return "\n\n".join(blocks)


def followed(item: AgendaItem) -> str | None:
    """Whether the decision followed the recommendation: "fulgt", "fulgt med mere", "ikke fulgt", or None when
    the decision's words do not tell (or there is no recommendation or decision)."""
    if item.is_closed or not item.decision or not recommendations(item):
        return None
    decision = " ".join(paragraphs(item.decision.text))
    if NOT_FOLLOWED.match(decision):
        return "ikke fulgt"
    if FOLLOWED.match(decision) or (NOTED.match(decision) and "til efterretning" in recommendation_core(recommendations(item))):
        return "fulgt"
    if FOLLOWED_WITH_MORE.match(decision):
        return "fulgt med mere"
    return None


def decision_label(item: AgendaItem) -> str:
    """``Beslutning``, with the date its heading gives when that is not the meeting's (in the site's form)."""
    date = heading_date(item.decision.heading) if item.decision else None
    return f"Beslutning {danish_date(date)}" if date and date != item.meeting.date else "Beslutning"


def heading_date(heading: str) -> dt.date | None:
    match = HEADING_DATE.search(heading)
    if not match:
        return None
    if match.group(1):
        day, month, year = map(int, match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return parse_danish_date(match.group())


def background_sections(item: AgendaItem) -> list[Section]:
    """The item's sections besides its recommendations (which the pages show beside the decision)."""
    shown = recommendations(item)
    return [s for s in item.sections if s not in shown]
