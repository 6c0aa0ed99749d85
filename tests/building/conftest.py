"""A small synthetic archive for the build tests, copied fresh for every test; the ``benchmarks`` package importable."""
import shutil
import sys
from pathlib import Path

import pytest

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from benchmarks.synthetic import generate_archive  # noqa: E402 - needs ROOT on the path


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("generated") / "content"
    generate_archive(content, meetings=8, municipalities=1, items=5, seed=3, workers=1)
    return content


@pytest.fixture
def content(generated, tmp_path) -> Path:
    shutil.copytree(generated, tmp_path / "content")
    return tmp_path / "content"
