"""Provenance on import: each document's kind and SHA-256, its official address (--source-url, sources.tsv),
and its original kept beside the meeting."""
import hashlib
import json
import shutil
from pathlib import Path

import pytest

from kommunearkiv.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
ALLEROED = "000_3332dcdc48fec7d8.txt"
GENTOFTE = "003_c3c2bf34dd240c20.txt"
URL = "https://www.alleroed.dk/dagsordener-og-referater/erhverv-2015-05-13.pdf"


@pytest.fixture
def folder(tmp_path) -> Path:
    """Two samples in a folder of their own."""
    folder = tmp_path / "referater"
    folder.mkdir()
    for name in (ALLEROED, GENTOFTE):
        shutil.copy(SAMPLES / name, folder / name)
    return folder


def imported_json(capsys, *arguments) -> list[dict]:
    assert main(["import", *map(str, arguments), "--dry-run", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_source_names_kind_digest_and_the_address_given(folder, capsys):
    [document] = imported_json(capsys, folder / ALLEROED, "--source-url", URL)
    assert document["source"] == {"file": ALLEROED, "lines": document["source"]["lines"], "kind": "text",
                                  "sha256": hashlib.sha256((folder / ALLEROED).read_bytes()).hexdigest(), "url": URL}


def test_a_folders_list_gives_each_document_its_address(folder, capsys):
    (folder / "sources.tsv").write_text(f"# fil\tadresse\n{GENTOFTE}\thttps://gentofte.dk/referat.pdf\n", encoding="utf-8")
    documents = imported_json(capsys, folder)
    assert {d["source"]["file"]: d["source"]["url"] for d in documents} == {ALLEROED: None, GENTOFTE: "https://gentofte.dk/referat.pdf"}


@pytest.mark.parametrize("listed, line, expected", [
    (f"{GENTOFTE} https://gentofte.dk/x.pdf", 1, "line: a file name, a tab and its address"),
    (f"{GENTOFTE}\tftp://gentofte.dk/x.pdf", 1, "url: an address starting with http:// or https://, without spaces, found 'ftp://gentofte.dk/x.pdf'"),
    (f"{GENTOFTE}\thttps://a.dk/1\n{GENTOFTE}\thttps://a.dk/2", 2, f"file: each file listed once, found '{GENTOFTE}' again"),
    ("referat-der-ikke-findes.pdf\thttps://a.dk/1", 1, "file: the name of a file in"),
])
def test_a_bad_list_is_refused_with_file_and_line(folder, capsys, tmp_path, listed, line, expected):
    (folder / "sources.tsv").write_text(listed + "\n", encoding="utf-8")
    assert main(["import", str(folder), "--content", str(tmp_path / "content")]) == 1
    assert f"{folder / 'sources.tsv'}:{line}: {expected}" in capsys.readouterr().err
    assert not (tmp_path / "content").exists()


def test_source_url_is_for_one_document(folder, capsys, tmp_path):
    assert main(["import", str(folder), "--source-url", URL, "--content", str(tmp_path / "content")]) == 1
    assert "--source-url: source-url: one document to give the address of, found 2" in capsys.readouterr().err
    assert main(["import", str(folder / ALLEROED), "--source-url", "www.alleroed.dk/x", "--dry-run"]) == 1
    assert "an address starting with http:// or https://" in capsys.readouterr().err


def test_import_keeps_the_original_and_records_where_it_came_from(folder, tmp_path):
    content = tmp_path / "content"
    assert main(["import", str(folder / GENTOFTE), "--source-url", "https://gentofte.dk/referat.pdf", "--content", str(content)]) == 0
    meeting = content / "gentofte" / "erhvervs-beskaeftigelses-og-integrationsudvalget" / "2019-02-28"
    assert (meeting / "original.txt").read_bytes() == (SAMPLES / GENTOFTE).read_bytes()
    text = (meeting / "meeting.yaml").read_text(encoding="utf-8")
    assert f"  sha256: {hashlib.sha256((SAMPLES / GENTOFTE).read_bytes()).hexdigest()}\n" in text
    assert "  kind: text\n" in text and "  url: https://gentofte.dk/referat.pdf\n" in text
