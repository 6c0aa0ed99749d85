"""A PDF's lines page by page: rows at the page's edges read where they are seen, running headers and
footers (page numbers among them) left out.

A running header or footer is a line at the top or bottom edge of a page (among its first or last
``EDGE_LINES``) whose text, its page number aside, recurs at the same height on at least half the pages, and on
two at least: ``Side 3 af 7``, a bare ``3``, ``Gentofte Kommune - Referat - 14. marts 2016``; not on
a page that holds nothing else. The PDF
tells where a line is printed, which a text converter forgets; so the copy on the first page goes too
(the normaliser, reading text, keeps it, as it may be the only title).
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdf import TextLine

EDGE_ROWS = 3       # rows of a running header or footer drawn out of order that are moved to their edge …
EDGE_GAP = 1.6      # … when this far (× font size) from the text
EDGE_LINES = 3      # lines at a page's top and bottom where running headers and footers are looked for
SAME_HEIGHT = 2.0   # points: the tolerance of "the same height" on two pages
RUNNING_SHARE = 0.5
SAME_ROW = 0.3      # × font size
# A page number, alone or inside a running line ("Referat - Side 3 af 7"); the glyphs are read without spaces.
PAGE_NUMBER = re.compile(r"(?i:side|page)\s*\d+\s*(?:af|of|/)\s*\d+|(?:Side|Page)\s*\d+|^[-–]?\d+[-–]?$|^\d+/\d+$")


def in_reading_order(lines: list[TextLine]) -> list[TextLine]:
    """The page's lines with the rows at its top and bottom edge first and last: a running header or footer
    that the PDF draws after (or before) the text, as two-pass page numbering ("Side 3 af 7") does, is read
    where it is seen. Only rows drawn out of order and set apart from the text by a gap are moved."""
    top: list[list[TextLine]] = []
    bottom: list[list[TextLine]] = []
    rest = list(lines)
    for side, moved in ((1, top), (-1, bottom)):
        for _ in range(EDGE_ROWS):
            edge = max(rest, key=lambda line: side * line.baseline, default=None)
            row = [line for line in rest if abs(line.baseline - edge.baseline) <= SAME_ROW * line.size] if edge else []
            others = [line for line in rest if all(line is not r for r in row)]
            if not others or (rest[:len(row)] if side == 1 else rest[-len(row):]) == row:
                break   # the whole page, or the edge row is drawn where it is seen
            nearest = max(others, key=lambda line: side * line.baseline)
            if side * (edge.baseline - nearest.baseline) < EDGE_GAP * max(edge.size, nearest.size):
                break   # part of the text
            moved.append(row)
            rest = others
    return [line for row in top for line in row] + rest + [line for row in reversed(bottom) for line in row]


def without_running_lines(pages: list[list[TextLine]]) -> list[list[TextLine]]:
    """The pages without their running headers and footers (see the module's docstring)."""
    edges = [[(index, running_key(line)) for index, line in enumerate(lines)
              if index < EDGE_LINES or index >= len(lines) - EDGE_LINES] for lines in pages]
    counts = Counter(key for page in edges for key in {key for _, key in page})
    least = max(2, RUNNING_SHARE * len(pages))
    running = [{index for index, (text, height) in page
                if sum(counts[text, near] for near in (height - 1, height, height + 1)) >= least} for page in edges]
    return [[line for index, line in enumerate(lines) if index not in out] if len(out) < len(lines) else lines
            for lines, out in zip(pages, running)]   # furniture frames text: a page of nothing else keeps it


def running_key(line: TextLine) -> tuple[str, int]:
    """The line's text with its page number as ``#``, and its height in steps of ``SAME_HEIGHT`` (a step up
    or down counts as the same height)."""
    return PAGE_NUMBER.sub("#", "".join(glyph.text for glyph in line.glyphs)), round(line.baseline / SAME_HEIGHT)
