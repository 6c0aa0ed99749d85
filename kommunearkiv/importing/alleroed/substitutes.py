"""Who stood in for whom: ``Y (O) deltog som stedfortræder for X``, ``Y er indkaldt som
suppleant``, ``X var fraværende. I stedet deltog Y``, ``Stedfortræder: Y (O) for X``.

Read in the header and in the decisions (the first item's decision usually says it).
When the phrase does not name whom the substitute replaced, the absentee named just
before it (``Der er afbud fra X.``) is taken, or nobody.
"""
from __future__ import annotations

import re

WORD = r"[A-ZÆØÅ](?:[\wæøåÆØÅ'-]+|\.)"
NAME = rf"(?<![\wæøåÆØÅ]){WORD}(?: (?:{WORD}|af|von|van|de|la))*"
PARTY = r"(?:\s*\((?P<party>[^)]{1,12})\))?"
STOOD_IN = re.compile(
    rf"(?P<sub>{NAME}){PARTY}\s+(?:deltog|deltager|mødte|er\s+indkaldt|var\s+indkaldt|blev\s+indkaldt)\s+"
    rf"(?:\w+\s+)?som\s+(?:stedfortræder|suppleant)(?:\s+for\s+(?P<for>{NAME}))?")
INSTEAD = re.compile(rf"I\s+stedet\s+(?:deltog|mødte)\s+(?P<sub>{NAME}){PARTY}")
LABELLED = re.compile(rf"(?:Stedfortrædere?|Suppleanter?)\s*:\s*(?P<sub>{NAME}){PARTY}(?:\s+for\s+(?P<for>{NAME}))?")
ABSENT_BEFORE = re.compile(
    rf"(?:afbud\s+fra|fraværende:?)\s+(?P<for>{NAME})|(?P<for2>{NAME})(?:\s*\([^)]*\))?\s+"
    rf"(?:var\s+fraværende|havde\s+meldt\s+afbud|har\s+meldt\s+afbud|deltog\s+ikke)", re.I)


def substitutes(texts: list[str]) -> list[dict]:
    """Every substitute named in the texts, once: ``{"name", "party", "replaces"}``."""
    out: dict[str, dict] = {}
    for text in texts:
        flat = " ".join(text.split())
        for pattern in (STOOD_IN, INSTEAD, LABELLED):
            for match in pattern.finditer(flat):
                replaces = match.groupdict().get("for") or absent_before(flat[:match.start()])
                name = match["sub"]
                if name not in out and name != replaces:
                    out[name] = {"name": name, "party": match["party"], "replaces": replaces}
    return list(out.values())


def absent_before(text: str) -> str | None:
    """The absentee named last before a substitute phrase."""
    found = list(ABSENT_BEFORE.finditer(text))
    return (found[-1]["for"] or found[-1]["for2"]) if found else None
