"""The build's Danish pipeline (Python) against lunr-languages' (lunr.js in node): same terms."""
from __future__ import annotations

import re
from pathlib import Path

from lunr.tokenizer import Tokenizer

from kommunearkiv.search import danish

from .node_runner import run_node

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "themes" / "default" / "static" / "vendor" / "lunr-languages-1.22.0"


def sample_vocabulary() -> list[str]:
    """Every distinct token lunr's tokenizer makes of the sample documents."""
    words = set()
    for path in sorted((ROOT / "samples").glob("*.txt")):
        words.update(str(t) for t in Tokenizer(path.read_text(encoding="utf-8")))
    return sorted(words)


def python_terms(words: list[str]) -> list[str]:
    return [danish.term(w) or "" for w in words]


def test_whole_sample_vocabulary_gives_identical_terms_in_python_and_lunr_js():
    words = sample_vocabulary()
    assert len(words) > 5000
    from_js = run_node("terms.js", words)
    python = python_terms(words)
    differences = [(w, p, j) for w, p, j in zip(words, python, from_js["lunr"]) if p != j]
    assert differences == []
    assert from_js["core"] == from_js["lunr"]  # the search page's own term() agrees too


def test_stop_words_are_lunr_languages_list():
    source = (VENDOR / "lunr.da.min.js").read_text(encoding="utf-8")
    listed = re.search(r'generateStopWordFilter\("([^"]+)"\.split\(" "\)\)', source).group(1).split(" ")
    assert danish.STOP_WORDS == frozenset(listed)
    assert run_node("terms.js", sorted(danish.STOP_WORDS))["lunr"] == [""] * len(danish.STOP_WORDS)


def test_edge_cases_agree():
    words = ["15/839", "emn", "2019", "00607", "§17", "«budgettet»", "(møderne)", "...", "—", "co2-udledning",
             "ærø", "ÆBLER", "naïve", "1.", "’", "x²", "fødselsdagen!"]
    words = [w.lower() for w in words]
    assert python_terms(words) == run_node("terms.js", words)["lunr"]
