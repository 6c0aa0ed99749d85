"""Allerød Kommune minutes (referat; also the agenda, dagsorden) as printed 2010-2017.

Layout: ``ALLERØD KOMMUNE``, the committee, ``Møde nr.``, ``Mødet blev holdt <ugedag> den
<d. måned åååå> på <sted>.``, times, ``Medlemmer:`` and ``Afbud:``, a table of contents;
then per item the committee in capitals (misspelled at times; in 2010-13 under a page
header ``<Udvalg> <ugedag> den <dato>``), ``N. Title``, ``Sagsnr.:`` and the fields (see
``fields``); ``Signeret af:``; then the attachments, ``Bilag: N.M. Title``.

The document is read as one text (``stream``) by its vocabulary, so bold or not, HTML
or Markdown, wrapping, page furniture and one line per page do not change the facts.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

from ...errors import InputError
from ..normalise import Line, split_at
from .agenda import UPPER_RUN, contents, headings, running_header
from .appendix import SIGNED, attachment_starts, attachments, signatures
from .decisions import decision_at, key
from .header import HELD, MUNICIPALITY, MUNICIPALITY_LINE, parse_header, period
from .items import parse_item
from .stream import Stream
from .substitutes import substitutes

NAME = "alleroed"
DETECT_REACH = 4000
SPLIT = re.compile(r"(?<![\w/])(?:Punkttype|Sagsbeskrivelse|Administrationens\s+forslag|Afledte\s+konsekvenser"
                   r"|Økonomi\s+og\s+finansiering|Dialog\s*/\s*høring|Fraværende|Beslutning|Sagsnr\.|Signeret af"
                   r"|Bilag\s*:\s*\d+\.\d+)(?![\w/])")


def detect(lines: list[Line]) -> bool:
    """``Allerød Kommune`` and then ``Mødet blev holdt``/``Mødet holdes`` near the top."""
    text = " ".join(line.text for line in lines[:200])[:DETECT_REACH]
    municipality = MUNICIPALITY_LINE.search(text)
    return bool(municipality and HELD.search(text, municipality.end()))


def parse(lines: list[Line], path: str, municipality: str | None = None) -> dict:
    if municipality and key(municipality) != key(MUNICIPALITY):
        raise InputError.single(path, 1, "municipality",
                                f"{MUNICIPALITY} (this layout is Allerød's), found --municipality {municipality!r}")
    warnings: list[str] = []
    stream = Stream.of(without_page_headers(split_at(lines, SPLIT)))
    held = HELD.search(stream.text)
    entries, toc_start, toc_end = contents(stream, held.end() if held else 0)
    found = headings(stream, toc_end, entries, warnings)
    if not found:
        raise InputError.single(path, stream.number(len(stream.text) - 1), "items",
                                "agenda items headed 'N. Title' and 'Sagsnr.', none found")
    meeting = parse_header(stream, toc_start if entries else found[0].start, path, warnings)
    meeting["committee"] = meeting["committee"] or committee_elsewhere(stream, toc_end, meeting, path, warnings)
    tail = after_items(stream, found[-1].after)
    ends = [h.start for h in found[1:]] + [tail]
    items = [parse_item(stream, heading, end, meeting, warnings) for heading, end in zip(found, ends)]
    signed = SIGNED.search(stream.text, found[-1].after)
    first_attachment = attachment_starts(stream, tail)
    closed = {item["number"] for item in items if item["access"] == "closed"}
    return {
        "format": NAME, "municipality": MUNICIPALITY, **meeting, "period": period(meeting["committee"]),
        "signed_by": signatures(stream, signed.end(), first_attachment[0] if first_attachment else len(stream.text))
        if signed else [],
        "items": items,
        "substitutes": substitutes([stream.text[:toc_start or found[0].start]] + [i.get("decision") or "" for i in items]),
        "attachment_documents": attachments(stream, first_attachment, closed, warnings),
        "incomplete": incomplete(stream, entries, items, warnings),
        "source": {"file": Path(path).name, "lines": [1, lines[-1].number if lines else 1]},
        "warnings": warnings,
    }


def without_page_headers(lines: list[Line]) -> list[Line]:
    """Lines without the 2010-13 page header (``Økonomiudvalget tirsdag den 15. marts 2011``
    and the capitals under it) where a page starts with it; its first copy is kept."""
    out, seen = [], False
    for line in lines:
        header = running_header(line.text)
        if header and seen:
            rest = line.text[header.end():].strip()
            if rest:
                out.append(replace(line, text=rest, markdown=rest))
            continue
        seen = seen or bool(header)
        out.append(line)
    return out


def after_items(stream: Stream, last_heading: int) -> int:
    """Where the last item ends: at the signatures or the first appended attachment."""
    ends = [m.start() for m in (SIGNED.search(stream.text, last_heading),) if m]
    ends += attachment_starts(stream, last_heading)[:1]
    return min(ends + [len(stream.text)])


def committee_elsewhere(stream: Stream, start: int, meeting: dict, path: str, warnings: list[str]) -> str:
    """The committee when the header leaves it out: from the page header, else from this
    meeting's decision headings, else from the capitals above the items."""
    for line in stream.lines:
        header = running_header(line.text)
        if header:
            return " ".join(header["committee"].split())
    bodies = Counter()
    for match in re.finditer(r"\bBeslutning\b", stream.text[start:]):
        decision = decision_at(stream, start + match.start(), min(len(stream.text), start + match.end() + 600), None)
        if decision and decision.date == meeting["date"]:
            bodies[decision.body] += 1
    if bodies:
        return bodies.most_common(1)[0][0]
    capitals = UPPER_RUN.search(stream.text, start)
    if capitals and len(capitals.group()) > 5:
        warnings.append(f"line {stream.number(capitals.start())}: committee taken from the capitals above the items")
        return capitals.group().capitalize()
    raise InputError.single(path, 1, "committee", "the committee's name after 'ALLERØD KOMMUNE' or above the items")


def incomplete(stream: Stream, entries: list, items: list[dict], warnings: list[str]) -> dict | None:
    """The items of the contents the text never reaches: the text stops mid-document."""
    missing = entries[len(items):]
    if not missing:
        return None
    line = stream.lines[-1].number
    what = "items " + ", ".join(f"{entry.number} ({entry.title})" for entry in missing)
    warnings.append(f"line {line}: the text ends here; {what} of the table of contents are missing")
    return {"line": line, "missing": what}
