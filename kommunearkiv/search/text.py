"""Markdown of the content → plain text for the index, the blocks snippets are cut from, and short excerpts."""
from __future__ import annotations

import re

_TAG = re.compile(r"<[^>]*>")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_#>|`\\]+|^\s*[-+]\s+|^-{3,}$", re.MULTILINE)

EXCERPT_CHARS = 160
# A document's text longer than INLINE_CHARS is kept in blocks of about BLOCK_CHARS, cut between words, each
# in a file of its own, which goes on for OVERLAP_CHARS into the next block (so that a passage beginning
# near a block's end is whole in it): the page loads the block where a hit's match is (docs/search.md).
INLINE_CHARS = 400
BLOCK_CHARS = 3_000
OVERLAP_CHARS = 200


def plain_text(markdown: str | None) -> str:
    """The words of a Markdown (or stray HTML) text on one line, markup removed."""
    if not markdown:
        return ""
    text = _TAG.sub(" ", markdown)
    if "](" in text:  # a cheap test first: most texts have no link
        text = _LINK.sub(r"\1", text)
    return " ".join(_MARKUP.sub(" ", text).split())  # runs of whitespace (str.isspace, as re's \s) → one space


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of a plain text, cut at a word boundary, with ``…`` when cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:-") + " …"


def block_starts(text: str, limit: int = BLOCK_CHARS) -> list[int]:
    """Where the text's blocks begin: ``[0]``, then each after the last space within ``limit`` characters
    of the one before (or ``limit`` on when there is none)."""
    starts = [0]
    while len(text) - starts[-1] > limit:
        end = starts[-1] + limit
        space = text.rfind(" ", starts[-1] + 1, end + 1)
        starts.append(space + 1 if space > 0 else end)
    return starts


def blocks(text: str) -> list[str]:
    """The text cut at ``block_starts``, each block going on to the word that ends ``OVERLAP_CHARS`` into
    the next."""
    starts = block_starts(text)
    return [_to_word_end(text, start, end) for start, end in zip(starts, starts[1:] + [len(text)])]


def _to_word_end(text: str, start: int, end: int) -> str:
    if end < len(text):
        space = text.find(" ", end + OVERLAP_CHARS)
        end = len(text) if space < 0 else space
    return text[start:end].strip()


def joined(*parts: str | None) -> str:
    """Non-empty parts joined by a space."""
    return " ".join(p for p in parts if p)
