"""What a build can take over from the previous build of the same site folder.

The cache folder (default ``.build-cache/`` beside the site folder, safe to delete) holds
the parse cache (``parsed/``) and, per site folder, a record of its last
build (``sites/<hash of its path>.json``): each page's URL and fingerprint,
and the key of the data files (search index, exports). A build plans from
that record: pages whose fingerprint is unchanged are hard-linked (or copied)
from the previous ``site/`` into the new work folder, the others rendered;
the data files are taken over only when the archive and the code are
unchanged. The record is removed before the new site is swapped in and
written after, so a build stopped in between leads to a full build.
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

from flask import Flask

from .fingerprints import ArchiveDigests, code_fingerprint, digest, page_fingerprints
from .model import Archive
from .parse_cache import ParseCache, write_atomically
from .web.freeze import file_path, url_paths

CACHE_FOLDER = ".build-cache"


@dataclass
class BuildRecord:
    """What one build wrote: page URL → fingerprint, the data files' key and paths, and the figures reported."""

    pages: dict[str, str] = field(default_factory=dict)
    data_key: str = ""
    data_files: list[str] = field(default_factory=list)
    search: dict = field(default_factory=dict)
    exports: dict = field(default_factory=dict)


@dataclass
class Plan:
    record: BuildRecord  # of the new build; data fields filled in when data is taken over
    render: list[str]  # page URLs to render
    reuse: list[str]  # files to take from the previous site
    data_reused: bool


class BuildCache:
    def __init__(self, folder: Path, site_dir: Path, theme_dirs: list[Path], site_url: str | None, reuse: bool = True):
        self.folder, self.reuse = folder, reuse
        self.pages_key = code_fingerprint(theme_dirs, site_url)
        self.data_code_key = code_fingerprint([], site_url)
        self.parse_cache = ParseCache(folder / "parsed", self.data_code_key, reuse)
        self.record_file = folder / "sites" / f"{digest(str(site_dir.resolve()))}.json"

    def previous(self) -> BuildRecord | None:
        if not self.reuse:
            return None
        try:
            return BuildRecord(**json.loads(self.record_file.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None

    def forget(self) -> None:
        self.record_file.unlink(missing_ok=True)

    def remember(self, record: BuildRecord) -> None:
        self.record_file.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(self.record_file, json.dumps(asdict(record), sort_keys=True).encode("utf-8"))
        self.parse_cache.save()


def plan_build(app: Flask, archive: Archive, cache: BuildCache, site_dir: Path) -> Plan:
    """Which pages to render and which files to take from the previous build of ``site_dir``."""
    digests = ArchiveDigests(archive)
    routes, prints = [], []
    for endpoint, values, fingerprint in page_fingerprints(digests, cache.pages_key):
        routes.append((endpoint, values))
        prints.append(fingerprint)
    record = BuildRecord(pages=dict(zip(url_paths(app, routes), prints)),
                         data_key=digest(cache.data_code_key, digests.whole()))
    previous = cache.previous() if site_dir.is_dir() else None
    old = previous.pages if previous else {}
    reuse = [file_path(url) for url, fingerprint in record.pages.items()
             if old.get(url) == fingerprint and (site_dir / file_path(url)).is_file()]
    reused = set(reuse)
    render = [url for url in record.pages if file_path(url) not in reused]
    data_reused = bool(previous) and previous.data_key == record.data_key and all(
        (site_dir / path).is_file() for path in previous.data_files)
    if data_reused:
        record.data_files, record.search, record.exports = previous.data_files, previous.search, previous.exports
        reuse += previous.data_files
    return Plan(record, render, reuse, data_reused)


def take_over(previous_site: Path, work: Path, paths: list[str]) -> None:
    """Hard-link (or, across file systems, copy) ``paths`` from the previous site into the work folder.

    Nothing writes into a taken-over file afterwards: the pages rendered are
    the others, and the data files are taken over only when none are written.
    """
    for path in paths:
        target = work / path
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(previous_site / path, target)
        except OSError:
            shutil.copyfile(previous_site / path, target)


def data_files(work: Path, record: BuildRecord, static: list[str]) -> list[str]:
    """Files in the work folder that are neither pages nor static files: what search and exports wrote."""
    others = {file_path(url) for url in record.pages} | {file_path(url) for url in static}
    found = (Path(folder, name).relative_to(work).as_posix() for folder, _, names in os.walk(work) for name in names)
    return sorted(path for path in found if path not in others)
