"""Build benchmark: the build users run, on synthetic archives of given sizes, beside MkDocs.

    python -m benchmarks build [--sizes 1000,10000] [--work DIR] [--jobs N] [--no-mkdocs] [--no-rebuild]
                               [--steps] [--profile] [--json FILE]

For each size: a full build (``build_site(full=True)``), a rebuild with
nothing changed, a rebuild after adding one meeting checked byte for byte
against a full build of the same content, and MkDocs on the same pages.
Every build runs in a child process (``child_runs.py``) on a copy of the
code taken when the run starts. Absolute times on a shared machine vary; the
MkDocs ratio, taken in the same run on the same pages, is the figure to compare.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from . import build_report as report
from .child_runs import BuildRunner, mkdocs_in_child, snapshot_code
from .site_compare import compare_sites
from .synthetic import add_meeting, generate_archive

DEFAULT_SIZES = (1000, 10000)
READY = ".generated"


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    work = (args.work or Path(tempfile.mkdtemp(prefix="kommunearkiv-bench-"))).resolve()
    print(f"Machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}", flush=True)
    runner = BuildRunner(snapshot_code(work / "code"), args.jobs)
    results = [measure_size(size, work, runner, args) for size in args.sizes]
    report.print_growth(results)
    verdicts = report.verdicts(results)
    report.print_verdicts(verdicts)
    if args.json:
        figures = {"sizes": results, "verdicts": verdicts}
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nWork folder (content, sites, profiles): {work}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks build", description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=lambda s: [int(n) for n in s.split(",")], default=list(DEFAULT_SIZES),
                   help="meetings per archive, comma-separated (default: 1000,10000; about 10 items each)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--work", type=Path, default=None, metavar="DIR",
                   help="folder for content and sites; generated archives found there are reused (default: a new temporary folder)")
    p.add_argument("--jobs", type=int, default=None, help="processes per build (default: the build's, one per core)")
    p.add_argument("--no-mkdocs", dest="mkdocs", action="store_false", help="skip the MkDocs comparison")
    p.add_argument("--no-rebuild", dest="rebuild", action="store_false",
                   help="skip the rebuild after adding one meeting and its comparison with a full build")
    p.add_argument("--steps", action="store_true", help="also run the build step by step in one process, timing each step")
    p.add_argument("--profile", action="store_true",
                   help="write cProfile statistics of the step-by-step build into the work folder (implies --steps)")
    p.add_argument("--json", type=Path, default=None, metavar="FILE", help="also write the figures and verdicts as JSON")
    return p


def measure_size(size: int, work: Path, runner: BuildRunner, args) -> dict:
    """Every measurement of one size, in a fresh run folder holding a copy of the generated archive."""
    generated = work / f"content-{size}-seed{args.seed}"
    result = {"meetings": size, "generate": ensure_content(generated, size, args.seed)}
    run = work / f"run-{size}"
    shutil.rmtree(run, ignore_errors=True)
    content, site = run / "content", run / "site"
    shutil.copytree(generated, content, ignore=shutil.ignore_patterns(READY))
    print(f"\n== {size} meetings: content {generated} ({result['generate']}), builds in {run}", flush=True)
    result["full"] = runner.build(content, site, full=True)
    report.print_build("full build", result["full"])
    result["unchanged"] = runner.build(content, site)
    report.print_build("rebuild, nothing changed", result["unchanged"])
    if args.mkdocs and not importlib.util.find_spec("mkdocs"):
        print("MkDocs is not installed (pip install -e '.[bench]'): comparison skipped", flush=True)
    elif args.mkdocs:
        result["mkdocs"] = mkdocs_in_child(content, run / "mkdocs")
        result["mkdocs"] |= report.mkdocs_ratios(result["mkdocs"], result["full"])
        report.print_mkdocs(result["mkdocs"])
    if args.steps or args.profile:
        result["steps"] = runner.steps(content, run / "site-steps", work / f"build-{size}.prof" if args.profile else None)
        report.print_steps(result["steps"])
    if args.rebuild:
        result["added"] = measure_added_meeting(content, run, runner, args.seed)
    return result


def ensure_content(content: Path, size: int, seed: int) -> dict:
    """Generate the archive unless a complete one from an earlier run is there; builds work on a copy of it."""
    marker = content / READY
    if marker.is_file():
        return json.loads(marker.read_text(encoding="utf-8")) | {"reused": True}
    shutil.rmtree(content, ignore_errors=True)
    start = time.perf_counter()
    counts = generate_archive(content, size, seed=seed) | {"wall_s": round(time.perf_counter() - start, 2)}
    marker.write_text(json.dumps(counts), encoding="utf-8")
    return counts


def measure_added_meeting(content: Path, run: Path, runner: BuildRunner, seed: int) -> dict:
    """Add one meeting, rebuild the site, then build the same content in full elsewhere and compare the two sites."""
    added = add_meeting(content, seed)
    rebuild = runner.build(content, run / "site") | {"meeting": added.relative_to(content).as_posix()}
    report.print_build(f"rebuild after adding {rebuild['meeting']}", rebuild)
    rebuild["full_build"] = runner.build(content, run / "site-full", full=True)
    report.print_build("  full build of the same content", rebuild["full_build"])
    rebuild["comparison"] = compare_sites(run / "site", run / "site-full")
    report.print_comparison(rebuild["comparison"])
    return rebuild
