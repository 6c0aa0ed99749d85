"""Danish phrases every format reads: dates, clock times, lists of people.

Each function finds the phrase anywhere in a piece of text and returns it in
the open-data form, or None (or nothing) when the text holds no such phrase:
never a guess.
"""
from __future__ import annotations

import datetime as dt
import re

from .cleaning import DANISH_MONTH_NAMES, danish_month_number

MONTH = "|".join(name[:3] + r"\w*" for name in DANISH_MONTH_NAMES)
WORD_DATE = re.compile(rf"\b(?P<day>\d{{1,2}})\.?\s*(?P<month>{MONTH})\.?\s+(?P<year>\d{{4}})\b", re.I)
NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})[-.](?P<month>\d{1,2})[-.](?P<year>\d{4})\b")
ISO_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
US_DATE = re.compile(r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})\b")
CLOCK = re.compile(r"\b(?:kl\.?\s*)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?!\.?\d)(?::\d{2})?(?:\s*(?P<half>[AP]M)\b)?", re.I)
ROLES = ("Formand", "Næstformand", "Borgmester", "Viceborgmester", "Udvalgsformand", "Medlem")
PERSON = re.compile(
    rf"^(?:(?P<role>{'|'.join(ROLES)})\s*(?:-|–|:)?\s+)?(?P<name>[^()]+?)\s*(?:\((?P<party>[^)]*)\))?\.?$", re.I)
SEPARATOR = re.compile(r",\s*(?![^()]*\))|(?<!-)\s+og\s+(?![^()]*\))")  # not "Børne- og Fritidsdirektør"


def danish_date(text: str, *, month_first: bool = False) -> str | None:
    """The first date in the text as ``YYYY-MM-DD``: ``13. maj 2015``, ``13-05-2015``,
    ``13.05.2015``, ``2015-05-13``; ``5/23/2019`` only with ``month_first`` (a US export)."""
    found = []
    for pattern in (WORD_DATE, NUMERIC_DATE, ISO_DATE) + ((US_DATE,) if month_first else ()):
        for match in pattern.finditer(text):
            date = valid_date(match)
            if date:
                found.append((match.start(), date))
    return min(found)[1] if found else None


def valid_date(match: re.Match) -> str | None:
    month = match["month"]
    number = int(month) if month.isdigit() else danish_month_number(month)
    try:
        return dt.date(int(match["year"]), number or 0, int(match["day"])).isoformat()
    except ValueError:
        return None


def clock(text: str) -> str | None:
    """The first clock time in the text as ``HH:MM``: ``kl. 07:30``, ``17.00``, ``6:30:00 PM``."""
    for match in CLOCK.finditer(text):
        hour, minute = int(match["hour"]), int(match["minute"])
        half = (match["half"] or "").upper()
        if half:
            hour = hour % 12 + (12 if half == "PM" else 0)
        if hour < 24 and minute < 60:
            return f"{hour:02d}:{minute:02d}"
    return None


def split_names(text: str) -> list[str]:
    """``A, B og C`` → ``["A", "B", "C"]``; commas and ``og`` inside parentheses, and the ``og`` of a
    suspended compound (``Kultur- og Fritidschef X``), do not split."""
    return [part.strip(" .") for part in SEPARATOR.split(text) if part.strip(" .")]


def people(text: str) -> list[dict]:
    """``Formand - Nikolaj Bührmann (F), Næstformand Emma Glæsel (C) og Gurli Nielsen`` →
    ``[{"name", "party", "role"}]``; the role is ``Medlem`` where none is given."""
    out = []
    for part in split_names(text):
        match = PERSON.match(part)
        if match and match["name"].strip():
            role = (match["role"] or "Medlem").capitalize()
            out.append({"name": " ".join(match["name"].split()), "party": (match["party"] or "").strip() or None,
                        "role": role})
    return out
