"""Times for feeds and calendars, from the content only: a build never stamps the time it ran.

A meeting happens at its date and start time in Danish time; without a start
time, at the start of its day. "Updated" of a whole feed or calendar is the
latest meeting's time, or ``SOURCE_DATE_EPOCH`` when that is set (the
reproducible-builds convention) or the archive has no meetings.
"""
from __future__ import annotations

import datetime as dt
import os
import uuid
from zoneinfo import ZoneInfo

from .errors import InputError
from .model import Meeting

DANISH_TIME = ZoneInfo("Europe/Copenhagen")
ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/kommunearkiv")


def at(date: dt.date, time: str | None) -> dt.datetime:
    """``date`` at ``time`` ("HH:MM", Danish time) as a UTC time."""
    hours, minutes = map(int, (time or "00:00").split(":"))
    return dt.datetime(date.year, date.month, date.day, hours, minutes, tzinfo=DANISH_TIME).astimezone(dt.timezone.utc)


def meeting_start(meeting: Meeting) -> dt.datetime:
    return at(meeting.date, meeting.start)


def updated(meetings: list[Meeting]) -> dt.datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        if not epoch.strip().isdigit():
            raise InputError.single("SOURCE_DATE_EPOCH", None, "environment", f"a whole number of seconds since 1970-01-01, found {epoch!r}")
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return max((meeting_start(m) for m in meetings), default=dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc))


def stable_id(path: str) -> str:
    """A URN that names ``path``'s thing for good, wherever the site is published."""
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, path)}"
