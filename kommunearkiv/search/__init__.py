"""Full-text search: the archive → postings with lunr's BM25 weights → shards the search page loads on demand.

``write_search_index(archive, site_dir)`` is what the build calls after the
pages are frozen; ``docs/search.md`` explains the design.
"""
from __future__ import annotations

from pathlib import Path

from ..model import Archive
from .documents import search_documents
from .shards import SHARD_BYTES, DocumentList, IndexFolder, encoded, manifest, write_term_shards
from .weights import TermCounts

INDEX_FOLDER = Path("search") / "index"


def write_search_index(archive: Archive, site_dir: Path, shard_bytes: int = SHARD_BYTES) -> dict:
    """Write the search index under ``site_dir/search/index/``; figures: documents, shards, chunks, bytes.

    One pass over the documents counts their terms and writes their result chunks; the term
    shards follow, one term at a time, as only then are all BM25 weights known.
    """
    folder = IndexFolder(Path(site_dir) / INDEX_FOLDER)
    counts, documents = TermCounts(), DocumentList(folder)
    for doc in search_documents(archive):
        counts.add(doc.fields())
        documents.add(doc)
    documents.close()
    first_terms = write_term_shards(folder, counts.weighted(), shard_bytes)
    names = {m.id: m.name for m in archive.municipalities.values()}
    folder.write("manifest", encoded(manifest(documents, first_terms, names)))
    return {"documents": documents.count, "shards": len(first_terms), "chunks": documents.chunks, "bytes": folder.bytes}
