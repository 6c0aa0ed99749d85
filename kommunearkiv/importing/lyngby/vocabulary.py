"""The words of Lyngby-Taarbæk minutes, and cutting normalised lines where they start a field.

Every layout is read through these words, whatever the converter did to the
lines: a heading glued to its text ("Sagsfremstilling Center for …"), a page
flattened to one line, a decision heading run into the sentence before it.
A word that also occurs in prose ("Indstilling til Ældrerådet …") starts a
field only where the format puts one: after a sentence end or at a line start,
and followed by a capitalised word, a number or the line end.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..cleaning import DANISH_MONTH_NAMES
from ..normalise import Line, split_at

MONTH = "|".join(DANISH_MONTH_NAMES)
LONG_DATE = rf"\d{{1,2}}\.\s*(?:{MONTH})\s+\d{{4}}"
SHORT_DATE = r"\d{1,2}[-.]\d{1,2}[-.]\d{4}"
WEEKDAY = r"(?:man|tirs|ons|tors|fre|lør|søn)dag"
CLOCK = r"kl\.\s*\d{1,2}[:.]\d{2}(?:\s*[-–]\s*(?:kl\.\s*)?\d{1,2}[:.]\d{2})?"
WHEN = rf"(?:{WEEKDAY}\s+)?(?:den\s+)?(?:{LONG_DATE}|{SHORT_DATE})\s+{CLOCK}"
KIND_WHEN = re.compile(rf"\b(?P<kind>Protokol|Referat|Dagsorden)\b\s+(?P<when>{WHEN}|{CLOCK})", re.I)
HELD = re.compile(rf"(?P<when>{WHEN})\s+afholdt\s+(?P<committee>\S.{{2,90}}?)\s+møde\s+i\s+(?P<place>[^.]{{2,80}}?)\.(?=\s|$)")
RUNNING_HEADER = r"{committee}\s+den\s+(?:\d{{1,2}}\.\d{{1,2}}\.\d{{4}})?\s*,\s*s\.\s*\d+"
MUNICIPALITY_LINE = re.compile(r"\bLYNGBY-TAARBÆK KOMMUNE\b", re.I)

TOC_HEADING = re.compile(r"^(?:indholdsfortegnelse)$", re.I)
TOC_COLUMNS = re.compile(r"^(?:Pkt\.?\s+Tekst\s+Side|Sag\s*nr\.?:?\s+Side:?)$", re.I)
TOC_SECTION = re.compile(r"^(?P<access>Åbent|Lukket)\s+møde$", re.I)
ACCESS_MARK = re.compile(r"^(?P<access>Åbent|Lukket)\s+punkt$", re.I)
ITEM_TYPE = re.compile(r"\s*\((?P<type>Beslutning|Orientering|Drøftelse|Godkendelse|Høring|Debat)\)\.?\s*$", re.I)
CLOSED = re.compile(r"^\s*lukket\s+(?:sag|punkt)\s*[.:-]?\s*|\s*[-–]?\s*\(\s*lukket\s*\)\s*$", re.I)

FIELDS = (
    "Sagsfremstilling", "Supplerende sagsfremstilling", "Resumé", "Baggrund", "Oplæg",
    "Økonomiske konsekvenser", "Bevillingsmæssige konsekvenser", "Personalemæssige konsekvenser",
    "Beslutningskompetence", "Indstilling", "Tillægsindstilling", "Supplerende indstilling",
    "Høring", "Kommunikation", "Tidsplan", "Videre proces", "Lovgrundlag", "Retsgrundlag", "Vurdering",
    "Bilagsfortegnelse",
)
FIELD_WORDS = "|".join(sorted(FIELDS, key=len, reverse=True))
BOUNDARY = r"(?:^|(?<=[.:!?;)»\"”]\s)|(?<=\d\s))"
FIELD_START = re.compile(rf"{BOUNDARY}(?:{FIELD_WORDS})(?=\s+[A-ZÆØÅ0-9\-–•(\"]|\s*$)")
FIELD_ALONE = re.compile(rf"^(?:{FIELD_WORDS})\s*:?", re.I)
DECIDING_WORD = r"[\w-]*(?:udvalg|råd|bestyrelse|magistrat|borgmester|direktion|nævn)\w*?"
BODY = rf"(?:[A-ZÆØÅ][\w-]*,?\s+(?:og\s+|-\s+)?){{0,6}}{DECIDING_WORD}(?:\s+\d{{4}}-\d{{4}})?"
DECISION = re.compile(
    rf"{BOUNDARY}(?:[Bb]eslutning\s+i\s+)?(?P<body>{BODY})(?:s?\s+[Bb]eslutning)?\s+den\s+(?P<date>{LONG_DATE}|{SHORT_DATE})\s*:?"
    r"(?=\s*$|\s+[A-ZÆØÅ0-9\"“(\-–])")

TOC_ENDS = re.compile(r"(?i:\bindholdsfortegnelse\b)|\bPkt\.?\s+Tekst\s+Side\b|\bSag\s*nr\.?:?\s+Side:?"
                      r"|\b(?:Åbent|Lukket) [Mm]øde\b")
ACCESS_STARTS = re.compile(r"\b(?:Åbent|Lukket) punkt\b(?!\s*[:.,-])")


def cut_line(line: Line, offset: int) -> list[Line]:
    """A line as its text before and from ``offset`` (the second piece starts a paragraph of its own)."""
    head, rest = line.text[:offset].strip(), line.text[offset:].strip()
    pieces = [replace(line, text=head, markdown=head)] if head else []
    return pieces + ([replace(line, text=rest, markdown=rest, blank_before=bool(head) or line.blank_before)] if rest else [])


def split_after(lines: list[Line], pattern: re.Pattern) -> list[Line]:
    """Cut every line that starts with ``pattern`` after the match (a heading glued to its text)."""
    out: list[Line] = []
    for line in lines:
        match = pattern.match(line.text)
        rest = line.text[match.end():].strip() if match else ""
        if not match or not rest or line.cells:
            out.append(line)
            continue
        head = line.text[:match.end()].strip()
        out += [replace(line, text=head, markdown=head), replace(line, text=rest, markdown=rest, blank_before=False)]
    return out


def split_both(lines: list[Line], pattern: re.Pattern) -> list[Line]:
    """Cut before and after every occurrence of ``pattern`` (a heading inside a run of text)."""
    return split_after(split_at(lines, pattern), pattern)


def mended(lines: list[Line], pattern: re.Pattern) -> list[Line]:
    """A phrase wrapped over two lines ("Åbent" / "punkt …") moved whole onto the second line."""
    out = list(lines)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if first.cells or second.cells or second.blank_before:
            continue
        joined = f"{first.text} {second.text}"
        across = next((m for m in pattern.finditer(joined) if m.start() < len(first.text) < m.end()), None)
        if across:
            head, rest = joined[:across.start()].strip(), joined[across.start():]
            out[i] = replace(first, text=head, markdown=head)
            out[i + 1] = replace(second, text=rest, markdown=rest)
    return [line for line in out if line.text]


def body_lines(lines: list[Line]) -> list[Line]:
    """Field headings, decision headings and access marks on lines of their own, also where a
    converter wrapped them over two lines."""
    for pattern in (ACCESS_STARTS, FIELD_START, DECISION):
        lines = split_both(mended(lines, pattern), pattern)
    return lines


def decision_of(text: str) -> tuple[str, str] | None:
    """(deciding body, date text) when the whole line is a decision heading "<Body> den <date>"."""
    match = DECISION.match(text.replace("*", ""))
    if not match or match.end() < len(text.rstrip(" :")):
        return None
    return match["body"].strip(), match["date"]
