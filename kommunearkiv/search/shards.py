"""Index data files for the browser: a small manifest, term shards and document chunks.

Every file is a ``.js`` script calling ``kommunearkivSearch.receive(key, data)``,
so it loads through a ``<script>`` element, also from ``file://``.

- ``manifest.js``: fields, boosts and BM25's global figures (document count,
  total field lengths), the first term and file key of every shard, and the
  facet tables (municipalities, committees, types, years);
- ``t/<key>.js``: a range of terms in sort order with their entries
  (``postings.py``);
- ``d/<n>.js``: what a result shows, for ids ``16n`` to ``16n + 15``: link, heading, date, lead, the text
  (when short) or the number of its blocks, the number the heading does not show, and an attachment's
  item (its id; else 0);
- ``x/<id>-<b>.js``: block ``b`` of a longer document's text, where snippets are cut from;
- ``y/<m>-<year>.js``: the dates of a municipality's documents of a year (``dates.py``).

Where a shard begins depends on its first term alone: a term begins a shard
with a probability proportional to the size of its entry (a hash of the term
decides), so shards hold about ``SHARD_BYTES`` on average, a large entry mostly
begins one, and a changed entry moves no boundary but its own. A shard's file
is named by a hash of its first term. So an update rewrites just the shards of
the terms it changed (``update.py``), and gives the same files a full build would.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import orjson

from .documents import FIELDS, TYPES, SearchDocument
from .numbering import LAYOUT, Tables
from .text import INLINE_CHARS, blocks

SHARD_BYTES = 24_000
CHUNK_BITS = 4  # 16 documents a chunk
FORMAT_VERSION = 4
_HASH_RANGE = 2 ** 64
_PREFIX = b"kommunearkivSearch.receive("
SUBFOLDERS = ("t", "p", "d", "x", "y")


class IndexFolder:
    """The index folder, with a count of the bytes written to it. A file is unlinked before it is written
    again: the folder may share files with the live site by hard link (not in a folder made empty)."""

    def __init__(self, folder: Path, empty: bool = True):
        self.folder, self.empty = folder, empty
        self.bytes = 0
        if empty:
            shutil.rmtree(folder, ignore_errors=True)
        for sub in SUBFOLDERS:
            (folder / sub).mkdir(parents=True, exist_ok=True)

    def write(self, key: str, payload: bytes) -> bytes:
        """Write ``<key>.js`` handing the JSON ``payload`` to the search page; the bytes written."""
        content = b'%s"%s",%s);\n' % (_PREFIX, key.encode(), payload)
        if not self.empty:
            self.remove(key)
        (self.folder / f"{key}.js").write_bytes(content)
        self.bytes += len(content)
        return content

    def read(self, key: str):
        """The JSON data of ``<key>.js``."""
        content = (self.folder / f"{key}.js").read_bytes()
        return orjson.loads(content[len(_PREFIX) + len(key) + 3:-3])

    def remove(self, key: str) -> None:
        try:
            os.unlink(self.folder / f"{key}.js")
        except FileNotFoundError:
            pass


def shard_key(first_term: str) -> str:
    return hashlib.blake2b(first_term.encode("utf-8"), digest_size=8).hexdigest()


def begins_shard(term: str, size: int, shard_bytes: int) -> bool:
    """Whether the term's entry of ``size`` bytes begins a shard (see the module's docstring)."""
    draw = int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "big")
    return draw * shard_bytes < size * _HASH_RANGE


def cut(entries: Iterable[tuple[str, bytes]], shard_bytes: int) -> Iterator[list[tuple[str, bytes]]]:
    """Encoded entries in term order → shards; the first entry begins one whatever it is."""
    shard: list[tuple[str, bytes]] = []
    for term, encoded in entries:
        if shard and begins_shard(term, len(encoded), shard_bytes):
            yield shard
            shard = []
        shard.append((term, encoded))
    if shard:
        yield shard


def write_shard(folder: IndexFolder, shard: list[tuple[str, bytes]]) -> list[str]:
    """Write ``t/<key>.js``; the shard's ``[first term, key]`` for the manifest."""
    key = shard_key(shard[0][0])
    folder.write(f"t/{key}", b"[%s]" % b",".join(encoded for _, encoded in shard))
    return [shard[0][0], key]


def chunk_entry(doc: SearchDocument, parent: int) -> list:
    """What a result shows: link, heading, date, lead, the text itself when short (else the number of its
    blocks: ``write_blocks``), the number it shows when it matched; and the id of an attachment's item."""
    text = doc.text
    return [doc.url, doc.label, doc.date, doc.lead, text if len(text) <= INLINE_CHARS else len(blocks(text)),
            doc.shown_number, parent]


def write_blocks(folder: IndexFolder, doc_id: int, doc: SearchDocument) -> None:
    """``x/<id>-<b>.js`` for each block of a text longer than ``INLINE_CHARS``."""
    text = doc.text
    if len(text) > INLINE_CHARS:
        for number, block in enumerate(blocks(text)):
            folder.write(f"x/{doc_id}-{number}", orjson.dumps(block))


def remove_blocks(folder: IndexFolder, doc_id: int) -> None:
    """Remove a document's block files (numbered from 0, without gaps)."""
    number = 0
    while (folder.folder / "x" / f"{doc_id}-{number}.js").exists():
        folder.remove(f"x/{doc_id}-{number}")
        number += 1


def write_chunk(folder: IndexFolder, number: int, entries: list[list]) -> None:
    folder.write(f"d/{number}", orjson.dumps(entries))


def manifest(tables: Tables, documents: int, lengths: list[int], shards: list[list[str]], years: list[int]) -> bytes:
    return orjson.dumps({
        "version": FORMAT_VERSION,
        "fields": [name for name, _ in FIELDS],
        "boosts": [boost for _, boost in FIELDS],
        "k1": 1.2, "b": 0.75,  # lunr's defaults
        "documents": documents,
        "lengths": lengths,
        "chunk": 2 ** CHUNK_BITS,
        "layout": LAYOUT,
        "shards": shards,
        "types": [list(t) for t in TYPES],
        "municipalities": [[m.id, m.name] for m in tables.municipalities],
        "committees": [[[c.id, c.name] for c in committees] for committees in tables.committees],
        "years": years,
    })
