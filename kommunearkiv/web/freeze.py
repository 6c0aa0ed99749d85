"""Freeze the app into static files: every page of the archive, the theme's static files, ``404.html``.

Pages are independent of each other, so they can be frozen in slices by
worker processes (forked after the archive is loaded), each with its own
Frozen-Flask freezer and test client; a page's bytes do not depend on which
worker wrote it.
"""
from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote

from flask import Flask, url_for
from flask_frozen import Freezer, MissingURLGeneratorWarning
from tqdm import tqdm

from ..forking import run_all
from ..model import Municipality
from .app import static_files
from .routes import route
from .state import current_archive

STATIC_PREFIX = "/static/"
NO_ARGUMENT_PAGES = ("home", "search", "data", "not_found")
AFTER_DATA = ("data",)


def freeze(app: Flask, destination: Path, progress: bool | Callable[[str], None] | None = None,
           urls: list[str] | None = None, jobs: int = 1, with_static: bool = True) -> int:
    """Write pages into ``destination``; returns the number of pages written (static files not counted).

    ``urls``: the page URLs to write (default: every page); the theme's static
    files are written too unless ``with_static`` is false. ``jobs``: worker processes sharing the work.
    ``progress`` is called with each URL as it is written (in this process
    only, so with ``jobs`` 1); ``True`` shows a progress bar instead.
    ``destination`` is expected to hold no older pages: nothing is removed from it.
    """
    app.config.update(FREEZER_DESTINATION=str(Path(destination).resolve()), FREEZER_RELATIVE_URLS=True,
                      FREEZER_REMOVE_EXTRA_FILES=False)
    wanted = (all_page_urls(app) if urls is None else list(urls)) + (static_urls(app) if with_static else [])
    jobs = max(1, min(jobs, len(wanted) // 50 or 1))
    slices = [wanted[k::jobs] for k in range(jobs)]
    shown = progress if callable(progress) and jobs == 1 else None
    bar = progress is True
    run_all([lambda part=part, first=k == 0: freeze_urls(app, part, shown, bar and first, len(wanted))
             for k, part in enumerate(slices)])
    return sum(not url.startswith(STATIC_PREFIX) for url in wanted)


def freeze_urls(app: Flask, urls: list[str], progress: Callable[[str], None] | None, bar: bool, total: int) -> None:
    """Freeze exactly ``urls`` with a freezer of this process."""
    freezer = Freezer(app, with_static_files=False, with_no_argument_rules=False, log_url_for=False)
    freezer.register_generator(lambda: iter(urls))
    step = total / max(len(urls), 1)
    with tqdm(desc="Sider", unit=" filer", total=total, disable=not bar) as shown, warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingURLGeneratorWarning)  # a slice leaves endpoints to other slices
        for page in freezer.freeze_yield():
            shown.update(step)
            if progress:
                progress(page.url)


def after_data(app: Flask, urls: list[str]) -> tuple[list[str], list[str]]:
    """``urls`` split into the pages to write before the data files and those to write after them: the data
    page, which gives the files' sizes."""
    later = set(url_paths(app, [(endpoint, {}) for endpoint in AFTER_DATA]))
    return [url for url in urls if url not in later], [url for url in urls if url in later]


def url_paths(app: Flask, routes: list[tuple[str, dict]]) -> list[str]:
    with app.test_request_context():
        return [unquote(url_for(endpoint, **values)) for endpoint, values in routes]


def file_path(url: str) -> str:
    """The file a page URL is frozen into, relative to the site folder (``/a/`` → ``a/index.html``)."""
    return url.lstrip("/") + ("index.html" if url.endswith("/") else "")


def all_page_urls(app: Flask) -> list[str]:
    with app.app_context():
        routes = [(endpoint, {}) for endpoint in NO_ARGUMENT_PAGES] + list(page_urls())
    return url_paths(app, routes)


def static_urls(app: Flask) -> list[str]:
    with app.app_context():
        return url_paths(app, [("static", {"filename": filename}) for filename in static_files()])


def page_urls() -> Iterator[tuple[str, dict]]:
    """``(endpoint, values)`` of every page showing a thing of the archive."""
    for municipality in current_archive().municipalities.values():
        yield from (endpoint_values for _, endpoint_values in page_routes(municipality))


def page_routes(municipality: Municipality) -> Iterator[tuple[object, tuple[str, dict]]]:
    """``(thing, (endpoint, values))`` of every page of a municipality: itself, committees, meetings, items,
    attachments, cases, persons."""
    things = [municipality]
    for committee in municipality.committees.values():
        things.append(committee)
        for meeting in committee.meetings:
            things += [meeting, *meeting.items, *meeting.published_attachments()]
    things += [*municipality.cases.values(), *municipality.persons.values()]
    return ((thing, route(thing)) for thing in things)
