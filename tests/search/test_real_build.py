"""End to end on the real build of ``content/`` (kommunearkiv.build.build_site), in Chromium over
HTTP under a sub-path and from ``file://``; expectations are read from the shipped archive."""
from __future__ import annotations

import pytest

from kommunearkiv import paths
from kommunearkiv.search.documents import page_url
from kommunearkiv.search.text import plain_text

from .browser import read_hits, search, site_path


def open_items(archive):
    return [i for m in archive.meetings() for i in m.items if not i.is_closed]


def found(page, url, query, top=None):
    hits = search(page, url, query)
    return [site_path(h, url) for h in hits][:top]


def test_case_numbers_find_the_case_and_its_items_first(page, built_site_url, shipped_archive):
    cases = [c for m in shipped_archive.municipalities.values() for c in m.cases.values()]
    chosen = [c for c in cases if "/" in c.number][:2] + [c for c in cases if "-" in c.number][:2]
    assert len(chosen) == 4
    for case in chosen:
        expected = {page_url(paths.case_path(case))} | {page_url(paths.item_path(i)) for i in case.items}
        assert set(found(page, built_site_url, case.number, top=len(expected))) == expected, case.number


def test_person_names_as_typed_find_the_person_first(page, built_site_url, shipped_archive):
    persons = [p for m in shipped_archive.municipalities.values() for p in m.persons.values()]
    for person in [p for p in persons if not p.name.isascii()][:1] + persons[:2]:
        assert found(page, built_site_url, person.name, top=1) == [page_url(paths.person_path(person))], person.name


def test_words_from_a_decision_find_its_item(page, built_site_url, shipped_archive):
    item = next(i for i in open_items(shipped_archive) if i.decision and len(plain_text(i.decision.text).split()) >= 12)
    phrase = " ".join(plain_text(item.decision.text).split()[2:8])
    assert page_url(paths.item_path(item)) in found(page, built_site_url, phrase, top=3), phrase


def test_words_from_attachment_text_find_the_attachment(page, built_site_url, shipped_archive):
    attachments = [a for m in shipped_archive.meetings() for a in m.attachments if len(a.read_text().split()) > 300]
    for attachment in attachments[:: max(1, len(attachments) // 3)][:3]:
        phrase = " ".join(plain_text(attachment.read_text()).split()[150:155])
        assert page_url(paths.attachment_path(attachment)) in found(page, built_site_url, phrase, top=3), phrase


@pytest.mark.parametrize("query, title_word", [("besparelsen", "besparelser"), ("iværksætterhusets", "Iværksætterhuset")])
def test_other_inflections_find_titles(page, built_site_url, shipped_archive, query, title_word):
    titled = {page_url(paths.item_path(i)) for i in open_items(shipped_archive) if title_word in i.title}
    assert titled
    hits = found(page, built_site_url, query)
    assert titled <= set(hits[: len(titled) * 3])


def test_closed_item_shows_number_and_title_only(page, built_site_url, shipped_archive):
    closed = [i for m in shipped_archive.meetings() for i in m.items if i.is_closed]
    assert closed
    item = closed[0]
    hits = search(page, built_site_url, item.title)
    mine = [h for h in hits if site_path(h, built_site_url) == page_url(paths.item_path(item))]
    assert mine and mine[0].title.startswith(f"{item.number}. ")
    assert mine[0].snippet == "(Lukket punkt)"


def test_more_results_keep_the_order_and_move_focus(page, built_site_url):
    first = search(page, built_site_url, "kommunen")
    total = int(page.text_content("#search-status").split()[0])
    assert len(first) == 10 < total
    page.click("#search-more")
    page.wait_for_function("() => document.querySelectorAll('#search-results > li').length > 10")
    more = read_hits(page)
    assert more[:10] == first and len(more) == min(20, total)
    assert page.evaluate("document.activeElement.href") == more[10].href
