"""The header of a Lyngby-Taarbæk document: committee, kind, date, times and place.

Two phrasings are known: the committee's name, the kind (``Protokol``,
``Referat``, ``Dagsorden``), the date and time (``18-02-2014 kl. 08:15`` or
``14. september 2016 kl. 16:30``) and the place, each on a line of its own
(2014-17); and the prose of the 2011-12 protocols, ``Mandag den 7. november
2011 kl. 17:00 afholdt <udvalg> møde i <sted>.``. Both are read from the
header's lines joined into one text, so a page flattened to one line reads the
same as the original.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ...errors import InputError
from ..normalise import Line
from ..phrases import danish_date
from .vocabulary import HELD, KIND_WHEN, MUNICIPALITY_LINE

TIME = re.compile(r"(\d{1,2})[:.](\d{2})")
PERIOD = re.compile(r"(\d{4}-\d{4})$")
RUNNING_HEADER_ANY = re.compile(r"^.*?\bden\s+[\d.]*\s*,\s*s\.\s*\d+\s*")
ATTENDANCE_WORDS = r"Medlemmer|Indkaldelse|Indkaldte|Deltagere|Derudover deltog|Endvidere deltog|Medlemmerne var til stede"
PLACE = re.compile(rf"[ \t]*\n?[ \t]*(?P<place>[^\n]+?)[ \t]*(?=\n|\b(?:{ATTENDANCE_WORDS})\b|$)")
MAX_PLACE = 80
KIND_ALONE = re.compile(r"^(?:Protokol|Referat|Dagsorden)$", re.M)


@dataclass(frozen=True)
class Joined:
    """Lines joined by newlines into one text, knowing the source line of every offset."""
    text: str
    starts: tuple[int, ...]
    numbers: tuple[int, ...]

    @classmethod
    def of(cls, lines: list[Line], sentences: re.Pattern | None = None) -> Joined:
        """Lines joined by newlines; with ``sentences``, a line that continues a wrapped sentence (the line
        before holds one of its words, or it starts in lower case) is joined by a space instead."""
        starts, offset, text = [], 0, []
        for index, line in enumerate(lines):
            starts.append(offset)
            offset += len(line.text) + 1
            continued = sentences and index and not line.blank_before and (
                sentences.search(lines[index - 1].text) or line.text[:1].islower() or line.text.startswith("("))
            text += [" " if continued else "\n", line.text] if index else [line.text]
        return cls("".join(text), tuple(starts), tuple(line.number for line in lines))

    def line_at(self, offset: int) -> int:
        """The source line of the character at ``offset``."""
        if not self.numbers:
            return 1
        return self.numbers[max(0, bisect_right(self.starts, offset) - 1)]


def parse_header(head: Joined, path: str) -> dict:
    """Committee, period, kind, date, start, end, location; ``attendance_at``: where attendance starts."""
    when = KIND_WHEN.search(head.text)
    held = HELD.search(head.text.replace("\n", " "))
    if not when and not held:
        kind = KIND_ALONE.search(head.text)
        if kind:
            raise InputError.single(path, head.line_at(kind.end() + 1), "date",
                                    "the meeting's date and time ('18-02-2014 kl. 08:15' or '14. september 2016 kl. 16:30')")
        raise InputError.single(path, head.line_at(0), "document_kind",
                                "a committee name, then Protokol, Referat or Dagsorden and the meeting's date and time")
    phrase = held["when"] if held else when["when"]
    if held:
        committee, location, attendance_at = clean_committee(held["committee"]), held["place"].strip(), held.end()
    else:
        committee = committee_before(head.text[:when.start()])
        location, attendance_at = place_after(head.text, when.end())
    if not committee:
        raise InputError.single(path, head.line_at(when.start()), "committee", "the committee's name above the kind and date")
    start, end = times(phrase)
    period = PERIOD.search(committee)
    return {"committee": committee, "period": period.group(1) if period else None,
            "kind": (when["kind"] if when else "protokol").lower(), "date": danish_date(phrase),
            "start": start, "end": end, "location": location, "attendance_at": attendance_at,
            "date_line": head.line_at(held.start() if held else when.start())}


def times(phrase: str) -> tuple[str | None, str | None]:
    """Start and end ("HH:MM") of ``kl. 16:30 - 18:45``."""
    found = [f"{int(h):02d}:{m}" for h, m in TIME.findall(phrase.split("kl.", 1)[-1]) if int(h) < 24 and int(m) < 60]
    return (found[0] if found else None), (found[1] if len(found) > 1 else None)


def clean_committee(text: str) -> str:
    """A committee's name without the municipality's name, a running header or a page number before it."""
    text = MUNICIPALITY_LINE.split(text)[-1]
    text = RUNNING_HEADER_ANY.sub("", text)
    return " ".join(re.sub(r"^\d+\s+", "", text.strip()).split())


def committee_before(text: str) -> str:
    """The committee's name: the last line before the kind (two lines when the name is wrapped)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if not lines:
        return ""
    name = clean_committee(lines[-1])
    if len(lines) > 1 and re.search(r"(?:-|,|\bog)$", clean_committee(lines[-2])):
        name = f"{clean_committee(lines[-2])} {name}"
    return name


def place_after(text: str, at: int) -> tuple[str | None, int]:
    """The place named right after the date (on its line or the next), and where the text after it starts."""
    match = PLACE.match(text, at)
    if not match or re.match(ATTENDANCE_WORDS, match["place"]) or len(match["place"]) > MAX_PLACE:
        return None, at
    return match["place"].strip(), match.end()
