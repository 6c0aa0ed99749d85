"""Fixtures of the page quality checks: the real build served over HTTP, and one Chromium page to reuse."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def site_url(http_built_site) -> str:
    """The built site served on 127.0.0.1, as a static host would (query strings, real origin)."""
    return http_built_site


@pytest.fixture(scope="module")
def browser_page(chromium):
    """One page reused by every check of a module (visits in sequence are fast)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    yield page
    context.close()

