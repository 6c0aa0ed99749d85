"""Where each entry of the contents starts in the body: its item heading, matched tolerantly.

An item heading is ``N. Title`` (2014-17, the title possibly wrapped, with a
``(Beslutning)`` suffix) or the title followed by its number on the next line
(2011-12, at the top of a page under ``Åbent punkt``). Numbering (``1``, ``01``,
``1.``), case, punctuation and wrapping may differ from the contents; numbered
lines inside an item (notices under ``Meddelelser``) are not items unless the
contents lists them at that place.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..normalise import Line, split_at
from .contents import Entry, key
from .vocabulary import ACCESS_MARK, CLOSED, ITEM_TYPE, split_after

SIMILAR = 0.85
MIN_PREFIX = 12
MAX_TITLE_LINES = 4
TYPES = r"(?:\s*\((?:Beslutning|Orientering|Drøftelse|Godkendelse|Høring|Debat)\)\.?)?"


@dataclass(frozen=True)
class Heading:
    index: int          # line index of the heading's first line (an access mark above it included)
    used: int           # lines the heading takes, from ``index``
    title: str
    item_type: str | None
    closed_mark: bool


def split_headings(lines: list[Line], entries: list[Entry]) -> list[Line]:
    """Every entry's heading on a line of its own, also inside a flattened page."""
    for entry in entries:
        words = [re.escape(word) for word in entry.title.split()]
        if not words:
            continue
        number = rf"(?<!\S)0?{entry.number}\.?"
        full = r"\s+".join(words)
        lines = split_at(lines, re.compile(rf"{number}\s+{r'[ ]+'.join(words[:3])}", re.I))
        lines = split_after(lines, re.compile(rf"{number}\s+{full}{TYPES}(?=\s|$)", re.I))
        lines = split_after(lines, re.compile(rf"{full}{TYPES}\s+0?{entry.number}\.?(?=\s|$)", re.I))
    return lines


def starts_like(found: str, wanted: str) -> bool:
    """The keys of a heading and a contents title agree: equal, one the start of the other, or nearly."""
    if not found or not wanted:
        return False
    if found == wanted or len(found) >= min(MIN_PREFIX, len(wanted)) and (
            wanted.startswith(found) or found.startswith(wanted)):
        return True
    return len(found) >= 0.6 * len(wanted) and difflib.SequenceMatcher(None, found[:len(wanted)], wanted).ratio() >= SIMILAR


def find_heading(lines: list[Line], cursor: int, entry: Entry) -> Heading | None:
    """The first heading of ``entry`` at or after ``cursor``."""
    for i in range(cursor, len(lines)):
        found = heading_at(lines, i, entry)
        if found:
            return found
    return None


def heading_at(lines: list[Line], i: int, entry: Entry) -> Heading | None:
    wanted = key(entry.title)
    numbered = re.match(rf"^0?{entry.number}\.?\s+(.+)$", lines[i].text)
    if numbered and starts_like(key(numbered[1]), wanted):
        return heading(lines, i, numbered[1], entry, number_first=True)
    if starts_like(key(lines[i].text), wanted) and (page_top(lines, i) or number_after(lines, i, entry)):
        return heading(lines, i, lines[i].text, entry, number_first=False)
    return None


def page_top(lines: list[Line], i: int) -> bool:
    return i == 0 or lines[i].page != lines[i - 1].page or bool(ACCESS_MARK.match(lines[i - 1].text))


def number_after(lines: list[Line], i: int, entry: Entry) -> bool:
    """The title is followed by the item's number (``Title`` / ``3.``), on its line or within its wrapped lines."""
    pattern = re.compile(rf"(?:^|\s)0?{entry.number}\.?$")
    return any(pattern.search(lines[j].text) for j in range(i, min(i + MAX_TITLE_LINES, len(lines))))


def continues(joined: str, wanted: str) -> bool:
    """A wrapped title's next line belongs to it: the joined words still start (or complete) the title."""
    return wanted.startswith(joined) or joined.startswith(wanted)


def heading(lines: list[Line], i: int, first: str, entry: Entry, number_first: bool) -> Heading:
    """The heading's lines (a wrapped title, the number below it) and its title as printed."""
    wanted, text, used = key(entry.title), first, 1
    while (used < MAX_TITLE_LINES and i + used < len(lines) and len(key(text)) < len(wanted)
           and not lines[i + used].blank_before and continues(key(f"{text} {lines[i + used].text}"), wanted)):
        text, used = f"{text} {lines[i + used].text}", used + 1
    trailing = re.compile(rf"\s*0?{entry.number}\.?$")
    if not number_first and trailing.search(text):
        text = trailing.sub("", text)
    elif not number_first and i + used < len(lines) and re.fullmatch(rf"0?{entry.number}\.?", lines[i + used].text):
        used += 1
    item_type = ITEM_TYPE.search(text)
    title = CLOSED.sub("", ITEM_TYPE.sub("", text)).strip(" -–")
    if key(title) != wanted and (key(title).startswith(wanted) or wanted.startswith(key(title))):
        title = entry.title
    mark = ACCESS_MARK.match(lines[i - 1].text) if i > 0 else None
    return Heading(i - 1 if mark else i, used + (1 if mark else 0), title,
                   item_type["type"].capitalize() if item_type else entry.item_type,
                   bool(mark and mark["access"].lower() == "lukket") or bool(CLOSED.search(text)))
