"""Read ``content/`` into an ``Archive``, reporting every problem in one run.

Layout (see docs/content-format.md)::

    content/<municipality>/municipality.yaml
    content/<municipality>/persons.yaml
    content/<municipality>/<committee>/committee.yaml
    content/<municipality>/<committee>/<meeting>/meeting.yaml
    content/<municipality>/<committee>/<meeting>/original.txt|.pdf|.html  (optional)
    content/<municipality>/<committee>/<meeting>/punkt-NN.md
    content/<municipality>/<committee>/<meeting>/bilag/<label>.md
"""
from __future__ import annotations

import contextvars
import os
import re
from pathlib import Path

from ..errors import InputError, Problem
from ..model import (CLOSED, DOCUMENT_KINDS, OPEN, AgendaItem, Archive, AttachmentDocument, Committee, Decision,
                     EarlierDecision, Meeting, Membership, Municipality, Person, Section)
from ..parse_cache import ParseCache
from ..paths import RESERVED_COMMITTEE_IDS, RESERVED_MUNICIPALITY_IDS
from .bodies import MarkdownBody, body_digest
from .fields import ID, Fields
from .linking import link_archive
from .attendance import read_substitutes
from .provenance import read_incomplete, read_original, read_source, unpublishable
from .yamlfiles import load_markdown_file, load_yaml_file

MEETING_ID = re.compile(r"^(\d{4}-\d{2}-\d{2})(-[2-9]|-[1-9]\d+)?$")
SECTION_HEADING = re.compile(r"^## (.+?)[ \t]*$", re.MULTILINE)
PARSE_CACHE: contextvars.ContextVar[ParseCache | None] = contextvars.ContextVar("parse_cache", default=None)


def load_archive(content_dir: Path, parse_cache: ParseCache | None = None, only: set[str] | None = None) -> Archive:
    """The archive in ``content_dir``; raises ``InputError`` listing every problem found.

    With ``parse_cache``, files whose bytes did not change since it was filled are not parsed again. With
    ``only``, just the municipality folders of those names are read (the build's others did not change).
    """
    token = PARSE_CACHE.set(parse_cache)
    try:
        return read_archive(content_dir, only)
    finally:
        PARSE_CACHE.reset(token)


def _parsed(path: Path, parse):
    """``parse(path)``, through the build's parse cache when there is one."""
    cache = PARSE_CACHE.get()
    return cache.parsed(path, parse) if cache else parse(path)


def read_archive(content_dir: Path, only: set[str] | None = None) -> Archive:
    problems: list[Problem] = []
    if not content_dir.is_dir():
        raise InputError.single(str(content_dir), None, "content", "a folder of content (see docs/content-format.md)")
    links = links_out_of(content_dir, only=only)
    if links:
        raise InputError(links)
    archive = Archive()
    for folder in _subfolders(content_dir):
        if only is not None and folder.name not in only:
            continue
        municipality = read_municipality(folder, problems)
        if municipality:
            archive.municipalities[municipality.id] = municipality
    if not archive.municipalities and not problems and only is None:
        problems.append(Problem(str(content_dir), None, "content", "at least one municipality folder with municipality.yaml"))
    problems += link_archive(archive, content_dir)
    if problems:
        raise InputError(problems)
    return archive


def links_out_of(content_dir: Path, root: Path | None = None, only: set[str] | None = None) -> list[Problem]:
    """Symbolic links that lead out of ``content_dir``: nothing outside it may be read (or published); with
    ``only``, in those of its folders alone.

    ``os.scandir`` tells links from the directory entries themselves, without a system call per file."""
    root, problems = root or content_dir.resolve(), []
    with os.scandir(content_dir) as scanned:
        entries = sorted(scanned, key=lambda entry: entry.name)
    for entry in entries:
        if entry.is_symlink():
            target = Path(entry.path).resolve()
            if root not in target.parents:
                problems.append(Problem(entry.path, None, "link", f"a file or folder inside {root}, found a link to {target}"))
        elif entry.is_dir() and (only is None or entry.name in only):
            problems += links_out_of(Path(entry.path), root)
    return problems


def _subfolders(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))


def _folder_id(folder: Path, problems: list[Problem]) -> str | None:
    if ID.match(folder.name):
        return folder.name
    problems.append(Problem(str(folder), None, "folder name", "lower-case letters, digits and '-' only"))
    return None


def read_municipality(folder: Path, problems: list[Problem]) -> Municipality | None:
    meta_path = folder / "municipality.yaml"
    fields = required_yaml(meta_path, "municipality.yaml with the municipality's name", problems)
    municipality_id = _folder_id(folder, problems)
    if municipality_id in RESERVED_MUNICIPALITY_IDS:
        problems.append(Problem(str(folder), None, "folder name",
                                f"a municipality id other than {', '.join(RESERVED_MUNICIPALITY_IDS)} (the site's own folders)"))
        return None
    if fields is None or municipality_id is None:
        return None
    fields.unknown_keys(("name",))
    municipality = Municipality(id=municipality_id, name=fields.text("name") or municipality_id)
    municipality.persons = read_persons(folder / "persons.yaml", municipality_id, problems)
    for committee_folder in _subfolders(folder):
        committee = read_committee(committee_folder, municipality.persons, municipality_id, problems)
        if committee:
            municipality.committees[committee.id] = committee
    return municipality


def required_yaml(path: Path, expected: str, problems: list[Problem]) -> Fields | None:
    """The fields of a YAML file that must exist, or None after reporting why they cannot be had."""
    if not path.is_file():
        problems.append(Problem(str(path), None, "file", expected))
        return None
    meta, found = _parsed(path, load_yaml_file)
    problems += found
    return Fields(meta, str(path), problems) if meta is not None else None


def read_persons(path: Path, municipality: str, problems: list[Problem]) -> dict[str, Person]:
    if not path.is_file():
        return {}
    meta, found = _parsed(path, load_yaml_file)
    problems += found
    persons = {}
    for person_id in meta or {}:
        fields = Fields(meta, str(path), problems)
        if not isinstance(person_id, str) or not ID.match(person_id):
            fields.problem(str(person_id), "a person id of lower-case letters, digits and '-'")
            continue
        entry = fields.mapping(person_id)
        if entry is None:
            fields.problem(person_id, "a mapping with name and party")
            continue
        entry.unknown_keys(("name", "party"))
        persons[person_id] = Person(municipality, person_id, entry.text("name") or person_id, entry.text("party", required=False))
    return persons


def read_committee(folder: Path, persons: dict, municipality: str, problems: list[Problem]) -> Committee | None:
    meta_path = folder / "committee.yaml"
    committee_id = _folder_id(folder, problems)
    if committee_id in RESERVED_COMMITTEE_IDS:
        problems.append(Problem(str(folder), None, "folder name", f"a committee id other than {', '.join(RESERVED_COMMITTEE_IDS)} (used for other pages)"))
        return None
    fields = required_yaml(meta_path, "committee.yaml with the committee's name", problems)
    if fields is None or committee_id is None:
        return None
    fields.unknown_keys(("name", "period", "members"))
    committee = Committee(municipality, committee_id, fields.text("name") or committee_id, fields.text("period", required=False))
    committee.members = [read_membership(m, persons) for m in fields.mappings("members")]
    committee.meetings = [m for f in _subfolders(folder) if (m := read_meeting(f, committee, persons, problems))]
    return committee


def known_persons(fields: Fields, key: str, persons: dict) -> list[str]:
    """The person ids listed under ``key``, each checked against persons.yaml."""
    ids = fields.ids(key)
    for person_id, line in ids:
        if person_id not in persons:
            fields.problem(key, f"a person listed in persons.yaml, found unknown '{person_id}'", line)
    return [person_id for person_id, _ in ids]


def read_membership(fields: Fields, persons: dict) -> Membership:
    fields.unknown_keys(("person", "role", "from", "to"))
    person = fields.text("person") or ""
    if person not in persons:
        fields.problem("person", f"a person listed in persons.yaml, found unknown '{person}'")
    return Membership(person, fields.text("role") or "Medlem", fields.date("from", required=False), fields.date("to", required=False))


def read_meeting(folder: Path, committee: Committee, persons: dict, problems: list[Problem]) -> Meeting | None:
    meta_path = folder / "meeting.yaml"
    if not MEETING_ID.match(folder.name):
        problems.append(Problem(str(folder), None, "folder name", "the meeting's date YYYY-MM-DD, with -2, -3 … for a second meeting that day"))
        return None
    fields = required_yaml(meta_path, "meeting.yaml describing the meeting", problems)
    if fields is None:
        return None
    fields.unknown_keys(("date", "kind", "number", "start", "end", "location", "present", "absent", "substitutes",
                         "other_attendees", "signed_by", "incomplete", "source"))
    date = fields.date("date")
    if date and not folder.name.startswith(date.isoformat()):
        fields.problem("date", f"the date in the folder name {folder.name}")
    meeting = Meeting(
        municipality=committee.municipality, committee=committee.id, id=folder.name, date=date,
        kind=fields.choice("kind", DOCUMENT_KINDS), number=fields.text("number", required=False),
        start=fields.time("start"), end=fields.time("end"), location=fields.text("location", required=False),
        other_attendees=fields.texts("other_attendees"), signed_by=fields.texts("signed_by"),
    )
    meeting.present = known_persons(fields, "present", persons)
    meeting.absent = known_persons(fields, "absent", persons)
    meeting.substitutes = read_substitutes(fields, persons, meeting)
    meeting.incomplete = read_incomplete(fields)
    meeting.source = read_source(fields, None)
    meeting.original = read_original(fields, folder, _parsed)
    source_file = meeting.source.file if meeting.source else None
    items: dict[int, AgendaItem] = {}
    for path in sorted(folder.glob("punkt-*.md")):
        item = read_item(path, source_file, persons, problems)
        if item and item.number in items:
            problems.append(Problem(str(path), 2, "number", f"an item number used once per meeting, found {item.number} twice"))
        elif item:
            items[item.number] = item
    meeting.items = sorted(items.values(), key=lambda i: i.number)
    labels: set[str] = set()
    for path in sorted((folder / "bilag").glob("*.md")):
        attachment = read_attachment(path, source_file, items, problems)
        if attachment and attachment.label in labels:
            problems.append(Problem(str(path), 2, "label", f"an attachment label used once per meeting, found {attachment.label} twice"))
        elif attachment:
            labels.add(attachment.label)
            meeting.attachments.append(attachment)
    problems += unpublishable(meeting.original, meeting.items, folder)
    return meeting if date else None


def read_item(path: Path, source_file: str | None, persons: dict, problems: list[Problem]) -> AgendaItem | None:
    meta, body, body_line, found = _parsed(path, load_markdown_file)
    problems += found
    if meta is None:
        return None
    fields = Fields(meta, str(path), problems)
    fields.unknown_keys(("number", "title", "access", "case", "type", "absent", "attachments",
                         "decision", "earlier_decisions", "source"))
    item = AgendaItem(number=fields.integer("number"), title=fields.text("title") or "",
                      access=fields.choice("access", (OPEN, CLOSED), default=OPEN),
                      case_number=fields.text("case", required=False), item_type=fields.text("type", required=False),
                      absent=known_persons(fields, "absent", persons), attachments=fields.texts("attachments"),
                      sections=read_sections(body), source=read_source(fields, source_file) if source_file else None)
    decision = fields.mapping("decision")
    if decision:
        decision.unknown_keys(("heading", "text"))
        item.decision = Decision(decision.text("heading", required=False) or "Beslutning", decision.text("text") or "")
    for earlier in fields.mappings("earlier_decisions"):
        earlier.unknown_keys(("date", "body", "text"))
        item.earlier_decisions.append(EarlierDecision(earlier.date("date", required=False), earlier.text("body", required=False) or "", earlier.text("text") or ""))
    if item.is_closed and (body.strip() or item.decision or item.earlier_decisions or item.attachments or item.case_number
                           or item.item_type or item.absent):
        problems.append(Problem(str(path), body_line if body.strip() else meta.line, "access",
                                "a closed item (access: closed) with number and title only, found further text"))
    return item if item.number is not None else None


def read_sections(body: str) -> list[Section]:
    """``## Heading`` lines start sections; text before the first heading is an untitled section."""
    parts = SECTION_HEADING.split(body)
    sections = [Section("", parts[0].strip())] if parts[0].strip() else []
    return sections + [Section(heading, text.strip()) for heading, text in zip(parts[1::2], parts[2::2])]


def read_attachment(path: Path, source_file: str | None, items: dict, problems: list[Problem]) -> AttachmentDocument | None:
    meta, body, _, found = _parsed(path, load_markdown_file)
    problems += found
    if meta is None:
        return None
    fields = Fields(meta, str(path), problems)
    fields.unknown_keys(("label", "title", "item", "reference", "source"))
    label = fields.text("label")
    item = fields.integer("item", required=False)
    if item is not None and item not in items:
        fields.problem("item", f"the number of an agenda item of this meeting, found {item}")
    elif item is not None and items[item].is_closed:
        fields.problem("item", f"an open agenda item; item {item} is closed, so its attachments are not published")
    if label and not re.match(r"^[0-9A-Za-z][0-9A-Za-z.-]*$", label):
        fields.problem("label", "a label of letters, digits, '.' and '-', e.g. 3.1")
        label = None
    return AttachmentDocument(label=label, title=fields.text("title") or "", item=item,
                              reference=fields.text("reference", required=False),
                              text_file=MarkdownBody(str(path), body_digest(body)),
                              source=read_source(fields, source_file) if source_file else None) if label else None
