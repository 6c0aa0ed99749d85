"""The build, as a sequence of steps: content → archive → pages → search → data → site/.

Everything is written into a work folder that replaces ``site/`` only when
every step succeeded, so a failed build leaves the previous site intact.
Builds are incremental (see ``incremental.py`` and docs/building.md): only
the municipalities whose content changed are loaded, the work folder starts
as the tree the last build replaced, what did not change is kept or taken
over from ``site/``, and the result is byte for byte what a full build writes. Pages, the search index and the data files are written by
as many processes as there are cores (``in_two_processes``).
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from flask import Flask

from .content.reader import load_archive
from .errors import InputError
from .exports import SITE, write_exports
from .exports.bundles import write_archive_zip
from .fingerprints import ArchiveDigests, outlines_of
from .folders import replaced_atomically
from .forking import run_all
from .incremental import (CACHE_FOLDER, BuildCache, BuildRecord, Plan, Unavailable, borrowed_parts, part_key,
                          plan_build, prepare_work, record_data, remove_stale)
from .model import Archive
from .parse_cache import ParseCache
from .parts import Outline, content_statuses, outline_archive
from .search import INDEX_FOLDER, Previous, write_search_index
from .web.app import create_app
from .web.freeze import after_data, freeze

DEFAULT_THEME = Path(__file__).resolve().parent.parent / "themes" / "default"


@dataclass
class BuildReport:
    pages: int
    search: dict
    exports: dict
    rendered: int | None = None
    loaded: int | None = None  # municipalities loaded (the others did not change)
    municipalities: int | None = None

    def __str__(self) -> str:
        rendered = f" ({self.rendered} rendered, the others unchanged)" if self.rendered not in (None, self.pages) else ""
        loaded = f", {self.loaded} of {self.municipalities} municipalities loaded" if self.loaded != self.municipalities else ""
        return (f"{self.pages} pages{rendered}, search index of {self.search.get('documents', '?')} documents, "
                f"{self.exports.get('files', '?')} data files{loaded}")


def theme_search_path(theme: Path | None) -> list[Path]:
    """A site's own theme first, then the default theme for whatever it does not override."""
    return [theme.resolve(), DEFAULT_THEME] if theme and theme.resolve() != DEFAULT_THEME else [DEFAULT_THEME]


def check_site_folder(content_dir: Path, site_dir: Path) -> None:
    """Refuse an output folder whose replacement would take other files with it (``--site .``, ``--site content``)."""
    site, content, here = site_dir.resolve(), content_dir.resolve(), Path.cwd().resolve()
    clash = ("the content folder" if site == content or site in content.parents or content in site.parents
             else "the current folder" if site == here or site in here.parents
             else "the file system root" if site.parent == site else None)
    if clash:
        raise InputError.single(str(site_dir), None, "site", f"an output folder of its own (it is replaced as a whole), found {clash}")


@dataclass
class Loaded:
    """The municipalities a build loaded (``archive``) and their ``digests``; the ``borrowed`` others, each with
    the record its pages and files are taken from; the outline of every municipality, by id."""

    archive: Archive
    digests: ArchiveDigests
    borrowed: dict[str, BuildRecord]
    outlines: dict[str, Outline]


def load_changed(content_dir: Path, cache: BuildCache, keys: dict[str, str],
                 borrowed: dict[str, tuple[BuildRecord, Outline]]) -> Loaded:
    """Load every municipality not ``borrowed``: all of them when none is."""
    only = set(keys) - set(borrowed) if borrowed else None
    archive = load_archive(content_dir, cache.parse_cache, only)
    digests = ArchiveDigests(archive)
    outlines = {m: outline for m, (_, outline) in borrowed.items()} | outlines_of(digests)
    return Loaded(archive, digests, {m: source for m, (source, _) in borrowed.items()}, dict(sorted(outlines.items())))


def whole_archive(content_dir: Path, cache: BuildCache) -> Archive:
    """Every municipality, for a search index that must be written whole during a build that loaded only some."""
    with ParseCache(cache.parse_cache.folder, cache.data_code_key) as parse_cache:
        return load_archive(content_dir, parse_cache)


def build_site(content_dir: Path, site_dir: Path, theme: Path | None = None, site_url: str | None = None,
               progress: bool = False, cache_dir: Path | None = None, full: bool = False, jobs: int | None = None) -> BuildReport:
    """``full``: take nothing over from earlier builds; ``jobs``: processes (default: one per core)."""
    check_site_folder(content_dir, site_dir)
    themes = theme_search_path(theme)
    cache = BuildCache(cache_dir or site_dir.parent / CACHE_FOLDER, site_dir, themes, site_url, reuse=not full)
    keys = {m: part_key(cache.pages_key, status) for m, status in content_statuses(content_dir).items()} if content_dir.is_dir() else {}
    live = cache.previous() if site_dir.is_dir() else BuildRecord()
    with cache.parse_cache:  # what it staged is kept only when the build succeeds
        spare = cache.spare_record()
        loaded = load_changed(content_dir, cache, keys, borrowed_parts(keys, spare, live, cache.outlines))
        cache.forget_spare()
        jobs = jobs or os.cpu_count() or 1
        keep_replaced = bool(live.pages)  # the replaced tree becomes the spare only when its record is known
        with replaced_atomically(site_dir, start_from=cache.spare if spare else None,
                                 keep_replaced=cache.spare if keep_replaced else None) as work:
            if cache.spare.exists():  # the spare could not be moved into the work folder
                spare = None
            loaded, app, plan = planned(content_dir, site_dir, themes, site_url, cache, keys, loaded, live, spare)
            prepare_work(plan, site_dir, work)
            first, last = after_data(app, plan.render)
            pages = functools.partial(freeze, app, work, progress, first, max(1, jobs - 1))
            previous = Previous(cache.search_states, live.search.get("state"), site_dir / INDEX_FOLDER, cache.data_code_key)
            search = functools.partial(write_search_index, loaded.archive, work, previous=previous,
                                       item_digests=loaded.digests.items,
                                       outline=outline_archive(loaded.outlines.values()) if loaded.borrowed else None,
                                       whole=functools.partial(whole_archive, content_dir, cache))
            exports = functools.partial(write_exports, loaded.archive, work, site_url, list(loaded.outlines.values()))
            few_pages = len(plan.render) < len(plan.record.pages) // 10
            search_figures, (_, exported) = in_two_processes(pages, search, exports, few_pages, jobs > 1)
            exported[SITE] += write_archive_zip(list(loaded.outlines.values()), work)  # of every municipality's zip
            freeze(app, work, urls=last, with_static=False)  # the data page, which gives the data files' sizes
            record_data(plan.record, work, exported, search_figures)
            remove_stale(work, plan)
            cache.retire(keep_replaced)
        cache.remember(plan.record, live if keep_replaced else None,
                       {m: loaded.outlines[m] for m in loaded.archive.municipalities})
    return BuildReport(len(plan.record.pages), plan.record.search, plan.record.exports, len(plan.render),
                       len(loaded.archive.municipalities), len(keys))


def planned(content_dir, site_dir, themes, site_url, cache: BuildCache, keys: dict[str, str], loaded: Loaded,
            live: BuildRecord, spare: BuildRecord | None) -> tuple[Loaded, Flask, Plan]:
    """The app and the plan; when a borrowed municipality's files are gone (or were the spare's, which
    could not be used), that municipality is loaded too."""
    while True:
        if spare is None and any(source is not live for source in loaded.borrowed.values()):
            loaded = reloaded(content_dir, cache, keys, loaded, {m for m, s in loaded.borrowed.items() if s is not live})
        app = create_app(loaded.archive, themes, site_url, list(loaded.outlines.values()))
        try:
            return loaded, app, plan_build(app, loaded.digests, loaded.outlines, keys, loaded.borrowed, cache,
                                           site_dir, live, spare)
        except Unavailable as unavailable:
            loaded = reloaded(content_dir, cache, keys, loaded, unavailable.municipalities)


def reloaded(content_dir: Path, cache: BuildCache, keys: dict[str, str], loaded: Loaded, more: set[str]) -> Loaded:
    borrowed = {m: (source, loaded.outlines[m]) for m, source in loaded.borrowed.items() if m not in more}
    return load_changed(content_dir, cache, keys, borrowed)


def in_two_processes(pages, search, exports, few_pages: bool, parallel: bool) -> tuple[dict, tuple[dict, dict[str, list[str]]]]:
    """Pages, the search index and the data files in two processes: every process that reads the whole
    archive costs memory of its own (its copy-on-write copies of the archive's objects), so a build runs
    as many as it has cores. When the pages are many (a full build), they take longest, and the search
    index and the data files go together beside them; when they are few (an update), the updated index
    goes beside the pages and the changed municipalities' data files, which take about as long. The
    search index's and the data files' results."""
    if few_pages:
        found, (_, written) = run_all([search, lambda: (pages(), exports())], parallel=parallel)
    else:
        _, (found, written) = run_all([pages, lambda: (search(), exports())], parallel=parallel)
    return found, written
