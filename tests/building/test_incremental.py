"""An incremental build writes byte for byte the site a full build writes, after every kind of change."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from benchmarks.synthetic import add_meeting
from building_sites import files, keep_original, meeting_folders
from kommunearkiv.build import DEFAULT_THEME, build_site


def added_meeting(content: Path, theme: Path) -> None:
    add_meeting(content, seed=5)


def edited_item_text(content: Path, theme: Path) -> None:
    item = next(p for p in sorted(content.glob("*/*/*/punkt-*.md")) if "access: closed" not in p.read_text())
    item.write_text(item.read_text(encoding="utf-8") + "\nEn ny sætning om vejbelysning.\n", encoding="utf-8")


def edited_with_size_and_time_kept(content: Path, theme: Path) -> None:
    """The parse cache goes by file status: an edit that keeps size and modification time must still be seen."""
    word_in_body = re.compile(r"\b[a-zæøå]{6,}\b")
    item = next(p for p in sorted(content.glob("*/*/*/punkt-*.md")) if word_in_body.search(p.read_text().split("---", 2)[2]))
    status, text = item.stat(), item.read_text(encoding="utf-8")
    word = word_in_body.search(text.split("---", 2)[2])[0]
    item.write_text(text.replace(word, word[::-1], 1), encoding="utf-8")
    os.utime(item, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert item.stat().st_size == status.st_size and item.stat().st_mtime_ns == status.st_mtime_ns


def edited_attachment_text(content: Path, theme: Path) -> None:
    """Attachment texts stay on disk after loading (content/bodies.py): their digest must reach the fingerprints."""
    attachment = sorted(content.glob("*/*/*/bilag/*.md"))[0]
    attachment.write_text(attachment.read_text(encoding="utf-8") + "\nEt nyt afsnit i bilaget.\n", encoding="utf-8")


def removed_meeting(content: Path, theme: Path) -> None:
    """A meeting with its original document: its copy goes from the site with its pages."""
    with_original = [m for m in meeting_folders(content) if (m / "original.txt").is_file()]
    shutil.rmtree(with_original[len(with_original) // 2])


def edited_substitute(content: Path, theme: Path) -> None:
    """Another person took the seat: the meeting's pages, both persons' pages and the attendance data change."""
    meeting = next(m / "meeting.yaml" for m in meeting_folders(content) if "substitutes:" in (m / "meeting.yaml").read_text())
    meeting.write_text(meeting.read_text(encoding="utf-8").replace("person: vikar-hansen", "person: vikar-jensen"), encoding="utf-8")


def renamed_substitute(content: Path, theme: Path) -> None:
    """The meeting page names its substitute: a new name must reach it."""
    path = next(content.glob("*/persons.yaml"))
    path.write_text(path.read_text(encoding="utf-8").replace("name: Vikar Hansen", "name: Vikar Hansen-Øst"), encoding="utf-8")


def replaced_original(content: Path, theme: Path) -> None:
    """A better copy of a meeting's original document: its copy in the site and the digest its pages show change."""
    meeting = next(m for m in meeting_folders(content) if (m / "original.txt").is_file())
    keep_original(meeting, b"Referat af m\xc3\xb8det, som kommunen offentliggjorde det\n")


def renamed_person(content: Path, theme: Path) -> None:
    path = next(content.glob("*/persons.yaml"))
    persons = yaml.safe_load(path.read_text(encoding="utf-8"))
    first = next(iter(persons))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(persons[first]["name"], "Karen Omdøbt Sørensen", 1), encoding="utf-8")


def changed_template(content: Path, theme: Path) -> None:
    template = theme / "templates" / "meeting.html"
    template.write_text(re.sub(r"(<h1>)", r"<p>Ændret skabelon</p>\n\1", template.read_text(encoding="utf-8"), count=1),
                        encoding="utf-8")


@pytest.mark.parametrize("change, every_page", [(added_meeting, False), (edited_item_text, False), (edited_with_size_and_time_kept, False),
                                                (edited_attachment_text, False), (removed_meeting, False),
                                                (edited_substitute, False), (renamed_substitute, False),
                                                (replaced_original, False),
                                                (renamed_person, False), (changed_template, True)])
def test_incremental_build_equals_full_build(content, tmp_path, change, every_page):
    """A changed template renders every page again (any page may use it); other changes only some."""
    theme = tmp_path / "theme"
    (theme / "templates").mkdir(parents=True)
    shutil.copy(DEFAULT_THEME / "templates" / "meeting.html", theme / "templates")
    build_site(content, tmp_path / "site", theme=theme, cache_dir=tmp_path / "cache")
    before = files(tmp_path / "site")
    change(content, theme)
    report = build_site(content, tmp_path / "site", theme=theme, cache_dir=tmp_path / "cache")
    build_site(content, tmp_path / "fresh", theme=theme, cache_dir=tmp_path / "other-cache", full=True)
    incremental, full = files(tmp_path / "site"), files(tmp_path / "fresh")
    assert incremental.keys() == full.keys()
    assert [path for path in full if incremental[path] != full[path]] == []
    assert full != before, "the change shows on the site"
    assert 0 < report.rendered <= report.pages
    assert (report.rendered == report.pages) == every_page


def test_unchanged_content_renders_nothing_and_keeps_the_site(content, tmp_path):
    build_site(content, tmp_path / "site", cache_dir=tmp_path / "cache")
    before = files(tmp_path / "site")
    report = build_site(content, tmp_path / "site", cache_dir=tmp_path / "cache")
    assert report.rendered == 0
    assert files(tmp_path / "site") == before


def test_a_page_missing_from_the_previous_site_is_rendered_again(content, tmp_path):
    build_site(content, tmp_path / "site", cache_dir=tmp_path / "cache")
    before = files(tmp_path / "site")
    meeting_page = next((tmp_path / "site").glob("*/*/*/index.html"))
    meeting_page.unlink()
    report = build_site(content, tmp_path / "site", cache_dir=tmp_path / "cache")
    assert report.rendered == 1
    assert files(tmp_path / "site") == before


def test_output_does_not_depend_on_the_number_of_processes(content, tmp_path):
    build_site(content, tmp_path / "one", cache_dir=tmp_path / "cache-one", jobs=1)
    build_site(content, tmp_path / "three", cache_dir=tmp_path / "cache-three", jobs=3)
    assert files(tmp_path / "one") == files(tmp_path / "three")


def test_cache_from_other_code_is_not_used(content, tmp_path):
    """Cache entries written by other code (here: the record's part keys made different) are ignored."""
    build_site(content, tmp_path / "site", cache_dir=tmp_path / "cache")
    record = next((tmp_path / "cache" / "sites").glob("*.json"))
    record.write_text(record.read_text(encoding="utf-8").replace('"key": "', '"key": "x'), encoding="utf-8")
    before = files(tmp_path / "site")
    (tmp_path / "site" / "search" / "index").rename(tmp_path / "moved-index")
    build_site(content, tmp_path / "site", cache_dir=tmp_path / "cache")
    assert files(tmp_path / "site") == before
