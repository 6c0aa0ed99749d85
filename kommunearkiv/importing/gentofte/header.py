"""The header of a Gentofte document: kind, committee, date, times, place and attendance.

2014 on: ``Referat af møde i <udvalg>`` (or ``Dagsorden til``), ``Mødetidspunkt
DD-MM-YYYY HH:MM``, ``Mødeafholdelse <sted>``, in minutes ``Protokollen blev læst og
mødet hævet kl.: 20.35``, ``Tilstede: A, B og C`` and ``Fraværende: X (stedfortræder:
Y) og Z``. 2013-14: ``Dagsorden til møde i <udvalg>`` (often wrapped over lines),
``Dagsorden åben``, ``Mødedato 10. juni 2013``, ``Mødetidspunkt 17.00``, ``Mødelokale …``.
"""
from __future__ import annotations

import re

from ...errors import InputError
from ..normalise import Line
from ..phrases import clock, danish_date, split_names
from .vocabulary import (ENDED, HEADER_FIELD, HEADER_START, MUNICIPALITY_NAME, NAME_PARTY, NOBODY, SUBSTITUTE, TITLE)

PERIOD = re.compile(r"\b((?:19|20)\d\d)\s*-\s*((?:19|20)\d\d)$")
DANGLING = re.compile(r"(?:\b(?:og|i|for|af|til|med|samt)|[-,&])$", re.IGNORECASE)
RANGE_END = re.compile(r"-\s*(?:kl\.\s*)?(\d{1,2}[.:]\d{2})\s*$")
RUNNING_VALUES = {"tilstede", "fraværende", "protokollen blev læst"}
PLACES = {"mødeafholdelse", "mødelokale"}  # a room wrapped before its letter ("Udvalgsværelse" / "D")
WRAPPED_PLACE = 20


def parse(header: list[Line], contents: list[Line], path: str, warnings: list[str]) -> dict:
    """The header facts; a document without title or date is refused."""
    kind, committee, title_line = title(header, path)
    fields = header_fields(header)
    date, start, end = when(fields, listed_meeting(contents), path, title_line, warnings)
    absent, substitutes = absentees(fields.get("fraværende"), warnings)
    members = present(fields.get("tilstede"), warnings)
    return {
        "document_kind": kind, "committee": committee, "period": period(committee),
        "date": date, "start": start, "end": end or ended(fields),
        "location": place(fields),
        "members": with_absentees(members, absent, substitutes),
        "absent": [name for name, _ in absent],
        "substitutes": substitutes,
        "named_municipality": named_municipality(header),
    }


def title(header: list[Line], path: str) -> tuple[str, str, int]:
    """``Dagsorden til møde i`` / ``Referat af møde i`` and the committee, joined over wrapped lines
    (a name that ends in ``og``, ``-`` or ``,`` goes on on the next line)."""
    for index, line in enumerate(header):
        words, following = line.text, index + 1
        while not TITLE.match(words) and following < len(header) and following - index < 3 and continues(header[following]):
            words, following = f"{words} {header[following].text}", following + 1
        match = TITLE.match(words)
        if not match:
            continue
        committee = match["committee"]
        while following < len(header) and continues(header[following]) and (not committee or DANGLING.search(committee)):
            committee, following = f"{committee} {header[following].text}".strip(), following + 1
        if committee:
            return match["kind"].lower(), committee.strip(" *"), line.number
    line = header[0].number if header else 1
    raise InputError.single(path, line, "title", "'Dagsorden til møde i <udvalg>' or 'Referat af møde i <udvalg>'")


def continues(line: Line) -> bool:
    """A line that can carry on the title: no header phrase, not a long paragraph."""
    return not HEADER_START.match(line.text) and len(line.text) < 120


def header_fields(header: list[Line]) -> dict[str, tuple[str, int]]:
    """``Mødetidspunkt``, ``Tilstede`` … → (value, line); a list or sentence wrapped onto following
    lines is joined, and so is a value that starts on the line after its field."""
    fields: dict[str, tuple[str, int]] = {}
    current = None
    for line in header:
        match = HEADER_FIELD.match(line.text)
        if match:
            current = match["field"].lower()
            fields[current] = (match["value"].strip(), line.number)
        elif current and not line.blank_before and (current in RUNNING_VALUES or not fields[current][0]
                                                   or current in PLACES and wrapped_place(line)):
            value, number = fields[current]
            fields[current] = (f"{value} {line.text}".strip(), number)
        else:
            current = None
    return fields


def wrapped_place(line: Line) -> bool:
    """A short line under a place that is no header phrase: the rest of the place."""
    return continues(line) and len(line.text) <= WRAPPED_PLACE


def when(fields: dict, listed: tuple[str, int] | None, path: str, title_line: int,
         warnings: list[str]) -> tuple[str, str | None, str | None]:
    """Date, start and end from ``Mødetidspunkt`` (date and time) or ``Mødedato`` + ``Mødetidspunkt``
    (time); where a transcript lost them, from the table of contents' heading (``<udvalg> DD-MM-YYYY
    HH:MM`` or ``den D. måned YYYY``), with a warning."""
    timing, _ = fields.get("mødetidspunkt", ("", 0))
    dated, _ = fields.get("mødedato", ("", 0))
    date = danish_date(timing) or danish_date(dated)
    times = re.sub(r"\d{1,2}-\d{1,2}-\d{4}", " ", timing)
    start = clock(times)
    if listed and (not date or not start):
        text, line = listed
        if not date and danish_date(text):
            warnings.append(f"line {line}: the meeting's date read from the table of contents")
        date, start = date or danish_date(text), start or clock(re.sub(r"\d{1,2}-\d{1,2}-\d{4}", " ", text))
    if not date:
        raise InputError.single(path, title_line + 1, "date",
                                "a 'Mødetidspunkt DD-MM-YYYY HH:MM' or 'Mødedato D. måned YYYY' line below the title")
    range_end = RANGE_END.search(times)
    return date, start, clock(range_end[1]) if range_end else None


def listed_meeting(contents: list[Line]) -> tuple[str, int] | None:
    """The heading of the table of contents: the committee and the meeting's date (and time)."""
    heading = []
    for line in contents:
        if re.match(r"^\d{1,3}\s|^(?:Åben|Lukket) dagsorden|^Personsager", line.text, re.IGNORECASE):
            break
        heading.append(line)
    return (" ".join(line.text for line in heading), heading[0].number) if heading else None


def ended(fields: dict) -> str | None:
    """``Protokollen blev læst og mødet hævet kl.: 20.35``."""
    value, _ = fields.get("protokollen blev læst", ("", 0))
    match = ENDED.search(f"Protokollen blev læst {value}")
    return clock(match["time"]) if match else None


def place(fields: dict) -> str | None:
    value, _ = fields.get("mødeafholdelse") or fields.get("mødelokale") or ("", 0)
    return value.strip(" *") or None


def present(field: tuple[str, int] | None, warnings: list[str]) -> list[dict]:
    """``Tilstede: A, B (C) og D`` → members with the party where given."""
    if not field or NOBODY.match(field[0]):
        return []
    return [person for part in split_names(field[0]) if (person := named(part, field[1], warnings))]


def absentees(field: tuple[str, int] | None, warnings: list[str]) -> tuple[list[tuple[str, str | None]], list[dict]]:
    """``Fraværende: X (stedfortræder: Y) og Z`` → [(X, party), (Z, party)] and [{Y replaces X}]."""
    if not field or NOBODY.match(field[0]):
        return [], []
    absent, substitutes = [], []
    for part in split_names(field[0]):
        match = SUBSTITUTE.match(part)
        person = named(match["name"] if match else part, field[1], warnings)
        if not person:
            continue
        absent.append((person["name"], person["party"]))
        if match:
            stand_in = named(match["substitute"], field[1], warnings)
            if stand_in:
                substitutes.append({"name": stand_in["name"], "party": stand_in["party"], "replaces": person["name"]})
    return absent, substitutes


def named(text: str, line: int, warnings: list[str]) -> dict | None:
    """``Anne Hansen (C)`` → a person; text that is not a name is a warning."""
    match = NAME_PARTY.match(text.strip(" .*"))
    if not match or not looks_like_name(match["name"]):
        warnings.append(f"line {line}: '{text}' is not read as a name")
        return None
    return {"name": " ".join(match["name"].split()), "party": match["party"], "role": "Medlem"}


def looks_like_name(text: str) -> bool:
    """Capitalised words (``Per B. Andersen``, ``Marie-Louise Andreassen``); particles allowed."""
    words = text.split()
    particles = {"af", "de", "von", "van", "la", "le", "du"}
    return 0 < len(words) <= 6 and all(w[0].isupper() or w in particles for w in words)


def with_absentees(members: list[dict], absent: list[tuple[str, str | None]], substitutes: list[dict]) -> list[dict]:
    """The committee's members present or absent, once; a substitute stood in for one and is no
    member (``substitutes`` says whom they replaced)."""
    stand_ins = {s["name"] for s in substitutes}
    out = {m["name"]: m for m in members if m["name"] not in stand_ins}
    for name, party in absent:
        out.setdefault(name, {"name": name, "party": party, "role": "Medlem"})
    return list(out.values())


def named_municipality(header: list[Line]) -> tuple[str, int] | None:
    """``GENTOFTE KOMMUNE`` (or another municipality's name) printed in the header."""
    for line in header:
        match = MUNICIPALITY_NAME.match(line.text)
        if match:
            return "-".join(part.capitalize() for part in match["name"].split("-")) + " Kommune", line.number
    return None


def period(committee: str) -> str | None:
    match = PERIOD.search(committee)
    return f"{match.group(1)}-{match.group(2)}" if match else None
