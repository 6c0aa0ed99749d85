"""One agenda item of Allerød minutes: its fields → the item of the open-data form.

Fields are found by ``fields``; here their texts become the item type, the sections,
this meeting's decision and the earlier ones it quotes, the absentees and the names of
the attachments. Headings printed together (``Administrationens forslag`` / ``Bilag``)
share the text after them: a paragraph each, the last heading the rest.
"""
from __future__ import annotations

import re

from ..normalise import Line, body_markdown
from .agenda import CASE, CASE_REACH, Heading, closed
from .decisions import key, read_decision
from .fields import DECISION, Field, item_fields, shared_groups
from .stream import Stream

CASE_NUMBER = re.compile(r"\s*(?P<case>\d[\w./-]*\d)?")
FILE_NAME = re.compile(r"\S.*?\.(?:pdf|docx?|xlsx?|pptx?|rtf|odt|ods|txt|msg|jpe?g|png|tiff?|zip|html?)(?=\s|$)", re.I)
NONE_WORDS = {"", "-", ".", "nej", "ingen"}
ITEM_TYPE_WORDS = 4
EDGE_RULES = re.compile(r"^(?:\s*(?:-{3,}|\*{3,}|_{3,})(?=\s|$))+\s*|(?:\s+(?:-{3,}|\*{3,}|_{3,}))+\s*$")
PERSON_NAME = re.compile(r"^[A-ZÆØÅ][a-zæøåéü'.-]+(?: (?:[A-ZÆØÅ][a-zæøåéü'.-]*|af|von|van|de|la|du))+$")


def parse_item(stream: Stream, heading: Heading, end: int, meeting: dict, warnings: list[str]) -> dict:
    item = {"number": heading.number, "title": heading.title,
            "lines": [stream.number(heading.start), stream.last_number(heading.start, end)]}
    case = CASE.search(stream.text, heading.after, min(end, heading.after + CASE_REACH))
    body_start = case.end() if case else heading.after
    number = CASE_NUMBER.match(stream.text, body_start) if case else None
    if closed(heading.title, stream.text[heading.after:body_start + 20]):
        return {**item, "access": "closed"}
    if case is None:
        warnings.append(f"line {item['lines'][0]}: item {heading.number} has no 'Sagsnr.'")
    else:
        body_start = number.end()
    fields = item_fields(stream, body_start, end, meeting["committee"])
    out = {**item, "case_number": number["case"] if number else None, "access": "open", "item_type": None,
           "sections": [], "decision": None, "decision_heading": None, "earlier_decisions": [], "absent": [],
           "attachments": []}
    preamble = stream.lines_between(body_start, fields[0].start if fields else end)
    if preamble:
        warnings.append(f"line {preamble[0].number}: item {heading.number}: text before the first field kept as a section")
        out["sections"].append({"heading": "", "text": body_markdown(preamble)})
    texts = field_texts(stream, fields)
    for field in fields:
        add_field(out, stream, field, texts[field], meeting, warnings)
    if any(field.name == "Bilag" and not texts[field] for field in fields):
        out["decision"] = without_column_value(out["decision"])
    return out


def field_texts(stream: Stream, fields: list[Field]) -> dict[Field, list[Line]]:
    """Each field's lines; a group of headings printed together shares the text of its last one."""
    texts = {field: stream.lines_between(field.value_start, field.value_end) for field in fields}
    for group in shared_groups(stream, fields):
        parts = paragraphs(texts[group[-1]])
        texts[group[-1]] = []
        heads = list(group)
        if heads[0].name == "Punkttype" and parts and len(" ".join(l.text for l in parts[0]).split()) == 1:
            texts[heads.pop(0)] = parts.pop(0)
        heads = heads[max(0, len(heads) - len(parts)):]
        for head, part in zip(heads, parts):
            texts[head] = part
        if heads:
            texts[heads[-1]] = [line for part in parts[len(heads) - 1:] for line in part]
    return texts


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    out: list[list[Line]] = []
    for line in lines:
        if line.blank_before or not out:
            out.append([])
        out[-1].append(line)
    return out


def add_field(out: dict, stream: Stream, field: Field, lines: list[Line], meeting: dict, warnings: list[str]) -> None:
    flat = " ".join(line.text for line in lines)
    if field.name == "Punkttype":
        add_item_type(out, stream, field, lines, warnings)
    elif field.name == "Bilag":
        out["attachments"] += attachment_names(flat)
    elif field.name == "Fraværende":
        members = [m["name"] for m in meeting["members"]]
        names, others = absentees(flat, members)
        out["absent"] = names
        where = f"line {stream.number(field.start)}: item {out['number']}"
        if [name for name in names if name not in members]:
            warnings.append(f"{where}: absentees {quoted(n for n in names if n not in members)} are not listed members")
        if others:
            warnings.append(f"{where}: {quoted(others)} under 'Fraværende' are not names; left out")
    elif field.name == DECISION:
        add_decision(out, stream, field, meeting, warnings)
    else:
        out["sections"].append({"heading": field.name, "text": markdown(lines)})


def add_item_type(out: dict, stream: Stream, field: Field, lines: list[Line], warnings: list[str]) -> None:
    """A type is a word or two (``Beslutning``, ``Orientering``); text under it where a heading was lost
    is kept as a section, never taken for the type."""
    parts = paragraphs(lines)
    kind = " ".join(line.text for line in parts[0]).rstrip(".") if parts else ""
    if len(kind.split()) > ITEM_TYPE_WORDS:
        kind, rest = "", lines
    else:
        rest = [line for part in parts[1:] for line in part]
    out["item_type"] = kind if kind.lower() not in NONE_WORDS else None
    if rest:
        warnings.append(f"line {rest[0].number}: item {out['number']}: text under 'Punkttype' is no type; kept as a section")
        out["sections"].append({"heading": "", "text": markdown(rest)})


def quoted(texts) -> str:
    """Texts for a warning as written ('A', 'B'), not as Python escapes them."""
    return ", ".join(f"'{text}'" for text in texts)


def add_decision(out: dict, stream: Stream, field: Field, meeting: dict, warnings: list[str]) -> None:
    """This meeting's decision, or one of an earlier meeting quoted in the item. Undated, it is this
    meeting's when its committee decided it (or nobody is named) and no other is."""
    decision = read_decision(stream, field.start, field.value_end, meeting["committee"])
    line = stream.number(field.start)
    text = markdown([piece for a, b in decision.text for piece in stream.lines_between(a, b)])
    body = decision.body
    ours = body is None or key(body) == key(meeting["committee"])
    body = meeting["committee"] if body and ours else body
    heading = " ".join(part for part in ("Beslutning", body, decision.printed_date and f"den {decision.printed_date}")
                       if part)
    this_meeting = decision.date == meeting["date"] or decision.date is None and ours
    if this_meeting and decision.date is None:
        warnings.append(f"line {line}: decision heading {heading!r} has no date; taken as this meeting's")
    if this_meeting and out["decision_heading"] is None:
        out["decision"], out["decision_heading"] = text or None, heading
        return
    if this_meeting:
        warnings.append(f"line {line}: a second decision of this meeting, kept as an earlier decision")
    if not text:
        warnings.append(f"line {line}: item {out['number']}: decision heading {heading!r} has no text; left out")
        return
    out["earlier_decisions"].append({"date": decision.date, "body": body or heading, "text": text})


def without_column_value(decision: str | None) -> str | None:
    """A text dump of the layout's two columns can put an empty ``Bilag``'s ``Nej`` before the
    decision (``Bilag Beslutning … den Nej Godkendt.``): it is not the decision's."""
    first, _, rest = (decision or "").partition(" ")
    return rest if first.lower().strip(".") in ("nej", "-") and rest else decision


def markdown(lines: list[Line]) -> str:
    """A field's text as Markdown, without the rules that only separated fields."""
    return EDGE_RULES.sub("", body_markdown(lines))


def attachment_names(text: str) -> list[str]:
    """File names listed in one line (``a.pdf b.xlsx``); text that is not a file name stays whole."""
    text = " ".join(text.split())
    if text.lower().rstrip(".") in NONE_WORDS:
        return []
    names = [m.group(0).strip() for m in FILE_NAME.finditer(text)]
    rest = FILE_NAME.sub(" ", text).strip()
    return names + ([rest] if rest else [])


def absentees(text: str, members: list[str]) -> tuple[list[str], list[str]]:
    """Names absent for an item (known members found in the text, then other names) and the
    rest of the text that names nobody."""
    flat = " ".join(re.sub(r"\([^)]*\)", " ", text.replace("\\", " ")).split())
    found = sorted((flat.find(name), name) for name in members if name in flat)
    rest = flat
    for _, name in found:
        rest = rest.replace(name, "\n")
    parts = [part.strip(" ,.") for part in re.split(r"\n|,| og ", rest)]
    parts = [part for part in parts if not all(word.lower().strip(".,-") in NONE_WORDS for word in part.split())]
    others = [part for part in parts if PERSON_NAME.match(part)]
    return [name for _, name in found] + others, [part for part in parts if part not in others]
