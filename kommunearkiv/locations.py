"""Where each data file lives in the site, relative to the site root.

A thing's JSON sits under ``data/`` at its page's address with ``.json``
appended in place of the final ``/``: the meeting page
``alleroed/oekonomiudvalget/2015-05-13/`` has its data at
``data/alleroed/oekonomiudvalget/2015-05-13.json``, the municipality
``alleroed/`` (all of it in one file) at ``data/alleroed.json``. Every file of
a municipality (JSON, CSV, feeds, calendars, sitemaps) has its id in its path;
the site-wide files (the index ``data/arkiv.json``, the whole archive's
zip ``data/arkiv.zip``, the site feed, the schemas, the sitemap index,
robots.txt) are the only others.
"""
from __future__ import annotations

import posixpath

from . import paths
from .model import Case, Committee, Meeting, Municipality, Person

DATA = "data"
ARCHIVE_JSON = f"{DATA}/arkiv.json"
ARCHIVE_ZIP = f"{DATA}/arkiv.zip"
CSV_DIR = f"{DATA}/csv"
SCHEMA_DIR = f"{DATA}/schemas"
FEED_DIR = f"{DATA}/feeds"
CALENDAR_DIR = f"{DATA}/kalendere"
SITE_FEED = f"{FEED_DIR}/alle.atom"
SITEMAP = "sitemap.xml"
SITE_SITEMAP = "sitemap-site.xml"
ROBOTS = "robots.txt"

PAGE_PATHS = {
    Meeting: paths.meeting_path,
    Committee: paths.committee_path,
    Case: paths.case_path,
    Person: paths.person_path,
    Municipality: paths.municipality_path,
}


def page_path(thing) -> str:
    return PAGE_PATHS[type(thing)](thing)


def json_path(thing: Meeting | Committee | Case | Person | Municipality) -> str:
    return f"{DATA}/{page_path(thing).rstrip('/')}.json"


def feed_path(municipality: str, committee: str) -> str:
    """The feed of a committee, given by the ids of its municipality and itself."""
    return f"{FEED_DIR}/{municipality}/{committee}.atom"


def calendar_path(committee: Committee) -> str:
    return f"{CALENDAR_DIR}/{committee.municipality}/{committee.id}.ics"


def csv_path(municipality: str, name: str) -> str:
    """The table ``name`` of the municipality of id ``municipality``."""
    return f"{CSV_DIR}/{municipality}/{name}.csv"


def csv_zip_path(municipality: str) -> str:
    """Every table of the municipality of id ``municipality``, in one zip."""
    return f"{CSV_DIR}/{municipality}.zip"


def zip_path(municipality: str) -> str:
    """All data of the municipality of id ``municipality`` (its JSON and tables), in one zip."""
    return f"{DATA}/{municipality}.zip"


def sitemap_path(municipality: str, part: int | None = None) -> str:
    """The sitemap of a municipality's pages, or its numbered ``part`` (past ``sitemap.MAX_URLS`` pages)."""
    return f"{municipality}/{SITEMAP}" if part is None else f"{municipality}/sitemap-{part}.xml"


def schema_path(name: str) -> str:
    return f"{SCHEMA_DIR}/{name}.schema.json"


def relative(target: str, start_file: str) -> str:
    """``target`` (a path from the site root) as seen from the file ``start_file``, e.g. ``../../alleroed/``."""
    link = posixpath.relpath(target or ".", posixpath.dirname(start_file) or ".")
    return link + "/" if target.endswith("/") or not target else link
