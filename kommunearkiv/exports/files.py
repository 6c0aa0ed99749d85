"""Write data files byte for byte the same for the same content: UTF-8, ``\\n`` line ends, sorted JSON keys."""
from __future__ import annotations

import json
from pathlib import Path


def write_text(site_dir: Path, path: str, text: str) -> str:
    """Write ``text`` to ``site_dir/path``; returns ``path`` (relative to the site root)."""
    target = site_dir / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(text.encode("utf-8"))
    return path


def json_text(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def write_json(site_dir: Path, path: str, data) -> str:
    return write_text(site_dir, path, json_text(data))
