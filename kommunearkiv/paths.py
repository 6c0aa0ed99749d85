"""Where each thing of the archive lives in the site, relative to the site root.

One scheme for pages, search results, feeds and the sitemap. Paths end in
``/`` (a folder with an ``index.html``) so that they are readable and work on
any static server; ``file://`` users follow the ``index.html`` links the
frozen pages carry.
"""
from __future__ import annotations

from .model import AgendaItem, AttachmentDocument, Case, Committee, Meeting, Municipality, Person

# The original document beside its meeting page, by kind; an HTML document is published as text, so that a
# page someone else wrote never runs inside the archive's site.
ORIGINALS = {"text": "original.txt", "pdf": "original.pdf", "html": "original-html.txt"}
CASES = "sager"
PERSONS = "personer"
ATTACHMENTS = "bilag"
RESERVED_COMMITTEE_IDS = (CASES, PERSONS)
# The site's own folders at its root (data files, search page and index, theme files): no municipality's.
RESERVED_MUNICIPALITY_IDS = ("data", "search", "static")


def municipality_path(m: Municipality) -> str:
    return f"{m.id}/"


def committee_path(c: Committee) -> str:
    return f"{c.municipality}/{c.id}/"


def meeting_path(m: Meeting) -> str:
    return f"{m.municipality}/{m.committee}/{m.id}/"


def original_path(m: Meeting) -> str | None:
    """The published copy of the meeting's original document, when its content keeps one."""
    if m.original is None or m.original.copy is None:
        return None
    return f"{meeting_path(m)}{ORIGINALS[m.original.kind]}"


def item_path(i: AgendaItem) -> str:
    """The item's own page (a citable permalink); the meeting page also has ``#punkt-N``."""
    return f"{meeting_path(i.meeting)}{i.anchor}/"


def item_anchor_path(i: AgendaItem) -> str:
    return f"{meeting_path(i.meeting)}#{i.anchor}"


def attachment_path(a: AttachmentDocument) -> str:
    return f"{meeting_path(a.meeting)}{ATTACHMENTS}/{a.slug}/"


def case_path(c: Case) -> str:
    return f"{c.municipality}/{CASES}/{c.id}/"


def person_path(p: Person) -> str:
    return f"{p.municipality}/{PERSONS}/{p.id}/"
