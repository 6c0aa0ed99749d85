"""Shared clean-up of source text: raw lines of a section → clean Markdown.

The sources are text conversions of PDFs and web pages. They mix Markdown,
raw HTML fragments and tab-separated table rows, wrap lines in the middle of
sentences and use odd bullet glyphs. Every function here keeps the words;
only markup and layout change.
"""
from __future__ import annotations

import re

from markdownify import markdownify

HTML_TAG = re.compile(r"</?(?:p|b|strong|i|em|u|br|hr|ul|ol|li|table|tr|td|th|tbody|thead|span|div|a|sup|sub)\b[^<>]*>", re.I)
BULLET_GLYPHS = "•\uf0b7\uf0a7·▪■◦●○➢►┆"
BULLET = re.compile(rf"^(\s*)(?:[-*+]\s+)?(?:[{BULLET_GLYPHS}]\s*|-\s*[|)]\s*|-\s+1\s+(?=[A-ZÆØÅ]))(?=\S)")
LONE_BULLET = re.compile(rf"^\s*[{BULLET_GLYPHS}]\s*$")
DOUBLE_NUMBER = re.compile(r"^(\s*)(\d+)\.\s+\2\.\s+")
SENTENCE_END = re.compile(r"[.!?:;)\]\"”»]\s*$|\*\*\s*$")
BULLET_ITEM = re.compile(r"^- \S")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s)")
BLOCK_START = re.compile(r"^\s*(?:#|\||---|```|>|\*\*)")
DASH_ROW = re.compile(r"-{2,}")
SPACES = re.compile(r"[ \u00a0\u2002\u2003\u2009\u202f]+")


def html_to_markdown(fragment: str) -> str:
    """An HTML fragment (paragraphs, bold, lists, rules, tables) as Markdown."""
    text = markdownify(
        fragment, heading_style="ATX", bullets="-", strong_em_symbol="*",
        escape_asterisks=False, escape_underscores=False, escape_misc=False,
    )
    return "\n".join(normalise_bullet(line) for line in text.split("\n")).strip("\n")


def has_html(line: str) -> bool:
    return bool(HTML_TAG.search(line))


def inline_markdown(fragment: str) -> str:
    """HTML or text as Markdown on one line (for a table cell): line breaks become ``<br>``."""
    text = html_to_markdown(fragment) if has_html(fragment) else fragment
    lines = [clean_spaces(line) for line in text.split("\n")]
    return "<br>".join(line for line in lines if line).replace("|", "\\|")


def tab_rows_to_table(rows: list[str]) -> str:
    """Tab-separated rows as a Markdown table; the first row is the header.

    Rows of dashes only (``--`` tab ``-----``, a text converter's rule under a row) are dropped."""
    cells = [[inline_markdown(cell) for cell in row.rstrip("\n").split("\t")] for row in rows]
    cells = [row for row in cells if not DASH_ROW.fullmatch("".join(row))] or cells
    width = max(max((i + 1 for i, cell in enumerate(row) if cell), default=1) for row in cells)
    padded = [(row + [""] * width)[:width] for row in cells]
    lines = ["| " + " | ".join(row) + " |" for row in padded]
    lines.insert(1, "| " + " | ".join(["---"] * width) + " |")
    return "\n".join(re.sub(r"\|  (?=\|)", "| ", line) for line in lines)


def normalise_bullet(line: str) -> str:
    """``•``, ````, ``┆``, ``- |``, ``-)``, ``- 1 `` and the like at the start of a line → ``- ``."""
    line = DOUBLE_NUMBER.sub(r"\1\2. ", line)
    return BULLET.sub(r"\1- ", line)


def clean_spaces(line: str) -> str:
    """Runs of (non-breaking) spaces → one space; indentation and a Markdown hard break (two trailing spaces) kept."""
    indent = len(line) - len(line.lstrip(" "))
    hard_break = "  " if line.endswith("  ") and line.strip() else ""
    return " " * min(indent, 4) + SPACES.sub(" ", line.strip()) + hard_break


def join_heading_lines(lines: list[str]) -> str:
    """A heading wrapped over several lines (``**Administrationens  `` / ``forslag**``) as one line."""
    text = ""
    for part in lines:
        part = clean_spaces(part.replace("**", " ")).strip()
        if part:
            text = join_two(text, part) if text else part
    return text


def join_two(first: str, second: str) -> str:
    """Two pieces of one wrapped sentence; a number split after a hyphen (``13-05-`` ``2015``) closes up."""
    if re.search(r"\d-$", first) and second[:1].isdigit():
        return first + second
    return first.rstrip() + " " + second.lstrip()


def is_prose(line: str) -> bool:
    """A line of running text that a wrap may continue (not a list, table, heading or rule)."""
    return bool(line.strip()) and not BLOCK_START.match(line) and "\t" not in line


def continues(previous: str, line: str, blank_between: bool) -> bool:
    """True when ``line`` continues the sentence ``previous`` broke off."""
    if not is_prose(line) or LIST_ITEM.match(line) or not previous.strip():
        return False
    if BLOCK_START.match(previous) or "\t" in previous or SENTENCE_END.search(previous):
        return False
    starts_lower = line.lstrip()[:1].islower()
    return starts_lower or not (blank_between or previous.endswith("  ") or LIST_ITEM.match(previous))


def join_wrapped_lines(lines: list[str]) -> list[str]:
    """Re-join sentences broken over lines, also across one blank line when the next starts lower-case."""
    out: list[str] = []
    for line in lines:
        if out and continues(out[-1], line, False):
            out[-1] = join_two(out[-1], line)
        elif len(out) > 1 and not out[-1].strip() and continues(out[-2], line, True):
            out.pop()
            out[-1] = join_two(out[-1], line)
        else:
            out.append(line)
    return out


def squeeze_blank_lines(lines: list[str]) -> list[str]:
    """At most one blank line in a row, none at either end, none between two bullet items
    (a page break inside a list must not split it)."""
    out: list[str] = []
    for line in lines:
        if len(out) > 1 and not out[-1] and BULLET_ITEM.match(out[-2]) and BULLET_ITEM.match(line):
            out.pop()
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def expand_blocks(lines: list[str]) -> list[str]:
    """HTML lines → Markdown lines; runs of tab-separated rows → Markdown tables (as blocks)."""
    out: list[str] = []
    rows: list[str] = []
    for line in lines + [""]:
        if "\t" in line:
            rows.append(line)
            continue
        if rows:
            out += ["", *tab_rows_to_table(rows).split("\n"), ""]
            rows = []
        if has_html(line):
            out += ["", *html_to_markdown(line).split("\n"), ""]
        else:
            out.append(line)
    return out[:-1]


def lines_to_markdown(lines: list[str]) -> str:
    """Raw source lines of one section or attachment → clean Markdown text."""
    expanded = expand_blocks(list(lines))
    tidy = [clean_spaces(normalise_bullet(line)) for line in expanded if not LONE_BULLET.match(line)]
    tidy = [line.rstrip() if not line.strip() else line for line in tidy]
    return separate_list_blocks("\n".join(squeeze_blank_lines(join_wrapped_lines(tidy))))


def separate_list_blocks(text: str) -> str:
    """A blank line between a list and an adjacent paragraph line, so the paragraph is not
    swallowed by the last list item (lazy continuation) and the list is not glued to the text before it."""
    out: list[str] = []
    for line in text.split("\n"):
        previous = out[-1] if out else ""
        if previous.strip() and line.strip() and not line.startswith(" ") and not BLOCK_START.match(line) and (
                bool(LIST_ITEM.match(previous)) != bool(LIST_ITEM.match(line))) and not BLOCK_START.match(previous):
            out.append("")
        out.append(line)
    return "\n".join(out)


DANISH_MONTH_NAMES = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
                      "oktober", "november", "december")


def danish_month_number(name: str) -> int | None:
    """``februar`` (any case, or abbreviated to three letters or more: ``feb.``) → 2; None if no month."""
    key = name.strip().rstrip(".").lower()
    if len(key) < 3:
        return None
    return next((n for n, month in enumerate(DANISH_MONTH_NAMES, start=1) if month.startswith(key)), None)
