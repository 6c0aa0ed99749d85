"""Where content came from: the ``source`` of a meeting, item or attachment, the original document
kept beside a meeting's ``meeting.yaml`` (``originals``), and where an incomplete document's text stops.

A meeting's ``source`` names the document (``file``), its ``lines``, the
importer ``format``, and its provenance: ``kind`` (text, pdf, html),
``sha256`` and the official ``url``. An item's or attachment's names its
``lines`` and, when known, ``pages``. The kept original must be the document
``sha256`` names: its digest is computed (once per change of the file, through
the parse cache) and compared.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from ..errors import Problem
from ..model import SOURCE_KINDS, AgendaItem, Incomplete, Original, Source
from .fields import Fields
from .originals import more_than_a_title, original_file, sha256_of

SHA256 = re.compile(r"^[0-9a-f]{64}$")
URL = re.compile(r"^https?://[^\s/]+\S*$", re.IGNORECASE)
PART_KEYS = ("file", "lines", "pages")
MEETING_KEYS = PART_KEYS + ("format", "kind", "sha256", "url")


def read_range(source: Fields, key: str, required: bool) -> tuple[int, int] | None:
    """``[first, last]``: two whole numbers from 1 with first ≤ last."""
    value = source.data.get(key)
    if value is None and not required:
        return None
    if not (isinstance(value, list) and len(value) == 2 and all(isinstance(n, int) and not isinstance(n, bool) for n in value)
            and 0 < value[0] <= value[1]):
        source.problem(key, f"[first, last], two {key.rstrip('s')} numbers with first ≤ last")
        return None
    return value[0], value[1]


def read_source(fields: Fields, file: str | None) -> Source | None:
    """A meeting's source (``file`` None: the file is required), or an item's or attachment's in the meeting's ``file``."""
    source = fields.mapping("source")
    if source is None:
        return None
    source.unknown_keys(MEETING_KEYS if file is None else PART_KEYS)
    file = source.text("file", required=file is None) or file
    lines, pages = read_range(source, "lines", required=True), read_range(source, "pages", required=False)
    if lines is None or not file:
        return None
    return Source(file, *lines, source.text("format", required=False), *(pages or (None, None)))


def read_original(fields: Fields, folder: Path, parsed: Callable) -> Original | None:
    """The provenance of the meeting's document, and the original kept in ``folder`` when there is one.
    ``parsed(path, function)`` is the reader's way to a file's digest, cached while the file is unchanged."""
    source = fields.mapping("source")
    if source is None:
        return None
    kind = source.choice("kind", SOURCE_KINDS, default="") or None
    sha256 = matching(source, "sha256", SHA256, "a SHA-256 digest: 64 hexadecimal digits in lower case")
    url = matching(source, "url", URL, "an address starting with http:// or https://, without spaces")
    copy = original_file(folder, kind)
    if copy is None or not copy.is_file():
        return Original(kind, sha256, url) if kind or sha256 or url else None
    found = parsed(copy, sha256_of)
    if sha256 and found != sha256:
        source.problem("sha256", f"the SHA-256 of {copy.name} beside it, {found}; found {sha256} "
                                 "(the original was replaced, or the digest edited)")
    return Original(kind, found, url, str(copy))


def read_incomplete(fields: Fields) -> Incomplete | None:
    incomplete = fields.mapping("incomplete")
    if incomplete is None:
        return None
    incomplete.unknown_keys(("line", "missing"))
    line, missing = incomplete.integer("line"), incomplete.text("missing")
    if line == 0:
        incomplete.problem("line", "the number of the last line read, from 1, found 0")
    return Incomplete(line, missing) if line and missing else None


def matching(source: Fields, key: str, pattern: re.Pattern, expected: str) -> str | None:
    value = source.text(key, required=False)
    if value is not None and not pattern.match(value):
        source.problem(key, f"{expected}, found {value[:70]!r}")
        return None
    return value


def unpublishable(original: Original | None, items: list[AgendaItem], folder: Path) -> list[Problem]:
    """A kept original beside a closed item that may hold more than its title would publish that text."""
    if original is None or original.copy is None:
        return []
    return [Problem(original.copy, None, "original",
                    f"no closed item beside it that spans more than its title, found item {item.number} "
                    f"({folder.name}/punkt-{item.number:02d}.md, {span(item.source)}): the original would publish "
                    f"its text; remove {Path(original.copy).name} (see docs/content-format.md)")
            for item in items if item.is_closed and more_than_a_title(lines_of(item.source))]


def lines_of(source: Source | None) -> tuple[int, int] | None:
    return (source.first_line, source.last_line) if source else None


def span(source: Source | None) -> str:
    return f"lines {source.first_line}–{source.last_line}" if source else "no line range"
