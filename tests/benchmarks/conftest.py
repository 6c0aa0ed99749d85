"""Make the repository's ``benchmarks`` package importable: it is not installed, and without the
repository root on ``sys.path`` this test folder would be taken for a namespace package of that name."""
import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
