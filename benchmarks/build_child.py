"""One run of ``build_site``, as the build command runs it: the benchmark starts this in a child process.

    python -m benchmarks.build_child CONTENT SITE [--full] [--jobs N]

Prints one JSON object: the pages of the site, how many of them were
rendered (the others were taken over from the previous build), and how many
municipalities were loaded. Time and memory are measured by the parent, which
reaps this process and the page workers it waited for, and measures the
output afterwards (walking 330,000 files took 20 s at 10,000 meetings: not
part of the build).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kommunearkiv.build import build_site


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.build_child")
    parser.add_argument("content", type=Path)
    parser.add_argument("site", type=Path)
    parser.add_argument("--full", action="store_true", help="take nothing over from earlier builds")
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: one per core)")
    args = parser.parse_args(argv)
    report = build_site(args.content, args.site, full=args.full, jobs=args.jobs)
    json.dump({"pages": report.pages, "rendered": report.rendered, "loaded": report.loaded,
               "municipalities": report.municipalities}, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
