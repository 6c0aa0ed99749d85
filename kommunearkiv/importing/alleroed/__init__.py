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
from pathlib import Path

from ...errors import InputError
from ..normalise import Line, split_at
from .agenda import CASE, contents, headings, numbered_heading
from .appendix import SIGNED, attachment_starts, attachments, signatures
from .committee import committee_elsewhere, without_page_headers
from .decisions import key
from .fields import FIELD
from .header import HELD, MUNICIPALITY, MUNICIPALITY_LINE, held_sentence, parse_header, period
from .items import parse_item
from .stream import Stream
from .substitutes import substitutes

NAME = "alleroed"
# lines that are fields of this layout, never page furniture (``normalise(text, keep=KEEP)``):
# 2010-13 prints each item on its own page, so ``Fraværende <name>`` ends most pages
KEEP = re.compile(rf"{FIELD.pattern}|den\s+\d{{1,2}}\s*-\s*\d")
DETECT_REACH = 4000
SPLIT = re.compile(r"(?<![^\W\d_])(?<!/)(?:Punkttype|Sagsbeskrivelse|Administrationens\s+forslag|Afledte\s+konsekvenser"
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
    first = Stream.of(split_at(lines, SPLIT))
    header_end = end_of_header(first)
    meeting = parse_header(first, header_end, path, warnings)
    meeting["committee"] = meeting["committee"] or committee_elsewhere(first, header_end, meeting["date"], path,
                                                                       warnings)
    stream = Stream.of(without_page_headers(first, meeting["committee"], meeting["date"]))
    entries, toc_start, toc_end = contents(stream, held_sentence(stream.text).end())
    found = headings(stream, toc_end, after_items(stream, toc_end), entries, warnings)
    if not found:
        raise InputError.single(path, stream.number(len(stream.text) - 1), "items",
                                "agenda items headed 'N. Title' and 'Sagsnr.', none found")
    tail = after_items(stream, found[-1].after)
    ends = [h.start for h in found[1:]] + [tail]
    items = [parse_item(stream, heading, end, meeting, warnings) for heading, end in zip(found, ends)]
    signed = SIGNED.match(stream.text, tail)
    first_attachment = attachment_starts(stream, tail)
    closed = {item["number"] for item in items if item["access"] == "closed"}
    return {
        "format": NAME, "municipality": MUNICIPALITY, **meeting, "period": period(meeting["committee"]),
        "signed_by": signatures(stream, signed.end(), first_attachment[0] if first_attachment else len(stream.text))
        if signed else [],
        "items": items,
        "substitutes": substitutes([stream.text[:toc_start if entries else found[0].start]]
                                   + [item.get("decision") or "" for item in items]),
        "attachment_documents": attachments(stream, first_attachment, closed, warnings),
        "incomplete": incomplete(stream, entries, items, warnings),
        "source": {"file": Path(path).name, "lines": [1, lines[-1].number if lines else 1]},
        "warnings": warnings,
    }


def end_of_header(stream: Stream) -> int:
    """Where the header ends: at the contents, else at the first item."""
    held = held_sentence(stream.text)
    if held is None:
        return len(stream.text)
    entries, toc_start, _ = contents(stream, held.end())
    first = numbered_heading(stream, held.end(), 1, None)
    case = CASE.search(stream.text, held.end())
    return toc_start if entries else first.start if first else case.start() if case else len(stream.text)


def after_items(stream: Stream, last_heading: int) -> int:
    """Where the last item ends: at the signatures or the first appended attachment."""
    ends = [m.start() for m in (SIGNED.search(stream.text, last_heading),) if m]
    ends += attachment_starts(stream, last_heading)[:1]
    return min(ends + [len(stream.text)])


def incomplete(stream: Stream, entries: list, items: list[dict], warnings: list[str]) -> dict | None:
    """The items of the contents the text never reaches: the text stops mid-document."""
    missing = entries[items[-1]["number"]:] if items else entries
    if not missing:
        return None
    line = stream.lines[-1].number
    what = "items " + ", ".join(f"{entry.number} ({entry.title})" for entry in missing)
    warnings.append(f"line {line}: the text ends here; {what} of the table of contents are missing")
    return {"line": line, "missing": what}
