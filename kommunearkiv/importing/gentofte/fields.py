"""The fields of an open item: case number, sections under fixed headings, this meeting's
decision, earlier decisions, absentees and the attachment list.

Headings are lines of their own (``Resumé``, ``Baggrund``, ``Indstilling``, ``Beslutning``,
``Tidligere beslutninger``, ``Bilag`` …; misspelled ones recognised where the line is
set apart). In text flattened to one line per page the same words are found inside
lines; since prose uses them too (``Beslutning om …``, ``jf. Bilag 2``), a word counts
as a heading only where a sentence can start after it and where the fields' order
allows it: the most headings that keep the order win.
"""
from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from ..normalise import Line, body_markdown, split_at
from ..phrases import danish_date
from .header import absentees
from .vocabulary import (ABSENT, ATTACHMENT_REFERENCE, ATTACHMENTS, CASE, DECISION, DECISION_OF, EARLIER_DECISIONS,
                         EARLIER_START, FIELD_ORDER, INLINE_FIELD, NO_EARLIER_DECISIONS)

ALIASES = {"resume": "resumé", "tidligere beslutning": EARLIER_DECISIONS}
SIMILAR = 0.85
EARLIER_BODY_WORDS = 8
INLINE_MARGIN = 2


def parse(lines: list[Line], meeting_date: str, warnings: list[str]) -> dict:
    """The item's fields from the lines below its title."""
    case_number, lines = case(lines)
    lines = cut_at_inline_headings(lines)
    fields = {"case_number": case_number, "item_type": None, "sections": [], "decision": None,
              "decision_heading": None, "earlier_decisions": [], "absent": [], "attachments": []}
    for heading, body in blocks(lines):
        place(fields, heading, body, meeting_date, warnings)
        fields["absent"] += absent_names(body, warnings)
    return fields


def case(lines: list[Line]) -> tuple[str | None, list[Line]]:
    """``Sags ID: EMN-2019-00607`` (2014 on) or ``018520-2013`` (2013-14) right below the title."""
    if lines:
        match = CASE.match(lines[0].text)
        if match:
            rest = [replace(lines[0], text=match["rest"], markdown=match["rest"])] if match["rest"] else []
            return match["id"] or match["number"], rest + lines[1:]
    return None, lines


# --- headings ----------------------------------------------------------------------------------

def canonical(text: str) -> str:
    key = " ".join(text.strip(" :*#").lstrip(". ").lower().split())
    return ALIASES.get(key, key)


def heading_at(lines: list[Line], index: int) -> tuple[str, str, int] | None:
    """(canonical heading, heading as printed, lines it spans) of a heading starting at ``index``."""
    line = lines[index]
    printed = line.text.strip(" :").lstrip(". ")  # ". Bilag": a page flattened after "Tidligere beslutninger:" starts with its "."
    key = canonical(printed)
    if key in FIELD_ORDER or DECISION_OF.match(printed):
        return (DECISION if DECISION_OF.match(printed) else key), printed, 1
    if printed and index + 1 < len(lines) and len(printed) < 20:
        two = f"{printed} {lines[index + 1].text.strip(' :')}"
        if canonical(two) in FIELD_ORDER:
            return canonical(two), two, 2
    if (line.blank_before or line.bold or line.heading) and len(key) <= 40:
        best = max(FIELD_ORDER, key=lambda name: SequenceMatcher(None, key, name).ratio())
        if SequenceMatcher(None, key, best).ratio() >= SIMILAR:
            return best, printed, 1
    return None


def cut_at_inline_headings(lines: list[Line]) -> list[Line]:
    """Flattened text: each heading word the order allows cut out as a line of its own. Text
    with headings on lines of their own is left as it is (unless the words inside lines make
    at least two headings more: a page flattened below one heading that stands alone)."""
    candidates = [(i, m) for i, line in enumerate(lines) for m in INLINE_FIELD.finditer(line.text)]
    chosen = ordered_headings([canonical(m["name"]) for _, m in candidates])
    alone = sum(1 for i in range(len(lines)) if heading_at(lines, i))
    if alone and len(chosen) < alone + INLINE_MARGIN:
        return lines
    spans: dict[int, list[tuple[int, int]]] = {}
    for k in chosen:
        index, match = candidates[k]
        spans.setdefault(index, []).append(match.span())
    return [piece for i, line in enumerate(lines) for piece in cut(line, spans.get(i, []))]


def ordered_headings(names: list[str]) -> list[int]:
    """The longest run of candidates whose places in the fields' order never go back
    (no heading twice in a row); of equal runs, the one with later candidates."""
    best: list[tuple[int, int | None]] = []
    for i, name in enumerate(names):
        options = [(best[j][0] + 1, j) for j in range(i)
                   if FIELD_ORDER[names[j]] <= FIELD_ORDER[name] and names[j] != name]
        best.append(max(options, default=(1, None)))
    if not best:
        return []
    index = max(range(len(best)), key=lambda i: (best[i][0], i))
    chain = []
    while index is not None:
        chain.append(index)
        index = best[index][1]
    return chain[::-1]


def cut(line: Line, spans: list[tuple[int, int]]) -> list[Line]:
    """The line in pieces: text before each heading, the heading, the text after it."""
    if not spans:
        return [line]
    bounds = sorted({0, len(line.text), *[p for span in spans for p in span]})
    out: list[Line] = []
    for a, b in zip(bounds, bounds[1:]):
        text = line.text[a:b].strip()
        if text:
            out.append(replace(line, text=text, markdown=text, blank_before=bool(out) or line.blank_before))
    return out


def blocks(lines: list[Line]) -> list[tuple[tuple[str, str] | None, list[Line]]]:
    """(heading, body lines) in order; text above the first heading has no heading."""
    out: list[tuple[tuple[str, str] | None, list[Line]]] = [(None, [])]
    index = 0
    while index < len(lines):
        found = heading_at(lines, index)
        if found:
            out.append(((found[0], found[1]), []))
            index += found[2]
            continue
        out[-1][1].append(lines[index])
        index += 1
    return [block for block in out if block[0] or block[1]]


# --- what each heading holds --------------------------------------------------------------------

def place(fields: dict, heading: tuple[str, str] | None, body: list[Line], meeting_date: str, warnings: list[str]) -> None:
    text = body_markdown(body)
    if heading is None:
        warnings.append(f"line {body[0].number}: text before the item's first heading kept as an untitled section")
        fields["sections"].append({"heading": "", "text": text})
        return
    key, printed = heading
    if key == DECISION:
        decision(fields, printed, body, text, meeting_date, warnings)
    elif key == EARLIER_DECISIONS:
        fields["earlier_decisions"] += earlier_decisions(body, warnings)
    elif key == ATTACHMENTS:
        names, listed = attachment_list(body, warnings)
        fields["attachments"] += names
        if listed:
            fields["sections"].append({"heading": printed, "text": listed})
    elif text:
        fields["sections"].append({"heading": printed, "text": text})


def decision(fields: dict, printed: str, body: list[Line], text: str, meeting_date: str, warnings: list[str]) -> None:
    """This meeting's decision; a decision of another date (``Beslutning Økonomiudvalget den …``,
    or a text opened by ``Økonomiudvalget den …:``) is an earlier decision."""
    heading_of = DECISION_OF.match(printed)
    if heading_of and danish_date(heading_of["date"]) != meeting_date:
        earlier = {"date": danish_date(heading_of["date"]), "body": heading_of["body"], "text": text}
        fields["earlier_decisions"] += kept_with_text([earlier], body[0].number if body else None, warnings)
        return
    opening = EARLIER_START.match(body[0].text) if body else None
    if opening and danish_date(opening["date"]) != meeting_date:
        fields["earlier_decisions"] += earlier_decisions(body, warnings)
        return
    if text:
        fields["decision"], fields["decision_heading"] = text, printed


def earlier_decisions(body: list[Line], warnings: list[str]) -> list[dict]:
    """``<Udvalg> den D. måned YYYY[, pkt. N]:`` opens each quoted decision; ``.`` alone means none."""
    if " ".join(line.text for line in body).strip().lower() in NO_EARLIER_DECISIONS:
        return []
    found: list[tuple[dict, list[Line]]] = []
    for line in split_at(paragraphs(body), EARLIER_START):
        match = EARLIER_START.match(line.text)
        if match and len(match["body"].split()) <= EARLIER_BODY_WORDS:
            rest = line.text[match.end():].strip()
            head = {"date": danish_date(match["date"]), "body": match["body"], "line": line.number}
            found.append((head, [replace(line, text=rest, markdown=rest)] if rest else []))
        elif found:
            found[-1][1].append(line)
        else:
            warnings.append(f"line {line.number}: earlier decision without '<udvalg> den <dato>:'; date and body unknown")
            found.append(({"date": None, "body": "", "line": line.number}, [line]))
    decisions = [{"date": head["date"], "body": head["body"], "text": body_markdown(lines), "line": head["line"]}
                 for head, lines in found]
    return kept_with_text(decisions, None, warnings)


def paragraphs(lines: list[Line]) -> list[Line]:
    """Lines joined into their paragraphs (an entry's heading may wrap over lines)."""
    out: list[Line] = []
    for line in lines:
        if out and not line.blank_before and not out[-1].cells and not line.cells:
            out[-1] = replace(out[-1], text=f"{out[-1].text} {line.text}", markdown=f"{out[-1].markdown} {line.markdown}")
        else:
            out.append(line)
    return out


def kept_with_text(decisions: list[dict], line: int | None, warnings: list[str]) -> list[dict]:
    """Earlier decisions that quote a text; one without text is left out with a warning."""
    kept = []
    for decision in decisions:
        where = decision.pop("line", line)
        if re.search(r"[^\W_]", decision["text"]):
            kept.append(decision)
        else:
            warnings.append(f"line {where}: earlier decision of {decision['body'] or 'an unnamed body'} "
                            f"({decision['date']}) quotes no text; left out")
    return kept


def attachment_list(body: list[Line], warnings: list[str]) -> tuple[list[str], str]:
    """Names from ``1. Title (document id - case)`` entries (wrapped entries joined, entries run
    together split by their numbers in order) and the list as printed, one entry a line."""
    text = " ".join(line.text for line in body)
    starts = numbered_entries(text)
    lead = text[:starts[0] if starts else len(text)].strip()
    if lead:
        warnings.append(f"line {body[0].number}: line under Bilag is not a numbered attachment; kept as text")
    entries = [text[a:b].strip() for a, b in zip(starts, starts[1:] + [len(text)])]
    names = [ATTACHMENT_REFERENCE.sub("", re.sub(r"^\d+\.\s*", "", entry)) for entry in entries]
    listed = "\n\n".join(part for part in (lead, "\n".join(entries)) if part)
    return names, listed


def numbered_entries(text: str) -> list[int]:
    """Offsets of ``1.``, ``2.`` … in order, each followed by a capital letter or a digit."""
    starts, number, position = [], 1, 0
    while True:
        match = re.compile(rf"(?<!\S){number}\.\s+(?=[A-ZÆØÅ0-9\"«„])").search(text, position)
        if not match:
            return starts
        starts.append(match.start())
        number, position = number + 1, match.end()


def absent_names(body: list[Line], warnings: list[str]) -> list[str]:
    """Names of ``Fraværende: X (stedfortræder: Y) og Z`` (or ``Afbud: …``) lines in the item."""
    return [name for line in body if (match := ABSENT.match(line.text))
            for name, _ in absentees((match["names"], line.number), warnings)[0]]
