"""Full-text search: the archive → documents with stable ids → term shards the search page loads on demand.

``write_search_index(archive, site_dir)`` is what the build calls; given the
state of the index the site had (``state.py``), it updates that index instead
of writing it whole, with the same result. ``docs/search.md`` explains the design.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..model import Archive
from .dates import Dates
from .numbering import Numbered, Tables, numbered, year_of
from .postings import Postings, count, field_lists
from .segments import Segments
from .shards import (CHUNK_BITS, SHARD_BYTES, IndexFolder, chunk_entry, cut, manifest, write_blocks, write_chunk,
                     write_shard)
from .state import IndexState, load_state, manifest_digest, remember, save_state
from .update import updated

INDEX_FOLDER = Path("search") / "index"


@dataclass
class Previous:
    """The index a site has: its state's folder and name, the site's index folder, and the code's key."""

    states: Path
    name: str | None
    folder: Path
    code: str = ""


def write_search_index(archive: Archive, site_dir: Path, shard_bytes: int = SHARD_BYTES,
                       previous: Previous | None = None, item_digests: dict[int, str] | None = None,
                       outline: Archive | None = None, whole: Callable[[], Archive] | None = None) -> dict:
    """Write the search index under ``site_dir/search/index/``; figures: documents, shards, chunks, bytes, how
    it was written (``"updated"`` or ``"written"``), and the name of its state when ``previous`` gives a
    folder for states. ``item_digests``: see ``numbering.numbered``.

    With an ``outline`` of every municipality of the site (``parts.outline_archive``), ``archive`` holds only
    the municipalities whose content changed; the others' documents stay as the index has them. When the
    index cannot be updated, ``whole()`` gives the whole archive to write it from."""
    tables = Tables(outline if outline is not None else archive)
    things = numbered(archive, item_digests, tables)[1]
    target = Path(site_dir) / INDEX_FOLDER
    state, folder = None, None
    old = load_state(previous.states, previous.name, previous.code) if previous else None
    if old is not None:
        folder = IndexFolder(target, empty=False)
        try:
            state = updated(folder, things, old, previous.folder, shard_bytes, tables.layout(), set(archive.municipalities))
        except (OSError, ValueError):  # a file of the live index missing or changed by hand: write it whole
            state = None
    how = "updated" if state is not None else "written"
    if state is None:
        folder = IndexFolder(target)
        if outline is not None:
            things = numbered(whole(), None, tables)[1]  # the digests are of the partial archive's items
        state = write_all(folder, things, shard_bytes)
        state.layout = tables.layout()
    content = manifest(tables, len(state.documents), state.documents.totals(), state.shards, _years(state))
    state.manifest = manifest_digest(folder.write("manifest", content))
    figures = {"documents": len(state.documents), "shards": len(state.shards),
               "chunks": len({doc_id >> CHUNK_BITS for doc_id in state.documents.ids}), "bytes": folder.bytes, "how": how}
    if previous:
        state.code = previous.code
        figures["state"] = save_state(previous.states, state)
    return figures


def write_all(folder: IndexFolder, things: list[Numbered], shard_bytes: int) -> IndexState:
    """Every document made and counted in id order, its chunk written when full; then every shard."""
    postings, state, dates = Postings(), IndexState(), Dates()
    chunk, entries = None, []
    for thing in things:
        doc = thing.make()
        counted = count(thing.id, doc)
        postings.add(counted)
        state.documents.append(thing.id, *remember(thing, doc, counted))
        if thing.id >> CHUNK_BITS != chunk and entries:
            write_chunk(folder, chunk, entries)
            entries = []
        chunk = thing.id >> CHUNK_BITS
        entries.append(chunk_entry(doc, thing.parent_id))
        write_blocks(folder, thing.id, doc)
        dates.add(thing.id, doc.date)
    if entries:
        write_chunk(folder, chunk, entries)
    dates.write(folder)
    segments = Segments(folder, shard_bytes)
    encoded = ((term, segments.entry(term, field_lists(entry))) for term, entry in postings.entries())
    state.shards = [write_shard(folder, shard) for shard in cut(encoded, shard_bytes)]
    return state


def _years(state: IndexState) -> list[int]:
    return sorted({year_of(doc_id) for doc_id in state.documents.ids} - {0})
