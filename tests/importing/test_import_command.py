"""The import command on the real samples: content/ reproduced exactly, dry runs and failures write nothing."""
import json
import shutil
from pathlib import Path

import pytest

from typeset import scanned_pdf

from kommunearkiv.cli import main
from kommunearkiv.content.reader import load_archive
from kommunearkiv.importing import batch

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SHIPPED_CONTENT = ROOT / "content"


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("import") / "content"
    assert main(["import", str(SAMPLES), "--content", str(content)]) == 0
    return content


def test_shipped_content_is_the_import_of_the_samples(imported):
    assert tree(imported) == tree(SHIPPED_CONTENT)


def test_importing_again_changes_nothing(imported, tmp_path):
    again = tmp_path / "content"
    shutil.copytree(imported, again)
    assert main(["import", str(SAMPLES), "--content", str(again)]) == 0
    assert tree(again) == tree(imported)


def test_imported_content_is_valid_and_merges_meetings(imported):
    archive = load_archive(imported)
    assert sorted(archive.municipalities) == ["alleroed", "gentofte", "lyngby-taarbaek"]
    alleroed = archive.municipalities["alleroed"]
    committee = alleroed.committees["erhvervs-og-beskaeftigelsesudvalget-2014-2017"]
    assert [m.id for m in committee.meetings] == ["2015-05-13", "2016-06-08"]
    # Members of both meetings keep one identity across them.
    both = set(committee.meetings[0].attendance) & set(committee.meetings[1].attendance)
    assert {"erling-petersen", "nikolaj-buehrmann"} <= both


def test_dry_run_json_prints_every_document_and_writes_nothing(tmp_path, capsys):
    content = tmp_path / "content"
    assert main(["import", str(SAMPLES), "--dry-run", "--json", "--content", str(content)]) == 0
    documents = json.loads(capsys.readouterr().out)
    assert [d["source"]["file"] for d in documents] == sorted(p.name for p in SAMPLES.glob("*.txt"))
    assert [d["date"] for d in documents] == ["2015-05-13", "2016-06-08", "2019-02-28", "2014-02-18"]
    for key in ("municipality", "committee", "document_kind", "date", "start", "end", "location", "members", "absent",
                "other_attendees", "signed_by", "items", "attachment_documents", "source"):
        assert all(key in d for d in documents), key
    assert not content.exists()


def test_summary_per_document(tmp_path, capsys):
    assert main(["import", str(SAMPLES / "000_3332dcdc48fec7d8.txt"), "--dry-run", "--content", str(tmp_path / "c")]) == 0
    out = capsys.readouterr().out
    assert "000_3332dcdc48fec7d8.txt: format alleroed, Allerød Kommune, Erhvervs- og Beskæftigelsesudvalget 2014-2017 2015-05-13 (referat): 6 items" in out


@pytest.mark.parametrize("name, data, expected", [
    ("unknown.txt", "Referat fra generalforsamlingen i grundejerforeningen\n\n1. Valg af dirigent\n".encode(), ":1: format: minutes in a known format"),
    ("empty.txt", b"", "document: a text document, found an empty file"),
    ("mixed.txt", "Møde i udvalget\n".encode("latin-1") + "Mødested".encode(), ":1: encoding: UTF-8 text, found byte 0xf8"),
    ("word.pdf", b"PK\x03\x04" + bytes(100), "document: a PDF, HTML page or text document, found a ZIP archive"),
    ("skannet.pdf", scanned_pdf(2), "document: a PDF with a text layer, found one that has no text layer"),
])
def test_bad_documents_fail_and_write_nothing(imported, tmp_path, capsys, name, data, expected):
    content = tmp_path / "content"
    shutil.copytree(imported, content)
    bad = tmp_path / name
    bad.write_bytes(data)
    assert main(["import", str(SAMPLES), str(bad), "--content", str(content)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}" in err and expected in err and "Traceback" not in err
    assert tree(content) == tree(imported)


def test_import_interrupted_half_way_leaves_content_as_it_was(imported, tmp_path, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(imported, content)
    calls, write_meeting = [], batch.write_meeting

    def write_then_fail(document, folder, **options):
        if calls:
            raise KeyboardInterrupt
        calls.append(write_meeting(document, folder, **options))

    monkeypatch.setattr(batch, "write_meeting", write_then_fail)
    assert main(["import", str(SAMPLES), "--content", str(content)]) == 130
    assert len(calls) == 1
    assert tree(content) == tree(imported)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".content")] == []


def test_huge_file_is_refused_without_reading_it(tmp_path, capsys):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(200 * 2**20)
    assert main(["import", str(huge), "--content", str(tmp_path / "content")]) == 1
    assert f"{huge}: document: at most 50 MiB of minutes, found 200 MiB" in capsys.readouterr().err
    assert not (tmp_path / "content").exists()


def test_every_item_has_every_published_key_and_closed_items_nothing_more(capsys, tmp_path):
    assert main(["import", str(SAMPLES), "--dry-run", "--json", "--content", str(tmp_path / "c")]) == 0
    items = [item for document in json.loads(capsys.readouterr().out) for item in document["items"]]
    keys = {"number", "title", "case_number", "access", "item_type", "sections", "decision", "earlier_decisions",
            "absent", "attachments", "lines"}
    assert all(keys <= set(item) for item in items)
    closed = [item for item in items if item["access"] == "closed"]
    assert [(c["number"], c["title"]) for c in closed] == [(6, "Meddelelser fra formanden/forvaltningen og spørgsmål fra medlemmerne")]
    assert all(not c[k] for c in closed for k in keys - {"number", "title", "access", "lines"})
    assert all(item["decision"] is None or item["decision"].strip() for item in items)


def test_content_the_build_would_reject_is_refused_by_import_and_dry_run(tmp_path, monkeypatch, capsys):
    """The last guard: whatever a format lets through, the importer checks its content as the build would."""
    good = batch.parse_document(SAMPLES / "000_3332dcdc48fec7d8.txt")
    bad = {**good, "items": [{**item, "earlier_decisions": [{"date": "2015-01-01", "body": "Udvalget", "text": ""}]}
                             if item["number"] == 3 else item for item in good["items"]]}
    monkeypatch.setattr(batch, "parse_document", lambda *args, **kwargs: bad)
    content = tmp_path / "content"
    for command in (["import", str(SAMPLES / "000_3332dcdc48fec7d8.txt"), "--content", str(content)],
                    ["import", str(SAMPLES / "000_3332dcdc48fec7d8.txt"), "--dry-run", "--json"]):
        assert main(command) == 1
        error = capsys.readouterr().err
        assert "earlier_decisions[0].text" in error and "nothing was written" in error
    assert not content.exists()


def test_an_earlier_decision_without_text_is_left_out_with_a_warning():
    document = batch.parse_document(SAMPLES / "000_3332dcdc48fec7d8.txt")
    from kommunearkiv.importing import complete_items
    item = {**document["items"][2], "earlier_decisions": [{"date": "2015-01-01", "body": "Økonomiudvalget", "text": " "}]}
    completed = complete_items({**document, "items": [item], "warnings": []})
    assert completed["items"][0]["earlier_decisions"] == []
    assert completed["warnings"] == ["line 53: item 3: the earlier decision Økonomiudvalget 2015-01-01 has no text; left out"]
