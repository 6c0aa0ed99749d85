"""The original document of a meeting, kept beside its ``meeting.yaml`` and published beside its page.

The importer copies the file it read into the meeting's folder as
``original.txt``, ``original.pdf`` or ``original.html`` (by its kind), unless
publishing it could publish a closed item's text (``withheld``): the
municipality's published document shows a closed item's number and title and
nothing more, but a document that holds more under a closed item (an internal
version, a closed item's decision or attachments) is not kept. The reader
refuses a kept original beside a closed item that spans more than a title, so
a hand-made change cannot publish one either.
"""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

ORIGINAL_FILES = {"text": "original.txt", "pdf": "original.pdf", "html": "original.html"}
# A closed item's title, wrapped by a converter, takes at most this many lines of the text; an item that
# spans more holds something besides its title.
TITLE_LINES = 3


def original_file(meeting_dir: Path, kind: str | None) -> Path | None:
    return meeting_dir / ORIGINAL_FILES[kind] if kind in ORIGINAL_FILES else None


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def more_than_a_title(lines: list[int] | tuple[int, int] | None) -> bool:
    """Whether a closed item's line range (None: unknown) may hold more than its title."""
    return lines is None or lines[1] - lines[0] + 1 > TITLE_LINES


def withheld(document: dict) -> list[str]:
    """Why the document's original must not be published (nothing when it may be): a closed item with
    more than its title, or an attachment document of a closed item."""
    closed = {item["number"]: item for item in document["items"] if item["access"] == "closed"}
    reasons = [(item.get("lines"), f"item {number} is closed and its lines hold more than its title")
               for number, item in closed.items() if more_than_a_title(item.get("lines"))]
    reasons += [(a.get("lines"), f"attachment {a['label']} belongs to the closed item {a['item']}")
                for a in document["attachment_documents"] if a.get("item") in closed]
    return [f"{f'line {lines[0]}: ' if lines else ''}{reason}; the original document is not kept, so that it is not published"
            for lines, reason in reasons]


def keep_original(document: dict, original: Path, meeting_dir: Path) -> None:
    """Copy ``original`` into the meeting's folder, unless it is ``withheld``."""
    target = original_file(meeting_dir, document["source"].get("kind"))
    if target is not None and not withheld(document):
        shutil.copyfile(original, target)
