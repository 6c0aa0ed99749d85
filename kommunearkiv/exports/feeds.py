"""Atom feeds (RFC 4287) of new meetings and decisions: one for the whole site, one per committee.

An entry per meeting (its agenda: number and title of every item) and one
per decision taken at it, newest first, for the latest ``MEETINGS_PER_FEED``
meetings. Links are absolute with ``--site-url``; otherwise relative to the
feed file, which Atom readers resolve against the feed's own address. The
site feed is written from the municipalities' outlines (``parts.Outline``),
which hold each one's latest meetings: all the feed shows.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from .. import locations, paths
from ..labels import agenda_text, meeting_title
from ..model import Archive, Committee, Meeting, Municipality
from ..model.outline import Outline, outline_archive
from ..times import meeting_start, stable_id, updated
from .files import write_text

ATOM = "http://www.w3.org/2005/Atom"
MEETINGS_PER_FEED = 50


def address(path: str, feed_file: str, site_url: str | None) -> str:
    return site_url.rstrip("/") + "/" + path if site_url else locations.relative(path, feed_file)


def add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element


def add_entry(feed: ET.Element, id_path: str, title: str, when: str, link: str, summary: str) -> None:
    entry = add(feed, "entry")
    add(entry, "id", stable_id(id_path))
    add(entry, "title", title)
    add(entry, "updated", when)
    add(entry, "link", rel="alternate", type="text/html", href=link)
    add(entry, "summary", summary, type="text")


def add_meeting_entries(feed: ET.Element, archive: Archive, meeting: Meeting, feed_file: str, site_url: str | None) -> None:
    when = meeting_start(meeting).isoformat()
    page = paths.meeting_path(meeting)
    add_entry(feed, page, meeting_title(archive, meeting), when, address(page, feed_file, site_url), agenda_text(meeting))
    for item in meeting.items:
        if item.decision and not item.is_closed:
            page = paths.item_path(item)
            add_entry(feed, page + "#beslutning", f"Beslutning: {item.title}", when,
                      address(page, feed_file, site_url), item.decision.text)


def feed_text(archive: Archive, meetings: list[Meeting], title: str, author: str, page: str, feed_file: str,
              site_url: str | None) -> str:
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "da"})
    add(feed, "id", stable_id(feed_file))
    add(feed, "title", title)
    add(feed, "updated", updated(meetings).isoformat())
    add(add(feed, "author"), "name", author)
    add(feed, "link", rel="alternate", type="text/html", href=address(page, feed_file, site_url))
    if site_url:
        add(feed, "link", rel="self", type="application/atom+xml", href=address(feed_file, feed_file, site_url))
    latest = sorted(meetings, key=lambda m: (meeting_start(m), m.municipality, m.committee, m.id), reverse=True)
    for meeting in latest[:MEETINGS_PER_FEED]:
        add_meeting_entries(feed, archive, meeting, feed_file, site_url)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def committee_feed(archive: Archive, committee: Committee, site_url: str | None) -> str:
    municipality = archive.municipalities[committee.municipality]
    return feed_text(archive, committee.meetings, f"{committee.name} ({municipality.name}): møder og beslutninger",
                     municipality.name, paths.committee_path(committee), locations.feed_path(committee.municipality, committee.id), site_url)


def write_site_feed(outlines: list[Outline], site_dir: Path, site_url: str | None) -> list[str]:
    latest = outline_archive(outlines)
    return [write_text(site_dir, locations.SITE_FEED, feed_text(
        latest, latest.meetings(), "Kommunearkiv: nye møder og beslutninger", "Kommunearkiv", "",
        locations.SITE_FEED, site_url))]


def write_committee_feeds(archive: Archive, municipality: Municipality, site_dir: Path, site_url: str | None) -> list[str]:
    return [write_text(site_dir, locations.feed_path(c.municipality, c.id), committee_feed(archive, c, site_url))
            for c in municipality.committees.values()]
