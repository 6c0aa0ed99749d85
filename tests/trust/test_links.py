"""Link integrity over whole built sites: every internal href/src of every page is a file of the site,
and every #anchor exists in the page it points at. Run on the real build of the shipped content and on
the site built from hostile content."""
from __future__ import annotations

from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = {"href", "src", "action", "poster", "data"}


class PageLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in LINK_ATTRIBUTES and value is not None:
                self.links.append(value)
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value or "")


@lru_cache(maxsize=None)
def parsed(path: Path) -> PageLinks:
    page = PageLinks()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def broken_links(site: Path) -> tuple[list[str], int]:
    """(``page: url → why`` for every broken internal link, number of internal links checked)."""
    root, broken, checked = site.resolve(), [], 0
    for path in sorted(site.rglob("*.html")):
        for url in parsed(path.resolve()).links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                continue
            where = f"{path.relative_to(site)}: {url}"
            # 404.html, which a host shows at any address, links from the root (the host's, without --site-url)
            start = root if path.name == "404.html" and parts.path.startswith("/") else path.parent
            target = (start / unquote(parts.path).lstrip("/")).resolve() if parts.path else path.resolve()
            target = target / "index.html" if target.is_dir() else target
            checked += 1
            if parts.path.startswith("/") and start is not root:
                broken.append(f"{where} → root-absolute, breaks under a sub-path and on file://")
            elif root not in target.parents:
                broken.append(f"{where} → leaves the site")
            elif not target.is_file():
                broken.append(f"{where} → no such file")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in parsed(target).ids:
                broken.append(f"{where} → no #{parts.fragment} there")
    return broken, checked


def test_every_link_of_the_real_build_resolves(built_site):
    broken, checked = broken_links(built_site)
    assert checked > 1500
    assert not broken, f"{len(broken)} broken, e.g. {broken[:10]}"


def test_every_link_of_the_site_built_from_hostile_content_resolves(hostile_site):
    broken, checked = broken_links(hostile_site)
    assert checked > 10000
    assert not broken, f"{len(broken)} broken, e.g. {broken[:10]}"
