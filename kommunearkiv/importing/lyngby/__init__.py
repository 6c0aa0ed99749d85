"""Lyngby-Taarbæk Kommune: minutes from the municipality's meeting systems, 2011 to 2017.

Three layouts share one vocabulary:

- 2014 (the sample): committee, ``Protokol``, ``18-02-2014 kl. 08:15``, place,
  ``Medlemmer`` with ``deltog``/``var fraværende``, ``Derudover deltog``, and
  ``Indholdsfortegnelse`` with ``N. Title`` entries;
- 2016-17: committee, ``Referat``, ``14. september 2016 kl. 16:30``, place,
  ``Indkaldelse`` with ``Name (A)``, ``X (A) var fraværende. I stedet deltog Y (A)``,
  and a ``Pkt. Tekst Side`` contents with ``(Beslutning)`` suffixes;
- 2011-12: ``… den 7. november 2011 kl. 17:00 afholdt <udvalg> møde i <sted>.``,
  ``Medlemmerne var til stede, undtagen: …``, and ``Sag nr: Side:`` contents,
  every item on its own page under ``Åbent punkt`` / ``Lukket punkt``.

Items have short section headings, the decision under ``<Udvalg> den <date>``,
``Bilagsfortegnelse`` and per-item absentees; the attachments' texts may follow
the last item (see ``appendix``). The contents decide which numbered lines are
items. Lines are normalised first (``..normalise``), and every field is found by
its words, so the converter's markup, wrapping and page furniture do not matter.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from os.path import basename

from ...errors import InputError
from ..normalise import Line, split_at
from . import appendix
from .attendance import SENTENCE_WORDS, parse_attendance
from .contents import Entry, key, parse_contents
from .header import Joined, parse_header
from .headings import Heading, find_heading, split_headings
from .items import ATTACHMENTS_HEADING, attachment_list, pair_end, parse_item
from .sections import decided
from .vocabulary import (ACCESS_MARK, HELD, KIND_WHEN, RUNNING_HEADER, TOC_COLUMNS, TOC_ENDS, TOC_HEADING, TOC_SECTION,
                         body_lines, cut_line, mended, split_after, split_both)

NAME = "lyngby"
# lines that are fields, never page furniture (``normalise(text, keep=KEEP)``): an item's absentees end
# it, so ``var fraværende`` ends many pages of a short document at the same place
KEEP = re.compile(r"(?:var\s+fraværende|deltog(?:\s+ikke)?)\.?$", re.I)
MUNICIPALITY = "Lyngby-Taarbæk Kommune"
MUNICIPALITY_NAMES = {"lyngby taarbæk kommune", "lyngby taarbæk", "lyngby tårbæk kommune", "lyngby tårbæk"}
DETECT_LINES = 400
DETECT_HEAD_CHARS = 3000
LAYOUT_WORDS = re.compile(r"(?<!\S)(?:Medlemmer|Indkaldelse)(?=[\s:]|$)|\bPkt\.?\s+Tekst\s+Side\b|(?i:\bindholdsfortegnelse\b)")
PROTOCOL_WORDS = re.compile(r"\bMedlemmerne\s+var\s+til\s+stede\b|\bSag\s*nr\.?:?\s+Side:?", re.I)
FLATTENED_PAGE = 300
FIRST_NUMBERED = 3   # the first page printing its number may be the second or third
NUMBERED_START = re.compile(r"^\d{1,3}\.?\s")
ABSENT_START = re.compile(r"^var\s+fraværende\b\.?")


def detect(lines: list[Line]) -> bool:
    """The kind and date under a committee's name followed by members or contents, or the 2011-12 prose header."""
    text = "\n".join(line.text for line in lines[:DETECT_LINES])
    held = HELD.search(text[:DETECT_HEAD_CHARS].replace("\n", " "))
    if held and PROTOCOL_WORDS.search(text, held.end()):
        return True
    kind = KIND_WHEN.search(text[:DETECT_HEAD_CHARS])
    return bool(kind and text[:kind.start()].strip() and LAYOUT_WORDS.search(text, kind.end()))


def parse(lines: list[Line], path: str, municipality: str | None = None) -> dict:
    """The open-data form of a Lyngby-Taarbæk document (see ``kommunearkiv.importing``)."""
    if municipality and key(municipality) not in MUNICIPALITY_NAMES:
        raise InputError.single(path, 1, "municipality",
                                f"{MUNICIPALITY}: this layout is Lyngby-Taarbæk's, not {municipality!r}")
    warnings: list[str] = []
    lines, pages = without_page_numbers(lines)
    lines = split_both(lines, TOC_ENDS)
    toc_at = contents_heading(lines, path)
    head_end = toc_at
    while head_end > 0 and (TOC_SECTION.match(lines[head_end - 1].text) or TOC_COLUMNS.match(lines[head_end - 1].text)):
        head_end -= 1
    committee = parse_header(Joined.of(lines[:head_end]), path)["committee"]
    head = without_running_headers(lines[:head_end], committee)
    header = parse_header(Joined.of(head), path)
    attendance = parse_attendance(Joined.of(head, SENTENCE_WORDS), header.pop("attendance_at"), warnings)
    body = body_lines(without_running_headers(lines[toc_at + 1:], header["committee"]))
    lines, entries, after = parse_contents(lines[:toc_at + 1] + body, toc_at)
    if not entries:
        raise InputError.single(path, lines[toc_at].number, "items", "numbered entries under the table of contents")
    header["date"] = header["date"] or date_from_decisions(lines[after:], header, path, warnings)
    body, _ = without_page_numbers(split_absentees(split_headings(lines[after:], entries), attendance["members"]),
                                   pages, items=True)
    lines = lines[:after] + body
    headings, incomplete = locate(lines, after, entries, header["date"], path, warnings)
    first_name = first_attachment(lines[headings[0].index:])
    lines = appendix_opened(lines, headings[-1].index, first_name)
    items, stop = read_items(lines, entries, headings, header["date"], attendance["item_absent"], first_name, warnings)
    names = [(item["number"], ordinal, name) for item in items for ordinal, name in enumerate(item.get("attachments", []), 1)]
    documents = appendix.attachment_documents(lines, stop, names, warnings) if names else []
    return {
        "format": NAME, "municipality": MUNICIPALITY,
        "committee": header["committee"], "period": header["period"], "document_kind": header["kind"],
        "date": header["date"], "start": header["start"], "end": header["end"], "location": header["location"],
        "meeting_number": None, "members": attendance["members"], "absent": attendance["absent"],
        "substitutes": attendance["substitutes"], "other_attendees": attendance["other_attendees"], "signed_by": [],
        "items": items, "attachment_documents": documents, "incomplete": incomplete,
        "source": {"file": basename(path), "lines": [1, lines[-1].number if lines else 1]},
        "warnings": warnings,
    }


def contents_heading(lines: list[Line], path: str) -> int:
    """Index of the table of contents' heading (``Indholdsfortegnelse``, else its column headings)."""
    found = next((i for i, line in enumerate(lines) if TOC_HEADING.match(line.text)), None)
    if found is None:
        found = next((i for i, line in enumerate(lines) if TOC_COLUMNS.match(line.text)), None)
    if found is None:
        raise InputError.single(path, lines[-1].number if lines else 1, "items",
                                "a table of contents ('Indholdsfortegnelse') listing the items")
    return found


def without_page_numbers(lines: list[Line], count: int = 0, items: bool = False) -> tuple[list[Line], int]:
    """Page numbers out (see ``page_number``); returns the lines and the last page number taken out."""
    out: list[Line] = []
    for i, line in enumerate(lines):
        number = page_number(lines, i, count, items)
        if number is None:
            out.append(line)
            continue
        count = int(number[1])
        if number.start() > 0:
            text = line.text[:number.start()].strip()
            out.append(replace(line, text=text, markdown=text))
    return out, count


def page_number(lines: list[Line], i: int, count: int, items: bool) -> re.Match | None:
    """A page number ending ``lines[i]``: alone on its line, ending a page flattened to one line, or
    (among ``items``) run into the end of an item before the next item's number; and the page's last
    line or the next number of the page count (after ``count``; the first printed may be the second or
    third page)."""
    line = lines[i]
    number = re.search(r"(?:^|\s)(\d{1,3})$", line.text)
    if not number:
        return None
    value, following = int(number[1]), lines[i + 1] if i + 1 < len(lines) else None
    in_sequence = value == count + 1 or not count and value <= FIRST_NUMBERED
    last_on_page = following is None or following.page != line.page
    flattened = len(line.text) > FLATTENED_PAGE
    near_page = abs(value - line.page) <= 1
    placed = (number.start() == 0 or flattened and near_page
              or items and in_sequence and following is not None and NUMBERED_START.match(following.text))
    return number if placed and (in_sequence or last_on_page and near_page) else None


def without_running_headers(lines: list[Line], committee: str) -> list[Line]:
    """The 2011-12 running header ``<Udvalg> den 07.11.2011, s. 3`` out, wherever a converter put it,
    also wrapped over two lines."""
    pattern = re.compile(RUNNING_HEADER.format(committee=r"\s+".join(map(re.escape, committee.split()))))
    out = []
    for line in mended(lines, pattern):
        text = " ".join(pattern.sub(" ", line.text).split())
        if text == line.text:
            out.append(line)
        elif text:
            out.append(replace(line, text=text, markdown=text))
    return out


def split_absentees(lines: list[Line], members: list[dict]) -> list[Line]:
    """``Name var fraværende`` of a known member on a line of its own: it may follow an attachment's name,
    and a page break may fall between the name and ``var fraværende``."""
    if not members:
        return lines
    names = "|".join(re.escape(m["name"]) for m in sorted(members, key=lambda m: -len(m["name"])))
    lines = split_both(lines, re.compile(rf"(?<!\S)(?:{names})\s+var\s+fraværende\b\.?"))
    ending = re.compile(rf"(?<=\S)\s+(?:{names})$")
    out: list[Line] = []
    for line, following in zip(lines, lines[1:] + [None]):
        name = ending.search(line.text)
        absent_next = following is not None and ABSENT_START.match(following.text)
        out += cut_line(line, name.start()) if name and absent_next else [line]
    return split_after(out, ABSENT_START)


def date_from_decisions(lines: list[Line], header: dict, path: str, warnings: list[str]) -> str:
    """The meeting's date when the header lost it: the date of the committee's own decision headings."""
    committee = key(header["committee"])
    dates = Counter(found[1] for line in lines if (found := decided(line.text))
                    and key(found[0]).rstrip("s") in (committee, committee.rstrip("s")))
    if not dates:
        raise InputError.single(path, header["date_line"], "date", "the meeting's date beside its time ('kl. HH:MM')")
    date = dates.most_common(1)[0][0]
    warnings.append(f"line {header['date_line']}: the header gives no date; the committee's decisions are dated {date}")
    return date


def locate(lines: list[Line], after: int, entries: list[Entry], date: str, path: str, warnings: list[str]):
    """Every entry's heading, in order; the entries the text never reaches make the document incomplete."""
    headings, cursor = [], after
    for n, entry in enumerate(entries):
        found = find_heading(lines, cursor, entry)
        if found is None:
            later = any(find_heading(lines, cursor, other) for other in entries[n + 1:])
            if later or not headings or open_item_goes_on(lines, headings[-1], entries[n - 1], date):
                raise InputError.single(path, entry.line, f"item {entry.number}",
                                        f"an item '{entry.number}. {entry.title}' in the body after line "
                                        f"{lines[cursor - 1].number if cursor else 1}")
            missing = entries[n:]
            names = ", ".join(f"{e.number}. {e.title}" for e in missing)
            warnings.append(f"line {lines[-1].number}: the text ends before item {missing[0].number}: "
                            f"items of the table of contents not in the text: {names}")
            return headings, {"line": lines[-1].number, "missing": f"items {names}"}
        headings.append(found)
        cursor = found.index + found.used
    return headings, None


def open_item_goes_on(lines: list[Line], last: Heading, entry: Entry, date: str) -> bool:
    """The last item found is open and more than one decision of this meeting follows its heading: the
    text goes on past it (a heading not recognised), and reading on would give it another item's decision."""
    if entry.closed or last.closed_mark:
        return False
    return sum(1 for line in lines[last.index:] if (found := decided(line.text)) and found[1] == date) > 1


def read_items(lines: list[Line], entries: list[Entry], headings, date: str, item_absent: dict,
               first_name: str | None, warnings: list[str]):
    """The items found, and the index where the text after the last item (the attachments) starts."""
    last = headings[-1].index + headings[-1].used
    stops = [h.index for h in headings[1:]] + [last_item_stop(lines, last, first_name)]
    items = []
    for entry, found, stop in zip(entries, headings, stops):
        body = lines[found.index + found.used:stop]
        span = (lines[found.index].number, lines[stop - 1].number if stop > found.index else lines[found.index].number)
        items.append(parse_item(entry, found.title, found.item_type, body, span, found.closed_mark, date,
                                item_absent.get(entry.number, []), warnings))
    return items, stops[-1]


def first_attachment(lines: list[Line]) -> str | None:
    """The first attachment name any item lists: the first text appended after the last item."""
    listing = next((i for i, line in enumerate(lines) if ATTACHMENTS_HEADING.match(line.text)), None)
    names = attachment_list(lines, listing)[0] if listing is not None else []
    return names[0] if names else None


def appendix_opened(lines: list[Line], start: int, first_name: str | None) -> list[Line]:
    """A page flattened to one line that holds the last item's end and the first attachment's opening,
    cut where the attachment opens (its page number before the cut left out)."""
    decisions = [i for i in range(start, len(lines)) if decided(lines[i].text)]
    if first_name is None or not decisions:
        return lines
    for i in range(decisions[-1] + 1, len(lines)):
        offset = appendix.opening_inside(lines[i].text, first_name) if len(lines[i].text) > appendix.MAX_CANDIDATE_CHARS else None
        if offset:
            head, rest = cut_line(lines[i], offset)
            text = re.sub(r"\s+\d{1,3}$", "", head.text)
            return lines[:i] + [replace(head, text=text, markdown=text), rest] + lines[i + 1:]
    return lines


def last_item_stop(lines: list[Line], start: int, first_name: str | None) -> int:
    """Where the last item's text ends when attachments' texts may follow it: after its own attachment
    list and absentees, else where a heading names the first attachment, else at the page break after
    its decision (when pages are known), else at the end of the text."""
    if first_name is None:
        return len(lines)
    listing = next((i for i in range(start, len(lines)) if ATTACHMENTS_HEADING.match(lines[i].text)), None)
    if listing is not None:
        _, stop = attachment_list(lines, listing)
        while stop < len(lines) and (end := pair_end(lines, stop)) is not None:
            stop = end + 1
        return stop
    decisions = [i for i in range(start, len(lines)) if decided(lines[i].text)]
    after = decisions[-1] + 1 if decisions else start
    named = appendix.named_opening(lines, after + 1, first_name)
    if named is not None:
        return named
    return next((i for i in range(after + 1, len(lines)) if lines[i].page != lines[i - 1].page), len(lines))
