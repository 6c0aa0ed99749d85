"""Gentofte text lines → clean Markdown: what the shared cleaning layer needs prepared first.

The export keeps tables as tab-separated rows whose list cells read
``<ul …>- a,- b- C`` (no ``<li>``); a row cut by a page break continues after
a blank line with a row that starts with a tab; letters repeat their page
header (address, ``Side N af M``) on every page.
"""
from __future__ import annotations

import re
from collections import Counter

from ..cleaning import lines_to_markdown

PAGE_NUMBER = re.compile(r"^\s*(?:Side\s+)?\d+\s+(?:af|of)\s+\d+\s*$", re.IGNORECASE)
LIST_CELL = re.compile(r"^(?P<before>.*?)<(?P<tag>ul|ol)\b[^>]*>(?P<items>.*?)(?:</(?P=tag)>)?\s*$", re.IGNORECASE | re.DOTALL)
CELL_BULLET = re.compile(r"(?:^|(?<=[,.;])|\s+)-\s+(?=\S)|(?<=[a-zæøå)])-\s+(?=[A-ZÆØÅ])")
REPEATED_BLOCK = 3
SHORT_BLOCK_LINES = 3


def is_blank(line: str) -> bool:
    return not line.replace("\u00a0", " ").strip()


def markdown(lines: list[str]) -> str:
    """Markdown for a run of source lines, without page furniture."""
    prepared = _joined_table_rows(_without_furniture(lines))
    return lines_to_markdown([_with_list_cells(line) if "\t" in line else line for line in prepared])


def _without_furniture(lines: list[str]) -> list[str]:
    """Drop page numbers, and the repeats of a running header or footer: short blocks printed
    on every page, next to the page number (the first page's copy stays)."""
    blocks, breaks = [[]], set()
    for line in lines:
        if is_blank(line):
            blocks.append([])
        elif PAGE_NUMBER.match(line):
            breaks.add(len(blocks) - 1)
        else:
            blocks[-1].append(line)
    counts = Counter(tuple(block) for block in blocks)
    running = {i for i, block in enumerate(blocks) if counts[tuple(block)] >= REPEATED_BLOCK and len(block) <= SHORT_BLOCK_LINES}
    furniture = set()
    for index in breaks:
        for step in (-1, 1):
            at = index if step == -1 else index + 1
            while at in running:
                furniture.add(at)
                at += step
    seen, kept = set(), []
    for index, block in enumerate(blocks):
        if not (index in furniture and tuple(block) in seen):
            kept += block + [""]
        seen.add(tuple(block))
    return kept


def _joined_table_rows(lines: list[str]) -> list[str]:
    """A table row continued after a page break (blank line, then a row starting with a tab) as one row."""
    out: list[str] = []
    for line in lines:
        after_gap = len(out) > 1 and not out[-1]
        if after_gap and line.startswith("\t") and "\t" in out[-2]:
            out.pop()
            out[-1] = _merged_row(out[-1], line)
        else:
            out.append(line)
    return out


def _merged_row(row: str, continuation: str) -> str:
    """Cell by cell: text of both rows, one paragraph each."""
    cells, more = row.split("\t"), continuation.split("\t")
    width = max(len(cells), len(more))
    cells, more = cells + [""] * (width - len(cells)), more + [""] * (width - len(more))
    return "\t".join(f"<p>{a}</p><p>{b}</p>" if a.strip() and b.strip() else a + b for a, b in zip(cells, more))


def _with_list_cells(row: str) -> str:
    """List cells written as ``<ul>- a- b`` get proper ``<li>`` entries."""
    return "\t".join(_list_cell(cell) for cell in row.split("\t"))


def _list_cell(cell: str) -> str:
    match = LIST_CELL.match(cell)
    if not match:
        return cell
    entries = [entry.strip() for entry in CELL_BULLET.split(match["items"]) if entry.strip(" -")]
    items = "".join(f"<li>{entry}</li>" for entry in entries)
    return f"{match['before']}<ul>{items}</ul>"
