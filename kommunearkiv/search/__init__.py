"""Full-text search: the archive → postings with lunr's BM25 weights → shards the search page loads on demand.

``write_search_index(archive, site_dir)`` is what the build calls after the
pages are frozen; ``docs/search.md`` explains the design.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from ..model import Archive
from .documents import search_documents
from .shards import SHARD_BYTES, manifest, ordered, term_shards, write_files
from .weights import lean_postings

INDEX_FOLDER = Path("search") / "index"


def write_search_index(archive: Archive, site_dir: Path, shard_bytes: int = SHARD_BYTES) -> dict:
    """Write the search index under ``site_dir/search/index/``; figures: documents, shards, chunks, bytes."""
    docs = ordered(search_documents(archive))
    shards = term_shards(lean_postings(docs), shard_bytes)
    names = {m.id: m.name for m in archive.municipalities.values()}
    folder = Path(site_dir) / INDEX_FOLDER
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return write_files(folder, docs, shards, manifest(docs, shards, names))
