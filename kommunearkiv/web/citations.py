"""What a page says about where its text came from (the original document, its SHA-256, the lines and pages cited),
and how to cite the page."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from ..dates import danish_date
from ..labels import KIND_LABELS, SOURCE_KIND_LABELS
from ..locations import relative
from ..model import AgendaItem, Committee, Meeting, Municipality, Source
from ..paths import original_path


@dataclass(frozen=True)
class Citation:
    """``link``: the official address when known, else the archive's copy (relative to the page, at the lines
    cited), else None; ``copy``: the archive's copy besides an official address; ``where``: the lines (and pages)
    cited, in Danish."""

    name: str
    link: str | None
    copy: str | None
    kind: str | None
    where: str
    sha256: str | None


def citation(meeting: Meeting, source: Source | None, page_file: str) -> Citation | None:
    """How a page of ``meeting`` cites ``source`` (None: it cites nothing); ``page_file`` is the page's address from the
    site root (``a/b/`` for ``a/b/index.html``)."""
    if source is None:
        return None
    original = meeting.original
    copy = original_path(meeting)
    kind = original.kind if original else None
    copy = relative(copy, page_file) + fragment(source, kind) if copy else None
    url = original.url if original else None
    return Citation(name=source.file, link=url or copy, copy=copy if url else None,
                    kind=SOURCE_KIND_LABELS.get(kind), where=place(source, kind), sha256=original.sha256 if original else None)


def fragment(source: Source, kind: str | None) -> str:
    """Where in the archive's copy the cited text starts: the lines of a text file (RFC 5147: ``#line=28,51`` is
    lines 29–51), the first page of a PDF (RFC 8118); nothing for an HTML document, whose lines are of its text."""
    if kind == "text":
        return f"#line={source.first_line - 1},{source.last_line}"
    return f"#page={source.first_page}" if kind == "pdf" and source.first_page else ""


def place(source: Source, kind: str | None) -> str:
    """``linje 10–40``; of a PDF or HTML document, its pages first when known and the lines of its text as read."""
    lines = span("linje", source.first_line, source.last_line)
    if kind in (None, "text"):
        return lines
    pages = span("side", source.first_page, source.last_page) + ", " if source.first_page else ""
    return f"{pages}{lines} i teksten læst ud af dokumentet"


def span(noun: str, first: int | None, last: int | None) -> str:
    return f"{noun} {first}" if first == last else f"{noun} {first}–{last}"


def published() -> dt.date | None:
    """The day the site was published, when the build is told (``SOURCE_DATE_EPOCH``, the reproducible-builds
    convention): a build never stamps the time it ran, so that the same content gives the same pages."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch.isdigit() else None


def page_citation(municipality: Municipality, committee: Committee, meeting: Meeting, address: str,
                  item: AgendaItem | None = None) -> tuple[list[tuple[str, str | None]], str]:
    """How to cite a meeting (or one of its items): the facts, as ``(term, value)``, and the citation as one text.
    A closed item is cited by number and title only."""
    kind = KIND_LABELS.get(meeting.kind, meeting.kind)
    case_number = item.case_number if item and not item.is_closed else None
    day = published()
    facts = [("Kommune", municipality.name), ("Udvalg", committee.name), ("Dokument", kind),
             ("Dato", danish_date(meeting.date))]
    if item:
        facts += [("Punkt", str(item.number)), ("Titel", item.title), ("Sagsnr.", case_number)]
    facts += [("Udgivet i arkivet", danish_date(day) if day else None), ("Adresse", address)]
    cited = f", punkt {item.number}: {item.title}" if item else ""
    number = f" (sagsnr. {case_number})" if case_number else ""
    edition = f", udgivet {danish_date(day)}" if day else ""
    text = (f"{municipality.name}, {committee.name}: {kind} af mødet {danish_date(meeting.date)}{cited}{number}. "
            f"Kommunearkiv{edition}. {address}")
    return facts, text
