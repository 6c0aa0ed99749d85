"""``sitemap.xml`` (sitemaps.org protocol 0.9) and ``robots.txt`` at the site root.

The protocol requires absolute URLs, so the sitemap is written only when the
site's public address is known (``--site-url``); without it ``robots.txt``
still allows everything but names no sitemap. Past ``MAX_URLS`` pages the
sitemap becomes an index of numbered sitemaps, as the protocol requires.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, islice
from pathlib import Path
from xml.sax.saxutils import escape

from .. import paths
from ..model import Archive
from . import locations
from .files import write_text
from .opendata import public_cases

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_URLS = 50_000
SITE_PAGES = ("", "search/", "data/")


def page_paths(archive: Archive) -> Iterator[str]:
    """Every page of the site, as a path from the site root, in the order the freeze writes them."""
    yield from SITE_PAGES
    for municipality in archive.municipalities.values():
        yield paths.municipality_path(municipality)
        for committee in municipality.committees.values():
            yield paths.committee_path(committee)
            for meeting in committee.meetings:
                yield paths.meeting_path(meeting)
                yield from (paths.item_path(item) for item in meeting.items)
                yield from (paths.attachment_path(a) for a in meeting.published_attachments())
        yield from (paths.case_path(case) for case in public_cases(municipality))
        yield from (paths.person_path(person) for person in municipality.persons.values())


def xml_text(root_tag: str, entry_tag: str, urls: list[str]) -> str:
    """The sitemap (or index) as ``ElementTree.indent`` and ``tostring`` would write it, without building a tree."""
    entries = "".join(f"  <{entry_tag}>\n    <loc>{escape(url)}</loc>\n  </{entry_tag}>\n" for url in urls)
    return f'<?xml version="1.0" encoding="utf-8"?>\n<{root_tag} xmlns="{NAMESPACE}">\n{entries}</{root_tag}>\n'


def write_sitemaps(archive: Archive, site_dir: Path, site_url: str) -> list[str]:
    """One sitemap, or past ``MAX_URLS`` pages numbered sitemaps and an index; never more than one part's URLs at hand."""
    base = site_url.rstrip("/") + "/"
    urls = (base + path for path in page_paths(archive))
    parts = iter(lambda: list(islice(urls, MAX_URLS)), [])
    first, second = next(parts), next(parts, None)
    if second is None:
        return [write_text(site_dir, locations.SITEMAP, xml_text("urlset", "url", first))]
    written = [write_text(site_dir, f"sitemap-{n}.xml", xml_text("urlset", "url", part))
               for n, part in enumerate(chain([first, second], parts), start=1)]
    return written + [write_text(site_dir, locations.SITEMAP, xml_text("sitemapindex", "sitemap", [base + n for n in written]))]


def robots_text(site_url: str | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/{locations.SITEMAP}")
    return "\n".join(lines) + "\n"


def write_discovery(archive: Archive, site_dir: Path, site_url: str | None) -> list[str]:
    sitemaps = write_sitemaps(archive, site_dir, site_url) if site_url else []
    return sitemaps + [write_text(site_dir, locations.ROBOTS, robots_text(site_url))]
