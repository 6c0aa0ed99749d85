"""Replace a whole output folder only when the work that fills it succeeded.

Both the build (``site/``) and the import (``content/``) write into a sibling
temporary folder and swap it in at the end, so a failed or interrupted run
leaves the previous folder exactly as it was. On Linux the swap is one
``renameat2(RENAME_EXCHANGE)`` call, so even a run killed during the swap
leaves either the old or the new folder in place; elsewhere it is two renames.
Work folders of runs that were killed (and so could not clean up) carry their
process id and are removed by the next run.
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shutil
import tempfile
from pathlib import Path

AT_FDCWD = -100
RENAME_EXCHANGE = 2
LEFTOVER = re.compile(r"(?:new|old)-(\d+)(?:-.*)?")


@contextlib.contextmanager
def replaced_atomically(target: Path, start_from_current: bool = False, start_from: Path | None = None,
                        keep_replaced: Path | None = None):
    """Yield a temporary folder beside ``target``; on success it becomes ``target``.

    The temporary folder starts empty, or as a copy of ``target`` with
    ``start_from_current`` (for merging imports), or as the folder
    ``start_from``, moved there (on the same file system). With
    ``keep_replaced``, the replaced ``target`` is moved there after the swap
    (where the file system allows) instead of being removed.
    """
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-{os.getpid()}-", dir=target.parent))
    try:
        if start_from is not None:
            os.rename(start_from, work)
        if start_from_current and target.is_dir():
            shutil.copytree(target, work, dirs_exist_ok=True)
        yield work
        os.chmod(work, 0o755)
        swap_in(work, target)
        if keep_replaced and work.is_dir():
            keep_replaced.parent.mkdir(parents=True, exist_ok=True)
            shutil.rmtree(keep_replaced, ignore_errors=True)
            with contextlib.suppress(OSError):  # across file systems: removed below
                os.rename(work, keep_replaced)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def swap_in(new: Path, target: Path) -> None:
    """Put ``new`` in the place of ``target``; the old tree ends up at ``new`` (exchange) or is removed."""
    if target.exists() and exchange(new, target):
        return
    old = target.with_name(f".{target.name}-old-{os.getpid()}")
    if target.exists():
        os.rename(target, old)
    os.rename(new, target)
    shutil.rmtree(old, ignore_errors=True)


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step where the system can (Linux 3.15+, glibc 2.28+); False where it cannot."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    return renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0


def same_file_system(a: Path, b: Path) -> bool:
    return a.stat().st_dev == b.stat().st_dev


def remove_leftovers(target: Path) -> None:
    """Remove the work folders of earlier runs on ``target`` whose process no longer exists."""
    for path in target.parent.glob(f".{target.name}-*"):
        match = LEFTOVER.fullmatch(path.name[len(target.name) + 2:])
        if match and path.is_dir() and not process_exists(int(match[1])):
            shutil.rmtree(path, ignore_errors=True)


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
