"""Gentofte attachment documents, appended after the items.

Each document opens with a cover block of fields (``Dokument Navn``, ``Dokument
Titel``, ``Dokument ID``, ``Placering``, ``Dagsordens titel``, ``Dagsordenspunkt
nr``, ``Appendix nr``, ``Relaterede Dokumenter``), ``Field: value`` lines or
``Field⇥value`` rows; values may wrap over lines. The first document of an item
carries the item and appendix numbers; the item's further documents follow, each
announced by ``Relateret document k/n`` and carrying only name, title and id.
``Sags ID`` lines inside a document belong to its sender, never to an agenda item.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..normalise import Line, body_markdown
from .vocabulary import COVER_FIELD, DOCUMENT_START, GENERATOR_STAMP, NUMERIC_FIELDS, RELATED

STRUCTURED_FIELDS = {"dokument titel", "dokument id"}
WRAPPING_FIELDS = {"dokument navn", "dokument titel", "placering", "dagsordens titel"}
STAMP_TAIL = re.compile(r"^for\s+\S+$", re.IGNORECASE)
NUMERIC_VALUE = re.compile(r"^(?P<field>.*?\d+)\s+(?P<rest>\S.*)$")
FILE_EXTENSION = re.compile(r"\.[A-Za-z0-9]{2,5}$")
NUMBER = re.compile(r"^\d+$")


def parse(lines: list[Line], closed: set[int], warnings: list[str]) -> list[dict]:
    """The attachment documents (``lines`` start at the first cover), less those of closed items."""
    lines = separated(lines)
    starts = [i for i, line in enumerate(lines) if DOCUMENT_START.match(line.text)]
    documents, item = [], None
    for ordinal, (first, stop) in enumerate(zip(starts, starts[1:] + [len(lines)]), start=1):
        fields, cover_lines, text_start = cover(lines, first, stop)
        item, appendix = position(fields, related_ordinal(lines, first), item, ordinal, lines[first].number, warnings)
        text_stop = text_end(lines, text_start, stop)
        if item in closed:
            warnings.append(f"line {lines[first].number}: attachment of closed item {item} not output")
            continue
        documents.append({
            "label": f"{item}.{appendix}" if item is not None else str(ordinal),
            "title": title(fields, lines[first].number, warnings),
            "item": item,
            "reference": fields.get("dokument id") or None,
            "text": text(cover_lines, lines[text_start:text_stop]),
            "lines": [lines[first].number, lines[max(first, text_stop - 1)].number],
        })
    check_labels(documents, warnings)
    return documents


def separated(lines: list[Line]) -> list[Line]:
    """A numeric field's value, or the generator stamp, with the document's text run on
    after it (one line per page) cut off as a line of its own."""
    out: list[Line] = []
    for line in lines:
        field = COVER_FIELD.match(line.text)
        numeric = NUMERIC_VALUE.match(line.text) if field and field["field"].lower() in NUMERIC_FIELDS else None
        stamp = GENERATOR_STAMP.match(line.text)
        end = len(numeric["field"]) if numeric else stamp.end() if stamp else len(line.text)
        out.append(replace(line, text=line.text[:end], markdown=line.text[:end]) if end < len(line.text) else line)
        rest = line.text[end:].strip()
        if rest:
            out.append(replace(line, text=rest, markdown=rest, blank_before=True))
    return out


def cover(lines: list[Line], first: int, stop: int) -> tuple[dict[str, str], list[str], int]:
    """The cover's fields, its lines as printed (wraps joined) and the index where the document's own text begins."""
    fields: dict[str, str] = {}
    printed: list[str] = []
    current, index = None, first
    while index < stop:
        line = lines[index]
        match = COVER_FIELD.match(line.text)
        if match:
            current = match["field"].lower()
            fields[current] = match["value"]
            printed.append(f"{match['field']}{match['colon']} {match['value']}".strip())
        elif current in WRAPPING_FIELDS and not line.blank_before:
            fields[current] += " " + line.text
            printed[-1] += " " + line.text
        elif GENERATOR_STAMP.match(line.text):
            tail = index + 1 < stop and STAMP_TAIL.match(lines[index + 1].text)
            printed.append(f"{line.text} {lines[index + 1].text}" if tail else line.text)
            index += 2 if tail else 1
            current = None
            continue
        else:
            break
        index += 1
    return fields, printed, index


def text(cover_lines: list[str], lines: list[Line]) -> str:
    """The document's text under its cover lines, one per line; the lines the title and
    reference fields hold already are left out."""
    kept = "\n".join(f"- {line}" for line in cover_lines if field_of(line) not in STRUCTURED_FIELDS)
    return "\n\n".join(part for part in (kept, body_markdown(lines)) if part)


def field_of(line: str) -> str | None:
    match = COVER_FIELD.match(line)
    return match["field"].lower() if match else None


def related_ordinal(lines: list[Line], first: int) -> int | None:
    """``k`` of a ``Relateret document k/n`` line just above the cover."""
    match = RELATED.match(lines[first - 1].text) if first > 0 else None
    return int(match.group(1)) if match else None


def position(fields: dict, related: int | None, item: int | None, ordinal: int, line: int,
             warnings: list[str]) -> tuple[int | None, int]:
    """Item and appendix number: printed on an item's first document, implied by ``k/n`` on the rest."""
    printed_item, printed_appendix = fields.get("dagsordenspunkt nr", ""), fields.get("appendix nr", "")
    if NUMBER.match(printed_item):
        return int(printed_item), int(printed_appendix) if NUMBER.match(printed_appendix) else 1
    if related is not None and item is not None:
        return item, related
    warnings.append(f"line {line}: attachment without 'Dagsordenspunkt nr' or 'Relateret document k/n'")
    return None, ordinal


def text_end(lines: list[Line], start: int, stop: int) -> int:
    """End of the document's text: before the next document's ``Relateret document`` line."""
    while stop > start and RELATED.match(lines[stop - 1].text):
        stop -= 1
    return stop


def title(fields: dict, line: int, warnings: list[str]) -> str:
    if fields.get("dokument titel"):
        return fields["dokument titel"]
    if fields.get("dokument navn"):
        return FILE_EXTENSION.sub("", fields["dokument navn"])
    warnings.append(f"line {line}: attachment without a title")
    return ""


def check_labels(documents: list[dict], warnings: list[str]) -> None:
    seen = set()
    for document in documents:
        if document["label"] in seen:
            warnings.append(f"line {document['lines'][0]}: attachment label {document['label']} repeated")
        seen.add(document["label"])
