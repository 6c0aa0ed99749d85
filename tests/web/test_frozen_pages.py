"""The frozen site of the test archive, read back from the files written."""
from __future__ import annotations

import json
import re

from web_archive import SECRET, make_archive
from web_html import html_files, is_internal, read_page, resolve

from kommunearkiv import paths

ALLEROED_COMMITTEE = "alleroed/erhvervs-og-beskaeftigelsesudvalget/"
MAY_MEETING = ALLEROED_COMMITTEE + "2015-05-13/"
JUNE_MEETING = ALLEROED_COMMITTEE + "2015-06-10/"


def expected_paths() -> list[str]:
    """Every page the archive should have, by ``kommunearkiv.paths``."""
    archive = make_archive()
    found = ["", "search/", "data/"]
    for municipality in archive.municipalities.values():
        found.append(paths.municipality_path(municipality))
        found += [paths.case_path(c) for c in municipality.cases.values()]
        found += [paths.person_path(p) for p in municipality.persons.values()]
        for committee in municipality.committees.values():
            found.append(paths.committee_path(committee))
            for meeting in committee.meetings:
                found.append(paths.meeting_path(meeting))
                found += [paths.item_path(i) for i in meeting.items]
    return found


def test_every_page_exists(site):
    for path in expected_paths():
        assert (site / path / "index.html").is_file(), path
    assert (site / MAY_MEETING / "bilag/3-1/index.html").is_file()
    assert (site / "404.html").is_file()
    assert (site / "static/style.css").is_file()
    assert "Siden findes ikke" in read_page(site / "404.html").text


def test_every_internal_link_and_asset_resolves_with_its_anchor(site):
    """Relative links everywhere (the site works from disk and under any sub-path), but on ``404.html``, which a
    host shows at any address: its links start from the root, the host's without ``--site-url``."""
    checked = 0
    for path in html_files(site):
        for url in read_page(path).links:
            if not is_internal(url):
                continue
            if not url.startswith("#"):
                assert url.startswith("/") == (path.name == "404.html"), f"{path.relative_to(site)}: {url}"
            target, fragment = resolve(path, url, site)
            assert target.is_file(), f"{path.relative_to(site)}: {url} → missing {target}"
            assert site.resolve() in target.parents, f"{path.relative_to(site)}: {url} leaves the site"
            if fragment and target.suffix == ".html":
                assert fragment in read_page(target).ids, f"{path.relative_to(site)}: no #{fragment} in {url}"
            checked += 1
    assert checked > 200


def test_every_page_has_language_breadcrumbs_search_box_and_one_heading(site):
    search_page = (site / "search/index.html").resolve()
    for path in html_files(site):
        page = read_page(path)
        where = path.relative_to(site)
        assert page.find("html", lang="da"), where
        assert page.find("nav", **{"aria-label": "Brødkrumme"}), where
        assert page.find("main", id="indhold") and page.find("a", href="#indhold"), where
        assert len(page.find("h1")) == 1, where
        forms = page.find("form", method="get")
        assert forms and all(resolve(path, f["action"], site)[0] == search_page for f in forms), where
        assert page.find("input", name="q", type="search"), where
        labelled = {label["for"] for label in page.find("label") if "for" in label}
        assert all(i["id"] in labelled for i in page.find("input")), where
        assert len(page.ids) == len(set(page.ids)), f"{where}: duplicate ids"


def test_meeting_page_shows_facts_attendance_agenda_and_anchors(site):
    page = read_page(site / MAY_MEETING / "index.html")
    assert "onsdag den 13. maj 2015" in page.text
    assert "kl. 07:30–08:35" in page.text and "Rådhuset, Mødelokale C" in page.text and "13-05-2015" in page.text
    assert "Direktør Bjarne Holm Markussen" in page.text
    assert {"punkt-1", "punkt-2", "punkt-3"} <= set(page.ids)
    assert "Beslutning udsat Sagen udsættes." in page.text  # the heading's date is the meeting's: not repeated
    assert "1. Budgetlægning 2016 - 2019 - forslag til besparelser udsat Sagen udsættes." in page.text  # the agenda
    attachments = re.search(r"<h3>Bilag</h3>\s*<ul>(.*?)</ul>", (site / MAY_MEETING / "index.html").read_text(encoding="utf-8"), re.DOTALL)
    assert re.findall(r"<li>(.*?)</li>", attachments.group(1)) == [
        "Notat der ikke er med",
        '<a href="bilag/3-1/index.html">Besparelsesforslag</a>',
        '<a href="bilag/3-2/index.html">KL høringssvar om forenkling</a>',
        '<a href="bilag/3-3/index.html">Tidsplan</a>',
    ]
    assert "Kilde: 000_alleroed.txt (PDF), side 2–3, linje 10–40 i teksten læst ud af dokumentet" in page.text
    june = read_page(site / JUNE_MEETING / "index.html").text
    assert "2 af 3 medlemmer til stede" in june
    assert "✗ Fraværende (1) Agnete Fog B Radikale Venstre" in june


def test_member_page_lists_the_meeting_they_missed_and_their_rate(site):
    page = read_page(site / "alleroed/personer/agnete-fog/index.html")
    assert "Til stede ved 1 af 2 møder som medlem (50 %)" in page.text.replace("\xa0", " ")
    assert re.search(r"10\. juni 2015 Erhvervs- og Beskæftigelsesudvalget 2014-2017 ✗ Fraværende", page.text)
    assert page.find("a", href="../../erhvervs-og-beskaeftigelsesudvalget/2015-06-10/index.html")
    assert "Formand" not in page.text and "Medlem" in page.text


def test_member_page_lists_open_items_naming_them(site):
    gurli = read_page(site / "alleroed/personer/gurli-nielsen/index.html")
    assert gurli.find("a", href="../../erhvervs-og-beskaeftigelsesudvalget/2015-06-10/punkt-1/index.html")
    assert not any("2015-05-13" in link for link in gurli.links if "punkt-" in link)


def test_case_page_lists_both_meetings_in_date_order_with_decisions(site):
    page = read_page(site / "alleroed/sager/15-839/index.html")
    text = page.text[page.text.index("Forløb"):]
    assert text.index("13. maj 2015") < text.index("Sagen udsættes.") < text.index("10. juni 2015") < text.index("oversendes til Økonomiudvalget")
    meeting_links = [link for link in page.links if re.search(r"\d{4}-\d{2}-\d{2}/index\.html$", link)]
    assert meeting_links == ["../../erhvervs-og-beskaeftigelsesudvalget/2015-05-13/index.html",
                             "../../erhvervs-og-beskaeftigelsesudvalget/2015-06-10/index.html"]


def test_committee_page_groups_meetings_and_summarises_attendance(site):
    page = read_page(site / ALLEROED_COMMITTEE / "index.html")
    assert page.find("h3") and "2015" in page.text
    assert "Nikolaj Bührmann F Socialistisk Folkeparti Formand 2 af 2 møder som medlem" in page.text
    assert "Agnete Fog B Radikale Venstre Medlem 1 af 2 møder som medlem" in page.text


def test_closed_item_shows_number_and_title_and_none_of_its_text_anywhere(site):
    for path in site.rglob("*"):
        if path.is_file():
            assert SECRET not in path.read_text(encoding="utf-8", errors="replace"), path
    meeting = read_page(site / MAY_MEETING / "index.html").text
    assert "2. Personalesag lukket punkt" in meeting
    item = read_page(site / MAY_MEETING / "punkt-2/index.html").text
    assert "Personalesag" in item and "lukket punkt" in item
    assert not (site / MAY_MEETING / "bilag/2-1").exists()
    # Gurli Nielsen's absence from the closed item must not surface either.
    assert "Fraværende under punktet" not in meeting


def test_untrusted_markup_is_sanitised_in_the_pages(site):
    for path in html_files(site):
        html = path.read_text(encoding="utf-8")
        for forbidden in ("<script>", "onerror", "onclick", "javascript:", "data:text", "<iframe", "style="):
            assert forbidden not in html, f"{path.relative_to(site)}: {forbidden}"
        programs = [s for s in read_page(path).find("script") if s.get("type") != "application/ld+json"]
        assert all(resolve(path, s.get("src", ""))[0].parent.is_relative_to(site.resolve() / "static") for s in programs), path
    page = read_page(site / MAY_MEETING / "index.html")
    assert page.find("a", href="https://www.alleroed.dk/", rel="noopener nofollow")


def test_item_page_is_a_citable_permalink(site):
    page = read_page(site / MAY_MEETING / "punkt-1/index.html")
    cite = page.text
    for fact in ("Allerød Kommune", "Erhvervs- og Beskæftigelsesudvalget 2014-2017", "13. maj 2015",
                 "Budgetlægning 2016 - 2019", "15/839", "/" + MAY_MEETING + "punkt-1/"):
        assert fact in cite, fact
    assert page.find("a", href="../index.html#punkt-1")


def test_attachment_page_has_full_text_and_back_links(site):
    page = read_page(site / MAY_MEETING / "bilag/3-1/index.html")
    assert "Besparelse på 0,1 mio. kr." in page.text and "Bilagsnr. 1234" in page.text
    assert page.find("a", href="../../punkt-3/index.html")
    assert page.find("a", href="../../index.html#punkt-3")
    assert page.find("a", href="../../index.html")


def test_search_and_data_pages(site):
    search = read_page(site / "search/index.html")
    assert search.find("ul", id="search-results") and search.find("noscript") and search.find("input", name="q")
    data = read_page(site / "data/index.html").text
    assert "JSON" in data and "CSV" in data and "iCalendar" in data


def test_meeting_committee_and_member_pages_carry_linked_data_and_data_links(site):
    for path, kind in ((MAY_MEETING, "Event"), (ALLEROED_COMMITTEE, "GovernmentOrganization"),
                       ("alleroed/personer/agnete-fog/", "Person")):
        html = (site / path / "index.html").read_text(encoding="utf-8")
        data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL).group(1))
        assert data["@type"] == kind and data["url"].endswith(path), path
        assert read_page(site / path / "index.html").find("link", rel="alternate", type="application/json"), path


def test_linked_data_cannot_close_its_script_element(site):
    html = (site / "gentofte/erhvervsudvalget/2019-02-28/index.html").read_text(encoding="utf-8")
    linked = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL).group(1)
    assert "<" not in linked and json.loads(linked)["location"]["name"].startswith("Mødelokale </script>")
