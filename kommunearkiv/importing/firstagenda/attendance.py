"""Who was away and who stood in, from the sentences First Agenda minutes write in a decision
(the layout has no member list): ``Der er afbud fra X (F) og Y (V).``, ``X deltog ikke i
behandlingen af punktet.``, ``Z (F) er indkaldt som suppleant.``, ``Z deltog som stedfortræder
for X.`` A substitute is paired with the member they replaced when the text names that member,
or when the absences the same text reports leave one member they can have replaced: the only
absentee not replaced by another, or the only one of the substitute's party. Else nobody.
"""
from __future__ import annotations

import re

from ..phrases import people

NAME_WORD = r"[A-ZÆØÅ](?:[\w'’-]+|\.)"
# Bounded: a name of at most 6 words, a list of at most 40 people; unbounded, a long run of capitalised words or of
# names before no verb made every start position try every length (minutes of a hostile document).
NAME = rf"{NAME_WORD}(?:\s+(?:{NAME_WORD}|von|van|de|af)){{0,5}}"
PERSON = rf"{NAME}(?:\s*\([^()]{{1,15}}\))?"
PEOPLE = rf"{PERSON}(?:\s*(?:,|\bog\b)\s*{PERSON}){{0,39}}"
SUBSTITUTE = r"(?:\d\.\s*)?(?:suppleant|stedfortræder)"
AWAY = (
    re.compile(rf"\b[Aa]fbud fra (?P<people>{PEOPLE})(?P<scope>[^.]*)"),
    re.compile(rf"(?P<people>{PEOPLE}) (?:deltog ikke|var fraværende|var ikke til stede|havde meldt afbud|har meldt afbud)"
               rf"(?P<scope>[^.]*)"),
)
STOOD_IN = (
    re.compile(rf"(?P<people>{PEOPLE}),? (?:er|var|blev) indkaldt som {SUBSTITUTE}(?: for (?P<replaces>{PERSON}))?"),
    re.compile(rf"(?P<people>{PEOPLE}) (?:deltog|mødte) som {SUBSTITUTE}(?: for (?P<replaces>{PERSON}))?"),
    re.compile(rf"\bI stedet for (?P<replaces>{PERSON}) deltog (?P<people>{PEOPLE})"),
)
ITEM_NUMBERS = re.compile(r"\bpunkt(?:erne)?\s+(?:nr\.\s*)?(?P<numbers>\d+(?:\s*(?:,|og)\s*\d+)*)", re.I)
THIS_ITEM = re.compile(r"\b(?:punktet|dette punkt|sagen|denne sag)\b", re.I)
ROLE_WORDS = re.compile(r"^(?:Borgmester|Viceborgmester|Formand(?:en)?|Næstformand(?:en)?|Byrådsmedlem|Rådmand)\s+")
MEETING, THIS = None, ()


def plain(text: str) -> str:
    return " ".join(re.sub(r"[*_]", "", text).split())


def away(text: str) -> list[tuple[dict, tuple[int, ...] | None]]:
    """(person, scope) for everyone the text says was away: scope is the item numbers the sentence
    names, ``()`` for the item it is written in, ``None`` for the whole meeting."""
    found = []
    for pattern in AWAY:
        for match in pattern.finditer(plain(text)):
            numbers = ITEM_NUMBERS.search(match["scope"])
            scope = (tuple(int(n) for n in re.findall(r"\d+", numbers["numbers"])) if numbers
                     else THIS if THIS_ITEM.search(match["scope"]) else MEETING)
            found += [(person, scope) for person in persons(match["people"])]
    return found


def stood_in(text: str) -> list[dict]:
    """``{"name", "party", "replaces"}`` for everyone the text says attended as a substitute."""
    found = []
    for pattern in STOOD_IN:
        for match in pattern.finditer(plain(text)):
            replaced = persons(match["replaces"] or "")
            found += [{"name": p["name"], "party": p["party"], "replaces": replaced[0]["name"] if replaced else None}
                      for p in persons(match["people"])]
    return paired(found, [person for person, _ in away(text)])


def paired(substitutes: list[dict], absent: list[dict]) -> list[dict]:
    """Each substitute whose member the text leaves open paired with the one absentee they can have
    replaced (see the module docstring)."""
    out = []
    for substitute in substitutes:
        if substitute["replaces"] is None:
            taken = {s["replaces"] for s in substitutes + out if s["replaces"]}
            open_ = [p for p in absent if p["name"] not in taken and p["name"] != substitute["name"]]
            same_party = [p for p in open_ if substitute["party"] and p["party"] == substitute["party"]]
            candidates = same_party if same_party else open_ if len(open_) == 1 and not (
                substitute["party"] and open_[0]["party"]) else []
            if len(candidates) == 1:
                substitute = {**substitute, "replaces": candidates[0]["name"]}
        out.append(substitute)
    return out


def persons(text: str) -> list[dict]:
    return [{**p, "name": ROLE_WORDS.sub("", p["name"])} for p in people(text)]
