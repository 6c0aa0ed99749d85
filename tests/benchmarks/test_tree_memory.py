"""The build benchmark's memory figure: what a process tree occupies together, shared pages counted once."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from benchmarks.tree_memory import TreeMemory, available

pytestmark = pytest.mark.skipif(not available(), reason="needs /proc/PID/smaps_rollup (Linux)")

# The parent fills 200 MiB, then forks two workers that keep it (shared, copy-on-write) and one that
# writes 100 MiB of its own: resident sizes add up to about 700 MiB, the memory used is about 300 MiB.
TREE = textwrap.dedent("""
    import os, time
    shared = bytearray(200 * 2**20)
    for k in range(0, len(shared), 4096):
        shared[k] = 1
    workers = []
    for own in (0, 0, 100):
        pid = os.fork()
        if pid == 0:
            mine = bytearray(own * 2**20)
            for k in range(0, len(mine), 4096):
                mine[k] = 1
            time.sleep(2.5)
            os._exit(0)
        workers.append(pid)
    for pid in workers:
        os.waitpid(pid, 0)
""")


def test_shared_memory_of_forked_workers_is_counted_once():
    child = subprocess.Popen([sys.executable, "-c", TREE])
    with TreeMemory(child.pid, interval=0.1) as memory:
        child.wait()
    assert child.returncode == 0
    assert 280 < memory.peak_mib < 400, memory.peak_mib
