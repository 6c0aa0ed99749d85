"""axe-core (WCAG 2.0 and 2.1, levels A and AA) in Chromium over every page of the real build."""
from __future__ import annotations

from pathlib import Path

import pytest
from site_pages import SEARCH_WITH_RESULTS, html_pages, wait_for_search_results

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

RUN_AXE = """async tags => {
  const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return results.violations.map(v => ({
    rule: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
  }));
}"""


@pytest.fixture(scope="module")
def axe_page(chromium):
    """A page that has axe-core in every document it opens (an init script: much faster than a script tag)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(path=str(AXE))
    yield context.new_page()
    context.close()


def violations(page) -> list[str]:
    return [f"{v['rule']} ({v['impact']}: {v['help']}) at {'; '.join(v['targets'])}"
            for v in page.evaluate(RUN_AXE, WCAG_TAGS)]


def test_axe_core_is_installed():
    assert AXE.is_file(), "run `npm ci` (make test-deps) to install axe-core"


def test_every_page_has_no_wcag_a_or_aa_violation(built_site, site_url, axe_page):
    pages = html_pages(built_site)
    assert len(pages) > 50
    found = []
    for path in pages:
        axe_page.goto(site_url + path)
        found += [f"{path}: {violation}" for violation in violations(axe_page)]
    assert not found, "\n".join(found)


def test_the_search_page_with_results_has_no_violation(site_url, axe_page):
    axe_page.goto(site_url + SEARCH_WITH_RESULTS)
    wait_for_search_results(axe_page)
    assert axe_page.locator("#search-results > li").count() > 0
    assert violations(axe_page) == []


def test_axe_finds_a_violation_when_there_is_one(site_url, axe_page):
    """The check itself works: an image without a text alternative is reported."""
    axe_page.goto(site_url + "index.html")
    axe_page.evaluate("document.querySelector('main').append(document.createElement('img'))")
    assert any(v.startswith("image-alt") for v in violations(axe_page))
