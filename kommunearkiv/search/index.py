"""Search documents → one lunr.py index → postings per term, ready to be sharded.

The whole archive is indexed at once so that every BM25 weight (idf, average
field length) is the one a single big index would hold. What a browser needs
of that index for one query term is the term's posting lists *with* each
document's precomputed weight for the term (lunr keeps it in ``fieldVectors``,
and lunr.js scores a hit as the dot product of the query vector with the field
vector, which only touches the query's own terms). Each term is therefore
stored with its lunr term index and ``[document, weight]`` pairs per field; the browser rebuilds a
small lunr index from the terms of the query and gets the same scores.
"""
from __future__ import annotations

from lunr.builder import Builder

from .danish import INDEX_PIPELINE, stemmer, trimmer
from .documents import FIELDS, IDENTIFIER_FIELD, SearchDocument

FIELD_NAMES = tuple(name for name, _ in FIELDS)


def build_index(docs: list[SearchDocument]):
    """A lunr.py index of the documents, ``ref`` = position in ``docs``."""
    builder = Builder()
    builder.pipeline.add(*INDEX_PIPELINE)
    for fn in INDEX_PIPELINE:
        builder.pipeline.skip(fn, [IDENTIFIER_FIELD])  # case numbers are matched as written
    builder.search_pipeline.add(trimmer, stemmer)
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost)
    for ref, doc in enumerate(docs):
        builder.add({"ref": ref, **doc.fields()})
    return builder.build()


def utf16_order(term: str) -> bytes:
    """Sort key matching JavaScript's string comparison (UTF-16 code units)."""
    return term.encode("utf-16-be")


def term_postings(serialized: dict) -> list[tuple[str, int, list[list[int]]]]:
    """``[(term, lunr's term index, [[field, doc, weight×1000, doc delta, weight×1000, …], …])]`` in JS sort order.

    lunr's term index is kept so that the browser's vectors list terms in the
    same order as the whole index's: its dot products then add up in the same
    order and give bit-identical scores.

    Documents in a field list are ascending; after the first, each is stored as
    the difference to the previous one (small numbers compress well). Weights
    are lunr's, rounded to 3 decimals by lunr, so ×1000 is exact.
    """
    weights = {ref: dict(zip(v[::2], v[1::2])) for ref, v in serialized["fieldVectors"]}
    result = []
    for term, posting in sorted(serialized["invertedIndex"], key=lambda e: utf16_order(e[0])):
        lists = []
        for field_number, field in enumerate(FIELD_NAMES):
            docs = sorted(int(ref) for ref in posting[field])
            if docs:
                lists.append(_field_list(field_number, field, docs, posting["_index"], weights))
        result.append((term, posting["_index"], lists))
    return result


def _field_list(field_number: int, field: str, docs: list[int], term_index: int, weights: dict) -> list[int]:
    entry, previous = [field_number], 0
    for doc in docs:
        entry += [doc - previous, round(weights[f"{field}/{doc}"][term_index] * 1000)]
        previous = doc
    return entry
