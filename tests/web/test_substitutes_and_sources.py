"""Substitutes, incomplete documents and the original document on the frozen pages of the test archive."""
from __future__ import annotations

import re

from web_archive import OFFICIAL_URL, SHA256
from web_html import read_page

MAY_MEETING = "alleroed/erhvervs-og-beskaeftigelsesudvalget/2015-05-13/"
JUNE_MEETING = "alleroed/erhvervs-og-beskaeftigelsesudvalget/2015-06-10/"
INCOMPLETE = "Referatet er ufuldstændigt: teksten slutter ved linje 212; mangler: punkt 2 og 3"


def test_meeting_page_says_who_stood_in_for_whom(site):
    page = read_page(site / JUNE_MEETING / "index.html")
    assert "Stedfortrædere Ole Vikar (A Socialdemokratiet) deltog i stedet for Agnete Fog (B Radikale Venstre)" in page.text
    substitutes = re.search(r'<ul class="substitutes">(.*?)</ul>', (site / JUNE_MEETING / "index.html").read_text(encoding="utf-8"), re.DOTALL)
    assert re.findall(r'href="([^"]+)"', substitutes.group(1)) == ["../../personer/ole-vikar/index.html", "../../personer/agnete-fog/index.html"]
    glance = re.search(r'<dl class="attendance-glance">(.*?)</dl>', (site / JUNE_MEETING / "index.html").read_text(encoding="utf-8"), re.DOTALL)
    assert "Ole Vikar" not in glance.group(1), "a substitute is not a member present or absent"


def test_substitute_page_lists_the_meeting_and_counts_no_attendance(site):
    page = read_page(site / "alleroed/personer/ole-vikar/index.html")
    assert "Møder som stedfortræder" in page.text
    assert "10. juni 2015 · Erhvervs- og Beskæftigelsesudvalget 2014-2017 · i stedet for Agnete Fog (B Radikale Venstre)" in page.text
    assert page.find("a", href="../../erhvervs-og-beskaeftigelsesudvalget/2015-06-10/index.html")
    assert "Intet møde har registreret fremmøde for Ole Vikar" in page.text
    agnete = read_page(site / "alleroed/personer/agnete-fog/index.html").text
    assert "Til stede ved 1 af 2 møder som medlem (50 %)" in agnete.replace("\xa0", " ") and "Møder som stedfortræder" not in agnete


def test_committee_attendance_leaves_the_substitute_out(site):
    page = read_page(site / "alleroed/erhvervs-og-beskaeftigelsesudvalget/index.html").text
    assert "Ole Vikar" not in page
    assert "Agnete Fog B Radikale Venstre Medlem 1 af 2 møder som medlem" in page


def test_incomplete_document_is_marked_on_its_meeting_and_item_pages(site):
    assert INCOMPLETE in read_page(site / JUNE_MEETING / "index.html").text
    assert INCOMPLETE in read_page(site / JUNE_MEETING / "punkt-1/index.html").text
    assert "ufuldstændig" not in read_page(site / MAY_MEETING / "index.html").text


def test_pages_link_the_official_document_with_its_digest_and_the_lines_cited(site):
    for path, cited in ((MAY_MEETING, "linje 1–120"), (MAY_MEETING + "punkt-1/", "side 2–3, linje 10–40"),
                        (MAY_MEETING + "bilag/3-1/", "linje 80–120")):
        page = read_page(site / path / "index.html")
        source = re.search(r'<p class="source">(.*?)</p>', (site / path / "index.html").read_text(encoding="utf-8"), re.DOTALL).group(1)
        assert re.findall(r'href="([^"]+)"', source) == [OFFICIAL_URL], path
        assert f"Kilde: 000_alleroed.txt (PDF), {cited} i teksten læst ud af dokumentet · SHA-256: {SHA256}" in page.text, path


def test_without_provenance_a_page_names_the_document_and_its_lines_only(site):
    page = read_page(site / JUNE_MEETING / "index.html")
    assert "Kilde: 001_alleroed.txt, linje 1–212" in page.text and "SHA-256" not in page.text
