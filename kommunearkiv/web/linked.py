"""What pages say about their data: schema.org JSON-LD and ``<link rel="alternate">`` targets.

Both return plain data for the page templates. Addresses are joined to
``base``: the site's public address when known, else the page's relative
way to the site root (``../../``), which JSON-LD resolves against the page.
"""
from __future__ import annotations

from .. import locations, paths
from ..dates import iso_date
from ..labels import agenda_text, meeting_title
from ..model import Archive, Case, Committee, Meeting, Membership, Person
from ..times import DANISH_TIME, at, meeting_start

CONTEXT = "https://schema.org"
JSON = "application/json"
ATOM = "application/atom+xml"
CALENDAR = "text/calendar"


def organization(archive: Archive, committee: Committee, base: str) -> dict:
    municipality = archive.municipalities[committee.municipality]
    return {"@type": "GovernmentOrganization", "name": committee.name, "url": base + paths.committee_path(committee),
            "parentOrganization": {"@type": "GovernmentOrganization", "name": municipality.name,
                                   "url": base + paths.municipality_path(municipality)}}


def role(membership: Membership, key: str, value: dict) -> dict:
    dates = {"startDate": iso_date(membership.start), "endDate": iso_date(membership.end)}
    return {"@type": "OrganizationRole", "roleName": membership.role, key: value,
            **{k: v for k, v in dates.items() if v}}


def meeting_ld(archive: Archive, meeting: Meeting, base: str) -> dict:
    times = {"startDate": meeting_start(meeting).astimezone(DANISH_TIME).isoformat() if meeting.start else meeting.date.isoformat()}
    if meeting.start and meeting.end and meeting.end > meeting.start:
        times["endDate"] = at(meeting.date, meeting.end).astimezone(DANISH_TIME).isoformat()
    place = {"location": {"@type": "Place", "name": meeting.location}} if meeting.location else {}
    return {"@context": CONTEXT, "@type": "Event", "name": meeting_title(archive, meeting),
            "url": base + paths.meeting_path(meeting), **times, **place,
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "organizer": organization(archive, archive.committee(meeting), base), "description": agenda_text(meeting)}


def person_ld(archive: Archive, person: Person, base: str) -> dict:
    committees = archive.municipalities[person.municipality].committees.values()
    return {"@context": CONTEXT, "@type": "Person", "name": person.name, "url": base + paths.person_path(person),
            "memberOf": [role(m, "memberOf", organization(archive, c, base)) for c in committees for m in c.members
                         if m.person == person.id]}


def committee_ld(archive: Archive, committee: Committee, base: str) -> dict:
    persons = archive.municipalities[committee.municipality].persons
    members = [role(m, "member", {"@type": "Person", "name": persons[m.person].name,
                                  "url": base + paths.person_path(persons[m.person])}) for m in committee.members]
    return {"@context": CONTEXT, **organization(archive, committee, base), "member": members}


def json_ld(archive: Archive, thing: Meeting | Person | Committee, base: str = "") -> dict:
    """schema.org Event (meeting), Person (member) or GovernmentOrganization (committee)."""
    match thing:
        case Meeting():
            return meeting_ld(archive, thing, base)
        case Person():
            return person_ld(archive, thing, base)
        case Committee():
            return committee_ld(archive, thing, base)
    raise TypeError(f"no JSON-LD for a {type(thing).__name__}")


def alternate_links(thing=None) -> list[dict]:
    """``{"type", "href", "title"}`` of each alternate form of the page showing ``thing`` (None: any other page);
    ``href`` is a path from the site root."""
    site_feed = {"type": ATOM, "href": locations.SITE_FEED, "title": "Nye møder og beslutninger (Atom)"}
    match thing:
        case Meeting():
            return [{"type": JSON, "href": locations.json_path(thing), "title": "Mødet som JSON"},
                    {"type": ATOM, "href": locations.feed_path(thing.municipality, thing.committee), "title": "Udvalgets møder og beslutninger (Atom)"}]
        case Committee():
            return [{"type": JSON, "href": locations.json_path(thing), "title": "Udvalget som JSON"},
                    {"type": ATOM, "href": locations.feed_path(thing.municipality, thing.id), "title": f"{thing.name} (Atom)"},
                    {"type": CALENDAR, "href": locations.calendar_path(thing), "title": f"{thing.name} (iCalendar)"}]
        case Person():
            return [{"type": JSON, "href": locations.json_path(thing), "title": "Personen som JSON"}]
        case Case():
            return [{"type": JSON, "href": locations.json_path(thing), "title": "Sagen som JSON"}]
    return [site_feed]
