"""The memory a process tree occupies together, sampled while it runs.

``ru_maxrss`` gives the largest single process, and a forked worker's
resident size counts every page it shares with the build's process (the
loaded archive) as its own, so neither it nor a sum of resident sizes tells
what the machine needs. The proportional set size (Linux ``Pss`` in
``/proc/PID/smaps_rollup``) divides each shared page among the processes
sharing it; summed over the tree it is the memory the build occupies.
Sampled every ``interval`` seconds, so a peak shorter than that can be missed.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

PROC = Path("/proc")


def descendants(root: int) -> list[int]:
    """``root`` and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, pending = [], [root]
    while pending:
        pid = pending.pop()
        found.append(pid)
        pending += children.get(pid, [])
    return found


def proportional_kib(pid: int) -> int:
    try:
        for line in (PROC / str(pid) / "smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class TreeMemory:
    """``with TreeMemory(pid) as memory: …``; then ``memory.peak_mib``, the largest sum of the tree's PSS seen."""

    def __init__(self, pid: int, interval: float = 0.25):
        self.pid, self.interval, self.peak_kib = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exception) -> None:
        self._stop.set()
        self._thread.join()

    @property
    def peak_mib(self) -> float:
        return round(self.peak_kib / 1024, 1)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak_kib = max(self.peak_kib, sum(proportional_kib(pid) for pid in descendants(self.pid)))
            self._stop.wait(self.interval)


def available() -> bool:
    return (PROC / str(os.getpid()) / "smaps_rollup").is_file()
