"""Lyngby-Taarbæk text lines → clean Markdown.

The export marks bullets with a dash and a stray glyph from the source font
("- |", "- ┆", "- 1", "-)"), indents nested bullets by a space, keeps table
rows tab-separated, and breaks paragraphs in two with a blank line where a PDF
page or column ended (the second half then starts in lower case).
"""
from __future__ import annotations

import re

BULLET = re.compile(r"^(?P<indent>\s*)(?:[-–•▪●◦·]\s*(?:[|┆)]\s*|1\s+(?=[A-ZÆØÅ(\"'*]))?|[•▪●◦·]\s*)(?P<text>\S.*)$")
NUMBERED_ITEM = re.compile(r"^\s*\d+[.)]\s+\S")
SENTENCE_END = ".!?:;\"'»)]*"
HTML_TAG = re.compile(r"</?(?:b|strong|i|em|p|br|hr|ul|ol|li|table|tr|td|th|div|span)\b[^>]*>", re.IGNORECASE)


def is_blank(line: str) -> bool:
    return not line.strip()


def norm(text: str) -> str:
    """Lower case, single spaces, no markdown emphasis: for comparing headings and titles."""
    return " ".join(text.replace("*", "").replace("\u00a0", " ").split()).lower()


def clean(text: str) -> str:
    """One line of running text: markdown links unwrapped, whitespace collapsed."""
    return " ".join(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("\u00a0", " ").split())


def markdown(lines: list[str]) -> str:
    """Markdown for a run of source lines: bullets, tables, re-joined wraps, one blank line between blocks."""
    blocks = rejoin_wraps(source_blocks(lines))
    return "\n\n".join(render(block) for block in blocks).strip()


def source_blocks(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Runs of lines of one kind: ("table", rows), ("list", items), ("text", lines); blank lines end a run."""
    blocks: list[tuple[str, list[str]]] = []
    for line in lines:
        if is_blank(line):
            blocks.append(("gap", []))
            continue
        kind = line_kind(line)
        if blocks and blocks[-1][0] == kind:
            blocks[-1][1].append(line)
        else:
            blocks.append((kind, [line]))
    return [block for block in blocks if block[0] != "gap"]


def line_kind(line: str) -> str:
    if "\t" in line.strip() or line.count("\t") >= 2:
        return "table"
    if BULLET.match(line) or NUMBERED_ITEM.match(line):
        return "list"
    if HTML_TAG.search(line):
        return "html"
    return "text"


def rejoin_wraps(blocks: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """Join a block that starts in lower case to the unfinished text or list block before it."""
    joined: list[tuple[str, list[str]]] = []
    for kind, rows in blocks:
        first = rows[0].strip()
        if (joined and kind == "text" and joined[-1][0] in {"text", "list"} and first[:1].islower()
                and not joined[-1][1][-1].rstrip().endswith(tuple(SENTENCE_END))):
            previous = joined[-1][1]
            previous[-1] = f"{previous[-1].rstrip()} {first}"
            previous.extend(rows[1:])
        else:
            joined.append((kind, list(rows)))
    return joined


def render(block: tuple[str, list[str]]) -> str:
    kind, rows = block
    if kind == "table":
        return table(rows)
    if kind == "list":
        return "\n".join(list_line(row) for row in rows)
    if kind == "html":
        return html("\n".join(rows))
    return "\n".join(escape_start(" ".join(row.split())) for row in rows)


def list_line(row: str) -> str:
    """A bullet with its glyph normalised ("- ┆ x" → "- x"), nested bullets indented by four spaces."""
    match = BULLET.match(row)
    if not match:
        return " ".join(row.split())
    depth = 1 if match["indent"] else 0
    return f"{'    ' * depth}- {' '.join(match['text'].split())}"


def table(rows: list[str]) -> str:
    """Tab-separated rows as a Markdown table; the first row is the header."""
    cells = [[cell.strip().replace("|", "\\|") for cell in row.strip("\n").split("\t")] for row in rows]
    width = max(len(row) for row in cells)
    cells = [row + [""] * (width - len(row)) for row in cells]
    lines = [f"| {' | '.join(row)} |" for row in cells]
    lines.insert(1, f"|{'|'.join(['---'] * width)}|")
    return "\n".join(lines)


def html(fragment: str) -> str:
    from markdownify import markdownify

    return markdownify(fragment, heading_style="ATX", bullets="-").strip()


def escape_start(text: str) -> str:
    """Keep a text line from turning into a heading, rule or quote in Markdown."""
    return f"\\{text}" if re.match(r"^(#|>|=+$|-{3,}$|\+ )", text) else text
