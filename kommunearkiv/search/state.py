"""What a build's search index holds, kept in the build cache so that the next build can update the index
instead of writing it again (``update.py``).

Per document id: a fingerprint of the document, its field lengths, and for the
small kinds that later meetings change (``numbering.REMEMBERED_KINDS``) its
terms per field, so that their old postings can be taken out. Then the shards
(first term and key) and a hash of the manifest written, which ties the state
to one index on disk. A state file is named by a hash of its bytes, and build
records name the state of their site's index.
"""
from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from ..parse_cache import write_atomically
from .documents import SearchDocument
from .numbering import REMEMBERED_KINDS, Numbered, fingerprint
from .postings import Counted

Remembered = tuple[tuple[str, ...], ...]  # per field, the distinct terms


@dataclass
class IndexState:
    documents: dict[int, tuple[str, tuple[int, ...], Remembered | None]] = field(default_factory=dict)
    shards: list[list[str]] = field(default_factory=list)
    manifest: str = ""

    def lengths(self) -> list[int]:
        """Per field, the sum of every document's length (the manifest's ``lengths``)."""
        totals = [0] * len(next(iter(self.documents.values()))[1]) if self.documents else []
        for _, lengths, _ in self.documents.values():
            for number, length in enumerate(lengths):
                totals[number] += length
        return totals


def remember(thing: Numbered, doc: SearchDocument, counted: Counted) -> tuple:
    """What the state keeps of a document."""
    terms = tuple(tuple(sorted(f)) for f in counted.frequencies) if thing.kind in REMEMBERED_KINDS else None
    return fingerprint(thing, doc), counted.lengths, terms


def manifest_digest(content: bytes) -> str:
    return hashlib.blake2b(content, digest_size=16).hexdigest()


def save_state(folder: Path, state: IndexState) -> str:
    """Write the state into ``folder``; its name."""
    data = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
    name = hashlib.blake2b(data, digest_size=16).hexdigest()
    folder.mkdir(parents=True, exist_ok=True)
    write_atomically(folder / f"{name}.pickle", data)
    return name


def load_state(folder: Path, name: str | None) -> IndexState | None:
    """The state of that name, or None when there is none to trust."""
    if not name:
        return None
    try:
        data = (folder / f"{name}.pickle").read_bytes()
    except OSError:
        return None
    if hashlib.blake2b(data, digest_size=16).hexdigest() != name:
        return None
    return pickle.loads(data)


def prune_states(folder: Path, keep: set[str]) -> None:
    """Remove the state files no record names."""
    if folder.is_dir():
        for path in folder.glob("*.pickle"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
