"""What the site-wide pages and files need of a municipality: its *outline*.

Nothing on a municipality's pages, data files or search documents depends on
another municipality (docs/scaling.md). What spans them (the home and data
pages, the site feed, the sitemap index, the search index's tables) needs only
a little of each, which the outline keeps, so that a build can make them
without loading the municipalities that did not change (docs/building.md).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from . import AgendaItem, Archive, Meeting, Municipality

# The site feed shows the latest 50 meetings, the home page the latest 10: an outline keeps at least the
# municipality's latest 50, which include the site's latest ones.
OUTLINE_MEETINGS = 50


@dataclass
class Outline:
    """``municipality`` is a shortened copy: its committees (without members) hold only the municipality's
    latest meetings (``OUTLINE_MEETINGS``), their items with number, title, access and decision. The counts
    are of the whole municipality."""

    municipality: Municipality
    meetings: dict[str, int]  # committee id → its meetings
    rows: dict[str, int]  # CSV table name → the municipality's rows in it
    pages: int = 0  # the municipality's pages in its sitemap

    @property
    def id(self) -> str:
        return self.municipality.id


def outline_of(municipality: Municipality, rows: dict[str, int], pages: int = 0) -> Outline:
    latest = {id(m): m for m in _latest(municipality.meetings())}
    shortened = dataclasses.replace(municipality, persons={}, cases={}, committees={})
    for committee in municipality.committees.values():
        kept = [_short_meeting(m) for m in committee.meetings if id(m) in latest]
        shortened.committees[committee.id] = dataclasses.replace(committee, members=[], meetings=kept)
    return Outline(shortened, {c.id: len(c.meetings) for c in municipality.committees.values()}, rows, pages)


def _latest(meetings: list[Meeting]) -> list[Meeting]:
    """Every meeting from the date of the latest ``OUTLINE_MEETINGS``th on (``meetings`` in date order): the
    latest ones by the home page's order and by the feed's, which orders a day's meetings by starting time."""
    if len(meetings) <= OUTLINE_MEETINGS:
        return meetings
    since = meetings[-OUTLINE_MEETINGS].date
    return [m for m in meetings if m.date >= since]


def _short_meeting(meeting: Meeting) -> Meeting:
    short = dataclasses.replace(meeting, attachments=[], items=[])
    short.items = [AgendaItem(i.number, i.title, i.access, decision=i.decision, meeting=short) for i in meeting.items]
    return short


def outline_archive(outlines: Iterable[Outline]) -> Archive:
    """The outlines' shortened municipalities as one archive, in id order."""
    return Archive({o.id: o.municipality for o in sorted(outlines, key=lambda o: o.id)})
