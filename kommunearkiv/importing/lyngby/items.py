"""One Lyngby-Taarbæk item from its lines: case number, sections, decisions, attachments, absentees.

An item ends with ``Bilagsfortegnelse`` and its numbered attachment names
(a name may wrap over lines), then the members absent for the item as
``Name`` / ``var fraværende``. A closed item keeps its number, title and
access only: none of its text leaves this module.
"""
from __future__ import annotations

import re

from ..normalise import Line, body_markdown
from . import sections
from .contents import Entry
from .vocabulary import CLOSED

CASE_NUMBER = re.compile(r"^(?:sagsnr|sags nr|sagsnummer|sag nr|j\.?\s?nr|journalnr)\.?\s*:?\s*(\S.*)$", re.I)
ATTACHMENTS_HEADING = re.compile(r"^(?:bilagsfortegnelse|bilag)\s*:?$", re.I)
NUMBERED = re.compile(r"^(\d+)\.\s*(.*)$")
ABSENT_LINE = re.compile(r"^(?P<name>.+?)\s+var\s+fraværende\.?$")
ABSENT_ONLY = re.compile(r"^var\s+fraværende\.?$")
MAX_NAME_WORDS = 6


def parse_item(entry: Entry, title: str, item_type: str | None, body: list[Line], span: tuple[int, int],
               closed_mark: bool, date: str, absent: list[str], warnings: list[str]) -> dict:
    """The open-data form of one item; ``body`` is its lines after the heading, ``span`` its source lines."""
    item = {"number": entry.number, "title": title, "case_number": None,
            "access": "closed" if entry.closed or closed_mark or closed_start(body) else "open",
            "item_type": item_type, "sections": [], "decision": None, "decision_heading": None,
            "earlier_decisions": [], "absent": [], "attachments": [], "lines": list(span)}
    if item["access"] == "closed":
        return {key: item[key] for key in ("number", "title", "access", "lines")}
    text, item["attachments"], item["absent"], stray = item_tail(body)
    for line in stray:
        warnings.append(f"line {line.number}: text after item {entry.number}'s attachment list kept as a section: "
                        f"{line.text[:60]!r}")
    if text and CASE_NUMBER.match(text[0].text):
        item["case_number"] = CASE_NUMBER.match(text[0].text)[1].strip()
        text = text[1:]
    item.update(sections.parse_body(text, date, warnings))
    if stray:
        item["sections"].append({"heading": "", "text": body_markdown(stray)})
    item["absent"] += [name for name in absent if name not in item["absent"]]
    return item


def closed_start(body: list[Line]) -> bool:
    return bool(body) and bool(CLOSED.fullmatch(body[0].text))


def item_tail(body: list[Line]) -> tuple[list[Line], list[str], list[str], list[Line]]:
    """(the item's text, attachment names, absent names, stray lines after the list).

    Absentees are the trailing "Name / var fraværende" pairs; pairs followed by more text are text."""
    listing = next((i for i, line in enumerate(body) if ATTACHMENTS_HEADING.match(line.text)), None)
    names, list_end = attachment_list(body, listing) if listing is not None else ([], len(body))
    absent, first_pair, stray, i = [], None, [], list_end if listing is not None else 0
    while i < len(body):
        stop = pair_end(body, i)
        if stop is not None:
            absent.append(ABSENT_LINE.match(body[i].text)["name"] if stop == i else body[i].text)
            first_pair = i if first_pair is None else first_pair
            i = stop + 1
            continue
        if listing is not None:
            stray.append(body[i])
        else:
            absent, first_pair = [], None
        i += 1
    end = listing if listing is not None else (first_pair if first_pair is not None else len(body))
    return body[:end], names, absent, stray


def pair_end(body: list[Line], i: int) -> int | None:
    """Index of the status line when ``body[i]`` starts a "Name / var fraværende" pair (or is one)."""
    one = ABSENT_LINE.match(body[i].text)
    if one and len(one["name"].split()) <= MAX_NAME_WORDS:
        return i
    if i + 1 < len(body) and ABSENT_ONLY.match(body[i + 1].text) and len(body[i].text.split()) <= MAX_NAME_WORDS:
        return i + 1
    return None


def attachment_list(body: list[Line], at: int) -> tuple[list[str], int]:
    """Names listed after ``Bilagsfortegnelse`` (wrapped names re-joined, names run together cut at their
    numbers) and the index of the first line after the list."""
    parts, i = [], at + 1
    while i < len(body) and pair_end(body, i) is None and (
            NUMBERED.match(body[i].text) or parts and not body[i].blank_before):
        parts.append(body[i].text)
        i += 1
    text, names, number = " ".join(parts), [], 1
    cuts = []
    for match in re.finditer(r"(?<!\S)(\d+)\.\s", text):
        if int(match[1]) == number:
            cuts.append(match)
            number += 1
    for cut, following in zip(cuts, cuts[1:] + [None]):
        names.append(" ".join(text[cut.end():following.start() if following else len(text)].split()))
    return [name for name in names if name], i
