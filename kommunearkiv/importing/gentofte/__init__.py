"""Gentofte Kommune: agendas and minutes from the municipality's meeting system, every layout.

- 2014 on: ``GENTOFTE KOMMUNE``, ``Referat af møde i <udvalg>`` (or ``Dagsorden til``),
  ``Mødetidspunkt DD-MM-YYYY HH:MM``, ``Mødeafholdelse <sted>``, in minutes the end time
  and attendance (``Tilstede``, ``Fraværende: X (stedfortræder: Y)``); a table of
  contents; items ``N (Åben|Lukket) Title`` with ``Sags ID`` and fixed headings; the
  attachments' texts appended, each opened by a ``Dokument Navn`` cover block.
- 2013-14: ``Dagsorden til møde i <udvalg>``, ``Dagsorden åben``, ``Mødedato``,
  ``Mødetidspunkt``, ``Mødelokale``; contents under ``Åben dagsorden`` / ``Lukket
  dagsorden`` / ``Personsager``; items ``N Åbent Title`` with a case id ``018520-2013``.

``layout`` cuts the normalised lines where the vocabulary starts a field and finds the
parts; ``header``, ``contents``, ``items`` (with ``fields``) and ``appendix`` read them.
"""
from __future__ import annotations

import re
from os.path import basename

from ...errors import InputError
from ..normalise import Line
from . import appendix, contents, header, items, layout
from .vocabulary import FIELD_LINE, ITEM_START, TITLE_START

NAME = "gentofte"
MUNICIPALITY = "Gentofte Kommune"
KEEP = FIELD_LINE   # a field heading that falls at the end of two of three pages is no running footer

HEAD_LINES, HEAD_CHARACTERS = 60, 8000
DETECT_TITLE = re.compile(TITLE_START, re.IGNORECASE)
DETECT_FIELD = re.compile(r"\b(?:Mødetidspunkt|Mødeafholdelse|Mødedato|Mødelokale)\b", re.IGNORECASE)
DETECT_MARK = re.compile(rf"Gentofte\s+Kommune|{ITEM_START.pattern}", re.IGNORECASE)


def detect(lines: list[Line]) -> bool:
    """A ``Dagsorden til / Referat af møde i`` title and a ``Møde…`` header field near the start,
    and the municipality's name or an item heading ``N (Åben)`` / ``N Åbent`` in the document."""
    head = " ".join(line.text for line in lines[:HEAD_LINES])[:HEAD_CHARACTERS]
    title = DETECT_TITLE.search(head)
    return bool(title and DETECT_FIELD.search(head, title.end())
                and (DETECT_MARK.search(head) or any(ITEM_START.search(line.text) for line in lines)))


def parse(lines: list[Line], path: str, municipality: str | None = None) -> dict:
    """The open-data form of one Gentofte document."""
    warnings: list[str] = []
    parts = layout.parts(layout.prepared(lines))
    facts = header.parse(parts.header, parts.contents, path, warnings)
    check_municipality(municipality, facts.pop("named_municipality"), path)
    agenda, incomplete = items.parse(parts, contents.entries(parts.contents), facts["date"], path, warnings)
    closed = {item["number"] for item in agenda if item["access"] == "closed"}
    documents = appendix.parse(parts.lines[parts.appendix:], closed, warnings)
    return {
        "format": NAME,
        "municipality": MUNICIPALITY,
        **facts,
        "members": with_item_absentees(facts["members"], agenda),
        "meeting_number": None,
        "other_attendees": [],
        "signed_by": [],
        "items": agenda,
        "attachment_documents": documents,
        "incomplete": incomplete,
        "source": {"file": basename(path), "lines": [1, lines[-1].number if lines else 1]},
        "warnings": warnings,
    }


def check_municipality(given: str | None, named: tuple[str, int] | None, path: str) -> None:
    """This layout is Gentofte's: a document naming another municipality, or another
    municipality asked for, is refused rather than labelled wrongly."""
    if given and given.casefold() != MUNICIPALITY.casefold():
        raise InputError.single(path, named[1] if named else 1, "municipality",
                                f"{MUNICIPALITY} (the layout is Gentofte's), not '{given}'")
    if named and named[0].casefold() != MUNICIPALITY.casefold():
        raise InputError.single(path, named[1], "municipality",
                                f"{MUNICIPALITY} (the layout is Gentofte's), found '{named[0]}'")


def with_item_absentees(members: list[dict], agenda: list[dict]) -> list[dict]:
    """The header's members, and anyone an item reports absent whom the header does not list."""
    named = {member["name"] for member in members}
    extra = [name for item in agenda for name in item.get("absent", []) if name not in named]
    return members + [{"name": name, "party": None, "role": "Medlem"} for name in dict.fromkeys(extra)]
