"""Raw minutes → the open-data form of a meeting.

Each municipal format is one module in this package with the same small
interface, listed in ``FORMATS``:

``NAME``            short id of the format, e.g. ``"alleroed"``
``MUNICIPALITY``    the municipality's published name, e.g. ``"Allerød Kommune"``
``detect(lines)``   True when the document (a list of lines, no newlines) is of this format
``parse(lines, path)`` → the open-data form below; raises
                    ``kommunearkiv.errors.InputError`` naming the file, the line and what
                    was expected when a required part is missing.

The open-data form (a plain dict, JSON-ready; also what ``import --dry-run --json``
prints, so the key names are a published interface):

    format            the format NAME
    municipality      "Allerød Kommune"
    committee         committee name as published, election period included
                      ("Erhvervs- og Beskæftigelsesudvalget 2014-2017")
    period            election period "2014-2017" or None
    document_kind     "dagsorden" | "referat" | "protokol"
    date              "YYYY-MM-DD"
    start, end        "HH:MM" or None
    location          str or None
    meeting_number    str or None (as printed, e.g. "13-05-2015")
    members           [{"name", "party" (letter or None), "role" ("Formand",
                       "Næstformand", "Medlem" …; "Medlem" when none is given)}]
                      every committee member the document lists, present or absent
    absent            [names] members absent from the meeting (subset of members' names)
    other_attendees   [str] as printed ("Direktør Bjarne Holm Markussen")
    signed_by         [names]
    items             [{
        number        int
        title         str
        case_number   str or None ("15/839", "EMN-2019-00607")
        access        "open" | "closed"
        item_type     str or None ("Beslutning", "Orientering" …)
        sections      [{"heading": original heading, "text": Markdown}] in source order,
                      excluding the decision and the earlier decisions
        decision      Markdown text of this meeting's decision, or None
        decision_heading  the heading it stood under, as printed (joined to one line)
        earlier_decisions [{"date": "YYYY-MM-DD" or None, "body": who decided, "text": Markdown}]
        absent        [names] members absent for this item
        attachments   [names] as listed under the item's Bilag
        lines         [first, last] 1-based line range in the source
      }]                closed items: number, title, access, lines only; every other
                        field empty (no text of a closed item leaves the parser)
    attachment_documents [{
        label         "3.1" (item number . ordinal) or the label the format prints
        title         str
        item          int or None (the agenda item it belongs to)
        reference     str or None (Bilagsnr., Dokument ID …)
        text          Markdown, the full text
        lines         [first, last]
      }]
    source            {"file": file name, "lines": [1, last line], "kind": "pdf" | "html" | "text",
                       "sha256": of the file's bytes}; the lines are those of the text read from the
                       file (a PDF's pages separated by a line holding a form feed)
    warnings          [str] "line N: what was surprising" for recoverable oddities
"""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from . import alleroed, gentofte, lyngby
from .sources import read_source

FORMATS = (alleroed, gentofte, lyngby)


def read_lines(path: Path) -> list[str]:
    """The document's lines (a PDF or HTML page converted to text); a clear error for what cannot be read."""
    return read_source(path).text.split("\n")


def detect_format(lines: list[str], path: Path):
    """The format module that recognises the document."""
    for module in FORMATS:
        if module.detect(lines):
            return module
    names = ", ".join(m.NAME for m in FORMATS)
    raise InputError.single(str(path), 1, "format", f"minutes in a known format ({names}); none recognised this document")


def parse_document(path: Path) -> dict:
    """The open-data form of one source document."""
    source = read_source(path)
    lines = source.text.split("\n")
    document = complete_items(detect_format(lines, path).parse(lines, str(path)))
    document["source"].update(kind=source.kind, sha256=source.sha256)
    document["warnings"] += source.warnings
    return document


EMPTY_ITEM = {"case_number": None, "item_type": None, "sections": [], "decision": None, "decision_heading": None,
              "earlier_decisions": [], "absent": [], "attachments": []}


def complete_items(document: dict) -> dict:
    """Every item with every key of the published form, whatever its format left out.

    A closed item keeps only number, title, access and lines: everything else is
    emptied here too, so no format can leak a closed item's text. An empty
    decision is ``None``.
    """
    for index, item in enumerate(document["items"]):
        kept = {k: item[k] for k in ("number", "title", "access", "lines")} if item["access"] == "closed" else item
        completed = {**EMPTY_ITEM, **kept}
        completed["decision"] = completed["decision"] or None
        document["items"][index] = completed
    return document
