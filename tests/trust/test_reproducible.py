"""Same content, different folder, time, time zone and working folder: byte-identical site and zip."""
from __future__ import annotations

import os
import shutil
import time

from cli_run import ROOT, run_cli, tree

SHIPPED = ROOT / "content"
SITE_URL = "https://arkiv.example/udvalg/"


def build_in(folder, cwd, env: dict) -> dict[str, bytes]:
    content = folder / "indhold" / "content"
    shutil.copytree(SHIPPED, content)
    for path in content.rglob("*"):  # other file times than the shipped copy
        os.utime(path, (time.time() - 86400 * 400, time.time() - 86400 * 400))
    cwd.mkdir(parents=True, exist_ok=True)
    result = run_cli("archive", "--content", str(content), "--site", str(folder / "ud" / "site"), "--site-url", SITE_URL,
                     "--output", str(folder / "arkiv.zip"), cwd=cwd, env=env)
    assert result.returncode == 0, result.stderr
    return {**tree(folder / "ud" / "site"), "arkiv.zip": (folder / "arkiv.zip").read_bytes()}


def without_epoch(**env) -> dict:
    return {**{k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}, **env}


def assert_identical(first: dict, second: dict) -> None:
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, differing[:10]


def test_two_builds_at_different_places_and_times_are_byte_identical(tmp_path):
    first = build_in(tmp_path / "a", tmp_path / "a", without_epoch(TZ="UTC", LANG="C.UTF-8"))
    time.sleep(1.1)
    second = build_in(tmp_path / "b" / "dybere", tmp_path / "andet", without_epoch(TZ="Pacific/Kiritimati", LANG="da_DK.UTF-8"))
    assert len(first) > 150
    assert_identical(first, second)


def test_source_date_epoch_sets_only_the_feeds_time_and_the_citations_day_and_is_reproducible_too(tmp_path):
    epoch = {"SOURCE_DATE_EPOCH": "1700000000"}
    first = build_in(tmp_path / "a", tmp_path / "a", {**epoch, "TZ": "UTC"})
    second = build_in(tmp_path / "b", tmp_path, {**epoch, "TZ": "America/St_Johns"})
    assert_identical(first, second)
    plain = build_in(tmp_path / "c", tmp_path / "c", without_epoch())
    differing = {name for name in first if first[name] != plain[name]}
    citing = {name for name in differing if name.endswith("index.html") and b'id="citation"' in first[name]}
    assert differing and all(name.startswith(("data/feeds/", "data/kalendere/")) or name == "arkiv.zip" for name in differing - citing), differing
    assert b"2023-11-14T22:13:20" in first["data/feeds/alle.atom"]
    assert citing and all("udgivet 14. november 2023".encode() in first[name] for name in citing)


def test_a_source_date_epoch_that_is_not_a_number_is_a_clear_error(tmp_path):
    result = run_cli("--content", str(SHIPPED), "--site", str(tmp_path / "site"), env={"SOURCE_DATE_EPOCH": "i går"})
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "SOURCE_DATE_EPOCH: environment: a whole number of seconds since 1970-01-01, found 'i går'" in result.stderr
    assert not (tmp_path / "site").exists()
