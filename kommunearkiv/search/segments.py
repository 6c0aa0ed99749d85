"""A term's postings of one municipality, kept in a file of their own when they are large.

An entry lists, per municipality, the term's field lists (``postings.py``). A
municipality's lists that take ``shard_bytes / SEGMENT_SHARE`` bytes or more (a
common word) go to ``p/<m>-<hash of the term>.js``, and the entry holds
``[key]`` in their place. So the shards stay small, and an added meeting
rewrites, for a common term, its own municipality's segment and the shard
holding the term's references, not every municipality's postings. Whether a
segment is kept apart depends on its own bytes alone: an update decides as a
full build does.
"""
from __future__ import annotations

import hashlib
from itertools import groupby

import orjson

from .numbering import municipality_of
from .postings import Changes, changed, decode, field_lists
from .shards import IndexFolder

SEGMENT_SHARE = 24

Lists = list[list]  # field lists ``[field, id delta, tf, length, …]`` and references ``[key]``


def segment_key(term: str, municipality: int) -> str:
    return f"{municipality}-{hashlib.blake2b(term.encode('utf-8'), digest_size=8).hexdigest()}"


def municipality_in(flat: list) -> int:
    """The position of the municipality a field list or a reference is of."""
    return int(flat[0].partition("-")[0]) if isinstance(flat[0], str) else municipality_of(flat[1])


def _order(flat: list) -> tuple[int, int]:
    return municipality_in(flat), -1 if isinstance(flat[0], str) else flat[0]


class Segments:
    """Encodes entries into an index folder, writing and reading their segment files."""

    def __init__(self, folder: IndexFolder, shard_bytes: int):
        self.folder, self.limit = folder, shard_bytes // SEGMENT_SHARE

    def entry(self, term: str, lists: Lists) -> bytes:
        """The term's entry (``lists`` in municipality order), the large municipalities' lists written apart."""
        encoded = [term]
        for municipality, group in groupby(lists, key=municipality_in):
            group = list(group)
            data = None if isinstance(group[0][0], str) else orjson.dumps(group)
            if data is None or len(data) < self.limit:
                encoded += group
            else:
                key = segment_key(term, municipality)
                self.folder.write(f"p/{key}", data)
                encoded.append([key])
        return orjson.dumps(encoded)

    def spliced(self, term: str, lists: Lists, changes: Changes) -> Lists:
        """An entry's lists with the changes made: only the changed municipalities' lists are decoded (their
        segment files read and removed; ``entry`` writes them again); the others' are kept as parsed."""
        kept = [flat for flat in lists if municipality_in(flat) not in changes]
        for municipality, fields in changes.items():
            own = self._own([flat for flat in lists if municipality_in(flat) == municipality])
            entry = decode([term, *own])[1]
            for field, (removed, added) in fields.items():
                changed(entry, field, removed, added)
            kept += field_lists(entry)
        return sorted(kept, key=_order)

    def _own(self, lists: Lists) -> Lists:
        if lists and isinstance(lists[0][0], str):
            key = f"p/{lists[0][0]}"
            lists = self.folder.read(key)
            self.folder.remove(key)
        return lists
