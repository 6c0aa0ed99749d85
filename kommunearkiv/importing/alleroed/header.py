"""The header of Allerød minutes: committee, date, times, place, meeting number, members.

``Mødet blev holdt onsdag den 13. maj 2015 på Rådhuset i Mødelokale C.``,
``Mødet begyndte kl. 07:30 og sluttede kl. 08:35.``,
``Medlemmer: Formand - Nikolaj Bührmann (F), Gurli Nielsen (C)``, ``Afbud: …``.
"""
from __future__ import annotations

import re

from ...errors import InputError
from ..cleaning import danish_month_number

MUNICIPALITY = "Allerød Kommune"
HELD = re.compile(r"Mødet blev holdt \w+ den (\d{1,2})\.\s*(\w+)\s+(\d{4})(?: på (.+?))?\.?\s*$")
TIMES = re.compile(r"begyndte kl\.\s*(\d{1,2})[:.](\d{2})(?:.*?sluttede kl\.\s*(\d{1,2})[:.](\d{2}))?")
PERSON = re.compile(r"^(?:(?P<role>[^-,()]+?)\s+-\s+)?(?P<name>[^()]+?)\s*(?:\((?P<party>[^)]*)\))?$")
ITEM_IN_CONTENTS = re.compile(r"^\d+\.\s")
ATTENDEE_LABELS = ("øvrige deltagere", "desuden deltog", "deltagere", "øvrige")


def parse_header(lines: list[str], path: str, warnings: list[str]) -> dict:
    texts = [line.strip() for line in lines]
    held = next(((i, HELD.search(t)) for i, t in enumerate(texts) if HELD.search(t)), None)
    if held is None:
        raise InputError.single(path, len(lines), "date",
                                "a line 'Mødet blev holdt <ugedag> den <d. måned åååå> på <sted>.' before the first item")
    line, match = held
    month = danish_month_number(match[2])
    if month is None:
        raise InputError.single(path, line + 1, "date", f"a Danish month name, found {match[2]!r}")
    times = next((TIMES.search(t) for t in texts if TIMES.search(t)), None)
    committee = committee_name(texts, path)
    labelled = labelled_lines(texts)
    members = people(labelled.pop("medlemmer", ""))
    if not members:
        warnings.append("line 1: no 'Medlemmer:' line in the header; members left empty")
    absent = people(labelled.pop("afbud", "") + ", " + labelled.pop("fraværende", ""))
    attendees = [v for k in ATTENDEE_LABELS if k in labelled for v in split_people(labelled.pop(k))]
    for label in labelled:
        warnings.append(f"line {texts.index(next(t for t in texts if t.lower().startswith(label))) + 1}: "
                        f"unknown header field {label!r} left out")
    number = next((t.split("nr.", 1)[1].strip() for t in texts if t.startswith("Møde nr.")), None)
    return {
        "committee": committee,
        "period": period(committee),
        "document_kind": "referat",
        "date": f"{match[3]}-{month:02d}-{int(match[1]):02d}",
        "start": f"{int(times[1]):02d}:{times[2]}" if times else None,
        "end": f"{int(times[3]):02d}:{times[4]}" if times and times[3] else None,
        "location": match[4].strip() if match[4] else None,
        "meeting_number": number or None,
        "members": members + [p for p in absent if p["name"] not in {m["name"] for m in members}],
        "absent": [p["name"] for p in absent],
        "other_attendees": attendees,
    }


def committee_name(texts: list[str], path: str) -> str:
    """The first line after ``ALLERØD KOMMUNE``."""
    plain = [t.strip("# *").strip() for t in texts]
    at = next(i for i, t in enumerate(plain) if t.upper() == MUNICIPALITY.upper())
    name = next((t for t in plain[at + 1:] if t), "")
    if not name or name.startswith("Møde"):
        raise InputError.single(path, at + 1, "committee", "the committee's name after 'ALLERØD KOMMUNE'")
    return name


def period(committee: str) -> str | None:
    match = re.search(r"(\d{4})\s*-\s*(\d{4})$", committee)
    return f"{match[1]}-{match[2]}" if match else None


def labelled_lines(texts: list[str]) -> dict[str, str]:
    """``Label: value`` lines of the header (Medlemmer, Afbud …) with lines wrapped onto the next;
    lower-case labels."""
    out, label = {}, None
    for text in texts:
        match = re.match(r"^([A-ZÆØÅ][\wæøå ]{2,30}):\s*(.*)$", text)
        if match and not text.startswith("Møde"):
            label = match[1].lower()
            out[label] = match[2]
        elif label and text and not ITEM_IN_CONTENTS.match(text) and not text.startswith("*"):
            out[label] += " " + text
        else:
            label = None
    return out


def split_people(text: str) -> list[str]:
    return [part.strip() for part in re.split(r",\s*(?![^()]*\))", text) if part.strip()]


def people(text: str) -> list[dict]:
    """``Formand - Nikolaj Bührmann (F), Gurli Nielsen (C)`` → members with role and party."""
    out = []
    for part in split_people(text):
        match = PERSON.match(part)
        out.append({"name": match["name"].strip(), "party": (match["party"] or "").strip() or None,
                    "role": (match["role"] or "Medlem").strip()})
    return out
