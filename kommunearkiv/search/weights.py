"""Search documents → postings per term with lunr's BM25 weights, without lunr.py's ``Builder``.

``Builder`` keeps a metadata dictionary per token and a posting dictionary per
document and term, which made it the largest cost of the build in time and
memory. ``TermCounts`` takes the documents one at a time and keeps only compact
term counts: per term and field an ``array`` of ``document, count`` pairs, per
field the lengths; ``TermCounts.weighted`` then gives the postings term by term,
so the whole list never exists. Words still go through lunr.py's ``Pipeline``
with the Danish functions (once per distinct word and field), idf is lunr.py's
formula, the weight formula and rounding are those of
``Builder._create_field_vectors``, and term indexes are given in the order
``Builder.add`` gives them (first occurrence, document by document, field by
field). ``tests/search/test_weights.py`` requires the result to equal
``index.term_postings(index.build_index(docs))``.
"""
from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import chain

from lunr.token import Token
from lunr.utils import as_string

from .documents import FIELDS, SearchDocument
from .index import index_pipeline, tokens, utf16_order

K1 = 1.2  # lunr's defaults (Builder._k1, Builder._b)
B = 0.75


_PIPELINE = index_pipeline()


class _Vocabulary(dict):
    """Word → term index, or None for a word the pipeline drops, in one field (the identifier fields
    skip the Danish steps). A new term takes the next index, so terms are
    numbered in order of first occurrence, as ``Builder.add`` numbers them."""

    def __init__(self, field: str, term_index: dict[str, int]):
        super().__init__()
        self.field = field
        self.term_index = term_index

    def __missing__(self, word: str) -> int | None:
        # Tokenizer's last step, then the pipeline, whose Danish steps give one token or none.
        (term,) = [str(t) for t in _PIPELINE.run([Token(as_string(word).lower())], self.field)] or [None]
        index = self[word] = None if term is None else self.term_index.setdefault(term, len(self.term_index))
        return index


class TermCounts:
    """Term frequencies of documents added one by one, field by field, and term indexes in lunr's order."""

    def __init__(self):
        self.documents = 0
        self.term_index: dict[str, int] = {}
        self.postings: list[dict[int, array]] = [{} for _ in FIELDS]  # field → term index → doc, tf, doc, tf, …
        self.lengths: list[array] = [array("I") for _ in FIELDS]  # field → length per document
        self.vocabularies = [_Vocabulary(name, self.term_index) for name, _ in FIELDS]

    def add(self, fields: dict) -> None:
        """Count the terms of the next document's ``SearchDocument.fields()``."""
        doc = self.documents
        self.documents += 1
        for number, (name, _) in enumerate(FIELDS):
            words = tokens(fields[name])
            # term index → tf, in order of first occurrence (a word's term is the same wherever it occurs)
            frequencies = Counter(map(self.vocabularies[number].__getitem__, words))
            self.lengths[number].append(len(words) - frequencies.pop(None, 0))
            postings = self.postings[number]
            for index, tf in frequencies.items():
                pairs = postings.get(index)
                if pairs is None:
                    pairs = postings[index] = array("I")
                pairs.append(doc)
                pairs.append(tf)

    def weighted(self) -> Iterator[tuple[str, int, list[list[int]]]]:
        """``(term, term index, field lists)`` one term at a time, in JS order: what ``index.term_postings`` lists."""
        norms = [_length_norms(lengths) for lengths in self.lengths]
        for term in sorted(self.term_index, key=utf16_order):
            index = self.term_index[term]
            pairs = [postings.get(index, ()) for postings in self.postings]
            term_idf = _idf(sum(len(p) // 2 for p in pairs), self.documents)
            yield term, index, [_field_list(number, pairs[number], term_idf, boost, norms[number])
                                for number, (_, boost) in enumerate(FIELDS) if pairs[number]]


def lean_postings(docs: Iterable[SearchDocument]) -> Iterator[tuple[str, int, list[list[int]]]]:
    """The entries of ``term_postings(build_index(docs))``, one at a time."""
    counts = TermCounts()
    for document in docs:
        counts.add(document.fields())
    return counts.weighted()


def _idf(documents_with_term: int, documents: int) -> float:
    """``lunr.idf.idf`` of a term found so many times in a document's field (summed over fields, as it counts)."""
    x = (documents - documents_with_term + 0.5) / (documents_with_term + 0.5)
    return math.log(1 + abs(x))


def _length_norms(lengths: array) -> array:
    """Per document, the part of BM25's denominator that depends on the field's length alone:
    ``k1 × (1 − b + b × length / average length)``, computed as ``Builder`` does (empty when no
    document has the field, as then no term needs it)."""
    average = sum(lengths) / len(lengths) if lengths else 0
    return array("d", (K1 * (1 - B + B * (length / average)) for length in lengths) if average else ())


def _field_list(number: int, pairs: array, term_idf: float, boost: int, norms: array) -> list[int]:
    """``[field, doc, weight×1000, doc delta, weight×1000, …]``, the weight computed as lunr.py's Builder does."""
    docs, frequencies = pairs[::2], pairs[1::2]
    entry = [number] * (len(pairs) + 1)
    entry[1::2] = [doc - previous for doc, previous in zip(docs, chain((0,), docs))]
    entry[2::2] = [round(round(term_idf * ((K1 + 1) * tf) / (norms[doc] + tf) * boost, 3) * 1000)
                   for doc, tf in zip(docs, frequencies)]
    return entry
