"""What the app keeps for its requests: the archive and the theme search path."""
from __future__ import annotations

from pathlib import Path

from flask import current_app

from ..model import Archive

ARCHIVE = "kommunearkiv.archive"
THEME_DIRS = "kommunearkiv.theme_dirs"


def current_archive() -> Archive:
    return current_app.extensions[ARCHIVE]


def current_theme_dirs() -> list[Path]:
    return current_app.extensions[THEME_DIRS]
