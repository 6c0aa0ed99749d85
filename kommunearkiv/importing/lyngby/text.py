"""Lyngby-Taarbæk text lines → clean Markdown, on top of the shared cleaning layer.

Besides the glyphs ``cleaning`` knows, this export marks bullets with "- ┆" and
"-)", and nests a bullet by indenting it one space.
"""
from __future__ import annotations

import re

from ..cleaning import lines_to_markdown, separate_list_blocks

EXTRA_BULLET = re.compile(r"^(?P<indent>\s*)-\s*(?:┆|\))\s*(?=\S)")
NESTED_BULLET = re.compile(r"^ {1,3}-(?=\s)")


def is_blank(line: str) -> bool:
    return not line.strip()


def norm(text: str) -> str:
    """Lower case, single spaces, no markdown emphasis: for comparing headings and titles."""
    return " ".join(text.replace("*", "").replace("\u00a0", " ").split()).lower()


def clean(text: str) -> str:
    """One line of running text: markdown links unwrapped, whitespace collapsed."""
    return " ".join(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text).replace("\u00a0", " ").split())


def source_bullet(line: str) -> str:
    """"- ┆ x" and "-) x" → "- x"; a bullet indented by one to three spaces → nested (four spaces)."""
    return NESTED_BULLET.sub("    -", EXTRA_BULLET.sub(r"\g<indent>- ", line))


def markdown(lines: list[str]) -> str:
    """Markdown for a run of source lines."""
    return separate_list_blocks(lines_to_markdown([source_bullet(line) for line in lines]))
