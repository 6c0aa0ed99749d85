"""Fixtures of the page tests: the test archive, its app, and its site frozen once."""
from __future__ import annotations

from pathlib import Path

import pytest
from web_archive import DEFAULT_THEME, make_archive

from kommunearkiv.exports import write_exports
from kommunearkiv.exports.bundles import write_archive_zip
from kommunearkiv.fingerprints import full_outlines
from kommunearkiv.model import Archive
from kommunearkiv.web.app import create_app
from kommunearkiv.web.freeze import freeze


@pytest.fixture
def archive() -> Archive:
    return make_archive()


@pytest.fixture
def app(archive):
    return create_app(archive, [DEFAULT_THEME])


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The test archive built once as the build does it, pages, data files, the whole archive's zip (tests only read it)."""
    destination = tmp_path_factory.mktemp("site")
    archive = make_archive()
    freeze(create_app(archive, [DEFAULT_THEME]), destination)
    write_exports(archive, destination, None, full_outlines(archive))
    write_archive_zip(full_outlines(archive), destination)
    return destination
