"""A term's postings of one municipality, kept in a file of their own when they are large.

An entry lists, per municipality, the term's field lists (``postings.py``). A
municipality's lists that take ``shard_bytes / SEGMENT_SHARE`` bytes or more (a
common word) go to ``p/<m>-<hash of the term>.js``, and the entry holds
``[key]`` in their place. So the shards stay small, and a query for a common
word loads the segments of the municipalities it searches. Whether a segment is
kept apart depends on its own bytes alone, so each municipality's part of the
index is made on its own.
"""
from __future__ import annotations

import hashlib

import orjson

from .shards import IndexFolder

SEGMENT_SHARE = 24


def segment_key(term: str, municipality: int) -> str:
    return f"{municipality}-{hashlib.blake2b(term.encode('utf-8'), digest_size=8).hexdigest()}"


class Segments:
    """Encodes one municipality's lists of each term, writing the large ones into segment files."""

    def __init__(self, folder: IndexFolder, shard_bytes: int, position: int):
        self.folder, self.limit, self.position = folder, shard_bytes // SEGMENT_SHARE, position

    def lists(self, term: str, lists: list[list[int]]) -> bytes:
        """The municipality's part of the term's entry: its field lists, or ``[key]`` of their segment file (JSON
        array elements, comma-separated)."""
        data = orjson.dumps(lists)
        if len(data) < self.limit:
            return data[1:-1]
        key = segment_key(term, self.position)
        self.folder.write(f"p/{key}", data)
        return orjson.dumps([key])
