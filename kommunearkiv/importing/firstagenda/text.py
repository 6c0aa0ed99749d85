"""Small operations on normalised lines: cutting a line, comparing titles whatever the converter."""
from __future__ import annotations

from dataclasses import replace

from ..normalise import Line


def compact(text: str) -> str:
    """Letters and digits only, lower case: ``Evt.`` and ``EVT`` compare equal, so do wrapped titles."""
    return "".join(c for c in text.lower() if c.isalnum())


def cut(line: Line, offset: int) -> list[Line]:
    """The line cut in two at ``offset`` (pieces keep number and page; empty pieces dropped)."""
    pieces = [line.text[:offset].strip(), line.text[offset:].strip()]
    out = []
    for index, text in enumerate(pieces):
        if text:
            out.append(replace(line, text=text, markdown=text, blank_before=line.blank_before if index == 0 else False))
    return out


def strip_prefix(lines: list[Line], words: str) -> list[Line] | None:
    """``lines`` without the text at their start that spells ``words`` (compared compactly, across
    line ends; punctuation left alone on the last line goes too), or None when they do not start with it."""
    wanted = compact(words)
    if not wanted:
        return lines
    got = 0
    for index, line in enumerate(lines):
        for offset, char in enumerate(line.text):
            if not char.isalnum():
                continue
            if char.lower() != wanted[got]:
                return None
            got += 1
            if got == len(wanted):
                rest = line.text[offset + 1:]
                tail = cut(line, offset + 1)[1:] if compact(rest) else []
                return tail + lines[index + 1:]
    return None
