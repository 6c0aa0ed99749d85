"""Read frozen pages with ``html.parser``: their links, ids, text and elements."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

LINK_ATTRIBUTES = {"href", "src", "action"}


@dataclass
class Page(HTMLParser):
    links: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    elements: list[tuple[str, dict]] = field(default_factory=list)
    text_parts: list[str] = field(default_factory=list)

    def __post_init__(self):
        HTMLParser.__init__(self)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        self.links += [value for name, value in attrs if name in LINK_ATTRIBUTES and value is not None]
        if "id" in attributes:
            self.ids.append(attributes["id"])

    def handle_data(self, data):
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def find(self, tag: str, **attributes) -> list[dict]:
        return [a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attributes.items())]


def read_page(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def is_internal(url: str) -> bool:
    parts = urlsplit(url)
    return not (parts.scheme or parts.netloc or url.startswith("//"))


def resolve(page_path: Path, url: str, site: Path | None = None) -> tuple[Path, str]:
    """The file an internal link of ``page_path`` points at, and its fragment; a root-absolute link (``404.html``'s)
    from the ``site`` root, the host's root it is served at."""
    parts = urlsplit(url)
    start = site if site is not None and url.startswith("/") else page_path.parent
    target = (start / parts.path.lstrip("/")).resolve() if parts.path else page_path.resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment
