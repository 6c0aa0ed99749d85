"""Decision headings of Allerød minutes: ``Beslutning <udvalg> den DD-MM-YYYY``.

Printed in a narrow column, the heading wraps (``Beslutning Erhvervs-`` / ``og`` /
``Beskæftigelsesudvalget`` / ``2014-2017 den 13-05-`` / ``2015``), and a converter may
put the decision's text inside it (``Beslutning Økonomi- Godkendt. udvalget den
15-03-2011``), after the bare word (``Beslutning`` text ``<udvalg> den …``) or drop the
date. ``read_decision`` finds, in the words of a decision field, who decided, when,
and where the text lies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .stream import Stream

DATE = re.compile(r"\bden\s+(?P<day>\d{1,2})\s*-\s*(?P<month>\d{1,2})\s*-\s*(?P<year>\d{4})(?!\d)")
SENTENCE_END = re.compile(r"[.!?:)]$")
BODY_WORD = re.compile(r"^(?:[A-ZÆØÅ][\wæøåÆØÅ/]*[-,]?|og|for|i|\d{4}\s*-\s*\d{4}|\d{4}-?|udvalget|udvalg)$")
PERIOD = re.compile(r"^\d{4}(?:\s*-\s*\d{4})?$")
BODY_NOUN = re.compile(r"udvalg|byråd|råd\b|rådet\b|bestyrelse|komit|forum|nævn|kommission", re.I)
OPEN_ENDED = re.compile(r"-$|^og$")
MAX_BODY_WORDS = 10
MAX_WORDS = 80


@dataclass(frozen=True)
class Decision:
    body: str | None                    # who decided, as printed (wrapping undone)
    date: str | None                    # YYYY-MM-DD
    printed_date: str | None            # DD-MM-YYYY
    text: tuple[tuple[int, int], ...]   # stream spans of the decision's text

    def heading(self) -> str:
        parts = ["Beslutning", self.body or ""]
        if self.body is not None and (self.date or self.printed_date is None):
            parts.append("den")
        if self.printed_date:
            parts.append(self.printed_date)
        return " ".join(part for part in parts if part)


def key(name: str) -> str:
    """A name compared without case, spaces and punctuation."""
    return re.sub(r"[\W_]", "", name.lower())


def join_name(words: list[str]) -> str:
    """Words of a wrapped name as printed: ``Økonomi-`` ``udvalget`` → ``Økonomiudvalget``,
    ``2014-`` ``2017`` → ``2014-2017``, ``Beskæftigelses`` ``udvalget`` → one word."""
    out = ""
    for word in words:
        glue = out.endswith("-") and (word[0].isdigit() or word[0].islower() and word not in ("og", "eller"))
        if glue:
            out = out[:-1] + word if word[0].islower() else out + word
        elif out and word in ("udvalget", "udvalg") and out[-1].isalpha():
            out += word
        else:
            out = f"{out} {word}" if out else word
    return out


def body_like(words: list[str]) -> bool:
    """A committee, council or board named by these words (``… udvalget [2014-2017]``)."""
    if not (0 < len(words) <= MAX_BODY_WORDS and words[0][0].isupper() and all(BODY_WORD.match(w) for w in words)):
        return False
    name = join_name(words).split()
    while name and PERIOD.match(name[-1]):
        name.pop()
    return bool(name) and bool(BODY_NOUN.search(name[-1]))


def body_split(words: list[str], committee: str | None, last: bool) -> tuple[int, int] | None:
    """``(k, j)`` where ``words[:k] + words[j:]`` name who decided and ``words[k:j]`` is text
    that a converter put inside the heading; None when no split names a body. A heading
    completed after a whole sentence (``Beslutning`` text ``<udvalg> den …``) must end the
    field (``last``)."""
    if body_like(words):
        return len(words), len(words)
    found = []
    for k in range(len(words)):
        for j in range(k + 1, len(words) + 1):
            head, tail = words[:k], words[j:]
            after_sentence = last and SENTENCE_END.search(words[j - 1])
            if tail and (head and not OPEN_ENDED.search(head[-1]) or not head and not after_sentence):
                continue
            if body_like(head + tail):
                name = join_name(head + tail)
                found.append((committee is not None and key(name) == key(committee), len(head + tail), -k, (k, j)))
    return max(found)[-1] if found else None


def read_decision(stream: Stream, start: int, end: int, committee: str | None) -> Decision:
    """The decision field from ``start`` (at ``Beslutning``) to ``end``."""
    region = stream.text[start:end]
    words = [(m.group(), start + m.start(), start + m.end()) for m in re.finditer(r"\S+", region)][1:]
    for match in DATE.finditer(region):
        before = [w for w in words if w[2] <= start + match.start()]
        if len(before) > MAX_WORDS:
            break
        split = body_split([w[0] for w in before], committee, not region[match.end():].strip())
        if split is not None:
            return decision_from(before, split, match, start + match.end(), end)
    named = next((n for n in range(min(len(words), MAX_BODY_WORDS), 0, -1) if body_like([w[0] for w in words[:n]])), 0)
    if named:
        rest = words[named:]
        rest = rest[1:] if rest and rest[0][0] == "den" else rest
        return Decision(join_name([w[0] for w in words[:named]]), None, None, ((rest[0][1] if rest else end, end),))
    return Decision(None, None, None, ((words[0][1], end),) if words else ())


def decision_from(before, split, match: re.Match, after: int, end: int) -> Decision:
    k, j = split
    name = join_name([w[0] for w in before[:k] + before[j:]])
    spans = [(before[k][1], before[j - 1][2])] if j > k else []
    spans.append((after, end))
    day, month, year = int(match["day"]), int(match["month"]), match["year"]
    return Decision(name, f"{year}-{month:02d}-{day:02d}", f"{day:02d}-{month:02d}-{year}", tuple(spans))


def decision_at(stream: Stream, start: int, limit: int, committee: str | None) -> Decision | None:
    """A decision heading that names who decided starting at ``start`` (``Beslutning``), or None."""
    decision = read_decision(stream, start, limit, committee)
    return decision if decision.body is not None else None
