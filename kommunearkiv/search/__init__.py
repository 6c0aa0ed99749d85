"""Full-text search: the archive → documents with ids → term shards the search page loads on demand.

The index is made in two steps. Each municipality's part is made on its own
(``write_municipality_index``): its documents' chunks, text blocks and dates
and its large postings (segment files) are written, and its share of every
term's entry is returned.
Then ``write_index`` joins the parts' shares into the entries of the site, cuts
them into shards and writes the shards and the manifest. A part depends on its
municipality and its position among the site's alone, so parts can be made in
any order or process, or kept from an earlier build, and the index is the
same. ``docs/search.md`` explains the design.
"""
from __future__ import annotations

import heapq
import shutil
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from pathlib import Path

import orjson

from ..model import Archive, Municipality
from .dates import Dates
from .documents import FIELDS
from .index import utf16_order
from .numbering import numbered, year_of
from .postings import Postings, count, field_lists
from .segments import Segments
from .shards import (CHUNK_BITS, INDEX_FOLDER, SHARD_BYTES, IndexFolder, chunk_entry, cut, manifest, write_blocks,
                     write_chunk, write_shard)

__all__ = ["INDEX_FOLDER", "IndexPart", "write_index", "write_municipality_index", "write_search_index"]


@dataclass
class IndexPart:
    """One municipality's part of the index: per term (in the index's term order) its lists as they go into
    the term's entry, its documents' count, years and field lengths, and the files it wrote."""

    entries: list[tuple[bytes, str, bytes]]  # (sort key, term, comma-separated lists)
    documents: int
    lengths: list[int]
    years: set[int]
    files: list[str]
    bytes: int


def write_municipality_index(municipality: Municipality, position: int, site_dir: Path,
                             shard_bytes: int = SHARD_BYTES) -> IndexPart:
    """Write the chunks, blocks, dates and segment files of the municipality at ``position`` among the site's
    (in id order)."""
    folder, postings, dates, years = IndexFolder(site_dir), Postings(), Dates(), set()
    for chunk, things in groupby(numbered(municipality, position), key=lambda thing: thing.id >> CHUNK_BITS):
        entries = []
        for thing in things:
            doc = thing.make()
            postings.add(count(thing.id, doc))
            entries.append(chunk_entry(doc, thing.parent_id))
            write_blocks(folder, thing.id, doc)
            dates.add(thing.id, doc.date)
            years.add(year_of(thing.id))
        write_chunk(folder, chunk, entries)
    dates.write(folder)
    segments = Segments(folder, shard_bytes, position)
    shares = [(utf16_order(term), term, segments.lists(term, field_lists(entry))) for term, entry in postings.entries()]
    return IndexPart(shares, len(postings.ids), postings.totals(), years - {0}, folder.written, folder.bytes)


def write_index(parts: list[IndexPart], municipalities: list[Municipality], site_dir: Path,
                shard_bytes: int = SHARD_BYTES) -> dict:
    """Write the shards and the manifest from the ``parts`` of every municipality (``municipalities``, both in
    id order); figures: documents, shards, chunks, bytes and the files written."""
    folder = IndexFolder(site_dir)
    merged = heapq.merge(*(part.entries for part in parts), key=itemgetter(0))  # ties in the order of the parts
    entries = ((shares[0][1], b"[%s,%s]" % (orjson.dumps(shares[0][1]), b",".join(share for _, _, share in shares)))
               for shares in (list(group) for _, group in groupby(merged, key=itemgetter(0))))
    shards = [write_shard(folder, shard) for shard in cut(entries, shard_bytes)]
    documents = sum(part.documents for part in parts)
    lengths = [sum(part.lengths[field] for part in parts) for field in range(len(FIELDS))]
    years = sorted(set().union(*(part.years for part in parts)))
    folder.write("manifest", manifest(municipalities, documents, lengths, shards, years))
    chunks = sum(path.startswith(f"{INDEX_FOLDER}/d/") for part in parts for path in part.files)
    return {"documents": documents, "shards": len(shards), "chunks": chunks,
            "bytes": folder.bytes + sum(part.bytes for part in parts), "files": folder.written}


def write_search_index(archive: Archive, site_dir: Path, shard_bytes: int = SHARD_BYTES) -> dict:
    """The whole index of ``archive`` under ``site_dir/search/index/``, an earlier one there removed first;
    ``write_index``'s figures."""
    shutil.rmtree(site_dir / INDEX_FOLDER, ignore_errors=True)
    municipalities = [archive.municipalities[m] for m in sorted(archive.municipalities)]
    parts = [write_municipality_index(m, position, site_dir, shard_bytes) for position, m in enumerate(municipalities)]
    return write_index(parts, municipalities, site_dir, shard_bytes)

