"""Broken content is reported in full, as path:line: field: expected, and nothing is written."""
import re

import pytest

from kommunearkiv.cli import main
from kommunearkiv.content.reader import load_archive
from kommunearkiv.content.writer import write_meeting
from kommunearkiv.errors import InputError


@pytest.fixture
def content(tmp_path, document):
    folder = tmp_path / "content"
    write_meeting(document, folder)
    return folder


def meeting_dir(content):
    return content / "alleroed" / "oekonomiudvalget-2014-2017" / "2015-05-13"


def replace_in(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems_of(content):
    with pytest.raises(InputError) as caught:
        load_archive(content)
    return [str(p) for p in caught.value.problems]


def line_of(path, text):
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


def test_three_problems_reported_together_with_file_and_line(content, capsys, tmp_path):
    meeting_yaml = meeting_dir(content) / "meeting.yaml"
    replace_in(meeting_yaml, "- bo-oest", "- nobody-known")
    replace_in(meeting_yaml, "date: 2015-05-13", "date: 2015-13-45")
    persons = content / "alleroed" / "persons.yaml"
    persons.write_text(persons.read_text(encoding="utf-8") + "aase-aeroe:\n  name: Dublet\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")

    assert main(["check", "--content", str(content)]) == 1
    assert main(["--content", str(content), "--site", str(site), "--quiet"]) == 1

    err = capsys.readouterr().err
    assert f"{meeting_yaml}:{line_of(meeting_yaml, 'nobody-known')}: absent: a person listed in persons.yaml, found unknown 'nobody-known'" in err
    assert f"{meeting_yaml}:{line_of(meeting_yaml, 'date:')}: date: a date written YYYY-MM-DD" in err
    assert f"{persons}:{line_of(persons, 'name: Dublet') - 1}: aase-aeroe: each key once, found it twice" in err
    assert "Traceback" not in err
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"


@pytest.mark.parametrize("change, expected", [
    (("start: '07:30'", "start: 7.30"), r"meeting\.yaml:\d+: start: a time written 'HH:MM'"),
    (("kind: referat", "kind: notat"), r"meeting\.yaml:\d+: kind: one of dagsorden, referat, protokol"),
    (("kind: referat", "kind: [referat"), r"meeting\.yaml:\d+: YAML: valid YAML"),
    (("location: Rådhuset", "lokation: Rådhuset"), r"meeting\.yaml:\d+: lokation: a known field"),
])
def test_meeting_field_problems(content, change, expected):
    replace_in(meeting_dir(content) / "meeting.yaml", *change)
    assert any(re.search(expected, p) for p in problems_of(content)), problems_of(content)


def test_attachment_of_unknown_item(content):
    replace_in(meeting_dir(content) / "bilag" / "1.1.md", "item: 1", "item: 9")
    assert any(re.search(r"1\.1\.md:\d+: item: the number of an agenda item of this meeting, found 9", p) for p in problems_of(content))


def test_duplicate_item_number(content):
    item = meeting_dir(content) / "punkt-01.md"
    (meeting_dir(content) / "punkt-07.md").write_bytes(item.read_bytes())
    assert any("punkt-07.md:2: number: an item number used once per meeting, found 1 twice" in p for p in problems_of(content))


def test_closed_item_with_text_is_refused(content):
    closed = meeting_dir(content) / "punkt-02.md"
    closed.write_text(closed.read_text(encoding="utf-8") + "\n## Sagsfremstilling\n\nHemmelig tekst.\n", encoding="utf-8")
    assert any("punkt-02.md" in p and "access: a closed item" in p for p in problems_of(content))


@pytest.mark.parametrize("raw, expected", [
    (b"", "file: content, found an empty file"),
    (b"name: \xff\xfe\n", "encoding: UTF-8 text, found byte 0xff"),
])
def test_unreadable_files(content, raw, expected):
    (content / "alleroed" / "municipality.yaml").write_bytes(raw)
    assert any(expected in p for p in problems_of(content))


def test_path_escaping_ids_are_refused(content):
    replace_in(meeting_dir(content) / "meeting.yaml", "- aase-aeroe", "- ../../x")
    assert any("an id of lower-case letters" in p for p in problems_of(content))


def test_check_reports_counts_on_good_content(content, capsys):
    assert main(["check", "--content", str(content)]) == 0
    assert "no problems (1 municipalities, 1 meetings, 2 agenda items)" in capsys.readouterr().out
