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
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class ParseCache:
    """``parsed(path, parse)``: ``parse(path)``'s result, from the cache when the file's status is unchanged.

    Only the stored entries of the folder being read are held in memory (the
    reader reads a folder's files one after the other), and only the results
    parsed anew are kept for ``save``: holding every result until the end
    doubled the memory of a loaded archive.
    """

    def __init__(self, folder: Path, code_key: str, reuse: bool = True):
        self.folder, self.code_key, self.reuse = folder, code_key, reuse
        self.reading: tuple[str, dict] = ("", {})  # a folder and its stored entries
        self.stored_keys: dict[str, set] = {}  # folder → keys of its stored entries
        self.used: dict[str, set] = {}  # folder → keys read by this build
        self.new: dict[str, dict] = {}  # folder → key → result parsed by this build

    def parsed(self, path: Path, parse: Callable[[Path], T]) -> T:
        status = file_status(path)
        if status is None:
            return parse(path)  # unreadable: the parser reports it
        folder, key = str(path.parent), (parse.__name__, path.name, status)
        stored = self._stored(folder)
        self.used.setdefault(folder, set()).add(key)
        if key in stored:
            return stored[key]
        result = self.new.setdefault(folder, {})[key] = parse(path)
        return result

    def _stored(self, folder: str) -> dict:
        if self.reading[0] != folder:
            entries = self._read(self._file(folder)) if self.reuse else {}
            self.stored_keys.setdefault(folder, set(entries))
            self.reading = (folder, entries)
        return self.reading[1]

    def _file(self, folder: str) -> Path:
        return self.folder / f"{hashlib.blake2b(folder.encode(), digest_size=16).hexdigest()}.pickle"

    def _read(self, file: Path) -> dict:
        try:
            with open(file, "rb") as stream:
                code_key, entries = pickle.load(stream)
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError):
            return {}
        return entries if code_key == self.code_key else {}

    def save(self) -> None:
        """Write the folders whose files changed; remove those of folders this build did not read."""
        self.folder.mkdir(parents=True, exist_ok=True)
        keep = set()
        for folder, keys in self.used.items():
            file = self._file(folder)
            keep.add(file.name)
            if folder in self.new or keys != self.stored_keys.get(folder) or not file.exists():
                entries = {key: value for key, value in self._read(file).items() if key in keys}
                entries.update(self.new.get(folder, {}))
                write_atomically(file, pickle.dumps((self.code_key, entries), protocol=pickle.HIGHEST_PROTOCOL))
        for file in self.folder.glob("*.pickle"):
            if file.name not in keep:
                file.unlink(missing_ok=True)


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
