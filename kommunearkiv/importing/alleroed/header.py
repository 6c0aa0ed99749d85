"""The header of Allerød minutes: committee, kind, date, times, place, meeting number, people.

``ALLERØD KOMMUNE``, the committee (left out in some 2010-13 minutes), ``Møde nr. 27``,
``Mødet blev holdt onsdag den 13. maj 2015 på Rådhuset i Mødelokale C.`` (an agenda:
``Mødet holdes … kl. 07:30 på …``), ``Mødet begyndte kl. 07:30 og sluttede kl. 08:35.``,
``Medlemmer: Formand - Nikolaj Bührmann (F), …`` (or ``Formand Agnete Fog (B)``),
``Afbud: …``, ``Desuden deltog: …``. Read as one text, so wrapping and one line per page
do not matter.
"""
from __future__ import annotations

import re

from ...errors import InputError
from ..phrases import clock, danish_date, people, split_names
from .stream import Stream

MUNICIPALITY = "Allerød Kommune"
MUNICIPALITY_LINE = re.compile(r"allerød\s+kommune", re.I)
HELD = re.compile(r"Mødet\s+(?P<verb>blev\s+holdt|holdes)\s+(?:\w+\s+)?den\s+(?P<date>\d{1,2}\.?\s*\w+\.?\s+\d{4})"
                  r"(?:\s+kl\.?\s*(?P<clock>\d{1,2}[:.]\d{2}))?(?:\s+på\s+(?P<place>[\s\S]{1,150}?))?"
                  r"\s*(?:\.(?=\s|$)|(?=\s*(?:Mødet\b|Medlem|mer:|$)))")
TIMES = re.compile(r"begyndte\s+kl\.?\s*(?P<start>\d{1,2}[:.]\d{2})(?:\s+og\s+sluttede\s+kl\.?\s*(?P<end>\d{1,2}[:.]\d{2}))?")
NUMBER = re.compile(r"Møde\s+nr\.?\s*(?P<number>[\w./-]+)")
LABEL = re.compile(r"(?:(?<=\n)|^|(?<=[.)]\s))(?P<label>Medlemmer|mer|Afbud|Fraværende|Desuden deltog|Øvrige deltagere"
                   r"|Deltagere|Øvrige|Stedfortrædere?|Suppleanter?)\s*:")
CONTENTS_START = re.compile(r"(?<!\S)1\.\s+(?=[A-ZÆØÅ])")  # the contents' first entry ends the lists of people
NAME_WORDS = re.compile(r"[A-ZÆØÅÉÜ][\w'’.-]*$|[a-zæøå]{1,3}$")  # capitalised, or short (af, de, la, von)
OTHER_LABEL = re.compile(r"^(?P<label>[A-ZÆØÅ][\wæøå ]{2,30}):", re.M)
ATTENDEE_LABELS = ("desuden deltog", "øvrige deltagere", "deltagere", "øvrige")
PEOPLE_LABELS = ("medlemmer", "mer", "afbud", "fraværende", "stedfortræder", "stedfortrædere", "suppleant",
                 "suppleanter", *ATTENDEE_LABELS)


def held_sentence(text: str, end: int | None = None) -> re.Match | None:
    """``Mødet blev holdt …`` of the header: the first after ``ALLERØD KOMMUNE`` (a transcript site's
    title may quote it above the document), else the first."""
    end = len(text) if end is None else end
    municipality = MUNICIPALITY_LINE.search(text, 0, end)
    found = HELD.search(text, municipality.end(), end) if municipality else None
    return found or HELD.search(text, 0, end)


def parse_header(stream: Stream, end: int, path: str, warnings: list[str]) -> dict:
    """The meeting's facts from the text before ``end`` (the contents or the first item)."""
    text = stream.text[:end]
    held = held_sentence(text)
    if held is None:
        raise InputError.single(path, stream.number(end), "date",
                                "a line 'Mødet blev holdt <ugedag> den <d. måned åååå> på <sted>.' before the first item")
    date = danish_date(held["date"])
    if date is None:
        raise InputError.single(path, stream.number(held.start()), "date",
                                f"a date like '13. maj 2015' (a Danish month name), found {held['date']!r}")
    times = TIMES.search(text, held.start())
    labelled = labelled_values(text, held.end(), stream, warnings)
    line = stream.number(held.end())
    members = names_only(people(labelled.get("medlemmer", "") or labelled.get("mer", "")), line, warnings)
    if not members:
        warnings.append(f"line {stream.number(held.start())}: no 'Medlemmer:' in the header; members left empty")
    absent = names_only(people(", ".join(labelled.get(k, "") for k in ("afbud", "fraværende"))), line, warnings)
    number = NUMBER.search(text)
    return {
        "committee": committee_line(text, held.start()),
        "document_kind": "dagsorden" if held["verb"] == "holdes" else "referat",
        "date": date,
        "start": clock(times["start"]) if times else clock(held["clock"] or ""),
        "end": clock(times["end"]) if times and times["end"] else None,
        "location": " ".join(held["place"].split()).rstrip(".") if held["place"] else None,
        "meeting_number": number["number"] if number and number.start() < held.start() else None,
        "members": members + [p for p in absent if p["name"] not in {m["name"] for m in members}],
        "absent": [p["name"] for p in absent],
        "other_attendees": [name for k in ATTENDEE_LABELS for name in split_names(labelled.get(k, ""))],
    }


def names_only(found: list[dict], line: int, warnings: list[str]) -> list[dict]:
    """The people whose names look like names (capitalised words, at most six); other text, such as a
    table of contents run into the list, is left out with a warning."""
    out = []
    for person in found:
        words = person["name"].split()
        if 0 < len(words) <= 6 and all(NAME_WORDS.match(word) for word in words):
            out.append(person)
        else:
            warnings.append(f"line {line}: {person['name'][:60]!r} in a list of people is not a name; left out")
    return out


def committee_line(text: str, held: int) -> str | None:
    """The words between ``ALLERØD KOMMUNE`` and ``Møde nr.``/``Mødet …``, when there are any."""
    municipality = MUNICIPALITY_LINE.search(text, 0, held)
    if municipality is None:
        return None
    stop = min([m.start() for m in (NUMBER.search(text, municipality.end()),) if m and m.start() < held] + [held])
    name = " ".join(text[municipality.end():stop].split()).strip(" .:")
    return name or None


def labelled_values(text: str, start: int, stream: Stream, warnings: list[str]) -> dict[str, str]:
    """``Label: value`` after ``start`` (values wrapped over lines joined), lower-case labels."""
    known = list(LABEL.finditer(text, start))
    others = [m for m in OTHER_LABEL.finditer(text, start) if m["label"].lower() not in PEOPLE_LABELS]
    for other in others:
        warnings.append(f"line {stream.number(other.start())}: unknown header field {other['label']!r} left out")
    contents = [m.start() for m in CONTENTS_START.finditer(text, start)]
    stops = sorted([m.start() for m in known + others] + contents[:1] + [len(text)])
    return {m["label"].lower(): " ".join(text[m.end():next(s for s in stops if s > m.start())].split())
            for m in known}


def period(committee: str | None) -> str | None:
    match = re.search(r"(\d{4})\s*-\s*(\d{4})$", committee or "")
    return f"{match[1]}-{match[2]}" if match else None
