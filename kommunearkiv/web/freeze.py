"""Freeze the app into static files: pages of the archive, the theme's static files, ``404.html``.

A page's bytes depend on the app's archive and theme alone, never on which
other pages are frozen with it, so the pages of an archive can be frozen in
any slices (the build freezes each municipality's pages with an app of its own).
"""
from __future__ import annotations

import warnings
from pathlib import Path
from urllib.parse import unquote

from flask import Flask, url_for
from flask_frozen import Freezer, MissingURLGeneratorWarning

from ..model import Municipality
from .app import static_files
from .routes import route
from .state import current_archive

SITE_PAGES = ("home", "search", "data", "not_found")


def freeze(app: Flask, destination: Path, urls: list[str] | None = None) -> list[str]:
    """Write the pages at ``urls`` (default: every page and the theme's static files) into ``destination``;
    the files written, relative to it. Nothing is removed from ``destination``."""
    app.config.update(FREEZER_DESTINATION=str(Path(destination).resolve()), FREEZER_RELATIVE_URLS=True,
                      FREEZER_REMOVE_EXTRA_FILES=False)
    wanted = site_urls(app) + archive_urls(app) if urls is None else list(urls)
    freezer = Freezer(app, with_static_files=False, with_no_argument_rules=False, log_url_for=False)
    freezer.register_generator(lambda: iter(wanted))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingURLGeneratorWarning)  # the URLs are given, not generated per endpoint
        return [file_path(page.url) for page in freezer.freeze_yield()]


def url_paths(app: Flask, routes: list[tuple[str, dict]]) -> list[str]:
    with app.test_request_context():
        return [unquote(url_for(endpoint, **values)) for endpoint, values in routes]


def file_path(url: str) -> str:
    """The file a page URL is frozen into, relative to the site folder (``/a/`` → ``a/index.html``)."""
    return url.lstrip("/") + ("index.html" if url.endswith("/") else "")


def site_urls(app: Flask) -> list[str]:
    """The site's own pages (home, search, data, 404) and the theme's static files."""
    with app.app_context():
        statics = [("static", {"filename": filename}) for filename in static_files()]
    return url_paths(app, [(endpoint, {}) for endpoint in SITE_PAGES] + statics)


def archive_urls(app: Flask, start: int = 0, step: int = 1) -> list[str]:
    """Every page showing a thing of the app's archive; with ``start`` and ``step``, every ``step``-th of them
    from the ``start``-th."""
    with app.app_context():
        things = [thing for municipality in current_archive().municipalities.values() for thing in shown(municipality)]
    return url_paths(app, [route(thing) for thing in things[start::step]])


def shown(municipality: Municipality) -> list:
    """The things of a municipality that have a page: itself, committees, meetings, items, attachments, cases,
    persons."""
    things = [municipality]
    for committee in municipality.committees.values():
        things.append(committee)
        for meeting in committee.meetings:
            things += [meeting, *meeting.items, *meeting.published_attachments()]
    return things + [*municipality.cases.values(), *municipality.persons.values()]
