"""What the data page lists: every data file with its address (from the site root), meaning and fields.

Made from the outlines of the site's municipalities (``parts.Outline``) alone,
like the site-wide data files.
"""
from __future__ import annotations

from .. import locations
from ..model.outline import Outline
from .jsondata import SCHEMAS
from .tables import TABLES, csv_paths

JSON_FILES = (
    ("meeting", "Et møde", "data/<kommune>/<udvalg>/<møde>.json",
     "Mødet i samme form som importen udskriver (import --dry-run --json): udvalg, tid, sted, medlemmer med parti og "
     "rolle, fravær, dagsordenspunkter med afsnit, beslutning, tidligere beslutninger og bilag, samt linjenumre i kilden."),
    ("committee", "Et udvalg", "data/<kommune>/<udvalg>.json",
     "Navn, valgperiode, medlemskaber (rolle fra første til sidste møde den er set på), møderne med adresser, feed og kalender."),
    ("person", "En person", "data/<kommune>/personer/<person>.json",
     "Navn, parti, medlemskaber og fremmøde: til stede eller fraværende ved hvert møde, og punkter personen var fraværende under."),
    ("case", "En sag", "data/<kommune>/sager/<sag>.json",
     "Sagsnummer og titel og hvert åbent punkt om sagen på tværs af møder, med beslutninger og tidligere beslutninger."),
    ("municipality", "En hel kommune", "data/<kommune>.json",
     "Kommunen med alle udvalg, personer, sager og møder (hvert møde i fuld form) i én fil."),
    ("archive", "Oversigt", locations.ARCHIVE_JSON,
     "Alle kommuner med antal møder og adresserne på deres JSON-fil og CSV-tabeller."),
)


def by_id(outlines: list[Outline]) -> list[Outline]:
    return sorted(outlines, key=lambda o: o.id)


def municipality_files(outline: Outline) -> dict:
    return {"name": outline.municipality.name, "data": locations.json_path(outline.municipality),
            "meetings": sum(outline.meetings.values()), "tables": csv_paths(outline.id),
            "csv_zip": locations.csv_zip_path(outline.id), "zip": locations.zip_path(outline.id)}


def data_catalog(outlines: list[Outline]) -> dict:
    """The data page's listing; file addresses are paths from the site root."""
    committees = [(o, c) for o in by_id(outlines) for c in sorted(o.municipality.committees.values(), key=lambda c: c.id)]
    return {
        "archive_json": locations.ARCHIVE_JSON,
        "archive_zip": locations.ARCHIVE_ZIP,
        "json_files": [{"schema": locations.schema_path(name), "title": title, "pattern": pattern, "description": text}
                       for name, title, pattern, text in JSON_FILES],
        "schemas": [locations.schema_path(name) for name in SCHEMAS],
        "tables": [{"name": t.name, "path": t.path, "description": t.description, "columns": t.columns,
                    "rows": sum(o.rows[t.name] for o in outlines)} for t in TABLES],
        "municipalities": [municipality_files(o) for o in by_id(outlines)],
        "site_feed": locations.SITE_FEED,
        "committees": [{"municipality": o.municipality.name, "name": c.name, "feed": locations.feed_path(o.id, c.id),
                        "calendar": locations.calendar_path(c), "meetings": o.meetings[c.id]} for o, c in committees],
        "meetings": sum(n for o in outlines for n in o.meetings.values()),
        "latest": max((m.date for o in outlines for m in o.municipality.meetings()), default=None),
    }
