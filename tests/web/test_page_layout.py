"""The pages in real Chromium: readable from 320px without sideways scrolling, skip link, print styles."""
from __future__ import annotations

import pytest
from web_html import html_files



@pytest.fixture(scope="module")
def browser_page(chromium):
    page = chromium.new_page(viewport={"width": 320, "height": 640})
    yield page
    page.close()


def test_no_page_scrolls_sideways_at_320px(site, browser_page):
    overflowing = []
    for path in html_files(site):
        browser_page.goto(path.as_uri())
        width = browser_page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            overflowing.append(f"{path.relative_to(site)}: {width}px")
    assert not overflowing


def test_the_skip_link_appears_on_focus_and_leads_to_the_content(site, browser_page):
    browser_page.goto((site / "alleroed/erhvervs-og-beskaeftigelsesudvalget/2015-05-13/index.html").as_uri())
    skip = browser_page.locator("a.skip-link")
    assert skip.bounding_box()["x"] < 0
    browser_page.keyboard.press("Tab")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.bounding_box()["x"] >= 0
    assert skip.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("location.hash") == "#indhold"


def test_print_shows_the_content_without_header_search_and_breadcrumbs(site, browser_page):
    browser_page.goto((site / "alleroed/erhvervs-og-beskaeftigelsesudvalget/2015-05-13/index.html").as_uri())
    browser_page.emulate_media(media="print")
    hidden = browser_page.evaluate(
        "['.site-header', '.breadcrumbs', '.site-footer'].map(s => getComputedStyle(document.querySelector(s)).display)")
    assert hidden == ["none", "none", "none"]
    assert browser_page.locator("#punkt-1").is_visible()
    browser_page.emulate_media(media="screen")
