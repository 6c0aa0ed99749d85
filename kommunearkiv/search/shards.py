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
import shutil
from collections.abc import Iterable
from pathlib import Path

from .documents import FIELDS, TYPES, SearchDocument, group_key

SHARD_BYTES = 24_000
CHUNK_DOCUMENTS = 16
FORMAT_VERSION = 1


def encoded(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class IndexFolder:
    """The index folder, emptied, with a count of the bytes written to it."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.bytes = 0
        shutil.rmtree(folder, ignore_errors=True)
        (folder / "t").mkdir(parents=True)
        (folder / "d").mkdir()

    def write(self, key: str, payload: str) -> None:
        """Write ``<key>.js`` handing the JSON ``payload`` to the search page."""
        content = f'kommunearkivSearch.receive("{key}",{payload});\n'.encode("utf-8")
        (self.folder / f"{key}.js").write_bytes(content)
        self.bytes += len(content)


def write_term_shards(folder: IndexFolder, postings: Iterable[tuple[str, int, list]],
                      shard_bytes: int = SHARD_BYTES) -> list[str]:
    """Write consecutive runs of ``[term, term index, field lists]`` of about ``shard_bytes`` of JSON
    each as ``t/<n>.js``, each as soon as it is full; the first term of every shard."""
    first_terms, entries, size = [], [], 0
    for term, index, lists in postings:
        if not entries:
            first_terms.append(term)
        entries.append(encoded([term, index, lists]))
        size += len(entries[-1])
        if size >= shard_bytes:
            _write_shard(folder, len(first_terms) - 1, entries)
            entries, size = [], 0
    if entries:
        _write_shard(folder, len(first_terms) - 1, entries)
    return first_terms


def _write_shard(folder: IndexFolder, number: int, entries: list[str]) -> None:
    """``t/<number>.js`` of entries already encoded (a JSON list of them, as ``encoded`` would write it)."""
    folder.write(f"t/{number}", f"[{','.join(entries)}]")


class DocumentList:
    """What the manifest and the ``d/<n>.js`` chunks need of the documents, given one at a time in
    index order; each chunk of ``CHUNK_DOCUMENTS`` is written as soon as it is full."""

    def __init__(self, folder: IndexFolder):
        self.folder = folder
        self.count = 0
        self.chunks = 0
        self.chunk: list[list] = []
        self.runs: list[list] = []  # [group key, number of documents], one per group
        self.committees: set[tuple[str, str, str]] = set()

    def add(self, doc: SearchDocument) -> None:
        self.count += 1
        key = group_key(doc)
        if self.runs and self.runs[-1][0] == key:
            self.runs[-1][1] += 1
        else:
            self.runs.append([key, 1])
        if doc.committee:
            self.committees.add((doc.municipality, doc.committee, doc.committee_name))
        self.chunk.append([doc.url, doc.label, doc.date, doc.snippets])
        if len(self.chunk) == CHUNK_DOCUMENTS:
            self.close()

    def close(self) -> None:
        """Write the chunk begun, if any."""
        if self.chunk:
            self.folder.write(f"d/{self.chunks}", encoded(self.chunk))
            self.chunks += 1
            self.chunk = []


def manifest(documents: DocumentList, first_terms: list[str], municipality_names: dict[str, str]) -> dict:
    municipalities = sorted({key[0] for key, _ in documents.runs})
    committees = sorted(documents.committees)
    committee_numbers = {(m, c): n for n, (m, c, _) in enumerate(committees)}
    groups = [
        [count, municipalities.index(m), committee_numbers.get((m, c), -1), year, kind]
        for (m, c, year, kind), count in documents.runs
    ]
    return {
        "version": FORMAT_VERSION,
        "fields": [name for name, _ in FIELDS],
        "documents": documents.count,
        "chunk": CHUNK_DOCUMENTS,
        "shards": first_terms,
        "types": [list(t) for t in TYPES],
        "municipalities": [[m, municipality_names.get(m, m)] for m in municipalities],
        "committees": [[municipalities.index(m), c, name] for m, c, name in committees],
        "groups": groups,
    }
