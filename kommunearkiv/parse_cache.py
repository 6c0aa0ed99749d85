"""Parsed content files kept between builds, keyed by path and file status.

Parsing YAML is most of loading ``content/``; a file whose bytes did not
change parses to the same result, problems included, so the reader takes it
from here. Whether the bytes changed is told by the file's status, as git's
index does: size, inode, modification and status-change times in
nanoseconds. Any write changes the status-change time, which no program can
set back, so an edited file is parsed again even if its size and
modification time were restored; a copied or freshly cloned folder is parsed
anew. This spares reading every file of the archive (520 MB at 10,000
meetings) on every build. The cache is a folder of pickle files, one per content folder (a
meeting, its ``bilag/``), so an added meeting writes one or two small files.
Each holds only the files the last build read there, and records the code
that parsed it (``fingerprints.code_fingerprint``): other code, no reuse.
Deleting the folder is always safe.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class ParseCache:
    """``parsed(path, parse)``: ``parse(path)``'s result, from the cache when the file's status is unchanged.

    Only the folder being read is held in memory (the reader reads a folder's
    files one after the other): when the reader moves on, the folder's new
    cache file is written to a staging folder in the system's temporary
    folder, and ``save`` moves the staged files into the cache at the end of
    a successful build (``discard`` removes them otherwise, so a failed build
    writes nothing beside the site). Holding every result until the end of
    the build doubled the memory of a loaded archive.
    """

    def __init__(self, folder: Path, code_key: str, reuse: bool = True):
        self.folder, self.code_key, self.reuse = folder, code_key, reuse
        self.reading, self.stored, self.new = "", {}, {}  # the folder being read, its stored entries, its new ones
        self.used: dict[str, set] = {}  # folder → keys read by this build
        self.staging: Path | None = None

    def parsed(self, path: Path, parse: Callable[[Path], T]) -> T:
        status = file_status(path)
        if status is None:
            return parse(path)  # unreadable: the parser reports it
        folder, key = str(path.parent), (parse.__name__, path.name, status)
        if folder != self.reading:
            self._finish_folder()
            self.reading, self.stored, self.new = folder, self._stored_entries(folder), {}
        self.used.setdefault(folder, set()).add(key)
        if key in self.stored:
            return self.stored[key]
        result = self.new[key] = parse(path)
        return result

    def _finish_folder(self) -> None:
        """Rewrite the cache file of the folder just read when it gained, lost or changed files."""
        if not self.reading:
            return
        keys = self.used[self.reading]
        if self.new or keys != self.stored.keys():
            self.staging = self.staging or Path(tempfile.mkdtemp(prefix="kommunearkiv-parsed-"))
            entries = {key: value for key, value in self.stored.items() if key in keys} | self.new
            staged = self.staging / self._file(self.reading).name
            staged.write_bytes(pickle.dumps((self.code_key, entries), protocol=pickle.HIGHEST_PROTOCOL))
        self.reading, self.stored, self.new = "", {}, {}

    def _stored_entries(self, folder: str) -> dict:
        """The folder's cache file, and what this build staged for it already (a folder read again later)."""
        file = self._file(folder)
        entries = self._read(file) if self.reuse else {}
        return entries | (self._read(self.staging / file.name) if self.staging else {})

    def _file(self, folder: str) -> Path:
        return self.folder / f"{hashlib.blake2b(folder.encode(), digest_size=16).hexdigest()}.pickle"

    def _read(self, file: Path) -> dict:
        try:
            with open(file, "rb") as stream:
                code_key, entries = pickle.load(stream)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
            return {}
        return entries if code_key == self.code_key else {}

    def save(self, prune: bool = True) -> None:
        """Finish the last folder read, move the staged files in; with ``prune``, remove the files of folders
        this build did not read (not after a build that read only some municipalities: the others' stay)."""
        self._finish_folder()
        self.folder.mkdir(parents=True, exist_ok=True)
        for staged in sorted(self.staging.iterdir()) if self.staging else ():
            shutil.move(staged, self.folder / f"{staged.name}.{os.getpid()}.tmp")
            os.replace(self.folder / f"{staged.name}.{os.getpid()}.tmp", self.folder / staged.name)
        self.discard()
        if not prune:
            return
        keep = {self._file(folder).name for folder in self.used}
        for file in self.folder.glob("*.pickle"):
            if file.name not in keep:
                file.unlink(missing_ok=True)

    def __enter__(self) -> ParseCache:
        return self

    def __exit__(self, *exception) -> None:
        self.discard()

    def discard(self) -> None:
        """Remove the staged files (of a build that failed)."""
        if self.staging:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None


def write_atomically(file: Path, data: bytes) -> None:
    temporary = file.with_name(f"{file.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, file)


def file_status(path: Path) -> tuple[int, int, int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_size, status.st_ino, status.st_mtime_ns, status.st_ctime_ns
