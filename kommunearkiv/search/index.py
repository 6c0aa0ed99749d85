"""lunr's tokenizer and pipeline as the index uses them, and the order of terms in the index files.

The browser sorts and compares terms as JavaScript strings (UTF-16 code
units); ``utf16_order`` gives Python the same order.
"""
from __future__ import annotations

import re

from lunr.pipeline import Pipeline
from lunr.tokenizer import SEPARATOR_CHARS

from .danish import INDEX_PIPELINE
from .documents import IDENTIFIER_FIELDS

_SEPARATORS = re.compile(f"[{re.escape(SEPARATOR_CHARS)}]+")
_TOKEN = re.compile(f"[^{re.escape(SEPARATOR_CHARS)}]+")


def tokens(value: str | list[str]) -> list[str]:
    """lunr's tokenizer, done by one regular expression (lunr.py's walks the text a character at a time).

    A list is kept as it is: lunr then makes one token of each element.
    """
    if isinstance(value, list):
        return value
    return [t for t in _SEPARATORS.split(value.lower()) if t]


def tokens_at(value: str) -> list[tuple[str, int]]:
    """``tokens(value)`` of a string, each with where it begins in ``value`` (lower-casing the tokens one by
    one gives lunr's tokens: it never makes a separator)."""
    return [(m.group().lower(), m.start()) for m in _TOKEN.finditer(value)]


def index_pipeline() -> Pipeline:
    """The Danish steps, skipped for the identifier fields: case numbers are matched as written."""
    pipeline = Pipeline()
    pipeline.add(*INDEX_PIPELINE)
    for fn in INDEX_PIPELINE:
        pipeline.skip(fn, list(IDENTIFIER_FIELDS))
    return pipeline


def utf16_order(term: str) -> bytes:
    """Sort key matching JavaScript's string comparison (UTF-16 code units)."""
    return term.encode("utf-16-be")
