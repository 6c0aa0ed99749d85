"""What journalists need, checked on the real build against the archive it was built from, with JavaScript off:
permalinks and cite blocks for every item, attendance at a glance, case timelines, members' attendance."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kommunearkiv.build import build_site
from kommunearkiv.content.reader import load_archive

from kommunearkiv.dates import danish_date
from kommunearkiv.paths import case_path, item_path, meeting_path, person_path
from kommunearkiv.labels import KIND_LABELS


@pytest.fixture(scope="module")
def static_page(chromium):
    """A page with JavaScript disabled: everything checked here must be in the HTML itself."""
    context = chromium.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def open_page(page, site, path: str):
    page.goto((site / path / "index.html").as_uri())
    assert page.evaluate("[...document.scripts].every(s => s.type === 'application/ld+json' || s.src.endsWith('/static/cite.js'))")
    return page


def texts(page, selector: str) -> list[str]:
    return [" ".join(text.split()) for text in page.locator(selector).all_inner_texts()]


def name_of(municipality, person_id: str) -> str:
    return municipality.persons[person_id].name


def test_every_item_has_a_permalink_anchor_and_a_cite_block(built_site, shipped_archive, static_page):
    checked = 0
    for meeting in shipped_archive.meetings():
        municipality = shipped_archive.municipalities[meeting.municipality]
        committee = shipped_archive.committee(meeting)
        page = open_page(static_page, built_site, meeting_path(meeting))
        for item in meeting.items:
            assert page.locator(f"article#{item.anchor} h2").inner_text().startswith(f"{item.number}. {item.title}")
            assert page.locator(f'article#{item.anchor} a[href="#{item.anchor}"]').count() == 1
            assert page.locator(f'article#{item.anchor} a[href$="{item.anchor}/index.html#citer"]').count() == 1
        for item in meeting.items:
            open_page(static_page, built_site, item_path(item))
            facts = dict(zip(texts(static_page, ".cite dt"), texts(static_page, ".cite dd")))
            expected = {"Kommune": municipality.name, "Udvalg": committee.name, "Dokument": KIND_LABELS[meeting.kind],
                        "Dato": danish_date(meeting.date), "Punkt": str(item.number), "Titel": " ".join(item.title.split()),
                        "Adresse": "/" + item_path(item)}
            if item.case_number and not item.is_closed:
                expected["Sagsnr."] = item.case_number
            assert facts == expected, item_path(item)
            cite_text = texts(static_page, ".cite .cite-text")[0]
            assert all(value in cite_text for value in expected.values()), cite_text
            checked += 1
    assert checked > 20


def test_meeting_page_shows_who_was_present_and_absent_at_a_glance(built_site, shipped_archive, static_page):
    meetings = [meeting for meeting in shipped_archive.meetings() if meeting.attendance]
    assert any(meeting.absent for meeting in meetings)
    for meeting in meetings:
        municipality = shipped_archive.municipalities[meeting.municipality]
        open_page(static_page, built_site, meeting_path(meeting))
        for group, people in (("present", meeting.present), ("absent", meeting.absent)):
            label = texts(static_page, f".attendance-glance .glance-{group} dt")[0]
            assert label.endswith(f"({len(people)})")
            names = texts(static_page, f".attendance-glance .glance-{group} dd li a")
            assert names == [name_of(municipality, person_id) for person_id in people]
        # what was decided comes first, who attended right after (beside it on a wide screen)
        assert static_page.evaluate("""() => document.querySelector('#dagsorden').compareDocumentPosition(
            document.querySelector('.attendance-glance')) & Node.DOCUMENT_POSITION_FOLLOWING""")
        assert static_page.evaluate("""() => document.querySelector('.attendance-glance').compareDocumentPosition(
            document.querySelector('article.item')) & Node.DOCUMENT_POSITION_FOLLOWING""")


def check_timeline(page, case) -> None:
    entries = page.locator(".timeline > li.timeline-entry")
    assert entries.count() == len(case.items)
    dates = [entries.nth(i).locator("time").get_attribute("datetime") for i in range(entries.count())]
    assert dates == sorted(dates) == [item.meeting.date.isoformat() for item in case.items]
    for index, item in enumerate(case.items):
        entry = entries.nth(index)
        assert f"Punkt {item.number}: {' '.join(item.title.split())}" in " ".join(entry.inner_text().split())
        if item.decision and not item.is_closed:
            assert entry.locator(".decision").count() == 1


def test_case_page_shows_its_decisions_as_a_timeline(built_site, shipped_archive, static_page):
    cases = [case for municipality in shipped_archive.municipalities.values() for case in municipality.cases.values()]
    assert cases
    for case in cases:
        check_timeline(open_page(static_page, built_site, case_path(case)), case)


@pytest.fixture(scope="module")
def synthetic_build(tmp_path_factory):
    """A small generated archive whose cases run over several meetings (the shipped ones span one each)."""
    root = str(Path(__file__).resolve().parents[2])
    if root not in sys.path:
        sys.path.insert(0, root)
    from benchmarks.synthetic import generate_archive

    folder = tmp_path_factory.mktemp("synthetic")
    generate_archive(folder / "content", meetings=6, municipalities=1, items=6, workers=1)
    build_site(folder / "content", folder / "site")
    return folder / "site", load_archive(folder / "content")


def test_a_case_over_several_meetings_shows_them_in_date_order(synthetic_build, static_page):
    site, archive = synthetic_build
    cases = [case for municipality in archive.municipalities.values() for case in municipality.cases.values()
             if len({item.meeting.date for item in case.items}) > 1]
    assert cases
    for case in cases:
        check_timeline(open_page(static_page, site, case_path(case)), case)


def test_member_page_shows_an_attendance_figure_and_list(built_site, shipped_archive, static_page):
    checked = 0
    for municipality in shipped_archive.municipalities.values():
        for person in municipality.persons.values():
            meetings = [meeting for meeting in municipality.meetings() if person.id in meeting.attendance]
            if not meetings:
                continue
            present = sum(person.id in meeting.present for meeting in meetings)
            open_page(static_page, built_site, person_path(person))
            figure = static_page.locator(".attendance-figure")
            assert figure.locator("meter").get_attribute("value") == str(present)
            assert figure.locator("meter").get_attribute("max") == str(len(meetings))
            assert texts(static_page, ".attendance-figure .figure")[0].replace("\xa0", " ") == f"{round(100 * present / len(meetings))} %"
            rows = texts(static_page, "table.attendance tbody tr")
            assert len(rows) == len(meetings)
            assert [row.endswith("Til stede") for row in rows] == [person.id in meeting.present for meeting in meetings]
            checked += 1
    assert checked > 10
