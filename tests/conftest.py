"""Fixtures shared by the whole suite: the real build of the shipped content."""
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


@pytest.fixture(scope="session")
def shipped_archive():
    from kommunearkiv.content.reader import load_archive

    return load_archive(CONTENT)
