"""The documents' dates, for results in order of date: ``y/<m>-<year>.js`` per municipality (its position) and year.

A file lists, in id order, where each run of documents of one date begins: ``[id delta, yyyymmdd, …]``
(deltas from 0). A document's date is that of the last run beginning at or before its id
(``search-rank.js``). Only the years a query's best results fall in are loaded; persons, which have no
date, have no file.
"""
from __future__ import annotations

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
