"""This project's search against Pagefind on the same built site: bytes before the first results.

    python -m benchmarks.pagefind_compare SITE [--pagefind PATH] [--json FILE]

SITE is a site built by ``build.py`` (``benchmarks.synthetic --meetings 300`` gives the site of docs/search.md).
Pagefind (the ``pagefind`` binary, e.g. from PyPI's ``pagefind[bin]``) indexes a copy of the site's pages;
then in headless Chromium over HTTP each query is typed into this project's search page, and run through
Pagefind's JavaScript API with the data of its first ten results loaded (what its default UI shows). Bytes
are those on the wire: each fetched file gzip-compressed (Pagefind's own files are compressed already, so
the smaller of the file and its gzip), and the requests.
"""
from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .browser import in_browser
from .search_benchmark import MEASURE_QUERY

QUERIES = ("budget", "jobcenter", "forslag budget borgere", "borgere")
PAGEFIND_PAGE = """<!doctype html><meta charset="utf-8"><title>Pagefind</title>
<script type="module">
window.runQuery = async (q) => {
  const pagefind = await import("./pagefind/pagefind.js");
  const t0 = performance.now();
  const search = await pagefind.search(q);
  const shown = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  return [performance.now() - t0, search.results.length, shown.length];
};
window.ready = true;
</script>"""


def wire_bytes(path: Path) -> int:
    data = path.read_bytes()
    return min(len(data), len(gzip.compress(data, 6)))


def measure_ours(page, base: str, site: Path, query: str) -> dict:
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    page.goto(base + "search/index.html")
    page.wait_for_selector("#search-filters:not([hidden])")
    ms, status, shown = page.evaluate(MEASURE_QUERY, query)
    return {"ms": round(ms), "results": status, "shown": shown, "requests": len(fetched),
            "bytes": sum(wire_bytes(site / u[len(base):].split("?")[0]) for u in fetched)}


def measure_pagefind(page, base: str, site: Path, query: str) -> dict:
    fetched = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    page.goto(base + "pagefind.html")
    page.wait_for_function("() => window.ready")
    ms, results, shown = page.evaluate("q => window.runQuery(q)", query)
    return {"ms": round(ms), "results": results, "shown": shown, "requests": len(fetched),
            "bytes": sum(wire_bytes(site / u[len(base):].split("?")[0]) for u in fetched)}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--pagefind", default=shutil.which("pagefind") or "pagefind")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        shutil.copytree(args.site, site)
        subprocess.run([*args.pagefind.split(), "--site", str(site), "--output-subdir", "pagefind",
                        "--exclude-selectors", "#search-form"], check=True, capture_output=True)
        (site / "pagefind.html").write_text(PAGEFIND_PAGE, encoding="utf-8")
        rows = in_browser(site, lambda page, base: [
            {"query": q, "ours": measure_ours(page(), base, site, q), "pagefind": measure_pagefind(page(), base, site, q)}
            for q in QUERIES])
    print("| query | ours KB | ours requests | ours ms | Pagefind KB | Pagefind requests | Pagefind ms |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        o, p = row["ours"], row["pagefind"]
        print(f"| `{row['query']}` | {o['bytes'] / 1024:.0f} | {o['requests']} | {o['ms']} | "
              f"{p['bytes'] / 1024:.0f} | {p['requests']} | {p['ms']} |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
