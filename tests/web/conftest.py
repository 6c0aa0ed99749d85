"""Fixtures of the page tests: the test archive, its app, and its site frozen once."""
from __future__ import annotations

from pathlib import Path

import pytest
from web_archive import DEFAULT_THEME, make_archive, site_app

from kommunearkiv.exports import outlines, write_exports
from kommunearkiv.model import Archive
from kommunearkiv.web.freeze import freeze


@pytest.fixture
def archive() -> Archive:
    return make_archive()


@pytest.fixture
def app(archive):
    return site_app(archive, [DEFAULT_THEME])


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The test archive built once as the build does it, pages then data files (tests only read it)."""
    destination = tmp_path_factory.mktemp("site")
    archive = make_archive()
    freeze(site_app(archive, [DEFAULT_THEME]), destination)
    write_exports(archive, destination, None, outlines(archive))
    return destination
