"""The scored facts of an imported meeting, in a form that does not depend on the converter.

Text facts are compared as words: runs of spaces, tabs and line ends are one
space, and the Markdown markers ``*``, ``_``, ``#`` and ``|`` are dropped, so a
decision re-joined from wrapped lines or rebuilt from a table equals its
original. Anything else (a no-break space, a soft hyphen, an HTML tag left in a
title) is a difference. Line numbers and warnings are not facts.
"""
from __future__ import annotations

import re

HEADER = ("municipality", "committee", "document_kind", "date", "start", "end", "location")
MARKDOWN_MARKERS = re.compile(r"[*_#|]")
SPACES = re.compile(r"[ \t\r\n]+")


def words(text: str | None) -> str | None:
    """Text as words only; ``None`` for no text."""
    return SPACES.sub(" ", MARKDOWN_MARKERS.sub("", text or "")).strip() or None


def ordered(values) -> list:
    """A list whose order the converter does not decide (names may be None)."""
    return sorted(values, key=repr)


def facts(document: dict) -> dict:
    """The facts of a meeting's open-data form: header, people, and each item by its number."""
    return {
        "header": {key: words(document.get(key)) for key in HEADER},
        "members": ordered((words(m["name"]), m.get("party"), words(m.get("role"))) for m in document["members"]),
        "absent": ordered(map(words, document["absent"])),
        "substitutes": ordered((words(s["name"]), s.get("party"), words(s.get("replaces")))
                               for s in document.get("substitutes") or []),
        "items": {item["number"]: item_facts(item) for item in document["items"]},
    }


def item_facts(item: dict) -> dict:
    return {
        "title": words(item["title"]),
        "case_number": words(item.get("case_number")),
        "access": item["access"],
        "item_type": words(item.get("item_type")),
        "decision": words(item.get("decision")),
        "earlier_decisions": [(d.get("date"), words(d.get("text"))) for d in item.get("earlier_decisions") or []],
        "absent": ordered(map(words, item.get("absent") or [])),
        "attachments": [words(name) for name in item.get("attachments") or []],
    }


def differences(expected, actual, path: str = "") -> list[str]:
    """Every place where two facts structures differ, as ``path: expected … found …``."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        return [difference for key in list(expected) + [k for k in actual if k not in expected]
                for difference in _key_differences(expected, actual, key, f"{path}.{key}" if path else str(key))]
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        return [d for index, pair in enumerate(zip(expected, actual)) for d in differences(*pair, f"{path}[{index}]")]
    return [] if expected == actual else [f"{path}: expected {expected!r}, found {actual!r}"]


def _key_differences(expected: dict, actual: dict, key, path: str) -> list[str]:
    if key not in actual:
        return [f"{path}: missing (expected {expected[key]!r})"]
    if key not in expected:
        return [f"{path}: unexpected {actual[key]!r}"]
    return differences(expected[key], actual[key], path)
