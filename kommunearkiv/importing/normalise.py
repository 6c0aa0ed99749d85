"""Raw text of minutes, from any converter → one canonical sequence of lines.

The same document reaches us with bold or without, with HTML tags or
Markdown, wrapped differently, with page furniture, CRLF line ends and odd
spaces, or flattened to one line per page. This layer deals with all of that
once, so that the formats' rules see plain text with hints (bold, heading,
page, table cells) and never markup. Every line keeps the source line it came
from, for errors and provenance.

A format then cuts lines where its own vocabulary starts a field
(``split_at``) and turns runs of lines back into Markdown (``body_markdown``).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace

from .cleaning import has_html, html_to_markdown, lines_to_markdown


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    markdown: str
    bold: bool = False
    heading: bool = False
    page: int = 1
    blank_before: bool = False
    cells: tuple[str, ...] = ()


SPACE_LIKE = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\v"), " ")
CONTROLS = [c for c in [*range(0x20), *range(0x7f, 0xa0)] if chr(c) not in "\t\n\r\f"]  # no text of minutes
INVISIBLE = dict.fromkeys([*map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), *CONTROLS], None)
LIGATURES = {ord(c): unicodedata.normalize("NFKC", c) for c in "\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"}
PAGE_NUMBER = re.compile(
    r"^(?:side|page)\s*\d+\s*(?:(?:af|of|/)\s*\d+)?$|^\d+\s*(?:af|of)\s*\d+$|^-\s*\d+\s*-$", re.I)
PAGE_OF = re.compile(r"(\d+)\s*(?:af|of|/)\s*(\d+)", re.I)
BARE_NUMBER = re.compile(r"^\d{1,4}$")
PAGE_NUMBER_INSIDE = re.compile(r"\b(?:Side|Page)\s+\d+\s+(?:af|of)\s+\d+\b")
PAGE_FOOTER_END = re.compile(r"\s+(?:Side|Page)\s+(\d{1,4})$")
BACKGROUND_IMAGE = re.compile(r"^!?\[?\s*background[ _-]image\b.*$", re.I)
RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$")  # ``===`` also underlines a heading (setext)
HEADING_MARK = re.compile(r"^\s{0,3}#{1,6}\s+")
HEADING_TAG = re.compile(r"<h(?P<level>[1-6])\b[^<>]*>(?P<inner>.{0,2000}?)</h(?P=level)\s*>", re.I)  # bounded: linear
BOLD_RUN = re.compile(r"\*\*(?P<inner>.+?)\*\*")
CLOSING_FIRST = re.compile(r"^[^*]*[^\s*]\*\*(?!\S)")  # the line's first ``**`` ends a run: after a word, before a space
UNDERSCORE_BOLD = re.compile(r"(?<![^\W_])__(?=[^\s_])|(?<=[^\s_])__(?![^\W_])")  # an end of ``__bold__``, not ``a__b``
EMPHASIS = re.compile(r"(?<![\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])")
LINK = re.compile(r"!?\[([^\]]{0,1000})\]\([^)]{0,2000}\)")  # bounded: "[a](" repeated is no link, found in linear time
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
SENTENCE_END = re.compile(r"[.!?:;]\s*$")
SENTENCE = re.compile(r"[a-zæøå)][.!?]$")
TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
TABLE_RULE = re.compile(r"^[\s|:-]*-[\s|:-]*$")
HYPHENATED_END = re.compile(r"(?:[a-zæøåéü]{2}|\d)-$")
CONJUNCTIONS = {"og", "eller", "samt", "til", "som", "med", "i", "på", "af", "&"}
FLATTENED_AVERAGE = 600
PAGE_MARK = re.compile(r"^(?:(?:s|side)\.?\s*)?(\d{1,4})\s+", re.I)
FLATTENED_LINE = 150   # a line this long is a paragraph or a page
FLATTENED_SHARE = 0.8  # of lines that long: pages (a document with paragraphs on one line has headings)
RUNNING_SHARE = 0.5
RUNNING_REACH = 12
RUNNING_LENGTH = 150
TITLE_LENGTH = 8  # a shorter first line ("Referat") is a word a page may start with
DATE_ONLY = re.compile(r"|\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.\s*[a-zæøå]+\s+\d{4}", re.I)


def normalise(text: str, keep: re.Pattern | None = None) -> list[Line]:
    """Canonical lines of a document (see the module docstring). Lines that ``keep`` matches
    (a format's own field lines) are never taken for page furniture."""
    pages = canonical_characters(text).split("\f")
    raw = balanced_bold(list(numbered(pages)))
    if is_flattened([line for _, _, line in raw]):
        return flattened_lines(raw)
    lines = [piece for page, number, line in raw for piece in expand(line, number, page)]
    return rejoined_hyphenation(without_furniture(mark_blank_lines(lines), keep))


def canonical_characters(text: str) -> str:
    """Line ends, spaces, invisible characters, ligatures, composed letters and bold (``**``) made one way."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text.translate(LIGATURES).translate(INVISIBLE))
    lines = [line.translate(SPACE_LIKE) if "\t" not in line else keep_tabs(line) for line in text.split("\n")]
    return "\n".join(asterisk_bold(lines) if UNDERSCORE_BOLD.search(text) else lines)


def asterisk_bold(lines: list[str]) -> list[str]:
    """The lines of a document that writes bold ``__so__`` (some converters do) with every ``__`` a ``**``: glued
    to words (``2017__1. Titel__``) and wrapped over lines as its runs are, they are read as ``**`` runs are."""
    return [line if RULE.match(line) else line.replace("__", "**") for line in lines]


def keep_tabs(line: str) -> str:
    return "\t".join(cell.translate(SPACE_LIKE) for cell in line.split("\t"))


def numbered(pages: list[str]):
    """(page, 1-based source line, line) for every line; a form feed starts a page, not a line."""
    number = 0
    for page, chunk in enumerate(pages, start=1):
        for index, line in enumerate(chunk.split("\n")):
            if index > 0 or page == 1:
                number += 1
            yield page, number, line


def balanced_bold(raw: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A bold run wrapped over lines (``**Administrationens`` / ``forslag**``) closed at each line
    end and reopened on the next line, so every line is read on its own."""
    out: list[tuple[int, int, str]] = []
    bold_open = False
    for page, number, line in raw:
        if not line.strip():
            bold_open = False
        elif bold_open or (line.count("**") % 2 and CLOSING_FIRST.match(line)):
            line = "**" + line.lstrip()  # also a run's end after a blank line (``**Punkttype`` / blank / ``Tema**``)
        if line.count("**") % 2:
            line, bold_open = line.rstrip() + "**", True
        else:
            bold_open = False
        out.append((page, number, line))
    return out


# --- one source line → pieces -----------------------------------------------------------------

def expand(line: str, number: int, page: int) -> list[Line]:
    """A source line as zero or more lines; ``Line`` with empty text marks a blank line."""
    if BACKGROUND_IMAGE.match(line.strip()) or RULE.match(line):
        return [blank(number, page)]
    line = HEADING_TAG.sub(lambda m: f"\n{'#' * int(m['level'])} {m['inner']}\n", line)
    if "\n" in line:
        return [piece for part in line.split("\n") for piece in expand(part, number, page)]
    if "\t" in line and line.strip():
        return tab_row(line, number, page)
    if has_html(line):
        converted = html_to_markdown(line).split("\n")
        return [piece for part in converted for piece in markdown_pieces(part, number, page)]
    return markdown_pieces(line, number, page)


def blank(number: int, page: int) -> Line:
    return Line(number, "", "", page=page)


def tab_row(line: str, number: int, page: int) -> list[Line]:
    """A tab-separated row: a bold label cell and its value become a label line and value lines
    (``<b>Punkttype</b>⇥Beslutning``); any other row is a table row with cells."""
    cells = [cell.strip() for cell in line.split("\t")]
    label = [cell for cell in cells if cell]
    if len(label) == 2 and is_bold_cell(label[0]) and not is_bold_cell(label[1]):
        value = html_to_markdown(label[1]).split("\n") if has_html(label[1]) else [label[1]]
        pieces = markdown_pieces(f"**{cell_text(label[0])}**", number, page)
        return pieces + [piece for part in value for piece in markdown_pieces(part, number, page)]
    texts = tuple(cell_text(cell) for cell in cells)
    return [Line(number, " ".join(t for t in texts if t), "\t".join(cells), page=page, cells=texts)]


def cell_text(cell: str) -> str:
    return plain(html_to_markdown(cell).replace("\n", " ") if has_html(cell) else cell)


def is_bold_cell(cell: str) -> bool:
    cell = cell.strip()
    return bool(re.fullmatch(r"<(b|strong)>.*</\1>|\*\*.*\*\*", cell, re.I | re.S))


def markdown_pieces(line: str, number: int, page: int) -> list[Line]:
    """A Markdown line as lines: heading marks and bold runs become hints; runs of bold glued to
    each other or to the text after a label are cut apart."""
    if not line.strip() or RULE.match(line):
        return [blank(number, page)]
    mark = HEADING_MARK.match(line)
    heading = bool(mark)
    hard_break = "  " if line.endswith("  ") and not mark else ""
    line = HEADING_MARK.sub("", line).rstrip()
    row = TABLE_ROW.match(line)
    if row:
        if TABLE_RULE.match(line):
            return []
        return tab_row("\t".join(row[1].split("|")), number, page)  # a label cell and its value, or a table row
    pieces = [
        Line(number, text, markdown.strip(), bold=bold, heading=heading, page=page)
        for markdown, bold in bold_runs(line)
        if (text := plain(markdown))
    ]
    if mark and pieces:
        pieces[0] = replace(pieces[0], markdown=f"{mark.group().strip()} {pieces[0].markdown}")
    if hard_break and pieces:
        pieces[-1] = replace(pieces[-1], markdown=pieces[-1].markdown + hard_break)
    return pieces


def bold_runs(line: str) -> list[tuple[str, bool]]:
    """Cut a line before a bold run that starts it or follows a sentence end, a dash or another
    bold run, and after a bold run that starts it (a label): ``(markdown, whole piece bold)``."""
    pieces: list[tuple[str, bool]] = []
    rest, start = line, 0
    for match in BOLD_RUN.finditer(line):
        before = line[start:match.start()]
        if before.strip() and not (len(before.strip()) <= 2 or SENTENCE_END.search(before)):
            continue
        if before.strip():
            pieces.append((before, False))
        pieces.append((match.group(0), True))
        start = match.end()
    rest = line[start:]
    if rest.strip():
        pieces.append((rest, False))
    return merge_inline_bold(pieces, line)


def merge_inline_bold(pieces: list[tuple[str, bool]], line: str) -> list[tuple[str, bool]]:
    """A line that is one bold run and some plain text is kept whole when the bold run does
    not start it (emphasis in running text)."""
    if len(pieces) == 2 and not pieces[0][1]:
        return [(line, False)]
    return pieces


def plain(markdown: str) -> str:
    """Markdown (or a table cell) as plain text: no emphasis, links, escapes; spaces collapsed."""
    text = BOLD_RUN.sub(lambda m: spaced(m["inner"], markdown, m), markdown)
    text = text.replace("**", "")
    text = EMPHASIS.sub(r"\1", text)
    text = ESCAPE.sub(r"\1", LINK.sub(r"\1", text))
    return " ".join(text.split())


def spaced(inner: str, markdown: str, match: re.Match) -> str:
    """A bold run glued to a word (``2014-2017**1. Title**``) is a word of its own."""
    before = " " if match.start() > 0 and markdown[match.start() - 1].isalnum() else ""
    after = " " if match.end() < len(markdown) and markdown[match.end()].isalnum() else ""
    return before + inner + after


def is_page_number(text: str) -> bool:
    """``Side 3 af 27``, ``3/27``, ``- 3 -``; not ``33292/15`` (a document number: page after total)."""
    pages = PAGE_OF.search(text)
    return bool(PAGE_NUMBER.match(text)) and not (pages and int(pages[1]) > int(pages[2]))


def mark_blank_lines(lines: list[Line]) -> list[Line]:
    """Drop blank lines; the line after one gets ``blank_before``."""
    out: list[Line] = []
    gap = False
    for line in lines:
        if not line.text:
            gap = True
            continue
        out.append(replace(line, blank_before=gap) if gap else line)
        gap = False
    return out


# --- page furniture ---------------------------------------------------------------------------

def without_furniture(lines: list[Line], keep: re.Pattern | None = None) -> list[Line]:
    """Page numbers out, pages counted from them where no form feed marks the pages; running
    headers and footers out: the lines next to a page boundary that recur next to most boundaries
    (their copy on page 1 stays)."""
    paged: list[Line] = []
    page_shift, after_number, source_page = 0, False, 1
    fed = any(line.page > 1 for line in lines)
    for line in lines:
        if is_page_number(line.text):
            after_number = True
            continue
        if after_number and not fed and line.page == source_page:
            page_shift += 1
        after_number, source_page = False, line.page
        paged.append(replace(line, page=line.page + page_shift) if page_shift else line)
    boundaries = [i for i in range(1, len(paged)) if paged[i].page != paged[i - 1].page]
    if boundaries:  # the document's start and end bound the first and last page: a header of two pages is seen twice
        boundaries = [0, *boundaries, len(paged)]
    running = {text for text in running_lines(paged, boundaries) | repeated_titles(paged, boundaries)
               if not (keep and keep.match(text))}
    furniture = {j for i in boundaries for j in running_block(paged, i, running) if paged[j].page > 1}
    left = [line for index, line in enumerate(paged) if index not in furniture]
    return without_bare_page_numbers(left) if fed else left


def without_bare_page_numbers(lines: list[Line]) -> list[Line]:
    """Pages known from form feeds (a PDF's): a number alone on the first or last line of a page that
    rises with the pages (``7`` on the 7th page, or on the 8th behind a cover page) is its page number,
    when at least half the pages, and two at least, carry one so."""
    edges = {i for i in range(len(lines)) if i in (0, len(lines) - 1) or lines[i].page != lines[i - 1].page
             or lines[i].page != lines[i + 1].page}
    numbered = [(i, int(lines[i].text) - lines[i].page) for i in sorted(edges) if BARE_NUMBER.match(lines[i].text)]
    offsets = Counter(offset for _, offset in numbered)
    pages = len({line.page for line in lines})
    if not offsets or offsets.most_common(1)[0][1] < max(2, RUNNING_SHARE * pages):
        return lines
    offset = offsets.most_common(1)[0][0]
    numbers = {i for i, found in numbered if found == offset}
    return [line for index, line in enumerate(lines) if index not in numbers]


def near(lines: list[Line], boundary: int) -> range:
    return range(max(0, boundary - RUNNING_REACH), min(len(lines), boundary + RUNNING_REACH))


def running_lines(lines: list[Line], boundaries: list[int]) -> set[str]:
    """Short texts that recur at the same place next to the page boundaries (the same distance
    from the page's top or bottom) on at least half the pages, and on two at least: a heading
    such as ``Beslutning`` that happens to fall near two page ends is content. A sentence is never
    furniture: a decision such as "Godkendt." ends many pages of minutes printed one item a page."""
    placed = Counter((j - i, lines[j].text) for i in boundaries for j in near(lines, i))
    least = max(2, RUNNING_SHARE * len(boundaries))
    return {text for (_, text), count in placed.items()
            if count >= least and len(text) < RUNNING_LENGTH and not SENTENCE.search(text)}


def repeated_titles(lines: list[Line], boundaries: list[int]) -> set[str]:
    """A page's first line that repeats the document's first line, alone or with a date (a print's running
    head, ``Holbæk Kommune 27-11-2019``): furniture even where only one page boundary shows it."""
    title = lines[0].text if lines else ""
    if len(title) < TITLE_LENGTH:
        return set()
    return {lines[i].text for i in boundaries[1:-1]
            if lines[i].text.startswith(title) and DATE_ONLY.fullmatch(lines[i].text[len(title):].strip(" -–|,"))}


def running_block(lines: list[Line], boundary: int, running: set[str]) -> list[int]:
    """The unbroken run of running lines on either side of a boundary."""
    block = []
    for step, start in ((-1, boundary - 1), (1, boundary)):
        j = start
        while 0 <= j < len(lines) and abs(j - boundary) <= RUNNING_REACH and lines[j].text in running:
            block.append(j)
            j += step
    return block


def rejoined_hyphenation(lines: list[Line]) -> list[Line]:
    """A word or number hyphenated at a line end (``beskæf-`` / ``tigelse``, ``13-05-`` / ``2015``)
    joined again; ``Erhvervs-`` / ``og`` is a suspended compound and stays apart."""
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if previous and not previous.cells and not line.cells and hyphen_continues(previous.text, line.text):
            out[-1] = replace(previous, text=previous.text[:-1] + line.text if line.text[0].isalpha() else previous.text + line.text,
                              markdown=previous.markdown.rstrip("-*") + line.markdown if line.text[0].isalpha() else previous.markdown + line.markdown)
            continue
        out.append(line)
    return out


def hyphen_continues(previous: str, line: str) -> bool:
    if not HYPHENATED_END.search(previous[-3:]):  # the end only: a joined line can be long
        return False
    first = line.split()[0]
    if previous[-2].isdigit():
        return first[0].isdigit()
    return first[0].islower() and first.strip(".,") not in CONJUNCTIONS


# --- text flattened to one line per page ------------------------------------------------------

def is_flattened(lines: list[str]) -> bool:
    """The lines are as long as pages (converted documents average 100-150 characters a line), or
    nearly all are long: a short transcript's pages, where a document that keeps each paragraph on
    one line has its headings and fields on short lines."""
    texts = [line for line in lines if line.strip()]
    if not texts:
        return False
    long_share = sum(len(line) >= FLATTENED_LINE for line in texts) / len(texts)
    return sum(map(len, texts)) / len(texts) >= FLATTENED_AVERAGE or long_share >= FLATTENED_SHARE


def flattened_lines(raw: list[tuple[int, int, str]]) -> list[Line]:
    """Each non-blank line is a page: its page number prefix, running header prefix and page
    footer removed, markup dropped, hyphenated words joined."""
    pages = [(number, line) for _, number, line in raw if line.strip()]
    plain_pages = [plain_page(line) for _, line in pages]
    before = lines_before_page_one(plain_pages)
    texts = [without_page_number(text, max(1, index - before)) for index, text in enumerate(plain_pages, start=1)]
    prefix = running_prefix(texts[before + 1:])
    out = []
    for index, ((number, _), text) in enumerate(zip(pages, texts), start=1):
        if prefix and index > before + 1 and text.startswith(prefix):
            text = without_page_number(text[len(prefix):].strip(), max(1, index - before))
        if text:
            out.append(Line(number, text, text, page=max(1, index - before), blank_before=True))
    return out


def lines_before_page_one(texts: list[str]) -> int:
    """The short lines a transcript site puts above the pages (its title, download notes): the lines
    before the first of two lines numbered ``1`` and ``2``."""
    for index in range(min(len(texts) - 1, RUNNING_REACH)):
        if re.match(r"1\s", texts[index]) and re.match(r"2\s", texts[index + 1]):
            return index
    return 0


def plain_page(line: str) -> str:
    text = html_to_markdown(line) if has_html(line) else line
    text = PAGE_NUMBER_INSIDE.sub(" ", plain(text.replace("\n", " ")))
    return re.sub(r"\b([a-zæøå]{2,})- (?!(?:og|eller|samt|til)\b)([a-zæøå]{2,})", r"\1\2", text)


def without_page_number(text: str, page: int) -> str:
    """``3 Klima og …`` (or ``s. 3 …``, ``Side 3 …``) on the third page → ``Klima og …``; a footer
    ``… Side 3`` (no total) at its end goes too."""
    match = PAGE_MARK.match(text)
    text = text[match.end():] if match and int(match[1]) in (page, page - 1, page + 1) else text
    footer = PAGE_FOOTER_END.search(text)
    return text[:footer.start()] if footer and int(footer[1]) in (page, page - 1, page + 1) else text


def running_prefix(texts: list[str]) -> str:
    """The longest run of words (two or more) that at least half the pages start with."""
    if len(texts) < 2:
        return ""
    words = [text.split() for text in texts]
    best = ""
    for length in range(2, 40):
        counts = Counter(" ".join(w[:length]) for w in words if len(w) > length)
        if not counts:
            break
        prefix, count = counts.most_common(1)[0]
        if count < max(2, RUNNING_SHARE * len(texts)):
            break
        best = prefix
    return best


# --- what formats use -------------------------------------------------------------------------

def split_at(lines: list[Line], pattern: re.Pattern) -> list[Line]:
    """Every line cut where ``pattern`` matches after its start; the pieces keep number and page.

    A cut piece's Markdown is its plain text (inline emphasis across a cut is not kept)."""
    out: list[Line] = []
    for line in lines:
        cuts = [m.start() for m in pattern.finditer(line.text) if m.start() > 0]
        if not cuts or line.cells:
            out.append(line)
            continue
        bounds = list(zip([0] + cuts, cuts + [len(line.text)]))
        for index, (a, b) in enumerate(bounds):
            text = line.text[a:b].strip()
            if text:
                out.append(replace(line, text=text, markdown=text, bold=line.bold,
                                   blank_before=line.blank_before if index == 0 else False))
    return out


def body_markdown(lines: list[Line]) -> str:
    """A run of lines (a section, an attachment) as clean Markdown."""
    raw: list[str] = []
    for line in lines:
        if line.blank_before and raw:
            raw.append("")
        raw.append(line.markdown if "\t" in line.markdown or not line.cells else "\t".join(line.cells))
    return lines_to_markdown(raw)
