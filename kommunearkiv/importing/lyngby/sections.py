"""Lyngby-Taarbæk item bodies: section headings, this meeting's decision, earlier decisions.

Headings are short lines from a known set (also misspelled, wrapped over two
lines or glued to the following text) or, generally, a short capitalised line
that stands alone as a paragraph and is followed by one. A decision heading is
"<Body> den <D. month YYYY>" ("<Udvalg>s beslutning den …" in 2011-12): the
meeting's own date marks this meeting's decision, another date an earlier
decision. Inside a decision only known or decision headings end it, so a short
decision ("Godkendt") is never taken for a heading.
"""
from __future__ import annotations

import difflib
import re

from ..normalise import Line, body_markdown
from ..phrases import danish_date
from .vocabulary import decision_of

KNOWN_HEADINGS = {
    "sagsfremstilling", "supplerende sagsfremstilling", "sagsbeskrivelse", "resumé", "resume", "baggrund",
    "oplæg", "økonomiske konsekvenser", "økonomi", "bevillingsmæssige konsekvenser", "personalemæssige konsekvenser",
    "beslutningskompetence", "indstilling", "tillægsindstilling", "supplerende indstilling", "høring", "høringssvar",
    "kommunikation", "tidsplan", "videre proces", "lovgrundlag", "retsgrundlag", "miljøvurdering", "vurdering",
    "forvaltningens vurdering", "forvaltningens bemærkninger", "supplerende oplysninger", "borgerinddragelse",
    "sagens baggrund", "formål", "beslutning", "orientering", "drøftelse",
}
HEADING_END_WORDS = {"at", "og", "i", "om", "af", "til", "for", "med", "der", "som", "eller", "på", "ved", "fra", "en", "et"}
MAX_HEADING_CHARS = 100
MAX_HEADING_WORDS = 14
MIN_MISSPELT, MAX_MISSPELT = 8, 40


def norm(text: str) -> str:
    return " ".join(text.split()).lower()


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def known_heading(text: str) -> bool:
    """A known heading, exactly or misspelled by a letter or two."""
    key = norm(text).rstrip(":")
    if key in KNOWN_HEADINGS:
        return True
    return MIN_MISSPELT <= len(key) <= MAX_MISSPELT and any(similar(key, known) >= 0.88 for known in KNOWN_HEADINGS)


def decided(text: str) -> tuple[str, str] | None:
    """(deciding body, "YYYY-MM-DD") when the line is a decision heading."""
    found = decision_of(text)
    date = danish_date(found[1]) if found else None
    return (found[0], date) if date else None


def glued_heading(text: str) -> tuple[str, str] | None:
    """("Indstilling", "Forvaltningen …") when a known heading is glued to the next sentence."""
    for known in sorted(KNOWN_HEADINGS, key=len, reverse=True):
        if text.lower().startswith(known) and len(text) > len(known) and text[len(known)].isupper():
            return text[:len(known)], text[len(known):]
    return None


def general_heading(lines: list[Line], i: int) -> bool:
    """A short capitalised line standing alone as a paragraph, followed by a paragraph."""
    text, words = lines[i].text, lines[i].text.split()
    if (lines[i].cells or len(text) > MAX_HEADING_CHARS or len(words) > MAX_HEADING_WORDS
            or text[-1] in ".,;:!?" or text.startswith(("-", "*", "|", "•", "(", '"'))
            or words[-1].lower() in HEADING_END_WORDS or "," in text):
        return False
    first = re.sub(r"^\d+\.\s+", "", text)
    if not first or not first[0].isupper() or i > 0 and not lines[i].blank_before:
        return False
    if i + 1 >= len(lines) or not lines[i + 1].blank_before:
        return False
    following = lines[i + 1].text
    return following[0].isupper() or following[0].isdigit() or following.startswith(("-", "*"))


def heading_at(lines: list[Line], i: int, in_decision: bool):
    """(kind, heading, decided, lines used, rest of a glued line) for a heading at ``lines[i]``, else None."""
    text = lines[i].text
    two = f"{text} {lines[i + 1].text}" if i + 1 < len(lines) and not lines[i + 1].blank_before else None
    for candidate, used in ((text, 1), (two, 2)):
        if candidate and decided(candidate):
            return "decision", candidate, decided(candidate), used, None
    if known_heading(text) and len(text) < 60:
        return "section", text.rstrip(":"), None, 1, None
    if two and len(two) < 60 and norm(two) in KNOWN_HEADINGS:
        return "section", two, None, 2, None
    glued = glued_heading(text)
    if glued:
        return "section", glued[0], None, 1, glued[1]
    if not in_decision and general_heading(lines, i):
        return "section", text, None, 1, None
    return None


def split_blocks(lines: list[Line]) -> list[dict]:
    """Consecutive blocks {"kind", "heading", "decided", "lines"} of an item's body."""
    blocks = [{"kind": "section", "heading": "", "decided": None, "lines": [], "at": None}]
    i = 0
    while i < len(lines):
        found = heading_at(lines, i, blocks[-1]["kind"] == "decision")
        if found:
            kind, heading, when, used, rest = found
            glued = [Line(lines[i].number, rest, rest, page=lines[i].page)] if rest else []
            blocks.append({"kind": kind, "heading": heading, "decided": when, "lines": glued, "at": lines[i].number})
            i += used
            continue
        blocks[-1]["lines"].append(lines[i])
        i += 1
    if not blocks[0]["lines"]:
        blocks.pop(0)
    return blocks


def parse_body(lines: list[Line], date: str, warnings: list[str]) -> dict:
    """Sections, this meeting's decision and earlier decisions of one item's text lines."""
    result = {"sections": [], "decision": None, "decision_heading": None, "earlier_decisions": []}
    for block in split_blocks(lines):
        text = body_markdown(block["lines"])
        if block["kind"] == "section":
            result["sections"].append({"heading": block["heading"], "text": text})
            continue
        body, when = block["decided"]
        where = block["at"]
        if when == date and result["decision"] is None:
            result["decision"], result["decision_heading"] = text or None, block["heading"]
        elif when == date:
            warnings.append(f"line {where}: a second decision under {block['heading']!r} joined to the first")
            result["decision"] = f"{result['decision'] or ''}\n\n{text}".strip() or None
        elif not text:
            warnings.append(f"line {where}: an earlier decision without text left out: {block['heading']!r}")
        else:
            if when > date:
                warnings.append(f"line {where}: decision dated after the meeting kept as an earlier decision: "
                                f"{block['heading']!r}")
            result["earlier_decisions"].append({"date": when, "body": body, "text": text})
    return result
