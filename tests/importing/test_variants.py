"""Every sample, as other converters give it, imports to the same facts (issue 15).

Each sample is re-rendered by each generator of ``variants.py`` and imported
from a file like any document. The variant must give the facts of the original
(``facts.py``), keep every sentence of the original's open items and
attachments, carry none of the page furniture into its text, and import into
content that ``build.py check`` accepts. Random page lengths and wrap widths
are tried with a few examples each.
"""
from __future__ import annotations

import functools
from collections import Counter
import tempfile
from pathlib import Path

import pytest
from hypothesis import Phase, example, given, settings
from hypothesis import strategies as st

from facts import differences, facts
from kommunearkiv.content.reader import load_archive
from kommunearkiv.errors import InputError
from kommunearkiv.importing import parse_document
from kommunearkiv.importing.batch import import_documents
from test_text_preserved import SAMPLES, lost_sentences, open_ranges, output_texts, squeeze
from variants import FURNITURE, VARIANTS, one_line_per_page, rewrapped, running_header, with_furniture

CASES = [(sample, name) for sample in SAMPLES for name in VARIANTS]
IDS = [f"{sample.stem[:3]}-{name}" for sample, name in CASES]
FURNISHED = [(sample, name) for sample, name in CASES if name in ("with_furniture", "combined")]
# A few examples each, not shrunk: a failing example is small already, and shrinking re-imports for minutes.
A_FEW = settings(max_examples=4, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate))


def source(sample: Path) -> str:
    return sample.read_bytes().decode("utf-8")


@functools.cache
def original(sample: Path) -> dict:
    return parse_document(sample)


def parse_text(sample: Path, text: str) -> dict | InputError:
    """The open-data form of ``text`` imported from a file of the sample's name, or the importer's refusal."""
    with tempfile.TemporaryDirectory(prefix="variant-") as folder:
        path = Path(folder) / sample.name
        path.write_bytes(text.encode("utf-8"))
        try:
            return parse_document(path)
        except InputError as error:
            return error


@functools.cache
def variant(sample: Path, name: str) -> dict | InputError:
    return parse_text(sample, VARIANTS[name](source(sample)))


def accepted(form: dict | InputError) -> dict:
    if isinstance(form, InputError):
        pytest.fail(f"the variant is refused: {'; '.join(map(str, form.problems[:3]))}")
    return form


def assert_same_facts(sample: Path, form: dict | InputError) -> None:
    found = differences(facts(original(sample)), facts(accepted(form)))
    assert not found, f"{len(found)} facts differ; the first: {found[0]}"


@pytest.mark.parametrize(("sample", "name"), CASES, ids=IDS)
def test_a_variant_has_the_facts_of_its_original(sample, name):
    assert_same_facts(sample, variant(sample, name))


@pytest.mark.parametrize(("sample", "name"), CASES, ids=IDS)
def test_every_sentence_of_the_original_is_in_the_variants_output(sample, name):
    lines = source(sample).split("\n")
    missing = lost_sentences(lines, open_ranges(original(sample)), accepted(variant(sample, name)))
    assert not missing, f"{len(missing)} sentences lost, e.g. {missing[:3]}"


@pytest.mark.parametrize(("sample", "name"), FURNISHED, ids=[f"{s.stem[:3]}-{n}" for s, n in FURNISHED])
def test_no_page_furniture_reaches_the_output(sample, name):
    """No more furniture (``Side N af M``, ``background image``, the running header) than the original's output has."""
    output, before = ("\n".join(output_texts(form)[0]) for form in (accepted(variant(sample, name)), original(sample)))
    added = Counter(FURNITURE.findall(output)) - Counter(FURNITURE.findall(before))
    assert not added, f"{sum(added.values())} furniture lines in the text, e.g. {sorted(added)[:3]}"
    header = squeeze(running_header(source(sample)))
    assert squeeze(output).count(header) <= squeeze(before).count(header), f"the running header {header!r} is in it"


@pytest.mark.parametrize(("sample", "name"), CASES, ids=IDS)
def test_a_variant_imports_into_content_the_build_accepts(sample, name, tmp_path):
    path = tmp_path / "minutes" / sample.name
    path.parent.mkdir()
    path.write_bytes(VARIANTS[name](source(sample)).encode("utf-8"))
    try:
        import_documents([path], tmp_path / "content")
        meetings = load_archive(tmp_path / "content").meetings()
    except InputError as error:
        pytest.fail(f"{len(error.problems)} problems, the first: {error.problems[0]}")
    assert len(meetings) == 1


@A_FEW
@given(sample=st.sampled_from(SAMPLES), page_lines=st.integers(45, 60))
def test_furniture_at_any_page_length_keeps_the_facts(sample, page_lines):
    assert_same_facts(sample, parse_text(sample, with_furniture(source(sample), page_lines)))


@A_FEW
@given(sample=st.sampled_from(SAMPLES), width=st.integers(60, 80), hyphenate=st.booleans())
def test_any_wrap_width_keeps_the_facts(sample, width, hyphenate):
    assert_same_facts(sample, parse_text(sample, rewrapped(source(sample), width, hyphenate)))


@A_FEW
@given(sample=st.sampled_from(SAMPLES), page_lines=st.integers(40, 60), numbered=st.booleans())
# a page starting with the "." of an empty "Tidligere beslutninger:" and the heading "Bilag" after it
@example(sample=next(s for s in SAMPLES if s.stem.startswith("003")), page_lines=52, numbered=True)
def test_any_page_length_of_one_line_pages_keeps_the_facts(sample, page_lines, numbered):
    assert_same_facts(sample, parse_text(sample, one_line_per_page(source(sample), page_lines, numbered)))
