"""Driving the search page as a person does: type, press Enter, read the result list."""
from __future__ import annotations

from dataclasses import dataclass

SEARCH_PAGE = "search/index.html"


@dataclass
class Hit:
    type: str
    title: str
    href: str
    marked: list[str]  # in the title and the snippet
    snippet: str
    snippet_marked: list[str]

    @property
    def title_marked(self) -> list[str]:
        return self.marked[:len(self.marked) - len(self.snippet_marked)]


def read_hits(page) -> list[Hit]:
    return [Hit(*row) for row in page.eval_on_selector_all("#search-results > li", """items => items.map(li => [
        li.querySelector('.search-hit-type').textContent,
        li.querySelector('h2').textContent,
        li.querySelector('h2 a').href,
        Array.from(li.querySelectorAll('mark')).map(m => m.textContent),
        (li.querySelector('.search-hit-snippet') || {}).textContent || '',
        Array.from(li.querySelectorAll('.search-hit-snippet mark')).map(m => m.textContent),
    ])""")]


def wait_for_results(page) -> str:
    """The status text once a search has finished (its complete results: the first ones, without the common
    compounds, say "søger videre")."""
    page.wait_for_function("""() => {
        const s = document.getElementById('search-status').textContent;
        return s && !s.startsWith('Søger') && !s.includes('søger videre');
    }""")
    return page.text_content("#search-status")


def search(page, site_url: str, query: str) -> list[Hit]:
    """Open the search page, type the query key by key, press Enter, return the hits."""
    page.goto(site_url + SEARCH_PAGE)
    page.wait_for_selector("#search-filters:not([hidden])")
    field = page.locator("#soeg")
    field.click()
    field.press_sequentially(query)
    field.press("Enter")
    page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q", arg=query.strip())
    wait_for_results(page)
    return read_hits(page)


def site_path(hit: Hit, site_url: str) -> str:
    """The hit's link relative to the site root (``alleroed/sager/15-839/index.html``)."""
    assert hit.href.startswith(site_url), (hit.href, site_url)
    return hit.href[len(site_url):]
