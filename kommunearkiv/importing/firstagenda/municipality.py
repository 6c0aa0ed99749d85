"""Whose minutes these are. The First Agenda template serves many municipalities and its text
often names none: the committee may (``Allerød Byråd``, ``Holbæk Kommunalbestyrelse``), a line
above the header may (``Holbæk Kommune``), else the user says (``--municipality``). A document
is never labelled with a municipality other than the one it names.
"""
from __future__ import annotations

import re

from ...errors import InputError

KNOWN = ("Allerød Kommune", "Gentofte Kommune", "Holbæk Kommune", "Lyngby-Taarbæk Kommune")
PLACE = r"[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)*"
UPPER_PLACE = r"[A-ZÆØÅ]{2,}(?:-[A-ZÆØÅ]{2,})*"
COUNCIL = re.compile(rf"^(?:\d{{2}}-\d{{2}}\s+)?(?:(?P<name>{PLACE})\s+(?:Byråd|Kommunalbestyrelse|Kommunes)"
                     rf"|(?P<upper>{UPPER_PLACE})\s+(?:BYRÅD|KOMMUNALBESTYRELSE|KOMMUNES))(?!\w)")
NAMED = re.compile(rf"(?<!\w)(?:(?P<name>{PLACE}) Kommune|(?P<upper>{UPPER_PLACE}) KOMMUNE)(?!\w)")


def canonical(name: str) -> str:
    """``Allerød``, ``ALLERØD KOMMUNE`` → ``Allerød Kommune`` (the known spelling when there is one)."""
    base = re.sub(r"\s+kommune$", "", " ".join(name.split()), flags=re.I)
    known = next((k for k in KNOWN if k.lower() == f"{base} kommune".lower()), None)
    if known:
        return known
    if base.isupper():
        base = "-".join(part.capitalize() for part in base.split("-"))
    return f"{base} Kommune"


def named(committee: str, header_texts: list[str]) -> list[str]:
    """The municipalities the committee's name and the header's text name, in order, once each."""
    found = [m["name"] or m["upper"] for m in [COUNCIL.match(committee)] if m]
    found += [m["name"] or m["upper"] for text in header_texts for m in NAMED.finditer(text)]
    return list(dict.fromkeys(canonical(name) for name in found))


def municipality(option: str | None, committee: str, header_texts: list[str], path: str, line: int) -> str:
    """The option or the one municipality the document names; a clear refusal otherwise."""
    names = named(committee, header_texts)
    if option:
        given = canonical(option)
        if names and given not in names:
            raise InputError.single(path, line, "municipality",
                                    f"the document names {', '.join(names)}; --municipality {option!r} contradicts it")
        return given
    if len(names) == 1:
        return names[0]
    if names:
        raise InputError.single(path, line, "municipality",
                                f"give --municipality NAME; the document names several ({', '.join(names)})")
    raise InputError.single(path, line, "municipality", "give --municipality NAME; the document names none")
