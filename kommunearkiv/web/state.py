"""What the app keeps for its requests: the archive, the outlines, the theme search path, figures many pages share."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from flask import current_app

from ..model import Archive
from ..parts import Outline

T = TypeVar("T")

ARCHIVE = "kommunearkiv.archive"
OUTLINES = "kommunearkiv.outlines"
THEME_DIRS = "kommunearkiv.theme_dirs"
CACHE = "kommunearkiv.cache"
SITE_ROOT = "kommunearkiv.site_root"  # in a request's environ: where its page's links start (``app.page_link``)


def current_archive() -> Archive:
    return current_app.extensions[ARCHIVE]


def current_outlines() -> list[Outline]:
    """The outline of every municipality of the site, which the site-wide pages show: the archive holds only the
    municipalities a build loaded. An app made without outlines (``serve``, tests) makes them from its archive."""
    outlines = current_app.extensions.get(OUTLINES)
    if outlines is None:
        from ..fingerprints import full_outlines  # at call time: fingerprints imports the web package
        outlines = current_app.extensions[OUTLINES] = full_outlines(current_archive())
    return outlines


def current_theme_dirs() -> list[Path]:
    return current_app.extensions[THEME_DIRS]


def cached(key: tuple, compute: Callable[[], T]) -> T:
    """``compute()`` once per app: for figures many pages share, such as who is named where."""
    cache = current_app.extensions.setdefault(CACHE, {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]
