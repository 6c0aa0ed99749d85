"""Municipalities as the parts of a build: what each part's key covers, and what a built part leaves.

A part's *key* is a hash of everything its files can show: the status of every
file in the municipality's content folder (path, size, inode, modification and
status-change times, as git's index: any write changes it), its position among
the site's municipalities (the search index's ids), and the *code key*, which
covers the package, the rendering libraries, Python, every file of the theme,
the site's address and ``SOURCE_DATE_EPOCH``. A part is rendered from an
archive holding its municipality alone, so nothing else can reach its files.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import stat
import sys
from dataclasses import dataclass
from importlib import metadata
from operator import attrgetter
from pathlib import Path

from ..model.outline import Outline
from ..search import IndexPart

PACKAGE = Path(__file__).resolve().parents[1]
LIBRARIES = ("flask", "frozen-flask", "jinja2", "werkzeug", "comrak", "nh3", "babel", "lunr", "pyyaml", "snowballstemmer",
             "orjson", "icalendar")
CONTENT_DEPTH = 3  # folders under a municipality's, as deep as the reader reads: committee, meeting, bilag


@dataclass
class Part:
    """A built municipality: its outline and share of the search index (the site-wide pages and files are
    made of these), the files it wrote (relative to the site root) and how many are pages."""

    outline: Outline
    index: IndexPart
    files: list[str]
    pages: int


def code_key(theme_dirs: list[Path], site_url: str | None) -> str:
    """What every file depends on besides the content."""
    hashed = hashlib.blake2b(digest_size=16)
    hashed.update(repr((sys.version, [(name, metadata.version(name)) for name in LIBRARIES], site_url or "",
                        os.environ.get("SOURCE_DATE_EPOCH"))).encode())
    for folder in [PACKAGE, *theme_dirs]:
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            hashed.update(f"{path.relative_to(folder)}\0".encode() + hashlib.blake2b(path.read_bytes()).digest())
    return hashed.hexdigest()


def part_keys(content_dir: Path, code: str) -> dict[str, str]:
    """Each municipality folder's name → its part key (one ``stat`` per content file)."""
    if not content_dir.is_dir():
        return {}
    with os.scandir(content_dir) as scanned:
        names = sorted(e.name for e in scanned if e.is_dir() and not e.name.startswith("."))
    keys = {}
    for position, name in enumerate(names):
        hashed = hashlib.blake2b(f"{code}\0{position}\0".encode(), digest_size=16)
        _hash_statuses(os.path.join(content_dir, name), "", CONTENT_DEPTH, hashed)
        keys[name] = hashed.hexdigest()
    return keys


def _hash_statuses(folder: str, prefix: str, depth: int, hashed) -> None:
    """Hash the relative path and status of every entry under ``folder``, sorted, ``depth`` folders deep
    (links followed: the depth keeps a link to a folder above from leading round in circles)."""
    with os.scandir(folder) as scanned:
        entries = sorted(scanned, key=attrgetter("name"))
    for entry in entries:
        status = entry.stat()
        hashed.update(f"{prefix}{entry.name}\0{status.st_size} {status.st_ino} {status.st_mtime_ns} {status.st_ctime_ns}\n"
                      .encode("utf-8", "surrogateescape"))
        if depth and stat.S_ISDIR(status.st_mode):
            _hash_statuses(entry.path, f"{prefix}{entry.name}/", depth - 1, hashed)


class PartStore:
    """Built parts kept between builds, one file per part key."""

    def __init__(self, folder: Path):
        self.folder = folder

    def has(self, key: str) -> bool:
        return (self.folder / f"{key}.pickle").is_file()

    def get(self, key: str) -> Part | None:
        try:
            return pickle.loads((self.folder / f"{key}.pickle").read_bytes())
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
            return None

    def put(self, key: str, part: Part) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        temporary = self.folder / f"{key}.{os.getpid()}.tmp"
        temporary.write_bytes(pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, self.folder / f"{key}.pickle")

    def keep_only(self, keys: set[str]) -> None:
        for file in self.folder.glob("*.pickle"):
            if file.stem not in keys:
                file.unlink(missing_ok=True)
