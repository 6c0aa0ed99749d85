"""What a build's search index holds, kept in the build cache so that the next build can update the index
instead of writing it again (``update.py``).

Per document id: a fingerprint of the document, its field lengths, and for the
small kinds that later meetings change (``numbering.REMEMBERED_KINDS``) its
terms per field, so that their old postings can be taken out. Then the shards
(first term and key), the municipalities and committees that the positions in
the ids stand for, and a hash of the manifest written, which ties the state to
one index on disk. A state file is named by a hash of its bytes, and build
records name the state of their site's index.
"""
from __future__ import annotations

import hashlib
import pickle
from array import array
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path

from ..parse_cache import write_atomically
from .documents import FIELDS, SearchDocument
from .numbering import REMEMBERED_KINDS, Numbered, fingerprint
from .postings import Counted

Remembered = tuple[tuple[str, ...], ...]  # per field, the distinct terms
FIELD_COUNT = len(FIELDS)


class Documents:
    """Per document, in id order: its fingerprint, field lengths and remembered terms, in compact arrays
    (a dictionary of tuples took 110 MB at 10,000 meetings)."""

    def __init__(self):
        self.ids = array("Q")
        self.prints = bytearray()  # 16 bytes a document
        self.lengths = array("I")  # FIELD_COUNT a document
        self.terms: dict[int, Remembered] = {}

    def append(self, doc_id: int, fingerprint_: str, lengths: tuple[int, ...], terms: Remembered | None) -> None:
        if self.ids and doc_id <= self.ids[-1]:
            raise ValueError(f"search document {doc_id} after {self.ids[-1]}: ids must ascend")
        self.ids.append(doc_id)
        self.prints += bytes.fromhex(fingerprint_)
        self.lengths.extend(lengths)
        if terms is not None:
            self.terms[doc_id] = terms

    def __len__(self) -> int:
        return len(self.ids)

    def _position(self, doc_id: int) -> int | None:
        k = bisect_left(self.ids, doc_id)
        return k if k < len(self.ids) and self.ids[k] == doc_id else None

    def __contains__(self, doc_id: int) -> bool:
        return self._position(doc_id) is not None

    def fingerprint(self, doc_id: int) -> str | None:
        k = self._position(doc_id)
        return None if k is None else self.prints[16 * k:16 * k + 16].hex()

    def range(self, start: int, stop: int) -> tuple[int, int]:
        """The positions of the documents with ids from ``start`` up to ``stop``."""
        return bisect_left(self.ids, start), bisect_left(self.ids, stop)

    def entries(self, start: int = 0, stop: int = 2 ** 64):
        """``(id, fingerprint, lengths, remembered terms or None)`` of the documents with ids from ``start``
        up to ``stop``, in id order."""
        first, end = self.range(start, stop)
        for k in range(first, end):
            doc_id = self.ids[k]
            yield (doc_id, self.prints[16 * k:16 * k + 16].hex(), tuple(self.lengths[FIELD_COUNT * k:FIELD_COUNT * (k + 1)]),
                   self.terms.get(doc_id))

    def copy(self, other: Documents, start: int, stop: int) -> None:
        """Append the ``other``'s documents with ids from ``start`` up to ``stop`` as they are (array slices)."""
        first, end = other.range(start, stop)
        if first == end:
            return
        if self.ids and other.ids[first] <= self.ids[-1]:
            raise ValueError(f"search document {other.ids[first]} after {self.ids[-1]}: ids must ascend")
        ids = other.ids[first:end]
        self.ids.extend(ids)
        self.prints += other.prints[16 * first:16 * end]
        self.lengths.extend(other.lengths[FIELD_COUNT * first:FIELD_COUNT * end])
        self.terms.update((doc_id, other.terms[doc_id]) for doc_id in ids if doc_id in other.terms)

    def totals(self) -> list[int]:
        """Per field, the sum of every document's length (the manifest's ``lengths``)."""
        return [sum(self.lengths[number::FIELD_COUNT]) for number in range(FIELD_COUNT)]


@dataclass
class IndexState:
    documents: Documents = field(default_factory=Documents)
    shards: list[list[str]] = field(default_factory=list)
    layout: tuple = ()  # ``numbering.Tables.layout``: what the positions in the ids stand for
    manifest: str = ""
    code: str = ""  # the code that wrote the index (``fingerprints.code_fingerprint``): other code, no update


def remember(thing: Numbered, doc: SearchDocument, counted: Counted) -> tuple:
    """What the state keeps of a document: ``Documents.append``'s arguments after the id."""
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


def load_state(folder: Path, name: str | None, code: str) -> IndexState | None:
    """The state of that name written by this ``code``, or None when there is none to trust."""
    if not name:
        return None
    try:
        data = (folder / f"{name}.pickle").read_bytes()
    except OSError:
        return None
    if hashlib.blake2b(data, digest_size=16).hexdigest() != name:
        return None
    try:
        state = pickle.loads(data)
    except Exception:  # written by other code, whose classes were not these
        return None
    return state if isinstance(state, IndexState) and state.code == code else None


def prune_states(folder: Path, keep: set[str]) -> None:
    """Remove the state files no record names."""
    if folder.is_dir():
        for path in folder.glob("*.pickle"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
