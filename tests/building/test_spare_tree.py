"""The tree a build replaces is kept as the spare and brought up to date in place by the next build."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from benchmarks.synthetic import add_meeting
from building_sites import files
from kommunearkiv import build as build_module
from kommunearkiv.build import build_site
from kommunearkiv.incremental import BuildCache
from kommunearkiv.web.freeze import file_path


def folders(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_dir())


def spare_of(site: Path, cache: Path) -> Path:
    return BuildCache(cache, site, [], None).spare


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

    monkeypatch.setattr(build_module, "write_exports", failing)
    with pytest.raises(RuntimeError, match="skriveren fejlede"):
        build_site(content, site, cache_dir=cache, jobs=1)
    assert files(site) == before
    assert not spare_of(site, cache).exists(), "a spare half brought up to date is not kept"
    monkeypatch.undo()
    build_site(content, site, cache_dir=cache)
    assert files(site) == files(full_build(content, tmp_path))


def test_full_builds_keep_no_spare(content, tmp_path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    build_site(content, site, cache_dir=cache)
    build_site(content, site, cache_dir=cache, full=True)
    assert not spare_of(site, cache).exists()


def test_every_file_of_a_site_is_a_page_a_static_file_or_a_data_file(content, tmp_path):
    """Data files are written only in data/, search/index/, the site root and, for the original documents, beside
    their meeting pages; every one is recorded."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    build_site(content, site, cache_dir=cache)
    record = BuildCache(cache, site, [], None).previous()
    known = {file_path(url) for url in record.pages} | set(record.static) | set(record.data_files)
    assert set(files(site)) == known
    assert all(path.startswith(("data/", "search/index/")) or "/" not in path or path.endswith("/original.txt")
               for path in record.data_files)
    assert [path for path in record.data_files if path.endswith("/original.txt")]
    assert os.path.isfile(site / "robots.txt") and "robots.txt" in record.data_files


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


def test_data_files_that_did_not_change_are_not_written_again(content, tmp_path):
    """The data writers keep the spare's file where it holds what they would write, and the search index
    the chunks of documents that did not change: those files are the same files (inode and modification time)."""
    site, cache = tmp_path / "site", tmp_path / "cache"
    build_site(content, site, cache_dir=cache)
    def identity(path: str) -> tuple[int, int]:  # (not the status change time: a hard link changes it)
        status = os.stat(site / path)
        return status.st_ino, status.st_mtime_ns

    identities = {path: identity(path) for path in files(site) if path.startswith(("data/", "search/index/"))}
    for seed in (1, 2):
        add_meeting(content, seed=seed)
        build_site(content, site, cache_dir=cache)  # the second starts from the first build's tree
    kept = {path for path, before in identities.items() if (site / path).is_file() and identity(path) == before}
    assert "data/arkiv.json" not in kept and "search/index/manifest.js" not in kept
    assert any(p.startswith("data/") and p.endswith(".json") for p in kept)
    assert any(p.startswith("search/index/d/") for p in kept)  # (in an archive this small, a meeting touches every shard)
    assert set(files(site)) == set(files(full_build(content, tmp_path)))
