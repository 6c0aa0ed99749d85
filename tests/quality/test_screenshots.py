"""The main page types rendered at phone and desktop width in Chromium, kept as PNG files in test-artifacts/."""
from __future__ import annotations

import struct
from pathlib import Path

import pytest
from site_pages import example_pages, wait_for_search_results

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
WIDTHS = {"phone": 375, "desktop": 1280}
MAX_HEIGHT = 2400  # the top of a long page is what a reader sees first; keeps the files small


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def render(page, url: str, width: int, path: Path) -> int:
    """Screenshot the page at ``width`` (its top ``MAX_HEIGHT`` pixels); return its scroll width."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(url)
    if "?q=" in url:
        wait_for_search_results(page)
    height = min(page.evaluate("document.documentElement.scrollHeight"), MAX_HEIGHT)
    page.screenshot(path=path, full_page=True, clip={"x": 0, "y": 0, "width": width, "height": height})
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.fixture(scope="module")
def screenshots(built_site, site_url, browser_page) -> dict[Path, int]:
    """Every example page at every width: the PNG written and the page's scroll width."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    widths = {}
    for kind, page_path in example_pages(built_site).items():
        for label, width in WIDTHS.items():
            path = SCREENSHOTS / f"{kind}-{label}.png"
            path.unlink(missing_ok=True)
            widths[path] = render(browser_page, site_url + page_path, width, path)
    return widths


def test_each_main_page_type_is_kept_at_phone_and_desktop_width(screenshots):
    names = sorted(path.name for path in screenshots)
    assert names == sorted(f"{kind}-{label}.png" for kind in ("home", "committee", "meeting", "case", "member", "search")
                           for label in WIDTHS)
    for path in screenshots:
        width, height = png_size(path)
        assert width == WIDTHS[path.stem.split("-")[-1]] and 300 < height <= MAX_HEIGHT, (path.name, width, height)


def test_no_main_page_scrolls_sideways(screenshots):
    wider = {path.name: width for path, width in screenshots.items() if width > WIDTHS[path.stem.split("-")[-1]]}
    assert not wider
