"""Connect what the files keep apart: items to their meetings, cases across meetings, roles at each meeting."""
from __future__ import annotations

from pathlib import Path

from ..errors import Problem
from ..model import AgendaItem, Archive, Case, Committee, Meeting
from ..slugs import slug


def link_archive(archive: Archive, content_dir: Path) -> list[Problem]:
    problems: list[Problem] = []
    for municipality in archive.municipalities.values():
        for committee in municipality.committees.values():
            committee.meetings.sort(key=lambda m: (m.date, m.id))
            for meeting in committee.meetings:
                attach_back_references(meeting)
                meeting.roles = roles_at(committee, meeting)
                problems += collect_cases(municipality.cases, meeting, content_dir)
        for case in municipality.cases.values():
            case.items.sort(key=lambda i: (i.meeting.date, i.meeting.committee, i.meeting.id, i.number))
        municipality.cases = dict(sorted(municipality.cases.items()))
    return problems


def attach_back_references(meeting: Meeting) -> None:
    for item in meeting.items:
        item.meeting = meeting
    for attachment in meeting.attachments:
        attachment.meeting = meeting


def roles_at(committee: Committee, meeting: Meeting) -> dict[str, str]:
    """Each member's role on the meeting's date, from the committee's memberships."""
    roles = {}
    for membership in committee.members:
        if (membership.start is None or membership.start <= meeting.date) and (membership.end is None or meeting.date <= membership.end):
            roles[membership.person] = membership.role
    return roles


def collect_cases(cases: dict[str, Case], meeting: Meeting, content_dir: Path) -> list[Problem]:
    problems = []
    for item in meeting.items:
        if not item.case_number:
            continue
        case_id = slug(item.case_number)
        if not case_id:
            problems.append(Problem(item_file(content_dir, meeting, item), None, "case",
                                    f"a case number with letters or digits, found {item.case_number!r}"))
            continue
        case = cases.setdefault(case_id, Case(meeting.municipality, case_id, item.case_number))
        if case.number != item.case_number:
            problems.append(Problem(item_file(content_dir, meeting, item), None, "case",
                                    f"case numbers that differ in more than punctuation; {item.case_number!r} and {case.number!r} share the id {case_id}"))
            continue
        case.items.append(item)
    return problems


def item_file(content_dir: Path, meeting: Meeting, item: AgendaItem) -> str:
    return str(content_dir / meeting.municipality / meeting.committee / meeting.id / f"punkt-{item.number:02d}.md")
