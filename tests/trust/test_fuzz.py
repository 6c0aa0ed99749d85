"""Property-based tests: mutated sample documents and content files never crash the importer or the
content reader with anything but ``InputError``, and a document that parses loses no sentence of its open items."""
from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kommunearkiv.content.reader import load_archive
from kommunearkiv.errors import InputError
from kommunearkiv.importing import parse_document
from kommunearkiv.importing.batch import parse_documents

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
SETTINGS = {"deadline": None, "derandomize": True, "suppress_health_check": list(HealthCheck)}
FUZZ = settings(max_examples=12, **SETTINGS)
FUZZ_MORE = settings(max_examples=25, **SETTINGS)
INJECTED = ["<script>window.__pwned=1</script>", "<b>fed</b> tekst", "<table><tr><td>celle</td></tr></table>",
            "**1. Ikke et punkt**", "<!--", "\t\t\t", "Lukket", "Sagsnr.: ", "Beslutning", "Bilag", "---", "## "]
DATES = ["31-02-2015", "2015-13-45", "00-00-0000", "13. smarch 2015", "32. maj 2015 kl. 25:61", "1-1-1"]


def text_preserved_helpers():
    """The sentence helpers of tests/importing/test_text_preserved.py (one definition of 'no text lost')."""
    spec = importlib.util.spec_from_file_location("text_preserved", ROOT / "tests/importing/test_text_preserved.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


preserved = text_preserved_helpers()


@st.composite
def mutation(draw, size: int):
    """One edit of a list of ``size`` lines, as (kind, position, argument)."""
    kind = draw(st.sampled_from(["drop", "duplicate", "swap", "truncate", "inject", "date", "text"]))
    position = draw(st.integers(0, max(size - 1, 0)))
    argument = {
        "swap": st.integers(0, max(size - 1, 0)), "inject": st.sampled_from(INJECTED), "date": st.sampled_from(DATES),
        "text": st.text(max_size=40), "truncate": st.integers(0, 200),
    }.get(kind, st.just(None))
    return kind, position, draw(argument)


def mutate(lines: list[str], edits: list[tuple]) -> list[str]:
    lines = list(lines)
    for kind, position, argument in edits:
        position = min(position, len(lines) - 1)
        if position < 0:
            break
        if kind == "drop":
            del lines[position]
        elif kind == "duplicate":
            lines.insert(position, lines[position])
        elif kind == "swap":
            other = min(argument, len(lines) - 1)
            lines[position], lines[other] = lines[other], lines[position]
        elif kind == "truncate":
            lines = lines[:position] + [lines[position][:argument]]
        elif kind in ("inject", "text"):
            lines.insert(position, argument)
        elif kind == "date":
            lines[position] = f"{argument} {lines[position]}"
    return lines


def edits(size: int):
    return st.lists(mutation(size), min_size=1, max_size=4)


def parse_mutated(sample: Path, changes: list[tuple]) -> tuple[list[str], dict | None]:
    lines = mutate(sample.read_text(encoding="utf-8").split("\n"), changes)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / sample.name
        path.write_text("\n".join(lines), encoding="utf-8")
        try:
            return lines, parse_document(path)
        except InputError as error:
            assert error.problems and all(p.path == str(path) for p in error.problems)
            return lines, None


def lost_sentences(lines: list[str], form: dict) -> list[str]:
    """Long sentences of the open items and attachments of the source not found in the output (a
    fragment the importer reports in a warning, as words that are no names, is not lost)."""
    texts = preserved.output_texts(form)[0] + form["warnings"]
    everything = preserved.squeeze("\n".join(texts))
    words = set(preserved.WORD.findall("\n".join(texts).lower()))
    source = preserved.source_text(lines, preserved.open_ranges(form))
    return [s for s in preserved.sentences(source)
            if len(s) >= preserved.LONG_SENTENCE and not preserved.found(s, everything, words)]


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.name for p in SAMPLES])
def test_mutated_documents_parse_or_fail_with_input_error_and_lose_no_text(sample):
    size = len(sample.read_text(encoding="utf-8").split("\n"))

    @FUZZ
    @given(edits(size))
    def check(changes):
        lines, form = parse_mutated(sample, changes)
        if form is not None:
            lost = lost_sentences(lines, form)
            assert not lost, f"{len(lost)} sentences lost, e.g. {lost[:3]}"

    check()


@FUZZ_MORE
@given(st.binary(max_size=400), st.sampled_from(SAMPLES))
def test_random_bytes_beside_a_good_document_fail_with_input_error(data, sample):
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(sample, Path(folder) / sample.name)
        (Path(folder) / "tilfaeldig.txt").write_bytes(data)
        with pytest.raises(InputError) as caught:
            parse_documents([Path(folder)])
        assert {p.path for p in caught.value.problems} == {str(Path(folder) / "tilfaeldig.txt")}


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz") / "content"
    shutil.copytree(ROOT / "content" / "alleroed", folder / "alleroed")
    return folder


def content_files(content: Path) -> list[Path]:
    return sorted(p.relative_to(content) for p in content.rglob("*") if p.is_file())


def test_mutated_content_files_load_or_fail_with_input_error(content):
    files = content_files(content)

    @FUZZ_MORE
    @given(st.sampled_from(files), st.data())
    def check(name, data):
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "content"
            shutil.copytree(content, copy)
            lines = (copy / name).read_text(encoding="utf-8").split("\n")
            (copy / name).write_text("\n".join(mutate(lines, data.draw(edits(len(lines))))), encoding="utf-8")
            try:
                load_archive(copy)
            except InputError as error:
                assert error.problems and all(p.path.startswith(str(copy)) for p in error.problems), error

    check()
