"""The index's entries hold what lunr.py's Builder counts: for every term and field, each document with the
term's frequency and the field's length."""
from __future__ import annotations

from collections import defaultdict

import pytest
from lunr.builder import Builder

from benchmarks.synthetic import generate_archive
from kommunearkiv.content.reader import load_archive
from kommunearkiv.search.danish import stemmer, trimmer
from kommunearkiv.search.documents import FIELDS
from kommunearkiv.search.index import index_pipeline, tokens, utf16_order
from kommunearkiv.search.numbering import numbered_documents
from kommunearkiv.search.postings import Postings, count

from .fixture_archive import fixture_archive


def lunr_counts(documents) -> dict[str, dict[int, tuple[list, list, list]]]:
    """term → field number → (ids, frequencies, lengths), from a lunr.py ``Builder`` given the documents."""
    builder = Builder()
    builder.pipeline = index_pipeline()
    builder.search_pipeline.add(trimmer, stemmer)
    builder.ref("id")
    for name, boost in FIELDS:
        builder.field(name, boost)
    for doc_id, doc in documents:
        builder.add({"id": doc_id, **{name: tokens(value) for name, value in doc.fields().items()}})
    numbers = {name: n for n, (name, _) in enumerate(FIELDS)}
    found = defaultdict(lambda: defaultdict(lambda: ([], [], [])))
    for field_ref, frequencies in builder.field_term_frequencies.items():  # in the order documents were added
        field, _, doc_ref = str(field_ref).partition("/")
        number, doc_id = numbers[field], int(doc_ref)
        for term, tf in frequencies.items():
            ids, tfs, lengths = found[term][number]
            ids.append(doc_id), tfs.append(tf), lengths.append(builder.field_lengths[field_ref])
    return found


def assert_same_counts(archive) -> None:
    documents = list(numbered_documents(archive))
    assert [doc_id for doc_id, _ in documents] == sorted(doc_id for doc_id, _ in documents)
    postings = Postings()
    for doc_id, doc in documents:
        postings.add(count(doc_id, doc))
    mine = list(postings.entries())
    reference = lunr_counts(documents)
    assert [term for term, _ in mine] == sorted(reference, key=utf16_order)
    for term, entry in mine:
        assert {field: lists[:3] for field, lists in entry.items()} == dict(reference[term]), term


def test_fixture_archive():
    assert_same_counts(fixture_archive())


def test_shipped_content(shipped_archive):
    assert_same_counts(shipped_archive)


@pytest.fixture(scope="module")
def synthetic_archive(tmp_path_factory):
    content = tmp_path_factory.mktemp("postings") / "content"
    generate_archive(content, meetings=100, workers=2)
    return load_archive(content)


def test_synthetic_archive_of_100_meetings(synthetic_archive):
    assert sum(1 for _ in numbered_documents(synthetic_archive)) > 1_000
    assert_same_counts(synthetic_archive)
