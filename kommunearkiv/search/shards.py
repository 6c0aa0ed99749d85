"""Index data files for the browser: a small manifest, term shards and document chunks.

Every file is a ``.js`` script calling ``kommunearkivSearch.receive(key, data)``,
so it loads through a ``<script>`` element, also from ``file://``.

- ``manifest.js``: fields, the first term of every shard, the facet tables and
  the groups of documents (runs of documents sharing municipality, committee,
  year and type: documents are numbered so that each group is one run);
- ``t/<n>.js``: a range of terms in sort order with their postings, closed
  when it holds about ``SHARD_BYTES`` of JSON (like Pagefind's word chunks);
- ``d/<n>.js``: what a result shows for ``CHUNK_DOCUMENTS`` consecutive documents.
"""
from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path

from .documents import FIELDS, TYPE_KEYS, TYPES, SearchDocument

SHARD_BYTES = 24_000
CHUNK_DOCUMENTS = 16
FORMAT_VERSION = 1


def group_key(doc: SearchDocument) -> tuple:
    return (doc.municipality, doc.committee, doc.year, TYPE_KEYS.index(doc.kind))


def ordered(docs: list[SearchDocument]) -> list[SearchDocument]:
    """Documents numbered group by group (stable within a group)."""
    return sorted(docs, key=group_key)


def data_script(key: str, data) -> str:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'kommunearkivSearch.receive("{key}",{payload});\n'


def term_shards(postings: list[tuple[str, int, list]], shard_bytes: int = SHARD_BYTES) -> list[list]:
    """Consecutive runs of ``[term, term index, field lists]`` of about ``shard_bytes`` of JSON each."""
    shards, current, size = [], [], 0
    for term, index, lists in postings:
        entry = [term, index, lists]
        current.append(entry)
        size += len(json.dumps(entry, ensure_ascii=False, separators=(",", ":")))
        if size >= shard_bytes:
            shards.append(current)
            current, size = [], 0
    if current:
        shards.append(current)
    return shards


def manifest(docs: list[SearchDocument], shards: list[list], municipality_names: dict[str, str]) -> dict:
    municipalities = sorted({d.municipality for d in docs})
    committees = sorted({(d.municipality, d.committee, d.committee_name) for d in docs if d.committee})
    committee_numbers = {(m, c): n for n, (m, c, _) in enumerate(committees)}
    groups = [
        [len(list(run)), municipalities.index(m), committee_numbers.get((m, c), -1), year, kind]
        for (m, c, year, kind), run in groupby(docs, key=group_key)
    ]
    return {
        "version": FORMAT_VERSION,
        "fields": [name for name, _ in FIELDS],
        "documents": len(docs),
        "chunk": CHUNK_DOCUMENTS,
        "shards": [shard[0][0] for shard in shards],
        "types": [list(t) for t in TYPES],
        "municipalities": [[m, municipality_names.get(m, m)] for m in municipalities],
        "committees": [[municipalities.index(m), c, name] for m, c, name in committees],
        "groups": groups,
    }


def chunk_entry(doc: SearchDocument) -> list[str]:
    return [doc.url, doc.label, doc.date, doc.snippets]


def write_files(folder: Path, docs: list[SearchDocument], shards: list[list], head: dict) -> dict:
    """Write manifest, shards and chunks under ``folder``; the figures of what was written."""
    files = {"manifest": head}
    files.update((f"t/{n}", shard) for n, shard in enumerate(shards))
    for start in range(0, len(docs), CHUNK_DOCUMENTS):
        files[f"d/{start // CHUNK_DOCUMENTS}"] = [chunk_entry(d) for d in docs[start:start + CHUNK_DOCUMENTS]]
    (folder / "t").mkdir(parents=True, exist_ok=True)
    (folder / "d").mkdir(exist_ok=True)
    total = 0
    for key, data in files.items():
        content = data_script(key, data).encode("utf-8")
        (folder / f"{key}.js").write_bytes(content)
        total += len(content)
    return {"documents": len(docs), "shards": len(shards), "chunks": len(files) - 1 - len(shards), "bytes": total}
