"""The built site's pages by type, and one example of each type for screenshots and spot checks."""
from __future__ import annotations

from pathlib import Path

SEARCH_WITH_RESULTS = "search/index.html?q=beskæftigelse"


def html_pages(site: Path) -> list[str]:
    """Every HTML file of the site, as paths relative to its root, in a stable order."""
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html"))


def page_type(path: str) -> str:
    """What a page shows, read from its place in the URL scheme (``kommunearkiv/paths.py``)."""
    parts = path.split("/")[:-1]
    named = {(): "home", ("search",): "search", ("data",): "data"}
    if path == "404.html":
        return "404"
    if tuple(parts) in named:
        return named[tuple(parts)]
    if len(parts) == 3 and parts[1] in ("sager", "personer"):
        return "case" if parts[1] == "sager" else "member"
    if len(parts) == 5 and parts[3] == "bilag":
        return "attachment"
    return {1: "municipality", 2: "committee", 3: "meeting", 4: "item"}[len(parts)]


def pages_by_type(site: Path) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for path in html_pages(site):
        grouped.setdefault(page_type(path), []).append(path)
    return grouped


def richest(site: Path, paths: list[str]) -> str:
    """The page of a type with the most list items and table rows: it shows the most of what the type can show."""
    def size(path: str) -> tuple[int, int, str]:
        html = (site / path).read_text(encoding="utf-8")
        return html.count("<li") + html.count("<tr"), len(html), path
    return max(paths, key=size)


def example_pages(site: Path) -> dict[str, str]:
    """One page for each main page type (the search page with results shown)."""
    grouped = pages_by_type(site)
    examples = {kind: richest(site, grouped[kind]) for kind in ("home", "committee", "meeting", "case", "member")}
    examples["search"] = SEARCH_WITH_RESULTS
    return examples


def wait_for_search_results(page) -> None:
    """Wait until the search page has listed its hits and finished searching."""
    page.wait_for_selector("#search-results > li")
    page.wait_for_function("() => !document.getElementById('search-status').textContent.startsWith('Søger')")
