"""The index files themselves: same results as one whole index, closed items kept out, stable bytes."""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from kommunearkiv.search import write_search_index
from kommunearkiv.search.documents import search_documents
from kommunearkiv.search.index import build_index

from .fixture_archive import CLOSED_WORD, fixture_archive
from .node_runner import run_node

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "search_benchmark.py"
_spec = importlib.util.spec_from_file_location("search_benchmark", BENCHMARK)
search_benchmark = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(search_benchmark)
synthetic_archive = search_benchmark.synthetic_archive

QUERIES = [
    "borgere", "forslag budget borgere", "ledighedsydelse", "beskæftigelsen", "kommunen virksomheder indsats",
    "udvalget", "emn-2010-00003", "10/12", "borgerne budgettet", "bor*", "virk*", "aktivering", "x",
    "sagsbehandlingen borger*",
]


def data_of(path):
    """The JSON payload of one ``kommunearkivSearch.receive(key, data);`` file."""
    text = path.read_text(encoding="utf-8")
    return json.loads(re.fullmatch(r'kommunearkivSearch\.receive\("[^"]+",(.*)\);\n', text, re.S).group(1))


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory):
    """300 synthetic items with small shards, and the whole lunr.py index of the same documents."""
    archive = synthetic_archive(300)
    site = tmp_path_factory.mktemp("synthetic")
    figures = write_search_index(archive, site, shard_bytes=2_000)
    whole = site / "whole.json"
    whole.write_text(json.dumps(build_index(list(search_documents(archive))).serialize()), encoding="utf-8")
    return site, figures, whole


def test_sharded_results_equal_the_whole_index(synthetic_site):
    site, figures, whole = synthetic_site
    assert figures["shards"] > 50
    answers = run_node("queries.js", QUERIES, str(site / "search" / "index"), str(whole))
    groups = data_of(site / "search" / "index" / "manifest.js")["groups"]
    municipality_of_document = [group[1] for group in groups for _ in range(group[0])]
    assert sum(1 for a in answers if a["sharded"]) == len(QUERIES) - 1  # all but "x" find something
    for query, answer in zip(QUERIES, answers):
        assert answer["sharded"] == answer["whole"], query
        assert answer["best"] == answer["whole"][:10], query  # lunr.js scores only the best few
        assert answer["total"] == answer["bestTotal"] == len(answer["whole"]), query
        first_municipality = [hit for hit in answer["whole"] if municipality_of_document[hit[0]] == 0]
        assert answer["firstMunicipality"] == first_municipality[:10], query
        assert answer["firstMunicipalityTotal"] == len(first_municipality), query


def test_a_query_loads_only_its_shards(synthetic_site):
    site, figures, _ = synthetic_site
    shards = data_of(site / "search" / "index" / "manifest.js")["shards"]
    assert len(shards) == figures["shards"] and shards == sorted(shards)
    for n, first in enumerate(shards):
        terms = [entry[0] for entry in data_of(site / "search" / "index" / "t" / f"{n}.js")]
        assert terms[0] == first and terms == sorted(terms)
        assert n + 1 == len(shards) or terms[-1] < shards[n + 1]


def test_closed_items_give_their_title_only(tmp_path):
    write_search_index(fixture_archive(), tmp_path)
    everything = "".join(p.read_text(encoding="utf-8") for p in sorted((tmp_path / "search").rglob("*.js")))
    assert "grund" in everything  # the closed item's title is searchable
    assert CLOSED_WORD.lower()[:8] not in everything.lower()
    assert "15/9999" not in everything and "boligbyggeri" not in everything


def test_same_input_gives_byte_identical_files(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert write_search_index(fixture_archive(), first) == write_search_index(fixture_archive(), second)
    files = sorted(p.relative_to(first) for p in first.rglob("*.js"))
    assert files == sorted(p.relative_to(second) for p in second.rglob("*.js"))
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_a_rebuild_leaves_no_stale_shards(tmp_path):
    write_search_index(synthetic_archive(100), tmp_path, shard_bytes=1_000)
    figures = write_search_index(fixture_archive(), tmp_path)
    assert len(list((tmp_path / "search" / "index" / "t").glob("*.js"))) == figures["shards"]
