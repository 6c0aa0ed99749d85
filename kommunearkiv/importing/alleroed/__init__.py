"""Allerød Kommune minutes (referat): header, agenda items, signatures, appended attachments.

Layout: ``# ALLERØD KOMMUNE``, the committee, ``Møde nr.``, ``Mødet blev holdt
<weekday> den <d. month yyyy> på <place>.``, times, ``Medlemmer:`` and ``Afbud:``
lists, a table of contents; then per item a committee line (often misspelled)
glued to ``**N. Title**``, ``Sagsnr.:`` and its fields (see ``items``);
``Signeret af:`` with names and roles; then ``**Bilag: N.M. Title**`` blocks.
"""
from __future__ import annotations

import re
from pathlib import Path

from ...errors import InputError
from .header import MUNICIPALITY, parse_header
from .items import (
    ABSENT_FIELD, ATTACHMENTS_FIELD, DATED, DECISION, TYPE_FIELD, Field, absentees, attachment_names,
    clean_text, complete_decision_headings, regroup, tokenise,
)
from ..cleaning import join_heading_lines, lines_to_markdown

NAME = "alleroed"
ITEM = re.compile(r"^(?:#+\s*)?(?:\*\*[^*]*\*\*)?\*\*\s*(?P<number>\d+)\.\s+(?P<title>.+?)\*\*\s*$")
CASE = re.compile(r"^Sagsnr\.?:?\s*(?P<case>.*)$")
ATTACHMENT = re.compile(r"^\*\*Bilag:\s*(?P<label>(?P<item>\d+)\.\d+)\.?\s+(?P<title>.+?)\*\*\s*$")
META = re.compile(r"^\*\*(?P<key>Udvalg|Mødedato|Adgang|Bilagsnr\.?):?\*\*:?\s*(?P<value>.*)$")
ATTACHMENT_OPENING = re.compile(r"^\*\*Bilag:\s*\d+\.\d+")
ITEM_OPENING = re.compile(r"^(?:#+\s*)?(?:\*\*[^*]*\*\*)?\*\*\s*\d+\.\s")
CLOSED = re.compile(r"\(lukket\)|^lukket\b|\blukket punkt\b", re.I)
CLOSED_MARK = re.compile(r"^(?:\*\*)?(?:Adgang:?\s*)?\(?Lukket(?: punkt)?\)?(?:\*\*)?$", re.I)


def detect(lines: list[str]) -> bool:
    head = [line.strip("# *").strip() for line in lines[:30]]
    return MUNICIPALITY.upper() in {line.upper() for line in head} and any(
        line.startswith("Mødet blev holdt") for line in head)


def parse(lines: list[str], path: str) -> dict:
    warnings: list[str] = []
    starts = item_starts(lines, path)
    signature = next((i for i, line in enumerate(lines) if line.strip() == "Signeret af:"), None)
    first_attachment = next((i for i in range(len(lines)) if attachment_heading(lines, i)), len(lines))
    items_end = min(signature if signature is not None else len(lines), first_attachment)
    meeting = parse_header(lines[:starts[0]], path, warnings)
    members = [m["name"] for m in meeting["members"]]
    bounds = list(zip(starts, starts[1:] + [items_end]))
    items = [parse_item(lines, a, b, meeting, members, warnings) for a, b in bounds]
    closed = {item["number"] for item in items if item["access"] == "closed"}
    return {
        "format": NAME, "municipality": MUNICIPALITY, **meeting,
        "signed_by": signatures(lines[signature:first_attachment]) if signature is not None else [],
        "items": items,
        "attachment_documents": attachments(lines, first_attachment, closed, warnings),
        "source": {"file": Path(path).name, "lines": [1, len(lines)]},
        "warnings": warnings,
    }


def item_starts(lines: list[str], path: str) -> list[int]:
    """0-based first lines of the items: ``**N. Title**`` numbered 1, 2, 3 … under the committee's
    running header (glued on or just above) or followed by ``Sagsnr.``."""
    starts: list[int] = []
    for index, line in enumerate(lines):
        match = item_heading(lines, index)
        if not match or int(match["number"]) != len(starts) + 1:
            continue
        above = running_header_above(lines, index)
        if above < index or line.strip().startswith("**") and "****" in line or case_line(lines, index) is not None:
            starts.append(above)
    if not starts:
        raise InputError.single(path, len(lines), "items",
                                "agenda items headed '**N. Title**' under the committee's name, none found")
    return starts


def item_heading(lines: list[str], index: int) -> re.Match | None:
    """``**N. Title**`` at ``index``, the bold title possibly wrapped over the next lines."""
    return wrapped_bold(lines, index, ITEM_OPENING, ITEM)


def attachment_heading(lines: list[str], index: int) -> re.Match | None:
    """``**Bilag: N.M. Title**`` at ``index``, possibly wrapped over the next lines."""
    return wrapped_bold(lines, index, ATTACHMENT_OPENING, ATTACHMENT)


def wrapped_bold(lines: list[str], index: int, opening: re.Pattern, whole: re.Pattern) -> re.Match | None:
    """``whole`` matched on the bold run that starts at ``index`` (``opening``) and may wrap over lines."""
    if not opening.match(lines[index].strip()):
        return None
    return whole.match(" ".join(line.strip() for line in lines[index:bold_end(lines, index) + 1]))


def bold_end(lines: list[str], index: int) -> int:
    """The line where the bold run opened at ``index`` closes (at most 3 lines on)."""
    end, count = index, lines[index].count("**")
    while count % 2 and end + 1 < min(len(lines), index + 4):
        end += 1
        count += lines[end].count("**")
    return end


def running_header_above(lines: list[str], index: int) -> int:
    """The item starts at the upper-case committee line above its title, when it stands alone."""
    above = index - 1
    while above > 0 and not lines[above].strip():
        above -= 1
    text = lines[above].strip("# *\t")
    return above if above < index and text and text == text.upper() and re.search(r"[A-ZÆØÅ]{4}", text) else index


def case_line(lines: list[str], index: int) -> int | None:
    """The ``Sagsnr.`` line within a few lines after an item heading."""
    return next((i for i in range(index + 1, min(index + 7, len(lines))) if CASE.match(lines[i].strip())), None)


def parse_item(lines, start, end, meeting, members, warnings) -> dict:
    title_at = next(i for i in range(start, end) if item_heading(lines, i))
    match = item_heading(lines, title_at)
    case_at = case_line(lines, title_at)
    last = max(i for i in range(start, end) if lines[i].strip())
    item = {"number": int(match["number"]), "title": " ".join(match["title"].split()),
            "lines": [start + 1, last + 1]}
    marks = [CLOSED_MARK.match(line.strip()) for line in lines[title_at + 1:title_at + 6]]
    if CLOSED.search(item["title"]) or any(marks):
        return {**item, "access": "closed"}
    case = CASE.match(lines[case_at].strip())["case"].strip() if case_at is not None else ""
    if case_at is None:
        warnings.append(f"line {title_at + 1}: item {item['number']} has no 'Sagsnr.' line")
        case_at = title_at
    preamble, fields = tokenise(lines[case_at + 1:end], case_at + 1)
    regroup(fields)
    complete_decision_headings(fields)
    if any(line.strip() for line in preamble):
        warnings.append(f"line {case_at + 2}: item {item['number']}: text before the first field kept as a section")
        fields.insert(0, Field("", case_at + 1, preamble))
    return {**item, "case_number": case or None, "access": "open",
            **item_fields(fields, item["number"], meeting, members, warnings)}


def item_fields(fields: list[Field], number: int, meeting, members, warnings) -> dict:
    """Sort an item's fields into type, sections, decisions, absentees and attachment names."""
    out = {"item_type": None, "sections": [], "decision": None, "decision_heading": None,
           "earlier_decisions": [], "absent": [], "attachments": []}
    for item_field in fields:
        key, text = item_field.heading.lower(), clean_text(item_field.text)
        if key == TYPE_FIELD:
            out["item_type"] = text if text not in ("", "-", ".") else None
        elif key == ATTACHMENTS_FIELD:
            out["attachments"] += attachment_names(text)
        elif key == ABSENT_FIELD:
            out["absent"] = absentees(text, members)
            strangers = [name for name in out["absent"] if name not in members]
            if strangers:
                warnings.append(f"line {item_field.line + 1}: item {number}: absentees {strangers} are not listed members")
        elif DECISION.match(item_field.heading):
            add_decision(out, item_field, text, meeting, warnings)
        else:
            out["sections"].append({"heading": item_field.heading, "text": text})
    return out


def add_decision(out: dict, item_field: Field, text: str, meeting: dict, warnings: list[str]) -> None:
    """This meeting's decision, or one of an earlier meeting quoted in the item."""
    heading = decision_heading(item_field.heading, meeting["committee"])
    dated = DATED.match(heading[len("Beslutning"):].strip())
    date = f"{dated['year']}-{int(dated['month']):02d}-{int(dated['day']):02d}" if dated else None
    if date is None:
        warnings.append(f"line {item_field.line + 1}: decision heading {heading!r} has no date; taken as this meeting's")
    if date in (None, meeting["date"]) and out["decision_heading"] is None:
        out["decision"], out["decision_heading"] = text or None, heading
        return
    if date in (None, meeting["date"]):
        warnings.append(f"line {item_field.line + 1}: a second decision of this meeting, kept as an earlier decision")
    out["earlier_decisions"].append({"date": date, "body": dated["body"] if dated else heading, "text": text})


def decision_heading(heading: str, committee: str) -> str:
    """The heading on one line; a committee name broken mid-word (``Beskæftigelses udvalget``) restored."""
    heading = " ".join(heading.split())
    dated = DATED.match(heading[len("Beslutning"):].strip())
    if dated and dated["body"].replace(" ", "").lower() == committee.replace(" ", "").lower():
        return heading.replace(dated["body"], committee)
    return heading


def signatures(lines: list[str]) -> list[str]:
    """Names in the ``Signeret af:`` block: the line before each italic role."""
    texts = [line.strip() for line in lines]
    return [texts[i - 1] for i in range(1, len(texts)) if re.fullmatch(r"\*[^*]+\*", texts[i]) and texts[i - 1]]


def attachments(lines: list[str], first: int, closed: set[int], warnings: list[str]) -> list[dict]:
    starts = [i for i in range(first, len(lines)) if attachment_heading(lines, i)]
    documents = []
    for start, end in zip(starts, starts[1:] + [len(lines)]):
        document = attachment(lines, start, end)
        if document["item"] in closed or document.pop("access", "").lower().startswith("lukket"):
            warnings.append(f"line {start + 1}: attachment {document['label']} of a closed item left out")
            continue
        documents.append(document)
    return documents


def attachment(lines: list[str], start: int, end: int) -> dict:
    """One ``**Bilag: N.M. Title**`` block: its metadata lines, then the text."""
    match = attachment_heading(lines, start)
    meta, body = {}, bold_end(lines, start) + 1
    for index in range(body, end):
        found = META.match(lines[index].strip())
        if found:
            meta[found["key"].rstrip(".").lower()] = found["value"].strip()
            body = index + 1
        elif lines[index].strip():
            break
    last = max(i for i in range(start, end) if lines[i].strip())
    return {
        "label": match["label"], "title": join_heading_lines([match["title"]]), "item": int(match["item"]),
        "reference": meta.get("bilagsnr") or None, "access": meta.get("adgang", ""),
        "text": lines_to_markdown(lines[body:end]), "lines": [start + 1, last + 1],
    }
