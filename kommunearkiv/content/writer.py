"""Write one imported meeting (its open-data form) into ``content/``, merging with what is there.

A person keeps one identity per municipality (the slug of the name); a
committee gains a meeting; memberships record each role with the first and
last meeting date it was seen on. A substitute (stedfortræder) is a person of
the municipality but neither a member nor present: a member list that names
them too does not make them one. The original document, when given, is kept
beside ``meeting.yaml`` (``originals``). Writing the same document again gives
the same files, so imports are idempotent.
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml

from ..slugs import municipality_slug, slug
from .originals import keep_original
from .yamlfiles import dump_markdown, dump_yaml

DEMOTED_HEADING_PREFIX = "### "


def write_meeting(doc: dict, content_dir: Path, original: Path | None = None) -> Path:
    """Write the meeting of ``doc``, with a copy of its ``original`` document when given; returns its folder."""
    municipality_dir = content_dir / municipality_slug(doc["municipality"])
    municipality_dir.mkdir(parents=True, exist_ok=True)
    _write_if_changed(municipality_dir / "municipality.yaml", dump_yaml({"name": doc["municipality"]}))
    person_ids = merge_persons(municipality_dir / "persons.yaml", doc)
    committee_dir = municipality_dir / slug(doc["committee"])
    merge_committee(committee_dir, doc, person_ids)
    meeting_dir = meeting_folder(committee_dir, doc)
    if meeting_dir.exists():
        shutil.rmtree(meeting_dir)
    write_meeting_files(meeting_dir, doc, person_ids)
    if original is not None:
        keep_original(doc, original, meeting_dir)
    return meeting_dir


def _load_plain_yaml(path: Path) -> dict:
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.is_file() else {}


def _write_if_changed(path: Path, text: str) -> None:
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def person_names(doc: dict) -> list[str]:
    """Every person the document names as member, absentee or substitute (not from closed items, which keep no names)."""
    names = [m["name"] for m in doc["members"]] + list(doc["absent"])
    names += [name for s in doc.get("substitutes", []) for name in (s["name"], s.get("replaces")) if name]
    names += [name for item in doc["items"] if item["access"] != "closed" for name in item.get("absent", [])]
    return list(dict.fromkeys(names))


def committee_members(doc: dict) -> list[dict]:
    """The document's members, less anyone it names as a substitute."""
    substitutes = {s["name"] for s in doc.get("substitutes", [])}
    return [m for m in doc["members"] if m["name"] not in substitutes]


def open_attachments(doc: dict) -> list[dict]:
    """The attachment documents, less any of a closed item: their text must not reach content/."""
    closed = {item["number"] for item in doc["items"] if item["access"] == "closed"}
    return [a for a in doc["attachment_documents"] if a.get("item") not in closed]


def merge_persons(path: Path, doc: dict) -> dict[str, str]:
    """Add the document's persons to persons.yaml; returns name → person id."""
    persons = _load_plain_yaml(path)
    parties = {p["name"]: p.get("party") for p in doc["members"] + doc.get("substitutes", [])}
    ids = {}
    for name in person_names(doc):
        person_id = slug(name)
        entry = persons.setdefault(person_id, {"name": name, "party": None})
        if entry.get("party") is None and parties.get(name):
            entry["party"] = parties[name]
        ids[name] = person_id
    _write_if_changed(path, dump_yaml(dict(sorted(persons.items()))))
    return ids


def merge_committee(committee_dir: Path, doc: dict, person_ids: dict[str, str]) -> None:
    committee_dir.mkdir(exist_ok=True)
    path = committee_dir / "committee.yaml"
    committee = _load_plain_yaml(path) or {"name": doc["committee"], "period": doc.get("period")}
    members = committee.get("members") or []
    date = dt.date.fromisoformat(doc["date"])
    for member in committee_members(doc):
        merge_membership(members, person_ids[member["name"]], member.get("role") or "Medlem", date)
    committee["members"] = sorted(members, key=lambda m: (m["person"], m["from"], m["role"]))
    _write_if_changed(path, dump_yaml(committee))


def merge_membership(members: list[dict], person: str, role: str, date: dt.date) -> None:
    for membership in members:
        if membership["person"] == person and membership["role"] == role:
            membership["from"] = min(membership["from"], date)
            membership["to"] = max(membership["to"], date)
            return
    members.append({"person": person, "role": role, "from": date, "to": date})


def meeting_folder(committee_dir: Path, doc: dict) -> Path:
    """The meeting's folder: its date, or date-2 … when another document already holds that date."""
    candidate, n = committee_dir / doc["date"], 1
    while (candidate / "meeting.yaml").is_file():
        existing = _load_plain_yaml(candidate / "meeting.yaml")
        if (existing.get("source") or {}).get("file") == doc["source"]["file"]:
            return candidate
        n += 1
        candidate = committee_dir / f"{doc['date']}-{n}"
    return candidate


def write_meeting_files(meeting_dir: Path, doc: dict, person_ids: dict[str, str]) -> None:
    meeting_dir.mkdir(parents=True)
    absent = [person_ids[name] for name in doc["absent"]]
    meeting = {
        "date": dt.date.fromisoformat(doc["date"]),
        "kind": doc["document_kind"],
        "number": doc.get("meeting_number"),
        "start": doc.get("start"),
        "end": doc.get("end"),
        "location": doc.get("location"),
        "present": [person_ids[m["name"]] for m in committee_members(doc) if person_ids[m["name"]] not in absent],
        "absent": absent,
        "substitutes": [_without_empty({"person": person_ids[s["name"]], "replaces": person_ids.get(s.get("replaces"))})
                        for s in doc.get("substitutes", [])],
        "other_attendees": doc.get("other_attendees", []),
        "signed_by": doc.get("signed_by", []),
        "incomplete": {"line": doc["incomplete"]["line"], "missing": doc["incomplete"]["missing"]} if doc.get("incomplete") else None,
        "source": _without_empty({"file": doc["source"]["file"], "lines": doc["source"]["lines"], "format": doc["format"],
                                  **{key: doc["source"].get(key) for key in ("kind", "sha256", "url")}}),
    }
    (meeting_dir / "meeting.yaml").write_text(dump_yaml(_without_empty(meeting)), encoding="utf-8")
    for item in doc["items"]:
        (meeting_dir / f"punkt-{item['number']:02d}.md").write_text(item_file(item, person_ids), encoding="utf-8")
    attachments = open_attachments(doc)
    if attachments:
        (meeting_dir / "bilag").mkdir()
    for attachment in attachments:
        meta = {"label": attachment["label"], "title": attachment["title"], "item": attachment.get("item"),
                "reference": attachment.get("reference"), "source": place(attachment)}
        path = meeting_dir / "bilag" / f"{attachment['label']}.md"
        path.write_text(dump_markdown(_without_empty(meta), attachment["text"]), encoding="utf-8")


def item_file(item: dict, person_ids: dict[str, str]) -> str:
    if item["access"] == "closed":
        return dump_markdown({"number": item["number"], "title": item["title"], "access": "closed",
                              "source": place(item)}, "")
    meta = {
        "number": item["number"],
        "title": item["title"],
        "access": item["access"],
        "case": item.get("case_number"),
        "type": item.get("item_type"),
        "absent": [person_ids[name] for name in item.get("absent", [])],
        "attachments": item.get("attachments", []),
        "decision": {"heading": item.get("decision_heading") or "Beslutning", "text": item["decision"]} if item.get("decision") else None,
        "earlier_decisions": [
            {"date": dt.date.fromisoformat(e["date"]) if e.get("date") else None, "body": e.get("body"), "text": e["text"]}
            for e in item.get("earlier_decisions", [])
        ],
        "source": place(item),
    }
    sections = item.get("sections", [])
    body = "\n\n".join(section_markdown(s, first=(n == 0)) for n, s in enumerate(sections))
    return dump_markdown(_without_empty(meta), body)


def place(part: dict) -> dict:
    """Where an item or attachment stands in the source: its lines, and its pages when known."""
    return _without_empty({"lines": part.get("lines"), "pages": part.get("pages")})


def section_markdown(section: dict, first: bool) -> str:
    """``## Heading`` then the text, whose own headings are demoted below level 2 so they cannot start a section.

    Untitled text stands before the first heading; an untitled section later on is headed "Tekst".
    """
    lines = [DEMOTED_HEADING_PREFIX + line.lstrip("#").lstrip() if line.startswith(("# ", "## ")) else line
             for line in section["text"].split("\n")]
    text = "\n".join(lines).strip()
    heading = " ".join(section["heading"].split())
    if not heading and first:
        return text
    return f"## {heading or 'Tekst'}\n\n{text}"


def _without_empty(mapping: dict) -> dict:
    return {k: v for k, v in mapping.items() if v not in (None, [], {}, "")}
