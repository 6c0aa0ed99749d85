"""Printing a page of the real build: no navigation chrome, the text, and where external links lead."""
from __future__ import annotations

from site_pages import pages_by_type

CHROME = [".site-header", ".breadcrumbs", ".site-footer", ".skip-link", ".permalink"]


def test_a_printed_meeting_shows_its_text_and_link_targets_without_chrome(built_site, site_url, browser_page):
    meetings = [p for p in pages_by_type(built_site)["meeting"] if 'href="http' in (built_site / p).read_text(encoding="utf-8")]
    assert meetings
    browser_page.goto(site_url + meetings[0])
    browser_page.emulate_media(media="print")
    try:
        shown = browser_page.evaluate("""chrome => chrome.map(s => [...document.querySelectorAll(s)]
            .filter(e => getComputedStyle(e).display !== 'none').length)""", CHROME)
        assert shown == [0] * len(CHROME)
        assert browser_page.locator("main h1").is_visible() and browser_page.locator("article.item").first.is_visible()
        targets = browser_page.evaluate("""() => [...document.querySelectorAll('main a[href^="http"]')]
            .map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])""")
        assert targets and all(href in after for href, after in targets), targets
    finally:
        browser_page.emulate_media(media="screen")
