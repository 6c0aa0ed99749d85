"""Search documents → terms counted per field → the term entries of the shards.

A document's fields go through lunr's tokenizer and lunr.py's ``Pipeline`` with
the Danish functions (once per distinct word and field). What the index keeps
of a term is, per field, every document holding it with the term's frequency
there and the field's length: the figures BM25 needs besides the global ones
(document count, average field lengths), which the manifest holds and the
browser combines exactly as lunr.js's ``Builder`` does. So adding documents
changes the entries of their own terms only.

Besides, each posting tells the block of the document's text (``text.block_starts``) where the term first
occurs in the field (0 in the fields that are not of that text, and for a text of one block), so that the
search page loads the block to cut the hit's snippet from.

An entry in memory is ``{field number: (ids, frequencies, lengths, blocks)}``; encoded
it is ``[term, [field, id delta, tf, length, block, id delta, tf, length, block, …], …]``: one
list per municipality and field holding the term, ordered by municipality, then
field (ids ascending, the first one of each list from 0). A list's first delta is
its first id, which tells the municipality (``numbering.municipality_of``), so an
update decodes and encodes only the lists of the municipalities it changed and
takes the others as orjson parsed them (``segments.py``, which also keeps a
municipality's large lists in a file of their own).
"""
from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate

from lunr.token import Token
from lunr.utils import as_string

from .documents import FIELDS, SearchDocument
from .index import index_pipeline, tokens, tokens_at, utf16_order
from .numbering import MUNICIPALITY_SHIFT, municipality_of
from .text import block_starts

_PIPELINE = index_pipeline()
FIELD_NAMES = tuple(name for name, _ in FIELDS)

Entry = dict[int, tuple[list[int], list[int], list[int], list[int]]]
WIDTH = 4  # numbers per posting in an encoded list


class _Vocabulary(dict):
    """Word → term, or None for a word the pipeline drops, in one field (the identifier fields skip the
    Danish steps)."""

    def __init__(self, field: str):
        super().__init__()
        self.field = field

    def __missing__(self, word: str) -> str | None:
        # Tokenizer's last step, then the pipeline, whose Danish steps give one token or none.
        (term,) = [str(t) for t in _PIPELINE.run([Token(as_string(word).lower())], self.field)] or [None]
        self[word] = term
        return term


_VOCABULARIES = [_Vocabulary(name) for name in FIELD_NAMES]


def field_terms(doc: SearchDocument) -> dict[str, list[str]]:
    """Each field's terms after the pipeline, in order: what lunr's ``Builder`` indexes of the document."""
    fields = doc.fields()
    return {name: [t for t in map(vocabulary.__getitem__, tokens(fields[name])) if t is not None]
            for name, vocabulary in zip(FIELD_NAMES, _VOCABULARIES)}


@dataclass
class Counted:
    """One document's terms: per field the frequency of each term, the field's length, and the block of the
    text where a term first occurs (only those past the first block)."""

    id: int
    frequencies: list[Counter]
    lengths: tuple[int, ...]
    blocks: list[dict[str, int]]


def count(doc_id: int, doc: SearchDocument) -> Counted:
    """The document's terms per field, with the block of its text where each first occurs."""
    fields, starts = doc.fields(), block_starts(doc.text)
    frequencies, lengths, blocks = [], [], []
    for name, vocabulary in zip(FIELD_NAMES, _VOCABULARIES):
        located = _located_terms(doc, name, fields[name], vocabulary) if len(starts) > 1 else None
        terms = [t for t, _ in located] if located is not None else _terms(fields[name], vocabulary)
        frequencies.append(Counter(terms))
        lengths.append(len(terms))
        blocks.append(_first_blocks(located, starts) if located else {})
    return Counted(doc_id, frequencies, tuple(lengths), blocks)


def _terms(value: str | list[str], vocabulary: _Vocabulary) -> list[str]:
    return [t for t in map(vocabulary.__getitem__, tokens(value)) if t is not None]


def _located_terms(doc: SearchDocument, name: str, value: str | list[str],
                   vocabulary: _Vocabulary) -> list[tuple[str, int]] | None:
    """A field's terms with where each stands in ``doc.text`` (a mentioned identifier: where it first does);
    None for a field that is not of that text."""
    if name == "mentions":
        lower = doc.text.lower()
        return [(t, max(lower.find(t), 0)) for t in _terms(value, vocabulary)]
    offset = doc.text_offset(name)
    if offset is None:
        return None
    return [(t, offset + at) for t, at in ((vocabulary[token], at) for token, at in tokens_at(value)) if t is not None]


def _first_blocks(located: list[tuple[str, int]], starts: list[int]) -> dict[str, int]:
    """Term → the block where it first stands, for those past the first block."""
    first: dict[str, int] = {}
    for term, at in located:
        if term not in first:
            first[term] = bisect_right(starts, at) - 1
    return {t: b for t, b in first.items() if b}


class Postings:
    """Term counts of documents added in id order, compactly (per field and term an array of document
    ordinal, frequency and block triples), for writing every entry of a new index."""

    def __init__(self):
        self.ids = array("Q")
        self.lengths = [array("I") for _ in FIELDS]
        self.triples: list[dict[str, array]] = [{} for _ in FIELDS]

    def add(self, counted: Counted) -> None:
        ordinal = len(self.ids)
        self.ids.append(counted.id)
        for number, frequencies in enumerate(counted.frequencies):
            self.lengths[number].append(counted.lengths[number])
            triples, blocks = self.triples[number], counted.blocks[number]
            for term, tf in frequencies.items():
                found = triples.get(term)
                if found is None:
                    found = triples[term] = array("I")
                found.append(ordinal)
                found.append(tf)
                found.append(blocks.get(term, 0))

    def entries(self) -> Iterator[tuple[str, Entry]]:
        """Every term's entry, in JavaScript string order."""
        terms = set().union(*self.triples)
        for term in sorted(terms, key=utf16_order):
            entry = {}
            for number, triples in enumerate(self.triples):
                found = triples.get(term)
                if found is not None:
                    ordinals = found[::3]
                    entry[number] = ([self.ids[o] for o in ordinals], found[1::3].tolist(),
                                     [self.lengths[number][o] for o in ordinals], found[2::3].tolist())
            yield term, entry


def field_lists(entry: Entry) -> list[list[int]]:
    """The encoded lists of an entry: one per municipality and field, in that order."""
    lists = []
    for number in sorted(entry):
        ids, frequencies, lengths, blocks = entry[number]
        start = 0
        while start < len(ids):  # once per municipality: its ids end where the next one's begin
            end = bisect_left(ids, (municipality_of(ids[start]) + 1) << MUNICIPALITY_SHIFT, start)
            flat = [number] * (WIDTH * (end - start) + 1)
            flat[1::WIDTH] = [b - a for a, b in zip([0, *ids[start:end]], ids[start:end])]
            flat[2::WIDTH] = frequencies[start:end]
            flat[3::WIDTH] = lengths[start:end]
            flat[4::WIDTH] = blocks[start:end]
            lists.append(flat)
            start = end
    return sorted(lists, key=_list_order)


def _list_order(flat: list[int]) -> tuple[int, int]:
    return municipality_of(flat[1]), flat[0]


def decode(encoded: list) -> tuple[str, Entry]:
    """``encode``'s JSON, parsed, back to a term and its entry."""
    term, *lists = encoded
    entry: Entry = {}
    for flat in lists:  # a field's lists in municipality order: its ids stay ascending
        ids, frequencies, lengths, blocks = entry.setdefault(flat[0], ([], [], [], []))
        ids += accumulate(flat[1::WIDTH])
        frequencies += flat[2::WIDTH]
        lengths += flat[3::WIDTH]
        blocks += flat[4::WIDTH]
    return term, entry


Changes = dict[int, dict[int, tuple[list[int], list[tuple[int, int, int, int]]]]]  # municipality → field → (removed, added)


def changed(entry: Entry, field: int, removed: Iterable[int], added: Iterable[tuple[int, int, int, int]]) -> None:
    """Take the documents ``removed`` out of a field of the entry and put ``added`` ``(id, tf, length, block)``
    in (a few documents into lists of up to every document: found by bisection, moved in place)."""
    ids, frequencies, lengths, blocks = entry.get(field) or ([], [], [], [])
    for doc in removed:
        k = bisect_left(ids, doc)
        if k < len(ids) and ids[k] == doc:
            del ids[k], frequencies[k], lengths[k], blocks[k]
    for doc, tf, length, block in added:
        k = bisect_left(ids, doc)
        ids.insert(k, doc), frequencies.insert(k, tf), lengths.insert(k, length), blocks.insert(k, block)
    if ids:
        entry[field] = (ids, frequencies, lengths, blocks)
    else:
        entry.pop(field, None)
