"""Gentofte Kommune: agendas and minutes exported from the municipality's meeting system.

The document opens with ``Dagsorden til møde i <committee>`` (or ``Referat``),
``Mødetidspunkt DD-MM-YYYY HH:MM`` and ``Mødeafholdelse <location>``, a table of
contents whose lines end in a tab and a page number, then the items
(``N (Åben|Lukket) Title``, ``Sags ID: …``, sections under fixed headings) and
finally the attachments' texts, each opened by a ``Dokument Navn:`` cover block
(see ``appendix``).
"""
from __future__ import annotations

import re
from os.path import basename

from ...errors import InputError
from . import agenda, appendix

NAME = "gentofte"
MUNICIPALITY = "Gentofte Kommune"

TITLE = re.compile(r"^\**\s*(Dagsorden|Referat)\s+(?:til|af|fra)\s+(?:\w+\s+)?møde\s+i\s+(?P<committee>\S.*?)\s*\**$",
                   re.IGNORECASE)
MEETING_TIME = re.compile(
    r"^\**\s*Mødetidspunkt:?\s+(\d{1,2})-(\d{1,2})-(\d{4})(?:\s+(?:kl\.\s*)?(\d{1,2})[:.](\d{2}))?"
    r"(?:\s*-\s*(\d{1,2})[:.](\d{2}))?\s*\**$", re.IGNORECASE)
LOCATION = re.compile(r"^\**\s*Mødeafholdelse:?\s+(\S.*?)\s*\**$", re.IGNORECASE)
HEADER_FIELD = re.compile(r"^\**\s*Mødetidspunkt|^\**\s*Mødeafholdelse", re.IGNORECASE)
PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)$")
HEADER_SCAN = 40


def detect(lines: list[str]) -> bool:
    """A ``Dagsorden/Referat til møde i`` title, then a ``Mødetidspunkt`` or ``Mødeafholdelse`` line."""
    head = [line.strip() for line in lines[:HEADER_SCAN] if line.strip()]
    if not head or not TITLE.match(head[0]):
        return False
    return any(HEADER_FIELD.match(line) for line in head[1:])


def parse(lines: list[str], path: str) -> dict:
    """The open-data form of one Gentofte document."""
    warnings: list[str] = []
    title_index, kind, committee = _title(lines, path)
    time_index, date, start, end = _meeting_time(lines, path, title_index)
    appendix_start = appendix.first_cover_line(lines)
    items = agenda.parse_items(lines, time_index + 1, appendix_start, path, warnings)
    closed = {i["number"] for i in items if i["access"] == "closed"}
    documents = appendix.parse_attachments(lines, appendix_start, closed, warnings)
    absent = _meeting_absent(lines, time_index, items[0]["lines"][0] - 1)
    return {
        "format": NAME,
        "municipality": MUNICIPALITY,
        "committee": committee,
        "period": _period(committee),
        "document_kind": kind,
        "date": date,
        "start": start,
        "end": end,
        "location": _location(lines, time_index),
        "meeting_number": None,
        "members": _members(absent, items),
        "absent": [name for name, _ in absent],
        "other_attendees": [],
        "signed_by": [],
        "items": items,
        "attachment_documents": documents,
        "source": {"file": basename(path), "lines": [1, len(lines)]},
        "warnings": warnings,
    }


def _title(lines: list[str], path: str) -> tuple[int, str, str]:
    """The first non-blank line: the document kind and the committee."""
    index = next((i for i, line in enumerate(lines) if line.strip()), 0)
    match = TITLE.match(lines[index].strip())
    if not match:
        raise InputError.single(path, index + 1, "title", "'Dagsorden til møde i <udvalg>' or 'Referat til møde i <udvalg>'")
    return index, match.group(1).lower(), match.group("committee")


def _meeting_time(lines: list[str], path: str, after: int) -> tuple[int, str, str | None, str | None]:
    """The ``Mødetidspunkt`` line's index, ISO date, start and end."""
    for index in range(after + 1, min(len(lines), after + HEADER_SCAN)):
        match = MEETING_TIME.match(lines[index].strip())
        if match:
            day, month, year, hour, minute, end_hour, end_minute = match.groups()
            date = f"{year}-{int(month):02d}-{int(day):02d}"
            start = f"{int(hour):02d}:{minute}" if hour else None
            end = f"{int(end_hour):02d}:{end_minute}" if end_hour else None
            return index, date, start, end
    raise InputError.single(path, after + 2, "date", "a 'Mødetidspunkt DD-MM-YYYY HH:MM' line below the title")


def _location(lines: list[str], time_index: int) -> str | None:
    """The ``Mødeafholdelse`` line right below the meeting time."""
    for line in lines[time_index + 1: time_index + 4]:
        match = LOCATION.match(line.strip())
        if match:
            return match.group(1)
    return None


def _meeting_absent(lines: list[str], start: int, stop: int) -> list[tuple[str, str | None]]:
    """Members listed as ``Fraværende:`` in the document's header, before the first item."""
    return [name for line in lines[start:stop] for name in agenda.absent_names(line)]


def _members(absent: list[tuple[str, str | None]], items: list[dict]) -> list[dict]:
    """The members the document names: the format lists none but those reported absent."""
    named = dict(absent)
    for item in items:
        for name in item.get("absent", []):
            named.setdefault(name, None)
    return [{"name": name, "party": party, "role": "Medlem"} for name, party in named.items()]


def _period(committee: str) -> str | None:
    match = PERIOD.search(committee)
    return f"{match.group(1)}-{match.group(2)}" if match else None
