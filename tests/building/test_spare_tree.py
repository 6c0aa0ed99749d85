"""The tree a build replaces is kept as the spare and brought up to date in place by the next build."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from benchmarks.synthetic import add_meeting
from building_sites import files
from kommunearkiv.build import Cache, build_site, workers
from kommunearkiv.build.trees import Record


def folders(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_dir())


def spare_of(site: Path, cache: Path) -> Path:
    return Cache(cache, site).spare


def full_build(content: Path, tmp_path: Path) -> Path:
    fresh = tmp_path / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    build_site(content, fresh, cache_dir=tmp_path / "fresh-cache", full=True)
    return fresh


def edit_oldest_item(content: Path, seed: int) -> None:
    """A change to a page that the build before left unchanged (so it is one file shared by the spare and the site)."""
    item = next(p for p in sorted(content.glob("*/*/*/punkt-*.md")) if "access: closed" not in p.read_text())
    item.write_text(item.read_text(encoding="utf-8") + f"\nTilføjet i ændring {seed}.\n", encoding="utf-8")


def test_builds_on_the_spare_equal_full_builds_and_never_touch_the_live_site(content, tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    build_site(content, site, cache_dir=cache)
    assert not spare_of(site, cache).exists(), "a first build has no earlier tree to keep"
    for change, seed in ((add_meeting, 11), (add_meeting, 12), (edit_oldest_item, 13), (add_meeting, 14)):
        live_before = files(site)
        change(content, seed=seed)
        report = build_site(content, site, cache_dir=cache)
        assert 0 < report.rendered < report.pages
        fresh = full_build(content, tmp_path)
        assert files(site) == files(fresh)
        assert folders(site) == folders(fresh), "no folder left behind by removed files"
        assert files(spare_of(site, cache)) == live_before, "the replaced site is kept unchanged as the spare"


def test_a_removed_meeting_leaves_no_file_or_folder_in_the_updated_spare(content, tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    build_site(content, site, cache_dir=cache)
    add_meeting(content, seed=21)
    build_site(content, site, cache_dir=cache)
    meetings = sorted(p.parent for p in content.glob("*/*/*/meeting.yaml"))
    shutil.rmtree(meetings[0])
    build_site(content, site, cache_dir=cache)
    fresh = full_build(content, tmp_path)
    assert files(site) == files(fresh) and folders(site) == folders(fresh)


def test_a_failed_build_on_the_spare_leaves_the_site_and_the_next_build_is_right(content, tmp_path, monkeypatch):
    site, cache = tmp_path / "site", tmp_path / "cache"
    build_site(content, site, cache_dir=cache)
    add_meeting(content, seed=31)
    build_site(content, site, cache_dir=cache)
    before = files(site)
    add_meeting(content, seed=32)

    def failing(*args, **kwargs):
        raise RuntimeError("skriveren fejlede")

    monkeypatch.setattr(workers, "write_municipality_files", failing)
    with pytest.raises(RuntimeError, match="skriveren fejlede"):
        build_site(content, site, cache_dir=cache, jobs=1)
    assert files(site) == before
    assert not spare_of(site, cache).exists(), "a spare half brought up to date is not kept"
    monkeypatch.undo()
    build_site(content, site, cache_dir=cache)
    assert files(site) == files(full_build(content, tmp_path))


def test_a_full_build_starts_from_an_empty_folder(content, tmp_path):
    """A file put into the site by hand survives in the spare, not a full build."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    build_site(content, site, cache_dir=cache)
    (site / "hand.txt").write_text("lagt ind i hånden", encoding="utf-8")
    build_site(content, site, cache_dir=cache)
    build_site(content, site, cache_dir=cache, full=True)
    assert not (site / "hand.txt").exists()


def test_every_file_of_a_site_is_recorded(content, tmp_path):
    """Each municipality's part lists its pages, data files and search files; the record the site-wide ones."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    build_site(content, site, cache_dir=cache)
    state = Cache(cache, site)
    record = Record.read(state.live)
    parts = [state.parts.get(key) for key in record.parts.values()]
    recorded = record.files + [path for part in parts for path in part.files]
    assert sorted(recorded) == sorted(files(site))
    assert [path for part in parts for path in part.files if path.endswith("/original.txt")]
    assert "robots.txt" in record.files and "search/index/manifest.js" in record.files


def test_a_cache_on_another_file_system_keeps_no_spare_and_builds_stay_right(content, tmp_path):
    """The spare is moved by rename, which cannot cross file systems: then no spare is kept, and no empty
    folder may pass for one."""
    other = Path("/dev/shm")
    if not other.is_dir() or other.stat().st_dev == tmp_path.stat().st_dev:
        pytest.skip("needs a second file system at /dev/shm")
    cache = Path(tempfile.mkdtemp(dir=other))
    try:
        site = tmp_path / "site"
        for seed in (None, 41, 42):
            if seed:
                add_meeting(content, seed=seed)
            build_site(content, site, cache_dir=cache)
            assert not spare_of(site, cache).exists()
            assert files(site) == files(full_build(content, tmp_path))
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def test_files_of_municipalities_that_did_not_change_are_not_written_again(synthetic_content, tmp_path):
    """They stay the same files (inode and modification time) in the spare, or are linked from the live site."""
    content = synthetic_content(tmp_path, meetings=6, municipalities=2, items=3, seed=5)
    first, second = sorted(p.parent.name for p in content.glob("*/municipality.yaml"))
    site, cache = tmp_path / "site", tmp_path / "cache"
    build_site(content, site, cache_dir=cache)

    def identities(prefix: str) -> dict[str, tuple[int, int]]:  # (not the status change time: a hard link changes it)
        return {path: (os.stat(site / path).st_ino, os.stat(site / path).st_mtime_ns) for path in files(site)
                if path.startswith(prefix)}

    before = identities(f"{first}/"), identities(f"data/{first}/")
    for number in (1, 2):  # the second build starts from the first build's tree
        item = next(p for p in sorted((content / second).glob("*/*/punkt-*.md")) if "access: closed" not in p.read_text())
        item.write_text(item.read_text(encoding="utf-8") + f"\nÆndring {number}.\n", encoding="utf-8")
        assert build_site(content, site, cache_dir=cache).loaded == 1
    assert (identities(f"{first}/"), identities(f"data/{first}/")) == before
    assert files(site) == files(full_build(content, tmp_path))


def test_a_deleted_site_and_a_full_build_leave_no_spare_that_could_mislead(content, tmp_path):
    """The full build replaces no tree, so the spare of two builds back must not stay as if it were the last."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    build_site(content, site, cache_dir=cache)
    edit_oldest_item(content, seed=51)
    build_site(content, site, cache_dir=cache)
    shutil.rmtree(site)
    build_site(content, site, cache_dir=cache, full=True)
    build_site(content, site, cache_dir=cache)
    assert files(site) == files(full_build(content, tmp_path))
