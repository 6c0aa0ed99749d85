"""The data as zip files: a municipality's CSV tables, all its data (its JSON and tables), and the whole
archive (every municipality's zip, the index and the schemas) in one.

A zip is byte-identical for the same files: entries in a fixed order, each
with the same fixed time and permissions (``archive.fixed_entry``). The whole
archive's zip stores the municipalities' zips as they are, without
compressing them again, so that it costs a copy of bytes when one municipality
changed, not a compression of the whole archive.
"""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from ..model import Municipality
from ..model.outline import Outline
from .. import locations
from .archive import fixed_entry
from .files import WRITE_BUFFER, target
from .jsondata import SCHEMAS
from .tables import csv_paths


def write_zip(site_dir: Path, path: str, members: list[str], compression: int = zipfile.ZIP_DEFLATED) -> str:
    """Write the zip ``path`` of the site's files ``members`` (paths from the site root), each under its own file
    name in a folder named after the zip."""
    folder = Path(path).stem
    with zipfile.ZipFile(target(site_dir, path), "w", allowZip64=True) as bundle:
        for member in members:
            entry = fixed_entry(f"{folder}/{member.removeprefix(locations.DATA + '/')}", compression)
            large = (site_dir / member).stat().st_size > zipfile.ZIP64_LIMIT
            with (site_dir / member).open("rb") as read, bundle.open(entry, "w", force_zip64=large) as write:
                shutil.copyfileobj(read, write, WRITE_BUFFER)
    return path


def write_municipality_zips(municipality: Municipality, site_dir: Path) -> list[str]:
    """The municipality's CSV tables in one zip, and its JSON with the tables in another (after both are written)."""
    tables = list(csv_paths(municipality.id).values())
    return [write_zip(site_dir, locations.csv_zip_path(municipality.id), tables),
            write_zip(site_dir, locations.zip_path(municipality.id), [locations.json_path(municipality), *tables])]


def write_archive_zip(outlines: list[Outline], site_dir: Path) -> list[str]:
    """Every municipality's zip (stored as it is), the index and the schemas, in one zip: the outlines' municipalities'
    zips and the site-wide files must be in ``site_dir`` (``write_exports`` wrote or kept them)."""
    members = [locations.ARCHIVE_JSON, *(locations.schema_path(name) for name in SCHEMAS),
               *(locations.zip_path(o.id) for o in sorted(outlines, key=lambda o: o.id))]
    return [write_zip(site_dir, locations.ARCHIVE_ZIP, members, zipfile.ZIP_STORED)]
