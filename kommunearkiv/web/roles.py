"""Who sits on a committee, true over time: each member with the role held at the latest date the
memberships reach, their attendance while a member, and every role before that.

A membership runs from the first to the last meeting its role was seen at, so
the roles that reach the latest date are the roles of one meeting: a committee
never shows two chairs at once because roles held at different meetings were merged.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import Committee, Membership, Person
from .summaries import Attendance, attendance_of

ROLE_ORDER = ("formand", "næstformand")


@dataclass(frozen=True)
class Member:
    """A member at the committee's latest date: the role held then, and attendance at the committee's
    meetings that recorded the person's attendance (the meetings the person sat on it)."""

    person: Person
    role: str
    attendance: Attendance


@dataclass(frozen=True)
class Spell:
    """One role held by one person over a period (``start`` and ``end`` the first and last meeting it was seen at)."""

    person: Person
    role: str
    start: dt.date | None
    end: dt.date | None


def role_rank(role: str) -> int:
    """Chair first, then vice-chair, then everyone else."""
    key = role.casefold()
    return ROLE_ORDER.index(key) if key in ROLE_ORDER else len(ROLE_ORDER)


def latest_date(committee: Committee) -> dt.date | None:
    return max((m.end for m in committee.members if m.end), default=None)


def current(membership: Membership, latest: dt.date | None) -> bool:
    """Held at the latest date (a membership without dates is taken to hold throughout)."""
    return membership.end is None or membership.end == latest


def current_members(committee: Committee, persons: dict[str, Person]) -> list[Member]:
    """The members at the committee's latest date with their role then, the chair first."""
    latest = latest_date(committee)
    roles: dict[str, str] = {}
    for membership in committee.members:
        if current(membership, latest):
            roles.setdefault(membership.person, membership.role)
    members = [Member(persons[pid], role, attendance_of(pid, committee.meetings)) for pid, role in roles.items()]
    return sorted(members, key=lambda m: role_rank(m.role))


def role_history(committee: Committee, persons: dict[str, Person]) -> list[Spell]:
    """Every role held on the committee, earliest first (at one start date, the chair first)."""
    spells = [Spell(persons[m.person], m.role, m.start, m.end) for m in committee.members]
    return sorted(spells, key=lambda s: (s.start or dt.date.min, role_rank(s.role), s.person.name))


def recorded_meetings(committee: Committee) -> int:
    """The committee's meetings that recorded who attended."""
    return sum(1 for meeting in committee.meetings if meeting.attendance)
