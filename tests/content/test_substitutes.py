"""Substitutes and incomplete documents: written to meeting.yaml, read back, and every bad entry reported."""
import pytest

from kommunearkiv.cli import main
from kommunearkiv.content.reader import load_archive
from kommunearkiv.content.writer import write_meeting
from kommunearkiv.model import Incomplete, Substitute

MEETING = "alleroed/oekonomiudvalget-2014-2017/2015-05-13"


def meeting_of(content):
    return load_archive(content).municipalities["alleroed"].committees["oekonomiudvalget-2014-2017"].meetings[0]


def test_substitute_is_a_person_but_neither_member_nor_present(tmp_path, document):
    document["members"].append({"name": "Cai Berg", "party": "A", "role": "Medlem"})  # a list that names them too
    write_meeting(document, tmp_path)
    meeting = meeting_of(tmp_path)
    assert meeting.substitutes == [Substitute("cai-berg", "bo-oest")]
    assert meeting.present == ["aase-aeroe"] and meeting.absent == ["bo-oest"]
    assert "cai-berg" not in meeting.roles
    assert load_archive(tmp_path).person("alleroed", "cai-berg").party == "A"
    assert "- person: cai-berg\n  replaces: bo-oest\n" in (tmp_path / MEETING / "meeting.yaml").read_text(encoding="utf-8")


def test_substitute_for_no_one_in_particular(tmp_path, document):
    document["substitutes"] = [{"name": "Cai Berg", "party": None, "replaces": None}]
    write_meeting(document, tmp_path)
    assert meeting_of(tmp_path).substitutes == [Substitute("cai-berg", None)]


def test_incomplete_document_is_kept_as_such(tmp_path, document):
    document["incomplete"] = {"line": 40, "missing": "punkt 3-5 fra indholdsfortegnelsen"}
    write_meeting(document, tmp_path)
    assert meeting_of(tmp_path).incomplete == Incomplete(40, "punkt 3-5 fra indholdsfortegnelsen")
    document["incomplete"] = None
    write_meeting(document, tmp_path)
    assert meeting_of(tmp_path).incomplete is None


def line_of(path, text):
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if text in line)


@pytest.mark.parametrize("old, new, field, expected", [
    ("person: cai-berg", "person: ingen-kendt", "substitutes[0].person", "a person listed in persons.yaml, found unknown 'ingen-kendt'"),
    ("replaces: bo-oest", "replaces: ingen-kendt", "substitutes[0].replaces", "a person listed in persons.yaml, found unknown 'ingen-kendt'"),
    ("person: cai-berg", "person: aase-aeroe", "substitutes[0].person", "a substitute, who is not a member listed as present or absent, found 'aase-aeroe'"),
    ("replaces: bo-oest", "replaces: aase-aeroe", "substitutes[0].replaces", "a member who was not present, found 'aase-aeroe' under present"),
    ("replaces: bo-oest", "erstatter: bo-oest", "substitutes[0].erstatter", "a known field (person, replaces)"),
    ("- person: cai-berg\n  replaces: bo-oest", "- cai-berg", "substitutes[0]", "a mapping, found 'cai-berg'"),
])
def test_bad_substitute_is_reported_with_file_line_and_field(tmp_path, document, capsys, old, new, field, expected):
    write_meeting(document, tmp_path)
    path = tmp_path / MEETING / "meeting.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    assert main(["check", "--content", str(tmp_path)]) == 1
    assert f"{path}:{line_of(path, new.split(chr(10))[-1])}: {field}: {expected}" in capsys.readouterr().err


@pytest.mark.parametrize("incomplete, field, expected", [
    ("incomplete:\n  missing: punkt 3\n", "incomplete.line", "a value (required field is missing)"),
    ("incomplete:\n  line: 0\n  missing: punkt 3\n", "incomplete.line", "the number of the last line read, from 1, found 0"),
    ("incomplete:\n  line: 12\n", "incomplete.missing", "a value (required field is missing)"),
    ("incomplete: ja\n", "incomplete", "a mapping, found 'ja'"),
])
def test_bad_incomplete_mark_is_reported(tmp_path, document, capsys, incomplete, field, expected):
    write_meeting(document, tmp_path)
    path = tmp_path / MEETING / "meeting.yaml"
    path.write_text(path.read_text(encoding="utf-8") + incomplete, encoding="utf-8")
    assert main(["check", "--content", str(tmp_path)]) == 1
    assert f"{path}:" in (err := capsys.readouterr().err) and f": {field}: {expected}" in err
