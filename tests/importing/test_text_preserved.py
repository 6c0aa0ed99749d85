"""Text preservation over every sample document of every format.

Every sentence of an open item and of an attachment in the source must be
found in the parsed output, and no sentence may be output more often than the
source has it. Both sides are compared without markup (Markdown, HTML,
bullet glyphs) and without whitespace, so re-joined line wraps and tables
rebuilt from tab rows compare equal to their source. Closed items must not
carry any of their text into the output.
"""
from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

import pytest

from kommunearkiv.importing import detect_format, parse_document, read_lines
from kommunearkiv.importing.normalise import normalise

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.txt"))
BOUNDARY = re.compile(r"<[^>]*>|\*\*|\t|\||^#+ |\n\s*\n|(?<=[.!?:;])\s+", re.M)
BULLET = re.compile(r"^\s*(?:[-*+•\uf0b7·▪┆]\s*)+(?:[|)]\s*|1\s+(?=[A-ZÆØÅ]))?", re.M)
MARKUP = re.compile(r"-\)|[*_#|\\>`-]|<[^>]*>|[\x00-\x1f\x7f-\x9f]|\s+")  # a hyphen (or "-)") may be a bullet a converter ran into the text; control characters are no text
CLOSED_KEYS = {"number", "title", "access", "lines"}
TABLE_RULE = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+\s*$", re.M)
WORD = re.compile(r"\w+")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
HYPHENATED_END = re.compile(r"\s\w+-$")
HYPHENATED = re.compile(r"([a-zæøå])- ([a-zæøå])")
DATE_WORDS = {"kl", "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
              "oktober", "november", "december"}
MIN_WORDS = 3
LONG_SENTENCE = 40
SHORT_FRAGMENT = 12


def squeeze(text: str) -> str:
    """Text without markup, links' addresses, table rules and whitespace, for comparison."""
    return MARKUP.sub("", BULLET.sub("", html.unescape(LINK.sub(r"\1", TABLE_RULE.sub("", text)))))


def found(fragment: str, output: str, words: set[str]) -> bool:
    """A sentence appears whole (a word hyphenated at a line end may be joined again); a short
    fragment (a label, a table cell run, a heading the parser split into fields) may have its
    words spread over the output. A word broken at the fragment's end (``suc-`` before a page
    break) is joined in the output: it is left out."""
    fragment = HYPHENATED_END.sub("", fragment)
    if squeeze(fragment) in output or squeeze(HYPHENATED.sub(r"\1\2", fragment)) in output:
        return True
    parts = [w for w in WORD.findall(fragment.lower()) if w not in DATE_WORDS and not w.isdigit()]
    return len(parts) < SHORT_FRAGMENT and all(part in words for part in parts)


def sentences(text: str) -> list[str]:
    """The sentences and fragments of source text worth finding: three words or more, not all capitals."""
    out = []
    for part in BOUNDARY.split(text):
        part = BULLET.sub("", " ".join(part.split()))
        if len(part.split()) >= MIN_WORDS and any(c.islower() for c in part):
            out.append(part)
    return out


def source_text(lines: list[str], ranges: list[list[int]]) -> str:
    """The lines of the ranges without their first (heading) line and bullet glyphs;
    each table row (a line with a tab) is its own paragraph."""
    chosen = [BULLET.sub("", line) for first, last in ranges for line in lines[first:last] + [""]]
    return "\n".join(f"\n{line}\n" if "\t" in line else line for line in chosen)


def output_texts(form: dict) -> tuple[list[str], list[str]]:
    """(every string of the items and attachments, the Markdown bodies alone)."""
    bodies, labels = [], []
    for item in form["items"]:
        bodies += [s["text"] for s in item.get("sections", [])] + [d["text"] for d in item.get("earlier_decisions", [])]
        bodies += [item.get("decision") or ""]
        labels += [item["title"], item.get("case_number") or "", item.get("item_type") or "",
                   item.get("decision_heading") or ""] + [s["heading"] for s in item.get("sections", [])]
        labels += [d["body"] for d in item.get("earlier_decisions", [])] + item.get("attachments", [])
        labels += item.get("absent", [])
    for document in form["attachment_documents"]:
        bodies.append(document["text"])
        labels += [document["title"], document.get("reference") or ""]
    return bodies + labels, bodies


def parsed(path: Path) -> tuple[list[str], dict]:
    return read_lines(path), parse_document(path)


@pytest.fixture(scope="module", params=SAMPLES, ids=[p.name for p in SAMPLES])
def document(request):
    return parsed(request.param)


def open_ranges(form: dict) -> list[list[int]]:
    items = [item["lines"] for item in form["items"] if item["access"] == "open"]
    return items + [document["lines"] for document in form["attachment_documents"]]


def lost_sentences(lines: list[str], ranges: list[list[int]], form: dict) -> list[str]:
    """The sentences of the source lines' ranges that the parsed ``form`` does not carry."""
    texts = output_texts(form)[0]
    everything = squeeze("\n".join(texts))
    words = set(WORD.findall(html.unescape("\n".join(texts)).lower()))
    return [s for s in sentences(source_text(lines, ranges)) if not found(s, everything, words)]


def test_every_source_sentence_is_in_the_output(document):
    lines, form = document
    missing = lost_sentences(lines, open_ranges(form), form)
    assert not missing, f"{len(missing)} sentences lost, e.g. {missing[:5]}"


def test_no_sentence_is_output_more_often_than_the_source_has_it(document):
    lines, form = document
    source = squeeze(source_text(lines, open_ranges(form)))
    output = squeeze("\n".join(output_texts(form)[1]))
    long_ones = Counter(squeeze(s) for s in sentences(source_text(lines, open_ranges(form))) if len(s) >= LONG_SENTENCE)
    doubled = [s for s in long_ones if output.count(s) > source.count(s)]
    assert not doubled, f"{len(doubled)} sentences output too often, e.g. {doubled[:3]}"


def test_closed_items_carry_nothing_but_number_title_access_and_lines(document):
    lines, form = document
    for item in form["items"]:
        if item["access"] == "closed":
            extra = {key: value for key, value in item.items() if key not in CLOSED_KEYS and value}
            assert not extra, f"closed item {item['number']} carries {sorted(extra)}"


def test_closed_items_text_is_not_output(document):
    lines, form = document
    closed = [item for item in form["items"] if item["access"] == "closed"]
    everything = squeeze("\n".join(output_texts(form)[1]))
    for item in closed:
        body = source_text(lines, [item["lines"]]).replace(item["title"], "")
        leaked = [s for s in sentences(body) if len(s) >= LONG_SENTENCE and squeeze(s) in everything]
        assert not leaked, f"closed item {item['number']} leaks {leaked[:3]}"


def test_the_samples_cover_every_format():
    names = {detect_format(normalise("\n".join(read_lines(path))), path).NAME for path in SAMPLES}
    assert names == {"alleroed", "gentofte", "lyngby"}
