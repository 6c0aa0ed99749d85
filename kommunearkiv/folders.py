"""Replace a whole output folder only when the work that fills it succeeded.

Both the build (``site/``) and the import (``content/``) write into a sibling
temporary folder and swap it in at the end, so a failed or interrupted run
leaves the previous folder exactly as it was.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path


@contextlib.contextmanager
def replaced_atomically(target: Path, start_from_current: bool = False):
    """Yield a temporary folder beside ``target``; on success it becomes ``target``.

    ``start_from_current`` fills the temporary folder with a copy of ``target``
    first (for merging imports); otherwise it starts empty (for builds).
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        if start_from_current and target.is_dir():
            shutil.copytree(target, work, dirs_exist_ok=True)
        yield work
        os.chmod(work, 0o755)
        swap_in(work, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def swap_in(new: Path, target: Path) -> None:
    """Put ``new`` in the place of ``target`` with two renames; the old tree is removed afterwards."""
    old = target.with_name(f".{target.name}-old-{os.getpid()}")
    if target.exists():
        os.rename(target, old)
    os.rename(new, target)
    shutil.rmtree(old, ignore_errors=True)
