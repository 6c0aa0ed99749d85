"""Fixtures shared by the whole suite: the real build of the shipped content, a static server, a browser."""
import functools
import http.server
import io
import shutil
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """``site/`` built from the shipped ``content/``, once per test session (per worker)."""
    from kommunearkiv.build import build_site

    site = tmp_path_factory.mktemp("built") / "site"
    build_site(CONTENT, site)
    return site


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright, one per test process.

    Playwright's sync API allows one running instance per thread, so every test
    that needs a browser shares this one and opens its own pages or contexts.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def synthetic_content(tmp_path_factory):
    """``synthetic_content(folder, **options)``: a fresh copy in ``folder`` of the synthetic archive
    (``benchmarks/synthetic.py``) of these options, generated once per session."""
    from benchmarks.synthetic import generate_archive

    generated: dict[tuple, Path] = {}

    def copy(folder: Path, **options) -> Path:
        key = tuple(sorted(options.items()))
        if key not in generated:
            generated[key] = tmp_path_factory.mktemp("generated") / "content"
            generate_archive(generated[key], workers=1, **options)
        shutil.copytree(generated[key], folder / "content")
        return folder / "content"

    return copy


@pytest.fixture(scope="session")
def shipped_archive():
    from kommunearkiv.content.reader import load_archive

    return load_archive(CONTENT)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class NotFoundHandler(QuietHandler):
    """A static host: a missing path gets the site's ``404.html`` with status 404, as GitHub Pages or Netlify do."""

    not_found: Path

    def send_head(self):
        if Path(self.translate_path(self.path)).exists():
            return super().send_head()
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def serve():
    """``serve(folder)`` starts a static HTTP server on 127.0.0.1 and returns its base URL; all stop with the session.
    With ``not_found``, every missing path gets that page with status 404, as a static host does."""
    servers = []

    def start(directory: Path, not_found: Path | None = None) -> str:
        handler = type("Host", (NotFoundHandler,), {"not_found": not_found}) if not_found else QuietHandler
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def http_built_site(built_site, serve) -> str:
    """The real build on a local static server, under the sub-path ``/<folder>/`` (as on any host)."""
    return serve(built_site.parent) + built_site.name + "/"
