"""The documents' dates, for results in order of date: ``y/<m>-<year>.js`` per municipality (its position) and year.

A file lists, in id order, where each run of documents of one date begins: ``[id delta, yyyymmdd, …]``
(deltas from 0). A document's date is that of the last run beginning at or before its id
(``search-rank.js``). Only the years a query's best results fall in are loaded; persons, which have no
date, have no file. An update writes again the files of the municipalities' years it changed.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from .numbering import municipality_of, year_of
from .shards import IndexFolder


def date_key(doc_id: int) -> str | None:
    """The key of the file holding the document's date; None for a document without one."""
    year = year_of(doc_id)
    return f"y/{municipality_of(doc_id)}-{year}" if year else None


def as_number(iso: str) -> int:
    return int(iso.replace("-", ""))


class Dates:
    """Dates of documents added in id order, by file."""

    def __init__(self):
        self.files: dict[str, list[tuple[int, int]]] = {}

    def add(self, doc_id: int, iso: str) -> None:
        key = date_key(doc_id)
        if key:
            self.files.setdefault(key, []).append((doc_id, as_number(iso)))

    def write(self, folder: IndexFolder) -> None:
        for key, dated in self.files.items():
            write_dates(folder, key, dated)


def write_dates(folder: IndexFolder, key: str, dated: Iterable[tuple[int, int]]) -> None:
    """Write a date file from ``(id, date)`` in id order."""
    runs, previous, last = [], 0, None
    for doc_id, date in dated:
        if date != last:
            runs += [doc_id - previous, date]
            previous, last = doc_id, date
    folder.write(key, b"[%s]" % ",".join(map(str, runs)).encode())


def rewrite_dates(folder: IndexFolder, key: str, ids: list[int], new: dict[int, str]) -> None:
    """Write a date file again for the documents ``ids`` (in order): the ``new`` ones' ISO dates, the others'
    as the file has them; remove it when there are none."""
    if not ids:
        folder.remove(key)
        return
    runs = read_dates(folder, key) if any(i not in new for i in ids) else ([], [])
    write_dates(folder, key, [(i, as_number(new[i]) if i in new else date_in(runs, i)) for i in ids])


def read_dates(folder: IndexFolder, key: str) -> tuple[list[int], list[int]]:
    """A date file's runs: the ids where they begin and their dates."""
    data = folder.read(key)
    starts, total = [], 0
    for delta in data[::2]:
        total += delta
        starts.append(total)
    return starts, data[1::2]


def date_in(runs: tuple[list[int], list[int]], doc_id: int) -> int:
    starts, dates = runs
    return dates[bisect_right(starts, doc_id) - 1]
