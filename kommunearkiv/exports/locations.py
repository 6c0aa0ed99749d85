"""Where each data file lives in the site, relative to the site root.

A thing's JSON sits under ``data/`` at its page's address with ``.json``
appended in place of the final ``/``: the meeting page
``alleroed/oekonomiudvalget/2015-05-13/`` has its data at
``data/alleroed/oekonomiudvalget/2015-05-13.json``.
"""
from __future__ import annotations

import posixpath

from .. import paths
from ..model import Case, Committee, Meeting, Municipality, Person

DATA = "data"
ARCHIVE_JSON = f"{DATA}/arkiv.json"
CSV_DIR = f"{DATA}/csv"
SCHEMA_DIR = f"{DATA}/schemas"
FEED_DIR = f"{DATA}/feeds"
CALENDAR_DIR = f"{DATA}/kalendere"
SITE_FEED = f"{FEED_DIR}/alle.atom"
SITEMAP = "sitemap.xml"
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


def json_path(thing: Meeting | Committee | Case | Person) -> str:
    return f"{DATA}/{page_path(thing).rstrip('/')}.json"


def feed_path(municipality: str, committee: str) -> str:
    """The feed of a committee, given by the ids of its municipality and itself."""
    return f"{FEED_DIR}/{municipality}/{committee}.atom"


def calendar_path(committee: Committee) -> str:
    return f"{CALENDAR_DIR}/{committee.municipality}/{committee.id}.ics"


def csv_path(name: str) -> str:
    return f"{CSV_DIR}/{name}.csv"


def schema_path(name: str) -> str:
    return f"{SCHEMA_DIR}/{name}.schema.json"


def relative(target: str, start_file: str) -> str:
    """``target`` (a path from the site root) as seen from the file ``start_file``, e.g. ``../../alleroed/``."""
    link = posixpath.relpath(target or ".", posixpath.dirname(start_file) or ".")
    return link + "/" if target.endswith("/") or not target else link
