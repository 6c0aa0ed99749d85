"""Open data written next to the frozen pages: JSON, CSV, zip files, Atom feeds, iCalendar, sitemaps and
robots.txt, and the copies of the original documents beside their meeting pages.

Each municipality's files are a function of that municipality alone (and
``site_url``); the site-wide files (the index ``data/arkiv.json``, the
schemas, the site feed, the sitemap index, robots.txt) a function of the
outlines of every municipality (``model.outline``, made by ``outline``) alone;
the whole archive's zip (``bundles.write_archive_zip``) is made of the
municipalities' zips, so it is written last, when every municipality's files
are in the site folder. So the same content gives byte-identical files however
it was split into calls.
"""
from __future__ import annotations

from pathlib import Path

from ..model import Archive, Municipality
from ..model.outline import Outline, outline_of
from .bundles import write_archive_zip, write_municipality_zips
from .calendars import write_calendars
from .feeds import write_committee_feeds, write_site_feed
from .jsondata import write_municipality_json, write_site_json
from .originals import write_originals
from .sitemap import page_paths, write_municipality_discovery, write_site_discovery
from .tables import table_rows, write_tables

KINDS = ("json", "csv", "zip", "feeds", "calendars", "discovery", "originals")
SITE = ""  # the key of the site-wide files in ``write_exports``' paths


def outline(municipality: Municipality) -> Outline:
    """The municipality's outline, with the rows of its CSV tables and the pages of its sitemap counted."""
    return outline_of(municipality, table_rows(municipality), sum(1 for _ in page_paths(municipality)))


def outlines(archive: Archive) -> list[Outline]:
    return [outline(municipality) for municipality in archive.municipalities.values()]


def write_municipality_files(archive: Archive, municipality: Municipality, site_dir: Path, site_url: str | None) -> dict[str, list[str]]:
    """Write the municipality's own files; their paths by kind."""
    return {
        "json": write_municipality_json(archive, municipality, site_dir),
        "csv": write_tables(municipality, site_dir),
        "zip": write_municipality_zips(municipality, site_dir),  # of the JSON and tables just written
        "feeds": write_committee_feeds(archive, municipality, site_dir, site_url),
        "calendars": write_calendars(archive, municipality, site_dir, site_url),
        "discovery": write_municipality_discovery(municipality, site_dir, site_url),
        "originals": write_originals(municipality, site_dir),
    }


def write_site_files(outlines: list[Outline], site_dir: Path, site_url: str | None) -> dict[str, list[str]]:
    """Write the site-wide files from the outlines; their paths by kind."""
    return {
        "json": write_site_json(outlines, site_dir),
        "feeds": write_site_feed(outlines, site_dir, site_url),
        "discovery": write_site_discovery(outlines, site_dir, site_url),
    }


def write_exports(archive: Archive, site_dir: Path, site_url: str | None,
                  outlines: list[Outline]) -> tuple[dict, dict[str, list[str]]]:
    """Write the files of each municipality in ``archive`` (any subset of the site's) and the site-wide
    files, from ``outlines``: those of every municipality of the site.

    Returns figures of what was written (files, bytes, files per kind) and the written paths (relative to
    ``site_dir``) by municipality id, the site-wide ones under ``SITE``."""
    by_part = {mu.id: write_municipality_files(archive, mu, site_dir, site_url)
               for mu in sorted(archive.municipalities.values(), key=lambda mu: mu.id)}
    by_part[SITE] = write_site_files(outlines, site_dir, site_url)
    written = {part: [path for paths in kinds.values() for path in paths] for part, kinds in by_part.items()}
    every = [path for paths in written.values() for path in paths]
    figures = {"files": len(every), "bytes": sum((site_dir / p).stat().st_size for p in every),
               **{kind: sum(len(kinds.get(kind, ())) for kinds in by_part.values()) for kind in KINDS}}
    return figures, written
