"""Atom feeds parse with feedparser as well-formed Atom 1.0; calendars parse with icalendar."""
from __future__ import annotations

import datetime as dt

import feedparser
from icalendar import Calendar

from kommunearkiv import locations
from kommunearkiv.exports.feeds import feed_text
from kommunearkiv.times import DANISH_TIME


def parsed(path):
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_site_feed_has_every_meeting_and_open_decision(site):
    archive, site_dir, _ = site
    feed = parsed(site_dir / locations.SITE_FEED)
    meetings = archive.meetings()
    decisions = [i for m in meetings for i in m.items if i.decision and not i.is_closed]
    assert len(feed.entries) == len(meetings) + len(decisions)
    assert len({e.id for e in feed.entries}) == len(feed.entries)
    assert feed.entries[0].link == "https://arkiv.example.dk/gentofte/erhvervsudvalget/2019-02-28/"
    assert feed.feed.updated_parsed[:5] == (2019, 2, 28, 15, 0)  # 16:00 Danish time


def test_committee_feeds(site):
    archive, site_dir, _ = site
    for municipality in archive.municipalities.values():
        for committee in municipality.committees.values():
            feed = parsed(site_dir / locations.feed_path(committee.municipality, committee.id))
            assert {e.link for e in feed.entries} >= {f"https://arkiv.example.dk/{m.municipality}/{m.committee}/{m.id}/"
                                                      for m in committee.meetings}


def test_links_without_site_url_are_relative_to_the_feed(archive, tmp_path):
    path = tmp_path / locations.SITE_FEED
    path.parent.mkdir(parents=True)
    path.write_text(feed_text(archive, archive.meetings(), "t", "a", "", locations.SITE_FEED, None), encoding="utf-8")
    feed = parsed(path)
    assert feed.feed.link == "../../"
    assert feed.entries[0].link == "../../gentofte/erhvervsudvalget/2019-02-28/"


def test_calendar_has_an_event_per_meeting_at_its_danish_time(site):
    archive, site_dir, _ = site
    committee = archive.municipalities["alleroed"].committees["oekonomiudvalget-2014-2017"]
    calendar = Calendar.from_ical((site_dir / locations.calendar_path(committee)).read_bytes())
    events = {e.decoded("uid"): e for e in calendar.walk("VEVENT")}
    assert len(events) == len(committee.meetings)
    starts = sorted((e.decoded("dtstart") for e in events.values() if isinstance(e.decoded("dtstart"), dt.datetime)))
    assert [s.astimezone(DANISH_TIME).strftime("%Y-%m-%d %H:%M") for s in starts] == ["2015-05-13 07:30", "2016-06-08 17:00"]
    all_day = [e for e in events.values() if not isinstance(e.decoded("dtstart"), dt.datetime)]
    assert [e.decoded("dtstart") for e in all_day] == [dt.date(2016, 6, 8)]
    first = next(e for e in events.values() if e.decoded("dtstart") == starts[0])
    assert str(first["location"]) == "Rådhuset, mødelokale 1"
    assert first.decoded("dtend").astimezone(DANISH_TIME).strftime("%H:%M") == "08:35"
