"""A build loads only the municipalities whose content changed and takes the others over from the previous
builds: the result is still byte for byte what a full build writes."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from benchmarks.synthetic import add_meeting
from building_sites import files
from kommunearkiv.build import build_site
from kommunearkiv.build.parts import part_keys


@pytest.fixture
def content(synthetic_content, tmp_path) -> Path:
    return synthetic_content(tmp_path, meetings=9, municipalities=3, items=4, seed=7)


def municipalities(content: Path) -> list[Path]:
    return sorted(p.parent for p in content.glob("*/municipality.yaml"))


def build(content: Path, tmp_path: Path):
    return build_site(content, tmp_path / "site", cache_dir=tmp_path / "cache")


def assert_as_full_build(content: Path, tmp_path: Path) -> None:
    shutil.rmtree(tmp_path / "fresh", ignore_errors=True)
    build_site(content, tmp_path / "fresh", cache_dir=tmp_path / "fresh-cache", full=True)
    incremental, full = files(tmp_path / "site"), files(tmp_path / "fresh")
    assert sorted(incremental.keys() ^ full.keys()) == []
    assert [path for path in full if incremental[path] != full[path]] == []


def edit_item(municipality: Path) -> None:
    item = next(p for p in sorted(municipality.glob("*/*/punkt-*.md")) if "access: closed" not in p.read_text())
    item.write_text(item.read_text(encoding="utf-8") + "\nEn ny sætning om skolebusser.\n", encoding="utf-8")


def test_an_added_meeting_loads_only_its_municipality(content, tmp_path):
    assert build(content, tmp_path).loaded == 3
    assert build(content, tmp_path).loaded == 0
    add_meeting(content, seed=11)
    report = build(content, tmp_path)
    assert report.loaded == 1
    assert 0 < report.rendered < report.pages // 2
    assert_as_full_build(content, tmp_path)


def test_changes_to_one_municipality_after_another(content, tmp_path):
    """Parts are taken over from the spare (one build back) or from the live site (the last build)."""
    first, second, third = municipalities(content)
    build(content, tmp_path)
    for change in (lambda: edit_item(second), lambda: add_meeting(content, seed=3), lambda: None,
                   lambda: edit_item(third), lambda: edit_item(second)):
        change()
        build(content, tmp_path)
        assert_as_full_build(content, tmp_path)


@pytest.mark.parametrize("change", ["added last", "added first", "removed", "renamed"])
def test_municipalities_added_removed_and_renamed(content, tmp_path, change):
    first, second, third = municipalities(content)
    build(content, tmp_path)
    build(content, tmp_path)
    if change == "added last":
        shutil.copytree(second, content / "zz-kommune")
    elif change == "added first":  # every other municipality's position (its search index ids) moves
        shutil.copytree(third, content / "aa-kommune")
    elif change == "removed":
        shutil.rmtree(second)
    else:
        second.rename(content / f"{second.name}-ny")
    report = build(content, tmp_path)
    assert report.loaded == {"added last": 1, "added first": 4, "removed": 1, "renamed": 1}[change]
    assert_as_full_build(content, tmp_path)


def test_a_file_deleted_by_hand_is_made_again(content, tmp_path):
    first, second, third = municipalities(content)
    build(content, tmp_path)
    edit_item(third)
    build(content, tmp_path)  # the live site holds the third's new part, the spare its old one
    page = next((tmp_path / "site" / third.name).glob("*/*/index.html"))
    data_file = next((tmp_path / "site" / "data" / third.name).glob("*/*.json"))
    page.unlink()
    data_file.unlink()
    edit_item(first)
    report = build(content, tmp_path)
    assert report.loaded == 2  # the first (changed) and the third (its files gone)
    assert page.is_file() and data_file.is_file()
    assert_as_full_build(content, tmp_path)


def test_the_cache_keeps_the_parts_the_records_name(content, tmp_path):
    build(content, tmp_path)
    for municipality in municipalities(content):
        edit_item(municipality)
        build(content, tmp_path)
    stored = {p.stem for p in (tmp_path / "cache").glob("sites/*/parts/*.pickle")}
    records = [json.loads(p.read_text(encoding="utf-8")) for p in (tmp_path / "cache").glob("sites/*/*.json")]
    assert len(records) == 2  # the live site's and the spare's
    named = {key for record in records for key in record["parts"].values()}
    assert stored == named and len(named) == 3 + 1  # the spare is one build back: the last change's old key


def test_part_keys_tell_every_change_of_a_municipality(content):
    first, second, _ = municipalities(content)
    before = part_keys(content, "code")
    item = next(first.glob("*/*/punkt-*.md"))
    status = item.stat()
    item.write_bytes(item.read_bytes().replace(b"a", b"e", 1))
    os.utime(item, ns=(status.st_atime_ns, status.st_mtime_ns))  # same size and time: the change time differs
    after_edit = part_keys(content, "code")
    assert after_edit[first.name] != before[first.name]
    assert {m: s for m, s in after_edit.items() if m != first.name} == {m: s for m, s in before.items() if m != first.name}
    next(second.glob("*/*/")).rename(second / "x")
    assert part_keys(content, "code")[second.name] != before[second.name]
    assert part_keys(content, "code") == part_keys(content, "code") != part_keys(content, "other code")
