"""The header of a First Agenda export: ``UDVALG`` <committee>, ``MØDE`` <Referat|Dagsorden>,
``STED`` <place>, ``STARTTIDSPUNKT`` / ``SLUTTIDSPUNKT`` <timestamp>, then ``PUNKTER``.

Each label stands on its own line with the value on the next lines, or is run together with
its value (a table row, a transcript's one line per page). Timestamps come as
``26-04-2018 18:30:00`` or, from an export made in a US locale, ``5/23/2019 6:30:00 PM``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...errors import InputError
from ..normalise import Line, split_at
from ..phrases import clock, danish_date
from .text import cut

LABELS = ("UDVALG", "MØDE", "STED", "STARTTIDSPUNKT", "SLUTTIDSPUNKT")
LIST_LABEL = "PUNKTER"
LABEL_IN_TEXT = re.compile(rf"(?<!\w)(?:{'|'.join(LABELS)})(?!\w)")
LIST_IN_TEXT = re.compile(rf"(?<!\w){LIST_LABEL}(?!\w)")
LABEL_LINE = re.compile(rf"^(?P<label>{'|'.join(LABELS + (LIST_LABEL,))})(?:\s*:)?(?:\s+(?P<value>.*))?$", re.I)
FIRST_LABEL = re.compile(r"(?<!\w)UDVALG(?!\w)")
US_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
DANISH_DATE = re.compile(r"\b\d{1,2}[-.]\d{1,2}[-.]\d{4}\b")
HALF_DAY = re.compile(r"\b[AP]M\b", re.I)
PERIOD_SUFFIX = re.compile(r"\s(?P<first>\d{4})\s*-\s*(?P<last>\d{4})$")
PERIOD_PREFIX = re.compile(r"^(?P<first>\d{2})-(?P<last>\d{2})\s")
KIND = re.compile(r"(?<!\w)(?:(?P<referat>referat)|(?P<dagsorden>(?:tillægs)?dagsorden)|(?P<protokol>(?:beslutnings)?protokol))(?!\w)", re.I)


@dataclass(frozen=True)
class Header:
    fields: dict[str, tuple[int, str]]  # label → (source line, value as printed)
    list_index: int                     # index of the ``PUNKTER`` line in the lines returned with it
    noise: list[str]                    # text before ``UDVALG`` (site navigation, a page title …)
    month_first: bool                   # timestamps (and so decision dates) are US-style M/D/YYYY


def label_of(line: Line) -> str | None:
    """The header label a line starts with: upper case anywhere, any case when it is the whole line
    or a table row's first cell."""
    if line.cells and LABEL_LINE.match(line.cells[0]):
        return line.cells[0].rstrip(" :").upper()
    match = LABEL_LINE.match(line.text)
    if not match or (match["value"] and not line.text.startswith(match["label"].upper())):
        return None
    return match["label"].upper()


def split_header(lines: list[Line], path: str) -> tuple[list[Line], Header]:
    """The lines with the header's labels cut apart, and the header read from them."""
    first = next((i for i, line in enumerate(lines) if label_of(line) == "UDVALG" or FIRST_LABEL.search(line.text)), None)
    at_list = next((i for i in range(first or 0, len(lines)) if label_of(lines[i]) == LIST_LABEL
                    or LIST_IN_TEXT.search(lines[i].text)), None)
    if first is None or at_list is None:
        raise InputError.single(path, 1, "header", "the First Agenda header 'UDVALG … MØDE … STARTTIDSPUNKT …' and then 'PUNKTER'")
    before_list, list_line = cut_before(lines[at_list], LIST_IN_TEXT)
    head = split_at(lines[first:at_list] + before_list, LABEL_IN_TEXT)
    noise = lines[:first] + head[:next((i for i, line in enumerate(head) if label_of(line) == "UDVALG"), 0)]
    head = head[len(noise) - first:]
    lines = noise + head + [list_line] + lines[at_list + 1:]
    fields = header_fields(head)
    start = fields.get("STARTTIDSPUNKT", (0, ""))[1]
    month_first = bool(US_DATE.search(start) and HALF_DAY.search(start))
    return lines, Header(fields, len(noise) + len(head), [line.text for line in noise], month_first)


def cut_before(line: Line, pattern: re.Pattern) -> tuple[list[Line], Line]:
    """(the text before the first match, the line from the match on)."""
    match = pattern.search(line.text) if label_of(line) != LIST_LABEL else None
    if not match or match.start() == 0:
        return [], line
    before, after = cut(line, match.start())
    return [before], after


def header_fields(lines: list[Line]) -> dict[str, tuple[int, str]]:
    """label → (line, value): the text after the label up to the next label, joined."""
    fields: dict[str, tuple[int, list[str]]] = {}
    label = None
    for line in lines:
        found = label_of(line)
        if found and found not in fields:
            label = found
            value = LABEL_LINE.match(line.text)["value"]
            fields[label] = (line.number, [value] if value else [])
        elif label:
            fields[label][1].append(line.text)
    return {key: (number, " ".join(" ".join(values).split())) for key, (number, values) in fields.items()}


def parse_header(header: Header, path: str, warnings: list[str]) -> dict:
    committee = required(header, "UDVALG", "the committee's name", path)
    kind_line, kind_text = header.fields.get("MØDE", (header_line(header), ""))
    kind = KIND.search(kind_text)
    if kind is None:
        raise InputError.single(path, kind_line, "MØDE", f"'Referat' or 'Dagsorden' after MØDE, found {kind_text!r}")
    date, start = start_time(header, path)
    end = end_time(header, date, start, warnings)
    place = header.fields.get("STED", (0, ""))[1]
    return {"committee": committee, "period": period(committee), "document_kind": kind.lastgroup, "date": date,
            "start": start, "end": end, "location": place or None, "meeting_number": None}


def required(header: Header, label: str, what: str, path: str) -> str:
    line, value = header.fields.get(label, (header_line(header), ""))
    if not value:
        raise InputError.single(path, line, label, f"{what} after {label}, found nothing")
    return value


def header_line(header: Header) -> int:
    return min((line for line, _ in header.fields.values()), default=1)


def timestamp(header: Header, label: str) -> tuple[str, str | None] | None:
    """(date, time) of a timestamp field in the style of STARTTIDSPUNKT, or None."""
    value = header.fields.get(label, (0, ""))[1]
    match = (US_DATE if header.month_first else DANISH_DATE).search(value)
    date = danish_date(match[0], month_first=header.month_first) if match else None
    return (date, clock(value[match.end():])) if date else None


def start_time(header: Header, path: str) -> tuple[str, str | None]:
    found = timestamp(header, "STARTTIDSPUNKT")
    if found is None:
        line, value = header.fields.get("STARTTIDSPUNKT", (header_line(header), ""))
        raise InputError.single(path, line, "STARTTIDSPUNKT",
                                f"a timestamp 'DD-MM-YYYY HH:MM:SS' or 'M/D/YYYY h:mm:ss AM/PM', found {value!r}")
    return found


def end_time(header: Header, date: str, start: str | None, warnings: list[str]) -> str | None:
    """The end time when SLUTTIDSPUNKT is later the same day; a warning when it is not."""
    if "SLUTTIDSPUNKT" not in header.fields:
        return None
    line, value = header.fields["SLUTTIDSPUNKT"]
    found = timestamp(header, "SLUTTIDSPUNKT")
    if found and found[0] == date and not (start and found[1] and found[1] < start):
        return found[1]
    warnings.append(f"line {line}: SLUTTIDSPUNKT {value!r} is not a time later the same day; end time left out")
    return None


def period(committee: str) -> str | None:
    """``Allerød Byråd 2018-2021`` → ``2018-2021``; ``14-17 Økonomiudvalget`` → ``2014-2017``."""
    suffix = PERIOD_SUFFIX.search(committee)
    if suffix:
        return f"{suffix['first']}-{suffix['last']}"
    prefix = PERIOD_PREFIX.match(committee)
    if prefix and 0 < int(prefix["last"]) - int(prefix["first"]) <= 4:
        return f"20{prefix['first']}-20{prefix['last']}"
    return None


def committee_core(committee: str) -> str:
    """The committee's name without its election period, for comparing with decision headings."""
    return PERIOD_PREFIX.sub("", PERIOD_SUFFIX.sub("", committee)).strip()
