"""The two trees a build knows: the live ``site/`` and the *spare*, the tree the build before last wrote.

A build does not start from an empty folder: it moves the spare in as its work
folder and brings it up to date, so that an update costs file operations for
what changed, not a link and an unlink for every file of the archive. Each
tree has a *record* in the cache folder: the part key of each municipality
whose files it holds, and its site-wide files. For each municipality of the
content (``plan``):

- the spare holds its part as it is (same key, every file there): kept;
- the live site holds it: its files are hard-linked from there (copied across
  file systems);
- otherwise it is rendered.

Every file of a part the spare holds but does not keep, and every site-wide
file of the spare, is removed first, so nothing is ever written into a file
that the live site shares by hard link. A record is removed before its tree
is changed and written after, so a build stopped in between leaves no record
that could mislead the next one.
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from .parts import Part, PartStore


@dataclass
class Record:
    """What one tree holds: municipality → part key, and the site-wide files."""

    parts: dict[str, str] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, file: Path) -> Record:
        try:
            return cls(**json.loads(file.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return cls()

    def write(self, file: Path) -> None:
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(json.dumps({"parts": self.parts, "files": self.files}, sort_keys=True), encoding="utf-8")


@dataclass
class Plan:
    kept: dict[str, Part] = field(default_factory=dict)  # municipality → its part, as the spare holds it
    linked: dict[str, Part] = field(default_factory=dict)  # … as the live site holds it
    rendered: list[str] = field(default_factory=list)  # the municipalities to render
    stale: list[str] = field(default_factory=list)  # the spare's files to remove


def plan(keys: dict[str, str], store: PartStore, site_dir: Path, live: Record, spare_dir: Path, spare: Record) -> Plan:
    """How to bring the spare (``spare_dir``, recorded as ``spare``) to the parts of ``keys``."""
    found, kept = Plan(), set()
    for municipality, key in keys.items():
        part = store.get(key) if key in (spare.parts.get(municipality), live.parts.get(municipality)) else None
        if part and spare.parts.get(municipality) == key and present(spare_dir, part.files):
            found.kept[municipality] = part
            kept.add(municipality)
        elif part and live.parts.get(municipality) == key and present(site_dir, part.files):
            found.linked[municipality] = part
        else:
            found.rendered.append(municipality)
    found.stale = spare.files + [path for m, key in spare.parts.items() if m not in kept for path in store.get(key).files]
    return found


def present(root: Path, files: list[str]) -> bool:
    return all(os.path.isfile(os.path.join(root, path)) for path in files)


def usable(spare: Record, store: PartStore) -> bool:
    """Whether the files of each of the spare's parts are known (its part still stored)."""
    return all(store.has(key) for key in spare.parts.values())


def bring_up_to_date(work: Path, site_dir: Path, plan: Plan) -> None:
    """Remove the stale files of the work folder (the spare moved in), link the live site's parts."""
    for path in plan.stale:
        remove_file(work, path)
    for part in plan.linked.values():
        for path in part.files:
            target = work / path
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(site_dir / path, target)
            except OSError:
                shutil.copyfile(site_dir / path, target)


def remove_file(root: Path, path: str) -> None:
    """Remove ``root/path`` and the folders it leaves empty."""
    target = root / path
    try:
        target.unlink()
    except FileNotFoundError:
        return
    folder = target.parent
    while folder != root:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
