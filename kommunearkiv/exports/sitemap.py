"""Sitemaps (sitemaps.org protocol 0.9) and ``robots.txt``.

The protocol requires absolute URLs, so sitemaps are written only when the
site's public address is known (``--site-url``); without it ``robots.txt``
still allows everything but names no sitemap. Each municipality has its own
sitemap of its pages (``<municipality>/sitemap.xml``), written with its other
files; past ``MAX_URLS`` pages it becomes an index of numbered sitemaps, as
the protocol requires. ``sitemap.xml`` at the site root is an index of the
site's own pages' sitemap (``sitemap-site.xml``) and every municipality's
sitemap or, past ``MAX_URLS`` pages, its numbered parts (an index may not list
an index), written from the outlines alone: an outline counts its pages.
"""
from __future__ import annotations

from collections.abc import Iterator
from itertools import chain, islice
from pathlib import Path
from xml.sax.saxutils import escape

from .. import locations, paths
from ..model import Municipality
from ..model.outline import Outline
from .files import write_text
from .opendata import public_cases

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
MAX_URLS = 50_000
SITE_PAGES = ("", "search/", "data/")


def page_paths(municipality: Municipality) -> Iterator[str]:
    """Every page of the municipality, as a path from the site root, in the order the freeze writes them."""
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


def base_url(site_url: str) -> str:
    return site_url.rstrip("/") + "/"


def write_sitemaps(municipality: Municipality, site_dir: Path, site_url: str) -> list[str]:
    """The municipality's sitemap, or past ``MAX_URLS`` pages numbered sitemaps and its index of them; never
    more than one part's URLs at hand."""
    base = base_url(site_url)
    urls = (base + path for path in page_paths(municipality))
    parts = iter(lambda: list(islice(urls, MAX_URLS)), [])
    first, second = next(parts), next(parts, None)
    sitemap = locations.sitemap_path(municipality.id)
    if second is None:
        return [write_text(site_dir, sitemap, xml_text("urlset", "url", first))]
    written = [write_text(site_dir, locations.sitemap_path(municipality.id, n), xml_text("urlset", "url", part))
               for n, part in enumerate(chain([first, second], parts), start=1)]
    return written + [write_text(site_dir, sitemap, xml_text("sitemapindex", "sitemap", [base + p for p in written]))]


def sitemaps_of(outline: Outline) -> list[str]:
    """The sitemap files of a municipality's pages: one, or the numbered parts ``write_sitemaps`` writes."""
    if outline.pages <= MAX_URLS:
        return [locations.sitemap_path(outline.id)]
    return [locations.sitemap_path(outline.id, n) for n in range(1, -(-outline.pages // MAX_URLS) + 1)]


def write_site_sitemaps(outlines: list[Outline], site_dir: Path, site_url: str) -> list[str]:
    """The sitemap of the site's own pages, and the index of it and of every municipality's sitemap (parts)."""
    base = base_url(site_url)
    own = write_text(site_dir, locations.SITE_SITEMAP, xml_text("urlset", "url", [base + path for path in SITE_PAGES]))
    sitemaps = [own] + [path for o in sorted(outlines, key=lambda o: o.id) for path in sitemaps_of(o)]
    return [own, write_text(site_dir, locations.SITEMAP, xml_text("sitemapindex", "sitemap", [base + p for p in sitemaps]))]


def robots_text(site_url: str | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/{locations.SITEMAP}")
    return "\n".join(lines) + "\n"


def write_site_discovery(outlines: list[Outline], site_dir: Path, site_url: str | None) -> list[str]:
    sitemaps = write_site_sitemaps(outlines, site_dir, site_url) if site_url else []
    return sitemaps + [write_text(site_dir, locations.ROBOTS, robots_text(site_url))]


def write_municipality_discovery(municipality: Municipality, site_dir: Path, site_url: str | None) -> list[str]:
    return write_sitemaps(municipality, site_dir, site_url) if site_url else []
