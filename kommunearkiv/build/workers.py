"""Rendering the changed municipalities in worker processes.

Each municipality is rendered from an archive holding it alone: its pages are
frozen by an app of their own, in ``slices`` slices, the first of which also
writes its data files and its part of the search index. Workers are forked
(``concurrent.futures`` with the fork context) after the archive is loaded, so
they share it copy-on-write and nothing of it is pickled; ``gc.freeze`` first
keeps their garbage collector from writing into (and so copying) every object
of it. With many municipalities to render, a task renders a whole one, so each
worker touches only its own municipalities' objects.
"""
from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from ..exports import outline, write_municipality_files
from ..model import Archive
from ..search import write_municipality_index
from ..web.app import create_app
from ..web.freeze import archive_urls, freeze
from .parts import Part


@dataclass
class Job:
    archive: Archive  # the municipalities to render
    positions: dict[str, int]  # municipality → its position among the site's
    work: Path
    themes: list[Path]
    site_url: str | None


@dataclass
class Slice:
    municipality: str
    files: list[str]
    pages: int
    part: Part | None  # of the first slice: the part without the other slices' files


def render_slice(job: Job, municipality_id: str, number: int, slices: int) -> Slice:
    """Freeze every ``slices``-th page of the municipality from the ``number``-th; the first slice also writes
    its data files and its part of the search index."""
    municipality = job.archive.municipalities[municipality_id]
    alone = Archive({municipality_id: municipality})
    app = create_app(alone, job.themes, job.site_url)
    pages = freeze(app, job.work, archive_urls(app, number, slices))
    if number:
        return Slice(municipality_id, pages, len(pages), None)
    data = [path for paths in write_municipality_files(alone, municipality, job.work, job.site_url).values() for path in paths]
    index = write_municipality_index(municipality, job.positions[municipality_id], job.work)
    part = Part(outline(municipality), index, pages + data + index.files, len(pages))
    return Slice(municipality_id, part.files, len(pages), part)


def render(job: Job, processes: int) -> Iterator[Slice]:
    """Every slice of every municipality of the job, as each is done; in ``processes`` worker processes
    (none with 1)."""
    names = sorted(job.archive.municipalities)
    slices = max(1, 4 * processes // max(1, len(names)))
    tasks = [(name, number, slices) for name in names for number in range(slices)]
    if processes == 1:
        yield from (render_slice(job, *task) for task in tasks)
        return
    gc.freeze()
    pool = ProcessPoolExecutor(processes, multiprocessing.get_context("fork"), initializer=_take, initargs=(job,))
    try:
        yield from (future.result() for future in as_completed([pool.submit(_render_slice, *task) for task in tasks]))
    finally:
        pool.shutdown(cancel_futures=True)
        gc.unfreeze()


_job: Job | None = None  # a worker process's job, given when it starts (inherited, not pickled: it is forked)


def _take(job: Job) -> None:
    global _job
    _job = job


def _render_slice(*task) -> Slice:
    return render_slice(_job, *task)
