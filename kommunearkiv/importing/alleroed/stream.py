"""A run of lines read as one text, so that the format's vocabulary is found whatever the
line breaks: a heading wrapped over lines, fields glued on one line, a whole page on one
line. What lies between two finds is handed back as lines (cut where a find cuts a line).
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from ..normalise import Line


@dataclass(frozen=True)
class Stream:
    lines: tuple[Line, ...]
    text: str                 # the lines' texts joined by "\n"
    starts: tuple[int, ...]   # offset of each line in ``text``

    @classmethod
    def of(cls, lines: list[Line]) -> Stream:
        starts, offset = [], 0
        for line in lines:
            starts.append(offset)
            offset += len(line.text) + 1
        return cls(tuple(lines), "\n".join(line.text for line in lines), tuple(starts))

    def index(self, offset: int) -> int:
        """The line holding ``offset`` (a line's end counts as the line)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def number(self, offset: int) -> int:
        """The source line number at ``offset``."""
        return self.lines[self.index(min(offset, len(self.text) - 1))].number if self.lines else 1

    def at_line_start(self, offset: int) -> bool:
        return offset == 0 or self.text[offset - 1] == "\n"

    def flat(self, start: int, end: int) -> str:
        """The text between two offsets on one line, spaces collapsed."""
        return " ".join(self.text[start:end].split())

    def lines_between(self, start: int, end: int) -> list[Line]:
        """The lines between two offsets; a line cut by either end becomes its plain piece."""
        out: list[Line] = []
        if start >= end or not self.lines:
            return out
        for index in range(self.index(start), self.index(end - 1) + 1):
            line, first = self.lines[index], self.starts[index]
            a, b = max(start, first) - first, min(end, first + len(line.text)) - first
            piece = line.text[a:b].strip()
            if not piece:
                continue
            if a == 0 and b == len(line.text):
                out.append(line)
            else:
                out.append(replace(line, text=piece, markdown=piece, cells=(),
                                   blank_before=line.blank_before and a == 0))
        return out

    def last_number(self, start: int, end: int) -> int:
        """The source line number of the last text before ``end``."""
        end = len(self.text[:end].rstrip())
        return self.number(max(start, end - 1))
