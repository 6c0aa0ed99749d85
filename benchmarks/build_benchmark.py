"""Build benchmark: synthetic archives of given sizes, the full build, a rebuild after one added meeting, and MkDocs.

    python -m benchmarks build [--sizes 1000,10000] [--work DIR] [--no-mkdocs] [--no-rebuild] [--profile] [--json FILE]

Every build runs in a child process reaped with ``os.wait4``, which gives that
child's own CPU time and peak memory (``ru_maxrss``), so one run measures
several builds side by side. Absolute times on a shared machine vary; the
MkDocs ratio, taken in the same run on the same pages, is the figure to compare.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kommunearkiv.content.reader import load_archive

from .mkdocs_project import write_mkdocs_project
from .synthetic import add_meeting, generate_archive

DEFAULT_SIZES = (1000, 10000)
READY = ".generated"


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="kommunearkiv-bench-"))
    results = [measure_size(size, work, args) for size in args.sizes]
    print_growth(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nWork folder (content, sites, profiles): {work}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m benchmarks build", description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=lambda s: [int(n) for n in s.split(",")], default=list(DEFAULT_SIZES),
                   help="meetings per archive, comma-separated (default: 1000,10000; about 10 items each)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--work", type=Path, default=None, metavar="DIR",
                   help="folder for content and sites; generated archives found there are reused (default: a new temporary folder)")
    p.add_argument("--no-mkdocs", dest="mkdocs", action="store_false", help="skip the MkDocs comparison")
    p.add_argument("--no-rebuild", dest="rebuild", action="store_false", help="skip the rebuild after adding one meeting")
    p.add_argument("--profile", action="store_true", help="write cProfile statistics of the full build into the work folder")
    p.add_argument("--json", type=Path, default=None, metavar="FILE", help="also write the figures as JSON")
    return p


def measure_size(size: int, work: Path, args) -> dict:
    content = work / f"content-{size}-seed{args.seed}"
    result = {"meetings": size, "generate": ensure_content(content, size, args.seed)}
    print(f"\n== {size} meetings: content {content} ({result['generate']})", flush=True)
    profile = ["--profile", str(work / f"build-{size}.prof")] if args.profile else []
    result["build"] = build_in_child(content, work / f"site-{size}", profile)
    print_build("full build", result["build"])
    if args.mkdocs and not importlib.util.find_spec("mkdocs"):
        print("MkDocs is not installed (pip install -e '.[bench]'): comparison skipped", flush=True)
    elif args.mkdocs:
        result["mkdocs"] = mkdocs_in_child(content, work / f"mkdocs-{size}")
        print_mkdocs(result["mkdocs"], result["build"])
    if args.rebuild:
        added = add_meeting(content, args.seed)
        result["rebuild"] = build_in_child(content, work / f"site-{size}", ["--whole"]) | {"added": str(added.relative_to(content))}
        print_build(f"rebuild after adding {result['rebuild']['added']}", result["rebuild"])
        (content / READY).unlink()
    return result


def ensure_content(content: Path, size: int, seed: int) -> dict:
    """Generate the archive unless a complete one from an earlier run is there (an archive with an added meeting is not)."""
    marker = content / READY
    if marker.is_file():
        return json.loads(marker.read_text(encoding="utf-8")) | {"reused": True}
    shutil.rmtree(content, ignore_errors=True)
    start = time.perf_counter()
    counts = generate_archive(content, size, seed=seed) | {"wall_s": round(time.perf_counter() - start, 2)}
    marker.write_text(json.dumps(counts), encoding="utf-8")
    return counts


def run_child(command: list[str]) -> tuple[str, dict]:
    """Run ``command``; its standard output, and its own wall time, CPU time and peak memory."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        out.seek(0)
        text = out.read().decode("utf-8")
    if child.returncode:
        raise RuntimeError(f"{' '.join(command)} exited with {child.returncode}")
    return text, {"wall_s": round(wall, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
                  "peak_mib": round(usage.ru_maxrss / 1024, 1)}


def build_in_child(content: Path, site: Path, options: list[str]) -> dict:
    output, usage = run_child([sys.executable, "-m", "benchmarks.build_steps", str(content), str(site), *options])
    report = json.loads(output)
    pages = report["pages"] or 0
    return usage | report | {"pages_per_s": round(pages / usage["wall_s"], 1), "pages_per_cpu_s": round(pages / usage["cpu_s"], 1)}


def mkdocs_in_child(content: Path, project: Path) -> dict:
    """The same meeting and attachment pages built by MkDocs with its search plugin."""
    shutil.rmtree(project, ignore_errors=True)
    pages = write_mkdocs_project(load_archive(content), project)
    _, usage = run_child([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(project / "mkdocs.yml"),
                          "--site-dir", str(project / "site")])
    index = project / "site" / "search" / "search_index.json"
    return usage | {"pages": pages, "search_index_bytes": index.stat().st_size if index.is_file() else None,
                    "s_per_1000_pages": round(1000 * usage["wall_s"] / pages, 2)}


def print_build(label: str, build: dict) -> None:
    steps = "  ".join(f"{name} {s['wall_s']}s/{s['peak_mib']:.0f}MiB" + (" FAILED" if "error" in s else "")
                      for name, s in build["steps"].items())
    print(f"{label}: {build['pages']} pages in {build['wall_s']} s wall, {build['cpu_s']} s CPU "
          f"({build['pages_per_s']} pages/s), peak {build['peak_mib']} MiB, "
          f"output {build['output_bytes'] / 2**20:.0f} MiB in {build['output_files']} files\n  steps: {steps}", flush=True)
    for name, step in build["steps"].items():
        if "error" in step:
            print(f"  {name} failed: {step['error']}", flush=True)


def print_mkdocs(mkdocs: dict, build: dict) -> None:
    """Print MkDocs' figures and record ours/MkDocs per page, by CPU time and by wall time."""
    pages = max(build["pages"] or 1, 1)
    for kind in ("cpu_s", "wall_s"):
        mkdocs[f"ratio_per_page_{kind[:-2]}"] = round((build[kind] / pages) / (mkdocs[kind] / mkdocs["pages"]), 3)
    print(f"mkdocs: {mkdocs['pages']} pages in {mkdocs['wall_s']} s wall, {mkdocs['cpu_s']} s CPU, peak {mkdocs['peak_mib']} MiB, "
          f"search_index.json {(mkdocs['search_index_bytes'] or 0) / 2**20:.0f} MiB\n"
          f"  time per page, ours / MkDocs: {mkdocs['ratio_per_page_cpu']} by CPU, {mkdocs['ratio_per_page_wall']} by wall clock",
          flush=True)


def print_growth(results: list[dict]) -> None:
    """Per-meeting CPU time and peak memory for each size: constant when the build grows linearly."""
    print("\nGrowth (full build):\n  meetings  pages   CPU s  peak MiB  CPU ms/meeting  MiB/meeting")
    for r in results:
        b = r["build"]
        print(f"  {r['meetings']:>8}  {b['pages'] or 0:>6}  {b['cpu_s']:>6.1f}  {b['peak_mib']:>8.0f}  "
              f"{1000 * b['cpu_s'] / r['meetings']:>14.0f}  {b['peak_mib'] / r['meetings']:>11.2f}")
