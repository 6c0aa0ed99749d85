"""An index updated from the one a site had equals, file for file, the index a full build writes."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kommunearkiv.content.reader import load_archive
from kommunearkiv.search import INDEX_FOLDER, Previous, write_search_index

from benchmarks.synthetic import add_meeting

SHARD_BYTES = 700  # many shards, so that boundaries move


@pytest.fixture
def content(synthetic_content, tmp_path) -> Path:
    return synthetic_content(tmp_path, meetings=30, municipalities=2, items=6, seed=5)


class Sites:
    """Builds of the index into numbered site folders, each from the one before, with the states kept."""

    def __init__(self, root: Path):
        self.root, self.count, self.state = root, 0, None

    def build(self, content: Path, update: bool = True) -> tuple[dict, Path]:
        live = self.root / f"site-{self.count}"
        self.count += 1
        site = self.root / f"site-{self.count}"
        previous = Previous(self.root / "states", self.state if update else None, live / INDEX_FOLDER)
        figures = write_search_index(load_archive(content), site, SHARD_BYTES, previous)
        self.state = figures["state"]
        return figures, site


def index_files(site: Path) -> dict[str, bytes]:
    folder = site / INDEX_FOLDER
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_same_as_full_build(content: Path, site: Path, tmp_path: Path) -> None:
    full = tmp_path / "full"
    write_search_index(load_archive(content), full, SHARD_BYTES)
    updated, written = index_files(site), index_files(full)
    assert sorted(updated) == sorted(written)
    assert [name for name in written if updated[name] != written[name]] == []


def test_added_meetings_update_the_index_to_a_full_builds(content, tmp_path):
    sites = Sites(tmp_path)
    figures, _ = sites.build(content)
    assert figures["how"] == "written" and figures["shards"] > 40
    for seed in (1, 2, 3):
        add_meeting(content, seed=seed)
        figures, site = sites.build(content)
        assert figures["how"] == "updated"
        assert_same_as_full_build(content, site, tmp_path)


def test_an_item_joining_a_case_updates_the_case(content, tmp_path):
    sites = Sites(tmp_path)
    sites.build(content)
    case_number = next(m[1] for p in sorted(content.glob("*/*/*/punkt-*.md"))
                       if (m := re.search(r"^case: (.+)$", p.read_text(encoding="utf-8"), re.M)))
    meeting = add_meeting(content, seed=7)
    item = sorted(meeting.glob("punkt-*.md"))[-1]
    text = re.sub(r"^case: .+\n", "", item.read_text(encoding="utf-8"), flags=re.M)
    item.write_text(text.replace("\ntitle:", f"\ncase: {case_number}\ntitle:", 1), encoding="utf-8")
    figures, site = sites.build(content)
    assert figures["how"] == "updated"
    assert_same_as_full_build(content, site, tmp_path)


def test_a_renamed_person_and_a_removed_meeting(content, tmp_path):
    sites = Sites(tmp_path)
    sites.build(content)
    persons = next(content.glob("*/persons.yaml"))
    name = re.search(r"^  name: (.+)$", persons.read_text(encoding="utf-8"), re.M)[1]
    persons.write_text(persons.read_text(encoding="utf-8").replace(name, "Else Omdøbt"), encoding="utf-8")
    figures, site = sites.build(content)
    assert_same_as_full_build(content, site, tmp_path)
    shutil.rmtree(sorted(content.glob("*/*/20*"))[-1])
    figures, site = sites.build(content)
    assert figures["how"] == "written"  # its items' postings are not remembered
    assert_same_as_full_build(content, site, tmp_path)


def test_a_state_of_other_code_is_not_used(content, tmp_path):
    sites = Sites(tmp_path)
    _, site = sites.build(content)
    add_meeting(content, seed=1)
    previous = Previous(tmp_path / "states", sites.state, site / INDEX_FOLDER, code="other code")
    figures = write_search_index(load_archive(content), tmp_path / "next", SHARD_BYTES, previous)
    assert figures["how"] == "written"
    assert_same_as_full_build(content, tmp_path / "next", tmp_path)


def edit_manifest(index: Path) -> None:
    (index / "manifest.js").write_text("changed by hand", encoding="utf-8")


def remove_chunks(index: Path) -> None:
    for chunk in (index / "d").glob("*.js"):
        chunk.unlink()  # the update would read the chunks its new documents join


@pytest.mark.parametrize("damage", [edit_manifest, remove_chunks])
def test_a_live_index_changed_by_hand_is_written_whole(content, tmp_path, damage):
    sites = Sites(tmp_path)
    _, site = sites.build(content)
    damage(site / INDEX_FOLDER)
    add_meeting(content, seed=1)
    figures, site = sites.build(content)
    assert figures["how"] == "written"
    assert_same_as_full_build(content, site, tmp_path)
