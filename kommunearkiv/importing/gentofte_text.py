"""Gentofte text lines → clean Markdown.

The export keeps tables as tab-separated rows whose cells hold HTML fragments
(``<p>…</p>``, ``<ul …>- a- b``), sometimes continued after a blank line by a
row that starts with a tab; bullets are ``-`` lines; a PDF page break splits a
paragraph with a blank line (the rest then starts in lower case); letters
repeat their page header (address, ``Side N af M``) on every page.
"""
from __future__ import annotations

import re
from collections import Counter

from markdownify import markdownify

DANISH_MONTHS = {name: number for number, name in enumerate(
    ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
     "november", "december"), start=1)}
BULLET = re.compile(r"^(?P<indent>\s*)[-–•▪●◦·]\s*(?P<text>\S.*)$")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+\S")
PAGE_NUMBER = re.compile(r"^\s*(?:Side\s+)?\d+\s+(?:af|of)\s+\d+\s*$", re.IGNORECASE)
HTML_TAG = re.compile(r"<(/?)(p|ul|ol|li|b|strong|i|em|br|hr|div|span|table|tr|td|th)\b[^>]*?/?>", re.IGNORECASE)
LIST_TAG = re.compile(r"<(?:ul|ol)\b", re.IGNORECASE)
CELL_BULLET = re.compile(r"(?:^|(?<=[,.;])|\s*<br>\s*|\s+)-\s+(?=\S)|(?<=[a-zæøå)])-\s+(?=[A-ZÆØÅ])")
CELL_BREAK = re.compile(r"\s*(?:<br>\s*)+")
SENTENCE_END = tuple(".!?:;\"'»”)]*")
MARKDOWN_START = re.compile(r"^(#|>|=+$|-{3,}$|\+ |\* )")
LOWER_WORD = re.compile(r"^[a-zæøå]+(?:[,;:]?\s|[,;:]?$)")
MIN_WRAPPED_LENGTH = 30
REPEATED_BLOCK = 3
SHORT_BLOCK_LINES = 3


def is_blank(line: str) -> bool:
    return not line.replace("\u00a0", " ").strip()


def markdown(lines: list[str]) -> str:
    """Markdown for a run of source lines: tables, lists, re-joined page-break wraps, no page furniture."""
    blocks = _rejoin_wraps(_without_furniture(_blocks(lines)))
    return "\n\n".join(_render(kind, rows) for kind, rows in blocks).strip()


def _blocks(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Runs of one kind: ("table", rows), ("list", lines), ("text", lines); a blank line ends a run,
    except that a table row after a page break, starting with a tab, continues the row before it."""
    blocks, gap = [], False
    for line in lines:
        if is_blank(line) or PAGE_NUMBER.match(line):
            gap = True
            continue
        kind = _kind(line)
        if blocks and kind == "table" == blocks[-1][0] and gap and line.startswith("\t"):
            blocks[-1][1][-1] = _merged_row(blocks[-1][1][-1], line)
        elif blocks and blocks[-1][0] == kind and (not gap or kind == "list"):
            blocks[-1][1].append(line)
        else:
            blocks.append((kind, [line]))
        gap = False
    return blocks


def _merged_row(row: str, continuation: str) -> str:
    """Cell by cell, a table row and its continuation after a page break."""
    cells, more = row.split("\t"), continuation.split("\t")
    cells += [""] * (len(more) - len(cells))
    return "\t".join(f"{a}<br>{b}" if a.strip() and b.strip() else a + b for a, b in zip(cells, more + [""] * len(cells)))


def _kind(line: str) -> str:
    if "\t" in line:
        return "table"
    if BULLET.match(line) or NUMBERED.match(line):
        return "list"
    return "text"


def _without_furniture(blocks: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """Drop page numbers, and every repeat after the first of a short block printed on each page."""
    counts = Counter(tuple(rows) for _, rows in blocks)
    seen, kept = set(), []
    for kind, rows in blocks:
        key = tuple(rows)
        repeated = counts[key] >= REPEATED_BLOCK and len(rows) <= SHORT_BLOCK_LINES
        if rows and not (repeated and key in seen):
            kept.append((kind, rows))
        seen.add(key)
    return kept


def _rejoin_wraps(blocks: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """Join a text block starting in lower case to the unfinished text or list block before it."""
    joined: list[tuple[str, list[str]]] = []
    for kind, rows in blocks:
        first = rows[0].strip()
        if joined and kind == "text" and joined[-1][0] in {"text", "list"} and _continues(joined[-1][1][-1], first):
            previous = joined[-1][1]
            previous[-1] = f"{previous[-1].rstrip()} {first}"
            previous.extend(rows[1:])
        else:
            joined.append((kind, list(rows)))
    return joined


def _continues(line: str, next_line: str) -> bool:
    """Whether ``next_line`` is the rest of a running-text line cut by a page break."""
    line = line.rstrip()
    return (len(line) >= MIN_WRAPPED_LENGTH and not line.endswith(SENTENCE_END)
            and bool(LOWER_WORD.match(next_line)))


def _render(kind: str, rows: list[str]) -> str:
    if kind == "table":
        return _table(rows)
    if kind == "list":
        return "\n".join(_list_line(row) for row in rows)
    text = "\n".join(rows)
    if HTML_TAG.search(text):
        return markdownify(text, heading_style="ATX", bullets="-").strip()
    return "\n".join(_escape_start(" ".join(row.split())) for row in rows)


def _list_line(row: str) -> str:
    """A bullet with its glyph normalised to ``-``; an indented bullet nested one level."""
    match = BULLET.match(row)
    if not match:
        return " ".join(row.split())
    depth = "    " if match["indent"] else ""
    return f"{depth}- {' '.join(match['text'].split())}"


def _table(rows: list[str]) -> str:
    """Tab-separated rows as a Markdown table (first row the header), HTML in cells made inline."""
    cells = [[_cell(cell) for cell in row.rstrip("\n").split("\t")] for row in rows]
    width = max(len(row) for row in cells)
    cells = [row + [""] * (width - len(row)) for row in cells]
    lines = [f"| {' | '.join(row)} |" for row in cells]
    lines.insert(1, f"|{'|'.join(['---'] * width)}|")
    return "\n".join(lines)


def _cell(cell: str) -> str:
    """One table cell on one line: paragraphs and list entries separated by ``<br>``."""
    is_list = bool(LIST_TAG.search(cell))
    text = HTML_TAG.sub(lambda m: "<br>" if m.group(2).lower() in {"p", "br", "li", "div"} else "", cell)
    text = CELL_BULLET.sub("<br>- ", text) if is_list else text
    text = CELL_BREAK.sub("<br>", " ".join(text.split()))
    return text.strip().removeprefix("<br>").removesuffix("<br>").replace("|", "\\|").strip()


def _escape_start(text: str) -> str:
    """Keep a text line from turning into a heading, rule, quote or bullet in Markdown."""
    return f"\\{text}" if MARKDOWN_START.match(text) else text
