"""Every page built from hostile content, opened in Chromium: nothing runs, nothing is injected."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from browser_checks import injected, watched_page
from payloads import HOSTILE_HOST, PAYLOADS, one_line

SEARCH_QUERIES = ["script", "onerror", "pwned", "javascript", "iframe", "svg onload", "alert", "Udvalg7", "Anna12",
                  one_line(PAYLOADS[1]), one_line(PAYLOADS[9]), '"><img src=x onerror=alert(1)>']
MUST_FIND = {"script", "Udvalg7", "Anna12"}


@pytest.fixture(scope="module")
def site_root(hostile_site) -> str:
    return hostile_site.as_uri() + "/"


def test_no_page_runs_or_shows_injected_content(chromium, hostile_site, site_root):
    # 404.html shows nothing of the content, and links from the host's root (a host shows it at any address)
    pages = sorted(path for path in hostile_site.rglob("*.html") if path.name != "404.html")
    assert len(pages) > 700
    context, page, watch = watched_page(chromium, site_root)
    problems = []
    try:
        for path in pages:
            page.goto(path.as_uri(), wait_until="load")
            problems += [f"{path.relative_to(hostile_site)}: {p}" for p in injected(page, site_root)]
    finally:
        context.close()
    assert not problems, f"{len(problems)} problems, e.g. {problems[:10]}"
    assert not watch.dialogs, watch.dialogs[:5]
    assert not watch.escaped_requests, watch.escaped_requests[:5]
    assert not watch.errors, watch.errors[:5]


def test_payload_text_is_shown_as_text(chromium, hostile_site, site_root):
    """The escaping is not a deletion: a title full of markup reads on its page as written."""
    context, page, watch = watched_page(chromium, site_root)
    try:
        for number in (1, 10, 40):
            page.goto((hostile_site / "index.html").as_uri())
            committees = sorted(hostile_site.glob(f"kommune{number}-*/udvalg{number}-*/2015-05-13/punkt-1/index.html"))
            assert len(committees) == 1, number
            page.goto(committees[0].as_uri())
            assert one_line(PAYLOADS[number - 1]) in page.inner_text("h1"), page.inner_text("h1")
    finally:
        context.close()


@pytest.mark.parametrize("query", SEARCH_QUERIES)
def test_searching_for_payload_words_runs_nothing(chromium, hostile_site, site_root, query):
    context, page, watch = watched_page(chromium, site_root)
    try:
        page.goto((hostile_site / "search/index.html").as_uri() + "?q=" + quote(query))
        page.wait_for_function("""() => {
            const s = document.getElementById('search-status').textContent;
            return s && !s.startsWith('Søger');
        }""")
        hits = page.eval_on_selector_all("#search-results > li", "items => items.map(li => li.textContent)")
        problems = injected(page, site_root)
    finally:
        context.close()
    assert hits or query not in MUST_FIND, f"no results for {query!r}"
    assert not problems and not watch.dialogs and not watch.errors, (problems, watch.dialogs, watch.errors)
    assert not [u for u in watch.escaped_requests if HOSTILE_HOST in u or not u.startswith("file:")], watch.escaped_requests
