"""Fingerprints: for each page, a hash of exactly what it shows, so that an unchanged page is not rendered again.

Every fingerprint starts from the *code key*: the package's source, the
theme's templates and static files, the versions of the libraries that
render, and the site's address. Then each kind of page adds the model objects it reads:

- every page of a municipality: the municipality's *frame* (its name, its
  committees' names), which breadcrumbs and headings show;
- a meeting, its items and its attachment documents: the meeting in full
  (its substitutes, whether it is incomplete, and its original document's
  provenance and copy among its details), the persons it names (attendance,
  roles, substitutes, absence from items), the cases of its items in full
  (their items and meetings), and the dates of its committee's meetings
  (previous and next);
- a case: the case's items in full and their meetings' details;
- a person, a committee and the municipality: the *roster* (every person's
  name and party, every committee's period and members); then a person: the
  meetings that recorded the person's attendance and the items that name the
  person (``summaries.items_naming_persons``, as the page does) and the
  meetings the person attended as a substitute; a committee:
  its meetings in full; the municipality: its meetings and cases;
- the home and data pages: every municipality's *outline* (``parts.Outline``), whose digest is that of
  the municipality's frame and everything its pages show (``ArchiveDigests.content``); search and 404:
  the code key.

A build that loads only some municipalities fingerprints the pages of those
(``page_fingerprints``); the others' pages keep the fingerprints their last
build recorded (``incremental.plan_build``).

When a template starts to show something new, its kind of page must add it
here; ``tests/building`` compares incremental builds with full builds byte for byte.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import sys
from collections.abc import Iterable, Iterator
from importlib import metadata
from pathlib import Path

from .exports.sitemap import page_paths
from .exports.tables import table_rows
from .model import Archive, Case, Meeting, Municipality
from .parts import Outline, outline_of
from .web.freeze import page_routes
from .web.summaries import items_naming_persons

PACKAGE = Path(__file__).resolve().parent
RENDERING_LIBRARIES = ("flask", "frozen-flask", "jinja2", "werkzeug", "markdown", "nh3", "babel", "lunr", "pyyaml", "snowballstemmer")
MEETING_DETAILS = tuple(f.name for f in dataclasses.fields(Meeting) if f.name not in ("items", "attachments"))


def digest(*parts: object) -> str:
    """A hash of the parts' ``repr`` (the model's dataclasses have a complete, ordered one)."""
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).hexdigest()


def files_digest(folders: Iterable[Path]) -> list[tuple[str, str]]:
    """``(relative path, content hash)`` of every file under ``folders``, sorted."""
    found = []
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            found.append((f"{folder.name}/{path.relative_to(folder).as_posix()}", hashlib.blake2b(path.read_bytes()).hexdigest()))
    return found


def code_fingerprint(theme_dirs: list[Path] = (), site_url: str | None = None) -> str:
    """What every output depends on besides the content: this package's code, the theme (its templates, and its
    static files, since ``404.html`` holds the stylesheet), the libraries, the address, and ``SOURCE_DATE_EPOCH``
    (the feeds' time stamp, the citations' publication date)."""
    versions = [(name, metadata.version(name)) for name in RENDERING_LIBRARIES]
    theme = [Path(folder) / part for folder in theme_dirs for part in ("templates", "static") if (Path(folder) / part).is_dir()]
    return digest(sys.version, versions, files_digest([PACKAGE]), files_digest(theme), site_url or "",
                  os.environ.get("SOURCE_DATE_EPOCH"))


class ArchiveDigests:
    """Hashes of the archive's parts, each computed once."""

    def __init__(self, archive: Archive):
        self.archive = archive
        meetings = archive.meetings()
        self.details = {id(m): digest(meeting_details(m)) for m in meetings}
        self.items = {id(i): digest(i) for m in meetings for i in m.items}  # each item's text is hashed once
        self.meetings = {id(m): digest(self.details[id(m)], [self.items[id(i)] for i in m.items], m.attachments)
                         for m in meetings}
        self.frames = {mu.id: frame_digest(mu) for mu in archive.municipalities.values()}
        self.rosters = {mu.id: roster_digest(mu) for mu in archive.municipalities.values()}
        self.cases = {id(c): self.case_digest(c) for mu in archive.municipalities.values() for c in mu.cases.values()}

    def case_digest(self, case: Case) -> str:
        return digest(case.id, case.number, [(self.details[id(i.meeting)], self.items[id(i)]) for i in case.items])

    def municipality(self, municipality: Municipality) -> str:
        return digest(self.rosters[municipality.id], [self.meetings[id(m)] for m in municipality.meetings()],
                      [self.cases[id(c)] for c in municipality.cases.values()])

    def content(self, municipality: Municipality) -> str:
        """Of everything the municipality's pages, data files and search documents show: its outline's digest."""
        return digest(self.frames[municipality.id], self.municipality(municipality))


def outlines_of(digests: ArchiveDigests) -> dict[str, Outline]:
    """The outline of every municipality of the digests' archive, by id."""
    return {mu.id: outline_of(mu, digests.content(mu), table_rows(mu), sum(1 for _ in page_paths(mu)))
            for mu in digests.archive.municipalities.values()}


def full_outlines(archive: Archive) -> list[Outline]:
    """The outline of every municipality of an archive loaded whole (an app or a test without a build)."""
    return list(outlines_of(ArchiveDigests(archive)).values())


def outlines_digest(outlines: Iterable[Outline]) -> str:
    """Of what the site-wide pages and files show: every municipality's outline."""
    return digest(sorted((o.id, o.digest) for o in outlines))


def frame_digest(municipality: Municipality) -> str:
    return digest(municipality.id, municipality.name, [(c.id, c.name) for c in municipality.committees.values()])


def roster_digest(municipality: Municipality) -> str:
    return digest(municipality.persons, [(c.id, c.period, c.members) for c in municipality.committees.values()])


def persons_named(municipality: Municipality, meeting: Meeting) -> list:
    """The persons a meeting's pages name: its attendance, roles, substitutes and whom they replaced, and
    absence from its items."""
    ids = set(meeting.attendance) | set(meeting.roles) | {p for item in meeting.items for p in item.absent}
    ids |= {p for s in meeting.substitutes for p in (s.person, s.replaces) if p}
    return [municipality.persons.get(person_id) for person_id in sorted(ids)]


def meeting_details(meeting: Meeting) -> tuple:
    return tuple(getattr(meeting, name) for name in MEETING_DETAILS)


def page_fingerprints(digests: ArchiveDigests, code_key: str, outlines: Iterable[Outline]) -> Iterator[tuple[str, dict, str]]:
    """``(endpoint, values, fingerprint)`` of the site's own pages and of every page of the digests' archive
    (the municipalities loaded), in the order ``freeze`` writes them; ``outlines``: of every municipality."""
    archive = digests.archive
    site_wide = outlines_digest(outlines)
    for endpoint in ("home", "data"):
        yield endpoint, {}, digest(code_key, site_wide)
    for endpoint in ("search", "not_found"):
        yield endpoint, {}, digest(code_key)
    for municipality in archive.municipalities.values():
        yield from municipality_fingerprints(municipality, digests, code_key)


def municipality_fingerprints(municipality: Municipality, digests: ArchiveDigests, code_key: str) -> Iterator[tuple[str, dict, str]]:
    frame = digest(code_key, digests.frames[municipality.id])
    roster = digest(frame, digests.rosters[municipality.id])
    shown = {}
    case_of = {id(i): c for c in municipality.cases.values() for i in c.items}
    for committee in municipality.committees.values():
        shown[id(committee)] = digest(roster, [digests.meetings[id(m)] for m in committee.meetings])
        dates = [(m.id, m.date) for m in committee.meetings]  # a meeting page links the meetings before and after it
        for meeting in committee.meetings:
            cases = {digests.cases[id(case_of[id(i)])] for i in meeting.items if id(i) in case_of}
            shown[id(meeting)] = digest(frame, digests.meetings[id(meeting)], sorted(cases), persons_named(municipality, meeting),
                                        dates)
            for thing in meeting.items + meeting.published_attachments():
                shown[id(thing)] = shown[id(meeting)]
    shown[id(municipality)] = digest(roster, digests.municipality(municipality))
    for case in municipality.cases.values():
        shown[id(case)] = digest(frame, digests.cases[id(case)])
    naming = items_naming_persons(municipality)
    meetings = municipality.meetings()
    for person in municipality.persons.values():
        recorded = [digests.details[id(m)] for m in meetings if person.id in m.attendance or m.substitute_for(person.id)]
        named = [(digests.details[id(i.meeting)], digests.items[id(i)]) for i in naming.get(person.id, [])]
        shown[id(person)] = digest(roster, person, recorded, named)
    for thing, (endpoint, values) in page_routes(municipality):
        yield endpoint, values, shown[id(thing)]

