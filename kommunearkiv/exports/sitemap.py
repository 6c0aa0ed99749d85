"""``sitemap.xml`` (sitemaps.org protocol 0.9) and ``robots.txt`` at the site root.

The protocol requires absolute URLs, so the sitemap is written only when the
site's public address is known (``--site-url``); without it ``robots.txt``
still allows everything but names no sitemap. Past ``MAX_URLS`` pages the
sitemap becomes an index of numbered sitemaps, as the protocol requires.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

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
    root = ET.Element(root_tag, {"xmlns": NAMESPACE})
    for url in urls:
        ET.SubElement(ET.SubElement(root, entry_tag), "loc").text = url
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def write_sitemaps(archive: Archive, site_dir: Path, site_url: str) -> list[str]:
    base = site_url.rstrip("/") + "/"
    urls = [base + path for path in page_paths(archive)]
    if len(urls) <= MAX_URLS:
        return [write_text(site_dir, locations.SITEMAP, xml_text("urlset", "url", urls))]
    parts = [urls[start:start + MAX_URLS] for start in range(0, len(urls), MAX_URLS)]
    names = [f"sitemap-{n}.xml" for n in range(1, len(parts) + 1)]
    written = [write_text(site_dir, name, xml_text("urlset", "url", part)) for name, part in zip(names, parts)]
    return written + [write_text(site_dir, locations.SITEMAP, xml_text("sitemapindex", "sitemap", [base + n for n in names]))]


def robots_text(site_url: str | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/{locations.SITEMAP}")
    return "\n".join(lines) + "\n"


def write_discovery(archive: Archive, site_dir: Path, site_url: str | None) -> list[str]:
    sitemaps = write_sitemaps(archive, site_dir, site_url) if site_url else []
    return sitemaps + [write_text(site_dir, locations.ROBOTS, robots_text(site_url))]
