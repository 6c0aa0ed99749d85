"""The build, as a sequence of steps: content → archive → pages → search → data → site/.

Everything is written into a temporary folder that replaces ``site/`` only
when every step succeeded, so a failed build leaves the previous site intact.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .content.reader import load_archive
from .errors import InputError
from .exports import write_exports
from .folders import replaced_atomically
from .search import write_search_index
from .web.app import create_app
from .web.freeze import freeze

DEFAULT_THEME = Path(__file__).resolve().parent.parent / "themes" / "default"


@dataclass
class BuildReport:
    pages: int
    search: dict
    exports: dict

    def __str__(self) -> str:
        return (f"{self.pages} pages, search index of {self.search.get('documents', '?')} documents, "
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
               progress: bool = False) -> BuildReport:
    check_site_folder(content_dir, site_dir)
    archive = load_archive(content_dir)
    app = create_app(archive, theme_search_path(theme), site_url)
    with replaced_atomically(site_dir) as work:
        pages = freeze(app, work, progress=progress)
        search = write_search_index(archive, work)
        exports = write_exports(archive, work, site_url)
    return BuildReport(pages, search, exports)
