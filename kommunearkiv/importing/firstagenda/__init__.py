"""First Agenda web export (Allerød from 2018, Holbæk and other municipalities on the same template).

Layout: ``UDVALG`` <committee>, ``MØDE`` <Referat|Dagsorden>, ``STED``, ``STARTTIDSPUNKT``,
``SLUTTIDSPUNKT`` (see ``header``); ``PUNKTER`` with the numbered items (see ``agenda``); then per
item ``N. Title``, the title again, ``Sagsnr.``, ``Punkttype``, sections and decisions (see
``items``). A closed item's title ends in `` - Lukket punkt``. There is no member list: absences
and substitutes are sentences in the first item's decision (see ``attendance``). The text often
names no municipality (see ``municipality``).
"""
from __future__ import annotations

from pathlib import Path

from ..normalise import Line
from .agenda import LEADING_NUMBER, Entry, agenda, item_starts, split_headings
from .attendance import MEETING, away, stood_in
from .header import LABEL_IN_TEXT, LIST_IN_TEXT, LIST_LABEL, committee_core, label_of, parse_header, split_header
from .items import item_fields
from .municipality import municipality as resolve_municipality
from .text import cut, strip_prefix

NAME = "firstagenda"
MUNICIPALITY = None
VOCABULARY = ("UDVALG", "MØDE", "STARTTIDSPUNKT", LIST_LABEL)
DETECT_LINES = 2000  # a web page's navigation may come first


def detect(lines: list[Line]) -> bool:
    """The header's labels in order near the top: as lines of their own, or upper case in running text."""
    labels = []
    for line in lines[:DETECT_LINES]:
        own = label_of(line)
        inside = [m[0] for pattern in (LABEL_IN_TEXT, LIST_IN_TEXT) for m in pattern.finditer(line.text)]
        labels += sorted(set(([own] if own else []) + inside), key=lambda label: line.text.upper().find(label))
    wanted = iter(labels)
    return all(label in wanted for label in VOCABULARY)


def parse(lines: list[Line], path: str, municipality: str | None = None) -> dict:
    warnings: list[str] = []
    lines, header = split_header(lines, path)
    meeting = parse_header(header, path, warnings)
    entries, body = agenda(lines, header.list_index, path)
    body = split_headings(body, entries)
    starts = item_starts(body, entries, path)
    committee = committee_core(meeting["committee"])
    items = [parse_item(entries[k], body[a:b], meeting, committee, header.month_first, warnings)
             for k, (a, b) in enumerate(zip(starts, starts[1:] + [len(body)]))]
    absent, substitutes = attendance(items, warnings)
    header_texts = header.noise + [value for _, value in header.fields.values()]
    first_line = header.fields["UDVALG"][0]
    return {
        "format": NAME,
        "municipality": resolve_municipality(municipality, meeting["committee"], header_texts, path, first_line),
        **meeting,
        "members": [], "absent": absent, "substitutes": substitutes, "other_attendees": [], "signed_by": [],
        "items": items,
        "attachment_documents": [],
        "incomplete": incomplete(entries[len(starts):], lines, warnings),
        "source": {"file": Path(path).name, "lines": [1, lines[-1].number if lines else 1]},
        "warnings": warnings,
    }


def parse_item(entry: Entry, lines: list[Line], meeting: dict, committee: str, month_first: bool, warnings: list[str]) -> dict:
    item = {"number": entry.number, "title": entry.title, "access": "closed" if entry.closed else "open",
            "lines": [lines[0].number, lines[-1].number]}
    if entry.closed:
        return item
    fields = item_fields(without_title(lines, entry), meeting, committee, month_first, warnings)
    return {**item, **fields, "absent": []}


def without_title(lines: list[Line], entry: Entry) -> list[Line]:
    """The item's lines after ``N. Title`` and the title printed again below it."""
    number = LEADING_NUMBER.match(lines[0].text)
    rest = cut(lines[0], number.end())[1:] + lines[1:]
    stripped = strip_prefix(rest, entry.title)
    rest = rest if stripped is None else stripped
    again = strip_prefix(rest, entry.title)
    if again is not None and (not again or any(again[0] is line for line in rest) or again[0].text[:1].isupper()):
        return again
    return rest


def attendance(items: list[dict], warnings: list[str]) -> tuple[list[str], list[dict]]:
    """Meeting absentees and substitutes from the first item's decision; absences for one item
    from the decisions that name it."""
    absent: list[str] = []
    substitutes: dict[str, dict] = {}
    by_number = {item["number"]: item for item in items if item["access"] == "open"}
    for position, item in enumerate(by_number.values()):
        text = item.get("decision") or ""
        for name, scope in ((person["name"], scope) for person, scope in away(text)):
            if scope is MEETING and position == 0:
                absent.append(name)
            for number in absent_items(scope, item["number"], first=position == 0):
                target = by_number.get(number)
                if target is None:
                    warnings.append(f"line {item['lines'][0]}: {name} absent from item {number}, which is not an open item here")
                elif name not in target["absent"]:
                    target["absent"].append(name)
        for person in stood_in(text):
            substitutes.setdefault(person["name"], person)
    return list(dict.fromkeys(absent)), list(substitutes.values())


def absent_items(scope: tuple[int, ...] | None, number: int, first: bool) -> tuple[int, ...]:
    """The items an absence is for: those its sentence names, else the item it is written in;
    none when it is the meeting's (written in the first item without naming one)."""
    if scope is MEETING:
        return () if first else (number,)
    return scope or (number,)


def incomplete(missing: list[Entry], lines: list[Line], warnings: list[str]) -> dict | None:
    """Where the text stops when items of the list were never reached."""
    if not missing:
        return None
    last = lines[-1].number
    listed = ", ".join(f"{e.number}. {e.title}" for e in missing)
    warnings.append(f"line {last}: the text ends before item {listed} (listed under {LIST_LABEL})")
    return {"line": last, "missing": f"item {listed}"}
