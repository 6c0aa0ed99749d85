"""The same document as other converters give it (issue 15).

Each variant is a pure function ``str -> str`` over a whole document text. They
are written from how converters lay text out (markup, line width, pages, odd
characters), never from the wording of one sample, so a parser that reads the
original by its vocabulary reads every variant to the same facts.
"""
from __future__ import annotations

import html
import itertools
import re
import textwrap

WIDTH = 70
PAGE_LINES = 50
HEADER_SOURCE_LINES = 60
NBSP, ZWSP, SHY = "\u00a0", "\u200b", "\u00ad"

EMPHASIS_TAG = re.compile(r"</?(?:b|strong|i|em)(?:\s[^<>]*)?>", re.I)
STRONG = re.compile(r"(?<!\\)\*\*|(?<!\w)__|__(?!\w)")
EMPHASIS = re.compile(r"(?<![\w*\\])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_\\])\1(?![\w*])")
BOLD_RUN = re.compile(r"\*\*(.+?)\*\*", re.S)
TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
BARE_AMPERSAND = re.compile(r"&(?!#?\w+;)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|<hr\s*/?>)\s*$", re.I)
TABLE_RULE = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-*+•]\)?|\d{1,2}[.)])\s+")  # "-)" is a list glyph converters leave
NUMBERED_OR_BOLD = re.compile(r"^(?:\d|\*\*.*\*\*$)")
HARD_BREAK = re.compile(r"(?: {2,}|<br\s*/?>)$", re.I)
LONG_LOWER_WORD = re.compile(r"^([a-zæøå]{10,})(?=[\s.,;:)]|$)")
GAP_BETWEEN_WORDS = re.compile(r"(?<=\w) (?=\w)")
LONG_WORD = re.compile(r"\b[^\W\d_]{8,}\b")
DATE = re.compile(r"\b\d{1,2}[-.]\d{1,2}[-.]\d{4}\b|\b\d{1,2}\. [a-zæøå]+ \d{4}\b")
FURNITURE = re.compile(r"Side \d+ af \d+|background image")


def without_bold(text: str) -> str:
    """Bold and italic dropped: Markdown markers and ``<b>/<strong>/<i>/<em>`` tags, nothing put in their place."""
    return EMPHASIS.sub(r"\2", STRONG.sub("", EMPHASIS_TAG.sub("", text)))


def html_tagged(text: str) -> str:
    """An HTML converter's text: ``<p>`` per line, ``<b>`` runs, ``<hr/>`` before what looks like a new part,
    paragraphs apart by one blank line; some paragraphs in one ``<p>``, ``<br>`` where their lines ended
    (a long line: where the PDF's line would have ended)."""
    out: list[str] = []
    blocks = paragraphs(BARE_AMPERSAND.sub("&amp;", text))
    for index, block in enumerate(block for block in blocks if block[0].strip()):
        if out:
            out.append("")
        if NUMBERED_OR_BOLD.match(block[0].strip()):
            out.append("<hr/>")
        lines = BOLD_RUN.sub(_bold_tags, "\n".join(block)).split("\n")
        if index % 4 == 0 and len(lines) == 1 and len(lines[0]) > 2 * WIDTH and "<" not in lines[0] + "\t":
            lines = textwrap.wrap(lines[0], WIDTH, break_long_words=False, break_on_hyphens=False)
        broken = len(lines) > 1 and (index % 4 == 0 or any(HARD_BREAK.search(line) for line in lines))
        out += [_html_block(lines)] if broken else [_html_line(line) for line in lines]
    return "\n".join(out)


def _bold_tags(match: re.Match) -> str:
    """``**a\\nb**`` as ``<b>a</b>\\n<b>b</b>``: a tag never spans a line."""
    lines = match.group(1).split("\n")
    return "\n".join(_tag_around("b", line) for line in lines)


def _tag_around(tag: str, line: str) -> str:
    core = line.rstrip()
    return f"<{tag}>{core}</{tag}>{line[len(core):]}" if core else line


def _html_line(line: str) -> str:
    heading = HEADING.match(line)
    if heading:
        level = len(heading.group(1))
        return f"<h{level}>{heading.group(2)}</h{level}>"
    if RULE.match(line):
        return "<hr/>"
    return _tag_around("p", line)


def _html_block(block: list[str]) -> str:
    """The lines of one paragraph in one ``<p>``, broken with ``<br>``."""
    return "<p>" + "<br>".join(HARD_BREAK.sub("", line.rstrip(" ")) for line in block) + "</p>"


def paragraphs(text: str) -> list[list[str]]:
    """The lines in runs: each run of non-blank lines, and each run of blank lines."""
    runs: list[list[str]] = []
    for line in text.split("\n"):
        if runs and bool(runs[-1][0].strip()) == bool(line.strip()):
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def running_header(text: str) -> str:
    """What a PDF repeats on top of each page: the document's first line, with its first date."""
    lines = [plain for plain in map(plain_line, text.split("\n")[:HEADER_SOURCE_LINES]) if plain]
    first = lines[0] if lines else ""
    date = DATE.search("\n".join(lines))
    return f"{first} {date.group(0)}" if date and date.group(0) not in first else first


def with_furniture(text: str, page_lines: int = PAGE_LINES) -> str:
    """Pages of about ``page_lines`` lines, cut at paragraph boundaries: a ``Side N af M`` footer,
    a form feed, a running header (and on every third page a ``background image`` line)."""
    lines = text.split("\n")
    breaks = _page_breaks(lines, page_lines)
    total, header = len(breaks) + 1, running_header(text)
    out, page = [], 1
    for index, line in enumerate(lines):
        if index in breaks:
            out += ["", f"Side {page} af {total}"]
            page += 1
            top = ["background image", header] if page % 3 == 0 else [header]
            out += ["\f" + top[0], *top[1:], ""]
        out.append(line)
    return "\n".join(out + ["", f"Side {total} af {total}"])


def _page_breaks(lines: list[str], page_lines: int) -> set[int]:
    """Indexes of the blank lines where a new page starts."""
    breaks, start = set(), 0
    for index, line in enumerate(lines):
        if index - start >= page_lines and not line.strip() and index + 1 < len(lines):
            breaks.add(index)
            start = index
    return breaks


def rewrapped(text: str, width: int = WIDTH, hyphenate: bool = False) -> str:
    """Paragraphs re-flowed to ``width`` columns, broken at spaces; blank lines, hard line breaks,
    headings, rules and table rows kept. With ``hyphenate``, one long word of each paragraph is
    hyphenated across a line end."""
    out = []
    for block in paragraphs(text):
        for unit in _units(block):
            out += _wrap(unit, width, hyphenate)
    return "\n".join(out)


def _units(block: list[str]) -> list[list[str]]:
    """A paragraph's lines in units that re-flow on their own: a list item starts one; a heading,
    a rule, a table row stand alone; a hard line break ends a unit."""
    units: list[list[str]] = []
    open_unit = False
    for line in block:
        alone = _stands_alone(line)
        if alone or not open_unit or LIST_ITEM.match(line):
            units.append([line])
        else:
            units[-1].append(line)
        open_unit = not alone and not HARD_BREAK.search(line)
    return units


def _stands_alone(line: str) -> bool:
    return not line.strip() or "\t" in line or any(p.match(line) for p in (HEADING, RULE, TABLE_RULE))


def _wrap(unit: list[str], width: int, hyphenate: bool) -> list[str]:
    if _stands_alone(unit[0]):
        return unit
    item = LIST_ITEM.match(unit[0])
    hard_break = HARD_BREAK.search(unit[-1])
    lines = textwrap.wrap(" ".join(line.strip() for line in unit), width, break_long_words=False,
                          break_on_hyphens=False, subsequent_indent=" " * len(item.group(0)) if item else "")
    if hyphenate:
        _hyphenate_once(lines)
    if hard_break:
        lines[-1] += hard_break.group(0)
    return lines


def _hyphenate_once(lines: list[str]) -> None:
    """The first long lower-case word that starts a line is split, its head hyphenated onto the line before."""
    for index in range(len(lines) - 1):
        following = lines[index + 1].lstrip()
        word = LONG_LOWER_WORD.match(following)
        if word:
            cut = len(word.group(1)) // 2
            indent = lines[index + 1][: len(lines[index + 1]) - len(following)]
            lines[index] += " " + following[:cut] + "-"
            lines[index + 1] = indent + following[cut:]
            return


def hyphenated(text: str) -> str:
    return rewrapped(text, hyphenate=True)


def crlf_nbsp(text: str) -> str:
    """CRLF line ends; a no-break space between some words; a zero-width space or a soft hyphen inside some words."""
    gaps, words = itertools.count(), itertools.count()
    text = GAP_BETWEEN_WORDS.sub(lambda m: NBSP if next(gaps) % 5 == 0 else " ", text)
    text = LONG_WORD.sub(lambda m: _inside_word(m.group(0), next(words)), text)
    return text.replace("\n", "\r\n")


def _inside_word(word: str, count: int) -> str:
    mark = {3: ZWSP, 7: SHY}.get(count % 9)
    return word[: len(word) // 2] + mark + word[len(word) // 2:] if mark else word


def one_line_per_page(text: str, page_lines: int = PAGE_LINES, numbered: bool = True) -> str:
    """A transcript site's text: no markup, each page of ``page_lines`` lines joined into one line,
    optionally prefixed by its page number, pages apart by a blank line."""
    lines = [plain for plain in (plain_line(line) for line in text.replace("\f", "\n").split("\n")) if plain]
    pages = [" ".join(lines[start:start + page_lines]) for start in range(0, len(lines), page_lines)]
    return "\n\n".join(f"{number} {page}" if numbered else page for number, page in enumerate(pages, 1))


def plain_line(line: str) -> str:
    """A line as text without markup: no emphasis, tags, heading marks, rules or link syntax; cells apart by spaces."""
    if RULE.match(line) or TABLE_RULE.match(line):
        return ""
    line = html.unescape(TAG.sub(" ", AUTOLINK.sub(r"\1", without_bold(line))))
    line = LINK.sub(r"\1", HEADING.sub(r"\2", line)).replace("\t", " ").replace("|", " ")
    return " ".join(line.split())


def other_markdown_writer(text: str) -> str:
    """Another Markdown writer's conventions: ``__bold__``, headings underlined (``===``, ``---``), list
    markers padded to four columns (``-   text``, ``1.  text``), tab-separated rows as pipe tables."""
    out: list[str] = []
    in_table = False
    for line in text.split("\n"):
        heading = HEADING.match(line)
        if "\t" in line and not line.lstrip().startswith("|") and "<p>" not in line:  # a cell of paragraphs stays HTML
            cells = [cell.strip() for cell in line.split("\t")]
            out += ["| " + " | ".join(cells) + " |"] + ([] if in_table else ["|" + "---|" * len(cells)])
            in_table = True
            continue
        in_table = False
        if heading and len(heading[1]) <= 2:
            out += [heading[2], ("=" if len(heading[1]) == 1 else "-") * max(3, len(heading[2]))]
            continue
        line = re.sub(r"^- ", "-   ", re.sub(r"^(\d)\. ", r"\1.  ", line))
        out.append(BOLD_RUN.sub(r"__\1__", line) if line.count("**") % 2 == 0 else line.replace("**", "__"))
    return "\n".join(out)


def combined(text: str) -> str:
    return crlf_nbsp(with_furniture(without_bold(text)))


VARIANTS = {
    "without_bold": without_bold,
    "html_tagged": html_tagged,
    "with_furniture": with_furniture,
    "rewrapped": rewrapped,
    "hyphenated": hyphenated,
    "crlf_nbsp": crlf_nbsp,
    "one_line_per_page": one_line_per_page,
    "other_markdown_writer": other_markdown_writer,
    "combined": combined,
}
