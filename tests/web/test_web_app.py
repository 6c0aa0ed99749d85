"""The app and its freezing: URL scheme, themes, 404, determinism."""
from __future__ import annotations

import filecmp
from pathlib import Path

from flask import url_for
from web_archive import DEFAULT_THEME, make_archive, site_app
from web_html import read_page

from kommunearkiv import paths
from kommunearkiv.web.freeze import freeze
from kommunearkiv.web.routes import route


def test_routes_follow_the_site_path_scheme(app, archive):
    checked = 0
    with app.test_request_context():
        for municipality in archive.municipalities.values():
            things = [(municipality, paths.municipality_path(municipality))]
            things += [(c, paths.case_path(c)) for c in municipality.cases.values()]
            things += [(p, paths.person_path(p)) for p in municipality.persons.values()]
            for committee in municipality.committees.values():
                things.append((committee, paths.committee_path(committee)))
                for meeting in committee.meetings:
                    things.append((meeting, paths.meeting_path(meeting)))
                    things += [(i, paths.item_path(i)) for i in meeting.items]
                    things += [(a, paths.attachment_path(a)) for a in meeting.attachments]
            for thing, path in things:
                endpoint, values = route(thing)
                assert url_for(endpoint, **values) == "/" + path
                checked += 1
    assert checked >= 15


def test_unknown_pages_get_the_404_page(app):
    client = app.test_client()
    for url in ("/findes-ikke/", "/alleroed/erhvervs-og-beskaeftigelsesudvalget/2015-05-13/punkt-9/",
                "/alleroed/sager/00-000/", "/alleroed/erhvervs-og-beskaeftigelsesudvalget/2015-05-13/bilag/2-1/",
                "/static/findes-ikke.css"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Siden findes ikke" in response.get_data(as_text=True), url


def test_freeze_tells_the_files_it_wrote_and_is_byte_identical(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    written = freeze(site_app(make_archive(), [DEFAULT_THEME]), first)
    freeze(site_app(make_archive(), [DEFAULT_THEME]), second)
    assert sorted(written) == sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file())
    assert "alleroed/sager/15-839/index.html" in written
    assert_same_tree(first, second)


def assert_same_tree(left, right):
    comparison = filecmp.dircmp(left, right)
    assert not comparison.left_only and not comparison.right_only and not comparison.funny_files
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    assert not mismatch and not errors, mismatch
    for folder in comparison.common_dirs:
        assert_same_tree(left / folder, right / folder)


def test_a_theme_overrides_single_templates_and_static_files_and_falls_back_for_the_rest(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    theme = Path("theme")  # relative, as a command line gives it
    (theme / "templates").mkdir(parents=True)
    (theme / "static").mkdir()
    (theme / "templates" / "data.html").write_text(
        '{% extends "base.html" %}{% block title %}Data{% endblock %}'
        "{% block content %}<h1>Egne data</h1>{% endblock %}", encoding="utf-8")
    (theme / "static" / "style.css").write_text("body { color: teal; }\n", encoding="utf-8")
    (theme / "static" / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n', encoding="utf-8")
    site = tmp_path / "site"
    freeze(site_app(make_archive(), [theme, DEFAULT_THEME]), site)
    default_static = [p.relative_to(DEFAULT_THEME) for p in (DEFAULT_THEME / "static").rglob("*") if p.is_file()]
    assert len(default_static) > 1 and all((site / p).is_file() for p in default_static)
    data = read_page(site / "data/index.html")
    assert "Egne data" in data.text and data.find("nav", **{"aria-label": "Brødkrumme"})
    assert (site / "static/style.css").read_text(encoding="utf-8") == "body { color: teal; }\n"
    assert (site / "static/logo.svg").is_file()
    assert "Rådhuset, Mødelokale C" in read_page(site / "alleroed/erhvervs-og-beskaeftigelsesudvalget/2015-05-13/index.html").text


def test_with_the_sites_address_citations_and_canonical_addresses_are_absolute_and_404_links_there(tmp_path):
    site = tmp_path / "site"
    freeze(site_app(make_archive(), [DEFAULT_THEME], site_url="https://arkiv.example.dk/"), site)
    address = "https://arkiv.example.dk/alleroed/erhvervs-og-beskaeftigelsesudvalget/2015-05-13/punkt-1/"
    item = read_page(site / "alleroed/erhvervs-og-beskaeftigelsesudvalget/2015-05-13/punkt-1/index.html")
    assert address in item.text
    assert item.find("link", rel="canonical", href=address) and item.find("meta", property="og:url", content=address)
    assert not item.find("base")
    not_found = read_page(site / "404.html")
    assert not not_found.find("link", rel="canonical")
    assert not_found.find("a", href="https://arkiv.example.dk/") and not_found.find("a", href="https://arkiv.example.dk/search/")


def test_without_the_sites_address_the_404_page_links_from_the_hosts_root_holds_its_styles_and_no_page_is_canonical(site):
    not_found = read_page(site / "404.html")
    assert not not_found.find("link", rel="stylesheet") and ".site-header {" in (site / "404.html").read_text(encoding="utf-8")
    assert not_found.find("a", href="/") and not_found.find("form", action="/search/")
    assert not read_page(site / "alleroed/index.html").find("link", rel="canonical")


def test_a_citation_gives_the_publication_day_when_the_build_is_told_it(tmp_path, monkeypatch):
    """``SOURCE_DATE_EPOCH`` (the reproducible-builds convention); without it no day, as a build never stamps its own."""
    item = "/alleroed/erhvervs-og-beskaeftigelsesudvalget/2015-05-13/punkt-1/"
    freeze(site_app(make_archive(), [DEFAULT_THEME]), tmp_path / "plain", urls=[item])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1717243200")  # 1 June 2024, 12:00 UTC
    freeze(site_app(make_archive(), [DEFAULT_THEME]), tmp_path / "dated", urls=[item])
    plain, dated = (read_page(tmp_path / folder / item.lstrip("/") / "index.html").text for folder in ("plain", "dated"))
    assert "Udgivet i arkivet 1. juni 2024" in dated and "Kommunearkiv, udgivet 1. juni 2024." in dated
    assert "udgivet" not in plain.lower() and "Referat af mødet 13. maj 2015, punkt 1: Budgetlægning" in plain
