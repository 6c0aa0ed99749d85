"""``plain_text`` and ``hyphenated_identifiers`` take shortcuts (no link pattern without ``](``,
``str.split`` for runs of whitespace, only words with a hyphen searched); they must give what the
plain regular expressions give, for any text."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kommunearkiv.search.documents import HYPHENATED_IDENTIFIER, hyphenated_identifiers
from kommunearkiv.search.text import plain_text

ALPHABET = st.sampled_from(list("ab 1-+*_#>|`\\[]()!<>/\n\t\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u2028\u3000ø"))


def regex_plain_text(markdown: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", re.sub(r"<[^>]*>", " ", markdown))
    text = re.sub(r"[*_#>|`\\]+|^\s*[-+]\s+|^-{3,}$", " ", text, flags=re.MULTILINE)
    return re.sub(r"\s+", " ", text).strip()


@settings(max_examples=2_000, deadline=None)  # no time limit: a loaded machine is not a failure
@given(st.text(ALPHABET, max_size=60))
def test_plain_text_equals_the_regular_expressions(markdown):
    assert plain_text(markdown) == regex_plain_text(markdown)


def test_links_tags_and_markup():
    markdown = "# Sag\n\n- se [bilaget](https://x.dk/a.pdf) og <b>**dette**</b>\u00a0\n---\n"
    assert plain_text(markdown) == "Sag se bilaget og dette"


@settings(max_examples=2_000, deadline=None)  # no time limit: a loaded machine is not a failure
@given(st.text(st.sampled_from(list("ab1_-/ .,()\n\t\xa0\u2028\x1cø")), max_size=40))
def test_hyphenated_identifiers_equal_the_pattern_on_the_whole_text(text):
    assert hyphenated_identifiers(text) == HYPHENATED_IDENTIFIER.findall(text)


def test_hyphenated_identifiers():
    text = "jf. emn-2019-00607 (emn-2019-1) og 15/839, 2016 - 2019, sag-nr, a-1-"
    assert hyphenated_identifiers(text) == ["emn-2019-00607", "emn-2019-1"]
