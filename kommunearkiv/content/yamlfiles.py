"""YAML and Markdown-with-front-matter files that remember where each value stood.

Loading keeps the line of every mapping key and list entry, so that a problem
can be reported as ``path:line: field: …``. Dumping writes multi-line text as
literal blocks (``|-``) so that content files stay readable and diff well.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..errors import Problem

FRONT_MATTER = "---"
MAX_FILE_BYTES = 50 * 2**20


class Located(dict):
    """A mapping loaded from YAML, with the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    """A list loaded from YAML, with the 1-based line of each entry."""

    line: int = 0
    item_lines: list

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


class DuplicateKey(Exception):
    def __init__(self, key: str, line: int):
        self.key, self.line = key, line


# libyaml's parser when PyYAML was built with it (about ten times faster), else the pure-Python one.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LocatingLoader(_BaseLoader):
    def construct_mapping(self, node, deep=False):
        seen = {}
        for key_node, _ in node.value:
            key = key_node.value
            if key in seen:
                raise DuplicateKey(key, key_node.start_mark.line + 1)
            seen[key] = key_node.start_mark.line + 1
        mapping = Located(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = seen
        return mapping

    def construct_sequence(self, node, deep=False):
        items = LocatedList(super().construct_sequence(node, deep=True))
        items.line = node.start_mark.line + 1
        items.item_lines = [child.start_mark.line + 1 for child in node.value]
        return items


# Dates stay text here; Fields.date() checks them and names the line of a bad one.
_LocatingLoader.add_constructor("tag:yaml.org,2002:timestamp", _BaseLoader.construct_scalar)
_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LocatingLoader.construct_mapping)
_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _LocatingLoader.construct_sequence)


def parse_yaml(text: str, path: str, first_line: int = 1) -> tuple[Located | None, list[Problem]]:
    """The YAML mapping in ``text``; ``first_line`` is where ``text`` starts in the file."""
    offset = first_line - 1
    try:
        data = yaml.load(text, Loader=_LocatingLoader)
    except DuplicateKey as error:
        return None, [Problem(path, error.line + offset, error.key, "each key once, found it twice")]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + offset if mark else None
        return None, [Problem(path, line, "YAML", f"valid YAML ({error.problem})")]
    except yaml.reader.ReaderError as error:
        character = error.character if isinstance(error.character, int) else ord(error.character)
        line = text[: error.position].count("\n") + 1 + offset
        return None, [Problem(path, line, "YAML", f"printable text, found the control character U+{character:04X}")]
    if data is None:
        return None, [Problem(path, first_line, "file", "a YAML mapping, found an empty document")]
    if not isinstance(data, Located):
        return None, [Problem(path, first_line, "file", f"a YAML mapping, found {type(data).__name__}")]
    if offset:
        _shift_lines(data, offset)
    return data, []


def _shift_lines(value, offset: int) -> None:
    if isinstance(value, Located):
        value.line += offset
        value.key_lines = {k: line + offset for k, line in value.key_lines.items()}
        for child in value.values():
            _shift_lines(child, offset)
    elif isinstance(value, LocatedList):
        value.line += offset
        value.item_lines = [line + offset for line in value.item_lines]
        for child in value:
            _shift_lines(child, offset)


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The file's text, or a problem saying why it cannot be read as UTF-8 (or is too large to be content)."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [Problem(str(path), None, "file", f"at most {MAX_FILE_BYTES // 2**20} MiB of content, found {size // 2**20} MiB")]
    data = path.read_bytes()
    if not data.strip():
        return None, [Problem(str(path), None, "file", "content, found an empty file")]
    try:
        return data.decode("utf-8").replace("\r\n", "\n"), []
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return None, [Problem(str(path), line, "encoding", f"UTF-8 text, found byte 0x{data[error.start]:02x}")]


def load_yaml_file(path: Path) -> tuple[Located | None, list[Problem]]:
    text, problems = read_text(path)
    if text is None:
        return None, problems
    return parse_yaml(text, str(path))


def load_markdown_file(path: Path) -> tuple[Located | None, str, int, list[Problem]]:
    """Front matter, body, and the line on which the body starts."""
    text, problems = read_text(path)
    if text is None:
        return None, "", 0, problems
    lines = text.split("\n")
    if lines[0].strip() != FRONT_MATTER:
        return None, "", 0, [Problem(str(path), 1, "front matter", "a first line '---' opening the YAML front matter")]
    end = _front_matter_end(lines)
    if end is None:
        return None, "", 0, [Problem(str(path), 1, "front matter", "a line '---' closing the YAML front matter")]
    meta, problems = parse_yaml("\n".join(lines[1:end]), str(path), first_line=2)
    return meta, _body(lines, end), end + 2, problems


def markdown_body(path: Path) -> str:
    """The body of a Markdown file that ``load_markdown_file`` read without problems, its front matter not parsed."""
    text, _ = read_text(path)
    lines = (text or "").split("\n")
    end = _front_matter_end(lines)
    return _body(lines, end) if end is not None else ""


def _front_matter_end(lines: list[str]) -> int | None:
    return next((i for i in range(1, len(lines)) if lines[i].strip() == FRONT_MATTER), None)


def _body(lines: list[str], front_matter_end: int) -> str:
    return "\n".join(lines[front_matter_end + 1 :]).strip("\n")


class _LiteralDumper(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:
        return True


def _represent_str(dumper, value: str):
    """Multi-line text as a literal block; times quoted, since YAML 1.1 reads 10:30 as a number."""
    style = "|" if "\n" in value else ("'" if re.fullmatch(r"\d{1,2}:\d{2}", value) else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_list(dumper, value: list):
    """Line ranges and other lists of numbers on one line: ``lines: [10, 20]``."""
    flow = bool(value) and all(isinstance(v, int) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_LiteralDumper.add_representer(str, _represent_str)
_LiteralDumper.add_representer(list, _represent_list)


def dump_yaml(data) -> str:
    return yaml.dump(data, Dumper=_LiteralDumper, allow_unicode=True, sort_keys=False, width=1000)


def dump_markdown(meta: dict, body: str) -> str:
    text = f"{FRONT_MATTER}\n{dump_yaml(meta)}{FRONT_MATTER}\n"
    return text + (f"\n{body.strip()}\n" if body.strip() else "")
