"""Content trees with a payload in every text field that reaches a page.

One meeting per payload, written through the content writer from its
open-data form, each in its own municipality and committee so that the
municipality, committee, person and case names carry the payload too; plus
one meeting whose files are written by hand, as a person editing
``content/`` would (YAML escapes, raw HTML in Markdown, headings).
"""
from __future__ import annotations

from pathlib import Path

from payloads import PAYLOADS, one_line

from kommunearkiv.content.writer import write_meeting

HAND_WRITTEN = "haandskrevet"


def hostile_document(number: int, payload: str) -> dict:
    """The open-data form of a meeting with ``payload`` in every field a page, the index or a data file shows."""
    line = one_line(payload)
    member, absentee = f"Anna{number} {line}", f"Bo{number} Hansen"
    return {
        "format": "alleroed", "municipality": f"Kommune{number} {line}", "committee": f"Udvalg{number} {line}",
        "period": line, "document_kind": "referat", "date": "2015-05-13", "start": "07:30", "end": "08:35",
        "location": payload, "meeting_number": line,
        "members": [{"name": member, "party": line, "role": line}, {"name": absentee, "party": "A", "role": "Medlem"}],
        "absent": [absentee], "other_attendees": [payload], "signed_by": [payload],
        "items": [
            {"number": 1, "title": line, "case_number": f"{number}/{line}", "access": "open", "item_type": line,
             "sections": [{"heading": "", "text": payload}, {"heading": line, "text": f"Indledning.\n\n{payload}\n\nAfslutning."}],
             "decision": payload, "decision_heading": line,
             "earlier_decisions": [{"date": "2015-01-07", "body": line, "text": payload}],
             "absent": [absentee], "attachments": [line], "lines": [10, 20]},
            {"number": 2, "title": f"Lukket {line}", "case_number": None, "access": "closed", "item_type": None,
             "sections": [], "decision": None, "earlier_decisions": [], "absent": [], "attachments": [], "lines": [21, 22]},
        ],
        "attachment_documents": [{"label": "1.1", "title": line, "item": 1, "reference": line, "text": payload, "lines": [30, 40]}],
        "source": {"file": f"ondsindet-{number}.txt", "lines": [1, 40]},
        "warnings": [],
    }


def yaml_double_quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar with ``<`` and ``>`` written as escapes."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return '"' + escaped.replace("<", "\\x3C").replace(">", "\\x3E").replace("\u2028", "\\L").replace("\u2029", "\\P") + '"'


def write_hand_written(content: Path) -> None:
    """A municipality edited by hand: payloads in quoted YAML and in raw Markdown, under ``##`` headings."""
    folder = content / HAND_WRITTEN
    meeting = folder / "byraadet" / "2016-06-08"
    (meeting / "bilag").mkdir(parents=True)
    (folder / "municipality.yaml").write_text(f"name: {yaml_double_quoted(PAYLOADS[0] + ' Kommune')}\n", encoding="utf-8")
    (folder / "persons.yaml").write_text(
        f"ida-holm:\n  name: {yaml_double_quoted('Ida ' + one_line(PAYLOADS[1]))}\n  party: {yaml_double_quoted(one_line(PAYLOADS[2]))}\n",
        encoding="utf-8")
    (folder / "byraadet" / "committee.yaml").write_text(
        f"name: {yaml_double_quoted(one_line(PAYLOADS[3]))}\nmembers:\n- person: ida-holm\n  role: {yaml_double_quoted(one_line(PAYLOADS[4]))}\n",
        encoding="utf-8")
    (meeting / "meeting.yaml").write_text(
        "date: 2016-06-08\nkind: referat\nlocation: " + yaml_double_quoted(PAYLOADS[5]) + "\npresent: [ida-holm]\n"
        "other_attendees:\n" + "".join(f"- {yaml_double_quoted(p)}\n" for p in PAYLOADS), encoding="utf-8")
    body = "\n\n".join(f"## {one_line(p)}\n\n{p}\n\n<div>\n{p}\n</div>" for p in PAYLOADS)
    for number, payload in enumerate(PAYLOADS, start=1):
        decision = f"decision:\n  heading: {yaml_double_quoted(one_line(payload))}\n  text: {yaml_double_quoted(payload)}\n"
        (meeting / f"punkt-{number:02d}.md").write_text(
            f"---\nnumber: {number}\ntitle: {yaml_double_quoted(one_line(payload))}\ncase: {yaml_double_quoted(f'H{number}/{one_line(payload)}')}\n"
            f"{decision}---\n\n{body if number == 1 else payload}\n", encoding="utf-8")
    (meeting / "bilag" / "1.1.md").write_text(
        f"---\nlabel: '1.1'\ntitle: {yaml_double_quoted(one_line(PAYLOADS[6]))}\nitem: 1\n---\n\n{body}\n", encoding="utf-8")


def write_hostile_content(content: Path) -> None:
    for number, payload in enumerate(PAYLOADS, start=1):
        write_meeting(hostile_document(number, payload), content)
    write_hand_written(content)
