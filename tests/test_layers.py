"""The layering of pyproject.toml's import-linter contracts holds: the build above everything but the command
line and imported by nothing else; pages, search, data files and importing independent of each other, rendering
not reading content; no import cycles."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept():
    result = subprocess.run([sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()",
                             "--config", "pyproject.toml", "--no-cache", "--no-logo"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
