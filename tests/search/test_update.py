"""An index updated from the one a site had equals, file for file, the index a full build writes."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from kommunearkiv.content.reader import load_archive
from kommunearkiv.model import Archive
from kommunearkiv.parts import outline_archive, outline_of
from kommunearkiv.search import INDEX_FOLDER, Previous, numbering, write_search_index
from kommunearkiv.search.shards import CHUNK_BITS

from benchmarks.synthetic import add_meeting

SHARD_BYTES = 700  # many shards, so that boundaries move


@pytest.fixture
def content(synthetic_content, tmp_path) -> Path:
    return synthetic_content(tmp_path, meetings=30, municipalities=2, items=6, seed=5)


class Sites:
    """Builds of the index into numbered site folders, each from the one before, with the states kept.

    A build given the ``changed`` municipalities is partitioned, as the build of a site whose other
    municipalities are unchanged: the archive holds only those, the outline every municipality, and the
    whole archive is loaded only when asked for (``wholes`` counts it)."""

    def __init__(self, root: Path):
        self.root, self.count, self.state, self.wholes = root, 0, None, 0

    def build(self, content: Path, update: bool = True, changed: set[str] | None = None) -> tuple[dict, Path]:
        live = self.root / f"site-{self.count}"
        self.count += 1
        site = self.root / f"site-{self.count}"
        previous = Previous(self.root / "states", self.state if update else None, live / INDEX_FOLDER)
        archive = load_archive(content)
        options = {}
        if changed is not None:
            outline = outline_archive(outline_of(m, "", {}) for m in archive.municipalities.values())
            options = {"outline": outline, "whole": lambda: self._whole(content)}
            archive = Archive({m: archive.municipalities[m] for m in changed if m in archive.municipalities})
        figures = write_search_index(archive, site, SHARD_BYTES, previous, **options)
        self.state = figures["state"]
        return figures, site

    def _whole(self, content: Path) -> Archive:
        self.wholes += 1
        return load_archive(content)


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


@pytest.fixture
def made_items(monkeypatch) -> list[str]:
    """The municipality of every agenda item whose search document is made."""
    made = []

    def item_document(archive, item):
        made.append(item.meeting.municipality)
        return original(archive, item)

    original = numbering.item_document
    monkeypatch.setattr(numbering, "item_document", item_document)
    return made


@pytest.fixture
def five(synthetic_content, tmp_path) -> Path:
    """Five municipalities: one of them is less than a quarter of the documents."""
    return synthetic_content(tmp_path, meetings=30, municipalities=5, items=6, seed=5)


def municipalities(content: Path) -> list[str]:
    return sorted(p.parent.name for p in content.glob("*/municipality.yaml"))


def test_an_added_meeting_updates_from_its_municipality_alone(content, tmp_path, made_items):
    sites = Sites(tmp_path)
    sites.build(content)
    for seed in (1, 2):
        meeting = add_meeting(content, seed=seed)
        changed = meeting.relative_to(content).parts[0]
        made_items.clear()
        figures, site = sites.build(content, changed={changed})
        assert figures["how"] == "updated" and sites.wholes == 0
        assert made_items == [changed] * len(list(meeting.glob("punkt-*.md")))  # the added meeting's items only
        assert_same_as_full_build(content, site, tmp_path)
        assert_others_untouched(site, sites.root / f"site-{sites.count - 1}", municipalities(content).index(changed))


def assert_others_untouched(site: Path, live: Path, changed: int) -> None:
    """The other municipalities' chunks and segments are the live site's files (hard links), not written."""
    others = [f for sub in ("d", "p") for f in (site / INDEX_FOLDER / sub).glob("*.js") if owner(f) != changed]
    assert others and all(f.stat().st_ino == (live / INDEX_FOLDER / f.parent.name / f.name).stat().st_ino for f in others)


def owner(file: Path) -> int:
    """The position of the municipality a chunk (``d/<n>``) or segment (``p/<m>-…``) is of."""
    if file.parent.name == "p":
        return int(file.stem.split("-")[0])
    return numbering.municipality_of(int(file.stem) << CHUNK_BITS)


def test_an_added_municipality_after_the_others_is_added(five, tmp_path, made_items):
    last = municipalities(five)[-1]
    shutil.move(five / last, tmp_path / last)
    sites = Sites(tmp_path)
    sites.build(five)
    shutil.move(tmp_path / last, five / last)
    made_items.clear()
    figures, site = sites.build(five, changed={last})
    assert figures["how"] == "updated" and sites.wholes == 0
    assert made_items and set(made_items) == {last}
    assert_same_as_full_build(five, site, tmp_path)


def test_an_added_municipality_that_moves_the_others_ids_writes_the_index_whole(five, tmp_path):
    first = municipalities(five)[0]
    shutil.move(five / first, tmp_path / first)
    sites = Sites(tmp_path)
    sites.build(five)
    shutil.move(tmp_path / first, five / first)
    figures, site = sites.build(five, changed={first})
    assert figures["how"] == "written" and sites.wholes == 1
    assert_same_as_full_build(five, site, tmp_path)


@pytest.mark.parametrize("which", [0, -1])
def test_a_removed_municipality_writes_the_index_whole(five, tmp_path, which):
    sites = Sites(tmp_path)
    sites.build(five)
    shutil.rmtree(five / municipalities(five)[which])
    figures, site = sites.build(five, changed=set())
    assert figures["how"] == "written" and sites.wholes == 1  # its items' postings are not remembered
    assert_same_as_full_build(five, site, tmp_path)


def test_an_edited_old_item_writes_the_index_whole(content, tmp_path):
    sites = Sites(tmp_path)
    sites.build(content)
    item = sorted(content.glob("*/*/*/punkt-*.md"))[0]
    item.write_text(item.read_text(encoding="utf-8") + "\nEt tilføjet afsnit om vejbump.\n", encoding="utf-8")
    figures, site = sites.build(content, changed={item.relative_to(content).parts[0]})
    assert figures["how"] == "written" and sites.wholes == 1
    assert_same_as_full_build(content, site, tmp_path)


def test_a_committee_added_before_the_others_writes_the_index_whole(content, tmp_path):
    """The municipality's other committees move up one position, so do their documents' ids."""
    sites = Sites(tmp_path)
    sites.build(content)
    municipality = municipalities(content)[0]
    committee = content / municipality / "aaa-udvalget-2014-2017"
    committee.mkdir()
    (committee / "committee.yaml").write_text("name: Aaa-udvalget\nperiod: 2014-2017\nmembers: []\n", encoding="utf-8")
    figures, site = sites.build(content, changed={municipality})
    assert figures["how"] == "written" and sites.wholes == 1
    assert_same_as_full_build(content, site, tmp_path)
