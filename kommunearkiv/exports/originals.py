"""The original documents beside their meeting pages: plain copies of the files the content keeps.

A copy is byte for byte the content's file, so its SHA-256 is the one the
pages and data give: the digest is computed while copying and checked, and a
file changed since the content was read stops the build rather than publish a
document the pages do not describe. A copy the site folder already holds (an
earlier build's) is kept when its digest is right.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from .. import paths
from ..content.originals import sha256_of
from ..errors import InputError
from ..model import Municipality
from .files import WRITE_BUFFER, target


def write_originals(municipality: Municipality, site_dir: Path) -> list[str]:
    """Copy each kept original of the municipality beside its meeting page; their paths from the site root."""
    written = []
    for meeting in municipality.meetings():
        path = paths.original_path(meeting)
        if path:
            written.append(copy_original(Path(meeting.original.copy), site_dir, path, meeting.original.sha256))
    return written


def copy_original(source: Path, site_dir: Path, path: str, sha256: str) -> str:
    existing = site_dir / path
    if existing.is_file() and existing.stat().st_size == source.stat().st_size and sha256_of(existing) == sha256:
        return path
    digest = hashlib.sha256()
    with source.open("rb") as read, target(site_dir, path).open("wb") as write:
        for block in iter(lambda: read.read(WRITE_BUFFER), b""):
            digest.update(block)
            write.write(block)
    if digest.hexdigest() != sha256:
        (site_dir / path).unlink()
        raise InputError.single(str(source), None, "original", "the same file throughout the build; it changed while the site was built")
    return path
