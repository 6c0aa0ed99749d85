"""A small synthetic archive for the build tests, copied fresh for every test; the repository root first on
``sys.path``, so that ``benchmarks`` is the root's package and not the folder tests/benchmarks."""
import sys
from pathlib import Path

import pytest

from building_sites import add_provenance

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)


@pytest.fixture
def content(synthetic_content, tmp_path) -> Path:
    """Eight synthetic meetings, most with their original document, one with a substitute."""
    content = synthetic_content(tmp_path, meetings=8, municipalities=1, items=5, seed=3)
    add_provenance(content)
    return content
