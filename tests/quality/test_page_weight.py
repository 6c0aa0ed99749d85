"""How much each page type makes the browser load: HTML, CSS and JavaScript bytes, measured in Chromium.

Writes a table to ``test-artifacts/page-weight.md`` (the figures in docs/performance.md, "## Pages", come from it).
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from site_pages import SEARCH_WITH_RESULTS, pages_by_type, wait_for_search_results

REPORT = Path(__file__).resolve().parents[2] / "test-artifacts" / "page-weight.md"
CSS_BUDGET = 16_000  # bytes per page, uncompressed
COPY_BUTTON_BUDGET = 1_500
KINDS = {"document": "html", "stylesheet": "css", "script": "js"}


@dataclass
class Weight:
    kind: str
    page: str
    raw: dict[str, int] = field(default_factory=lambda: dict.fromkeys(["html", "css", "js", "index"], 0))
    gzipped: dict[str, int] = field(default_factory=lambda: dict.fromkeys(["html", "css", "js", "index"], 0))

    def add(self, kind: str, body: bytes) -> None:
        self.raw[kind] += len(body)
        self.gzipped[kind] += len(gzip.compress(body, mtime=0))


def measure(chromium, url: str, weight: Weight) -> Weight:
    """Load ``url`` in a fresh context (nothing cached) and add up every response by kind."""
    context = chromium.new_context()
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url)
    if "?q=" in url:
        wait_for_search_results(page)
    for response in responses:
        kind = KINDS.get(response.request.resource_type)
        if kind:
            weight.add("index" if kind == "js" and "/search/index/" in response.url else kind, response.body())
    context.close()
    return weight


@pytest.fixture(scope="module")
def weights(built_site, site_url, chromium) -> list[Weight]:
    """The heaviest page of each type, and the search page with results shown."""
    found = []
    for kind, paths in sorted(pages_by_type(built_site).items()):
        heaviest = max(paths, key=lambda path: ((built_site / path).stat().st_size, path))
        found.append(measure(chromium, site_url + heaviest, Weight(kind, heaviest)))
    found.append(measure(chromium, site_url + SEARCH_WITH_RESULTS, Weight("search with results", SEARCH_WITH_RESULTS)))
    write_report(found)
    return found


def write_report(weights: list[Weight]) -> None:
    lines = ["| page type | HTML | CSS | JS | search index data | heaviest page |", "| --- | ---: | ---: | ---: | ---: | --- |"]
    for w in weights:
        cells = [f"{w.raw[k]:,} ({w.gzipped[k]:,})" if w.raw[k] else "0" for k in ("html", "css", "js", "index")]
        lines.append(f"| {w.kind} | {' | '.join(cells)} | `{w.page}` |")
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text("Bytes loaded per page type (gzip-compressed in brackets).\n\n" + "\n".join(lines) + "\n", encoding="utf-8")


def test_no_page_but_search_loads_javascript_besides_the_copy_button(weights):
    """Meeting and item pages load the copy-citation button's small script; no other page but search loads any."""
    citing = {"meeting", "item"}
    assert {w.kind: w.raw["js"] + w.raw["index"] for w in weights if not w.kind.startswith("search") and w.kind not in citing} == \
           {w.kind: 0 for w in weights if not w.kind.startswith("search") and w.kind not in citing}
    assert all(0 < w.raw["js"] <= COPY_BUTTON_BUDGET and not w.raw["index"] for w in weights if w.kind in citing)
    searching = next(w for w in weights if w.kind == "search with results")
    assert searching.raw["js"] > 0 and searching.raw["index"] > 0


def test_every_page_loads_one_small_stylesheet(weights):
    """The 404 page holds its stylesheet (a host shows it at any address), and is the heavier for it."""
    assert all(0 < w.raw["css"] <= CSS_BUDGET for w in weights if w.kind != "404"), [(w.kind, w.raw["css"]) for w in weights]
    not_found = next(w for w in weights if w.kind == "404")
    assert not not_found.raw["css"] and CSS_BUDGET < not_found.raw["html"] < CSS_BUDGET + 8_000
    assert REPORT.read_text(encoding="utf-8").count("\n| ") == len(weights) + 2  # header, rule, a row per page


@pytest.mark.parametrize("kind", ["meeting", "case", "member"])
def test_main_content_is_there_without_javascript(built_site, chromium, kind):
    """The heaviest page of the type, JavaScript off: its heading, sections and text are all in the HTML."""
    path = max(pages_by_type(built_site)[kind], key=lambda p: (built_site / p).stat().st_size)
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((built_site / path).as_uri())
    assert page.locator("main h1").inner_text().strip()
    assert page.locator("main h2").count() >= 1 and page.locator("main h2").first.is_visible()
    assert len(page.locator("main").inner_text()) > 300
    context.close()
