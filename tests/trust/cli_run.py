"""Run ``build.py`` as a person does, in a subprocess, and compare folders byte for byte."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build.py"
PYTHON = ROOT / ".venv" / "bin" / "python"


def python() -> str:
    return str(PYTHON) if PYTHON.is_file() else sys.executable


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([python(), str(BUILD), *args, "--quiet"], capture_output=True, text=True,
                          cwd=cwd or ROOT, env={**os.environ, **(env or {})}, timeout=300)


def start_cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([python(), str(BUILD), *args, "--quiet"], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (links as their target's name) by relative path, for byte-for-byte comparison."""
    found = {}
    for path in sorted(folder.rglob("*")):
        key = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[key] = os.readlink(path).encode()
        elif path.is_file():
            found[key] = path.read_bytes()
    return found
