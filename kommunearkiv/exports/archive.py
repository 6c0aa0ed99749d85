"""One zip of the built site that works when unzipped anywhere (pages and search run from ``file://``).

The zip is byte-identical for the same site: entries in path order under one
folder named after the zip, each with the same fixed time and permissions.
"""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o644 << 16


def fixed_entry(name: str, compression: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipInfo:
    """A zip entry with the fixed time and permissions that keep a zip byte for byte the same."""
    entry = zipfile.ZipInfo(name, FIXED_TIME)
    entry.external_attr = FILE_MODE
    entry.compress_type = compression
    return entry


def zipped_files(site_dir: Path, exclude: Path) -> list[Path]:
    return sorted((p for p in site_dir.rglob("*") if p.is_file() and p.resolve() != exclude), key=lambda p: p.relative_to(site_dir).as_posix())


def write_site_zip(site_dir: Path, zip_path: Path) -> dict:
    """Write ``zip_path`` from ``site_dir``; returns figures: files and bytes of the zip."""
    zip_path = Path(zip_path)
    folder = zip_path.stem
    partial = zip_path.with_name(zip_path.name + ".partial")
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    files = zipped_files(Path(site_dir), zip_path.resolve())
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            archive.writestr(fixed_entry(f"{folder}/{path.relative_to(site_dir).as_posix()}"), path.read_bytes(), compresslevel=9)
    os.replace(partial, zip_path)
    return {"files": len(files), "bytes": zip_path.stat().st_size}
