"""Write data files byte for byte the same for the same content: UTF-8, ``\\n`` line ends, sorted JSON keys.

JSON is encoded by orjson: its indented, key-sorted output is byte for byte
``json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2)`` (a test
holds it to that on random data) at a fraction of the time, since the standard
library falls back to pure Python as soon as it indents. Large files are
streamed: ``json_chunks`` walks dicts and iterators piece by piece and takes
already encoded documents as they are, so a file of the whole archive never
exists as one dict tree or one string.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

JSON_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
INDENT = b"  "
WRITE_BUFFER = 1 << 20


@dataclass(frozen=True)
class Encoded:
    """A JSON value already encoded by ``json_bytes``, placed as it is (indented to its depth) by ``json_chunks``."""

    text: bytes


def target(site_dir: Path, path: str) -> Path:
    """``site_dir/path``, its folder made."""
    file = site_dir / path
    file.parent.mkdir(parents=True, exist_ok=True)
    return file


def write_bytes(site_dir: Path, path: str, data: bytes) -> str:
    """Write ``data`` to ``site_dir/path``; returns ``path`` (relative to the site root)."""
    target(site_dir, path).write_bytes(data)
    return path


def write_text(site_dir: Path, path: str, text: str) -> str:
    return write_bytes(site_dir, path, text.encode("utf-8"))


def json_bytes(data) -> bytes:
    """``data`` as indented JSON with sorted keys, without the final newline."""
    return orjson.dumps(_uncached(data), option=JSON_OPTIONS)


def _uncached(value):
    """``value`` with each non-ASCII str in it encoded from a copy, given to orjson as JSON text.

    orjson leaves the UTF-8 form of every non-ASCII str it encodes inside the
    str (CPython's cache): the archive's own text would stay in memory twice.
    """
    kind = type(value)
    if kind is str:
        return value if value.isascii() else orjson.Fragment(orjson.dumps("".join((value, ""))))  # join: a new str
    if kind is dict:
        return {key: _uncached(v) for key, v in value.items()}
    if kind is list:
        return [_uncached(v) for v in value]
    return value


def json_chunks(value, depth: int = 0) -> Iterator[bytes]:
    """The bytes of ``json_bytes(value)``, piece by piece, with ``value`` at nesting ``depth``.

    Dicts are walked key by key and iterators (lists not yet made) element by
    element; an ``Encoded`` value there is taken as it is; anything else
    (a list too) is encoded whole.
    """
    if isinstance(value, dict) and value:
        yield from _container_chunks(b"{", b"}", ((orjson.dumps(k) + b": ", value[k]) for k in sorted(value)), depth)
    elif isinstance(value, Iterator):
        yield from _container_chunks(b"[", b"]", ((b"", element) for element in value), depth)
    else:
        text = value.text if isinstance(value, Encoded) else json_bytes(value)
        yield text.replace(b"\n", b"\n" + INDENT * depth) if depth else text


def _container_chunks(opening: bytes, closing: bytes, entries: Iterator[tuple[bytes, object]], depth: int) -> Iterator[bytes]:
    """An object or array of ``(key prefix, value)`` entries, indented as ``json_bytes`` indents; ``[]`` when empty."""
    inner = b"\n" + INDENT * (depth + 1)
    separator = opening + inner
    empty = True
    for prefix, element in entries:
        yield separator + prefix
        yield from json_chunks(element, depth + 1)
        separator, empty = b"," + inner, False
    yield opening + closing if empty else b"\n" + INDENT * depth + closing


def write_json_stream(site_dir: Path, path: str, value) -> str:
    """Write ``json_bytes(value)`` and a newline, streamed through ``json_chunks``."""
    with target(site_dir, path).open("wb", buffering=WRITE_BUFFER) as out:
        out.writelines(json_chunks(value))
        out.write(b"\n")
    return path
