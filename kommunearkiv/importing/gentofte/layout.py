"""The parts of a Gentofte document: header, table of contents, items, appended attachments.

Lines are first cut where the format's distinctive vocabulary starts a field, so
that one-line-per-page text and glued runs read like the printed layout. Item
headings are ``N (Åben) Title`` (2014 on) or ``N Åbent Title`` (2013-14); a table
of contents lists the same headings first (2014 on, the numbering then starts
over) or only ``N Title`` under ``Åben dagsorden`` / ``Lukket dagsorden`` (2013-14).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..normalise import Line, split_at
from .vocabulary import (ABSENT_START, CASE_START, CONTENTS, COVER_START, DATE_WORDS, DOCUMENT_START, HEADER_START,
                         ITEM, ITEM_START, SEPARATOR)

RUNNING = r"(?:\d{1,3}\s+)?Møde i [A-ZÆØÅ][^.:]*? den \d{1,2}\.\s*[a-zæøå]+\s+\d{4}\b"
RUNNING_HEADER = re.compile(rf"^{RUNNING}\s*", re.IGNORECASE)
RUNNING_START = re.compile(rf"(?<!\S){RUNNING}")
PAGE_HEADER = re.compile(rf"^Gentofte Kommune(?:\s+(?:{DATE_WORDS}))?$", re.IGNORECASE)
PAGE_PREFIX = re.compile(r"^\d{1,3}$")
PAGE_MARKS = re.compile(r"\s*\bSide (?P<page>\d+) af \d+(?:\s+(?P<next>\d{1,3})(?=\s|$))?|\s*\bbackground image\b", re.IGNORECASE)


@dataclass(frozen=True)
class Parts:
    lines: list[Line]
    header: list[Line]
    contents: list[Line]
    starts: list[int]     # indices of the items' headings in ``lines``
    appendix: int         # index of the first attachment's cover (``len(lines)`` when none)


def prepared(lines: list[Line]) -> list[Line]:
    """Lines cut at item headings, case ids, absentee lists, header phrases and cover fields;
    page furniture the text still carries (``Side N af M`` inside a line, running headers
    ``Møde i <udvalg> den <dato>`` and ``Gentofte Kommune <dato>``) and rules dropped."""
    lines = split_at(without_page_marks(lines), DOCUMENT_START)
    appendix = first_cover(lines)
    body = without_page_prefixes(split_at(lines[:appendix], ITEM_START))
    body = split_at(split_at(body, CASE_START), ABSENT_START)
    first_item = next((i for i, line in enumerate(body) if ITEM.match(line.text)), len(body))
    body = split_at(body[:first_item], HEADER_START) + body[first_item:]
    body = without_running_headers(split_at(body, RUNNING_START))
    return body + split_at(lines[appendix:], COVER_START)


def first_cover(lines: list[Line]) -> int:
    return next((i for i, line in enumerate(lines) if DOCUMENT_START.match(line.text)), len(lines))


def without_page_marks(lines: list[Line]) -> list[Line]:
    """``Side N af M`` (with the next page's number a transcript puts after it) and
    ``background image`` taken out of lines that run over page ends."""
    out = []
    for line in lines:
        text = PAGE_MARKS.sub(lambda m: "" if not m["next"] or int(m["next"]) == int(m["page"]) + 1 else f" {m['next']}",
                              line.text).strip()
        if text:
            out.append(line if text == line.text else replace(line, text=text, markdown=text))
    return out


def without_page_prefixes(lines: list[Line]) -> list[Line]:
    """A transcript's page number left in front of an item heading (``3 3 (Lukket) …``) dropped."""
    return [line for line, following in zip(lines, lines[1:] + [None])
            if not (PAGE_PREFIX.match(line.text) and following and following.number == line.number
                    and ITEM.match(following.text))]


def without_running_headers(lines: list[Line]) -> list[Line]:
    out = []
    for line in lines:
        match = RUNNING_HEADER.match(line.text)
        text = line.text[match.end():].strip() if match else line.text
        if text and not SEPARATOR.match(text) and not (out and PAGE_HEADER.match(text)):
            out.append(replace(line, text=text, markdown=text) if match else line)
    return out


def parts(lines: list[Line]) -> Parts:
    """Where header, contents, items and attachments lie in the prepared lines."""
    appendix = first_cover(lines)
    headings = [i for i in range(appendix) if ITEM.match(lines[i].text)]
    starts = body_headings(lines, headings)
    contents_at = next((i for i in range(appendix) if CONTENTS.match(lines[i].text)), None)
    body = starts[0] if starts else appendix
    header_end = min(i for i in (contents_at, headings[0] if headings else None, body) if i is not None)
    contents_start = contents_at + 1 if contents_at is not None and contents_at < body else header_end
    return Parts(lines, lines[:header_end], lines[contents_start:body], starts, appendix)


def body_headings(lines: list[Line], headings: list[int]) -> list[int]:
    """The item headings of the body: a table of contents that repeats the headings
    (``N (Åben) Title``) ends where the numbering starts over."""
    numbers = [int(ITEM.match(lines[i].text)["number"]) for i in headings]
    restart = next((k for k in range(1, len(numbers)) if numbers[k] <= numbers[0]), None)
    if restart is not None and all(ITEM.match(lines[i].text)["marked"] for i in headings[:restart]):
        return headings[restart:]
    return headings
