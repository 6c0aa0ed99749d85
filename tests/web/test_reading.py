"""Pages that answer a reader's question in one screen, checked in Chromium at phone and desktop width on the
real build of the shipped content and on a larger generated archive (meetings of up to 16 items)."""
from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from kommunearkiv.build import build_site
from kommunearkiv.content.reader import load_archive
from kommunearkiv.parties import NATIONAL_PARTIES
from kommunearkiv.paths import case_path, item_path, meeting_path, person_path

PHONE, DESKTOP = 375, 1280
FIRST_SCREENS = 2000  # px: what a reader sees before deciding to scroll on
BROKEN_WORDS = """() => {
  const broken = [];
  for (const cell of document.querySelectorAll('td, th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(word[0]);
      }
    }
  }
  return broken;
}"""


@pytest.fixture(scope="module")
def larger(tmp_path_factory, synthetic_content):
    """A generated archive whose meetings have up to 16 items, built as the build does it, with its archive."""
    folder = tmp_path_factory.mktemp("larger")
    content = synthetic_content(folder, meetings=12, municipalities=1, items=13)
    build_site(content, folder / "site")
    return folder / "site", load_archive(content)


@pytest.fixture(scope="module")
def sites(built_site, shipped_archive, larger):
    return [(built_site, shipped_archive), larger]


@pytest.fixture
def page_at(chromium):
    """``page_at(width)``: a fresh page of that width (closed after the test)."""
    contexts = []

    def make(width: int, **options):
        contexts.append(chromium.new_context(viewport={"width": width, "height": 900}, **options))
        return contexts[-1].new_page()

    yield make
    for context in contexts:
        context.close()


def open_file(page, site: Path, path: str):
    """Open the page at ``path`` (a folder's address, ``a/b/``) of the built ``site`` from disk."""
    page.goto((site / path / "index.html").as_uri())
    return page


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_every_outcome_of_every_meeting_is_within_the_first_screens(sites, page_at, width):
    page = page_at(width)
    largest = 0
    for site, archive in sites:
        for meeting in archive.meetings():
            open_file(page, site, meeting_path(meeting))
            lines = page.locator("#dagsorden + .outcomes .outcome-line")
            assert lines.count() == len(meeting.items), meeting_path(meeting)
            bottoms = [lines.nth(k).bounding_box()["y"] + lines.nth(k).bounding_box()["height"] for k in range(lines.count())]
            assert max(bottoms) <= FIRST_SCREENS, (meeting_path(meeting), width, [round(b) for b in bottoms])
            assert all(text.strip() for text in lines.all_inner_texts()), meeting_path(meeting)
            largest = max(largest, len(meeting.items))
    assert largest >= 14


def test_the_largest_shipped_meeting_shows_what_was_decided_on_each_item(built_site, shipped_archive, page_at):
    meeting = max(shipped_archive.meetings(), key=lambda m: len(m.items))
    page = open_file(page_at(PHONE), built_site, meeting_path(meeting))
    rows = [" ".join(text.split()) for text in page.locator(".outcome").all_inner_texts()]
    assert rows[0] == "1. Bemærkninger til dagsordenen ikke behandlet Punktet blev ikke behandlet, idet udvalget ikke var beslutningsdygtigt."
    assert rows[2].startswith("3. Status på indsatser i integrationshuset udsat Sagen udsættes til næste møde")
    assert rows[5].startswith("6. Pulje til målrettet beskæftigelsesindsats for flygtninge videresendt Sagen videreføres")
    assert page.locator(".outcome a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == \
        [f"#{item.anchor}" for item in meeting.items]
    back = page.locator("article#punkt-4 a[href='#dagsorden']")
    assert back.count() == 1 and page.locator("#punkt-4 .proposal").count() == 1 and page.locator("#punkt-4 .decision").count() == 1


def test_every_municipality_page_names_its_municipality_in_its_title(sites, page_at):
    page = page_at(DESKTOP)
    checked = 0
    for site, archive in sites:
        for municipality in archive.municipalities.values():
            for file in sorted((site / municipality.id).rglob("*.html")):
                title = re.search(r"<title>(.*?)</title>", file.read_text(encoding="utf-8")).group(1)
                assert municipality.name in title, file.relative_to(site)
                checked += 1
        meeting = archive.meetings()[-1]
        open_file(page, site, item_path(meeting.items[0]))
        committee = archive.committee(meeting).name
        for title in (page.title(), page.locator('meta[property="og:title"]').get_attribute("content")):
            assert all(part in title for part in (archive.municipalities[meeting.municipality].name, committee)), title
    assert checked > 300


def check_not_found_page(page, url: str) -> None:
    """The 404 page at ``url``: styled by the site's stylesheet, and every link on it leads to a page."""
    response = page.goto(url)
    assert response.status == 404 and page.locator("h1").inner_text() == "Siden findes ikke"
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") == "rgb(11, 53, 96)"
    links = page.locator("a[href]:not([href^='#'])").evaluate_all("links => links.map(a => a.href)")
    assert len(links) >= 6
    for link in links:
        assert page.request.get(link).status == 200, link


def test_the_404_page_three_folders_deep_keeps_its_styles_and_working_links(built_site, serve, page_at):
    """Without ``--site-url``: served at the host's root, as a host that shows it for every missing path does."""
    base = serve(built_site, not_found=built_site / "404.html")
    check_not_found_page(page_at(PHONE), f"{base}a/b/c/findes-ikke")


def test_with_the_sites_address_the_404_page_works_three_folders_deep_under_a_sub_path(tmp_path, serve, page_at):
    base = serve(tmp_path, not_found=tmp_path / "arkiv" / "404.html")
    build_site(Path(__file__).resolve().parents[2] / "content", tmp_path / "arkiv", site_url=f"{base}arkiv/")
    check_not_found_page(page_at(DESKTOP), f"{base}arkiv/alleroed/x/y/findes-ikke")


def test_no_table_cell_breaks_inside_a_word(sites, page_at):
    pages = {PHONE: page_at(PHONE), DESKTOP: page_at(DESKTOP)}
    built_site, _ = sites[0]
    larger_site, archive = sites[1]
    files = sorted(built_site.rglob("*.html")) + [larger_site / "data/index.html"] + [
        larger_site / path / "index.html" for municipality in archive.municipalities.values()
        for path in [f"{municipality.id}/{c}/" for c in municipality.committees] + [person_path(p) for p in municipality.persons.values()]]
    broken = []
    for file in files:
        for width, page in pages.items():
            page.goto(file.as_uri())
            broken += [f"{file} at {width}px: {word}" for word in page.evaluate(BROKEN_WORDS)]
    assert not broken, "\n".join(broken[:20])


def test_tables_fit_a_phone_or_show_that_they_scroll(sites, page_at):
    page = page_at(PHONE)
    for site, archive in sites:
        for file in [site / "data/index.html", *sorted(site.glob("*/*/index.html")), *sorted(site.glob("*/personer/*/index.html"))]:
            page.goto(file.as_uri())
            members = page.locator(".table-scroll:has(table.members)")
            assert all(members.nth(k).evaluate("e => e.scrollWidth <= e.clientWidth") for k in range(members.count())), file
            hints = page.locator(".table-scroll").evaluate_all(
                "boxes => boxes.filter(b => b.scrollWidth > b.clientWidth).map(b => getComputedStyle(b).backgroundImage)")
            assert all("radial-gradient" in hint for hint in hints), file


def test_a_case_page_is_headed_by_its_subject_with_its_number_below(sites, page_at):
    page = page_at(PHONE)
    for site, archive in sites:
        for municipality in archive.municipalities.values():
            for case in municipality.cases.values():
                open_file(page, site, case_path(case))
                heading = " ".join(page.locator("h1").inner_text().split())
                assert heading.endswith(" ".join(case.title.split())), heading
                assert page.locator(".subtitle-line").inner_text() == f"Sag {case.number}"
                assert page.locator("h1").bounding_box()["y"] < page.locator(".status-card").bounding_box()["y"]


def test_item_pages_link_the_original_document_at_the_lines_cited(built_site, shipped_archive, http_built_site, page_at):
    page = page_at(DESKTOP)
    checked = 0
    for meeting in shipped_archive.meetings():
        for item in meeting.items:
            page.goto(http_built_site + item_path(item))
            link = page.locator("p.source a").first
            href = link.evaluate("a => a.href")
            assert href.split("#")[0].endswith(meeting_path(meeting) + "original.txt"), href
            assert href.endswith(f"#line={item.source.first_line - 1},{item.source.last_line}"), href
            assert hashlib.sha256(page.request.get(href).body()).hexdigest() == meeting.original.sha256
            checked += 1
    assert checked > 20


def test_parties_appear_in_full_with_their_letter(sites, page_at):
    page = page_at(PHONE)
    for site, archive in sites:
        for municipality in archive.municipalities.values():
            for person in municipality.persons.values():
                open_file(page, site, person_path(person))
                if person.party in NATIONAL_PARTIES:
                    assert " ".join(page.locator(".subtitle-line").inner_text().split()) == f"{person.party} {NATIONAL_PARTIES[person.party]}"
            for committee in municipality.committees.values():
                open_file(page, site, f"{municipality.id}/{committee.id}/")
                text = page.locator("main").inner_text()
                assert not re.search(r"\([A-ZÆØÅ]\)", text) and "Parti:" not in text
    committee = (sites[0][0] / "alleroed/erhvervs-og-beskaeftigelsesudvalget-2014-2017/index.html").read_text(encoding="utf-8")
    assert "Socialistisk Folkeparti" in committee and "Enhedslisten" in committee


def test_a_committee_shows_one_chair_at_its_latest_meeting_and_the_roles_over_time(built_site, page_at):
    page = open_file(page_at(DESKTOP), built_site, "alleroed/erhvervs-og-beskaeftigelsesudvalget-2014-2017/")
    rows = [" ".join(row.split()) for row in page.locator("table.members tbody tr").all_inner_texts()]
    assert [row for row in rows if "Formand" in row.split()] == ["Klaus Fisker B Radikale Venstre Formand 1 af 1 møde som medlem"]
    assert "Nikolaj Bührmann F Socialistisk Folkeparti Næstformand 1 af 2 møder som medlem" in rows
    assert not any("Agnete Fog" in row for row in rows)  # a member of the first meeting only: in the history below
    history = [" ".join(row.split()) for row in page.locator("table.roles tbody tr").all_inner_texts()]
    assert "13. maj 2015 Nikolaj Bührmann Formand" in history and "8. juni 2016 Nikolaj Bührmann Næstformand" in history
    assert "13. maj 2015 Agnete Fog Medlem" in history
    assert "Fremmøde tælles af de møder, hvor personen var medlem" in page.locator("main").inner_text()


def test_dates_are_written_the_danish_way_and_a_period_of_one_day_as_one_date(built_site, page_at):
    page = page_at(DESKTOP)
    for file in sorted(built_site.rglob("*.html")):
        page.goto(file.as_uri())
        # what the site writes (a meeting's number is the document's, such as 13-05-2015; texts quote as they do)
        shown = page.locator("h1, .verdict :is(h2, h3), .earlier-decision > :is(h3, h4, h5), .timeline h3, .outcomes, "
                             ".summary-list > div:not(:has(dt:text-is('Mødenr.'))), [role=region] table")
        headings = " ".join(shown.all_inner_texts())
        assert not re.search(r"\b\d{2}-\d{2}-\d{4}\b", headings), file
        assert not re.search(r"fra (\d+\. \w+ \d{4}) til \1", page.locator("main").inner_text()), file


def test_the_data_page_offers_every_download_first_with_its_size(built_site, http_built_site, page_at):
    page = page_at(PHONE)
    page.goto(http_built_site + "data/index.html")
    assert page.locator("#hent").bounding_box()["y"] < page.locator("#json").bounding_box()["y"]
    downloads = page.locator("a.download")
    assert downloads.count() >= 3 * 3 + 3 * 2 + 2
    for k in range(downloads.count()):
        link = downloads.nth(k)
        size = link.locator("xpath=following-sibling::span[1]").inner_text()
        body = page.request.get(link.evaluate("a => a.href")).body()
        assert re.search(r"\d+(,\d)? (byte|kB|MB)$", size) and len(body) > 0, size
    with zipfile.ZipFile(built_site / "data/arkiv.zip") as whole:
        names = whole.namelist()
        assert {"arkiv/arkiv.json", "arkiv/alleroed.zip", "arkiv/schemas/meeting.schema.json"} <= set(names)
        assert {info.date_time for info in whole.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    with zipfile.ZipFile(built_site / "data/alleroed.zip") as municipality:
        assert {"alleroed/alleroed.json", "alleroed/csv/alleroed/moeder.csv"} <= set(municipality.namelist())


def test_the_copy_button_copies_the_citation_with_its_address_and_date(http_built_site, shipped_archive, page_at):
    meeting = shipped_archive.meetings()[-1]
    page = page_at(DESKTOP)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(http_built_site + item_path(meeting.items[0]))
    citation = " ".join(page.locator("#citation").inner_text().split())
    assert "28. februar 2019" in citation and citation.endswith("/" + item_path(meeting.items[0]))
    page.locator("button.copy-button").click()
    expect(page.locator(".copy-status")).to_have_text("Henvisningen er kopieret.")  # the clipboard answers a moment later
    assert " ".join(page.evaluate("navigator.clipboard.readText()").split()) == citation


def test_the_copy_button_is_hidden_without_javascript(built_site, shipped_archive, page_at):
    page = open_file(page_at(PHONE, java_script_enabled=False), built_site, item_path(shipped_archive.meetings()[0].items[0]))
    assert page.locator("#citation").is_visible() and not page.locator("button.copy-button").is_visible()
