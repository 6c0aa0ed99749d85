"""The committee of Allerød minutes, and the 2010-13 page header that repeats it.

The header names the committee under ``ALLERØD KOMMUNE``; some 2010-13 minutes leave it
out, and it is then read from this meeting's decision headings (``Beslutning
Økonomiudvalget den 15-03-2011``), else from the page header above the items
(``Økonomiudvalget tirsdag den 15. marts 2011``), else from the capitals above the items.
That page header is page furniture: it is taken out wherever it stands (at the top of a
line, inside a line when the text has one line per page, wrapped over lines).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ...errors import InputError
from ..cleaning import DANISH_MONTH_NAMES
from ..normalise import Line
from .agenda import UPPER_RUN, WEEKDAY, capital_letters, running_header
from .decisions import decision_at
from .stream import Stream

PERIOD = re.compile(r"\s*\d{4}\s*-\s*\d{4}$")
DECISION_WORD = re.compile(r"\bBeslutning\b")
DECISION_REACH = 600


def committee_elsewhere(stream: Stream, start: int, date: str, path: str, warnings: list[str]) -> str:
    """The committee when the header leaves it out (see the module docstring)."""
    bodies: Counter[str] = Counter()
    for match in DECISION_WORD.finditer(stream.text, start):
        decision = decision_at(stream, match.start(), min(len(stream.text), match.end() + DECISION_REACH), None)
        if decision and decision.date == date:
            bodies[decision.body] += 1
    if bodies:
        return bodies.most_common(1)[0][0]
    for line in stream.lines:
        header = running_header(line.text)
        if header:
            return " ".join(header["committee"].split())
    capitals = next((m for m in UPPER_RUN.finditer(stream.text, start) if capital_letters(m.group()) >= 6), None)
    if capitals:
        warnings.append(f"line {stream.number(capitals.start())}: committee read from the capitals above the items")
        return capitals.group().capitalize()
    raise InputError.single(path, stream.number(start), "committee",
                            "the committee's name under 'ALLERØD KOMMUNE' or above the items")


def page_header(committee: str, date: str) -> re.Pattern:
    """``<committee> <ugedag> den <d. måned> [<år>]`` of this meeting (the capitals after it stay: they
    open the item)."""
    year, month, day = date.split("-")
    name = r"\s+".join(map(re.escape, PERIOD.sub("", committee).split()))
    return re.compile(rf"(?i:{name}(?:\s+\d{{4}}\s*-\s*\d{{4}})?\s+{WEEKDAY}\s+den\s+0?{int(day)}\.\s*"
                      rf"{DANISH_MONTH_NAMES[int(month) - 1]}(?:\s+{year})?)")


def without_page_headers(stream: Stream, committee: str, date: str) -> list[Line]:
    """The lines with this meeting's page header taken out, also where it wraps over lines
    (a line left empty goes)."""
    spans = [match.span() for match in page_header(committee, date).finditer(stream.text)]
    out = []
    for line, start in zip(stream.lines, stream.starts):
        end = start + len(line.text)
        cuts = [(max(a, start) - start, min(b, end) - start) for a, b in spans if a < end and b > start]
        if not cuts:
            out.append(line)
            continue
        kept, position = [], 0
        for a, b in cuts:
            kept.append(line.text[position:a])
            position = b
        text = " ".join(" ".join(kept + [line.text[position:]]).split())
        if text:
            out.append(replace(line, text=text, markdown=text))
    return out
