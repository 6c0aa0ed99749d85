"""What the data page lists: every data file with its address (from the site root), meaning and fields."""
from __future__ import annotations

from ..model import Archive
from . import locations
from .jsondata import SCHEMAS
from .tables import TABLES

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
    ("archive", "Hele arkivet", locations.ARCHIVE_JSON,
     "Alle kommuner med udvalg, personer, sager og møder (hvert møde i fuld form) i én fil."),
)


def data_catalog(archive: Archive) -> dict:
    """The data page's listing; file addresses are paths from the site root."""
    committees = [(mu, c) for mu in sorted(archive.municipalities.values(), key=lambda mu: mu.id)
                  for c in sorted(mu.committees.values(), key=lambda c: c.id)]
    return {
        "archive_json": locations.ARCHIVE_JSON,
        "json_files": [{"schema": locations.schema_path(name), "title": title, "pattern": pattern, "description": text}
                       for name, title, pattern, text in JSON_FILES],
        "schemas": [locations.schema_path(name) for name in SCHEMAS],
        "tables": [{"name": t.name, "path": t.path, "description": t.description, "columns": t.columns,
                    "rows": t.count(archive)} for t in TABLES],
        "site_feed": locations.SITE_FEED,
        "committees": [{"municipality": mu.name, "name": c.name, "feed": locations.feed_path(c.municipality, c.id),
                        "calendar": locations.calendar_path(c), "meetings": len(c.meetings)} for mu, c in committees],
        "meetings": len(archive.meetings()),
        "latest": max((m.date for m in archive.meetings()), default=None),
    }
