"""The agenda items: each from its heading to the next, checked against the table of contents.

A heading's title may wrap onto the next line; the table of contents tells how far
(titles are compared by their letters and digits only). A closed item keeps its
number, title and access only. Closed items the 2013-14 layout lists only in its
table of contents are items too. Open items of the table of contents that the text
never reaches make the document incomplete: it is imported as far as it goes.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ...errors import InputError
from ..normalise import Line
from . import fields
from .contents import Entry
from .layout import Parts
from .vocabulary import CASE, INLINE_FIELD, ITEM

LONG_TITLE_LINE = 150


def parse(parts: Parts, listed: list[Entry], meeting_date: str, path: str, warnings: list[str]) -> tuple[list[dict], dict | None]:
    """Items in number order and, when the text stops early, what is missing."""
    if not parts.starts and not listed:
        line = parts.lines[len(parts.header)].number if len(parts.lines) > len(parts.header) else None
        raise InputError.single(path, line, "items", "at least one agenda item 'N (Åben) Title' or 'N Åbent Title'")
    by_number = {entry.number: entry for entry in listed}
    bounds = zip(parts.starts, parts.starts[1:] + [parts.appendix])
    items = [item(parts.lines[first:stop], by_number, meeting_date, warnings) for first, stop in bounds]
    missing = unreached(items, listed)
    items += listed_only(items, listed, missing, warnings)
    items.sort(key=lambda i: i["number"])
    check_numbers(items, warnings)
    incomplete = None
    if missing:
        incomplete = {"line": parts.lines[parts.appendix - 1].number if parts.appendix else 1,
                      "missing": "items " + ", ".join(f"{e.number} ({e.title})" for e in missing)
                                 + " of the table of contents"}
        warnings.append(f"line {incomplete['line']}: the text ends here; {incomplete['missing']} never reached")
    return items, incomplete


def item(lines: list[Line], listed: dict[int, Entry], meeting_date: str, warnings: list[str]) -> dict:
    match = ITEM.match(lines[0].text)
    number = int(match["number"])
    access = "closed" if (match["marked"] or match["word"]).lower() == "lukket" else "open"
    title, rest = full_title(lines[0], match["title"], lines[1:], listed.get(number))
    result = {"number": number, "title": title, "access": access, "lines": [lines[0].number, lines[-1].number]}
    if not title:
        warnings.append(f"line {lines[0].number}: item {number} has no title")
    if access == "open":
        result.update(fields.parse(rest, meeting_date, warnings))
    return result


def full_title(heading: Line, title: str, following: list[Line], entry: Entry | None) -> tuple[str, list[Line]]:
    """The heading's title with its wrapped continuation; text run on after it (past the
    listed title, or from the first field heading of a line as long as a page) is handed
    back as the item's first line."""
    listed = letters(entry.title) if entry else None
    index = 0
    while index < len(following) and continues_title(title, following[index], listed):
        title, index = f"{title} {following[index].text}", index + 1
    words = title.split()
    kept = next((k for k in range(1, len(words)) if letters(" ".join(words[:k])) == listed), None) if listed else None
    run_on = INLINE_FIELD.search(title) if not kept and len(title) > LONG_TITLE_LINE else None
    if run_on:
        kept = len(title[:run_on.start()].split())
    if kept:
        extra, title = " ".join(words[kept:]), " ".join(words[:kept])
        return title, [replace(following[index - 1] if index else heading, text=extra, markdown=extra)] + following[index:]
    return title, following[index:]


def continues_title(title: str, line: Line, listed: str | None) -> bool:
    """A wrapped title goes on as far as the listed title does; without a listed title that
    starts like it, onto the next short line of the same paragraph."""
    if CASE.match(line.text) or ITEM.match(line.text) or fields.heading_at([line], 0):
        return False
    if listed and listed.startswith(letters(title)):
        return listed.startswith(letters(f"{title} {line.text}")) and letters(title) != listed
    return not line.blank_before and len(line.text) < LONG_TITLE_LINE


def letters(text: str) -> str:
    return re.sub(r"[^\wæøå]+", "", text.lower())


def reached(entry: Entry, items: list[dict], listed: list[Entry]) -> bool:
    """An item has the entry's number, or is the entry printed under another number: its
    title, where the table of contents lists another title under the item's number."""
    titles = {e.number: letters(e.title) for e in listed}
    return any(i["number"] == entry.number
               or letters(i["title"]) == letters(entry.title) != titles.get(i["number"]) and i["access"] == entry.access
               for i in items)


def unreached(items: list[dict], listed: list[Entry]) -> list[Entry]:
    """Open entries of the table of contents after the last item the text reaches."""
    last = max((i["number"] for i in items), default=0)
    return [entry for entry in listed if entry.number > last and entry.access == "open" and not reached(entry, items, listed)]


def listed_only(items: list[dict], listed: list[Entry], missing: list[Entry], warnings: list[str]) -> list[dict]:
    """Entries of the table of contents without a heading in the text: closed items are items
    (number, title, access); an open one missing before the end is a warning."""
    last = max((i["number"] for i in items), default=0)
    out = []
    for entry in listed:
        if reached(entry, items, listed) or entry in missing:
            continue
        if entry.access == "closed" and not (missing and entry.number > last):
            out.append({"number": entry.number, "title": entry.title, "access": "closed", "lines": [entry.line, entry.line]})
        elif entry.access == "open":
            warnings.append(f"line {entry.line}: item {entry.number} of the table of contents not found in the text")
    return out


def check_numbers(items: list[dict], warnings: list[str]) -> None:
    for previous, current in zip(items, items[1:]):
        if current["number"] != previous["number"] + 1:
            warnings.append(f"line {current['lines'][0]}: item {current['number']} follows item {previous['number']}")
