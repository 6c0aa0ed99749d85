"""Who attended a Lyngby-Taarbæk meeting: members with "deltog" / "var fraværende",
other attendees, and the "Name / var fraværende" pairs that close each item."""
from __future__ import annotations

import re

from .text import is_blank

MEMBERS_HEADINGS = {"medlemmer", "deltagere", "indkaldelse", "indkaldte"}
OTHERS_HEADING = re.compile(r"^derudover deltog\s*:?\s*(.*)$", re.IGNORECASE)
STATUS_WORDS = r"(?P<status>deltog(?: ikke)?|var fraværende|fraværende|meldt afbud|afbud)"
STATUS = re.compile(rf"^(?:(?P<name>.+?)\s+)?{STATUS_WORDS}\s*\.?$", re.IGNORECASE)
STATUS_ONLY = re.compile(rf"^{STATUS_WORDS}\s*\.?$", re.IGNORECASE)
ABSENT_STATUS = re.compile(r"fraværende|ikke|afbud", re.IGNORECASE)
ROLE_WORDS = {"formand", "næstformand", "borgmester", "viceborgmester", "medlem"}
PARTY = re.compile(r"^[A-ZÆØÅ]{1,2}$")


def parse_attendance(block: list[str], offset: int, warnings: list[str]) -> dict:
    """Members (name / status pairs), absent members and other attendees between header and contents."""
    members, absent, others, mode = [], [], [], None
    for i, text in ((i, line.strip()) for i, line in enumerate(block) if line.strip()):
        other = OTHERS_HEADING.match(text)
        if text.lower() in MEMBERS_HEADINGS:
            mode = "members"
        elif other:
            mode = "others"
            others.extend(name.strip() for name in other[1].split(",") if name.strip())
        elif mode == "others":
            others.append(text)
        elif mode == "members":
            add_member(text, members, absent)
        else:
            warnings.append(f"line {offset + i + 1}: text before the member list: {text!r}")
    return {"members": members, "absent": absent, "other_attendees": others}


def status_of(text: str) -> tuple[str | None, str] | None:
    """(name or None, status) for "deltog", "var fraværende" or "Name var fraværende"; None for other lines."""
    only = STATUS_ONLY.match(text)
    if only:
        return None, only["status"]
    named = STATUS.match(text)
    return (named["name"], named["status"]) if named else None


def add_member(text: str, members: list[dict], absent: list[str]) -> None:
    """A name line adds a member; a status line ("var fraværende") applies to the member before it."""
    status = status_of(text)
    if status and status[0] is None and members:
        if ABSENT_STATUS.search(status[1]) and members[-1]["name"] not in absent:
            absent.append(members[-1]["name"])
        return
    members.append(member(status[0] if status else text))
    if status and ABSENT_STATUS.search(status[1]):
        absent.append(members[-1]["name"])


def member(text: str) -> dict:
    """{"name", "party", "role"} from "Name", "Name (A)", "Name (formand)" or "Name, formand"."""
    name, party, role = text.strip(), None, "Medlem"
    for note in re.findall(r"\(([^)]*)\)", name):
        for part in (p.strip() for p in note.split(",")):
            if PARTY.match(part):
                party = part
            elif part.lower() in ROLE_WORDS:
                role = part.capitalize()
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    head, _, tail = name.rpartition(",")
    if head and tail.strip().lower() in ROLE_WORDS:
        name, role = head.strip(), tail.strip().capitalize()
    return {"name": name, "party": party, "role": role}


def pair_end(lines: list[str], i: int) -> int | None:
    """Index of the status line when ``lines[i]`` starts a "Name / var fraværende" pair (or a one-line form)."""
    status = status_of(lines[i].strip())
    if status and status[0] and ABSENT_STATUS.search(status[1]):
        return i
    j = i + 1
    while j < len(lines) and is_blank(lines[j]):
        j += 1
    if j < len(lines) and j - i <= 3 and len(lines[i].split()) <= 6:
        status = status_of(lines[j].strip())
        if status and status[0] is None and ABSENT_STATUS.search(status[1]):
            return j
    return None
