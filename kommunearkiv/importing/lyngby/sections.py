"""Lyngby-Taarbæk item bodies: section headings, this meeting's decision, earlier decisions.

Headings are short lines from a known set (also misspelled, wrapped over two
lines or glued to the following text) or, generally, a short capitalised line
without final punctuation that stands alone between blank lines and is followed
by a paragraph. A decision heading is "<Body> den <D. month YYYY>": the
meeting's own date marks this meeting's decision, an earlier date an earlier
decision. Inside a decision only known or decision headings end it, so a short
decision ("Godkendt") is never taken for a heading.
"""
from __future__ import annotations

import difflib
import re

from ..cleaning import danish_month_number
from .text import clean, markdown, norm, is_blank

KNOWN_HEADINGS = {
    "sagsfremstilling", "supplerende sagsfremstilling", "sagsbeskrivelse", "resumé", "resume", "baggrund",
    "oplæg", "økonomiske konsekvenser", "økonomi", "bevillingsmæssige konsekvenser", "personalemæssige konsekvenser",
    "beslutningskompetence", "indstilling", "tillægsindstilling", "supplerende indstilling", "høring", "høringssvar",
    "kommunikation", "tidsplan", "videre proces", "lovgrundlag", "retsgrundlag", "miljøvurdering", "vurdering",
    "forvaltningens vurdering", "forvaltningens bemærkninger", "supplerende oplysninger", "borgerinddragelse",
    "sagens baggrund", "formål", "beslutning", "orientering", "drøftelse",
}
DECISION = re.compile(
    r"^(?:beslutning i\s+)?(?P<body>\S.{1,80}?)\s+den\s+(?:(?P<day>\d{1,2})\.\s*(?P<month>[a-zæøå]+)\s+(?P<year>\d{4})"
    r"|(?P<nday>\d{1,2})[-.](?P<nmonth>\d{1,2})[-.](?P<nyear>\d{4}))\s*:?$", re.IGNORECASE)
DECIDING_BODY = re.compile(r"udvalg|bestyrelse|råd|borgmester|magistrat|direktion", re.IGNORECASE)
HEADING_END_WORDS = {"at", "og", "i", "om", "af", "til", "for", "med", "der", "som", "eller", "på", "ved", "fra", "en", "et"}
MAX_HEADING_CHARS = 100
MAX_HEADING_WORDS = 14


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def known_heading(text: str) -> bool:
    """A known heading, exactly or misspelled by a letter or two."""
    key = norm(text).rstrip(":")
    return key in KNOWN_HEADINGS or len(key) >= 8 and any(similar(key, known) >= 0.88 for known in KNOWN_HEADINGS)


def decision_heading(text: str, committee: str) -> tuple[str, str] | None:
    """(body, "YYYY-MM-DD") when the line is "<Body> den <date>"."""
    match = DECISION.match(clean(text).replace("*", ""))
    if not match:
        return None
    body = match["body"].strip()
    if norm(body) != norm(committee) and not DECIDING_BODY.search(body) or len(body.split()) > 8:
        return None
    if match["day"]:
        month = danish_month_number(match["month"])
        if month is None:
            return None
        day, year = int(match["day"]), int(match["year"])
    else:
        day, month, year = int(match["nday"]), int(match["nmonth"]), int(match["nyear"])
    return body, f"{year:04d}-{month:02d}-{day:02d}"


def glued_heading(text: str) -> tuple[str, str] | None:
    """("Indstilling", "Forvaltningen …") when a known heading is glued to the next sentence."""
    for known in sorted(KNOWN_HEADINGS, key=len, reverse=True):
        if text.lower().startswith(known) and len(text) > len(known) and text[len(known)].isupper():
            return text[:len(known)], text[len(known):]
    return None


def general_heading(lines: list[str], i: int, start: int, end: int) -> bool:
    """A short capitalised line alone between blank lines, followed by a paragraph."""
    text = lines[i].strip()
    words = text.split()
    if ("\t" in lines[i] or len(text) > MAX_HEADING_CHARS or len(words) > MAX_HEADING_WORDS
            or text[-1] in ".,;:!?" or text.startswith(("-", "*", "|", "•", "(", '"'))
            or words[-1].lower() in HEADING_END_WORDS or "," in text):
        return False
    first = re.sub(r"^\d+\.\s+", "", text)
    if not first or not first[0].isupper() or i > start and not is_blank(lines[i - 1]):
        return False
    if i + 1 > end or not is_blank(lines[i + 1]):
        return False
    following = next((lines[j].strip() for j in range(i + 1, end + 1) if not is_blank(lines[j])), "")
    return bool(following) and (following[0].isupper() or following[0].isdigit() or following.startswith(("-", "*")))


def heading_at(lines: list[str], i: int, start: int, end: int, committee: str, in_decision: bool):
    """(kind, heading, extra, lines used, rest of a glued line) for a heading at ``lines[i]``, else None."""
    text = lines[i].strip()
    two = f"{text} {lines[i + 1].strip()}" if i + 1 <= end and not is_blank(lines[i + 1]) else None
    for candidate, used in ((text, 1), (two, 2)):
        if candidate and decision_heading(candidate, committee):
            return "decision", clean(candidate), decision_heading(candidate, committee), used, None
    if known_heading(text) and len(text) < 60:
        return "section", clean(text), None, 1, None
    if two and len(two) < 60 and norm(two) in KNOWN_HEADINGS:
        return "section", clean(two), None, 2, None
    glued = glued_heading(text)
    if glued:
        return "section", glued[0], None, 1, glued[1]
    if not in_decision and general_heading(lines, i, start, end):
        return "section", clean(text), None, 1, None
    return None


def split_blocks(lines: list[str], start: int, end: int, committee: str) -> list[dict]:
    """Consecutive blocks {"kind", "heading", "decided", "lines"} of an item's body."""
    blocks = [{"kind": "section", "heading": "", "decided": None, "lines": []}]
    i = start
    while i <= end:
        found = None if is_blank(lines[i]) else heading_at(lines, i, start, end, committee,
                                                           blocks[-1]["kind"] == "decision")
        if found:
            kind, heading, decided, used, rest = found
            blocks.append({"kind": kind, "heading": heading, "decided": decided,
                           "lines": [rest] if rest else []})
            i += used
            continue
        blocks[-1]["lines"].append(lines[i])
        i += 1
    if not any(line.strip() for line in blocks[0]["lines"]):
        blocks.pop(0)
    return blocks


def parse_body(lines: list[str], start: int, end: int, header: dict, warnings: list[str]) -> dict:
    """Sections, this meeting's decision and earlier decisions of one item's text lines."""
    result = {"sections": [], "decision": None, "decision_heading": None, "earlier_decisions": []}
    for block in split_blocks(lines, start, end, header["committee"]):
        text = markdown(block["lines"])
        if block["kind"] == "section":
            result["sections"].append({"heading": block["heading"], "text": text})
            continue
        body, date = block["decided"]
        if date == header["date"] and result["decision"] is None:
            result["decision"], result["decision_heading"] = text, block["heading"]
        elif date == header["date"]:
            warnings.append(f"line {start + 1}: a second decision under {block['heading']!r} joined to the first")
            result["decision"] = f"{result['decision']}\n\n{text}".strip()
        else:
            if date > header["date"]:
                warnings.append(f"line {start + 1}: decision dated after the meeting kept as an earlier decision: "
                                f"{block['heading']!r}")
            result["earlier_decisions"].append({"date": date, "body": body, "text": text})
    return result
