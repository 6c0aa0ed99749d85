"""The converter variants change layout only: every word of the document stays, in order."""
from __future__ import annotations

import difflib
import html
import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from test_text_preserved import SAMPLES
from variants import (EMPHASIS_TAG, FURNITURE, NBSP, SHY, TAG, ZWSP, VARIANTS, crlf_nbsp, html_tagged, hyphenated,
                      one_line_per_page, plain_line, rewrapped, running_header, with_furniture, without_bold)

WORD = re.compile(r"[^\W_]+")
PAGE_NUMBER = re.compile(r"^\d+ ", re.M)
FOOTER = re.compile(r"^Side (\d+) af (\d+)$", re.M)
INSERTED_HYPHEN = re.compile(r" ([a-zæøå]+)-\n( *)([a-zæøå]+)")
ODD_CHARACTERS = {"\r", "\f", NBSP, ZWSP, SHY}
TEXTS = {sample.stem[:3]: sample.read_text(encoding="utf-8") for sample in SAMPLES}
ANY_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_characters=ODD_CHARACTERS | {"\x00"}), max_size=400)
LOWER_PROSE = st.lists(st.sampled_from(["og", "arbejdsmarkedet", "beskæftigelsesindsatsen", "udvalget", "\n", "\n\n",
                                        "- ", "sagsbeskrivelse", "at", "forvaltningen"]), max_size=120).map(" ".join)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def text_words(text: str, header: str) -> list[str]:
    """The words of a document or variant without markup and without what converters add: odd characters,
    page furniture, the running header."""
    for mark in (ZWSP, SHY, "\r"):
        text = text.replace(mark, "")
    text = FURNITURE.sub("", text.replace(NBSP, " ")).replace(header, "")
    return words("\n".join(map(plain_line, text.split("\n"))))


def changes(before: list[str], after: list[str], splits_allowed: bool) -> list[tuple[list[str], list[str]]]:
    """Where two word lists differ; with ``splits_allowed``, a word split in parts is no change."""
    opcodes = difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    found = [(before[i1:i2], after[j1:j2]) for op, i1, i2, j1, j2 in opcodes if op != "equal"]
    return [(old, new) for old, new in found if not (splits_allowed and "".join(old) == "".join(new))]


@pytest.mark.parametrize("sample", TEXTS)
@pytest.mark.parametrize("name", VARIANTS)
def test_every_variant_keeps_every_word_of_a_sample(name, sample):
    text = TEXTS[sample]
    rendered = VARIANTS[name](text)
    if name == "one_line_per_page":
        rendered = PAGE_NUMBER.sub("", rendered)
    header = running_header(text)
    found = changes(text_words(text, header), text_words(rendered, header), splits_allowed=name in ("hyphenated", "other_markdown_writer"))  # "2017__1." tokenised apart
    assert not found, f"{len(found)} changes, e.g. {found[:3]}"


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_crlf_nbsp_only_adds_odd_characters(text):
    rendered = crlf_nbsp(text)
    for mark in (ZWSP, SHY, "\r"):
        rendered = rendered.replace(mark, "")
    assert rendered.replace(NBSP, " ") == text


@pytest.mark.parametrize("sample", TEXTS)
def test_crlf_nbsp_changes_line_ends_spaces_and_words(sample):
    rendered = crlf_nbsp(TEXTS[sample])
    assert "\n" not in rendered.replace("\r\n", "") and all(mark in rendered for mark in (NBSP, ZWSP, SHY))


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_without_bold_only_drops_emphasis(text):
    def bare(t: str) -> str:
        return re.sub(r"[*_]", "", EMPHASIS_TAG.sub("", t))
    assert bare(without_bold(text)) == bare(text)


@pytest.mark.parametrize("sample", TEXTS)
def test_without_bold_leaves_no_emphasis(sample):
    assert not re.search(r"\*\*|</?(?:b|strong|i|em)>", without_bold(TEXTS[sample]))


@settings(max_examples=200, deadline=None)
@given(ANY_TEXT)
def test_html_tagged_keeps_the_words(text):
    assert words(html.unescape(TAG.sub(" ", html_tagged(text)))) == words(html.unescape(TAG.sub(" ", text)))


@pytest.mark.parametrize("sample", TEXTS)
def test_html_tagged_tags_every_line(sample):
    rendered = html_tagged(TEXTS[sample])
    assert all(re.match(r"<(?:p|h\d|hr/)>", line) for line in rendered.split("\n") if line.strip())
    assert "<br>" in rendered and "**" not in rendered


@pytest.mark.parametrize("sample", TEXTS)
@given(page_lines=st.integers(45, 60))
@settings(max_examples=10, deadline=None)
def test_with_furniture_numbers_its_pages_and_inserts_nothing_else(sample, page_lines):
    text = TEXTS[sample]
    rendered = with_furniture(text, page_lines)
    total = rendered.rsplit("\n", 1)[-1].rsplit(" ", 1)[-1]
    pages = [page for page, of in FOOTER.findall(rendered) if of == total]
    assert pages == [str(page) for page in range(1, int(total) + 1)] and int(total) > 2

    def kept(t: str) -> list[str]:
        inserted = {running_header(text), "background image", ""}
        return [line for line in t.replace("\f", "").split("\n") if line not in inserted and not FURNITURE.match(line)]
    assert kept(rendered) == kept(text)


@settings(max_examples=100, deadline=None)
@given(LOWER_PROSE, st.integers(30, 80))
def test_rewrapped_keeps_the_words_and_blank_lines_within_the_width(text, width):
    rendered = rewrapped(text, width)
    blank_lines = [sum(1 for line in t.split("\n") if not line.strip()) for t in (text, rendered)]
    assert words(rendered) == words(text) and blank_lines[0] == blank_lines[1]
    assert all(len(line.rstrip()) <= width or " " not in line.strip() for line in rendered.split("\n"))


@settings(max_examples=100, deadline=None)
@given(LOWER_PROSE)
def test_hyphenated_only_splits_words_across_line_ends(text):
    assert INSERTED_HYPHEN.sub(r"\n\2\1\3", hyphenated(text)) == rewrapped(text)


@pytest.mark.parametrize("sample", TEXTS)
def test_hyphenated_splits_some_words_of_a_sample(sample):
    assert INSERTED_HYPHEN.search(hyphenated(TEXTS[sample]))


@pytest.mark.parametrize("sample", TEXTS)
@given(page_lines=st.integers(40, 60), numbered=st.booleans())
@settings(max_examples=10, deadline=None)
def test_one_line_per_page_has_one_line_a_page(sample, page_lines, numbered):
    text = TEXTS[sample]
    pages = one_line_per_page(text, page_lines, numbered).split("\n\n")
    assert not re.search(r"\n|\*\*|<[a-z]", "".join(pages))
    assert len(pages) == math.ceil(sum(1 for line in text.split("\n") if plain_line(line)) / page_lines)
    assert not numbered or [int(page.split(" ", 1)[0]) for page in pages] == list(range(1, len(pages) + 1))
