"""Fixtures for the search tests: a real site built from the fixture archive, and it and the real
build served over HTTP under a sub-path and opened from disk (``chromium``, ``serve`` and
``http_built_site`` are the suite's, in ``tests/conftest.py``)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kommunearkiv.build import DEFAULT_THEME
from kommunearkiv.exports import outlines
from kommunearkiv.exports.catalog import data_catalog
from kommunearkiv.search import write_search_index
from kommunearkiv.web.app import create_app
from kommunearkiv.web.freeze import freeze

from .fixture_archive import fixture_archive

SUB_PATH = "arkiv/udvalg"


def build_fixture_site(site: Path, **index_options) -> Path:
    archive = fixture_archive()
    freeze(create_app(archive, [DEFAULT_THEME], catalog=data_catalog(outlines(archive))), site)
    write_search_index(archive, site, **index_options)
    return site


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture archive built into a site, at ``<root>/arkiv/udvalg/``; small shards so queries span several."""
    root = tmp_path_factory.mktemp("served")
    return build_fixture_site(root / SUB_PATH, shard_bytes=600)


@pytest.fixture(scope="session")
def http_site(fixture_site, serve):
    """The base URL of the fixture site on a local static server, under a sub-path."""
    return serve(fixture_site.parents[len(Path(SUB_PATH).parts) - 1]) + SUB_PATH + "/"


@pytest.fixture(params=["http", "file"])
def site_url(request, fixture_site):
    """The fixture site's base URL, once over HTTP under a sub-path and once as ``file://``."""
    if request.param == "http":
        return request.getfixturevalue("http_site")
    return fixture_site.as_uri() + "/"


@pytest.fixture(params=["http", "file"])
def built_site_url(request, built_site):
    """The real build's base URL, over HTTP under a sub-path and as ``file://``."""
    if request.param == "http":
        return request.getfixturevalue("http_built_site")
    return built_site.as_uri() + "/"


@pytest.fixture
def page(chromium):
    context = chromium.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors
