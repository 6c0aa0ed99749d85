"""Search documents → one lunr.py index → postings per term: the reference for ``weights.py``.

The build computes the postings with ``weights.lean_postings``, which gives the
same list without lunr.py's ``Builder`` (and its memory); ``build_index`` and
``term_postings`` define what that list must be, and the tests compare the two.

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

import re
from collections import defaultdict

from lunr.builder import Builder
from lunr.pipeline import Pipeline
from lunr.tokenizer import SEPARATOR_CHARS

from .danish import INDEX_PIPELINE, stemmer, trimmer
from .documents import FIELDS, IDENTIFIER_FIELDS, SearchDocument

FIELD_NAMES = tuple(name for name, _ in FIELDS)
_SEPARATORS = re.compile(f"[{re.escape(SEPARATOR_CHARS)}]+")


def tokens(value: str | list[str]) -> list[str]:
    """lunr's tokenizer, done by one regular expression (lunr.py's walks the text a character at a time).

    A list is kept as it is: lunr then makes one token of each element.
    """
    if isinstance(value, list):
        return value
    return [t for t in _SEPARATORS.split(value.lower()) if t]


def index_pipeline() -> Pipeline:
    """The Danish steps, skipped for the identifier fields: case numbers are matched as written."""
    pipeline = Pipeline()
    pipeline.add(*INDEX_PIPELINE)
    for fn in INDEX_PIPELINE:
        pipeline.skip(fn, list(IDENTIFIER_FIELDS))
    return pipeline


def build_index(docs: list[SearchDocument]):
    """A lunr.py index of the documents, ``ref`` = position in ``docs``."""
    builder = Builder()
    builder.pipeline = index_pipeline()
    builder.search_pipeline.add(trimmer, stemmer)
    builder.ref("ref")
    for name, boost in FIELDS:
        builder.field(name, boost)
    for ref, doc in enumerate(docs):
        builder.add({"ref": ref, **{name: tokens(value) for name, value in doc.fields().items()}})
    return builder.build()


def utf16_order(term: str) -> bytes:
    """Sort key matching JavaScript's string comparison (UTF-16 code units)."""
    return term.encode("utf-16-be")


def term_postings(index) -> list[tuple[str, int, list[list[int]]]]:
    """``[(term, lunr's term index, [[field, doc, weight×1000, doc delta, weight×1000, …], …])]`` in JS sort order.

    lunr's term index is kept so that the browser's vectors list terms in the
    same order as the whole index's: its dot products then add up in the same
    order and give bit-identical scores. Documents in a field list are
    ascending; after the first, each is stored as the difference to the
    previous one (small numbers compress well). Weights are lunr's, rounded to
    3 decimals by lunr, so ×1000 is exact.
    """
    lists = defaultdict(dict)  # term index → field number → [field, doc, weight, doc delta, weight, …]
    previous = {}
    field_numbers = {name: n for n, name in enumerate(FIELD_NAMES)}
    for field_ref, vector in index.field_vectors.items():  # in document order
        doc, field = _doc_and_field(field_ref)
        number = field_numbers[field]
        elements = vector.elements
        for k in range(0, len(elements), 2):
            term_index = elements[k]
            entry = lists[term_index].setdefault(number, [number])
            entry += [doc - previous.get((term_index, number), 0), round(elements[k + 1] * 1000)]
            previous[term_index, number] = doc
    result = []
    for term in sorted(index.inverted_index, key=utf16_order):
        term_index = index.inverted_index[term]["_index"]
        result.append((term, term_index, [lists[term_index][n] for n in sorted(lists[term_index])]))
    return result


def _doc_and_field(field_ref) -> tuple[int, str]:
    field, _, doc = str(field_ref).partition("/")
    return int(doc), field
