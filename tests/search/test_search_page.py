"""The search page in headless Chromium, over HTTP under a sub-path and from ``file://``."""
from __future__ import annotations

import pytest

from .browser import SEARCH_PAGE, read_hits, search, site_path, wait_for_results
from .fixture_archive import CLOSED_WORD, DEEP_WORD

ITEM_BUDGET = "alleroed/ebu/2015-05-13/punkt-3/index.html"
CASE_BUDGET = "alleroed/sager/15-839/index.html"
ATTACHMENT_BUDGET = "alleroed/ebu/2015-05-13/bilag/3-1/index.html"
ITEM_DANISH = "alleroed/ebu/2015-05-13/punkt-4/index.html"
ITEM_STARTUP = "alleroed/ebu/2016-06-08/punkt-6/index.html"
ITEM_STRATEGY = "gentofte/ebiu/2019-02-28/punkt-1/index.html"
CASE_STRATEGY = "gentofte/sager/emn-2019-00607/index.html"
ITEM_REHAB = "gentofte/ebiu/2019-02-28/punkt-2/index.html"
PERSON_RASMUS = "alleroed/personer/rasmus-keis-neerbek/index.html"
ATTACHMENT_LONG = "gentofte/ebiu/2019-02-28/bilag/1-2/index.html"


def paths(hits, site_url):
    return [site_path(h, site_url) for h in hits]


def test_other_inflection_finds_titles_before_body_text(page, site_url):
    hits = paths(search(page, site_url, "besparelsen"), site_url)
    assert set(hits[:3]) == {ITEM_BUDGET, CASE_BUDGET, ATTACHMENT_BUDGET}
    assert hits[3:] == ["alleroed/ebu/2015-05-13/index.html"]  # the meeting lists the title in its body


def test_case_number_with_slash_as_typed(page, site_url):
    hits = search(page, site_url, "15/839")
    assert set(paths(hits, site_url)) == {ITEM_BUDGET, CASE_BUDGET}
    assert {h.type for h in hits} == {"Dagsordenspunkt", "Sag"}


def test_case_number_with_hyphens_as_typed(page, site_url):
    hits = paths(search(page, site_url, "EMN-2019-00607"), site_url)
    assert set(hits[:2]) == {ITEM_STRATEGY, CASE_STRATEGY}
    assert hits[2:] == [ITEM_REHAB]  # mentions the case number in its text


ITEM_DANISH_CASE = "alleroed/sager/14-11078/index.html"


@pytest.mark.parametrize("query, expected", [
    ("00607", {ITEM_STRATEGY, CASE_STRATEGY}), ("607", {ITEM_STRATEGY, CASE_STRATEGY}),
    ("2019-00607", {ITEM_STRATEGY, CASE_STRATEGY}), ("11078", {ITEM_DANISH, ITEM_DANISH_CASE}),
    ("839", {ITEM_BUDGET, CASE_BUDGET}),
])
def test_part_of_a_case_number(page, site_url, query, expected):
    """The serial number of a case number finds the case and its items first, the part marked where it shows."""
    hits = search(page, site_url, query)
    assert set(paths(hits, site_url)[:len(expected)]) == expected
    assert all(any(query in m for m in hit.marked) for hit in hits[:len(expected)] if hit.type == "Sag")


def test_unknown_hyphenated_number_falls_back_to_its_parts(page, site_url):
    hits = paths(search(page, site_url, "2016-2019"), site_url)
    assert hits[0] in {ITEM_BUDGET, CASE_BUDGET}


@pytest.mark.parametrize("query", ["Rasmus Keis-Neerbek", "keis neerbek"])
def test_person_name_as_typed(page, site_url, query):
    hits = search(page, site_url, query)
    assert paths(hits, site_url)[0] == PERSON_RASMUS
    assert hits[0].type == "Person"
    assert [m.lower() for m in hits[0].title_marked] == query.lower().replace("-", " ").split()
    assert [m.lower() for m in hits[0].snippet_marked] == query.lower().replace("-", " ").split()


def test_phrase_from_a_decision(page, site_url):
    assert paths(search(page, site_url, "fastholde serviceniveauet"), site_url) == [ITEM_DANISH]


def test_snippet_is_the_stored_passage_with_the_match(page, site_url):
    hits = search(page, site_url, "overførselsudgifterne")
    item = next(h for h in hits if site_path(h, site_url) == ITEM_BUDGET)
    assert "overførselsudgifter" in item.snippet and "overførselsudgifter" in item.marked


def test_phrase_from_an_attachment(page, site_url):
    hits = search(page, site_url, "intensiveret jobformidling for langtidsledige")
    assert paths(hits, site_url) == [ATTACHMENT_BUDGET]
    assert hits[0].type == "Bilag"


def test_inflected_word_of_a_decision(page, site_url):
    assert paths(search(page, site_url, "iværksætterrådgivningen"), site_url) == [ITEM_STARTUP]


def test_words_of_a_closed_item_find_nothing(page, site_url):
    assert search(page, site_url, CLOSED_WORD) == []
    assert "Ingen resultater" in page.text_content("#search-status")
    assert search(page, site_url, "15/9999") == []


def test_only_stop_words_says_so(page, site_url):
    assert search(page, site_url, "og i at") == []
    assert "kun af meget almindelige ord" in page.text_content("#search-status")


def test_closed_item_found_by_title(page, site_url):
    hits = search(page, site_url, "salg af grund")
    assert paths(hits, site_url)[0] == "alleroed/ebu/2015-05-13/punkt-5/index.html"


def test_matched_words_are_highlighted(page, site_url):
    hits = search(page, site_url, "danskuddannelsen")
    assert hits and all(any(m.lower().startswith("danskuddannelse") for m in h.marked) for h in hits)


def test_query_in_url_is_shareable(page, site_url):
    expected = paths(search(page, site_url, "erhvervsfremme"), site_url)
    assert expected
    page.goto(site_url + SEARCH_PAGE + "?q=erhvervsfremme")
    wait_for_results(page)
    assert page.input_value("#soeg") == "erhvervsfremme"
    assert paths(read_hits(page), site_url) == expected


def options(page, select: str) -> dict[str, str]:
    """A select's options: value → text."""
    return dict(page.eval_on_selector_all(f"{select} option", "os => os.map(o => [o.value, o.textContent])"))


def counted(page, select: str) -> dict[str, int]:
    """The counts a facet's options show: value → count."""
    return {value: int(text.rsplit("(", 1)[1].rstrip(")")) for value, text in options(page, select).items() if value}


def total(page) -> int:
    return int(page.text_content("#search-status").split()[0])


def test_facets_narrow_each_other_with_counts_and_live_in_url(page, site_url):
    everything = paths(search(page, site_url, "udvalget"), site_url)
    assert any(p.startswith("alleroed/") for p in everything) and any(p.startswith("gentofte/") for p in everything)
    assert sum(counted(page, "#filter-kommune").values()) == sum(counted(page, "#filter-type").values()) == total(page)
    page.select_option("#filter-kommune", "gentofte")
    wait_for_results(page)
    only = paths(read_hits(page), site_url)
    assert only == [p for p in everything if p.startswith("gentofte/")]
    assert "kommune=gentofte" in page.url
    # the other facets count Gentofte's documents only, and offer no value that finds nothing
    assert list(counted(page, "#filter-udvalg")) == ["gentofte/ebiu"]
    assert list(counted(page, "#filter-aar")) == ["2019"]
    assert sum(counted(page, "#filter-type").values()) == total(page) == len(only)
    assert "sag" not in counted(page, "#filter-type")  # no Gentofte case holds "udvalget"
    assert counted(page, "#filter-kommune")["alleroed"] > 0  # a facet's own choice does not narrow its counts
    page.select_option("#filter-type", "punkt")
    wait_for_results(page)
    assert "type=punkt" in page.url
    assert all(h.type == "Dagsordenspunkt" and site_path(h, site_url).startswith("gentofte/") for h in read_hits(page))
    page.goto(site_url + SEARCH_PAGE + "?q=udvalget&aar=2019")
    wait_for_results(page)
    assert page.input_value("#filter-aar") == "2019"
    assert list(counted(page, "#filter-aar")) == ["2019", "2015"]  # no item of 2016 holds "udvalget"
    assert paths(read_hits(page), site_url) == [p for p in everything if p.startswith("gentofte/")]


def every_hit(page) -> None:
    """Show every result ("Vis flere resultater" until it is gone)."""
    while page.is_visible("#search-more"):
        shown = page.locator("#search-results > li").count()
        page.click("#search-more")
        page.wait_for_function("n => document.querySelectorAll('#search-results > li').length > n", arg=shown)


def test_order_by_date_lives_in_url(page, site_url):
    by_relevance = paths(search(page, site_url, "keis"), site_url)
    page.goto(site_url + SEARCH_PAGE + "?q=keis&sortering=dato")
    wait_for_results(page)
    assert page.input_value("#sortering") == "dato"
    every_hit(page)
    dates = page.eval_on_selector_all("#search-results > li", """lis => lis.map(li => {
        const time = li.querySelector('time'); return time ? time.getAttribute('datetime') : ''; })""")
    dated = [d for d in dates if d]
    assert dates == dated + [""] * (len(dates) - len(dated)) and len(dated) < len(dates)  # persons have no date
    assert dated == sorted(dated, reverse=True) and dated[0] == "2016-06-08" and dated[-1] == "2015-05-13"
    assert paths(read_hits(page), site_url) != by_relevance[:len(dates)]
    page.select_option("#sortering", "relevans")
    wait_for_results(page)
    assert "sortering" not in page.url and paths(read_hits(page), site_url) == by_relevance


def test_attachment_ranks_below_its_item_unless_only_it_matches(page, site_url):
    hits = paths(search(page, site_url, "besparelsen"), site_url)
    assert hits.index(ATTACHMENT_BUDGET) == hits.index(ITEM_BUDGET) + 1
    assert paths(search(page, site_url, "langtidsledige"), site_url) == [ATTACHMENT_BUDGET]


def test_meetings_found_only_by_their_committee_come_last(page, site_url):
    hits = search(page, site_url, "beskæftigelse")
    every_hit(page)
    hits = read_hits(page)
    found = paths(hits, site_url)
    only_by_name = ["alleroed/ebu/2015-05-13/index.html", "alleroed/ebu/2016-06-08/index.html"]
    assert sorted(found[-2:]) == only_by_name
    assert set(found[:2]) == {ITEM_REHAB, "gentofte/sager/emn-2019-00061/index.html"}  # the title holds it
    assert hits[0].title_marked == ["beskæftigelsesområdet"]
    assert "gentofte/ebiu/2019-02-28/index.html" in found[:-2]  # its text lists the item's title


def test_snippet_is_the_passage_with_the_match_far_into_a_long_text(page, site_url):
    hits = search(page, site_url, DEEP_WORD.lower())
    assert paths(hits, site_url) == [ATTACHMENT_LONG]
    assert hits[0].snippet_marked == [DEEP_WORD] and "NOTAT" not in hits[0].snippet
    assert hits[0].snippet.startswith("… ") and DEEP_WORD in hits[0].snippet


def test_snippet_marks_every_inflection(page, site_url):
    hits = search(page, site_url, "klynge")
    long = next(h for h in hits if site_path(h, site_url) == ATTACHMENT_LONG)
    assert {"klyngernes", "Klyngeprogrammet"} & set(long.snippet_marked) and len(long.snippet_marked) >= 2
    assert all(m.lower().startswith("klynge") for m in long.snippet_marked)


def test_quoted_phrase_needs_its_words_together(page, site_url):
    hits = search(page, site_url, '"fastholde serviceniveauet"')
    assert paths(hits, site_url) == [ITEM_DANISH]
    assert hits[0].snippet_marked == ["fastholde", "serviceniveauet"]
    assert search(page, site_url, '"serviceniveauet fastholde"') == []
    assert paths(search(page, site_url, "serviceniveauet fastholde"), site_url) == [ITEM_DANISH]


def test_quoted_word_is_not_expanded_to_compounds(page, site_url):
    assert ITEM_BUDGET in paths(search(page, site_url, "budget"), site_url)  # Budgetlægning
    assert ITEM_BUDGET not in paths(search(page, site_url, '"budget"'), site_url)


def test_minus_leaves_out_what_holds_the_word(page, site_url):
    everything = paths(search(page, site_url, "besparelsen"), site_url)
    without = search(page, site_url, "besparelsen -ledighedsydelse")
    assert paths(without, site_url) == [p for p in everything if p != ATTACHMENT_BUDGET]
    assert all("ledighedsydelse" not in m.lower() for h in without for m in h.marked)
    assert search(page, site_url, "-besparelsen") == []
    assert "mindst ét ord" in page.text_content("#search-status")


def test_help_names_the_syntax(page, site_url):
    page.goto(site_url + SEARCH_PAGE)
    help_text = page.text_content("#search-help")
    assert all(syntax in help_text for syntax in ('"', "-ord", "ord*", "00607"))


def test_committee_filter_leaves_out_persons(page, site_url):
    everything = paths(search(page, site_url, "keis"), site_url)
    assert any("/personer/" in p for p in everything) and any("/ebu/" in p for p in everything)
    page.select_option("#filter-udvalg", "alleroed/ebu")
    wait_for_results(page)
    assert "udvalg=alleroed%2Febu" in page.url
    assert paths(read_hits(page), site_url) == [p for p in everything if p.startswith("alleroed/ebu/")]


def test_keyboard_only(page, site_url):
    page.goto(site_url + SEARCH_PAGE)
    page.wait_for_selector("#search-filters:not([hidden])")
    page.keyboard.press("Tab")  # skip link
    while page.evaluate("document.activeElement.id") != "soeg":
        page.keyboard.press("Tab")
    page.keyboard.type("15/839")
    page.keyboard.press("Enter")
    wait_for_results(page)
    assert page.get_attribute("#search-status", "aria-live") == "polite"
    assert "2 resultater" in page.text_content("#search-status")
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#search-results') !== null"):
            break
    href = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(href)
    assert page.url[len(site_url):] in {ITEM_BUDGET, CASE_BUDGET}


def test_message_without_javascript(chromium, site_url):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + SEARCH_PAGE + "?q=budget")
        assert "kræver JavaScript" in page.inner_text("main")
    finally:
        context.close()
