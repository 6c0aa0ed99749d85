"""Each municipality's data files written on their own, the site-wide ones from the outlines alone.

A build writes only the municipalities whose content changed and keeps the
others' files as they are: the result must be byte for byte what one call
writing every municipality gives. On the fixture archive, a synthetic one
(past the outlines' 50 meetings per municipality) and the shipped content/.
"""
from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kommunearkiv.content.reader import load_archive
from kommunearkiv import locations
from kommunearkiv.exports import SITE, write_exports
from kommunearkiv.exports.catalog import data_catalog
from kommunearkiv.exports.feeds import feed_text
from kommunearkiv.exports.sitemap import SITE_PAGES
from kommunearkiv.exports.tables import TABLES
from kommunearkiv.exports import outlines as archive_outlines
from kommunearkiv.model import Archive
from kommunearkiv.model.outline import OUTLINE_MEETINGS

SITE_URL = "https://arkiv.example.dk/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def files(site_dir: Path) -> dict[str, bytes]:
    return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in sorted(site_dir.rglob("*")) if p.is_file()}


def only(archive: Archive, *ids: str) -> Archive:
    return Archive({m: archive.municipalities[m] for m in ids})


def locs(path: Path) -> list[str]:
    return [loc.text for loc in ET.parse(path).getroot().iter(f"{SITEMAP}loc")]


@pytest.fixture(scope="module")
def synthetic(synthetic_content, tmp_path_factory) -> Archive:
    """Three municipalities of 70 meetings each: more than an outline keeps."""
    archive = load_archive(synthetic_content(tmp_path_factory.mktemp("synthetic"), meetings=210, municipalities=3, items=4, seed=7))
    assert all(len(mu.meetings()) > OUTLINE_MEETINGS for mu in archive.municipalities.values())
    return archive


@pytest.mark.parametrize("source", ["fixture", "synthetic", "shipped"])
def test_one_municipality_per_call_writes_what_one_call_writes(source, request, tmp_path):
    archive = {"fixture": lambda: request.getfixturevalue("make_archive")(), "synthetic": lambda: request.getfixturevalue("synthetic"),
               "shipped": lambda: request.getfixturevalue("shipped_archive")}[source]()
    outlines = archive_outlines(archive)
    _, together = write_exports(archive, tmp_path / "together", SITE_URL, outlines)
    apart = {}
    for municipality in sorted(archive.municipalities):
        _, written = write_exports(only(archive, municipality), tmp_path / "apart", SITE_URL, outlines)
        assert set(written) == {municipality, SITE}
        apart |= written
    assert files(tmp_path / "apart") == files(tmp_path / "together")
    assert apart == together
    assert sorted(p for paths in together.values() for p in paths) == sorted(files(tmp_path / "together"))


def test_site_wide_files_stay_as_they_are_when_no_municipality_is_written(make_archive, tmp_path):
    archive = make_archive()
    outlines = archive_outlines(archive)
    site_dir = tmp_path / "site"
    write_exports(archive, site_dir, SITE_URL, outlines)
    before = files(site_dir)
    identities = {path: (site_dir / path).stat().st_ino for path in before}
    figures, written = write_exports(Archive(), site_dir, SITE_URL, outlines)
    assert set(written) == {SITE} and figures["files"] == len(written[SITE]) and figures["csv"] == figures["calendars"] == 0
    assert set(written[SITE]) == {locations.ARCHIVE_JSON, locations.SITE_FEED, locations.SITEMAP, locations.SITE_SITEMAP,
                                  locations.ROBOTS} | {locations.schema_path(n) for n in ("meeting", "committee", "person", "case",
                                                                                            "municipality", "archive")}
    assert files(site_dir) == before
    assert {path: (site_dir / path).stat().st_ino for path in before} == identities  # not even written again


def test_site_wide_files_come_from_the_outlines_not_the_archive(make_archive, tmp_path):
    """The archive given holds only Gentofte; the index, feed and sitemap index still cover Allerød."""
    archive = make_archive()
    write_exports(only(archive, "gentofte"), tmp_path, SITE_URL, archive_outlines(archive))
    index = json.loads((tmp_path / locations.ARCHIVE_JSON).read_text(encoding="utf-8"))
    assert [(m["id"], m["meetings"], m["data"]) for m in index["municipalities"]] == [
        ("alleroed", 3, "data/alleroed.json"), ("gentofte", 1, "data/gentofte.json")]
    assert "alleroed/oekonomiudvalget-2014-2017/2016-06-08/" in (tmp_path / locations.SITE_FEED).read_text(encoding="utf-8")
    assert f"{SITE_URL}alleroed/sitemap.xml" in locs(tmp_path / locations.SITEMAP)
    assert not (tmp_path / "data/alleroed.json").exists()


@pytest.mark.parametrize("source", ["synthetic", "shipped_archive"])
def test_site_feed_from_the_outlines_is_the_feed_of_the_whole_archive(source, request, tmp_path):
    archive = request.getfixturevalue(source)
    write_exports(Archive(), tmp_path, SITE_URL, archive_outlines(archive))
    whole = feed_text(archive, archive.meetings(), "Kommunearkiv: nye møder og beslutninger", "Kommunearkiv", "",
                      locations.SITE_FEED, SITE_URL)
    assert (tmp_path / locations.SITE_FEED).read_text(encoding="utf-8") == whole


def test_closed_items_are_number_and_title_only_in_the_municipality_file_and_tables(site, secret):
    _, site_dir, _ = site
    whole = json.loads((site_dir / "data/alleroed.json").read_text(encoding="utf-8"))
    closed = [i for m in whole["meetings"] for i in m["document"]["items"] if i["access"] == "closed"]
    assert [(i["number"], i["title"]) for i in closed] == [(2, "Personsag (Lukket)")]
    assert not {key for key, value in closed[0].items() if value not in (None, [], "") and key not in ("number", "title", "access", "lines")}
    tables = [p for p in (site_dir / locations.CSV_DIR).rglob("*.csv")]
    assert len(tables) == 2 * len(TABLES)
    assert [p for p in [site_dir / "data/alleroed.json", *tables] if secret in p.read_text(encoding="utf-8")] == []
    with open(site_dir / locations.csv_path("alleroed", "punkter"), encoding="utf-8", newline="") as f:
        closed_rows = [r for r in csv.DictReader(f) if r["access"] == "closed"]
    assert [(r["number"], r["title"], r["case_number"], r["item_type"], r["decided"], r["attachments"]) for r in closed_rows] == [
        ("2", "Personsag (Lukket)", "", "", "", "0")]


@pytest.fixture(scope="module")
def shipped_exports(shipped_archive, tmp_path_factory) -> Path:
    """The shipped content's data files, written with the site's address (so with sitemaps)."""
    site_dir = tmp_path_factory.mktemp("shipped") / "site"
    write_exports(shipped_archive, site_dir, SITE_URL, archive_outlines(shipped_archive))
    return site_dir


def test_sitemap_index_lists_every_municipality_sitemap_of_pages_that_exist(shipped_exports, shipped_archive, built_site):
    sitemaps = locs(shipped_exports / locations.SITEMAP)
    ids = sorted(shipped_archive.municipalities)
    assert sitemaps == [SITE_URL + locations.SITE_SITEMAP] + [f"{SITE_URL}{m}/sitemap.xml" for m in ids]
    assert locs(shipped_exports / locations.SITE_SITEMAP) == [SITE_URL + page for page in SITE_PAGES]
    pages = [url.removeprefix(SITE_URL) for m in ids for url in locs(shipped_exports / m / locations.SITEMAP)]
    assert [p for p in pages if not (built_site / p / "index.html").is_file()] == []
    on_site = {p.parent.relative_to(built_site).as_posix() + "/" for m in ids for p in (built_site / m).rglob("index.html")}
    assert set(pages) == on_site


def test_real_build_writes_per_municipality_files_and_a_small_index(built_site, shipped_archive):
    index = json.loads((built_site / locations.ARCHIVE_JSON).read_text(encoding="utf-8"))
    assert [m["id"] for m in index["municipalities"]] == sorted(shipped_archive.municipalities)
    for entry in index["municipalities"]:
        municipality = shipped_archive.municipalities[entry["id"]]
        assert entry["meetings"] == len(municipality.meetings())
        assert len(json.loads((built_site / entry["data"]).read_text(encoding="utf-8"))["meetings"]) == entry["meetings"]
        assert all((built_site / path).is_file() for path in entry["csv"].values())
    assert not list((built_site / locations.CSV_DIR).glob("*.csv"))  # no site-wide tables
    assert (built_site / locations.ARCHIVE_JSON).stat().st_size < 5_000


def test_catalog_counts_are_the_rows_of_the_written_tables(built_site, shipped_archive):
    catalog = data_catalog(archive_outlines(shipped_archive))
    for table in catalog["tables"]:
        written = 0
        for municipality in catalog["municipalities"]:
            with open(built_site / municipality["tables"][table["name"]], encoding="utf-8", newline="") as f:
                written += sum(1 for _ in csv.DictReader(f))
        assert table["rows"] == written > 0, table["name"]
    assert catalog["meetings"] == len(shipped_archive.meetings()) == sum(m["meetings"] for m in catalog["municipalities"])
    assert catalog["latest"] == max(m.date for m in shipped_archive.meetings())
    for committee in catalog["committees"]:  # a calendar has an event per meeting
        assert committee["meetings"] == (built_site / committee["calendar"]).read_text(encoding="utf-8").count("BEGIN:VEVENT")
