"""The index files themselves: same results as one whole lunr.js index, closed items kept out, stable bytes."""
from __future__ import annotations

import importlib.util
import itertools
import json
import re
from pathlib import Path

import pytest

from kommunearkiv.search import write_search_index
from kommunearkiv.search.index import utf16_order
from kommunearkiv.search.numbering import numbered_documents
from kommunearkiv.search.postings import field_terms
from kommunearkiv.search.segments import SEGMENT_SHARE

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
    "sagsbehandlingen borger*", "borgere borgere", "budget forslag", "sagsbehandlingen", "langtidsledige",
    "jobformidling", "ledighedsydelse langtidsledige",
]


def data_of(path):
    """The JSON payload of one ``kommunearkivSearch.receive(key, data);`` file."""
    text = path.read_text(encoding="utf-8")
    return json.loads(re.fullmatch(r'kommunearkivSearch\.receive\("[^"]+",(.*)\);\n', text, re.S).group(1))


@pytest.fixture(scope="module")
def synthetic_site(tmp_path_factory):
    """300 synthetic items with small shards, and the same documents' terms (for a whole lunr.js index)."""
    archive = synthetic_archive(300)
    site = tmp_path_factory.mktemp("synthetic")
    figures = write_search_index(archive, site, shard_bytes=2_000)
    documents = {doc_id: doc for doc_id, doc in numbered_documents(archive)}
    terms = site / "documents.json"
    terms.write_text(json.dumps([[doc_id, field_terms(doc)] for doc_id, doc in documents.items()]), encoding="utf-8")
    return site, figures, terms, documents


def municipality_of(manifest, doc_id):
    """The municipality number of a document id, by the manifest's layout (the bits above the committee)."""
    layout = manifest["layout"]
    return doc_id >> (layout["local"] + layout["type"] + layout["year"] + layout["committee"])


def in_tie_order(hits):
    """The ids of ``[[id, score, tier], ...]`` in their order, but those next to each other of one tier with scores
    within 1e-12 relative counted as ties, by id."""
    groups = []
    for ref, score, tier in hits:
        if groups and tier == groups[-1][0][2] and abs(score - groups[-1][0][1]) <= abs(score) * 1e-12:
            groups[-1].append((ref, score, tier))
        else:
            groups.append([(ref, score, tier)])
    return [ref for group in groups for ref, *_ in sorted(group)]


def assert_same_hits(sharded, whole, exact, query):
    """The same hits: to the bit, in the same order; or, not ``exact``, scores to 1e-12 relative, and the
    same order where two scores differ by more (two equal sums may round apart in one order and not the other)."""
    if exact:
        assert sharded == whole, query
        return
    assert in_tie_order(sharded) == in_tie_order(whole), query
    expected = {ref: score for ref, score, _ in whole}
    assert all(score == pytest.approx(expected[ref], rel=1e-12, abs=0) for ref, score, _ in sharded), query


def test_sharded_results_equal_a_whole_lunr_js_index(synthetic_site):
    """The whole index is lunr.js's own Builder over the same documents. Its term indexes follow the order
    terms first appear in; the index search-core.js rebuilds per query numbers its terms in sorted order. A
    field's score is a dot product summed in term index order, so with three or more terms the same products
    may be added in another order (float addition is not associative): equal up to 1e-12 relative. With one
    or two terms the order cannot matter, and the scores are equal to the bit."""
    site, figures, terms, _ = synthetic_site
    folder = site / "search" / "index"
    assert figures["shards"] > 50
    manifest = data_of(folder / "manifest.js")
    answers = run_node("queries.js", QUERIES, str(folder), str(terms))
    assert sum(1 for a in answers if a["sharded"]) == len(QUERIES) - 1  # all but "x" find something
    assert any(a["terms"] > 2 for a in answers) and sum(1 for a in answers if 0 < a["terms"] <= 2) >= 5
    for query, answer in zip(QUERIES, answers):
        sharded, whole = answer["sharded"], answer["whole"]
        assert_same_hits(sharded, whole, answer["terms"] <= 2, query)
        assert answer["total"] == answer["bestTotal"] == len(whole), query
        # lunr.js scores only the best few: they are the first of all hits, to the bit
        assert answer["best"] == sharded[:10], query
        first_municipality = [hit for hit in sharded if municipality_of(manifest, hit[0]) == 0]
        assert answer["firstMunicipality"] == first_municipality[:10], query
        assert answer["firstMunicipalityTotal"] == len(first_municipality), query
        assert len(first_municipality) == sum(1 for hit in whole if municipality_of(manifest, hit[0]) == 0), query


def test_facets_are_read_from_the_id(synthetic_site):
    site, _, _, documents = synthetic_site
    folder = site / "search" / "index"
    manifest = data_of(folder / "manifest.js")
    answers = run_node("queries.js", ["borgere", "udvalget"], str(folder))
    seen = set()
    for answer in answers:
        for (ref, *_), facets in zip(answer["sharded"], answer["facets"]):
            doc = documents[ref]
            municipality = manifest["municipalities"][facets["municipality"]]
            committees = manifest["committees"][facets["municipality"]]
            committee = committees[facets["committee"] - 1][0] if facets["committee"] else ""
            assert (municipality[0], committee, facets["year"], manifest["types"][facets["type"]][0]) == \
                (doc.municipality, doc.committee, doc.year, doc.kind)
            seen.add((doc.municipality, doc.kind, bool(doc.committee)))
    assert len({m for m, _, _ in seen}) > 1 and len({k for _, k, _ in seen}) >= 4 and (True in {c for *_, c in seen})
    assert manifest["years"] == sorted({doc.year for doc in documents.values() if doc.year})


def test_shards_hold_their_ranges_and_are_named_in_the_manifest(synthetic_site):
    site, figures, _, _ = synthetic_site
    folder = site / "search" / "index"
    shards = data_of(folder / "manifest.js")["shards"]
    firsts = [first for first, _ in shards]
    assert len(shards) == figures["shards"] and firsts == sorted(firsts, key=utf16_order)
    assert sorted(f"{key}.js" for _, key in shards) == sorted(p.name for p in (folder / "t").glob("*.js"))
    for n, (first, key) in enumerate(shards):
        terms = [entry[0] for entry in data_of(folder / "t" / f"{key}.js")]
        assert terms[0] == first and terms == sorted(terms, key=utf16_order)
        assert n + 1 == len(shards) or utf16_order(terms[-1]) < utf16_order(firsts[n + 1])


def test_entries_list_each_municipality_apart_with_large_ones_in_segment_files(synthetic_site):
    """Per entry: field lists ordered by municipality then field, each list's ids of one municipality from
    its first id; a municipality's lists of ``shard_bytes / SEGMENT_SHARE`` bytes or more in ``p/``, by key."""
    site, _, _, _ = synthetic_site
    folder = site / "search" / "index"
    manifest = data_of(folder / "manifest.js")
    referenced, inline = set(), 0
    for _, key in manifest["shards"]:
        for term, *lists in data_of(folder / "t" / f"{key}.js"):
            groups = []  # (municipality, [field lists]) in entry order
            for flat in lists:
                if isinstance(flat[0], str):
                    referenced.add(flat[0])
                    segment = data_of(folder / "p" / f"{flat[0]}.js")
                    assert len(json.dumps(segment, separators=(",", ":"))) >= 2_000 // SEGMENT_SHARE, term
                    groups.append((int(flat[0].split("-")[0]), segment))
                else:
                    inline += 1
                    groups.append((municipality_of(manifest, flat[1]), [flat]))
            order = [(m, flat[0]) for m, group in groups for flat in group]
            assert order == sorted(set(order)), term
            for m, group in groups:
                for flat in group:
                    ids = list(itertools.accumulate(flat[1::4]))
                    assert {municipality_of(manifest, i) for i in ids} == {m} and ids == sorted(set(ids)), term
    assert referenced and inline
    assert sorted(f"{key}.js" for key in referenced) == sorted(p.name for p in (folder / "p").glob("*.js"))


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


def test_first_results_leave_out_only_common_compounds(synthetic_site):
    """The first results (search-core.js, `first`) are some of the complete results: a word's compound prefix
    reaches only terms without segment files; a prefix the reader wrote (`bor*`) is complete at once."""
    folder = str(synthetic_site[0] / "search" / "index")
    queries = ["forslag budget borgere", "borgere", "ledighedsydelse", "bor*"]
    complete = run_node("ranks.js", queries, folder, "100000", env={"KOMMUNEARKIV_SEARCH_FIRST": "0"})
    first = run_node("ranks.js", queries, folder, "100000", env={"KOMMUNEARKIV_SEARCH_FIRST": "1"})
    for query, c, f in zip(queries, complete, first):
        assert len(f["urls"]) == f["total"] <= c["total"] == len(c["urls"]), query
        assert set(f["urls"]) <= set(c["urls"]), query
    assert first[-1] == complete[-1]
    assert any(f["total"] < c["total"] for c, f in zip(complete, first))  # the small shards make segments
