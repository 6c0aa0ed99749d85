"""What a page says about where its text came from: the original document, its SHA-256, the lines and pages cited."""
from __future__ import annotations

from dataclasses import dataclass

from ..exports.locations import relative
from ..model import Meeting, Source
from ..paths import original_path
from .labels import SOURCE_KIND_LABELS


@dataclass(frozen=True)
class Citation:
    """``link``: the official address when known, else the archive's copy (relative to the page), else None; ``copy``:
    the archive's copy besides an official address; ``where``: the lines (and pages) cited, in Danish."""

    name: str
    link: str | None
    copy: str | None
    kind: str | None
    where: str
    sha256: str | None


def citation(meeting: Meeting, source: Source | None, page_file: str) -> Citation | None:
    """How a page of ``meeting`` cites ``source`` (None: it cites nothing); ``page_file`` is the page's address from the
    site root (``a/b/`` for ``a/b/index.html``)."""
    if source is None:
        return None
    original = meeting.original
    copy = original_path(meeting)
    copy = relative(copy, page_file) if copy else None
    url = original.url if original else None
    kind = original.kind if original else None
    return Citation(name=source.file, link=url or copy, copy=copy if url else None,
                    kind=SOURCE_KIND_LABELS.get(kind), where=place(source, kind), sha256=original.sha256 if original else None)


def place(source: Source, kind: str | None) -> str:
    """``linje 10–40``; of a PDF or HTML document, its pages first when known and the lines of its text as read."""
    lines = span("linje", source.first_line, source.last_line)
    if kind in (None, "text"):
        return lines
    pages = span("side", source.first_page, source.last_page) + ", " if source.first_page else ""
    return f"{pages}{lines} i teksten læst ud af dokumentet"


def span(noun: str, first: int | None, last: int | None) -> str:
    return f"{noun} {first}" if first == last else f"{noun} {first}–{last}"
