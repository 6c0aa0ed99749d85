"""Who names whom: the quick search gives exactly the items one case-insensitive pattern over every text gives."""
from __future__ import annotations

import datetime as dt
import random
import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from kommunearkiv.model import CLOSED, AgendaItem, Committee, Decision, EarlierDecision, Meeting, Municipality, Person, Section
from kommunearkiv.web.summaries import _folded, items_naming_persons, open_texts

# Letters re.IGNORECASE and str.casefold treat in special ways (Turkish i's, long s, Kelvin sign, sharp s, micro sign,
# Greek iota and its combining form), Danish letters, and the characters around names: word and non-word.
TRICKY = "aiIİıSsſkKKßẞµμιΙ\u0345æÆøØåÅé"
AROUND = " -_.,()1\n"


def reference(municipality: Municipality) -> dict[str, list[AgendaItem]]:
    """The definition: one pattern of all names, longest first, over every open text of every item."""
    names = sorted({p.name.casefold() for p in municipality.persons.values()}, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, names)) + r")s?(?!\w)", re.IGNORECASE)
    items = [item for meeting in municipality.meetings() for item in meeting.items]
    named = [{match.group(1).casefold() for text in open_texts(item) for match in pattern.finditer(text)} for item in items]
    return {person_id: [item for item, names_in_item in zip(items, named) if person.name.casefold() in names_in_item]
            for person_id, person in municipality.persons.items()}


def municipality_of(names: list[str], item_texts: list[list[str]], closed: set[int]) -> Municipality:
    mu = Municipality("kommune", "Kommune")
    for n, name in enumerate(names):
        mu.persons[f"p{n}"] = Person("kommune", f"p{n}", name)
    items = []
    for number, texts in enumerate(item_texts, start=1):
        title, *rest = texts or [""]
        items.append(AgendaItem(number, title, access=CLOSED if number in closed else "open",
                                sections=[Section(rest[0] if rest else "", " ".join(rest[1:]))],
                                decision=Decision("Beslutning", rest[-1]) if len(rest) > 2 else None,
                                earlier_decisions=[EarlierDecision(None, "Udvalget", rest[1])] if len(rest) > 3 else []))
    meeting = Meeting("kommune", "udvalget", "2020-01-01", dt.date(2020, 1, 1), "referat", items=items)
    for item in items:
        item.meeting = meeting
    mu.committees["udvalget"] = Committee("kommune", "udvalget", "Udvalget", meetings=[meeting])
    return mu


WORDS = st.text(TRICKY + "ns", min_size=1, max_size=4)
NAMES = st.lists(st.lists(WORDS, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=6)


@st.composite
def text_naming(draw, names: list[str]) -> str:
    """Pieces of ``names`` in any case, genitive or run into other words, among stray letters and separators."""
    pieces = []
    for _ in range(draw(st.integers(0, 6))):
        if draw(st.booleans()):
            name = draw(st.sampled_from(names))
            name = draw(st.sampled_from([name, name.upper(), name.lower(), name.title(), name.swapcase(), name[1:], name[:-1]]))
            pieces.append(name + draw(st.sampled_from(["", "s", "S", "ſ", "e", "_", "1"])))
        else:
            pieces.append(draw(st.text(TRICKY + "ns", max_size=3)))
        pieces.append(draw(st.text(AROUND, max_size=2)))
    return "".join(pieces)


@st.composite
def municipalities(draw) -> Municipality:
    names = draw(NAMES)
    items = draw(st.lists(st.lists(text_naming(names), max_size=5), max_size=5))
    closed = draw(st.sets(st.integers(1, len(items) or 1)))
    return municipality_of(names, items, closed)


@settings(max_examples=800, deadline=None)
@given(municipalities())
def test_the_same_items_as_one_pattern_over_every_text(municipality):
    assert items_naming_persons(municipality) == reference(municipality)


def test_names_nested_in_longer_names_genitive_and_any_case():
    mu = municipality_of(["Anne Hansen", "Mette Anne Hansen", "Bo Ø", "Kim Åby"],
                         [["METTE ANNE HANSENS forslag"], ["Anne Hansens og Bo Ø's"], ["bo øst", "kim åbys"], ["Annie Hansen"]],
                         closed=set())
    items = [i for m in mu.meetings() for i in m.items]
    assert items_naming_persons(mu) == {"p0": [items[1]], "p1": [items[0]], "p2": [items[1]], "p3": [items[2]]}


def test_whatever_re_ignorecase_matches_to_a_letter_folds_alike():
    """The quick test's premise, for every character against the letters of Latin, Greek and Cyrillic names."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    letters = {c.casefold() for c in map(chr, [*range(0x41, 0x250), *range(0x370, 0x530)]) if c.isalpha()}
    for letter in sorted(letters):
        for match in re.compile(re.escape(letter), re.IGNORECASE).finditer(everything):
            assert _folded(match.group()) == _folded(letter), (letter, match.group())


def test_many_names_over_many_items_give_what_one_pattern_gives():
    rng = random.Random(8)
    first = ["Anne", "Bo", "Carl", "Dorte", "Erik", "Gurli", "Hans", "Ida", "Jens", "Karen", "Lars", "Mette", "Niels", "Ole"]
    last = ["Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Holm"]
    names = sorted({f"{rng.choice(first)} {rng.choice(last)}" for _ in range(300)})
    words = "budget kommune udvalget beslutning sagsfremstilling økonomi indstilling godkendt orientering".split()
    texts = [[" ".join(rng.choice(words) for _ in range(60)) for _ in range(4)] for _ in range(2000)]
    texts[7][2] += f" jf. {names[3].upper()}S notat"
    mu = municipality_of(names, texts, closed=set())
    quick = items_naming_persons(mu)
    assert quick == reference(mu) and quick["p3"] == [mu.meetings()[0].items[7]]
