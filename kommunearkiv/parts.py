"""Municipalities as the parts of a build, and the outline of each that the site-wide files read.

Nothing on a municipality's pages, data files or search documents depends on
another municipality (docs/scaling.md). What spans them (the home and data
pages, the site feed, the search index's tables) needs only a little of each:
its *outline* (``Outline``). Given the outlines of every municipality, the
search index is updated from the changed municipalities alone
(``search.write_search_index``), and a build loads only the municipalities
whose content changed: each municipality folder's *status* (``content_statuses``)
tells whether it did, and the outlines of the others come from the
``OutlineStore`` (see docs/building.md).
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import pickle
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path

from .forking import run_all
from .model import AgendaItem, Archive, Meeting, Municipality
from .parse_cache import write_atomically

# The site feed shows the latest 50 meetings, the home page the latest 10: an outline keeps at least the
# municipality's latest 50, which include the site's latest ones.
OUTLINE_MEETINGS = 50


@dataclass
class Outline:
    """What the site-wide pages and files need of a municipality.

    ``municipality`` is a shortened copy: its committees (without members) hold only the municipality's
    latest meetings (``OUTLINE_MEETINGS``), their items with number, title, access and decision. The
    counts are of the whole municipality."""

    municipality: Municipality
    digest: str  # of everything the municipality's pages show (``fingerprints.ArchiveDigests.municipality``)
    meetings: dict[str, int]  # committee id → its meetings
    rows: dict[str, int]  # CSV table name → the municipality's rows in it
    pages: int = 0  # the municipality's pages in its sitemap

    @property
    def id(self) -> str:
        return self.municipality.id


def outline_of(municipality: Municipality, content_digest: str, rows: dict[str, int], pages: int = 0) -> Outline:
    latest = {id(m): m for m in _latest(municipality.meetings())}
    shortened = dataclasses.replace(municipality, persons={}, cases={}, committees={})
    for committee in municipality.committees.values():
        kept = [_short_meeting(m) for m in committee.meetings if id(m) in latest]
        shortened.committees[committee.id] = dataclasses.replace(committee, members=[], meetings=kept)
    return Outline(shortened, content_digest, {c.id: len(c.meetings) for c in municipality.committees.values()}, rows, pages)


def _latest(meetings: list[Meeting]) -> list[Meeting]:
    """Every meeting from the date of the latest ``OUTLINE_MEETINGS``th on (``meetings`` in date order): the
    latest ones by the home page's order and by the feed's, which orders a day's meetings by starting time."""
    if len(meetings) <= OUTLINE_MEETINGS:
        return meetings
    since = meetings[-OUTLINE_MEETINGS].date
    return [m for m in meetings if m.date >= since]


def _short_meeting(meeting: Meeting) -> Meeting:
    short = dataclasses.replace(meeting, attachments=[], items=[])
    short.items = [AgendaItem(i.number, i.title, i.access, decision=i.decision, meeting=short) for i in meeting.items]
    return short


def outline_archive(outlines: Iterable[Outline]) -> Archive:
    """The outlines' shortened municipalities as one archive, in id order."""
    return Archive({o.id: o.municipality for o in sorted(outlines, key=lambda o: o.id)})


def content_statuses(content_dir: Path) -> dict[str, str]:
    """Each municipality folder's name → a digest of the path and status (size, inode, modification and
    status-change times, as ``parse_cache.file_status``) of every file under it. Any write to a file, any file
    added, removed or renamed changes the digest; the statuses cost a ``stat`` per file, not a read (two
    processes take half the municipalities each: 0.45 s for 156,000 files)."""
    with os.scandir(content_dir) as scanned:
        folders = sorted(e.name for e in scanned if e.is_dir() and not e.name.startswith("."))
    halves = run_all([functools.partial(_statuses, content_dir, folders[start::2]) for start in (0, 1)],
                     parallel=len(folders) > 1)
    return {name: halves[index % 2][name] for index, name in enumerate(folders)}


def _statuses(content_dir: Path, folders: list[str]) -> dict[str, str]:
    statuses = {}
    for name in folders:
        hashed = hashlib.blake2b(digest_size=16)
        _hash_statuses(os.path.join(content_dir, name), "", CONTENT_DEPTH, hashed.update)
        statuses[name] = hashed.hexdigest()
    return statuses


# Folders under a municipality's, as deep as the reader reads (docs/content-format.md): committee, meeting, bilag.
CONTENT_DEPTH = 3


def _hash_statuses(folder: str, prefix: str, depth: int, update: Callable[[bytes], None]) -> None:
    """Feed ``update`` the relative path and status of every entry under ``folder``, sorted, ``depth`` folders
    deep (links followed: the depth keeps a link to a folder above from leading round in circles)."""
    with os.scandir(folder) as scanned:
        entries = sorted(scanned, key=attrgetter("name"))
    for entry in entries:
        status = entry.stat()
        update(f"{prefix}{entry.name}\0{status.st_size} {status.st_ino} {status.st_mtime_ns} {status.st_ctime_ns}\n"
               .encode("utf-8", "surrogateescape"))
        if depth and stat.S_ISDIR(status.st_mode):
            _hash_statuses(entry.path, f"{prefix}{entry.name}/", depth - 1, update)


class OutlineStore:
    """Outlines kept between builds, one file per municipality and part key (the municipality's content status
    and the code: ``incremental.part_key``), so that a build that does not load a municipality has its outline."""

    def __init__(self, folder: Path):
        self.folder = folder

    def _file(self, key: str) -> Path:
        return self.folder / f"{key}.pickle"

    def get(self, key: str) -> Outline | None:
        try:
            return pickle.loads(self._file(key).read_bytes())
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
            return None

    def has(self, key: str) -> bool:
        return self._file(key).is_file()

    def keep(self, outlines: dict[str, Outline], keys: set[str]) -> None:
        """Store the ``outlines`` (part key → outline) not stored yet; remove every stored outline not in ``keys``."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for key, outline in outlines.items():
            if not self.has(key):
                write_atomically(self._file(key), pickle.dumps(outline, protocol=pickle.HIGHEST_PROTOCOL))
        for file in self.folder.glob("*.pickle"):
            if file.stem not in keys:
                file.unlink(missing_ok=True)
