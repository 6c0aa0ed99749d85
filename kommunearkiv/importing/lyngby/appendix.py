"""The attachments' texts appended after the last Lyngby-Taarbæk item, without separators.

The attachments appear in the order they are listed (item by item, then by
number). Each one's start is found by aligning the listed names with heading
lines of the appended text: a line (or two or three consecutive short lines)
whose words cover the name's words scores high, document openings (``NOTAT``,
``Journalnr.``, a new page) add a little, and a dynamic programme
picks increasing start lines maximising the total score, leaving out names
that match nothing well. The appended text's first line always starts an
attachment, so no text is lost; an attachment whose text cannot be located is
reported in a warning.
"""
from __future__ import annotations

import re
from functools import lru_cache
from os.path import commonprefix

from ..normalise import Line, body_markdown

STOP_WORDS = {"og", "i", "af", "for", "på", "til", "om", "med", "de", "den", "det", "en", "et", "the", "a", "bilag"}
NUMBER_WORDS = {"en": "1", "et": "1", "to": "2", "tre": "3", "fire": "4", "fem": "5", "seks": "6", "syv": "7",
                "otte": "8", "ni": "9", "ti": "10", "elleve": "11", "tolv": "12"}
FRONT_MATTER = re.compile(
    r"^(?:n\s?o\s?t\s?a\s?t|notat|om|journalnr\.?.*|j\.\s?nr\..*|dato\s*:.*|skrevet af.*|sagsnr\.?.*|sagsbehandler.*"
    r"|til\s*:.*|fra\s*:.*|emne\s*:.*|dokumentnr\.?.*|bilag\s*\d*)$", re.IGNORECASE)
REFERENCE = re.compile(r"^(?:journalnr|j\.\s?nr|sagsnr|dokumentnr|dok\.\s?nr)\.?\s*:?\s*(\w.*)$", re.IGNORECASE)
PAGE_FURNITURE = re.compile(r"^(?:bilag \d+\s*-\s*)?side\s*-?\s*\d+\s*(?:af|/)\s*\d+$", re.IGNORECASE)
MISSING = 0.3            # a match must beat this score to be better than "not found"
OPENING_BONUS = 0.15     # a line that opens a document (front matter, a new page)
FIRST_LINE_SCORE = 0.1   # the appended text's first line, for whichever attachment comes first
MAX_CANDIDATE_CHARS = 160
WINDOW = 3
MAX_UNMARKED = 1     # a title line between front-matter lines ("NOTAT", "Om", title, subtitle)
NAMED = 0.75             # a heading that names an attachment this well opens its text
PAGE_OPENINGS = (4, 6, 8)  # words that open a page flattened to one line, tried as its heading
FLATTENED_PAGE = 600     # a line this long is a page flattened to one line


def words(text: str) -> list[str]:
    """Comparable words of a title or line: lower case, no stop words, number words as digits."""
    tokens = re.findall(r"[0-9a-zæøåéü]+", text.lower())
    return [NUMBER_WORDS.get(t, t) for t in tokens if t not in STOP_WORDS or t in NUMBER_WORDS and t not in {"en", "et"}]


@lru_cache(maxsize=None)
def same_word(a: str, b: str) -> bool:
    """Equal, or one a prefix of the other ("kontanthjælp"/"kontanthjælpsområdet"), or nearly ("virksomheds"/"virksomheder")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 5 and long.startswith(short):
        return True
    return len(short) >= 6 and len(commonprefix([short, long])) >= 0.8 * len(short)


class TitleWords:
    """A title's words, and for each word of a heading the title's words it is the same word as (kept:
    the headings' words are tried against one title many times)."""

    def __init__(self, title: str):
        self.words = words(title)
        self.distinct = set(self.words)
        self.matches: dict[str, frozenset[str]] = {}

    def same_as(self, word: str) -> frozenset[str]:
        if word not in self.matches:
            self.matches[word] = frozenset(t for t in self.distinct if same_word(t, word))
        return self.matches[word]

    def best_score(self, windows: list[list[str]]) -> float:
        """The best score of a line's windows (each holds the words of the one before it, and more)."""
        if not windows or not any(map(self.same_as, windows[-1])):
            return 0.0
        return max(map(self.score, windows))

    def score(self, found: list[str]) -> float:
        """How well a heading's words name the attachment: coverage of the title's words, damped by extra words."""
        if not self.distinct or not found:
            return 0.0
        matched = [self.same_as(f) for f in found]
        covered = len(frozenset().union(*matched))
        used = sum(1 for m in matched if m)
        return covered / len(self.distinct) * (used / len(found)) ** 0.25


def short(line: Line) -> bool:
    return not line.cells and len(line.text) <= MAX_CANDIDATE_CHARS


def candidates(lines: list[Line], start: int) -> list[int]:
    """Lines that could open an attachment: short lines that are no table rows or list items."""
    return [i for i in range(start, len(lines)) if short(lines[i]) and not lines[i].markdown.startswith(("- ", "* "))]


def window_text(lines: list[Line], i: int, size: int) -> str | None:
    """The text of ``size`` consecutive short lines from ``i``, else None."""
    window = lines[i:i + size]
    return " ".join(line.text for line in window) if len(window) == size and all(map(short, window)) else None


def opening(lines: list[Line], i: int) -> bool:
    """A line that looks like the start of a document: front matter, or the first line of a page."""
    new_page = i > 0 and lines[i].page != lines[i - 1].page
    return new_page or bool(FRONT_MATTER.match(lines[i].text))


def heading_windows(lines: list[Line], start: int, longer_than: int = FLATTENED_PAGE) -> dict[int, list[list[str]]]:
    """For every candidate line, the words of the windows of one to WINDOW short lines it opens; a line
    ``longer_than`` a heading (a page flattened to one line) opens with its first words."""
    windows = {i: [words(text) for size in range(1, WINDOW + 1) if (text := window_text(lines, i, size))]
               for i in candidates(lines, start)}
    for i in range(start, len(lines)):
        if len(lines[i].text) > longer_than and not lines[i].cells:
            windows[i] = [words(" ".join(lines[i].text.split()[:size])) for size in PAGE_OPENINGS]
    return windows


def line_scores(lines: list[Line], windows: dict[int, list[list[str]]], title: str) -> dict[int, float]:
    """Score of every candidate line as the opening of the attachment named ``title``."""
    title_words = TitleWords(title)
    scores = {}
    for i, found in windows.items():
        best = title_words.best_score(found)
        scores[i] = best + (OPENING_BONUS if best and opening(lines, i) else 0.0)
    first = min(scores, default=None)
    if first is not None:
        scores[first] = max(scores[first], MISSING + FIRST_LINE_SCORE)
    return scores


def align(lines: list[Line], start: int, titles: list[str]) -> list[int | None]:
    """Increasing start lines for the titles (None: not found) maximising the summed score above MISSING."""
    windows = heading_windows(lines, start)
    table = [line_scores(lines, windows, title) for title in titles]
    positions = sorted(set().union(*table)) if table else []
    # totals[p]: best sum for the titles so far using only positions[:p]; steps[k][p]: how title k got there
    totals, steps = [0.0] * (len(positions) + 1), []
    for scores in table:
        gains = [scores.get(pos, 0.0) - MISSING for pos in positions]
        new, step, take, take_at = [0.0] * (len(positions) + 1), [None] * (len(positions) + 1), float("-inf"), None
        for p in range(len(positions) + 1):
            if p and gains[p - 1] > 0 and totals[p - 1] + gains[p - 1] > take:
                take, take_at = totals[p - 1] + gains[p - 1], p - 1
            new[p], step[p] = (take, take_at) if take > totals[p] else (totals[p], None)
        totals = new
        steps.append(step)
    result, p = [None] * len(titles), len(positions)
    for k in range(len(titles) - 1, -1, -1):
        if steps[k][p] is not None:
            p = steps[k][p]
            result[k] = positions[p]
    return result


def named_opening(lines: list[Line], start: int, title: str) -> int | None:
    """The first line from ``start`` where a heading names the attachment ``title`` well (front matter
    above it included), else None."""
    title_words = TitleWords(title)
    for i, found in sorted(heading_windows(lines, start, MAX_CANDIDATE_CHARS).items()):
        if title_words.best_score(found) >= NAMED:
            return opening_line(lines, i, start - 1)
    return None


def opening_inside(text: str, title: str) -> int | None:
    """Where, inside a page flattened to one line, words that open with the attachment's first word
    name it well: the character offset, else None."""
    title_words = TitleWords(title)
    tokens = list(re.finditer(r"\S+", text))
    for n, token in enumerate(tokens):
        window = words(" ".join(t.group(0) for t in tokens[n:n + len(title_words.words) + 2]))
        if window and title_words.words and same_word(window[0], title_words.words[0]) and title_words.score(window) >= NAMED:
            return token.start()
    return None


def opening_line(lines: list[Line], title_line: int, floor: int) -> int:
    """Move a title line back over the document's front matter ("NOTAT", "Om", "Journalnr. :" …)."""
    start, streak, i = title_line, 0, title_line - 1
    while i > floor and streak <= MAX_UNMARKED:
        text = lines[i].text
        if lines[i].cells or len(text) > 80 or lines[i].markdown.startswith(("- ", "* ")):
            break
        start, streak = (i, 0) if FRONT_MATTER.match(text) else (start, streak + 1)
        i -= 1
    return start


def attachment_documents(lines: list[Line], start: int, names: list[tuple[int, int, str]],
                         warnings: list[str]) -> list[dict]:
    """The appended attachments' texts (``lines[start:]``) mapped to the listed names (item, ordinal, name)."""
    if start >= len(lines):
        last = lines[-1].number if lines else 1
        for item, ordinal, name in names:
            warnings.append(f"line {last}: the text of attachment {item}.{ordinal} {name!r} is not in the document")
        return []
    found = align(lines, start, [name for _, _, name in names])
    located, floor = [], start
    for (item, ordinal, name), title_line in zip(names, found):
        if title_line is None:
            warnings.append(f"line {lines[start].number}: the text of attachment {item}.{ordinal} {name!r} "
                            "could not be located")
            continue
        first = start if not located else opening_line(lines, title_line, floor)
        located.append({"label": f"{item}.{ordinal}", "title": name, "item": item, "first": first})
        floor = title_line
    if not located or located[0]["first"] != start:
        warnings.append(f"line {lines[start].number}: appended text that belongs to no listed attachment")
        located.insert(0, {"label": "ukendt", "title": "Bilagstekst uden bilagsnavn", "item": None, "first": start})
    return [document(lines, doc, located[n + 1]["first"] - 1 if n + 1 < len(located) else len(lines) - 1)
            for n, doc in enumerate(located)]


def document(lines: list[Line], doc: dict, last: int) -> dict:
    """One attachment document: its text as Markdown without page numbers, and a reference if printed."""
    body = [line for line in lines[doc["first"]:last + 1] if not PAGE_FURNITURE.match(line.text)]
    reference = next((REFERENCE.match(line.text)[1].strip() for line in body[:20] if REFERENCE.match(line.text)), None)
    return {"label": doc["label"], "title": doc["title"], "item": doc["item"], "reference": reference,
            "text": body_markdown(body), "lines": [lines[doc["first"]].number, lines[last].number]}
