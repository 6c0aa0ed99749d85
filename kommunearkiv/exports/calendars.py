"""iCalendar files (RFC 5545), one per committee: an event per meeting.

Times are written in UTC (converted from Danish time), so no time-zone
definitions are needed; a meeting without a start time is an all-day event.
The description lists the agenda, number and title of every item.
"""
from __future__ import annotations

from pathlib import Path

from icalendar import Calendar, Event

from .. import locations, paths
from ..labels import agenda_text, meeting_title
from ..model import Archive, Committee, Meeting, Municipality
from .files import write_text
from ..times import at, meeting_start, stable_id, updated

PRODUCT_ID = "-//kommunearkiv//kommunearkiv//DA"


def meeting_event(archive: Archive, meeting: Meeting, stamp, site_url: str | None) -> Event:
    event = Event()
    event.add("uid", stable_id(paths.meeting_path(meeting)).removeprefix("urn:uuid:") + "@kommunearkiv")
    event.add("dtstamp", stamp)
    if meeting.start:
        event.add("dtstart", meeting_start(meeting))
        if meeting.end and meeting.end > meeting.start:
            event.add("dtend", at(meeting.date, meeting.end))
    else:
        event.add("dtstart", meeting.date)
    event.add("summary", meeting_title(archive, meeting))
    if meeting.location:
        event.add("location", meeting.location)
    event.add("description", agenda_text(meeting))
    if site_url:
        event.add("url", site_url.rstrip("/") + "/" + paths.meeting_path(meeting))
    return event


def calendar_text(archive: Archive, committee: Committee, site_url: str | None) -> str:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{committee.name} ({archive.municipalities[committee.municipality].name})")
    stamp = updated(committee.meetings)
    for meeting in committee.meetings:
        calendar.add_component(meeting_event(archive, meeting, stamp, site_url))
    return calendar.to_ical().decode("utf-8")


def write_calendars(archive: Archive, municipality: Municipality, site_dir: Path, site_url: str | None) -> list[str]:
    return [write_text(site_dir, locations.calendar_path(c), calendar_text(archive, c, site_url))
            for c in municipality.committees.values()]
