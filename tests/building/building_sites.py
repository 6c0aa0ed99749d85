"""What the build tests compare: a site folder's files with their bytes."""
from pathlib import Path


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
