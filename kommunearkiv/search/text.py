"""Markdown of the content → plain text for the index, and short excerpts for result snippets."""
from __future__ import annotations

import re

_TAG = re.compile(r"<[^>]*>")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*_#>|`\\]+|^\s*[-+]\s+|^-{3,}$", re.MULTILINE)

EXCERPT_CHARS = 160
PASSAGES = 3


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


def passages(*texts: str) -> list[str]:
    """Up to ``PASSAGES`` excerpts to choose a snippet from: one per text given, or spread
    over a single long text (its start, a third and two thirds into it)."""
    texts = [t for t in texts if t]
    if len(texts) == 1 and len(texts[0]) > PASSAGES * EXCERPT_CHARS:
        text = texts[0]
        starts = [len(text) * n // PASSAGES for n in range(PASSAGES)]
        texts = [text[text.find(" ", s) + 1 if s else 0:] for s in starts]
    return [excerpt(t) for t in texts[:PASSAGES]]


def joined(*parts: str | None) -> str:
    """Non-empty parts joined by a space."""
    return " ".join(p for p in parts if p)
