"""Update the index a site has instead of writing it whole: the files of the documents that changed, nothing else.

The index's state (``state.py``) tells each document's fingerprint. Documents
whose fingerprint is new are *added*, those whose fingerprint is gone are
*removed* (a changed document is both). The work folder's index files are made
the live index's (``_synced``); then the entries of the terms these documents hold are
changed in their shards, the shards re-cut where they changed, the chunks of
these documents rewritten. Shard boundaries and ids do not depend on the rest
of the archive (``shards.py``, ``numbering.py``), so the result equals a full
build's, which ``tests/search/test_update.py`` checks file by file.

Given the tables of the whole site and the documents of the municipalities
that changed, it leaves every other municipality's documents as the state has
them: neither made nor fingerprinted, their files untouched (docs/search.md).

An update is refused (and the index written whole) when a removed document's
terms are not remembered (an item or attachment changed or moved: an old
meeting edited, or one inserted before others of its committee's year), when
a quarter of the documents changed, when a municipality that did not change
would take another position in the ids, or when the live index is not the one
the state describes (its manifest differs, or a file it needs is missing).
"""
from __future__ import annotations

import os
import shutil
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import orjson

from .documents import SearchDocument
from .index import utf16_order
from .dates import date_key, rewrite_dates
from .numbering import MUNICIPALITY_SHIFT, Numbered, fingerprint, municipality_of
from .postings import Changes, count
from .segments import Segments
from .shards import (CHUNK_BITS, SUBFOLDERS, IndexFolder, begins_shard, chunk_entry, cut, remove_blocks,
                     write_blocks, write_chunk, write_shard)
from .state import IndexState, manifest_digest, remember

_TermChanges = dict[str, Changes]  # term → its changes


def updated(folder: IndexFolder, things: list[Numbered], old: IndexState, live: Path, shard_bytes: int,
            layout: tuple, changing: set[str]) -> IndexState | None:
    """The new state, with the index in ``folder`` updated from the ``live`` one; None when refused.

    ``things`` are those of the municipalities ``changing``; ``layout`` is the new ``Tables.layout``. The
    documents of every other municipality stay as the state has them, if their ids do."""
    if not _others_stay(old.layout, layout, changing):
        return None
    gone = {mu for mu, _ in old.layout} - {mu for mu, _ in layout}
    examined = [p for p, (mu, _) in enumerate(old.layout) if mu in changing or mu in gone]
    prints, made = _fingerprints(things, old)
    compared = _compared(old, examined, prints)
    if compared is None:
        return None
    kept, removed = compared
    added = [t for t in things if t.id not in kept]
    untouched = len(old.documents) - len(kept) - len(removed)
    if len(removed) + len(added) > (untouched + len(things)) // 4 + 16:
        return None
    if not _synced(live, folder, old):
        return None
    changes: _TermChanges = defaultdict(lambda: defaultdict(dict))
    for doc_id, terms in removed:
        remove_blocks(folder, doc_id)
        for number, field_terms in enumerate(terms):
            for term in field_terms:
                changes[term][municipality_of(doc_id)].setdefault(number, ([], []))[0].append(doc_id)
    entries = {}
    for thing in added:
        doc = made.get(thing.id) or thing.make()
        counted = count(thing.id, doc)
        for number, frequencies in enumerate(counted.frequencies):
            blocks = counted.blocks[number]
            for term, tf in frequencies.items():
                changes[term][municipality_of(thing.id)].setdefault(number, ([], []))[1].append(
                    (thing.id, tf, counted.lengths[number], blocks.get(term, 0)))
        kept[thing.id] = remember(thing, doc, counted)
        entries[thing.id] = chunk_entry(doc, thing.parent_id)
        remove_blocks(folder, thing.id)
        write_blocks(folder, thing.id, doc)
    state = _new_state(old, layout, changing, kept)
    state.shards = _updated_shards(folder, old.shards, changes, shard_bytes)
    _update_chunks(folder, state, [doc_id for doc_id, _ in removed], entries)
    _update_dates(folder, state, [doc_id for doc_id, _ in removed], {i: entry[2] for i, entry in entries.items()})
    return state


def _fingerprints(things: list[Numbered], old: IndexState) -> tuple[dict[int, str], dict[int, SearchDocument]]:
    """Each thing's fingerprint, and the documents made for it that are new."""
    prints, made = {}, {}
    for thing in things:
        doc = None if thing.fingerprint else thing.make()  # the small kinds: fingerprinted by their document
        prints[thing.id] = fingerprint(thing, doc)
        if doc is not None and old.documents.fingerprint(thing.id) != prints[thing.id]:
            made[thing.id] = doc
    return prints, made


def _compared(old: IndexState, examined: list[int], prints: dict[int, str]) -> tuple[dict, list] | None:
    """The state's documents of the municipalities at the ``examined`` positions: those kept (id → what the
    state keeps of them) and those removed (id, remembered terms); None when a removed one's are not known
    (an item or attachment changed or went)."""
    kept, removed = {}, []
    for position in examined:
        for doc_id, print_, lengths, terms in old.documents.entries(*_id_range(position)):
            if prints.get(doc_id) == print_:
                kept[doc_id] = (print_, lengths, terms)
            elif terms is None:
                return None
            else:
                removed.append((doc_id, terms))
    return kept, removed


def _new_state(old: IndexState, layout: tuple, changing: set[str], kept: dict[int, tuple]) -> IndexState:
    """The documents of the changing municipalities from ``kept``, every other's taken from the old state."""
    state = IndexState(layout=layout)
    for position, (municipality, _) in enumerate(layout):
        if municipality in changing:
            for doc_id in sorted(i for i in kept if municipality_of(i) == position):
                state.documents.append(doc_id, *kept[doc_id])
        else:
            state.documents.copy(old.documents, *_id_range(position))
    return state


def _others_stay(old: tuple, new: tuple, changing: set[str]) -> bool:
    """Whether every municipality not changing keeps its position and committees (so its documents' ids)."""
    return all(position < len(old) and old[position] == place
               for position, place in enumerate(new) if place[0] not in changing)


def _id_range(position: int) -> tuple[int, int]:
    return position << MUNICIPALITY_SHIFT, (position + 1) << MUNICIPALITY_SHIFT


def _synced(live: Path, folder: IndexFolder, old: IndexState) -> bool:
    """Make the work folder's index files those of the live index, if that is the index ``old`` describes.

    The work folder holds the index of the build before (the spare's), which shares by hard link every
    file the live index did not change: those stay, the others are linked from the live index."""
    try:
        if manifest_digest((live / "manifest.js").read_bytes()) != old.manifest:
            return False
        for sub in SUBFOLDERS:
            have = {entry.name: entry.inode() for entry in os.scandir(folder.folder / sub)}
            for entry in os.scandir(live / sub):
                if have.pop(entry.name, None) != entry.inode():
                    folder.remove(f"{sub}/{entry.name[:-3]}")
                    try:
                        os.link(entry.path, folder.folder / sub / entry.name)
                    except OSError:
                        shutil.copyfile(entry.path, folder.folder / sub / entry.name)
            for name in have:
                folder.remove(f"{sub}/{name[:-3]}")
    except OSError:
        return False
    return True


class _Shards:
    """The live shards with the changes applied to their entries, read shard by shard as the new ones are
    written (the shards a meeting touches can be most of the index: they are never all in memory).

    A shard's entries are made once (their segment files are rewritten as they are made): those of a
    run's first shard are kept from ``_begins`` until the run is written."""

    def __init__(self, folder: IndexFolder, shards: list[list[str]], changes: _TermChanges, shard_bytes: int):
        self.folder, self.shards, self.segments = folder, shards, Segments(folder, shard_bytes)
        self.terms: dict[int, list[str]] = defaultdict(list)
        firsts = [utf16_order(first) for first, _ in shards]
        for term in changes:
            self.terms[max(0, bisect_right(firsts, utf16_order(term)) - 1)].append(term)
        self.changes = changes
        self.made: dict[int, list[tuple[str, bytes]]] = {}

    def entries(self, number: int) -> list[tuple[str, bytes]]:
        if number not in self.made:
            self.made[number] = self._entries(number)
        return self.made[number]

    def _entries(self, number: int) -> list[tuple[str, bytes]]:
        found = {raw[0]: raw for raw in self.folder.read(f"t/{self.shards[number][1]}")}
        encoded = {}
        for term in self.terms.get(number, ()):
            lists = self.segments.spliced(term, found.pop(term, [term])[1:], self.changes[term])
            if lists:
                encoded[term] = self.segments.entry(term, lists)
        encoded.update((term, orjson.dumps(raw)) for term, raw in found.items())
        return sorted(encoded.items(), key=lambda item: utf16_order(item[0]))

    def run(self, numbers: list[int]) -> Iterator[tuple[str, bytes]]:
        for number in numbers:
            yield from self.entries(number)
            del self.made[number]


def _updated_shards(folder: IndexFolder, shards: list[list[str]], changes: _TermChanges, shard_bytes: int) -> list[list[str]]:
    """Change the entries in their shards and cut the runs of changed shards again; the new shard list.

    A run must begin where a full build would begin a shard: with the first term of all, or with a
    term that begins one. When its first entry no longer does, the shard before joins the run."""
    live = _Shards(folder, shards, changes, shard_bytes)
    affected = set(live.terms)
    while True:
        runs = _runs(sorted(affected))
        late = {run[0] - 1 for run in runs if run[0] > 0 and not _begins(live.run(run), shard_bytes)}
        if not late:
            break
        affected |= late
    result, position = [], 0
    for run in runs:
        result += shards[position:run[0]]
        made = [write_shard(folder, shard) for shard in cut(live.run(run), shard_bytes)]
        kept = {key for _, key in made}
        for number in run:
            if shards[number][1] not in kept:
                folder.remove(f"t/{shards[number][1]}")
        result += made
        position = run[-1] + 1
    return result + shards[position:]


def _begins(entries: Iterator[tuple[str, bytes]], shard_bytes: int) -> bool:
    """Whether the first of the entries begins a shard (reads no further than the shard holding it)."""
    first = next(entries, None)
    return first is not None and begins_shard(first[0], len(first[1]), shard_bytes)


def _runs(numbers: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for number in numbers:
        if runs and runs[-1][-1] == number - 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return runs


def _update_chunks(folder: IndexFolder, state: IndexState, removed: list[int], entries: dict[int, list]) -> None:
    """Write again the chunks holding a removed or added document (from the live chunk and the new documents)."""
    for chunk in sorted({i >> CHUNK_BITS for i in removed} | {i >> CHUNK_BITS for i in entries}):
        first = chunk << CHUNK_BITS
        ids = [i for i in range(first, first + 2 ** CHUNK_BITS) if i in state.documents]  # (a bisection each)
        if not ids:
            folder.remove(f"d/{chunk}")
            continue
        if ids[-1] - first != len(ids) - 1:
            raise RuntimeError(f"search documents {ids} of chunk {chunk} are not numbered from its first")
        live = folder.read(f"d/{chunk}") if any(i not in entries for i in ids) else []
        write_chunk(folder, chunk, [entries[i] if i in entries else live[i - first] for i in ids])


def _update_dates(folder: IndexFolder, state: IndexState, removed: list[int], added: dict[int, str]) -> None:
    """Write again the date files of the years a document was removed from or added to (``added``: id → date)."""
    changed = {date_key(i) for i in [*removed, *added]} - {None}
    for position in sorted({municipality_of(i) for i in [*removed, *added]}):
        start, stop = state.documents.range(*_id_range(position))
        ids: dict[str, list[int]] = defaultdict(list)
        for doc_id in state.documents.ids[start:stop]:
            ids[date_key(doc_id)].append(doc_id)
        for key in sorted(k for k in changed if k.startswith(f"y/{position}-")):
            rewrite_dates(folder, key, ids.get(key, []), added)
