"""Bad input, end to end through ``build.py``: a message naming file, line or field and what was expected,
a non-zero exit, no traceback, and the previous site/ and content/ exactly as they were."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from cli_run import ROOT, run_cli, tree

SHIPPED = ROOT / "content"
MEETING = "alleroed/erhvervs-og-beskaeftigelsesudvalget-2014-2017/2015-05-13"
HUGE = 200 * 2**20


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A small content tree (Allerød from the shipped content) and the site built from it."""
    folder = tmp_path_factory.mktemp("errors")
    shutil.copytree(SHIPPED / "alleroed", folder / "content" / "alleroed")
    result = run_cli("--content", str(folder / "content"), "--site", str(folder / "site"))
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture
def work(built, tmp_path) -> Path:
    shutil.copytree(built / "content", tmp_path / "content", symlinks=True)
    shutil.copytree(built / "site", tmp_path / "site")
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def sparse(path: Path, size: int) -> None:
    with path.open("wb") as f:
        f.truncate(size)


def break_content(content: Path, case: str) -> None:
    meeting = content / MEETING
    if case == "malformed yaml":
        edit(meeting / "meeting.yaml", "kind: referat", "kind: [referat")
    elif case == "missing field":
        edit(meeting / "punkt-03.md", "title: Budgetlægning", "titel: Budgetlægning")
    elif case == "unknown person":
        edit(meeting / "meeting.yaml", "- agnete-fog", "- anders-and")
    elif case == "unknown item":
        edit(meeting / "bilag" / "3.1.md", "item: 3", "item: 12")
    elif case == "bad date":
        edit(meeting / "meeting.yaml", "date: 2015-05-13", "date: 2015-02-30")
    elif case == "duplicate person":
        persons = content / "alleroed" / "persons.yaml"
        persons.write_text(persons.read_text(encoding="utf-8") + "agnete-fog:\n  name: Agnete Fog\n", encoding="utf-8")
    elif case == "duplicate item":
        shutil.copy(meeting / "punkt-03.md", meeting / "punkt-07.md")
    elif case == "duplicate case id":
        edit(meeting / "punkt-04.md", "case: 14/11078", "case: 15-839")
    elif case == "not utf-8":
        (meeting / "punkt-03.md").write_bytes((meeting / "punkt-03.md").read_bytes().replace("æ".encode(), "æ".encode("latin-1"), 1))
    elif case == "empty file":
        (meeting / "meeting.yaml").write_bytes(b"")
    elif case == "huge file":
        sparse(meeting / "punkt-03.md", HUGE)
    elif case == "folder name with ..":
        shutil.copytree(meeting, meeting.parent / "2015-05-13..x")
    elif case == "link out of content":
        outside = content.parent / "elsewhere"
        shutil.copytree(meeting, outside)
        (meeting.parent / "2015-05-20").symlink_to(outside)
    elif case == "reserved committee id":
        shutil.copytree(meeting.parent, content / "alleroed" / "sager")
    elif case == "reserved municipality id":
        shutil.copytree(content / "alleroed", content / "search")


CASES = {
    "malformed yaml": r"2015-05-13/meeting\.yaml:\d+: YAML: valid YAML",
    "missing field": r"punkt-03\.md:\d+: title: a value \(required field is missing\)",
    "unknown person": r"meeting\.yaml:\d+: present: a person listed in persons\.yaml, found unknown 'anders-and'",
    "unknown item": r"bilag/3\.1\.md:\d+: item: the number of an agenda item of this meeting, found 12",
    "bad date": r"meeting\.yaml:1: date: a date written YYYY-MM-DD, found '2015-02-30'",
    "duplicate person": r"persons\.yaml:\d+: agnete-fog: each key once, found it twice",
    "duplicate item": r"punkt-07\.md:2: number: an item number used once per meeting, found 3 twice",
    "duplicate case id": r"punkt-0[45]\.md: case: case numbers that differ in more than punctuation",
    "not utf-8": r"punkt-03\.md:\d+: encoding: UTF-8 text, found byte 0xe6",
    "empty file": r"2015-05-13/meeting\.yaml: file: content, found an empty file",
    "huge file": r"punkt-03\.md: file: at most 50 MiB of content, found 200 MiB",
    "folder name with ..": r"2015-05-13\.\.x: folder name: the meeting's date YYYY-MM-DD",
    "link out of content": r"2015-05-20: link: a file or folder inside .*content, found a link to .*elsewhere",
    "reserved committee id": r"alleroed/sager: folder name: a committee id other than sager, personer",
    "reserved municipality id": r"content/search: folder name: a municipality id other than data, search, static",
}


def assert_refused(result, expected: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    assert re.search(expected, result.stderr), result.stderr
    assert "nothing was written" in result.stderr


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_content_is_reported_and_the_site_is_left_as_it_was(work, case):
    break_content(work / "content", case)
    content_before, site_before = tree(work / "content"), tree(work / "site")
    assert_refused(run_cli("--content", str(work / "content"), "--site", str(work / "site")), CASES[case])
    assert tree(work / "site") == site_before
    assert tree(work / "content") == content_before
    assert [p.name for p in work.iterdir() if p.name.startswith(".")] == []
    assert_refused(run_cli("check", "--content", str(work / "content")), CASES[case])


BAD_DOCUMENTS = {
    "empty.txt": (lambda path: path.write_bytes(b""), r"empty\.txt: document: a text document, found an empty file"),
    "latin1.txt": (lambda path: path.write_bytes("Referat\nMøde i udvalget\n".encode("latin-1")),
                   r"latin1\.txt:2: encoding: UTF-8 text, found byte 0xf8"),
    "huge.txt": (lambda path: sparse(path, HUGE), r"huge\.txt: document: at most 50 MiB of minutes, found 200 MiB"),
    "binary.txt": (lambda path: path.write_bytes(b"Referat\n\x00\x01\x02"), r"binary\.txt: document: a text document, found binary data"),
    "unknown.txt": (lambda path: path.write_text("Generalforsamling i grundejerforeningen\n\n1. Valg af dirigent\n", encoding="utf-8"),
                    r"unknown\.txt:1: format: minutes in a known format"),
}


@pytest.mark.parametrize("name", sorted(BAD_DOCUMENTS))
def test_bad_document_is_reported_and_content_is_left_as_it_was(work, name):
    write, expected = BAD_DOCUMENTS[name]
    write(work / name)
    before = tree(work / "content")
    assert_refused(run_cli("import", str(ROOT / "samples"), str(work / name), "--content", str(work / "content")), expected)
    assert tree(work / "content") == before
    assert [p.name for p in work.iterdir() if p.name.startswith(".")] == []


BAD_THEMES = {
    "syntax error": ("item.html", '{% extends "base.html" %}{% block content %}\n{% if %}{% endblock %}',
                     r"item\.html:2: template: a template that renders \(TemplateSyntaxError: .*\) on the page /.*/punkt-\d+/"),
    "unknown field": ("meeting.html", '{% extends "base.html" %}{% block content %}\n\n{{ meeting.agenda_pdf.url }}{% endblock %}',
                      r"meeting\.html:3: template: a template that renders \(UndefinedError: .*'agenda_pdf'\) on the page /"),
    "missing include": ("case.html", '{% extends "base.html" %}{% block content %}{% include "mine.html" %}{% endblock %}',
                        r"case\.html:1: template: a template that renders \(TemplateNotFound: mine\.html\)"),
}


@pytest.mark.parametrize("case", sorted(BAD_THEMES))
def test_a_themes_broken_template_is_reported_with_its_line_and_the_site_is_left_as_it_was(work, tmp_path, case):
    """A user's theme is input: its error names the template file and line, the page, and nothing is written."""
    name, text, expected = BAD_THEMES[case]
    (tmp_path / "theme" / "templates").mkdir(parents=True)
    (tmp_path / "theme" / "templates" / name).write_text(text, encoding="utf-8")
    site_before = tree(work / "site")
    assert_refused(run_cli("--content", str(work / "content"), "--site", str(work / "site"),
                           "--theme", str(tmp_path / "theme")), expected)
    assert tree(work / "site") == site_before


@pytest.mark.parametrize("site", ["content", ".", "..", "content/site"])
def test_output_folder_that_would_replace_other_files_is_refused(work, site):
    before = tree(work)
    assert_refused(run_cli("--content", "content", "--site", site, cwd=work), r"site: an output folder of its own")
    assert tree(work) == before


def test_case_number_that_looks_like_a_path_stays_inside_the_site(work):
    edit(work / "content" / MEETING / "punkt-03.md", "case: 15/839", "case: ../../../x")
    result = run_cli("--content", str(work / "content"), "--site", str(work / "site"))
    assert result.returncode == 0, result.stderr
    assert (work / "site/alleroed/sager/x/index.html").is_file()
    assert not (work / "x").exists() and not (work.parent / "x").exists()
    assert all(work / "site" in p.resolve().parents for p in (work / "site").rglob("*"))
