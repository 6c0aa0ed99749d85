"""The lean postings (``weights.py``) equal lunr.py's Builder's, term by term, index, document and weight."""
from __future__ import annotations

import pytest

from benchmarks.synthetic import generate_archive
from kommunearkiv.content.reader import load_archive
from kommunearkiv.search.documents import search_documents
from kommunearkiv.search.index import build_index, term_postings
from kommunearkiv.search.weights import lean_postings

from .fixture_archive import fixture_archive


def assert_same_postings(archive) -> None:
    docs = list(search_documents(archive))
    reference = term_postings(build_index(docs))
    lean = list(lean_postings(docs))
    assert [entry[:2] for entry in lean] == [entry[:2] for entry in reference]  # terms and term indexes
    for mine, lunrs in zip(lean, reference):
        assert mine == lunrs, mine[0]  # documents and weights, field by field


def test_fixture_archive():
    assert_same_postings(fixture_archive())


def test_shipped_content(shipped_archive):
    assert_same_postings(shipped_archive)


@pytest.fixture(scope="module")
def synthetic_archive(tmp_path_factory):
    content = tmp_path_factory.mktemp("weights") / "content"
    generate_archive(content, meetings=200, workers=2)
    return load_archive(content)


def test_synthetic_archive_of_200_meetings(synthetic_archive):
    docs = list(search_documents(synthetic_archive))
    assert len(docs) > 2_000  # big enough for idf and average lengths to vary
    assert_same_postings(synthetic_archive)
