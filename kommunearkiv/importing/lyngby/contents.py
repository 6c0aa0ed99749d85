"""The table of contents of a Lyngby-Taarbæk document: which numbered lines are items.

Three layouts are known, and each is read from the words of the contents
joined together (a page flattened to one line reads the same):

- ``1. Title`` entries (2014), no page numbers;
- ``Pkt. Tekst Side`` with ``1 Title (Beslutning) 3`` (2016-17); a title over two
  lines has its number and page beside the middle: ``Title begins 3 5 title ends (Beslutning)``;
- ``Sag nr: Side:`` with ``01 Title 3`` under ``Åbent Møde`` / ``Lukket Møde`` (2011-12).

An entry's number is found in sequence (1, 2, 3 …) where an entry can start:
at the start, after a page number or a ``(Beslutning)``, or before its own page
number. The contents end where the first item's title comes again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalise import Line
from .vocabulary import ACCESS_MARK, CLOSED, FIELD_ALONE, ITEM_TYPE, TOC_COLUMNS, TOC_SECTION, cut_line, decision_of

NUMBER = re.compile(r"^0*(\d{1,3})(\.?)$")
PAGE = re.compile(r"^\d{1,3}$")
TYPE_TOKEN = re.compile(r"^\((?:Beslutning|Orientering|Drøftelse|Godkendelse|Høring|Debat)\)\.?$", re.I)
CLOSED_MARK = "\x00lukket"
OPEN_MARK = "\x00åbent"
RESTART_WORDS = 3
WRAPPED = re.compile(r"(?:\b[a-zæøå]+|-)$")
COLUMN_WORDS = {"pkt.", "pkt", "tekst", "side", "side:", "sag", "nr", "nr.", "nr:", "nr.:"}


@dataclass(frozen=True)
class Entry:
    number: int
    title: str
    item_type: str | None
    closed: bool
    line: int          # source line of the entry, for errors
    page: int | None


@dataclass(frozen=True)
class Token:
    text: str
    index: int         # line index
    offset: int        # character offset in the line


def contents_end(lines: list[Line], at: int) -> int:
    """The first line after the contents heading at ``at`` that is a field, decision or access heading
    (a title wrapped before "<Udvalg> den <date>" is no decision)."""
    for i in range(at + 1, len(lines)):
        text = lines[i].text
        wrapped_title = WRAPPED.search(lines[i - 1].text)
        if FIELD_ALONE.fullmatch(text) or decision_of(text) and not wrapped_title or ACCESS_MARK.match(text):
            return i
    return len(lines)


def tokens_of(lines: list[Line], start: int, stop: int) -> list[Token]:
    """The words of ``lines[start:stop]``, with ``Åbent/Lukket Møde`` as marks and column headings left out."""
    out: list[Token] = []
    for i in range(start, stop):
        text = lines[i].text
        section = TOC_SECTION.match(text)
        if section:
            out.append(Token(CLOSED_MARK if section["access"].lower() == "lukket" else OPEN_MARK, i, 0))
        elif not TOC_COLUMNS.match(text):
            out += [Token(m.group(0), i, m.start()) for m in re.finditer(r"\S+", text)]
    return out


def key(text: str) -> str:
    """Lower-case words only: for comparing titles."""
    return " ".join(re.findall(r"\w+", ITEM_TYPE.sub("", CLOSED.sub("", text)).lower()))


def parse_contents(lines: list[Line], at: int) -> tuple[list[Line], list[Entry], int]:
    """The entries under the contents heading ``lines[at]``; returns the lines (one may be cut where
    the first item starts), the entries and the index of the first line after the contents."""
    stop = contents_end(lines, at)
    tokens = tokens_of(lines, at + 1, stop)
    paged = any(TOC_COLUMNS.match(lines[i].text) for i in range(at + 1, stop)) or not dotted_start(tokens)
    tokens, restart = until_restart(tokens, paged)
    entries = read_entries(tokens, paged, lines)
    if restart is None:
        return lines, entries, stop
    if restart.offset == 0:
        return lines, entries, restart.index
    return (lines[:restart.index] + cut_line(lines[restart.index], restart.offset) + lines[restart.index + 1:],
            entries, restart.index + 1)


def dotted_start(tokens: list[Token]) -> bool:
    first = next((t for t in tokens if not t.text.startswith("\x00")), None)
    return bool(first and NUMBER.match(first.text) and NUMBER.match(first.text)[2])


def is_number(token: Token, number: int, paged: bool) -> bool:
    match = NUMBER.match(token.text)
    return bool(match) and int(match[1]) == number and bool(match[2]) != paged


def until_restart(tokens: list[Token], paged: bool) -> tuple[list[Token], Token | None]:
    """The contents' words up to where the first entry's title comes again (the first item's heading)."""
    words = [t for t in tokens if not t.text.startswith("\x00")]
    while words and words[0].text.lower() in COLUMN_WORDS:
        words = words[1:]
    first = next((i for i, t in enumerate(words) if NUMBER.match(t.text)), None)
    if first is None:
        return tokens, None
    number = int(NUMBER.match(words[first].text)[1])
    start = first + 1 if first == 0 else 0
    title = [key(t.text) for t in words[start:start + RESTART_WORDS]]
    for i in range(start + len(title), len(words) - len(title) + 1):
        if [key(t.text) for t in words[i:i + len(title)]] != title:
            continue
        before = i > 0 and NUMBER.match(words[i - 1].text) is not None and int(NUMBER.match(words[i - 1].text)[1]) == number
        after = i + len(title) < len(words) and NUMBER.match(words[i + len(title)].text) is not None
        if before or after or len(title) >= RESTART_WORDS:
            restart = words[i - 1] if before else words[i]
            return [t for t in tokens if (t.index, t.offset) < (restart.index, restart.offset)], restart
    return tokens, None


def anchors(tokens: list[Token], paged: bool) -> list[tuple[int, int]]:
    """(entry number, token index) of every entry's number, in sequence."""
    found: list[tuple[int, int]] = []
    first = next((i for i, t in enumerate(tokens) if NUMBER.match(t.text) and bool(NUMBER.match(t.text)[2]) != paged), None)
    if first is None:
        return found
    number, i = int(NUMBER.match(tokens[first].text)[1]), first
    while i is not None:
        found.append((number, i))
        own_page = (i + 1 if number_before_page(tokens, i) else page_after_type(tokens, i)) if paged else None
        number += 1
        i = next((j for j in range(i + 1, len(tokens)) if j != own_page and is_number(tokens[j], number, paged)
                  and can_start(tokens, j, paged)), None)
    return found


def entry_boundary(tokens: list[Token], j: int) -> bool:
    """Whether ``tokens[j]`` follows the end of an entry (or the start of the contents)."""
    return j == 0 or tokens[j - 1].text.startswith("\x00") or is_page(tokens[j - 1].text) or bool(
        TYPE_TOKEN.match(tokens[j - 1].text))


def number_before_page(tokens: list[Token], i: int) -> bool:
    """An entry whose title runs over two lines: ``title begins 3 5 title ends``."""
    return not entry_boundary(tokens, i) and i + 1 < len(tokens) and is_page(tokens[i + 1].text)


def page_after_type(tokens: list[Token], i: int) -> int | None:
    """The index of the page number right after the entry's ``(Beslutning)``, if there is one."""
    marker = next((j for j in range(i + 1, len(tokens)) if TYPE_TOKEN.match(tokens[j].text)), None)
    return marker + 1 if marker is not None and marker + 1 < len(tokens) and is_page(tokens[marker + 1].text) else None


def can_start(tokens: list[Token], j: int, paged: bool) -> bool:
    """An entry's number stands where an entry can start, or before its own page number."""
    if not paged:
        return True
    return entry_boundary(tokens, j) or (j + 1 < len(tokens) and is_page(tokens[j + 1].text))


def is_page(text: str) -> bool:
    return bool(PAGE.match(text)) and int(text) >= 1


def read_entries(tokens: list[Token], paged: bool, lines: list[Line]) -> list[Entry]:
    """Each entry's title, type, access and page from the words between the numbers."""
    found = anchors(tokens, paged)
    entries, prefix = [], [t for t in tokens[:found[0][1]] if not t.text.startswith("\x00")
                           and t.text.lower() not in COLUMN_WORDS] if found else []
    closed = any(t.text == CLOSED_MARK for t in tokens[:found[0][1]]) if found else False
    for n, (number, at) in enumerate(found):
        end = found[n + 1][1] if n + 1 < len(found) else len(tokens)
        segment = tokens[at + 1:end]
        words = [t for t in segment if not t.text.startswith("\x00")]
        title, page, rest = (split_paged(words, prefix) if paged else (words, None, []))
        text = " ".join(t.text for t in title)
        item_type = ITEM_TYPE.search(text)
        entries.append(Entry(number, CLOSED.sub("", ITEM_TYPE.sub("", text)).strip(" -–"),
                             item_type["type"].capitalize() if item_type else None,
                             closed or bool(CLOSED.search(text)), lines[tokens[at].index].number, page))
        closed = closed if not any(t.text.startswith("\x00") for t in segment) else segment_closed(segment, closed)
        prefix = rest
    return entries


def segment_closed(segment: list[Token], closed: bool) -> bool:
    for token in segment:
        if token.text in (CLOSED_MARK, OPEN_MARK):
            closed = token.text == CLOSED_MARK
    return closed


def split_paged(words: list[Token], prefix: list[Token]):
    """(title words, page, words left for the next entry) of a paged entry."""
    if prefix and words and is_page(words[0].text):
        rest = words[1:]
        marker = next((k for k, t in enumerate(rest) if TYPE_TOKEN.match(t.text)), None)
        if marker is None:
            marker = max((k for k, t in enumerate(rest) if t.index == rest[0].index), default=-1)
        return prefix + rest[:marker + 1], int(words[0].text), rest[marker + 1:]
    marker = next((k for k, t in enumerate(words) if TYPE_TOKEN.match(t.text)), None)
    if marker is not None:
        after = words[marker + 1:]
        page = int(after[0].text) if after and is_page(after[0].text) else None
        return prefix + words[:marker + 1], page, after[1:] if page is not None else after
    last = max((k for k, t in enumerate(words) if k > 0 and is_page(t.text)), default=None)
    if last is None:
        return prefix + words, None, []
    return prefix + words[:last], int(words[last].text), words[last + 1:]
