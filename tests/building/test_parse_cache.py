"""The parse cache: files are parsed again only when their status changed; nothing else is kept."""
from __future__ import annotations

import pickle
from pathlib import Path

from kommunearkiv.parse_cache import ParseCache


def counting_parser(calls: list):
    def parse_text(path: Path) -> str:
        calls.append(path.name)
        return path.read_text(encoding="utf-8").upper()
    return parse_text


def read_all(cache_dir: Path, folders: list[Path], calls: list) -> dict[str, str]:
    cache = ParseCache(cache_dir, "code-1")
    parse = counting_parser(calls)
    results = {f"{folder.name}/{path.name}": cache.parsed(path, parse) for folder in folders for path in sorted(folder.glob("*.txt"))}
    cache.save()
    return results


def test_unchanged_files_are_not_parsed_again_and_changes_are(tmp_path):
    folders = [tmp_path / "a", tmp_path / "b"]
    for number, folder in enumerate(folders):
        folder.mkdir()
        for k in range(3):
            (folder / f"{k}.txt").write_text(f"tekst {number} {k}", encoding="utf-8")
    calls: list = []
    first = read_all(tmp_path / "cache", folders, calls)
    assert len(calls) == 6 and first["b/2.txt"] == "TEKST 1 2"
    calls.clear()
    assert read_all(tmp_path / "cache", folders, calls) == first and calls == []
    (folders[0] / "1.txt").write_text("ændret", encoding="utf-8")
    (folders[1] / "0.txt").unlink()
    second = read_all(tmp_path / "cache", folders, calls)
    assert calls == ["1.txt"] and second["a/1.txt"] == "ÆNDRET" and "b/0.txt" not in second
    stored = [pickle.loads(p.read_bytes())[1] for p in sorted((tmp_path / "cache").glob("*.pickle"))]
    assert sorted(len(entries) for entries in stored) == [2, 3], "entries of removed or replaced files are dropped"
    calls.clear()
    assert read_all(tmp_path / "cache", folders, calls) == second and calls == []


def test_a_folder_no_longer_read_loses_its_cache_file(tmp_path):
    folders = [tmp_path / "a", tmp_path / "b"]
    for folder in folders:
        folder.mkdir()
        (folder / "x.txt").write_text("x", encoding="utf-8")
    read_all(tmp_path / "cache", folders, [])
    read_all(tmp_path / "cache", folders[:1], [])
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 1


def test_cache_written_by_other_code_is_not_used(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x", encoding="utf-8")
    read_all(tmp_path / "cache", [tmp_path / "a"], [])
    calls: list = []
    cache = ParseCache(tmp_path / "cache", "code-2")
    cache.parsed(tmp_path / "a" / "x.txt", counting_parser(calls))
    assert calls == ["x.txt"]


def test_a_failed_build_keeps_nothing_it_staged(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x", encoding="utf-8")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "y.txt").write_text("y", encoding="utf-8")
    cache = ParseCache(tmp_path / "cache", "code-1")
    try:
        with cache:
            cache.parsed(tmp_path / "a" / "x.txt", counting_parser([]))
            cache.parsed(tmp_path / "b" / "y.txt", counting_parser([]))  # moving on stages folder a
            staging = cache.staging
            assert staging is not None and len(list(staging.iterdir())) == 1
            raise RuntimeError("bygget fejlede")
    except RuntimeError:
        pass
    assert not staging.exists() and not (tmp_path / "cache").exists()


def test_a_folder_read_in_two_visits_keeps_both_parts(tmp_path):
    folders = [tmp_path / "a", tmp_path / "b"]
    for folder in folders:
        folder.mkdir()
        for k in range(2):
            (folder / f"{k}.txt").write_text(f"{folder.name}{k}", encoding="utf-8")
    order = [folders[0] / "0.txt", folders[1] / "0.txt", folders[0] / "1.txt", folders[1] / "1.txt"]
    for expected_parses in (4, 0):
        calls: list = []
        cache = ParseCache(tmp_path / "cache", "code-1")
        with cache:
            assert [cache.parsed(path, counting_parser(calls)) for path in order] == ["A0", "B0", "A1", "B1"]
            cache.save()
        assert len(calls) == expected_parses
