"""Search documents → postings per term with lunr's BM25 weights, without lunr.py's ``Builder``.

``Builder`` keeps a metadata dictionary per token and a posting dictionary per
document and term, which made it the largest cost of the build in time and
memory. This module streams over the documents keeping only compact term
counts: per term and field an ``array`` of ``document, count`` pairs, per field
the lengths. Words still go through lunr.py's ``Pipeline`` with the Danish
functions (per distinct word, cached), idf is lunr.py's ``idf``, the weight
formula and rounding are those of ``Builder._create_field_vectors``, and term
indexes are given in the order ``Builder.add`` gives them (first occurrence,
document by document, field by field). ``tests/search/test_weights.py``
requires the result to equal ``index.term_postings(index.build_index(docs))``.
"""
from __future__ import annotations

import functools
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator

from lunr.idf import idf
from lunr.token import Token
from lunr.utils import as_string

from .documents import FIELDS, SearchDocument
from .index import index_pipeline, tokens, utf16_order

K1 = 1.2  # lunr's defaults (Builder._k1, Builder._b)
B = 0.75


_PIPELINE = index_pipeline()


@functools.lru_cache(maxsize=1 << 18)
def _terms_of(word: str, field: str) -> tuple[str, ...]:
    """The terms lunr makes of one token in one field (``Tokenizer``'s last step, then the pipeline,
    whose functions look at one token at a time)."""
    return tuple(str(t) for t in _PIPELINE.run([Token(as_string(word).lower())], field))


def field_terms(name: str, value: str | list[str]) -> list[str]:
    """What ``Builder.add`` indexes of one field: lunr's tokenizer, then the pipeline."""
    return [term for word in tokens(value) for term in _terms_of(word, name)]


class TermCounts:
    """Term frequencies of documents added one by one, field by field, and term indexes in lunr's order."""

    def __init__(self):
        self.documents = 0
        self.term_index: dict[str, int] = {}
        self.postings: list[dict[int, array]] = [{} for _ in FIELDS]  # field → term index → doc, tf, doc, tf, …
        self.lengths: list[array] = [array("I") for _ in FIELDS]  # field → length per document

    def add(self, fields: dict) -> None:
        """Count the terms of the next document's ``SearchDocument.fields()``."""
        doc = self.documents
        self.documents += 1
        for number, (name, _) in enumerate(FIELDS):
            terms = field_terms(name, fields[name])
            self.lengths[number].append(len(terms))
            postings = self.postings[number]
            for term, tf in Counter(terms).items():  # in order of first occurrence, as Builder numbers terms
                index = self.term_index.setdefault(term, len(self.term_index))
                postings.setdefault(index, array("I")).extend((doc, tf))

    def weighted(self) -> Iterator[tuple[str, int, list[list[int]]]]:
        """``(term, term index, field lists)`` one term at a time, in JS order: what ``index.term_postings`` lists."""
        average = [sum(lengths) / len(lengths) if lengths else 0 for lengths in self.lengths]
        for term in sorted(self.term_index, key=utf16_order):
            index = self.term_index[term]
            pairs = [postings.get(index, ()) for postings in self.postings]
            term_idf = idf({name: dict.fromkeys(p[::2]) for (name, _), p in zip(FIELDS, pairs)}, self.documents)
            yield term, index, [_field_list(number, pairs[number], term_idf, boost, self.lengths[number], average[number])
                                for number, (_, boost) in enumerate(FIELDS) if pairs[number]]


def lean_postings(docs: Iterable[SearchDocument]) -> Iterator[tuple[str, int, list[list[int]]]]:
    """The entries of ``term_postings(build_index(docs))``, one at a time."""
    counts = TermCounts()
    for document in docs:
        counts.add(document.fields())
    return counts.weighted()


def _field_list(number: int, pairs: array, term_idf: float, boost: int, lengths: array, average: float) -> list[int]:
    """``[field, doc, weight×1000, doc delta, weight×1000, …]``, the weight computed as lunr.py's Builder does."""
    entry, previous = [number], 0
    for k in range(0, len(pairs), 2):
        doc, tf = pairs[k], pairs[k + 1]
        score = term_idf * ((K1 + 1) * tf) / (K1 * (1 - B + B * (lengths[doc] / average)) + tf)
        score *= boost
        entry += [doc - previous, round(round(score, 3) * 1000)]
        previous = doc
    return entry
