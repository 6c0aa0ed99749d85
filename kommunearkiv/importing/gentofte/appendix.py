"""Gentofte attachment documents, appended after the items.

Each document opens with a cover block of fields (``Dokument Navn``, ``Dokument
Titel``, ``Dokument ID``, ``Placering``, ``Dagsordens titel``, ``Dagsordenspunkt
nr``, ``Appendix nr``, ``Relaterede Dokumenter``), either ``Field: value`` lines
separated by blank lines or ``Field:<tab>value`` lines in one block; values may
wrap over lines. The first document of an item carries the item and appendix
numbers; the item's further documents follow, each announced by ``Relateret
document k/n`` and carrying only name, title and id. ``Sags ID`` lines inside
a document belong to its sender, never to an agenda item.
"""
from __future__ import annotations

import re

from .text import is_blank, markdown

COVER_FIELD = re.compile(
    r"^(?P<field>Dokument Navn|Dokument Titel|Dokument ID|Placering|Dagsordens titel|Dagsordenspunkt nr|Appendix nr"
    r"|Relaterede Dokumenter)\s*(?P<colon>:?)\s*(?P<value>.*?)\s*$", re.IGNORECASE)
STRUCTURED_FIELDS = {"dokument titel", "dokument id"}
WRAPPING_FIELDS = {"dokument navn", "dokument titel", "placering", "dagsordens titel"}
RELATED = re.compile(r"^Relateret\s+do[ck]ument\s+(\d+)\s*/\s*(\d+)\s*$", re.IGNORECASE)
GENERATOR_STAMP = re.compile(r"^Dette dokument blev genereret af\b", re.IGNORECASE)
STAMP_TAIL = re.compile(r"^for\s+\S+$", re.IGNORECASE)
FILE_EXTENSION = re.compile(r"\.[A-Za-z0-9]{2,5}$")
NUMBER = re.compile(r"^\d+$")


def first_cover_line(lines: list[str]) -> int:
    """Index of the first ``Dokument Navn`` line: where the attachments begin (the end when there are none)."""
    return next((i for i, line in enumerate(lines) if _field(line) == "dokument navn"), len(lines))


def parse_attachments(lines: list[str], start: int, closed: set[int], warnings: list[str]) -> list[dict]:
    """The attachment documents, less those of closed items."""
    starts = [i for i in range(start, len(lines)) if _field(lines[i]) == "dokument navn"]
    documents, item = [], None
    for ordinal, (first, stop) in enumerate(zip(starts, starts[1:] + [len(lines)]), start=1):
        fields, cover, text_start = _cover(lines, first, stop)
        related = _related_ordinal(lines, first)
        item, appendix = _position(fields, related, item, ordinal, first, warnings)
        text_stop = _text_stop(lines, text_start, stop)
        if item in closed:
            warnings.append(f"line {first + 1}: attachment of closed item {item} not output")
            continue
        documents.append({
            "label": f"{item}.{appendix}" if item is not None else str(ordinal),
            "title": _title(fields, first, warnings),
            "item": item,
            "reference": fields.get("dokument id") or None,
            "text": _text(cover, lines[text_start:text_stop]),
            "lines": [first + 1, max(first, text_stop - 1) + 1],
        })
    _check_labels(documents, warnings)
    return documents


def _field(line: str) -> str | None:
    match = COVER_FIELD.match(line.strip())
    return match.group("field").lower() if match else None


def _cover(lines: list[str], first: int, stop: int) -> tuple[dict[str, str], list[str], int]:
    """The cover's fields, its lines as printed (wraps joined) and the index where the document's own text begins."""
    fields, cover, current, index = {}, [], None, first
    while index < stop:
        line = " ".join(lines[index].split())
        match = COVER_FIELD.match(line)
        if match:
            current = match.group("field").lower()
            fields[current] = match.group("value")
            cover.append(f"{match.group('field')}{match.group('colon')} {match.group('value')}".strip())
        elif is_blank(line):
            current = None
        elif current in WRAPPING_FIELDS and not is_blank(lines[index - 1]):
            fields[current] += " " + line
            cover[-1] += " " + line
        elif GENERATOR_STAMP.match(line):
            tail = index + 1 < stop and STAMP_TAIL.match(lines[index + 1].strip())
            cover.append(f"{line} {lines[index + 1].strip()}" if tail else line)
            index += 2 if tail else 1
            current = None
            continue
        else:
            break
        index += 1
    return fields, cover, index


def _text(cover: list[str], lines: list[str]) -> str:
    """The document's text under its cover lines, one per line; the lines the title and
    reference fields hold already are left out."""
    kept = [f"- {line}" for line in cover if _field(line) not in STRUCTURED_FIELDS]
    return "\n\n".join(part for part in (markdown(kept), markdown(lines)) if part)


def _related_ordinal(lines: list[str], first: int) -> int | None:
    """``k`` of a ``Relateret document k/n`` line just above the cover."""
    index = first - 1
    while index >= 0 and is_blank(lines[index]):
        index -= 1
    match = RELATED.match(lines[index].strip()) if index >= 0 else None
    return int(match.group(1)) if match else None


def _position(fields: dict, related: int | None, item: int | None, ordinal: int, first: int,
              warnings: list[str]) -> tuple[int | None, int]:
    """Item and appendix number: printed on an item's first document, implied by ``k/n`` on the rest."""
    printed_item, printed_appendix = fields.get("dagsordenspunkt nr", ""), fields.get("appendix nr", "")
    if NUMBER.match(printed_item):
        return int(printed_item), int(printed_appendix) if NUMBER.match(printed_appendix) else 1
    if related is not None and item is not None:
        return item, related
    warnings.append(f"line {first + 1}: attachment without 'Dagsordenspunkt nr' or 'Relateret document k/n'")
    return None, ordinal


def _text_stop(lines: list[str], start: int, stop: int) -> int:
    """End of the document's text: before the next document's ``Relateret document`` line and blank lines."""
    while stop > start and (is_blank(lines[stop - 1]) or RELATED.match(lines[stop - 1].strip())):
        stop -= 1
    return stop


def _title(fields: dict, first: int, warnings: list[str]) -> str:
    if fields.get("dokument titel"):
        return fields["dokument titel"]
    if fields.get("dokument navn"):
        return FILE_EXTENSION.sub("", fields["dokument navn"])
    warnings.append(f"line {first + 1}: attachment without a title")
    return ""


def _check_labels(documents: list[dict], warnings: list[str]) -> None:
    seen = set()
    for document in documents:
        if document["label"] in seen:
            warnings.append(f"line {document['lines'][0]}: attachment label {document['label']} repeated")
        seen.add(document["label"])
