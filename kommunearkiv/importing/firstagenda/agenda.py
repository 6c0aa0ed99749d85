"""The list under ``PUNKTER`` and where each listed item's heading stands in the body.

The list numbers items consecutively from any number (``1.`` or a running ``174.``); the body
then repeats each ``N. Title``. Converters run the list together (one line per page), glue its
last entry to the first heading (``10. Underskriftsark1. Godkendelse …``) or wrap long titles,
so entries are found by their consecutive numbers and the list ends where the first entry's
number and title come again.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ...errors import InputError
from ..normalise import Line
from .header import LIST_LABEL
from .text import compact, cut

NUMBER = re.compile(r"(?<!\d)(?P<number>\d{1,4})\.(?:\s+|(?=[A-ZÆØÅ]))(?=[A-ZÆØÅ0-9\"“”'«(§])")
LIST_START = re.compile(rf"^{LIST_LABEL}\s*:?\s*", re.I)
LEADING_NUMBER = re.compile(r"^(?P<number>\d{1,4})\.\s*")
WRAP_REACH = 3
CLOSED = re.compile(r"\s*[-–]\s*Lukket punkt\.?$|\s*\(Lukket(?: punkt)?\)$", re.I)
LONGEST_TITLE = 400
SHORTEST_WRAPPED = 10


@dataclass(frozen=True)
class Entry:
    number: int
    title: str    # without the closed mark
    closed: bool
    line: int     # source line of the entry in the list


class Joined:
    """Lines joined by spaces into one text, each offset traceable to its line."""

    def __init__(self, lines: list[Line], skip: int = 0):
        self.lines, self.starts, parts = lines, [], []
        position = 0
        for index, line in enumerate(lines):
            text = line.text[skip:] if index == 0 else line.text
            self.starts.append(position - (skip if index == 0 else 0))
            parts.append(text)
            position += len(text) + 1
        self.text = " ".join(parts)

    def where(self, offset: int) -> tuple[int, int]:
        """(index of the line, offset in its text) of an offset in the joined text."""
        index = bisect_right(self.starts, offset) - 1
        return index, offset - self.starts[index]

    def lines_from(self, offset: int) -> list[Line]:
        index, at = self.where(offset)
        line = self.lines[index]
        return (cut(line, at)[-1:] if at > 0 else [line]) + self.lines[index + 1:]


def agenda(lines: list[Line], list_index: int, path: str) -> tuple[list[Entry], list[Line]]:
    """The entries listed under PUNKTER and the body lines after the list (none when the text
    ends inside the list)."""
    label = LIST_START.match(lines[list_index].text)
    skip = label.end() if label else 0
    joined = Joined(lines[list_index:], skip)
    numbers, end = list_numbers(joined.text, lines[list_index].number, path)
    bounds = [m.start() for m in numbers[1:]] + [end if end is not None else len(joined.text)]
    entries = [entry(joined, match, stop) for match, stop in zip(numbers, bounds)]
    if end is None:
        too_long = next((e for e in entries if len(e.title) > LONGEST_TITLE), None)
        if too_long:
            raise InputError.single(path, too_long.line, LIST_LABEL,
                                    f"the list's end: item {entries[0].number} '{entries[0].title}' again as a heading")
        return entries, []
    return entries, joined.lines_from(end)


def list_numbers(text: str, line: int, path: str) -> tuple[list[re.Match], int | None]:
    """The entries' number matches, and where the first entry's number and title come again."""
    first = NUMBER.match(text, len(text) - len(text.lstrip()))
    if not first:
        raise InputError.single(path, line, LIST_LABEL, f"a numbered list 'N. Title' after {LIST_LABEL}, found {text[:60]!r}")
    matches, start = [first], int(first["number"])
    for match in NUMBER.finditer(text, first.end()):
        number = int(match["number"])
        glued = not text[match.start() - 1].isspace()
        if number == start + len(matches) and not glued:
            matches.append(match)
        elif number == start and heads(text[match.end():match.end() + 2 * LONGEST_TITLE], first_title(text, matches, match)):
            return matches, match.start()
    return matches, None


def first_title(text: str, matches: list[re.Match], match: re.Match) -> str:
    return text[matches[0].end():matches[1].start() if len(matches) > 1 else match.start()]


def entry(joined: Joined, match: re.Match, stop: int) -> Entry:
    title = " ".join(joined.text[match.end():stop].split())
    closed = CLOSED.search(title)
    line = joined.lines[joined.where(match.start())[0]].number
    return Entry(int(match["number"]), title[:closed.start()] if closed else title, bool(closed), line)


def heads(text: str, title: str) -> bool:
    """``text`` (after a number) begins with ``title``, or is its start wrapped onto the next line."""
    wanted, got = compact(title), compact(text)
    if not wanted:
        return False
    return got.startswith(wanted) or (len(got) >= min(len(wanted), SHORTEST_WRAPPED) and wanted.startswith(got))


def split_headings(lines: list[Line], entries: list[Entry]) -> list[Line]:
    """Lines cut before every ``N. Title`` of a listed item that stands inside a line."""
    titles = {e.number: e.title for e in entries}
    out: list[Line] = []
    for line in lines:
        offsets = [m.start() for m in NUMBER.finditer(line.text)
                   if m.start() > 0 and heads(line.text[m.end():], titles.get(int(m["number"]), ""))]
        pieces: list[Line] = []
        for offset in reversed(offsets):
            line, tail = cut(line, offset)
            pieces.insert(0, tail)
        out += [line] + pieces
    return out


def heading_at(body: list[Line], index: int, entry: Entry) -> bool:
    """``N. Title`` starts ``body[index]``, the title possibly wrapped onto the next lines."""
    match = LEADING_NUMBER.match(body[index].text)
    if not match or int(match["number"]) != entry.number:
        return False
    text = body[index].text[match.end():]
    for line in body[index + 1:index + 1 + WRAP_REACH]:
        if len(compact(text)) >= len(compact(entry.title)):
            break
        text += " " + line.text
    return heads(text, entry.title)


def item_starts(body: list[Line], entries: list[Entry], path: str) -> list[int]:
    """Index in ``body`` of each listed item's heading, in order, for the items the text reaches."""
    starts: list[int] = []
    for k, listed in enumerate(entries):
        after = starts[-1] + 1 if starts else 0
        found = next((i for i in range(after, len(body)) if heading_at(body, i, listed)), None)
        if found is None:
            later = next((e for e in entries[k + 1:] if any(heading_at(body, i, e) for i in range(after, len(body)))), None)
            if later:
                where = body[after].number if after < len(body) else body[-1].number
                raise InputError.single(path, where, "items", f"the heading '{listed.number}. {listed.title}' (listed under "
                                        f"{LIST_LABEL}) before item {later.number}, not found")
            break
        starts.append(found)
    return starts
