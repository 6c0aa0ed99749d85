"""What the app keeps for its requests: the archive, the data page's catalog, the theme search path, figures many pages share."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from flask import current_app

from ..model import Archive

T = TypeVar("T")

ARCHIVE = "kommunearkiv.archive"
CATALOG = "kommunearkiv.catalog"
THEME_DIRS = "kommunearkiv.theme_dirs"
CACHE = "kommunearkiv.cache"
SITE_ROOT = "kommunearkiv.site_root"  # in a request's environ: where its page's links start (``app.page_link``)


def current_archive() -> Archive:
    return current_app.extensions[ARCHIVE]


def current_catalog() -> dict | None:
    """What the data page lists (``exports.catalog.data_catalog``), when the app was given it."""
    return current_app.extensions.get(CATALOG)


def current_theme_dirs() -> list[Path]:
    return current_app.extensions[THEME_DIRS]


def cached(key: tuple, compute: Callable[[], T]) -> T:
    """``compute()`` once per app: for figures many pages share, such as who is named where."""
    cache = current_app.extensions.setdefault(CACHE, {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]
