"""What a build can take over from earlier builds of the same site folder.

The cache folder (default ``.build-cache/`` beside the site folder, safe to
delete) holds the parse cache (``parsed/``) and, per site folder, the record
of its last build (``sites/<hash of its path>.json``): each page's URL and
fingerprint, the static files, the key and paths of the data files (search
index, exports), and the name of the search index's state (``search/<hash>/``,
what lets the next build update the index rather than write it whole).

Besides the live ``site/`` a build keeps the tree it replaced, the *spare*
(``spare/<hash>/`` with its record ``sites/<hash>.spare.json``): the site as
it was one build earlier. The next build starts from the spare instead of an
empty folder and brings it up to date in place: a page whose fingerprint the
spare already has stays as it is, a page the live site has is hard-linked
from there (or copied across file systems), any other page is rendered; what
the new build does not write is removed. So an added meeting costs its own
pages, not a link per page of the archive, nor the removal of the old tree.
The spare shares files with the live site by hard link, so nothing is ever
written into an existing file of the work folder: a file is unlinked before
it is written again.

A build loads only the municipalities whose content changed: the record keeps,
per municipality, its *part key* (``part_key``: the status of every file of its
content folder, ``parts.content_statuses``, and the code) and its data files.
A municipality whose key the spare's or the live site's record has is
*borrowed* from that record (``borrowed_parts``): its pages keep their recorded
fingerprints, its files are kept (spare) or linked (live), and its outline,
which the site-wide pages and files read, comes from the ``OutlineStore``.
Should a borrowed file be missing, the build loads that municipality after all
(``Unavailable``).

Records are removed before the folder they describe is changed (the spare's
before the build starts on it, the live one before the swap) and written
after, so a build stopped in between leaves no record that could mislead the
next one: that build then starts from an empty folder (or a full build).
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask

from .fingerprints import ArchiveDigests, code_fingerprint, digest, page_fingerprints
from .parse_cache import ParseCache, write_atomically
from .parts import Outline, OutlineStore
from .search.state import prune_states
from .web.freeze import file_path, static_urls, url_paths

CACHE_FOLDER = ".build-cache"
SEARCH_INDEX = "search/index/"  # where the search index writes, relative to the site root


@dataclass
class BuildRecord:
    """What one build wrote: page URL → fingerprint, static files, the data files' paths, the figures reported, and
    per municipality its part key and data files (``{"key": …, "files": […]}``)."""

    pages: dict[str, str] = field(default_factory=dict)
    static: list[str] = field(default_factory=list)
    data_files: list[str] = field(default_factory=list)
    search: dict = field(default_factory=dict)
    exports: dict = field(default_factory=dict)
    parts: dict[str, dict] = field(default_factory=dict)

    def files(self) -> set[str]:
        return {file_path(url) for url in self.pages} | set(self.static) | set(self.data_files)


@dataclass
class Plan:
    """How to turn the work folder (the spare, or an empty folder) into the new site."""

    record: BuildRecord  # of the new build; data fields filled in when data is taken over
    render: list[str]  # page URLs to render
    link: list[str]  # files to hard-link from the live site
    remove: list[str]  # files of the spare that the new site does not have as they are
    spare_data: list[str]  # the spare's data files, kept until the writers are done


class Unavailable(Exception):
    """Borrowed municipalities whose files the earlier builds no longer have: the build must load them."""

    def __init__(self, municipalities: set[str]):
        super().__init__(", ".join(sorted(municipalities)))
        self.municipalities = municipalities


class BuildCache:
    def __init__(self, folder: Path, site_dir: Path, theme_dirs: list[Path], site_url: str | None, reuse: bool = True):
        self.folder, self.reuse = folder, reuse
        self.pages_key = code_fingerprint(theme_dirs, site_url)
        self.data_code_key = code_fingerprint([], site_url)
        self.parse_cache = ParseCache(folder / "parsed", self.data_code_key, reuse)
        name = digest(str(site_dir.resolve()))
        self.record_file = folder / "sites" / f"{name}.json"
        self.spare_record_file = folder / "sites" / f"{name}.spare.json"
        self.spare = folder / "spare" / name
        self.search_states = folder / "search" / name
        self.outlines = OutlineStore(folder / "outlines" / name)

    def previous(self) -> BuildRecord:
        """The record of the live site (empty when there is none to trust)."""
        return self._read(self.record_file)

    def spare_record(self) -> BuildRecord | None:
        """The spare tree's record, when the spare can be started from."""
        if not (self.reuse and self.spare.is_dir() and self.spare_record_file.is_file()):
            return None
        return self._read(self.spare_record_file)

    def _read(self, file: Path) -> BuildRecord:
        if not self.reuse:
            return BuildRecord()
        try:
            return BuildRecord(**json.loads(file.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return BuildRecord()

    def forget_spare(self) -> None:
        self.spare_record_file.unlink(missing_ok=True)

    def retire(self, kept: bool) -> None:
        """Before the swap: the live site's record becomes the spare's (``kept``: the replaced tree will be
        the spare), or is removed. A spare record is used only when the spare folder exists, which it does
        only once the swap is done and the replaced tree moved there."""
        if kept and self.record_file.is_file():
            os.replace(self.record_file, self.spare_record_file)
        else:
            self.record_file.unlink(missing_ok=True)

    def remember(self, record: BuildRecord, spare: BuildRecord | None, outlines: dict[str, Outline]) -> None:
        """Write the new site's record and the ``outlines`` of the municipalities it loaded; keep the search index
        states and outlines that it and the ``spare``'s record name, and the parse cache of the municipalities
        not loaded."""
        self.record_file.parent.mkdir(parents=True, exist_ok=True)
        self.outlines.keep({record.parts[m]["key"]: outline for m, outline in outlines.items()},
                           {part["key"] for r in (record, spare) if r for part in r.parts.values()})
        write_atomically(self.record_file, json.dumps(vars(record), sort_keys=True).encode("utf-8"))
        self.parse_cache.save(prune=len(outlines) == len(record.parts))
        prune_states(self.search_states, {r.search.get("state") for r in (record, spare) if r} - {None})


def part_key(pages_key: str, status: str) -> str:
    """What a municipality's pages and files are made from: its content folder's ``status`` and the code."""
    return digest(pages_key, status)


def borrowed_parts(keys: dict[str, str], spare: BuildRecord | None, live: BuildRecord,
                   store: OutlineStore) -> dict[str, tuple[BuildRecord, Outline]]:
    """The municipalities the build need not load (their part ``keys`` unchanged since the spare's or the live
    site's build, and their outline stored): each with that record (the spare's first: the work folder is the
    spare) and its outline."""
    borrowed = {}
    for municipality, key in keys.items():
        source = next((r for r in (spare, live) if r and r.parts.get(municipality, {}).get("key") == key), None)
        outline = store.get(key) if source else None
        if outline is not None:
            borrowed[municipality] = source, outline
    return borrowed


def plan_build(app: Flask, digests: ArchiveDigests, outlines: dict[str, Outline], keys: dict[str, str],
               borrowed: dict[str, BuildRecord], cache: BuildCache, site_dir: Path, live: BuildRecord,
               spare: BuildRecord | None) -> Plan:
    """Which pages to render, which files to link from the live ``site_dir`` (built as ``live`` records), and what
    to remove from the ``spare``. ``digests``: of the municipalities loaded; ``borrowed``: the others, each with the
    record it is taken from. Raises ``Unavailable`` when a borrowed file is missing."""
    routes, prints = [], []
    for endpoint, values, fingerprint in page_fingerprints(digests, cache.pages_key, outlines.values()):
        routes.append((endpoint, values))
        prints.append(fingerprint)
    record = BuildRecord(pages=dict(zip(url_paths(app, routes), prints)), static=[file_path(u) for u in static_urls(app)],
                         parts={m: {"key": key, "files": []} for m, key in keys.items()})
    owners = borrow_pages(record, borrowed)
    spare = spare or BuildRecord()
    keep, link, render = set(), [], []
    for url, fingerprint in record.pages.items():
        path = file_path(url)
        if spare.pages.get(url) == fingerprint:
            keep.add(path)
        elif live.pages.get(url) == fingerprint and (site_dir / path).is_file():
            link.append(path)
        else:
            render.append(url)
    missing = {owners[url] for url in render if url in owners}
    linked_data = [path for m, source in borrowed.items() if source is not spare for path in source.parts[m]["files"]]
    missing |= {m for m, source in borrowed.items() if source is not spare
                and not all((site_dir / path).is_file() for path in source.parts[m]["files"])}
    if missing:
        raise Unavailable(missing)
    keep |= set(spare.data_files) - set(linked_data)  # the writers bring the others up to date
    return Plan(record, render, link + linked_data, sorted(spare.files() - keep), spare.data_files)


def borrow_pages(record: BuildRecord, borrowed: dict[str, BuildRecord]) -> dict[str, str]:
    """Give ``record`` the borrowed municipalities' pages (with their recorded fingerprints) and data files;
    returns each borrowed page's municipality."""
    owners = {}
    for source in {id(s): s for s in borrowed.values()}.values():
        for url, fingerprint in source.pages.items():
            municipality = url.split("/", 2)[1]
            if borrowed.get(municipality) is source:
                record.pages[url] = fingerprint
                owners[url] = municipality
    for municipality, source in borrowed.items():
        record.parts[municipality]["files"] = source.parts[municipality]["files"]
    return owners


def prepare_work(plan: Plan, site_dir: Path, work: Path) -> None:
    """Bring the work folder to the files the new build keeps: remove the spare's others, link the live site's."""
    for path in plan.remove:
        remove_file(work, path)
    made = set()
    for path in plan.link:
        target = work / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
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


def record_data(record: BuildRecord, work: Path, exported: dict[str, list[str]], search: dict) -> None:
    """Note the new site's data files in its ``record``: the site-wide and loaded municipalities' ``exported``
    files, the borrowed ones', and every file of the search index's folder."""
    for municipality, part in record.parts.items():
        if municipality in exported:
            part["files"] = sorted(exported[municipality])
    exports = set(exported[""]) | {path for part in record.parts.values() for path in part["files"]}
    start = len(str(work)) + 1  # a folder's path from the site root, cut from the string: 60,000 Path objects took 1.8 s
    index = [f"{root[start:]}/{name}" for root, _, names in os.walk(work / SEARCH_INDEX) for name in names]
    record.data_files = sorted(exports | set(index))
    record.search, record.exports = search, {"files": len(exports)}


def remove_stale(work: Path, plan: Plan) -> None:
    """Remove the spare's data files that the new site does not have."""
    for path in set(plan.spare_data) - set(plan.record.data_files):
        remove_file(work, path)
