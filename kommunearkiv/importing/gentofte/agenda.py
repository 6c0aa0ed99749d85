"""Gentofte agenda items: ``N (Åben|Lukket) Title``, ``Sags ID: …``, then sections.

Section headings are standalone lines from a fixed vocabulary (misspellings and
headings wrapped over two lines are recognised). ``Beslutning`` is this
meeting's decision, ``Tidligere beslutninger`` quotes earlier ones (``.`` alone
means none) and ``Bilag`` lists the attachments as
``1. Title (2665333 - EMN-2019-00607)``: their names are the titles, and the
list as printed stays the item's ``Bilag`` section.
"""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from ...errors import InputError
from ..cleaning import danish_month_number
from .text import is_blank, markdown

ITEM = re.compile(r"^\**\s*(\d{1,3})\s*\(\s*(Åben|Åbent|Lukket)\s*\)\s*(\S.*?)\s*\**$", re.IGNORECASE)
TOC_ENTRY = re.compile(r"\t\s*\d+\s*$")
CASE = re.compile(r"^\**\s*Sags\s*ID\s*:?\s*(\S+?)\s*\**$", re.IGNORECASE)
ATTACHMENT = re.compile(r"^(\d+)\.\s+(\S.*)$")
ATTACHMENT_REFERENCE = re.compile(r"\s*\((\d+)\s*-\s*([^()]*)\)\s*$")
EARLIER = re.compile(
    r"^\**\s*(?P<body>\S.*?)\s+(?:den\s+)?(?P<day>\d{1,2})\.\s*(?P<month>[a-zæøå]+)\.?\s+(?P<year>\d{4})"
    r"(?:\s*,\s*(?:pkt|punkt)\.?\s*\d+)?\s*:\s*\**\s*(?P<rest>.*)$", re.IGNORECASE)
ABSENT = re.compile(r"^\**\s*(?:Fraværende|Afbud)\s*:\s*(?P<names>\S.*?)\s*\.?\s*\**$", re.IGNORECASE)
NAME_PARTY = re.compile(r"^(?P<name>.*?)\s*\(\s*(?P<party>[A-ZÆØÅ]{1,2})\s*\)$")
NAME_SEPARATOR = re.compile(r"\s*,\s*|\s+og\s+")
NO_EARLIER_DECISIONS = {"", ".", "-", "ingen"}

DECISION, EARLIER_DECISIONS, ATTACHMENTS = "beslutning", "tidligere beslutninger", "bilag"
HEADINGS = ("resumé", "baggrund", "vurdering", "økonomi", "indstilling", DECISION,
            EARLIER_DECISIONS, ATTACHMENTS, "sagsfremstilling", "høring", "lovgrundlag", "kommunikation")
TOC_ENTRY_LINES = 3
HEADING_SIMILARITY = 0.85
MAX_HEADING_LENGTH = 40


def parse_items(lines: list[str], start: int, stop: int, path: str, warnings: list[str]) -> list[dict]:
    """Every agenda item between the table of contents and the attachments."""
    body = _body_start(lines, start, stop)
    starts = [i for i in range(body, stop) if ITEM.match(lines[i].strip()) and not TOC_ENTRY.search(lines[i])]
    if not starts:
        raise InputError.single(path, body + 1, "items", "at least one agenda item 'N (Åben) Title' or 'N (Lukket) Title'")
    items = [_item(lines, first, last, warnings) for first, last in zip(starts, starts[1:] + [stop])]
    _check_numbers(items, warnings)
    return items


def _names_with_party(text: str) -> list[tuple[str, str | None]]:
    """``Anne Hansen (C) og Bo Berg`` → ``[("Anne Hansen", "C"), ("Bo Berg", None)]``."""
    names = []
    for part in NAME_SEPARATOR.split(text.strip().rstrip(".")):
        match = NAME_PARTY.match(part)
        if match:
            names.append((match.group("name"), match.group("party")))
        elif part:
            names.append((part, None))
    return names


def _body_start(lines: list[str], start: int, stop: int) -> int:
    """The line after the table of contents: its entries (maybe wrapped) end in a tab and a page number."""
    entries = [i for i in range(start, stop) if TOC_ENTRY.search(lines[i]) and _toc_entry_start(lines, i, start)]
    return entries[-1] + 1 if entries else start


def _toc_entry_start(lines: list[str], index: int, start: int) -> bool:
    """Whether the line ending in a page number closes an entry opened by an item line at most a few lines up."""
    for back in range(index, max(start, index - TOC_ENTRY_LINES) - 1, -1):
        if is_blank(lines[back]):
            return False
        if ITEM.match(lines[back].strip()):
            return True
    return False


def _item(lines: list[str], first: int, stop: int, warnings: list[str]) -> dict:
    number, access, title = _heading(lines[first])
    index = first + 1
    while index < stop and not is_blank(lines[index]) and not _is_case(lines[index]) and not _heading_at(lines, index):
        title += " " + lines[index].strip()
        index += 1
    last = _last_text_line(lines, first, stop)
    item = {"number": number, "title": title, "access": access, "lines": [first + 1, last + 1]}
    if access == "closed":
        return item
    item.update(_contents(lines, index, last + 1, warnings))
    return item


def _heading(line: str) -> tuple[int, str, str]:
    match = ITEM.match(line.strip())
    access = "closed" if match.group(2).lower() == "lukket" else "open"
    return int(match.group(1)), access, match.group(3)


def _contents(lines: list[str], start: int, stop: int, warnings: list[str]) -> dict:
    """Case number and sections of an open item."""
    case_number, blocks = None, []
    heading, body, index = None, [], start
    while index < stop:
        found = _heading_at(lines, index)
        if found:
            blocks.append((heading, body))
            heading, width = found
            body, index = [], index + width
            continue
        match = CASE.match(lines[index].strip())
        if match and case_number is None and heading is None:
            case_number = match.group(1)
        else:
            body.append(index)
        index += 1
    blocks.append((heading, body))
    return _fields(lines, case_number, blocks, warnings)


def _fields(lines: list[str], case_number: str | None, blocks: list, warnings: list[str]) -> dict:
    fields = {"case_number": case_number, "item_type": None, "sections": [], "decision": None,
              "decision_heading": None, "earlier_decisions": [], "absent": [], "attachments": []}
    for heading, body in blocks:
        text_lines = [lines[i] for i in body]
        key = _normalised(heading or "")
        if heading is None:
            if any(not is_blank(line) for line in text_lines):
                warnings.append(f"line {body[0] + 1}: text before the item's first heading kept as an untitled section")
                fields["sections"].append({"heading": "", "text": markdown(text_lines)})
        elif key == DECISION:
            fields["decision"], fields["decision_heading"] = markdown(text_lines), heading
        elif key == EARLIER_DECISIONS:
            fields["earlier_decisions"] = _earlier_decisions(text_lines, body, warnings)
        elif key == ATTACHMENTS:
            fields["attachments"] = _attachment_names(text_lines, body, warnings)
            if any(not is_blank(line) for line in text_lines):
                fields["sections"].append({"heading": heading, "text": markdown(text_lines)})
        else:
            fields["sections"].append({"heading": heading, "text": markdown(text_lines)})
        fields["absent"] += [n for line in text_lines for n, _ in absent_names(line)]
    return fields


def _heading_at(lines: list[str], index: int) -> tuple[str, int] | None:
    """The section heading starting at ``index`` and how many lines it spans (one, or two when wrapped)."""
    if is_blank(lines[index]) or index > 0 and not is_blank(lines[index - 1]) and not ITEM.match(lines[index - 1].strip()):
        return None
    one = _clean_heading(lines[index])
    if _known_heading(one):
        return one, 1
    if index + 1 < len(lines) and not is_blank(lines[index + 1]):
        two = f"{one} {_clean_heading(lines[index + 1])}"
        if _known_heading(two):
            return two, 2
    return None


def _clean_heading(line: str) -> str:
    return line.strip().strip("*#").strip().rstrip(":").strip()


def _known_heading(text: str) -> bool:
    key = _normalised(text)
    if not key or len(key) > MAX_HEADING_LENGTH:
        return False
    return any(key == h or SequenceMatcher(None, key, h).ratio() >= HEADING_SIMILARITY for h in HEADINGS)


def _normalised(heading: str) -> str:
    """The vocabulary entry a heading stands for (misspellings included), or its lower-case text."""
    key = re.sub(r"\s+", " ", heading.lower().replace("resume", "resumé")).strip(" :")
    best = max(HEADINGS, key=lambda h: SequenceMatcher(None, key, h).ratio())
    return best if SequenceMatcher(None, key, best).ratio() >= HEADING_SIMILARITY else key


def _is_case(line: str) -> bool:
    return bool(CASE.match(line.strip()))


def _last_text_line(lines: list[str], first: int, stop: int) -> int:
    last = stop - 1
    while last > first and is_blank(lines[last]):
        last -= 1
    return last


def _earlier_decisions(text_lines: list[str], indices: list[int], warnings: list[str]) -> list[dict]:
    """``<Body> den D. måned YYYY[, pkt. N]:`` opens each quoted decision; ``.`` alone means none."""
    if " ".join(line.strip() for line in text_lines).strip().lower() in NO_EARLIER_DECISIONS:
        return []
    decisions, current = [], None
    for line, index in zip(text_lines, indices):
        match = EARLIER.match(line.strip())
        month = danish_month_number(match.group("month")) if match else None
        if month:
            current = {"date": f"{match.group('year')}-{month:02d}-{int(match.group('day')):02d}",
                       "body": match.group("body"), "lines": [match.group("rest")] if match.group("rest") else []}
            decisions.append(current)
        elif current is None and not is_blank(line):
            warnings.append(f"line {index + 1}: earlier decision without '<udvalg> den <dato>:'; date and body unknown")
            current = {"date": None, "body": "", "lines": [line]}
            decisions.append(current)
        elif current is not None:
            current["lines"].append(line)
    return [{"date": d["date"], "body": d["body"], "text": markdown(d["lines"])} for d in decisions]


def _attachment_names(text_lines: list[str], indices: list[int], warnings: list[str]) -> list[str]:
    """Names from ``N. Title (ref - case)`` lines (wrapped lines joined); the section keeps the list as printed."""
    entries = []
    for line, index in zip(text_lines, indices):
        text = line.strip()
        if ATTACHMENT.match(text):
            entries.append([ATTACHMENT.match(text).group(2), index])
        elif entries and text and not ATTACHMENT_REFERENCE.search(entries[-1][0]):
            entries[-1][0] += " " + text
        elif text:
            warnings.append(f"line {index + 1}: line under Bilag is not a numbered attachment; kept as text")
    names = []
    for text, index in entries:
        if not ATTACHMENT_REFERENCE.search(text):
            warnings.append(f"line {index + 1}: attachment without '(document id - case)' reference")
        names.append(ATTACHMENT_REFERENCE.sub("", text))
    return names


def absent_names(line: str) -> list[tuple[str, str | None]]:
    """Names and parties of a ``Fraværende: …`` (or ``Afbud: …``) line; none for any other line."""
    match = ABSENT.match(line.strip())
    return _names_with_party(match.group("names")) if match else []


def _check_numbers(items: list[dict], warnings: list[str]) -> None:
    for previous, item in zip(items, items[1:]):
        if item["number"] != previous["number"] + 1:
            warnings.append(f"line {item['lines'][0]}: item {item['number']} follows item {previous['number']}")
