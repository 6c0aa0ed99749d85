"""Fixtures of the page tests: the test archive, its app, and its site frozen once."""
from __future__ import annotations

from pathlib import Path

import pytest
from web_archive import DEFAULT_THEME, make_archive, site_app

from kommunearkiv.exports import outlines, write_exports
from kommunearkiv.exports.bundles import write_archive_zip
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
    """The test archive built once as the build does it: data files, the whole archive's zip, then pages (tests only read it)."""
    destination = tmp_path_factory.mktemp("site")
    archive = make_archive()
    write_exports(archive, destination, None, outlines(archive))
    write_archive_zip(outlines(archive), destination)
    freeze(site_app(archive, [DEFAULT_THEME]), destination)  # last: the data page gives the data files' sizes
    return destination
