"""The original document beside meeting.yaml: kept by the writer unless it could publish a closed item's text,
checked by the reader against its SHA-256."""
import hashlib

import pytest

from kommunearkiv.cli import main
from kommunearkiv.content.originals import withheld
from kommunearkiv.content.reader import load_archive
from kommunearkiv.content.writer import write_meeting

MEETING = "alleroed/oekonomiudvalget-2014-2017/2015-05-13"
PDF = b"%PDF-1.4\n% et referat\n"


@pytest.fixture
def original(tmp_path):
    path = tmp_path / "referat 13. maj.pdf"
    path.write_bytes(PDF)
    return path


def with_kind(document, kind, data):
    document["source"].update(kind=kind, sha256=hashlib.sha256(data).hexdigest())
    return document


@pytest.mark.parametrize("kind, name", [("text", "original.txt"), ("pdf", "original.pdf"), ("html", "original.html")])
def test_original_is_kept_beside_meeting_yaml_by_its_kind(tmp_path, document, original, kind, name):
    write_meeting(with_kind(document, kind, PDF), tmp_path / "content", original=original)
    kept = tmp_path / "content" / MEETING / name
    assert kept.read_bytes() == PDF
    meeting = load_archive(tmp_path / "content").meetings()[0]
    assert (meeting.original.kind, meeting.original.copy) == (kind, str(kept))
    assert meeting.original.sha256 == hashlib.sha256(PDF).hexdigest()


def test_closed_item_with_more_than_its_title_keeps_the_original_out(tmp_path, document, original):
    closed = document["items"][1]
    closed["lines"] = [21, 30]
    assert withheld(document) == ["line 21: item 2 is closed and its lines hold more than its title; "
                                  "the original document is not kept, so that it is not published"]
    write_meeting(with_kind(document, "pdf", PDF), tmp_path / "content", original=original)
    assert not (tmp_path / "content" / MEETING / "original.pdf").exists()
    assert load_archive(tmp_path / "content").meetings()[0].original.sha256 == hashlib.sha256(PDF).hexdigest()


def test_attachment_of_a_closed_item_keeps_the_original_out(document):
    document["attachment_documents"].append({"label": "2.1", "title": "Personsag", "item": 2, "reference": None,
                                             "text": "Fortroligt.", "lines": [41, 50]})
    assert withheld(document) == ["line 41: attachment 2.1 belongs to the closed item 2; "
                                  "the original document is not kept, so that it is not published"]


def line_of(path, text):
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


def test_replaced_original_is_reported_against_its_recorded_digest(tmp_path, document, original, capsys):
    content = tmp_path / "content"
    write_meeting(with_kind(document, "pdf", PDF), content, original=original)
    (content / MEETING / "original.pdf").write_bytes(b"%PDF-1.4\n% et andet referat\n")
    assert main(["check", "--content", str(content)]) == 1
    meeting_yaml = content / MEETING / "meeting.yaml"
    err = capsys.readouterr().err
    assert f"{meeting_yaml}:{line_of(meeting_yaml, 'sha256:')}: source.sha256: the SHA-256 of original.pdf beside it, " in err
    assert "(the original was replaced, or the digest edited)" in err


def test_closed_item_made_by_hand_beside_a_kept_original_is_refused(tmp_path, document, original, capsys):
    content = tmp_path / "content"
    write_meeting(with_kind(document, "pdf", PDF), content, original=original)
    item = content / MEETING / "punkt-02.md"
    item.write_text(item.read_text(encoding="utf-8").replace("lines: [21, 22]", "lines: [21, 35]"), encoding="utf-8")
    assert main(["check", "--content", str(content)]) == 1
    assert (f"{content / MEETING / 'original.pdf'}: original: no closed item beside it that spans more than its title, "
            f"found item 2 (2015-05-13/punkt-02.md, lines 21–35)") in capsys.readouterr().err


@pytest.mark.parametrize("old, new, field, expected", [
    ("kind: text", "kind: docx", "source.kind", "one of text, pdf, html, found 'docx'"),
    ("url: https://www.alleroed.dk/doc.txt", "url: javascript:alert(1)", "source.url",
     "an address starting with http:// or https://, without spaces, found 'javascript:alert(1)'"),
    ("kind: text", "kind: text\n  sha256: ABC", "source.sha256", "a SHA-256 digest: 64 hexadecimal digits in lower case, found 'ABC'"),
    ("lines: [1, 40]", "lines: [1, 40]\n  pages: [3, 1]", "source.pages", "[first, last], two page numbers with first ≤ last"),
])
def test_bad_provenance_is_reported(tmp_path, document, capsys, old, new, field, expected):
    write_meeting(document, tmp_path)
    path = tmp_path / MEETING / "meeting.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    assert main(["check", "--content", str(tmp_path)]) == 1
    assert f"{path}:{line_of(path, new.split(chr(10))[-1].strip())}: {field}: {expected}" in capsys.readouterr().err


def test_pages_of_an_item_are_read_back(tmp_path, document):
    document["items"][0]["pages"] = [2, 3]
    write_meeting(document, tmp_path)
    source = load_archive(tmp_path).meetings()[0].item(1).source
    assert (source.first_line, source.last_line, source.first_page, source.last_page) == (10, 20, 2, 3)
