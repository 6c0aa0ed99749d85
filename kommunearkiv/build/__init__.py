"""The build: content → each municipality's pages, data files and search part → the site-wide ones → site/.

The one package that knows earlier builds (docs/building.md). A municipality
is the unit of work: its *part key* (``parts.py``) covers everything its files
can show, and a part whose key an earlier build recorded is taken over from
the tree that holds it (``trees.py``); any other is loaded and rendered, whole,
from an archive holding it alone (``workers.py``). The site-wide pages and
files are made at every build from the parts' outlines and search parts. So
an incremental build writes byte for byte what a full build writes, whatever
a theme's templates show. Everything is written into a work folder that
replaces ``site/`` only when every step succeeded.
"""
from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from ..content.reader import load_archive
from ..errors import InputError
from ..exports import write_site_files
from ..exports.bundles import write_archive_zip
from ..exports.catalog import data_catalog
from ..folders import replaced_atomically, same_file_system
from ..model.outline import outline_archive
from ..search import write_index
from ..web.app import create_app
from ..web.freeze import SITE_PAGES, freeze, site_urls
from .parts import Part, PartStore, code_key, part_keys
from .trees import Record, bring_up_to_date, plan, usable
from .workers import Job, Slice, render

DEFAULT_THEME = Path(__file__).resolve().parents[2] / "themes" / "default"
CACHE_FOLDER = ".build-cache"


@dataclass
class BuildReport:
    pages: int
    rendered: int  # pages of the municipalities rendered (the site's own pages are made at every build)
    loaded: int  # municipalities loaded and rendered
    municipalities: int
    documents: int  # in the search index

    def __str__(self) -> str:
        return (f"{self.pages} pages ({self.rendered} rendered: {self.loaded} of {self.municipalities} municipalities changed), "
                f"search index of {self.documents} documents")


class Cache:
    """The cache folder's share of one site folder: the records of the site and of the spare, the spare, the parts."""

    def __init__(self, folder: Path, site_dir: Path):
        own = folder / "sites" / hashlib.blake2b(str(site_dir.resolve()).encode(), digest_size=8).hexdigest()
        self.live, self.spare_record, self.spare = own / "site.json", own / "spare.json", own / "spare"
        self.parts = PartStore(own / "parts")

    def spare_to_start_from(self, site_dir: Path) -> Record:
        """The spare's record, when the spare can be moved into a work folder beside ``site_dir`` and brought up to date."""
        spare = Record.read(self.spare_record)
        if not self.spare.is_dir() or not same_file_system(self.spare, site_dir.parent) or not usable(spare, self.parts):
            return Record()
        return spare

    def forget_spare(self, starting_from_it: bool) -> None:
        """The spare is about to change (or, when not started from, to be replaced by the tree the build replaces)."""
        self.spare_record.unlink(missing_ok=True)
        if not starting_from_it:
            shutil.rmtree(self.spare, ignore_errors=True)

    def remember(self, live: Record, replaced: Record) -> None:
        """Write the new site's record and, when the replaced tree was kept as the spare, its record."""
        spare = replaced if self.spare.is_dir() else Record()
        live.write(self.live)
        spare.write(self.spare_record)
        self.parts.keep_only(set(live.parts.values()) | set(spare.parts.values()))


def build_site(content_dir: Path, site_dir: Path, theme: Path | None = None, site_url: str | None = None,
               progress: bool = False, cache_dir: Path | None = None, full: bool = False, jobs: int | None = None) -> BuildReport:
    """``full``: take nothing over from earlier builds; ``jobs``: processes (default: one per core)."""
    check_site_folder(content_dir, site_dir)
    themes = theme_search_path(theme)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    cache = Cache(cache_dir or site_dir.parent / CACHE_FOLDER, site_dir)
    keys = part_keys(content_dir, code_key(themes, site_url))
    live = Record.read(cache.live)
    spare = Record() if full else cache.spare_to_start_from(site_dir)
    steps = plan(keys, cache.parts, site_dir, Record() if full else live, cache.spare, spare)
    archive = load_archive(content_dir, set(steps.rendered) if keys else None)
    cache.forget_spare(starting_from_it=bool(spare.parts))
    with replaced_atomically(site_dir, start_from=cache.spare if spare.parts else None, keep_replaced=cache.spare) as work:
        bring_up_to_date(work, site_dir, steps)
        job = Job(archive, {m: position for position, m in enumerate(keys)}, work, themes, site_url)
        rendered = built_parts(tqdm(render(job, jobs or os.cpu_count() or 1), desc="Kommuner", unit=" dele",
                                    disable=not progress))
        for municipality, part in rendered.items():
            cache.parts.put(keys[municipality], part)
        parts = {**steps.kept, **steps.linked, **rendered}
        site_files, documents = write_site(parts, work, themes, site_url)
        cache.live.unlink(missing_ok=True)  # the live site is about to change
    cache.remember(Record(keys, site_files), live)
    return BuildReport(sum(p.pages for p in parts.values()) + len(SITE_PAGES), sum(p.pages for p in rendered.values()),
                       len(rendered), len(keys), documents)


def built_parts(slices: Iterable[Slice]) -> dict[str, Part]:
    """The parts of the rendered municipalities, from their slices."""
    firsts, files, pages = {}, defaultdict(list), Counter()
    for done in slices:
        files[done.municipality] += done.files
        pages[done.municipality] += done.pages
        if done.part:
            firsts[done.municipality] = done.part
    return {m: dataclasses.replace(part, files=sorted(files[m]), pages=pages[m]) for m, part in firsts.items()}


def write_site(parts: dict[str, Part], work: Path, themes: list[Path], site_url: str | None) -> tuple[list[str], int]:
    """The site-wide data files, the search index's shards and manifest, the site's own pages and its static
    files, from every municipality's part; the files written and the search index's documents."""
    ordered = [parts[m] for m in sorted(parts)]
    outlines = [part.outline for part in ordered]
    files = [path for paths in write_site_files(outlines, work, site_url).values() for path in paths]
    files += write_archive_zip(outlines, work)  # of every municipality's zip, so after all parts are in place
    index = write_index([part.index for part in ordered], [o.municipality for o in outlines], work)
    app = create_app(outline_archive(outlines), themes, site_url, data_catalog(outlines))
    files += freeze(app, work, site_urls(app))  # last: the data page gives the data files' sizes
    return files + index["files"], index["documents"]


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
