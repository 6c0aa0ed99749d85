"""Byte-for-byte comparison of two site folders: an incremental build and a full build of the same content."""
from __future__ import annotations

import os
from pathlib import Path


def site_files(site: Path) -> set[str]:
    """Every file under ``site`` as a '/'-separated path relative to it (empty folders count, with a trailing '/')."""
    found = set()
    for folder, dirs, files in os.walk(site):
        relative = Path(folder).relative_to(site).as_posix()
        prefix = "" if relative == "." else relative + "/"
        found.update(prefix + name for name in files)
        if not dirs and not files and prefix:
            found.add(prefix)
    return found


def compare_sites(first: Path, second: Path, shown: int = 5) -> dict:
    """Whether the two folders hold the same files with the same bytes; the first ``shown`` differences of each kind."""
    a, b = site_files(first), site_files(second)
    common = sorted(path for path in a & b if not path.endswith("/"))
    differing = [path for path in common if not same_bytes(first / path, second / path)]
    only_first, only_second = sorted(a - b), sorted(b - a)
    return {"identical": not (differing or only_first or only_second), "files": len(a),
            "differing": differing[:shown], "differing_count": len(differing),
            "only_in_first": only_first[:shown], "only_in_first_count": len(only_first),
            "only_in_second": only_second[:shown], "only_in_second_count": len(only_second)}


def same_bytes(first: Path, second: Path) -> bool:
    return first.stat().st_size == second.stat().st_size and first.read_bytes() == second.read_bytes()
