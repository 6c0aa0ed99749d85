"""Fixtures for the search tests: a real site built from the fixture archive, served over HTTP
under a sub-path and opened from disk, and one headless Chromium for the session."""
from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path

import pytest

from kommunearkiv.build import DEFAULT_THEME
from kommunearkiv.search import write_search_index
from kommunearkiv.web.app import create_app
from kommunearkiv.web.freeze import freeze

from .fixture_archive import fixture_archive

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SUB_PATH = "arkiv/udvalg"


def build_fixture_site(site: Path, **index_options) -> Path:
    archive = fixture_archive()
    freeze(create_app(archive, [DEFAULT_THEME]), site)
    write_search_index(archive, site, **index_options)
    return site


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture archive built into a site, at ``<root>/arkiv/udvalg/``; small shards so queries span several."""
    root = tmp_path_factory.mktemp("served")
    return build_fixture_site(root / SUB_PATH, shard_bytes=600)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(directory: Path):
    """A static HTTP server on 127.0.0.1 for ``directory``; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        thread.join()


@pytest.fixture(scope="session")
def http_site(fixture_site):
    """The base URL of the fixture site on a local static server, under a sub-path."""
    with served(fixture_site.parents[len(Path(SUB_PATH).parts) - 1]) as base:
        yield base + SUB_PATH + "/"


@pytest.fixture(scope="session")
def http_built_site(built_site):
    """The real build of ``content/`` on a local static server, under the sub-path ``/<folder>/``."""
    with served(built_site.parent) as base:
        yield base + built_site.name + "/"


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


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
