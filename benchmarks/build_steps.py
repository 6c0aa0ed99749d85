"""The build of ``kommunearkiv/build.py``, step by step with a stopwatch: run in a child process by ``--steps``.

    python -m benchmarks.build_steps CONTENT SITE [--profile FILE]

Prints one JSON object: per step its wall and CPU seconds and the peak memory
reached by its end; a step that fails is reported with its error, and the
steps that do not depend on it still run. The steps are those of
``build_site``, run one after another in one process with no build cache
(``build_site`` runs the freeze beside search and exports, in forked
workers): it shows where the time goes, not what the build command takes.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import resource
import shutil
import sys
import time
import traceback
from pathlib import Path

from kommunearkiv.build import theme_search_path
from kommunearkiv.content.reader import load_archive


def run_steps(content_dir: Path, site_dir: Path) -> dict:
    """Load, outline, make the app, freeze, write search and exports into ``site_dir``, timing each."""
    from kommunearkiv.exports import outlines as archive_outlines
    from kommunearkiv.exports import write_exports
    from kommunearkiv.exports.catalog import data_catalog
    from kommunearkiv.search import write_search_index
    from kommunearkiv.web.app import create_app
    from kommunearkiv.web.freeze import freeze

    shutil.rmtree(site_dir, ignore_errors=True)
    site_dir.mkdir(parents=True)
    steps: dict[str, dict] = {}
    archive = timed(steps, "load", lambda: load_archive(content_dir))
    outlines = timed(steps, "outlines", lambda: archive_outlines(archive))
    app = timed(steps, "app", lambda: create_app(archive, theme_search_path(None), catalog=data_catalog(outlines)))
    pages = timed(steps, "freeze", lambda: len(freeze(app, site_dir))) if app is not None else None
    timed(steps, "search", lambda: write_search_index(archive, site_dir))
    timed(steps, "exports", lambda: write_exports(archive, site_dir, None, outlines))
    return {"steps": steps, "pages": pages, **site_figures(site_dir)}


def timed(steps: dict, name: str, step):
    """Run ``step``; record wall and CPU seconds and the peak memory so far (MiB). Returns its result, or None if it failed."""
    wall, cpu = time.perf_counter(), time.process_time()
    result, error = None, None
    try:
        result = step()
    except Exception:
        error = traceback.format_exc(limit=3).strip().splitlines()[-1]
    steps[name] = {"wall_s": round(time.perf_counter() - wall, 3), "cpu_s": round(time.process_time() - cpu, 3),
                   "peak_mib": round(peak_mib(), 1), **({"error": error} if error else {})}
    return result


def peak_mib() -> float:
    """This process's peak resident memory (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def site_figures(site_dir: Path) -> dict:
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    return {"output_bytes": sum(p.stat().st_size for p in files), "output_files": len(files)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.build_steps")
    parser.add_argument("content", type=Path)
    parser.add_argument("site", type=Path)
    parser.add_argument("--profile", type=Path, default=None, metavar="FILE", help="write cProfile statistics to FILE")
    args = parser.parse_args(argv)
    profiler = cProfile.Profile() if args.profile else None
    if profiler:
        profiler.enable()
    report = run_steps(args.content, args.site)
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    json.dump(report, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
