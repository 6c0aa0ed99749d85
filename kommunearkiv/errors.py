"""Problems found in input, reported as ``path:line: field: what was expected``.

Every reader and importer collects problems instead of stopping at the first,
so that one run shows a person everything that needs fixing.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    field: str
    expected: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.expected}"


class InputError(Exception):
    """Input that cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.path, p.line or 0, p.field))
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self):
        """Pickle by problems (for errors raised in worker processes), keeping added notes."""
        return (InputError, (self.problems,), vars(self))

    @classmethod
    def single(cls, path: str, line: int | None, field: str, expected: str) -> InputError:
        return cls([Problem(path, line, field, expected)])
