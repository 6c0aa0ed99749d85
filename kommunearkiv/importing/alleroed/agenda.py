"""Where the agenda items of Allerød minutes are: the table of contents and the item headings.

The contents list ``N. Title ..... page``. Each item opens with the committee's name in
capitals (often misspelled; in 2010-13 under a ``<Udvalg> <ugedag> den <dato>`` page
header), ``N. Title`` (bold or not, glued to the committee line or not, wrapped or not)
and ``Sagsnr.``. An item heading is found by its number in order, and matched to its
contents entry whose title it takes; a transcript that dropped the numbers still shows the
capitals before the title and ``Sagsnr.`` after it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..cleaning import DANISH_MONTH_NAMES
from .decisions import body_like, key
from .stream import Stream

TOC_ENTRY = re.compile(r"(?P<number>\d{1,3})\s*\.\s+(?P<title>(?:(?!\.{3}|\n\d{1,3}\s*\.\s).){2,300}?)"
                       r"\s*\.{3,}\s*\d{1,3}(?!\d)", re.S)
NUMBERED = re.compile(r"(?<![\w.,:/-])\d{1,3}\s*\.\s")
UPPER_WORD = r"(?:[A-ZÆØÅ][A-ZÆØÅ-]+|OG|FOR|I|\d{4}\s*-\s*\d{4})"
UPPER_RUN = re.compile(rf"{UPPER_WORD}(?:[ \t]+{UPPER_WORD})*")
CAPITALS_AT_END = re.compile(rf"(?<!\S){UPPER_RUN.pattern}$")
UNNUMBERED = re.compile(rf"(?:(?P<capitals>{UPPER_RUN.pattern})[ \t\n]+|(?:^|(?<=\n))(?:\d{{1,3}}[ \t]+)?)"
                        rf"(?=[A-ZÆØÅ][a-zæøå])")
CASE = re.compile(r"\bSagsnr\b\.?\s*:?")
CLOSED_LINE = re.compile(r"\bLukket punkt\b", re.I)
CLOSED_MARK = re.compile(r"\(\s*lukket\s*\)|\blukket\s+punkt\b|^\s*lukket\b|\badgang\s*:\s*lukket\b", re.I)
WEEKDAY = r"(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)"
MONTH = "|".join(DANISH_MONTH_NAMES)
RUNNING_HEADER = re.compile(
    rf"^(?P<committee>[A-ZÆØÅ][^\n]{{2,80}}?)\s+(?i:{WEEKDAY}\s+den\s+\d{{1,2}}\.\s*(?:{MONTH})(?:\s+\d{{4}})?)"
    rf"(?:[ \t]+{UPPER_RUN.pattern})?")
TITLE_REACH = 400
CASE_REACH = 600


@dataclass(frozen=True)
class Entry:
    number: int
    title: str


@dataclass(frozen=True)
class Heading:
    number: int
    title: str
    start: int          # where the item begins (its committee line when there is one)
    after: int          # just after the title
    numbered: bool      # the number was printed


def contents(stream: Stream, start: int) -> tuple[list[Entry], int, int]:
    """The table of contents after ``start``: entries numbered 1, 2, 3 …, where it begins and ends."""
    entries: list[Entry] = []
    first = end = start
    for at in NUMBERED.finditer(stream.text, start):
        match = TOC_ENTRY.match(stream.text, at.start())
        if match is None or entries and at.start() < end:
            continue
        number = int(match["number"])
        if number == len(entries) + 1 and (not entries or not stream.text[end:match.start()].strip()):
            first = match.start() if not entries else first
            entries.append(Entry(number, " ".join(match["title"].split()).rstrip(" .")))
            end = match.end()
        elif entries:
            break
    return entries, first, end


def headings(stream: Stream, start: int, end: int, entries: list[Entry], warnings: list[str]) -> list[Heading]:
    """The item headings between ``start`` and ``end``, numbered 1, 2, 3 … (as many as are found);
    when the first has no number printed, none has. One heading not found between two found is
    skipped with a warning (its text stays with the item before)."""
    found: list[Heading] = []
    position = start
    while True:
        number = found[-1].number + 1 if found else 1
        heading = next_heading(stream, position, number, entries, found)
        if heading is None and found and found[0].numbered:
            heading = next_heading(stream, position, number + 1, entries, found)
            if heading is not None and heading.start < end:
                warnings.append(f"line {stream.number(heading.start)}: no heading of item {number} before item "
                                f"{number + 1}; its text stays with item {number - 1}")
        if heading is None or heading.start >= end:
            return found
        if not heading.numbered:
            warnings.append(f"line {stream.number(heading.start)}: item heading {heading.title!r} has no number; "
                            f"numbered {number} by its place in the order")
        found.append(heading)
        position = heading.after


def next_heading(stream: Stream, position: int, number: int, entries: list[Entry],
                 found: list[Heading]) -> Heading | None:
    entry = entries[number - 1] if number <= len(entries) else None
    if not found:
        return numbered_heading(stream, position, number, entry) or unnumbered_heading(stream, position, number, entry)
    if found[0].numbered:
        return numbered_heading(stream, position, number, entry)
    return unnumbered_heading(stream, position, number, entry)


def numbered_heading(stream: Stream, position: int, number: int, entry: Entry | None) -> Heading | None:
    pattern = re.compile(rf"(?:(?<=\d{{4}}-\d{{4}})|(?<![\w.,/-])){number}\s*\.\s+(?=\S)")
    for match in pattern.finditer(stream.text, position):
        title_end = title_end_at(stream, match.end())
        title = stream.flat(match.end(), title_end)
        begins = item_begins(stream, match.start())
        if entry and matches(stream, match.end(), entry.title):
            return Heading(number, entry.title, begins, match.end() + title_span(stream, match.end(), entry.title),
                           True)
        if title and (begins < match.start() or stream.at_line_start(match.start())) and case_follows(stream, title_end):
            return Heading(number, title, begins, title_end, True)
    return None


def unnumbered_heading(stream: Stream, position: int, number: int, entry: Entry | None) -> Heading | None:
    """``CAPITALS Title Sagsnr.``, or ``Title Sagsnr.`` starting a page, as a transcript gives a
    heading whose number it dropped."""
    for match in UNNUMBERED.finditer(stream.text, position):
        if match["capitals"] and capital_letters(match["capitals"]) < 6 or not match["capitals"] and \
                not starts_paragraph(stream, match.start()):
            continue
        title_end = title_end_at(stream, match.end())
        title = stream.flat(match.end(), title_end)
        if title and case_follows(stream, title_end):
            if entry and matches(stream, match.end(), entry.title):
                title = entry.title
            return Heading(number, title, match.start(), title_end, False)
    return None


def starts_paragraph(stream: Stream, offset: int) -> bool:
    """``offset`` begins a paragraph (a page, in a transcript)."""
    index = stream.index(offset)
    return stream.starts[index] == offset and stream.lines[index].blank_before


def capital_letters(text: str) -> int:
    return len(re.sub(r"[^A-ZÆØÅ]", "", text))


def title_end_at(stream: Stream, start: int) -> int:
    """Where a heading's title ends: at ``Sagsnr.``, a closed mark, or the end of its lines."""
    limit = min(len(stream.text), start + TITLE_REACH)
    ends = [m.start() for m in (CASE.search(stream.text, start, limit), CLOSED_LINE.search(stream.text, start, limit))
            if m]
    index = stream.index(start)
    while index + 1 < len(stream.lines) and stream.starts[index + 1] < limit and \
            not stream.lines[index + 1].blank_before and not CASE.match(stream.lines[index + 1].text):
        index += 1
    line_end = stream.starts[index] + len(stream.lines[index].text)
    return min(ends + [line_end, limit])


def case_follows(stream: Stream, position: int) -> bool:
    """``Sagsnr.`` soon after a title (perhaps after a closed mark)."""
    found = CASE.search(stream.text, position, position + CASE_REACH)
    return bool(found) and len(stream.text[position:found.start()].split()) <= 4


def item_begins(stream: Stream, heading: int) -> int:
    """The item begins at the committee line above or before its heading (and a page header above that)."""
    index = stream.index(heading)
    line_start = stream.starts[index]
    before = stream.text[line_start:heading].rstrip()
    if before and not UPPER_RUN.fullmatch(before.strip()):
        capitals = CAPITALS_AT_END.search(before)
        return line_start + capitals.start() if capitals and capital_letters(capitals.group()) >= 6 else heading
    begins = line_start
    for _ in range(2):
        if index == 0:
            break
        previous = stream.lines[index - 1].text
        if not (UPPER_RUN.fullmatch(previous) and len(previous) > 5 or running_header(previous)):
            break
        index -= 1
        begins = stream.starts[index]
    return begins


def matches(stream: Stream, position: int, title: str) -> bool:
    """The text at ``position`` reads ``title`` (case, spaces, punctuation and wrapping aside)."""
    wanted = key(title)
    return bool(wanted) and key(stream.text[position:position + len(title) * 2 + 40]).startswith(wanted)


def title_span(stream: Stream, position: int, title: str) -> int:
    """How many characters from ``position`` the title ``title`` takes."""
    wanted, seen = key(title), ""
    for offset, char in enumerate(stream.text[position:], start=1):
        seen += key(char)
        if len(seen) >= len(wanted):
            return offset
    return len(stream.text) - position


def running_header(text: str) -> re.Match | None:
    """``Økonomiudvalget tirsdag den 15. marts 2011`` (and the capitals under it) at the start of a line."""
    match = RUNNING_HEADER.match(text)
    return match if match and body_like(match["committee"].split()) else None


def closed(title: str, text_after_heading: str) -> bool:
    """Marked closed in its title or right under it."""
    return bool(CLOSED_MARK.search(title) or CLOSED_MARK.search(text_after_heading))
