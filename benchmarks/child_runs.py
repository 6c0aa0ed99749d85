"""Builds run in child processes and measured there: wall time, and CPU time and peak memory from ``os.wait4``.

The rusage ``os.wait4`` returns covers the child and every process it waited
for: CPU time is their sum; peak memory (``ru_maxrss``) is that of the
largest single process, not the sum of processes running at once. Beside it,
``tree_memory`` samples what the child and its workers occupy together
(their proportional set sizes summed): the memory the machine needs.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kommunearkiv.content.reader import load_archive

from .build_steps import site_figures
from .mkdocs_project import write_mkdocs_project
from .tree_memory import TreeMemory

REPOSITORY = Path(__file__).resolve().parent.parent
CODE = ("kommunearkiv", "themes", "benchmarks")


def snapshot_code(folder: Path) -> Path:
    """Copy the build's code and themes into ``folder``, for every build of one run to use.

    Other work on the tree may change the code while a long run goes on; the
    build would then see a new code fingerprint and render every page again,
    and a rebuild would measure a full build.
    """
    shutil.rmtree(folder, ignore_errors=True)
    for name in CODE:
        shutil.copytree(REPOSITORY / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    return folder


def run_child(command: list[str], cwd: Path | None = None) -> tuple[str, dict]:
    """Run ``command``; its standard output, and the wall time, CPU time and peak memory of it and its reaped children."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, cwd=cwd)
        with TreeMemory(child.pid) as memory:
            _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        out.seek(0)
        text = out.read().decode("utf-8")
    if child.returncode:
        raise RuntimeError(f"{' '.join(command)} exited with {child.returncode}")
    return text, {"wall_s": round(wall, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
                  "peak_mib": round(usage.ru_maxrss / 1024, 1), "peak_total_mib": memory.peak_mib}


class BuildRunner:
    """Builds in child processes started in ``code`` (a snapshot of the code), so that they import it from there."""

    def __init__(self, code: Path, jobs: int | None = None):
        self.code, self.jobs = code, jobs

    def build(self, content: Path, site: Path, full: bool = False) -> dict:
        """``build_site`` as the build command runs it (``benchmarks/build_child.py``), with pages per second and
        the size of the output (measured after the timed run)."""
        options = ["--full"] * full + (["--jobs", str(self.jobs)] if self.jobs else [])
        output, usage = self._run("benchmarks.build_child", content, site, options)
        built = json.loads(output) | site_figures(site)
        return usage | built | {"pages_per_s": round(built["pages"] / usage["wall_s"], 1),
                                "pages_per_cpu_s": round(built["pages"] / max(usage["cpu_s"], 0.01), 1)}

    def steps(self, content: Path, site: Path, profile: Path | None = None) -> dict:
        """The build's steps one after another in one process (``benchmarks/build_steps.py``), timed each."""
        output, usage = self._run("benchmarks.build_steps", content, site, ["--profile", str(profile.resolve())] if profile else [])
        return usage | json.loads(output)

    def _run(self, module: str, content: Path, site: Path, options: list[str]) -> tuple[str, dict]:
        return run_child([sys.executable, "-m", module, str(content.resolve()), str(site.resolve()), *options], cwd=self.code)


def mkdocs_in_child(content: Path, project: Path) -> dict:
    """The same meeting and attachment pages built by MkDocs with its search plugin."""
    pages = write_mkdocs_project(load_archive(content), project)
    _, usage = run_child([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(project / "mkdocs.yml"),
                          "--site-dir", str(project / "site")])
    index = project / "site" / "search" / "search_index.json"
    return usage | {"pages": pages, "search_index_bytes": index.stat().st_size if index.is_file() else None,
                    "s_per_1000_pages": round(1000 * usage["wall_s"] / pages, 2)}
