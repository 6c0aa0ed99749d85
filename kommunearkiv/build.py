"""The build, as a sequence of steps: content → archive → pages → search → data → site/.

Everything is written into a work folder that replaces ``site/`` only when
every step succeeded, so a failed build leaves the previous site intact.
Builds are incremental (see ``incremental.py`` and docs/building.md): the
work folder starts as the tree the last build replaced, what did not change
is kept or taken over from ``site/``, and the result is byte for byte what a
full build writes. Pages, the search index and the data files are written by
as many processes as there are cores (``in_two_processes``).
"""
from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from .content.reader import load_archive
from .errors import InputError
from .exports import write_exports
from .fingerprints import full_outlines
from .folders import replaced_atomically
from .forking import run_all
from .incremental import CACHE_FOLDER, BuildCache, BuildRecord, data_files, plan_build, prepare_work, remove_stale
from .search import INDEX_FOLDER, Previous, write_search_index
from .web.app import create_app
from .web.freeze import freeze

DEFAULT_THEME = Path(__file__).resolve().parent.parent / "themes" / "default"


@dataclass
class BuildReport:
    pages: int
    search: dict
    exports: dict
    rendered: int | None = None

    def __str__(self) -> str:
        rendered = f" ({self.rendered} rendered, the others unchanged)" if self.rendered not in (None, self.pages) else ""
        return (f"{self.pages} pages{rendered}, search index of {self.search.get('documents', '?')} documents, "
                f"{self.exports.get('files', '?')} data files")


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


def build_site(content_dir: Path, site_dir: Path, theme: Path | None = None, site_url: str | None = None,
               progress: bool = False, cache_dir: Path | None = None, full: bool = False, jobs: int | None = None) -> BuildReport:
    """``full``: take nothing over from earlier builds; ``jobs``: processes (default: one per core)."""
    check_site_folder(content_dir, site_dir)
    themes = theme_search_path(theme)
    cache = BuildCache(cache_dir or site_dir.parent / CACHE_FOLDER, site_dir, themes, site_url, reuse=not full)
    with cache.parse_cache:  # what it staged is kept only when the build succeeds
        archive = load_archive(content_dir, cache.parse_cache)
        app = create_app(archive, themes, site_url)
        spare = cache.spare_record()
        cache.forget_spare()
        live = cache.previous() if site_dir.is_dir() else BuildRecord()
        jobs = jobs or os.cpu_count() or 1
        keep_replaced = bool(live.pages)  # the replaced tree becomes the spare only when its record is known
        with replaced_atomically(site_dir, start_from=cache.spare if spare else None,
                                 keep_replaced=cache.spare if keep_replaced else None) as work:
            plan = plan_build(app, archive, cache, site_dir, live, spare if not cache.spare.exists() else None)
            prepare_work(plan, site_dir, work)
            pages = functools.partial(freeze, app, work, progress, plan.render, max(1, jobs - 1))
            if plan.data == "written":
                previous = Previous(cache.search_states, live.search.get("state"), site_dir / INDEX_FOLDER, cache.data_code_key)
                search = functools.partial(write_search_index, archive, work, previous=previous, item_digests=plan.digests.items)
                exports = functools.partial(write_exports, archive, work, site_url, full_outlines(archive))
                few_pages = len(plan.render) < len(plan.record.pages) // 10
                search_figures, (export_figures, exported) = in_two_processes(pages, search, exports, few_pages, jobs > 1)
                plan.record.search, plan.record.exports = search_figures, export_figures
                plan.record.data_files = data_files(work, [path for paths in exported.values() for path in paths])
                remove_stale(work, plan)
            else:
                pages()
            cache.retire(keep_replaced)
        cache.remember(plan.record, live if keep_replaced else None)
    return BuildReport(len(plan.record.pages), plan.record.search, plan.record.exports, len(plan.render))


def in_two_processes(pages, search, exports, few_pages: bool, parallel: bool) -> tuple[dict, tuple[dict, dict[str, list[str]]]]:
    """Pages, the search index and the data files in two processes: every process that reads the whole
    archive costs memory of its own (its copy-on-write copies of the archive's objects), so a build runs
    as many as it has cores. When the pages are many (a full build), they take longest, and the search
    index and the data files go together beside them; when they are few (an update), the pages and the
    updated index go together beside the data files, which are written whole. The search index's and the
    data files' results."""
    if few_pages:
        (_, found), written = run_all([lambda: (pages(), search()), exports], parallel=parallel)
    else:
        _, (found, written) = run_all([pages, lambda: (search(), exports())], parallel=parallel)
    return found, written
