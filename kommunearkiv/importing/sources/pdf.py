"""PDF → text with pdfminer.six, from its characters (no layout analysis).

Characters are taken in the order the PDF draws them, which is the reading order of the documents
municipalities publish (word processors and agenda systems draw a table cell by cell, so a cell's
lines stay together), and grouped into lines by their baseline: a new line where the baseline moves
or the text jumps back to the left. A gap gives a space, or a tab where it is far wider than the
line's word spacing (table columns, right-aligned page numbers). A vertical gap wider than the
document's usual line spacing, or a jump back up the page (the next table cell), gives a blank line.
Bold fonts (name with Bold/Black/Heavy/Semibold/Demi) and text overprinted to look bold give
``**…**`` runs; lines set clearly larger than the body text give ``# `` headings. Rotated text
(margin notes, watermarks) is left out. Running headers and footers, page numbers among them, are
found by their place on the page and left out (``pdf_pages``); what a text converter would have kept
of them, the shared normaliser removes from text documents.
Why pdfminer.six, and how it compared with pypdf and pdfplumber: docs/importing.md.
"""
from __future__ import annotations

import io
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, cached_property
from statistics import median, median_low

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer, LTImage
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser

from ...errors import InputError
from .pdf_pages import in_reading_order, without_running_lines

logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings about odd but readable files are noise here

BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.I)
UNMAPPED = re.compile(r"\(cid:\d+\)")
END_MARKER, END_WINDOW = b"%%EOF", 2048
MOST_UNMAPPED = 0.25        # share of characters without a Unicode mapping above which the text is unusable
SAME_BASELINE = 0.3         # × font size
BACKWARDS = 0.25            # × font size: a character this far left of the previous one starts a new line
OVERPRINT = 0.15            # × font size: a copy of a character this close is an overprint (fake bold)
WORD_GAP = 0.15             # × font size: narrower gaps join characters (kerning)
TAB_GAP = 1.0               # × font size: a wider gap where no space was drawn is a tab
TAB_SPACING = 2.0           # × the median word gap, in lines drawn without space glyphs …
WIDE_GAP = 2.0              # … or × font size there
PARAGRAPH_SPACING = 1.3     # × the usual line spacing
COMMON_SPACING = 0.1        # share of line distances that makes one usual
HEADING_SIZE = 1.2          # × the body text's size
HEADING_LENGTH = 150
SKEW = 0.01                 # rotation (relative) below which text counts as running along an axis


@dataclass
class Glyph:
    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    bold: bool


@dataclass
class TextLine:
    glyphs: list[Glyph]
    spaced: list[bool] = field(default_factory=lambda: [False])   # a space was drawn before glyph i

    @property
    def baseline(self) -> float:
        return self.glyphs[0].baseline

    @cached_property
    def size(self) -> float:
        """The size of most of the line's glyphs (read once the line is complete)."""
        return median_low(g.size for g in self.glyphs)

    def continues_with(self, glyph: Glyph) -> bool:
        last = self.glyphs[-1]
        return (abs(glyph.baseline - last.baseline) <= SAME_BASELINE * max(glyph.size, last.size)
                and glyph.x0 >= last.x1 - BACKWARDS * glyph.size)

    def overprinted_by(self, glyph: Glyph, candidates) -> bool:
        """Whether ``glyph`` repeats one of ``candidates`` (of this line) at nearly its place; that one becomes bold."""
        limit = OVERPRINT * glyph.size
        original = next((g for g in candidates if g.text == glyph.text and abs(g.x0 - glyph.x0) <= limit
                         and abs(g.baseline - glyph.baseline) <= limit), None)
        if original:
            original.bold = True
        return original is not None


def read_pdf(data: bytes, path: str) -> tuple[str, list[str]]:
    """The text of a PDF and warnings for pages read with a loss; InputError for a PDF without usable text."""
    if END_MARKER not in data[-END_WINDOW:]:
        raise InputError.single(path, None, "document", "a complete PDF, found one that stops before its end "
                                "marker (%%EOF): cut off, e.g. by a broken download")
    pages, imaged = [], []
    for layout in layouts(data, path):
        glyphs, images = page_glyphs(layout)
        pages.append(in_reading_order(page_lines(glyphs)))
        imaged.append(images and not glyphs)
    check_text_layer(pages, imaged, path)
    return render(without_running_lines(pages), imaged)


def layouts(data: bytes, path: str):
    """pdfminer's page layouts (characters, images, no layout analysis), one page at a time."""
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)), password="")
        manager = PDFResourceManager(caching=True)
        device = PDFPageAggregator(manager, laparams=None)
        interpreter = PDFPageInterpreter(manager, device)
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
            yield device.get_result()
    except PDFPasswordIncorrect:
        raise InputError.single(path, None, "document", "a PDF that opens without a password, found an encrypted "
                                "PDF that needs one: download an unprotected copy") from None
    except PDFEncryptionError as error:
        raise InputError.single(path, None, "document", f"a PDF that opens without a password, found one encrypted "
                                f"in a way that cannot be read ({error})") from None
    except Exception as error:  # pdfminer raises many kinds (syntax, key, type, EOF) for a damaged file
        raise InputError.single(path, None, "document", "a readable PDF, found a damaged one "
                                f"({type(error).__name__}: {str(error)[:120]})") from None


def page_glyphs(layout: LTContainer) -> tuple[list[Glyph], bool]:
    """The page's characters in drawing order, in the direction most of them run (a page turned a quarter,
    as a wide table is, reads as well as an upright one; a note turned against the page is left out),
    and whether the page shows an image."""
    found, images = [], False
    for item in items(layout):
        if isinstance(item, LTChar):
            found.append(directed(item))
        else:
            images = True
    directions = Counter(direction for direction, _ in found if direction)
    if not directions:
        return [], images
    main = directions.most_common(1)[0][0]
    return [glyph for direction, glyph in found if direction == main], images


def items(container: LTContainer):
    """Characters and images, inside forms (XObjects) too."""
    for item in container:
        if isinstance(item, (LTChar, LTImage)):
            yield item
        elif isinstance(item, LTContainer):
            yield from items(item)


def directed(char: LTChar) -> tuple[tuple[int, int] | None, Glyph | None]:
    """The direction a character runs in (a quarter turn: (1, 0) is upright) and the character as a Glyph
    in the coordinates of that direction: x along the line, baseline growing towards the top of the text."""
    a, b = char.matrix[:2]
    length = math.hypot(a, b)
    if not length or min(abs(a), abs(b)) > SKEW * length:
        return None, None   # slanted
    dx, dy = round(a / length), round(b / length)
    along = sorted((char.x0 * dx + char.y0 * dy, char.x1 * dx + char.y1 * dy))
    size = abs(char.x1 - char.x0) if dx == 0 else abs(char.y1 - char.y0)
    baseline = char.matrix[4] * -dy + char.matrix[5] * dx
    return (dx, dy), Glyph(char.get_text(), along[0], along[1], baseline, size, bold_font(char.fontname))


@cache
def bold_font(name: str) -> bool:
    return bool(BOLD_FONT.search(name))


def page_lines(glyphs: list[Glyph]) -> list[TextLine]:
    """Characters grouped into lines, in drawing order; overprinted copies dropped (the original made bold)."""
    lines: list[TextLine] = []
    space = False
    for glyph in glyphs:
        if glyph.text.isspace():
            space = True
            continue
        line = lines[-1] if lines else None
        if line and line.overprinted_by(glyph, line.glyphs[-1:]):
            pass   # overprinted glyph by glyph
        elif line and line.continues_with(glyph):
            line.glyphs.append(glyph)
            line.spaced.append(space)
        elif not (line and line.overprinted_by(glyph, reversed(line.glyphs))):   # word or line overprinted
            lines.append(TextLine([glyph]))
        space = False
    return lines


def check_text_layer(pages: list[list[TextLine]], imaged: list[bool], path: str) -> None:
    if not pages:
        raise InputError.single(path, None, "document", "a readable PDF, found a damaged one (no pages can be found)")
    glyphs = [g for lines in pages for line in lines for g in line.glyphs]
    if not glyphs:
        what = "only images (is it a scan? Run it through OCR first, e.g. OCRmyPDF)" if any(imaged) else "no text"
        raise InputError.single(path, None, "document", f"a PDF with a text layer, found one that has no text layer: "
                                f"its {len(pages)} pages hold {what}")
    unmapped = sum(bool(UNMAPPED.fullmatch(g.text)) for g in glyphs)
    if unmapped > MOST_UNMAPPED * len(glyphs):
        raise InputError.single(path, None, "document", f"a PDF whose text can be read, found {unmapped} of "
                                f"{len(glyphs)} characters in fonts without a Unicode mapping")


def render(pages: list[list[TextLine]], imaged: list[bool]) -> tuple[str, list[str]]:
    """The text, pages separated by a form feed on a line of its own; warnings for pages that are only images."""
    body = body_size(pages)
    spacing = line_spacing(pages, body)
    out: list[str] = []
    warnings = []
    for number, (lines, image_only) in enumerate(zip(pages, imaged), start=1):
        if number > 1:
            out.append("\f")
        if image_only:   # the line of the page's form feed (or the first line)
            warnings.append(f"line {max(len(out), 1)}: page {number} has no text layer, only an image (a scanned "
                            "page?): its content is not imported")
        previous = None
        for line in lines:
            if previous and paragraph_break(previous, line, spacing, body):
                out.append("")
            heading = line.size >= HEADING_SIZE * body and len(line.glyphs) <= HEADING_LENGTH
            out.append(("# " if heading else "") + line_text(line))
            previous = line
    if any(UNMAPPED.search(text) for text in out):
        warnings.append("characters in fonts without a Unicode mapping are shown as \ufffd")
    return UNMAPPED.sub("\ufffd", "\n".join(out)), warnings


def body_size(pages: list[list[TextLine]]) -> float:
    sizes = Counter(round(g.size * 2) / 2 for lines in pages for line in lines for g in line.glyphs)
    return sizes.most_common(1)[0][0]


def line_spacing(pages: list[list[TextLine]], body: float) -> float:
    """The usual distance between the baselines of consecutive lines of body text: the smallest distance
    that is common (a tenth of them), so that documents with many paragraph breaks are measured right too."""
    distances = Counter(round((a.baseline - b.baseline) * 2) / 2 for lines in pages for a, b in zip(lines, lines[1:])
                        if abs(a.size - body) < 0.5 and 0 < a.baseline - b.baseline < 3 * body)
    common = [d for d, n in distances.items() if n >= COMMON_SPACING * distances.total()]
    return min(common) if common else 1.2 * body


def paragraph_break(previous: TextLine, line: TextLine, spacing: float, body: float) -> bool:
    distance = previous.baseline - line.baseline
    if abs(distance) <= SAME_BASELINE * line.size:
        return False   # the same line, continued after a jump back to the left
    return distance < 0 or distance > PARAGRAPH_SPACING * spacing * max(previous.size, line.size) / body


def line_text(line: TextLine) -> str:
    """The line's text: spaces and tabs from the gaps, bold runs as ``**…**``."""
    separators = gap_separators(line)
    out, bold = [], False
    for glyph, separator in zip(line.glyphs, separators):
        if bold and (separator == "\t" or not glyph.bold):
            out.append("**")
            bold = False
        out.append(separator)
        if glyph.bold and not bold:
            out.append("**")
            bold = True
        out.append(glyph.text)
    if bold:
        out.append("**")
    return "".join(out)


def gap_separators(line: TextLine) -> list[str]:
    """"" (kerning), " " or "\\t" before each glyph of the line.

    A tab is a wide gap where no space was drawn (table columns and tab stops never draw one). In a line
    drawn without any space glyphs (each word placed on its own), a tab is a gap much wider than the
    line's median word gap (so that justified text gives none), or simply very wide (table columns of
    one word each, whose gaps are all alike).
    """
    glyphs = line.glyphs
    gaps = [0.0] + [b.x0 - a.x1 for a, b in zip(glyphs, glyphs[1:])]
    words = [gap > WORD_GAP * g.size or spaced for gap, g, spaced in zip(gaps, glyphs, line.spaced)]
    tab = TAB_GAP * line.size
    if not any(line.spaced) and sum(words) > 1:
        usual = median(gap for gap, word in zip(gaps, words) if word)
        tab = max(tab, min(TAB_SPACING * usual, WIDE_GAP * line.size))
    return ["\t" if word and gap > tab and not spaced else " " if word else ""
            for gap, word, spaced in zip(gaps, words, line.spaced)]
