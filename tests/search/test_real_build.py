"""End to end on the real build of ``content/`` (kommunearkiv.build.build_site), in Chromium over
HTTP under a sub-path and from ``file://``; expectations are read from the shipped archive."""
from __future__ import annotations

import re

import pytest

from kommunearkiv import paths
from kommunearkiv.search.documents import page_url
from kommunearkiv.search.text import plain_text

from . import compound_queries
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


# --- queries of each kind a reader types: the expected page among the best, its snippet showing the match ---

def shown(page, url, query, expected, top):
    """The hit linking to ``expected`` among the best ``top`` for the query (it must be there)."""
    hits = search(page, url, query)
    mine = [h for h in hits[:top] if site_path(h, url) == expected]
    assert mine, (query, expected, [site_path(h, url) for h in hits])
    return mine[0]


COMPOUNDS = [(q, url) for q, url in compound_queries.FIRST_PART
             if q in ("budget", "jobcenter", "arbejdsmarked", "iværksætter", "kvartal")] + compound_queries.OTHER_FORM


@pytest.mark.parametrize("query, expected", COMPOUNDS)
def test_compounds_find_the_page_with_the_match_in_its_snippet(page, built_site_url, query, expected):
    hit = shown(page, built_site_url, query, expected, top=10)
    assert hit.snippet_marked, (query, hit.snippet)


@pytest.mark.parametrize("query, title_word", [("besparelsen", "besparelser"), ("iværksætterhusets", "Iværksætterhuset")])
def test_inflections_marked_in_the_snippet(page, built_site_url, shipped_archive, query, title_word):
    item = next(i for i in open_items(shipped_archive) if title_word in i.title)
    hit = shown(page, built_site_url, query, page_url(paths.item_path(item)), top=10)
    assert hit.title_marked and hit.snippet_marked, (query, hit.snippet)


def test_parts_of_case_numbers_find_the_case_and_show_the_number(page, built_site_url, shipped_archive):
    cases = [c for m in shipped_archive.municipalities.values() for c in m.cases.values()]
    chosen = [c for c in cases if "/" in c.number][:2] + [c for c in cases if "-" in c.number][:2]
    for case in chosen:
        serial = case.number.replace("/", "-").split("-")[-1]
        expected = {page_url(paths.case_path(case))} | {page_url(paths.item_path(i)) for i in case.items}
        hits = search(page, built_site_url, serial)
        assert {site_path(h, built_site_url) for h in hits[:len(expected)]} == expected, case.number
        assert all(serial in "".join(h.snippet_marked) for h in hits[:len(expected)]), case.number


def test_a_name_finds_the_persons_own_page_first_with_the_name_in_its_snippet(page, built_site_url, shipped_archive):
    persons = [p for m in shipped_archive.municipalities.values() for p in m.persons.values()]
    for person in persons[:: max(1, len(persons) // 4)]:
        hits = search(page, built_site_url, person.name)
        assert site_path(hits[0], built_site_url) == page_url(paths.person_path(person)), person.name
        assert " ".join(hits[0].snippet_marked) == person.name, (person.name, hits[0].snippet)


def words_of(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text)


def test_quoted_phrase_from_a_decision(page, built_site_url, shipped_archive):
    item = next(i for i in open_items(shipped_archive) if i.decision and len(words_of(plain_text(i.decision.text))) >= 12)
    words = words_of(plain_text(item.decision.text))[2:7]
    hit = shown(page, built_site_url, '"' + " ".join(words) + '"', page_url(paths.item_path(item)), top=3)
    assert len(hit.snippet_marked) >= 3 and {m.lower() for m in hit.snippet_marked} <= {w.lower() for w in words}


def test_phrase_far_into_a_long_attachment_shows_where_it_stands(page, built_site_url, shipped_archive):
    """A phrase around a word the text holds once, past its middle: the snippet is the passage holding it."""
    attachment = max((a for m in shipped_archive.meetings() for a in m.published_attachments()),
                     key=lambda a: len(a.read_text()))
    text = plain_text(attachment.read_text())
    words = words_of(text)
    assert len(text) > 20_000
    once = next(n for n in range(len(words) // 2, len(words)) if len(words[n]) >= 9 and text.count(words[n]) == 1)
    phrase = words[once - 2:once + 3]
    for query in (" ".join(phrase), '"' + " ".join(phrase) + '"'):
        hit = shown(page, built_site_url, query, page_url(paths.attachment_path(attachment)), top=3)
        assert words[once] in hit.snippet_marked and len(hit.snippet_marked) >= 3, (query, hit.snippet)
        assert not text.startswith(hit.snippet[:40])


def test_minus_leaves_out_pages_holding_the_word(page, built_site_url):
    everything = search(page, built_site_url, "budget")
    first, word = next((h, w) for h in everything for w in words_of(h.title)
                       if len(w) > 5 and not w.lower().startswith("budget"))
    without = search(page, built_site_url, f"budget -{word}")
    assert without and site_path(first, built_site_url) not in {site_path(h, built_site_url) for h in without}
    # a word (and the compounds it begins: its first five letters) is left out wherever it stands
    assert not any(w.lower().startswith(word.lower()[:5]) for h in without for w in words_of(h.title)), word


def test_facets_and_order_by_date_on_the_real_build(page, built_site_url):
    search(page, built_site_url, "kommunen")
    total = int(page.text_content("#search-status").split()[0])
    counts = page.eval_on_selector_all("#filter-kommune option", "os => os.slice(1).map(o => [o.value, o.textContent])")
    assert len(counts) >= 2 and sum(int(t.rsplit("(", 1)[1][:-1]) for _, t in counts) == total
    municipality = counts[-1][0]
    page.select_option("#filter-kommune", municipality)
    page.select_option("#sortering", "dato")
    page.wait_for_function("() => location.search.includes('sortering=dato')")
    page.wait_for_function("() => !document.getElementById('search-status').textContent.startsWith('Søger')")
    hits = read_hits(page)
    assert hits and all(site_path(h, built_site_url).startswith(municipality + "/") for h in hits)
    dates = page.eval_on_selector_all("#search-results time", "ts => ts.map(t => t.getAttribute('datetime'))")
    assert dates == sorted(dates, reverse=True)
    assert f"kommune={municipality}" in page.url
