"""Freeze the app into static files: every page of the archive, the theme's static files, ``404.html``."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from flask import Flask
from flask_frozen import Freezer
from tqdm import tqdm

from .app import static_files
from .routes import route
from .state import current_archive
from .summaries import published_attachments

STATIC_PREFIX = "/static/"


def freeze(app: Flask, destination: Path, progress: bool | Callable[[str], None] | None = None) -> int:
    """Write the site into ``destination``; returns the number of pages written (static files not counted).

    ``progress`` is called with each URL as it is written; ``True`` shows a
    progress bar instead. Files in ``destination`` that the freeze did not
    produce are removed (Frozen-Flask's ``FREEZER_REMOVE_EXTRA_FILES``): write
    search and export files afterwards.
    """
    app.config.update(FREEZER_DESTINATION=str(Path(destination).resolve()), FREEZER_RELATIVE_URLS=True)
    freezer = Freezer(app, with_static_files=False, with_no_argument_rules=True, log_url_for=False)
    freezer.register_generator(page_urls)
    freezer.register_generator(static_urls)
    pages = 0
    with tqdm(desc="Sider", unit=" filer", disable=progress is not True) as bar:
        for page in freezer.freeze_yield():
            pages += not page.url.startswith(STATIC_PREFIX)
            bar.update()
            if callable(progress):
                progress(page.url)
    return pages


def page_urls() -> Iterator[tuple[str, dict]]:
    """``(endpoint, values)`` of every page showing a thing of the archive."""
    for municipality in current_archive().municipalities.values():
        yield route(municipality)
        for committee in municipality.committees.values():
            yield route(committee)
            for meeting in committee.meetings:
                yield route(meeting)
                yield from (route(item) for item in meeting.items)
                yield from (route(attachment) for attachment in published_attachments(meeting))
        yield from (route(case) for case in municipality.cases.values())
        yield from (route(person) for person in municipality.persons.values())


def static_urls() -> Iterator[tuple[str, dict]]:
    for filename in static_files():
        yield "static", {"filename": filename}
