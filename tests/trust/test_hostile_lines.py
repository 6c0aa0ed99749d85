"""A hostile document never hangs the importer: a line of thousands of capitalised words, of names with
parties, of link brackets, or thousands of hyphenated line ends, put into a document of each format, is
imported or refused like any other document.

The importer's patterns are bounded (a name has at most six words, a list of people at most 40), so their
time grows with such a line, not with its square: a list of 8,000 names took First Agenda's attendance
patterns minutes before they were bounded, and takes about a second now. The deadline below is not a
speed figure, only the line between slow and hung.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 120  # seconds
DOCUMENTS = {
    "alleroed": ROOT / "samples/000_3332dcdc48fec7d8.txt",
    "gentofte": ROOT / "samples/003_c3c2bf34dd240c20.txt",
    "lyngby": ROOT / "samples/004_e014b426b53ea594.txt",
    "firstagenda": ROOT / "tests/importing/documents/firstagenda/kommunalbestyrelsen_ekstraordinaer.txt",
}
LINES = {
    "names": "Anne Hansen (A), " * 8000 + "Bo Berg (V)",
    "capitalised words": "Ord " * 30000,
    "hyphenated ends": "ab-\n" * 5000,
    "link brackets": "[a](" * 20000,
    "unclosed tags": "<b" * 20000 + "<h1>" * 5000,
}


@pytest.mark.parametrize("line", LINES)
@pytest.mark.parametrize("format_name", DOCUMENTS)
def test_a_hostile_line_is_imported_or_refused_not_hung(tmp_path, format_name, line):
    lines = DOCUMENTS[format_name].read_text(encoding="utf-8").split("\n")
    middle = len(lines) // 2
    document = tmp_path / "ondsindet.txt"
    document.write_text("\n".join(lines[:middle] + [LINES[line]] + lines[middle:]), encoding="utf-8")
    options = ["--municipality", "Holbæk Kommune"] if format_name == "firstagenda" else []
    try:
        run = subprocess.run([sys.executable, str(ROOT / "build.py"), "import", str(document), *options,
                              "--content", str(tmp_path / "content"), "--dry-run", "--quiet"],
                             capture_output=True, text=True, cwd=ROOT, timeout=DEADLINE)
    except subprocess.TimeoutExpired:
        pytest.fail(f"importing a {format_name} document with a line of {line} did not end within {DEADLINE} s")
    assert run.returncode in (0, 1), run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    assert run.returncode == 0 or "ondsindet.txt" in run.stderr
