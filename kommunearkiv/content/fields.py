"""Typed access to the fields of one content mapping, collecting problems instead of raising.

``Fields(mapping, path, problems).date("date")`` returns the value when it is
valid, or ``None`` after adding a ``Problem`` that names the file, the line of
the field and what was expected.
"""
from __future__ import annotations

import datetime as dt
import re

from ..errors import Problem
from .yamlfiles import Located, LocatedList

TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
MISSING = object()


class Fields:
    def __init__(self, mapping: Located, path: str, problems: list[Problem], prefix: str = ""):
        self.data, self.path, self.problems, self.prefix = mapping, path, problems, prefix

    def problem(self, key: str, expected: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.path, line or self.data.line_of(key), self.prefix + key, expected))

    def _get(self, key: str, required: bool):
        value = self.data.get(key, MISSING)
        if value is MISSING or value is None:
            if required:
                self.problem(key, "a value (required field is missing)")
            return MISSING
        return value

    def text(self, key: str, required: bool = True) -> str | None:
        value = self._get(key, required)
        if value is MISSING:
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            self.problem(key, f"text, found {_describe(value)}")
            return None
        return value

    def integer(self, key: str, required: bool = True) -> int | None:
        value = self._get(key, required)
        if value is MISSING:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            self.problem(key, f"a whole number, found {_describe(value)}")
            return None
        return value

    def date(self, key: str, required: bool = True) -> dt.date | None:
        value = self._get(key, required)
        if value is MISSING:
            return None
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(key, f"a date written YYYY-MM-DD, found {_describe(value)}")
        return None

    def time(self, key: str) -> str | None:
        value = self._get(key, required=False)
        if value is MISSING:
            return None
        if isinstance(value, str) and TIME.match(value):
            return value
        hint = " (quote times: '07:30')" if isinstance(value, int) else ""
        self.problem(key, f"a time written 'HH:MM', found {_describe(value)}{hint}")
        return None

    def choice(self, key: str, options: tuple[str, ...], default: str | None = None) -> str | None:
        value = self._get(key, required=default is None)
        if value is MISSING:
            return default
        if value not in options:
            self.problem(key, f"one of {', '.join(options)}, found {_describe(value)}")
            return default
        return value

    def texts(self, key: str) -> list[str]:
        """A list of non-empty strings (absent key: empty list)."""
        values = self._list(key)
        result = []
        for index, value in enumerate(values):
            if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
                result.append(str(value))
            else:
                self.problem(f"{key}[{index}]", f"text, found {_describe(value)}", values.line_of(index))
        return result

    def ids(self, key: str) -> list[tuple[str, int]]:
        """A list of ids with the line of each, for cross-reference checks."""
        values = self._list(key)
        result = []
        for index, value in enumerate(values):
            if isinstance(value, str) and ID.match(value):
                result.append((value, values.line_of(index)))
            else:
                self.problem(f"{key}[{index}]", f"an id of lower-case letters, digits and '-', found {_describe(value)}", values.line_of(index))
        return result

    def mappings(self, key: str) -> list[Fields]:
        values = self._list(key)
        result = []
        for index, value in enumerate(values):
            if isinstance(value, Located):
                result.append(Fields(value, self.path, self.problems, f"{self.prefix}{key}[{index}]."))
            else:
                self.problem(f"{key}[{index}]", f"a mapping, found {_describe(value)}", values.line_of(index))
        return result

    def mapping(self, key: str) -> Fields | None:
        value = self._get(key, required=False)
        if value is MISSING:
            return None
        if not isinstance(value, Located):
            self.problem(key, f"a mapping, found {_describe(value)}")
            return None
        return Fields(value, self.path, self.problems, f"{self.prefix}{key}.")

    def _list(self, key: str) -> LocatedList:
        value = self._get(key, required=False)
        if value is MISSING:
            return LocatedList()
        if not isinstance(value, LocatedList):
            self.problem(key, f"a list, found {_describe(value)}")
            return LocatedList()
        return value

    def unknown_keys(self, known: tuple[str, ...]) -> None:
        for key in self.data:
            if key not in known:
                self.problem(str(key), f"a known field ({', '.join(known)})")


def _describe(value) -> str:
    if isinstance(value, str):
        return repr(value[:40])
    if isinstance(value, (Located, dict)):
        return "a mapping"
    if isinstance(value, (LocatedList, list)):
        return "a list"
    return f"{type(value).__name__} {value!r}"[:60]
