"""Municipalities as the parts of a build, and the outline of each that the site-wide pages and files read.

Nothing on a municipality's pages, data files or search documents depends on
another municipality (docs/scaling.md). What spans them (the home and data
pages, the site feed, the archive and CSV files of everything, the search
index's tables) needs only a little of each: its *outline* (``Outline``). A
build keeps each municipality's outline with the status of its content files
(``content_statuses``), so that the next build loads only the municipalities
whose files changed and reads the others' outlines (docs/building.md).
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

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

    @property
    def id(self) -> str:
        return self.municipality.id


def outline_of(municipality: Municipality, content_digest: str, rows: dict[str, int]) -> Outline:
    latest = {id(m): m for m in _latest(municipality.meetings())}
    shortened = dataclasses.replace(municipality, persons={}, cases={}, committees={})
    for committee in municipality.committees.values():
        kept = [_short_meeting(m) for m in committee.meetings if id(m) in latest]
        shortened.committees[committee.id] = dataclasses.replace(committee, members=[], meetings=kept)
    return Outline(shortened, content_digest, {c.id: len(c.meetings) for c in municipality.committees.values()}, rows)


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


def site_digest(outlines: Iterable[Outline]) -> str:
    """Of everything the site shows: the digests of its municipalities."""
    return _hash(sorted((o.id, o.digest) for o in outlines))


def _hash(value: object) -> str:
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=16).hexdigest()


def content_statuses(content_dir: Path) -> dict[str, str]:
    """Each municipality folder's name → a digest of the status (``parse_cache.file_status``) of every file
    under it: a file written since, added or removed changes it. Hidden files and folders, which the
    reader skips, are left out; so are the files beside the municipality folders."""
    statuses = {}
    for entry in _entries(content_dir):
        if entry.is_dir():  # as the reader's folders, a link to a folder too
            statuses[entry.name] = _hash(list(_file_statuses(entry.path, "")))
    return statuses


def _entries(folder: str | Path) -> list[os.DirEntry]:
    with os.scandir(folder) as scanned:
        return sorted((e for e in scanned if not e.name.startswith(".")), key=lambda e: e.name)


def _file_statuses(folder: str, prefix: str) -> Iterable[tuple]:
    for entry in _entries(folder):
        if entry.is_dir(follow_symlinks=False):
            yield from _file_statuses(entry.path, f"{prefix}{entry.name}/")
        else:
            try:
                status = entry.stat()
            except OSError:  # a broken link: the reader reports it
                yield prefix + entry.name, None
                continue
            yield prefix + entry.name, status.st_size, status.st_ino, status.st_mtime_ns, status.st_ctime_ns


class OutlineStore:
    """The outlines of a site's municipalities, one file each, written when the build that made them succeeded.

    A stored outline is used only for the content status and code it was made from."""

    def __init__(self, folder: Path, code_key: str):
        self.folder, self.code_key = folder, code_key

    def load(self, municipality: str, status: str) -> Outline | None:
        try:
            with open(self._file(municipality), "rb") as stream:
                stored_status, code_key, outline = pickle.load(stream)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
            return None
        return outline if (stored_status, code_key) == (status, self.code_key) else None

    def save(self, outlines: dict[str, Outline], statuses: dict[str, str]) -> None:
        """Write the given outlines; remove those of municipalities the site no longer has."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for municipality, outline in outlines.items():
            data = pickle.dumps((statuses[municipality], self.code_key, outline), protocol=pickle.HIGHEST_PROTOCOL)
            write_atomically(self._file(municipality), data)
        for file in self.folder.glob("*.pickle"):
            if file.stem not in statuses:
                file.unlink(missing_ok=True)

    def _file(self, municipality: str) -> Path:
        return self.folder / f"{municipality}.pickle"
