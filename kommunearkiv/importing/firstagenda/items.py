"""One agenda item's fields: ``Sagsnr.``, ``Punkttype`` (or ``Sagsgang og sagstype``), its
sections, ``Bilag``, and the decisions headed ``Beslutning [i] <udvalg> den DD-MM-YYYY``: the one
dated the meeting's day is this meeting's decision, the others were taken earlier.

A field label starts a line, alone or run together with its value. Section headings are known
by their words, or by a heading/bold hint outside a decision: so a decision ends at the same
place whether or not the converter kept the bold.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..normalise import Line, body_markdown, split_at
from ..phrases import danish_date
from .header import committee_core
from .text import compact, cut

DATE = r"(?:\d{1,2}-\d{1,2}-\d{4}|\d{1,2}/\d{1,2}/\d{4})"
DECISION = re.compile(rf"^(?P<heading>Beslutning\s+(?:i\s+)?(?P<body>[^.:;]{{1,150}}?)\s+den\s+(?P<date>{DATE}))\.?:?(?:\s+|$)")
CASE = re.compile(r"^Sagsnr\.?:?(?:\s+|$)")
TYPE = re.compile(r"^Punkttype:?(?:\s+|$)")
ROUTE = "sagsgang og sagstype"
ATTACHMENTS = "bilag"
FILE_NAME = r".{1,200}?\.(?:pdf|docx?|xlsx?|pptx?|msg|jpe?g|png|txt)(?!\w)"
FIELD_START = re.compile(rf"(?<!\w)(?:Sagsnr\.|Punkttype(?!\w)|Sagsgang og sagstype(?!\w)|Beslutning\s+(?:i\s+)?[^.:;]{{1,150}}?\s+den\s+{DATE}"
                         rf"|Bilag(?=:?\s+{FILE_NAME}))")
FILES = re.compile(rf"\S{FILE_NAME}", re.I)
EXTENSION = r"\.(?:pdf|docx?|xlsx?|pptx?|msg|jpe?g|png|txt)(?!\w)"
LINKED_FILE = rf"[^\s.!?](?:[^.!?\n]|(?<=\d)\.(?=\d)|\n(?!\n))*?{EXTENSION}"
TRAILING_FILES = re.compile(rf"(?:^|(?<=[.!?:])\s+|\n)(?P<files>{LINKED_FILE}(?:\s+{LINKED_FILE})*)\s*$", re.I)
ROUTE_TYPE = re.compile(r"(?<!\w)(?:[A-ZÆØÅ][a-zæøå]+sag|Beslutning|Orientering|Drøftelse)(?!\w)")
VALUE = {"case": re.compile(r"^(?P<value>[\w./-]*\d[\w./-]*?)\.?(?=\s|$)"),
         "type": re.compile(r"^(?P<value>[^.]{1,30}?)(?:\.|$|\s(?=[A-ZÆØÅ]))")}
SECTION_WORDS = {
    "tema", "sagsbeskrivelse", "administrationens forslag", "afledte konsekvenser", "økonomi og finansiering",
    "dialog/høring", "bilag", "sagsgang og sagstype", "sagsprocedure", "indstilling", "hovedindstilling",
    "alternativ indstilling", "beskrivelse af sagen", "beskrivelse af alternativ indstilling", "formål",
    "sagsbeskrivelse af hovedindstilling", "sagsbeskrivelse af alternativ indstilling", "lovgrundlag",
    "retsgrundlag", "høring", "økonomi", "kommunikation", "resumé", "resume", "baggrund", "sagsfremstilling",
    "beslutningskompetence", "tidsplan", "vurdering", "økonomiske konsekvenser", "bevillingsmæssige konsekvenser",
}
ASSESSMENT = re.compile(r"^vurdering i forhold til [\w ,/-]{1,60}$")
LONGEST_HEADING = 80
WRAP_REACH = 2


@dataclass
class Block:
    kind: str         # "section", "case", "type", "decision"
    heading: str
    line: int
    lines: list[Line] = field(default_factory=list)
    date: str | None = None
    body: str | None = None
    value: str | None = None  # of a "case" or "type" field

    def text(self) -> str:
        return body_markdown(self.lines)


def rejoined_decision_headings(lines: list[Line]) -> list[Line]:
    """A decision heading wrapped over lines (``Beslutning i Udvalget for …`` / ``… den 06-03-2018``) as one line."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.text.startswith("Beslutning") and not DECISION.match(line.text):
            for reach in range(1, WRAP_REACH + 1):
                text = " ".join(l.text for l in lines[index:index + reach + 1])
                match = DECISION.match(text)
                if match and match.end() > len(" ".join(l.text for l in lines[index:index + reach])):
                    line = replace(line, text=text, markdown=text)
                    index += reach
                    break
        out.append(line)
        index += 1
    return out


def blocks(lines: list[Line], month_first: bool) -> list[Block]:
    """The item's lines grouped under the field or heading each stands after."""
    out = [Block("section", "", lines[0].number if lines else 0)]
    for line in split_at(rejoined_decision_headings(lines), FIELD_START):
        started = field_start(line, month_first, in_decision=out[-1].kind == "decision")
        if started:
            block, rest = started
            out.append(block)
            line = rest
        if line and out[-1].kind in VALUE:
            line = with_value(out, line)
        if line:
            out[-1].lines.append(line)
    return [b for b in out if b.kind != "section" or b.heading or b.lines]


def with_value(out: list[Block], line: Line) -> Line | None:
    """The value of the case/type field just opened, read from the start of ``line``; text after the
    value (or on a later line) starts an untitled section. What is left of the line is returned."""
    block = out[-1]
    match = VALUE[block.kind].match(line.text) if block.value is None else None
    if match:
        block.value = match["value"].strip()
        line = rest_of(line, match.end())
    if line:
        out.append(Block("section", "", line.number))
    return line


def field_start(line: Line, month_first: bool, in_decision: bool) -> tuple[Block, Line | None] | None:
    """The block a line opens, and what follows the label on the line."""
    text = line.text
    decision = DECISION.match(text)
    if decision:
        date = danish_date(decision["date"], month_first=month_first)
        block = Block("decision", " ".join(decision["heading"].split()), line.number, date=date,
                      body=" ".join(decision["body"].split()))
        return block, rest_of(line, decision.end())
    for kind, pattern in (("case", CASE), ("type", TYPE)):
        match = pattern.match(text)
        if match:
            return Block(kind, text[:match.end()].strip(), line.number), rest_of(line, match.end())
    if is_section_heading(line, in_decision):
        return Block("section", text.rstrip(" :"), line.number), None
    for heading, inline in ((ROUTE, True), (ATTACHMENTS, FILES.search(text))):
        if text.lower().startswith(heading) and inline:
            return Block("section", text[:len(heading)], line.number), rest_of(line, len(heading))
    return None


def rest_of(line: Line, offset: int) -> Line | None:
    pieces = cut(line, offset)
    return pieces[-1] if line.text[offset:].strip() else None


def is_section_heading(line: Line, in_decision: bool) -> bool:
    words = line.text.rstrip(" :").lower()
    if words in SECTION_WORDS or ASSESSMENT.match(words):
        return True
    hinted = (line.heading or line.bold) and len(line.text) <= LONGEST_HEADING and not line.text.endswith(".")
    return hinted and not in_decision


def item_fields(lines: list[Line], meeting: dict, committee: str, month_first: bool, warnings: list[str]) -> dict:
    """case_number, item_type, sections, decision, decision_heading, earlier_decisions, attachments."""
    found = blocks(lines, month_first)
    out = {"case_number": None, "item_type": None, "sections": [], "attachments": []}
    for block in found:
        if block.kind == "case":
            out["case_number"] = out["case_number"] or block.value
        elif block.kind == "type":
            out["item_type"] = block.value
        elif block.kind == "section" and block.heading.lower() == ATTACHMENTS:
            out["attachments"] += attachment_names(block.lines)
        elif block.kind == "section":
            out["sections"].append({"heading": block.heading, "text": block.text()})
            if block.heading.lower() == ROUTE and not out["item_type"]:
                out["item_type"] = route_type(block)
    out["attachments"] += trailing_files(found)
    out["sections"] = [s for s in out["sections"] if s["text"]]
    decisions = [b for b in found if b.kind == "decision"]
    return {**out, **sorted_decisions(decisions, meeting["date"], committee, warnings)}


def trailing_files(found: list[Block]) -> list[str]:
    """File names the export lists as links at the item's end, after its text (no ``Bilag`` heading):
    the last block's text after its last sentence (or from a line start) when that is file names only;
    they are taken off the block."""
    last = found[-1] if found else None
    if last is None or last.kind in VALUE or last.heading.lower() == ATTACHMENTS or not last.lines:
        return []
    text = "\n".join(line.text for line in last.lines)
    match = TRAILING_FILES.search(text)
    if match is None:
        return []
    kept, offset = [], 0
    for line in last.lines:
        if offset + len(line.text) <= match.start("files"):
            kept.append(line)
        elif offset < match.start("files"):
            kept += cut(line, match.start("files") - offset)[:1]
        offset += len(line.text) + 1
    last.lines = kept
    return [m[0] for m in FILES.finditer(" ".join(match["files"].split()))]


def route_type(block: Block) -> str | None:
    """``Sagsgang og sagstype``: the committees, then the type (``Beslutningssag``)."""
    match = ROUTE_TYPE.search(" ".join(line.text for line in block.lines))
    return match[0] if match else None


def attachment_names(lines: list[Line]) -> list[str]:
    """One name a line; names ending in a file extension are told apart however the lines run."""
    text = " ".join(line.text for line in lines)
    names = [m[0] for m in FILES.finditer(text)] if FILES.search(text) else [line.text for line in lines]
    return [" ".join(re.sub(r"^[-•*–]\s+", "", name).split()) for name in names if name.strip(" -•*–")]


def same_committee(body: str, committee: str) -> bool:
    """``Allerød Byråd 2018-2021`` decides for the committee ``Allerød Byråd``."""
    return compact(committee_core(body)) == compact(committee)


def sorted_decisions(decisions: list[Block], date: str, committee: str, warnings: list[str]) -> dict:
    """This meeting's decision (dated the meeting's day, by this committee when several are) and the
    earlier ones; an earlier decision without text is dropped with a warning."""
    today = [d for d in decisions if d.date == date]
    ours = [d for d in today if same_committee(d.body, committee)] or today[-1:]
    if len(today) > 1 and len(ours) == 1 and not same_committee(ours[0].body, committee):
        warnings.append(f"line {ours[0].line}: several decisions dated the meeting's day; '{ours[0].heading}' taken as this meeting's")
    if len(ours) > 1:
        warnings.append(f"line {ours[1].line}: this meeting's decision written more than once; the texts are joined")
    earlier = []
    for block in decisions:
        if block in ours:
            continue
        if not block.text():
            warnings.append(f"line {block.line}: '{block.heading}' has no text; not kept as an earlier decision")
            continue
        earlier.append({"date": block.date, "body": block.body, "text": block.text()})
    text = "\n\n".join(d.text() for d in ours if d.text())
    return {"decision": text or None, "decision_heading": ours[0].heading if ours else None, "earlier_decisions": earlier}
