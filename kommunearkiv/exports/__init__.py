"""Open data written next to the frozen pages: JSON, CSV, Atom feeds, iCalendar, sitemap and robots.txt.

Every file is a function of the archive alone (and ``site_url``), so the same
content gives byte-identical files.
"""
from __future__ import annotations

from pathlib import Path

from ..model import Archive
from .calendars import write_calendars
from .feeds import write_feeds
from .jsondata import write_json_files
from .sitemap import write_discovery
from .tables import write_tables


def write_exports(archive: Archive, site_dir: Path, site_url: str | None = None) -> tuple[dict, list[str]]:
    """Write every data file into ``site_dir``; returns figures (files and bytes written, files per kind)
    and the files' paths."""
    kinds = {
        "json": write_json_files(archive, site_dir),
        "csv": write_tables(archive, site_dir),
        "feeds": write_feeds(archive, site_dir, site_url),
        "calendars": write_calendars(archive, site_dir, site_url),
        "discovery": write_discovery(archive, site_dir, site_url),
    }
    written = [path for paths in kinds.values() for path in paths]
    return {"files": len(written), "bytes": sum((site_dir / p).stat().st_size for p in written),
            **{kind: len(paths) for kind, paths in kinds.items()}}, written
