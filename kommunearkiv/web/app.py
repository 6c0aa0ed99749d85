"""The Flask app that renders the archive's pages (frozen into the static site by ``freeze``).

Themes are an ordered search path: a site's own theme first, then
``themes/default``. Templates and static files are looked up in that order,
so a theme overrides single files and falls back to the default for the rest.
"""
from __future__ import annotations

from pathlib import Path

from flask import Flask, abort, current_app, request, send_from_directory
from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined

from .. import dates
from ..exports.linked import alternate_links, json_ld
from ..markup import render_markdown
from ..model import Archive, Committee, Meeting, Person
from ..parts import Outline
from . import summaries, views
from .citations import citation
from .labels import INCOMPLETE_LABELS, KIND_LABELS
from .routes import route
from .state import ARCHIVE, OUTLINES, THEME_DIRS, current_archive, current_theme_dirs


def create_app(archive: Archive, theme_dirs: list[Path], site_url: str | None = None,
               outlines: list[Outline] | None = None) -> Flask:
    """``site_url``, the site's public address, makes citations absolute and lets ``404.html`` work at any depth.
    ``outlines``: of every municipality of the site, when ``archive`` holds only some (``state.current_outlines``)."""
    app = Flask(__name__, static_folder=None, template_folder=None)
    app.config.update(FREEZER_RELATIVE_URLS=True, SITE_URL=(site_url or "").rstrip("/"))
    app.extensions[ARCHIVE] = archive
    if outlines is not None:
        app.extensions[OUTLINES] = outlines
    # Absolute: Flask would resolve a relative folder against the package, not the working directory.
    folders = [Path(d).resolve() for d in theme_dirs]
    app.extensions[THEME_DIRS] = folders
    app.jinja_loader = ChoiceLoader([FileSystemLoader(folder / "templates") for folder in folders])
    configure_jinja(app)
    app.add_url_rule("/static/<path:filename>", "static", send_theme_file)
    views.register(app)
    return app


def configure_jinja(app: Flask) -> None:
    env = app.jinja_env
    env.undefined = StrictUndefined
    env.trim_blocks = env.lstrip_blocks = True
    env.filters.update(
        danish_date=dates.danish_date, long_danish_date=dates.long_danish_date,
        short_danish_date=dates.short_danish_date, weekday=dates.weekday,
        markdown=render_markdown, kind_label=lambda kind: KIND_LABELS.get(kind, kind),
        incomplete_label=lambda kind: INCOMPLETE_LABELS.get(kind, "Dokumentet er ufuldstændigt"),
    )
    env.globals.update(
        href=href, case_of=summaries.case_of, item_attachments=summaries.item_attachments,
        committee_of=lambda meeting: current_archive().committee(meeting),
        root_path=root_path, linked_data=linked_data, alternate_links=alternate_links,
        cite_source=lambda meeting, source: citation(meeting, source, request.path.lstrip("/")),
    )


def root_path() -> str:
    """The relative way from the current page to the site root (``../../`` two levels down)."""
    return "../" * (request.path.count("/") - 1)


def linked_data(thing) -> dict | None:
    """schema.org JSON-LD of a meeting, member or committee page, with addresses under the site's address when known."""
    if not isinstance(thing, (Meeting, Person, Committee)):
        return None
    site_url = current_app.config["SITE_URL"]
    return json_ld(current_archive(), thing, f"{site_url}/" if site_url else root_path())


def href(thing, anchor: str | None = None) -> str:
    """The URL of ``thing``'s page, through the ``url_for`` templates use (relative when freezing)."""
    endpoint, values = route(thing)
    return current_app.jinja_env.globals["url_for"](endpoint, _anchor=anchor, **values)


def send_theme_file(filename: str):
    """A static file from the first theme that has it."""
    for folder in current_theme_dirs():
        static = folder / "static"
        if (static / filename).is_file():
            return send_from_directory(static, filename)
    abort(404)


def static_files() -> list[str]:
    """Every static file of the themes, each once (the first theme's copy wins), as sorted relative paths."""
    names = {
        path.relative_to(folder / "static").as_posix()
        for folder in current_theme_dirs() if (folder / "static").is_dir()
        for path in (folder / "static").rglob("*")
        if path.is_file() and not path.name.startswith(".")
    }
    return sorted(names)
