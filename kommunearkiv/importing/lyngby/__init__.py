"""Lyngby-Taarbæk Kommune: minutes exported from the municipality's meeting system.

The document opens with a header (committee, kind, ``DD-MM-YYYY kl. HH:MM``,
location), the members with ``deltog``/``var fraværende``, other attendees, a
table of contents of ``N. [Title](#)`` links, then the items (``N. Title``,
short section headings, the decision under ``<Committee> den <long date>``,
``Bilagsfortegnelse`` and per-item absentees) and finally the attachments'
texts, appended without separators (see ``appendix``).

The table of contents is the authority on which numbered lines are items:
numbered notices inside a "Meddelelser" item are not items.
"""
from __future__ import annotations

import re
from os.path import basename

from ...errors import InputError
from ..cleaning import danish_month_number
from . import appendix, sections
from .attendance import MEMBERS_HEADINGS, OTHERS_HEADING, pair_end, parse_attendance, status_of
from .text import clean, is_blank, markdown, norm

NAME = "lyngby"
MUNICIPALITY = "Lyngby-Taarbæk Kommune"

KINDS = {"protokol": "protokol", "referat": "referat", "dagsorden": "dagsorden"}
SHORT_DATE = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})\s+kl\.\s*(\d{1,2})[:.](\d{2})(?:\s*-\s*(\d{1,2})[:.](\d{2}))?\s*$")
LONG_DATE = re.compile(
    r"^(?:\w+dag\s+)?(?:den\s+)?(\d{1,2})\.\s*([a-zæøå]+)\s+(\d{4})\s+kl\.\s*(\d{1,2})[:.](\d{2})"
    r"(?:\s*-\s*(\d{1,2})[:.](\d{2}))?\s*$", re.IGNORECASE)
TOC_LINK = re.compile(r"^(\d+)\.?\s+\[(.+)\]\([^)]*\)\s*$")
TOC_PLAIN = re.compile(r"^(\d+)\.\s+(\S.*)$")
CLOSED = re.compile(r"\(\s*lukket\s*\)|\blukket (?:punkt|sag)\b", re.IGNORECASE)
ITEM_TYPE = re.compile(r"\s*\((Beslutning|Orientering|Drøftelse|Godkendelse|Høring)\)\s*$", re.IGNORECASE)
CASE_NUMBER = re.compile(r"^(?:sagsnr|sags nr|sagsnummer|sag nr|j\.?\s?nr|journalnr)\.?\s*:?\s*(\S.*)$", re.IGNORECASE)
ATTACHMENTS_HEADING = re.compile(r"^bilagsfortegnelse\s*:?$", re.IGNORECASE)
NUMBERED = re.compile(r"^(\d+)\.\s*(.*)$")
HEADER_SCAN = 15


def detect(lines: list[str]) -> bool:
    """A kind line, then a ``DD-MM-YYYY kl. HH:MM`` line, then members or a linked table of contents."""
    head = [line.strip() for line in lines[:400] if line.strip()]
    kind = next((i for i, line in enumerate(head[:6]) if line.lower() in KINDS), None)
    if kind is None or not any(SHORT_DATE.match(line) or LONG_DATE.match(line) for line in head[kind + 1:kind + 3]):
        return False
    return any(TOC_LINK.match(line) for line in head) or any(line.lower() in MEMBERS_HEADINGS for line in head[:HEADER_SCAN])


def parse(lines: list[str], path: str) -> dict:
    """The open-data form of a Lyngby-Taarbæk document (see ``kommunearkiv.importing``)."""
    warnings: list[str] = []
    header = parse_header(lines, path)
    toc_line, toc = parse_toc(lines, header["body_start"], path)
    attendance = parse_attendance(lines[header["body_start"]:toc_line], header["body_start"], warnings)
    starts = locate_items(lines, toc, toc_line, path, warnings)
    ends = [start - 1 for start in starts[1:]] + [last_item_end(lines, starts[-1], bool(any_attachments(lines, starts)))]
    items = [parse_item(lines, number, title, start, end, header, warnings)
             for (number, title, _), start, end in zip(toc, starts, ends)]
    names = [(item["number"], ordinal, name) for item in items for ordinal, name in enumerate(item["attachments"], 1)]
    documents = appendix.attachment_documents(lines, ends[-1] + 1, names, warnings)
    return {
        "format": NAME, "municipality": MUNICIPALITY,
        "committee": header["committee"], "period": header["period"],
        "document_kind": header["kind"], "date": header["date"],
        "start": header["start"], "end": header["end"], "location": header["location"],
        "meeting_number": None,
        **attendance, "signed_by": [],
        "items": items, "attachment_documents": documents,
        "source": {"file": basename(path), "lines": [1, len(lines)]},
        "warnings": warnings,
    }


def numbered_nonblank(lines: list[str], start: int = 0, stop: int | None = None) -> list[tuple[int, str]]:
    """(index, stripped text) of the non-blank lines in ``lines[start:stop]``."""
    stop = len(lines) if stop is None else stop
    return [(i, lines[i].strip()) for i in range(start, stop) if not is_blank(lines[i])]


def parse_header(lines: list[str], path: str) -> dict:
    """Committee, kind, date, times and location from the first lines."""
    head = numbered_nonblank(lines)[:HEADER_SCAN]
    kind_at = next((k for k, (_, text) in enumerate(head) if text.lower() in KINDS), None)
    if kind_at is None or kind_at == 0:
        line = head[0][0] + 1 if head else 1
        raise InputError.single(path, line, "document_kind", "a committee name line followed by Protokol, Referat or Dagsorden")
    committee = " ".join(text for _, text in head[:kind_at])
    when_at = kind_at + 1
    if when_at >= len(head) or not parse_when(head[when_at][1]):
        line = head[when_at][0] + 1 if when_at < len(head) else len(lines)
        raise InputError.single(path, line, "date", "the meeting's date and time as 'DD-MM-YYYY kl. HH:MM'")
    date, start, end = parse_when(head[when_at][1])
    location, body_start = None, head[when_at][0] + 1
    if when_at + 1 < len(head) and not is_section_start(head[when_at + 1][1]):
        location, body_start = head[when_at + 1][1], head[when_at + 1][0] + 1
    period = re.search(r"(\d{4}-\d{4})$", committee)
    return {"committee": committee, "period": period.group(1) if period else None,
            "kind": KINDS[head[kind_at][1].lower()], "date": date, "start": start, "end": end,
            "location": location, "body_start": body_start}


def parse_when(text: str) -> tuple[str, str, str | None] | None:
    """("YYYY-MM-DD", "HH:MM", "HH:MM" or None) from the header's date line."""
    match = SHORT_DATE.match(text)
    if match:
        day, month, year = int(match[1]), int(match[2]), int(match[3])
    else:
        match = LONG_DATE.match(text)
        month = danish_month_number(match[2]) if match else None
        if month is None:
            return None
        day, year = int(match[1]), int(match[3])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    end = f"{int(match[6]):02d}:{match[7]}" if match[6] else None
    return f"{year:04d}-{month:02d}-{day:02d}", f"{int(match[4]):02d}:{match[5]}", end


def is_section_start(text: str) -> bool:
    return text.lower() in MEMBERS_HEADINGS or bool(OTHERS_HEADING.match(text)) or norm(text) == "indholdsfortegnelse"


def parse_toc(lines: list[str], start: int, path: str) -> tuple[int, list[tuple[int, str, int]]]:
    """The contents line and its entries (number, title, line index)."""
    at = next((i for i in range(start, len(lines)) if norm(lines[i]) == "indholdsfortegnelse"), None)
    if at is None:
        raise InputError.single(path, start + 1, "items", "a table of contents ('Indholdsfortegnelse') listing the items")
    entries, i = [], at + 1
    while i < len(lines) and is_blank(lines[i]):
        i += 1
    while i < len(lines) and not is_blank(lines[i]):
        match = TOC_LINK.match(lines[i].strip()) or TOC_PLAIN.match(lines[i].strip())
        if not match:
            break
        entries.append((int(match[1]), clean(match[2]), i))
        i += 1
    if not entries:
        raise InputError.single(path, at + 2, "items", "numbered entries 'N. [Title](#)' under Indholdsfortegnelse")
    return at, entries


def locate_items(lines: list[str], toc: list[tuple[int, str, int]], toc_line: int, path: str,
                 warnings: list[str]) -> list[int]:
    """The line index where each contents entry's item starts in the body, in order."""
    starts, cursor = [], toc[-1][2] + 1
    for number, title, line in toc:
        found = find_item_start(lines, number, title, cursor)
        if found is None:
            raise InputError.single(path, line + 1, f"item {number}",
                                    f"an item '{number}. {title}' in the body after line {cursor}")
        if norm(lines[found].split(".", 1)[1]) != norm(title)[:len(norm(lines[found].split(".", 1)[1]))]:
            warnings.append(f"line {found + 1}: item {number}'s title differs from the table of contents")
        starts.append(found)
        cursor = found + 1
    return starts


def find_item_start(lines: list[str], number: int, title: str, cursor: int) -> int | None:
    """The first line "N. Title" after ``cursor``: exact title first, then the same number with a similar title."""
    wanted = norm(title)
    candidates = [i for i in range(cursor, len(lines)) if NUMBERED.match(lines[i].strip())
                  and int(NUMBERED.match(lines[i].strip())[1]) == number]
    for i in candidates:
        joined = norm(" ".join(lines[i:i + 3]).split(".", 1)[1])
        if joined.startswith(wanted) or wanted.startswith(norm(lines[i].split(".", 1)[1])) and len(wanted) > 3:
            return i
    similar = [i for i in candidates if sections.similar(norm(lines[i].split(".", 1)[1]), wanted) > 0.8]
    return similar[0] if similar else None


def any_attachments(lines: list[str], starts: list[int]) -> bool:
    return any(ATTACHMENTS_HEADING.match(line.strip()) for line in lines[starts[0]:])


def last_item_end(lines: list[str], start: int, appendix_expected: bool) -> int:
    """Where the last item ends: after its attachment list and absentees, or at a run of blank lines."""
    if not appendix_expected:
        return last_nonblank(lines, len(lines) - 1)
    listing = next((i for i in range(start, len(lines)) if ATTACHMENTS_HEADING.match(lines[i].strip())), None)
    end = attachment_list(lines, listing)[1] if listing is not None else start
    i, blanks = end + 1, 0
    while i < len(lines):
        if is_blank(lines[i]):
            blanks += 1
        elif pair_end(lines, i) is not None:
            end = i = pair_end(lines, i)
            blanks = 0
        elif blanks >= 2 or listing is not None:
            break
        else:
            end, blanks = i, 0
        i += 1
    return end


def last_nonblank(lines: list[str], i: int) -> int:
    while i > 0 and is_blank(lines[i]):
        i -= 1
    return i


def attachment_list(lines: list[str], at: int) -> tuple[list[str], int]:
    """Names listed after ``Bilagsfortegnelse`` (wrapped names re-joined) and the list's last line index."""
    names, end, i = [], at, at + 1
    while i < len(lines):
        text = lines[i].strip()
        if not text:
            i += 1
            continue
        match = NUMBERED.match(text)
        if match:
            names.append(match[2].strip())
        elif names and i == end + 1:
            names[-1] = f"{names[-1]} {text}"
        else:
            break
        end = i
        i += 1
    return [clean(name) for name in names], end


def parse_item(lines: list[str], number: int, title: str, start: int, end: int, header: dict,
               warnings: list[str]) -> dict:
    """One item's fields from its line range (closed items: number, title, access and lines only)."""
    item_type = ITEM_TYPE.search(title)
    title_clean = ITEM_TYPE.sub("", title).strip()
    item = {"number": number, "title": title_clean, "case_number": None, "access": "open",
            "item_type": item_type[1].capitalize() if item_type else None, "sections": [], "decision": None,
            "decision_heading": None, "earlier_decisions": [], "absent": [], "attachments": [],
            "lines": [start + 1, end + 1]}
    body_start = start + 1 + title_lines(lines, start, title)
    if CLOSED.search(title) or any(CLOSED.fullmatch(text) for _, text in numbered_nonblank(lines, body_start, end + 1)[:1]):
        item.update(access="closed", item_type=None, title=CLOSED.sub("", title_clean).strip(" -–:") or title_clean)
        return item
    body_end, item["attachments"], item["absent"], stray = item_tail(lines, body_start, end)
    for i in stray:
        warnings.append(f"line {i + 1}: text after item {number}'s attachment list kept as a section: {lines[i].strip()[:60]!r}")
    first = numbered_nonblank(lines, body_start, body_end)[:1]
    if first and CASE_NUMBER.match(first[0][1]):
        item["case_number"] = CASE_NUMBER.match(first[0][1])[1].strip()
        body_start = first[0][0] + 1
    item.update(sections.parse_body(lines, body_start, body_end, header, warnings))
    if stray:
        item["sections"].append({"heading": "", "text": markdown([lines[i] for i in stray])})
    return item


def title_lines(lines: list[str], start: int, title: str) -> int:
    """How many lines after the "N. Title" line continue a wrapped title."""
    count, seen = 0, norm(lines[start].split(".", 1)[1])
    while len(seen) < len(norm(title)) and not is_blank(lines[start + count + 1]):
        count += 1
        seen = norm(f"{seen} {lines[start + count]}")
    return count


def item_tail(lines: list[str], start: int, end: int) -> tuple[int, list[str], list[str], list[int]]:
    """(end of the item's text, attachment names, absent names, stray lines after the list) from the item's end.

    Absentees are the trailing "Name / var fraværende" pairs; pairs followed by more text are text.
    """
    listing = next((i for i in range(start, end + 1) if ATTACHMENTS_HEADING.match(lines[i].strip())), None)
    names, list_end = attachment_list(lines, listing) if listing is not None else ([], start - 1)
    absent, first_pair, stray, i = [], None, [], list_end + 1
    while i <= end:
        stop = None if is_blank(lines[i]) else pair_end(lines, i)
        if stop is not None and stop <= end:
            named = status_of(lines[i].strip())
            absent.append(named[0] if named and named[0] else lines[i].strip())
            first_pair = i if first_pair is None else first_pair
            i = stop
        elif not is_blank(lines[i]) and listing is not None:
            stray.append(i)
        elif not is_blank(lines[i]):
            absent, first_pair = [], None
        i += 1
    text_end = listing - 1 if listing is not None else (first_pair - 1 if first_pair is not None else end)
    return text_end, names, absent, stray
