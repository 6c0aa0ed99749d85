"""The table of contents: item numbers, titles and access as the document lists them.

2014 on the entries read ``N (Åben) Title`` with dot leaders or a tab and the page;
2013-14 ``N Title`` under ``Åben dagsorden``, ``Lukket dagsorden`` and ``Personsager``.
Titles wrap over lines, and transcripts run the entries together or lose a
number: the entries are found by their numbers in order, and one entry without a
number between two numbered ones takes the number between.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..normalise import Line
from .vocabulary import SECTION

ENTRY_NUMBER = re.compile(r"(?<!\S)(?P<number>\d{1,3})(?:\s*\(\s*(?P<access>Åben|Lukket)\s*\))?\s+(?=[A-ZÆØÅ])")
LEADER = re.compile(r"\s*(?:\.{2,}|…+)\s*\d*\s*$")
MAX_GAP = 30


@dataclass(frozen=True)
class Entry:
    number: int
    title: str
    access: str
    line: int


def entries(lines: list[Line]) -> list[Entry]:
    """The entries in order; section headings give the access where an entry carries none."""
    found: list[Entry] = []
    for access, block in blocks(lines):
        found += block_entries(block, access, found)
    return found


def blocks(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """Runs of entry lines, each with the access of the section heading above it."""
    out: list[tuple[str, list[Line]]] = [("open", [])]
    for line in lines:
        section = SECTION.match(line.text)
        if section:
            out.append(("open" if section["name"].lower().startswith("åben") else "closed", []))
            if section["rest"]:
                out[-1][1].append(replace(line, text=section["rest"], markdown=section["rest"]))
        else:
            out[-1][1].append(line)
    return [block for block in out if block[1]]


def block_entries(lines: list[Line], access: str, before: list[Entry]) -> list[Entry]:
    text, starts = joined(lines)
    last = before[-1].number if before else 0
    matches = numbered(text, last)
    out: list[Entry] = []
    lead = text[:matches[0].start() if matches else len(text)].strip()
    following = int(matches[0]["number"]) if matches else None
    if lead and before and (following == last + 2 or following is None and access == "closed"):
        out.append(Entry(last + 1, clean(lead), access, starts[0][1]))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        entry_access = {"Åben": "open", "Lukket": "closed"}.get(match["access"] or "", access)
        title = clean(text[match.end():end])
        if title:
            out.append(Entry(int(match["number"]), title, entry_access, line_at(starts, match.start())))
    return out


def numbered(text: str, last: int) -> list[re.Match]:
    """Entry numbers in order: each the next number if the text has it, else (a number lost
    in the transcript) the first higher one within a gap; always followed by a title."""
    out: list[re.Match] = []
    position = 0
    while True:
        ahead = [m for m in ENTRY_NUMBER.finditer(text, position) if last < int(m["number"]) <= last + MAX_GAP]
        match = next((m for m in ahead if int(m["number"]) == last + 1), ahead[0] if ahead else None)
        if not match:
            return out
        out.append(match)
        last, position = int(match["number"]), match.end()


def joined(lines: list[Line]) -> tuple[str, list[tuple[int, int]]]:
    """The entry lines as one text, with the offset where each source line starts."""
    text, starts = "", []
    for line in lines:
        starts.append((len(text), line.number))
        text += entry_text(line) + " "
    return text, starts


def entry_text(line: Line) -> str:
    """A line without its page number (a last cell of digits, or dot leaders and digits)."""
    cells = [cell for cell in line.cells if cell]
    if len(cells) > 1 and cells[-1].isdigit():
        return " ".join(cells[:-1])
    return LEADER.sub("", line.text)


def line_at(starts: list[tuple[int, int]], offset: int) -> int:
    return max((number for start, number in starts if start <= offset), default=starts[0][1])


def clean(title: str) -> str:
    return LEADER.sub("", " ".join(title.split())).strip()
