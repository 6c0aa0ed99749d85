"""Who sat at a meeting besides its members: the substitutes (stedfortrædere) of ``meeting.yaml``."""
from __future__ import annotations

from ..model import Meeting, Substitute
from .fields import Fields


def read_substitutes(fields: Fields, persons: dict, meeting: Meeting) -> list[Substitute]:
    """Who took a member's seat; neither a member at the meeting themselves nor standing in for one present."""
    substitutes: list[Substitute] = []
    for entry in fields.mappings("substitutes"):
        entry.unknown_keys(("person", "replaces"))
        person = known_person(entry, "person", persons, required=True)
        replaces = known_person(entry, "replaces", persons, required=False)
        if person in meeting.attendance:
            entry.problem("person", f"a substitute, who is not a member listed as present or absent, found '{person}' there")
        elif person in {s.person for s in substitutes}:
            entry.problem("person", f"each substitute once, found '{person}' again")
        elif replaces in meeting.present:
            entry.problem("replaces", f"a member who was not present, found '{replaces}' under present")
        elif person:
            substitutes.append(Substitute(person, replaces))
    return substitutes


def known_person(fields: Fields, key: str, persons: dict, required: bool) -> str | None:
    person = fields.text(key, required=required)
    if person is not None and person not in persons:
        fields.problem(key, f"a person listed in persons.yaml, found unknown '{person}'")
        return None
    return person
