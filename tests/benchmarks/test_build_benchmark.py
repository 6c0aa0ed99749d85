"""The build benchmark on tiny archives: real builds in child processes, measured as the build command runs them."""
from __future__ import annotations

import contextlib
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from benchmarks.build_benchmark import main
from benchmarks.child_runs import BuildRunner, run_child, snapshot_code
from benchmarks.build_report import verdicts
from benchmarks.site_compare import compare_sites
from kommunearkiv.web.freeze import SITE_PAGES

SIZES = (8, 16)


@pytest.fixture(scope="module")
def first_run(tmp_path_factory) -> tuple[Path, dict, str]:
    """Both sizes with every measurement; the work folder, the JSON figures and what was printed."""
    root = tmp_path_factory.mktemp("bench")
    work, figures = root / "work", root / "figures.json"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert main(["--sizes", ",".join(map(str, SIZES)), "--work", str(work), "--steps", "--json", str(figures)]) == 0
    return work, json.loads(figures.read_text(encoding="utf-8")), printed.getvalue()


def test_full_build_then_a_rebuild_with_nothing_to_render(first_run):
    _, figures, _ = first_run
    for result in figures["sizes"]:
        full, unchanged = result["full"], result["unchanged"]
        assert full["pages"] > result["meetings"] * 10 and full["rendered"] == full["pages"] - len(SITE_PAGES)
        assert full["cpu_s"] > 0 and full["peak_mib"] > 20 and full["peak_total_mib"] > 20 and full["pages_per_cpu_s"] > 0
        assert unchanged["pages"] == full["pages"] and unchanged["rendered"] == 0
        assert unchanged["output_files"] == full["output_files"]


def test_added_meeting_renders_its_municipality_and_matches_a_full_build(first_run):
    work, figures, printed = first_run
    for result in figures["sizes"]:
        added, size = result["added"], result["meetings"]
        run = work / f"run-{size}"
        assert (run / "site" / added["meeting"] / "index.html").is_file()
        assert added["pages"] > result["full"]["pages"] and added["loaded"] == 1 and 0 < added["rendered"] < added["pages"]
        assert added["full_build"]["rendered"] == added["full_build"]["pages"] - len(SITE_PAGES) == added["pages"] - len(SITE_PAGES)
        assert added["comparison"]["identical"] and added["comparison"]["files"] == sum(1 for p in (run / "site-full").rglob("*") if p.is_file())
    assert printed.count("identical: yes") == len(SIZES)


def test_steps_growth_and_verdicts_are_reported(first_run):
    _, figures, printed = first_run
    for result in figures["sizes"]:
        assert list(result["steps"]["steps"]) == ["load", "outlines", "app", "freeze", "search", "exports"]
        assert not [name for name, step in result["steps"]["steps"].items() if "error" in step]
    judged = {v["target"]: v for v in figures["verdicts"]}
    assert len(judged) == 7
    assert [v["met"] for v in judged.values() if v["target"].startswith(("full build", "peak memory"))] == [None, None]
    assert judged["incremental build identical to a full build, byte for byte"]["met"] is True
    assert all(v["met"] is not None for t, v in judged.items() if "linearly" in t)
    assert "Growth (full build):" in printed and "Targets (issue 8):" in printed
    assert all(f"{size:>10}" in printed for size in SIZES)


def test_mkdocs_ratio_taken_in_the_same_run(first_run):
    """MkDocs comes with the test dependencies (make test installs '.[test,bench]')."""
    _, figures, printed = first_run
    for result in figures["sizes"]:
        mkdocs = result["mkdocs"]
        expected = (result["full"]["cpu_s"] / result["full"]["pages"]) / (mkdocs["cpu_s"] / mkdocs["pages"])
        assert mkdocs["pages"] > result["meetings"] and mkdocs["ratio_per_page_cpu"] == pytest.approx(expected, rel=0.01)
    assert "ours / MkDocs" in printed


def test_a_second_run_reuses_the_archive_without_the_added_meeting(first_run, tmp_path):
    work, figures, _ = first_run
    first = figures["sizes"][0]
    generated = work / f"content-{first['meetings']}-seed1"
    assert not (generated / first["added"]["meeting"]).exists()
    again = tmp_path / "again.json"
    assert main(["--sizes", str(first["meetings"]), "--work", str(work), "--no-mkdocs", "--no-rebuild", "--json", str(again)]) == 0
    [result] = json.loads(again.read_text(encoding="utf-8"))["sizes"]
    assert result["generate"]["reused"] is True
    assert result["full"]["pages"] == first["full"]["pages"] and "added" not in result
    assert not (work / f"run-{first['meetings']}" / "site" / first["added"]["meeting"]).exists()


def test_comparison_names_the_files_that_differ(first_run, tmp_path):
    work, figures, _ = first_run
    size = figures["sizes"][-1]["meetings"]  # the second-run test starts size 8 afresh
    site, copy = work / f"run-{size}" / "site-full", tmp_path / "copy"
    shutil.copytree(site, copy)
    assert compare_sites(site, copy)["identical"]
    (copy / "index.html").write_bytes((site / "index.html").read_bytes() + b" ")
    (copy / "extra.txt").write_text("x", encoding="utf-8")
    removed = sorted(p.relative_to(copy).as_posix() for p in copy.rglob("*.json"))[0]
    (copy / removed).unlink()
    comparison = compare_sites(site, copy)
    assert not comparison["identical"]
    assert comparison["differing"] == ["index.html"]
    assert comparison["only_in_first"] == [removed] and comparison["only_in_second"] == ["extra.txt"]


def test_child_usage_includes_the_workers_it_waited_for():
    """The CPU time of a forked worker that burns about half a second counts in the child's rusage."""
    burn = ("import os, time\npid = os.fork()\nif pid == 0:\n    end = time.process_time() + 0.5\n"
            "    while time.process_time() < end: pass\n    os._exit(0)\nos.waitpid(pid, 0)\n")
    _, usage = run_child([sys.executable, "-c", burn])
    assert usage["cpu_s"] >= 0.5 and usage["wall_s"] >= 0.5


def test_verdicts_judge_the_10000_meeting_size_against_the_targets(first_run):
    _, figures, _ = first_run
    result = json.loads(json.dumps(figures["sizes"][-1]))
    result["meetings"] = 10_000
    for wall, met in ((599.0, True), (601.0, False)):
        result["full"]["wall_s"] = wall
        assert verdicts([result])[0]["met"] is met


def test_builds_run_on_the_copy_of_the_code(first_run, tmp_path):
    """A template changed in the copy, not in the tree, shows in the built pages: children import the copy."""
    work, figures, _ = first_run
    code = snapshot_code(tmp_path / "code")
    base = code / "themes" / "default" / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("</body>", "<!-- from the copy --></body>"), encoding="utf-8")
    content = work / f"content-{figures['sizes'][-1]['meetings']}-seed1"
    built = BuildRunner(code, jobs=2).build(content, tmp_path / "site", full=True)
    assert built["pages"] == figures["sizes"][-1]["full"]["pages"]
    assert "<!-- from the copy -->" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
