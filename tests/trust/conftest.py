"""Fixtures of the trust tests: the site built from hostile content, and one headless Chromium."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile_content import write_hostile_content  # noqa: E402



@pytest.fixture(scope="session")
def hostile_content(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("hostile") / "content"
    write_hostile_content(content)
    return content


@pytest.fixture(scope="session")
def hostile_site(hostile_content) -> Path:
    """``site/`` built from the hostile content tree."""
    from kommunearkiv.build import build_site

    site = hostile_content.parent / "site"
    build_site(hostile_content, site)
    return site

