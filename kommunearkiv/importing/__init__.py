"""Raw minutes → the open-data form of a meeting.

A document is read (``sources``), normalised into lines (``normalise``: markup,
page furniture and converter quirks dealt with once), recognised by one format
and parsed by that format's vocabulary. Each format is a package in this
package with the same small interface, listed in ``FORMATS``:

``NAME``            short id of the format, e.g. ``"alleroed"``
``MUNICIPALITY``    the municipality's published name, e.g. ``"Allerød Kommune"``, or None
                    for a publishing system's template used by many municipalities
``KEEP``            optional: a pattern of the format's field lines, never page furniture
``detect(lines)``   True when the normalised lines (``normalise.Line``) are of this format
``parse(lines, path, municipality=None)`` → the open-data form below; ``municipality``
                    is the user's ``--municipality``: a format of one municipality refuses
                    another. Raises ``kommunearkiv.errors.InputError`` naming the file, the
                    line and what was expected when a required part is missing.

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
    substitutes       [{"name", "party" (letter or None), "replaces" (a member's name or None)}]
                      who stood in for a member (stedfortræder, suppleant); not members
    incomplete        None, or {"line": N, "missing": what is missing} when the text stops
                      before the document's end
    source            {"file": file name, "lines": [1, last line], "kind": "text" | "pdf" | "html",
                       "sha256": hex digest of the file's bytes, "url": official address or None}
                      (``provenance``); the lines are those of the text read from the file
                      (``sources``: a PDF's pages separated by a line holding a form feed);
                      items and attachment documents may add "pages": [first, last] beside
                      "lines" when the pages are known
    warnings          [str] "line N: what was surprising" for recoverable oddities
"""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from . import alleroed, firstagenda, gentofte, lyngby
from .normalise import Line, normalise
from .provenance import with_provenance
from .sources import read_source

FORMATS = (alleroed, gentofte, lyngby, firstagenda)


def read_lines(path: Path) -> list[str]:
    """The document's lines (a PDF or HTML page converted to text); a clear error for what cannot be read."""
    return read_source(path).text.split("\n")


def detect_format(lines: list[Line], path: Path):
    """The format module that recognises the document."""
    for module in FORMATS:
        if module.detect(lines):
            return module
    names = ", ".join(m.NAME for m in FORMATS)
    raise InputError.single(str(path), 1, "format", f"minutes in a known format ({names}); none recognised this document")


def parse_document(path: Path, municipality: str | None = None) -> dict:
    """The open-data form of one source document."""
    source = read_source(path)
    module = detect_format(normalise(source.text), path)
    lines = normalise(source.text, keep=getattr(module, "KEEP", None))
    document = complete_items(module.parse(lines, str(path), municipality=municipality))
    document["warnings"] += source.warnings
    return with_provenance(document, source)


EMPTY_ITEM = {"case_number": None, "item_type": None, "sections": [], "decision": None, "decision_heading": None,
              "earlier_decisions": [], "absent": [], "attachments": []}


def complete_items(document: dict) -> dict:
    """Every item with every key of the published form, whatever its format left out.

    A closed item keeps only number, title, access and lines: everything else is
    emptied here too, so no format can leak a closed item's text. An empty
    decision is ``None``; an earlier decision quoted with no text of its own is
    left out with a warning (it holds no fact).
    """
    document.setdefault("substitutes", [])
    document.setdefault("incomplete", None)
    for index, item in enumerate(document["items"]):
        kept = {k: item[k] for k in ("number", "title", "access", "lines")} if item["access"] == "closed" else item
        completed = {**EMPTY_ITEM, **kept}
        completed["decision"] = completed["decision"] or None
        completed["earlier_decisions"] = with_text(completed, document["warnings"])
        document["items"][index] = completed
    return document


def with_text(item: dict, warnings: list[str]) -> list[dict]:
    """The item's earlier decisions that have text; a warning for each one that has none."""
    kept = []
    for decision in item["earlier_decisions"]:
        if (decision.get("text") or "").strip():
            kept.append(decision)
        else:
            warnings.append(f"line {item['lines'][0]}: item {item['number']}: the earlier decision "
                            f"{decision.get('body') or ''} {decision.get('date') or ''} has no text; left out".replace("  ", " "))
    return kept
