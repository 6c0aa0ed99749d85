"""The data files' JSON: orjson's bytes are the standard library's, and streaming changes no byte."""
from __future__ import annotations

import json
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from kommunearkiv.exports.files import Encoded, json_bytes, json_chunks, write_json_stream

TEXT = st.text(st.characters(blacklist_categories=("Cs",)))  # lone surrogates cannot be written as UTF-8 at all
LEAVES = st.none() | st.booleans() | st.integers(-2**63, 2**63 - 1) | TEXT
VALUES = st.recursive(LEAVES, lambda inner: st.lists(inner) | st.dictionaries(TEXT, inner), max_leaves=30)


def standard_library(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2).encode("utf-8")


def disguise(value, draw):
    """``value`` with, as ``draw`` picks, some lists turned into iterators and some parts encoded beforehand
    (inside what ``json_chunks`` walks: dicts and iterators; a list is encoded whole)."""
    if draw(st.booleans()):
        return Encoded(json_bytes(value))
    if isinstance(value, list) and draw(st.booleans()):
        return iter([disguise(v, draw) for v in value])
    if isinstance(value, dict):
        return {k: disguise(v, draw) for k, v in value.items()}
    return value


@settings(max_examples=500)
@given(VALUES)
def test_orjson_writes_what_json_dumps_writes(value):
    assert json_bytes(value) == standard_library(value)


@settings(max_examples=500)
@given(VALUES, st.data())
def test_streamed_json_has_the_bytes_of_the_whole_value(value, data):
    assert b"".join(json_chunks(disguise(value, data.draw))) == standard_library(value)


def test_empty_iterators_and_dicts_and_nested_documents(tmp_path):
    value = {"b": iter([]), "a": {}, "c": iter([Encoded(json_bytes({"x": [1, {"y": "æ\n\"ø\""}]})), iter([[]])])}
    plain = {"b": [], "a": {}, "c": [{"x": [1, {"y": "æ\n\"ø\""}]}, [[]]]}
    assert write_json_stream(tmp_path, "data/arkiv.json", value) == "data/arkiv.json"
    assert (tmp_path / "data/arkiv.json").read_bytes() == standard_library(plain) + b"\n"


def test_encoding_leaves_no_copy_of_the_text_inside_the_archive():
    """orjson alone would keep each non-ASCII str's UTF-8 form in the str: the archive's text twice in memory."""
    text = "".join(["Økonomiudvalget besluttede at godkende indstillingen. "] * 200)
    size = sys.getsizeof(text)
    encoded = json_bytes({"sections": [{"text": text}], "title": text[:40]})
    assert json.loads(encoded)["sections"][0]["text"] == text
    assert sys.getsizeof(text) == size
