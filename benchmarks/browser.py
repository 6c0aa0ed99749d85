"""A built site on a local HTTP server, measured in headless Chromium (Debian's, driven by Playwright)."""
from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable
from pathlib import Path

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def in_browser(site: Path, measure: Callable):
    """``measure(new_page, base)``'s answer: ``new_page()`` opens a page in a fresh context (nothing cached),
    ``base`` is the site's URL, served under the sub-path ``/<site folder name>/``."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(QuietHandler, directory=str(site.parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            try:
                return measure(lambda: browser.new_context().new_page(),
                               f"http://127.0.0.1:{server.server_address[1]}/{site.name}/")
            finally:
                browser.close()
    finally:
        server.shutdown()
