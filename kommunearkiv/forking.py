"""Run a function in a forked child process and get its result back.

Forking after the archive is loaded shares it with the child copy-on-write,
with no pickling of the archive or the Flask app. Objects that exist at the
fork are moved out of the garbage collector's reach first (``gc.freeze``):
a collection in a child would otherwise write into each of them and so copy
every page of the archive's objects into the child. The child's result (or its
exception) comes back pickled through a pipe. A child dies with its parent
(Linux ``PR_SET_PDEATHSIG``), so a killed build leaves no worker writing into
a work folder that the next build removes.
"""
from __future__ import annotations

import ctypes
import gc
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable

PR_SET_PDEATHSIG = 1


class Child:
    """A forked process computing ``function()``; ``result()`` waits for it."""

    def __init__(self, function: Callable[[], object]):
        reader, writer = os.pipe()
        parent = os.getpid()
        sys.stdout.flush(), sys.stderr.flush()
        gc.freeze()  # the garbage collector would write into every object it visits, copying the shared archive
        self.pid = os.fork()
        if self.pid == 0:  # the child
            os.close(reader)
            _die_with(parent)
            _run(function, writer)
        os.close(writer)
        self.reader = reader

    def result(self):
        with os.fdopen(self.reader, "rb") as stream:
            data = stream.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if not data:
            raise RuntimeError(f"worker process {self.pid} ended without a result (status {status})")
        ok, value = pickle.loads(data)
        if not ok:
            raise value
        return value

    def stop(self) -> None:
        """Kill the child (when the parent gives up) and reap it; nothing once its result was taken."""
        if self.pid is None:
            return
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def _run(function: Callable[[], object], writer: int) -> None:
    code = 0
    try:
        outcome = (True, function())
    except BaseException as error:  # noqa: BLE001 - everything goes back to the parent, which reports it
        error.add_note(f"In worker process {os.getpid()}:\n{traceback.format_exc()}")
        outcome, code = (False, error), 1
    try:
        with os.fdopen(writer, "wb") as stream:
            try:
                stream.write(pickle.dumps(outcome))
            except Exception as error:  # an unpicklable result or exception: send its text
                stream.write(pickle.dumps((False, RuntimeError(f"{outcome[1]!r} ({error})"))))
    finally:
        os._exit(code)


def _die_with(parent: int) -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def run_all(functions: list[Callable[[], object]], parallel: bool = True) -> list:
    """Each function in its own child process, all at once; their results in order.

    The first function runs in this process instead, so no core waits for the
    children. Not ``parallel``: one after the other, all in this process.
    """
    if len(functions) <= 1 or not parallel:
        return [f() for f in functions]
    children = []
    try:
        children = [Child(f) for f in functions[1:]]
        first = functions[0]()
        return [first] + [child.result() for child in children]
    finally:
        for child in children:
            child.stop()
