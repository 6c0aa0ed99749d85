"""Ways through the site: the main section a page belongs to, previous and next, file sizes for links, words
kept whole in table cells."""
from __future__ import annotations

from pathlib import Path

from babel.numbers import format_decimal
from flask import request
from markupsafe import Markup, escape

from .. import markup
from ..dates import LOCALE

SECTIONS = {"search": "search", "data": "data", "home": None, "not_found": None}
UNITS = (("GB", 1 << 30), ("MB", 1 << 20), ("kB", 1 << 10))


def main_section() -> str | None:
    """The header's section of the page shown: ``search``, ``data``, or ``kommuner`` for every page of a municipality."""
    return SECTIONS.get(request.endpoint, "kommuner")


def neighbours(things: list, thing) -> tuple[object | None, object | None]:
    """The things before and after ``thing`` in ``things`` (None at either end)."""
    index = next(k for k, other in enumerate(things) if other is thing)
    return (things[index - 1] if index else None), (things[index + 1] if index + 1 < len(things) else None)


def file_size(size: int) -> str:
    """``1,2 MB``, ``840 kB``, ``512 byte`` (Danish number format)."""
    for unit, bytes_in_unit in UNITS:
        if size >= bytes_in_unit:
            value = size / bytes_in_unit
            return f"{format_decimal(round(value, 1 if value < 10 else None), locale=LOCALE)} {unit}"
    return f"{size} byte"


def file_bytes(path: Path) -> int | None:
    """The size of the file at ``path``; None when there is none."""
    try:
        return path.stat().st_size
    except OSError:
        return None


def unbroken(text: str) -> Markup:
    """``text`` with each word that holds a hyphen kept on one line: a table cell then breaks between words only."""
    return Markup(markup.unbroken(str(escape(text))))
