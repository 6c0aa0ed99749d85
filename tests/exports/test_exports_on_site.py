"""On a real frozen site: the sitemap names only pages that exist, the zip is deterministic, closed items leak nowhere."""
from __future__ import annotations

import io
import json
import os
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from flask import render_template

from kommunearkiv.build import theme_search_path
from kommunearkiv import locations
from kommunearkiv.exports import write_exports
from kommunearkiv.exports.archive import write_site_zip
from kommunearkiv.exports.bundles import write_archive_zip
from kommunearkiv.exports.catalog import data_catalog
from kommunearkiv.web.linked import alternate_links, json_ld
from kommunearkiv.exports import outlines as archive_outlines
from kommunearkiv.web.app import create_app
from kommunearkiv.web.freeze import freeze

SITE_URL = "https://arkiv.example.dk/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def built(tmp_path_factory, make_archive) -> Path:
    """The fixture archive's data files written, then its pages frozen, as the build does."""
    site_dir = tmp_path_factory.mktemp("built") / "site"
    archive = make_archive()
    write_exports(archive, site_dir, SITE_URL, archive_outlines(archive))
    write_archive_zip(archive_outlines(archive), site_dir)
    freeze(create_app(archive, theme_search_path(None), catalog=data_catalog(archive_outlines(archive))), site_dir)
    return site_dir


def locs(path: Path) -> list[str]:
    return [loc.text for loc in ET.parse(path).getroot().iter(f"{SITEMAP}loc")]


def test_every_sitemap_url_is_a_page_of_the_site(built):
    sitemaps = locs(built / locations.SITEMAP)
    assert sitemaps == [SITE_URL + locations.SITE_SITEMAP] + [f"{SITE_URL}{m}/sitemap.xml" for m in ("alleroed", "gentofte")]
    urls = [url for sitemap in sitemaps for url in locs(built / sitemap.removeprefix(SITE_URL))]
    assert urls[:3] == [SITE_URL, SITE_URL + "search/", SITE_URL + "data/"]
    assert all(url.startswith(SITE_URL) for url in urls) and len(set(urls)) == len(urls)
    missing = [url for url in urls if not (built / url.removeprefix(SITE_URL) / "index.html").is_file()]
    assert missing == []
    meeting_pages = {p.parent.relative_to(built).as_posix() + "/" for p in built.glob("*/*/[0-9]*/index.html")}
    assert meeting_pages and meeting_pages <= {url.removeprefix(SITE_URL) for url in urls}


def test_robots_names_the_sitemap(built):
    assert f"Sitemap: {SITE_URL}sitemap.xml" in (built / locations.ROBOTS).read_text(encoding="utf-8").splitlines()


def test_no_sitemap_without_the_site_address(archive, tmp_path):
    write_exports(archive, tmp_path, None, archive_outlines(archive))
    assert not list(tmp_path.rglob("sitemap*.xml"))
    assert "Sitemap" not in (tmp_path / locations.ROBOTS).read_text(encoding="utf-8")


def readable(path: Path) -> str:
    """A data file's text; a zip's, the text of every file in it."""
    if path.suffix != ".zip":
        return path.read_text(encoding="utf-8")
    with zipfile.ZipFile(path) as bundle:
        return "".join(readable_member(bundle, name) for name in bundle.namelist())


def readable_member(bundle: zipfile.ZipFile, name: str) -> str:
    data = bundle.read(name)
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as inner:
            return "".join(readable_member(inner, inner_name) for inner_name in inner.namelist())
    return data.decode("utf-8")


def test_closed_items_give_number_and_title_only(built, secret):
    data_files = [p for p in built.rglob("*") if p.is_file() and (p.is_relative_to(built / locations.DATA)
                                                                  or p.name in (locations.SITEMAP, locations.ROBOTS))]
    assert len(data_files) > 20
    leaking = [p for p in data_files if secret.lower() in p.relative_to(built).as_posix() or secret in readable(p)]
    assert leaking == []
    assert "Personsag (Lukket)" in (built / locations.csv_path("alleroed", "punkter")).read_text(encoding="utf-8")


def test_same_content_gives_byte_identical_files(make_archive, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    for site_dir in (first, second):
        archive = make_archive()
        write_exports(archive, site_dir, SITE_URL, archive_outlines(archive))
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)


def test_zip_is_deterministic_and_holds_the_whole_site(built, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    figures = write_site_zip(built, tmp_path / "a" / "arkiv.zip")
    for path in built.rglob("*"):
        os.utime(path, (1_700_000_000, 1_700_000_000))
    write_site_zip(built, tmp_path / "b" / "arkiv.zip")
    assert (tmp_path / "a" / "arkiv.zip").read_bytes() == (tmp_path / "b" / "arkiv.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "a" / "arkiv.zip") as archive:
        assert archive.testzip() is None
        names = archive.namelist()
    files = sorted(p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file())
    assert names == [f"arkiv/{f}" for f in files]
    assert figures["files"] == len(files)


def test_alternate_links_point_at_written_files(built, make_archive):
    archive = make_archive()
    municipality = archive.municipalities["alleroed"]
    things = [None, *municipality.committees.values(), *archive.meetings(), *municipality.persons.values(),
              municipality.cases["15-839"]]
    links = [link for thing in things for link in alternate_links(thing)]
    assert {link["type"] for link in links} == {"application/json", "application/atom+xml", "text/calendar"}
    assert [link["href"] for link in links if not (built / link["href"]).is_file()] == []


def test_json_ld_describes_meetings_members_and_committees(built, make_archive):
    archive = make_archive()
    meeting = archive.municipalities["alleroed"].committees["oekonomiudvalget-2014-2017"].meetings[0]
    event = json.loads(json.dumps(json_ld(archive, meeting, SITE_URL)))
    assert (event["@type"], event["startDate"], event["endDate"]) == ("Event", "2015-05-13T07:30:00+02:00", "2015-05-13T08:35:00+02:00")
    assert event["location"]["name"] == "Rådhuset, mødelokale 1"
    person = json_ld(archive, archive.person("alleroed", "aase-aeroe"), SITE_URL)
    committee = json_ld(archive, archive.committee(meeting), SITE_URL)
    assert person["memberOf"][0]["roleName"] == "Formand" and committee["@type"] == "GovernmentOrganization"
    assert [m["member"]["name"] for m in committee["member"]] == ["Åse Ærø", "Bo Øst", "Carl Hansen"]
    urls = [event["url"], event["organizer"]["url"], person["url"], *(m["member"]["url"] for m in committee["member"])]
    assert [u for u in urls if not (built / u.removeprefix(SITE_URL) / "index.html").is_file()] == []


def test_data_page_links_every_data_file(built, make_archive):
    """The data page, rendered with its catalog, links the index, every municipality's file and tables, and
    every schema, feed and calendar that was written."""
    archive = make_archive()
    app = create_app(archive, theme_search_path(None))
    with app.test_request_context("/data/"):
        page = render_template("data.html", trail=[], archive=archive, catalog=data_catalog(archive_outlines(archive)),
                               size=lambda path: (built / path).stat().st_size)
    links = [href.removeprefix("/") for href in re.findall(r'href="([^"]+)"', page) if href.startswith("/data/") and href != "/data/"]
    assert [link for link in links if not (built / link).is_file()] == []
    written = {p.relative_to(built).as_posix() for p in (built / locations.DATA).rglob("*") if p.suffix in (".csv", ".atom", ".ics")}
    written |= {locations.ARCHIVE_JSON, "data/alleroed.json", "data/gentofte.json"}
    written |= {p.relative_to(built).as_posix() for p in (built / locations.SCHEMA_DIR).iterdir()}
    written |= {p.relative_to(built).as_posix() for p in (built / locations.DATA).rglob("*.zip")}
    assert written <= set(links)
    assert "fremmoede.csv" in page and "status" in page
