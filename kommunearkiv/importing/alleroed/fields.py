"""The fields of one agenda item, found by their headings in the order the layout prints them.

``Punkttype``, ``Tema``, ``Sagsbeskrivelse`` … ``Bilag``, the decisions, ``Fraværende``.
A heading may start a line, be glued to the previous field's text, be wrapped over
lines or stand among a whole page of text. Words like ``Tema``, ``Bilag`` or
``Beslutning`` also start sentences, so every place a heading word occurs is a candidate,
and the candidates kept are the heaviest sequence in the layout's order (a heading that
starts a line or is bold weighs more; a decision must name who decided or stand alone).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .decisions import Decision, decision_at
from .stream import Stream

FIELD = re.compile(
    r"(?<![^\W\d_])(?<!/)(?P<name>Punkttype|Tema|Supplerende\s+sagsbeskrivelse|Sagsbeskrivelse|Sagsfremstilling"
    r"|Administrationens\s+forslag|Afledte\s+konsekvenser|Økonomi\s+og\s+finansiering|Dialog\s*/\s*høring"
    r"|Lovgrundlag|Kompetence|Tidsplan|Kommunikation|Bilag|Fraværende|Beslutning)(?![\w/])(?!:\s*\d)[ \t]*:?")
DECISION = "Beslutning"
# heading → (rank in the printed order, strong: unlikely to start a sentence)
VOCABULARY = {
    "Punkttype": (1, True), "Tema": (2, False),
    "Sagsbeskrivelse": (3, True), "Sagsfremstilling": (3, True), "Supplerende sagsbeskrivelse": (3, True),
    "Administrationens forslag": (3, True), "Afledte konsekvenser": (3, True), "Økonomi og finansiering": (3, True),
    "Dialog/høring": (3, True), "Lovgrundlag": (3, True), "Kompetence": (3, False), "Tidsplan": (3, False),
    "Kommunikation": (3, False), "Bilag": (9, False), DECISION: (10, True), "Fraværende": (11, True),
}
REPEATABLE = {3, 10}
UNKNOWN = (3, False)


@dataclass(frozen=True)
class Field:
    name: str
    start: int                      # the heading
    value_start: int
    value_end: int
    decision: Decision | None = None


@dataclass(frozen=True)
class Candidate:
    name: str
    start: int
    end: int
    weight: int
    decision: Decision | None

    @property
    def rank(self) -> int:
        return VOCABULARY.get(self.name, UNKNOWN)[0]


def canonical(name: str) -> str:
    return re.sub(r"\s*/\s*", "/", " ".join(name.split()))


def item_fields(stream: Stream, start: int, end: int, committee: str | None) -> list[Field]:
    """The fields between ``start`` and ``end``, in source order."""
    kept = heaviest_sequence(candidates(stream, start, end, committee))
    ends = [c.start for c in kept[1:]] + [end]
    return [Field(c.name, c.start, c.end, stop, c.decision) for c, stop in zip(kept, ends)]


def candidates(stream: Stream, start: int, end: int, committee: str | None) -> list[Candidate]:
    found = [(canonical(m["name"]), m.start(), m.end()) for m in FIELD.finditer(stream.text, start, end)]
    out = []
    for index, (name, at, stop) in enumerate(found):
        if index and found[index - 1][0] == name and not stream.text[found[index - 1][2]:at].strip():
            continue  # ``Bilag Bilag til …``: the field's text begins with its own name
        line = stream.lines[stream.index(at)]
        starts_line = stream.at_line_start(at)
        weight = (3 if VOCABULARY[name][1] else 1) + 2 * starts_line + (starts_line and line.bold)
        decision = None
        if name == DECISION:
            limit = next((a for n, a, _ in found[index + 1:] if n not in (DECISION, "Bilag", "Tema")), end)
            decision = decision_at(stream, at, limit, committee)
            alone = starts_line and (line.bold or line.text == DECISION)
            if decision is None and not alone:
                continue
            weight = 4 if decision else 1
        out.append(Candidate(name, at, stop, weight, decision))
    return sorted(out + unknown_labels(stream, start, end, out), key=lambda c: c.start)


def unknown_labels(stream: Stream, start: int, end: int, known: list[Candidate]) -> list[Candidate]:
    """A bold label with its value on the same source line (a table row) next to rows of known
    fields: a field of a name the vocabulary does not know."""
    rows = {stream.number(c.start) for c in known}
    out = []
    for index in range(stream.index(start), min(stream.index(end), len(stream.lines) - 1)):
        line, value = stream.lines[index], stream.lines[index + 1]
        at = stream.starts[index]
        if (start <= at < end and line.bold and line.text[0].isupper() and value.number == line.number
                and len(line.text.split()) <= 6 and not any(c.start <= at < c.end for c in known)
                and {line.number - 1, line.number + 1} & rows):
            out.append(Candidate(line.text.rstrip(":"), at, at + len(line.text), 1, None))
    return out


def follows(first: Candidate, then: Candidate) -> bool:
    return first.rank < then.rank or first.rank == then.rank and first.rank in REPEATABLE


def heaviest_sequence(found: list[Candidate]) -> list[Candidate]:
    """The candidates, in source order, that follow the layout's order with the most weight;
    of equal choices the later candidate (a heading word in prose comes before the field)."""
    best: list[tuple[int, int | None]] = []
    for i, candidate in enumerate(found):
        options = [(best[j][0], j) for j in range(i) if follows(found[j], candidate)]
        score, previous = max(options, default=(0, None))
        best.append((score + candidate.weight, previous))
    if not best:
        return []
    index: int | None = max(range(len(best)), key=lambda i: (best[i][0], i))
    kept = []
    while index is not None:
        kept.append(found[index])
        index = best[index][1]
    return kept[::-1]


def shared_groups(stream: Stream, fields: list[Field]) -> list[list[Field]]:
    """Runs of headings printed together with no text between (``Administrationens forslag``
    / ``Bilag``), whose texts follow the last of them."""
    groups, run = [], [fields[0]] if fields else []
    for previous, field in zip(fields, fields[1:]):
        together = (not stream.text[previous.value_start:previous.value_end].strip()
                    and not (stream.lines[stream.index(field.start)].blank_before and stream.at_line_start(field.start))
                    and DECISION not in (previous.name, field.name) and "Fraværende" not in (previous.name, field.name))
        if together:
            run.append(field)
        else:
            groups.append(run)
            run = [field]
    groups.append(run)
    return [group for group in groups if len(group) > 1]
