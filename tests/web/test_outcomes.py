"""What came of an item, parties in full, and roles over time: told from the words and dates, never guessed."""
from __future__ import annotations

import datetime as dt

import pytest

from kommunearkiv.model import CLOSED, AgendaItem, Committee, Decision, Meeting, Membership, Person, Section
from kommunearkiv.parties import party
from kommunearkiv.web import outcomes, roles

MEETING_DAY = dt.date(2016, 6, 8)


def item(decision: str | None = None, recommendation: str | None = None, kind: str = "referat",
         heading: str = "Indstilling", access: str = "open") -> AgendaItem:
    meeting = Meeting("a", "u", "2016-06-08", MEETING_DAY, kind)
    sections = [Section("Sagsbeskrivelse", "Baggrund.")] + ([Section(heading, recommendation)] if recommendation else [])
    found = AgendaItem(1, "Et punkt", access=access, sections=sections,
                       decision=Decision("Beslutning Udvalget den 08-06-2016", decision) if decision else None, meeting=meeting)
    meeting.items = [found]
    return found


@pytest.mark.parametrize("decision, statuses, line", [
    ("Taget til efterretning.", ("taget til efterretning",), None),
    ("Godkendt.", ("godkendt",), None),
    ("Indstillingen blev ikke godkendt.", ("ikke godkendt",), "Indstillingen blev ikke godkendt."),
    ("Sagen udsættes til næste møde, idet udvalget ikke var beslutningsdygtigt.", ("udsat",),
     "Sagen udsættes til næste møde, idet udvalget ikke var beslutningsdygtigt."),
    ("Ad 1. Godkendt.\n\nAd 2 og 3. Udsat, idet udvalget ønsker at drøfte andre initiativer, inden anbefaling til "
     "økonomiudvalget.\n\nAd 4. Anbefalet.", ("godkendt", "udsat", "anbefalet"), "Ad 1. Godkendt."),
    ("Forslaget oversendes til budgetlægningen. Jf. bilag 2 er udgiften ca. 3 mio. kr.", ("videresendt",),
     "Forslaget oversendes til budgetlægningen."),
    ("Punktet blev ikke behandlet.", ("ikke behandlet",), "Punktet blev ikke behandlet."),
    ("Udvalget anmoder om et notat, der sendes til godkendelse i byrådet den 10. juni 2016.", (),
     "Udvalget anmoder om et notat, der sendes til godkendelse i byrådet den 10. juni 2016."),
])
def test_the_outcome_is_the_decisions_statuses_and_its_first_sentence(decision, statuses, line):
    found = outcomes.outcome(item(decision))
    assert (found.statuses, found.line, found.proposed) == (statuses, line, False)


def test_a_long_first_sentence_is_cut_at_a_word():
    found = outcomes.outcome(item("Udvalget " + "drøftede sagen grundigt og " * 10 + "besluttede intet."))
    assert len(found.line) <= outcomes.LINE_CHARS + 2 and found.line.endswith(" …")


def test_a_closed_item_has_its_status_only():
    assert outcomes.outcome(item("Hemmeligt besluttet.", access=CLOSED)) == outcomes.Outcome(("lukket punkt",), None)


def test_an_agenda_shows_the_recommendation_without_its_address_lines():
    found = outcomes.outcome(item(None, "Social & Sundhed indstiller\n\nTil udvalget:\n\nAt notatet tages til efterretning.",
                                  kind="dagsorden"))
    assert found == outcomes.Outcome(("dagsorden",), "At notatet tages til efterretning.", proposed=True)
    assert outcomes.outcome(item(None)) == outcomes.Outcome((), None)


@pytest.mark.parametrize("decision, recommendation, verdict", [
    ("Indstilling godkendt.", "Forvaltningen anbefaler, at forslaget godkendes.", "fulgt"),
    ("Godkendt som indstillet.", "At planen godkendes.", "fulgt"),
    ("Taget til efterretning.", "Forvaltningen foreslår, at sagen tages til efterretning.", "fulgt"),
    ("Indstillingen godkendt, idet udvalget ønsker en status om et år.", "At planen godkendes.", "fulgt med mere"),
    ("Indstillingen blev ikke godkendt.", "At planen godkendes.", "ikke fulgt"),
    ("Taget til efterretning.", "At planen godkendes.", None),  # says nothing of the recommendation
    ("Forslag 2 godkendt.", "Forvaltningen anbefaler forslag 1.", None),
    ("Sagen udsættes.", "At planen godkendes.", None),
    ("Godkendt.", None, None),  # nothing to follow
])
def test_whether_the_decision_followed_the_recommendation_is_said_only_when_its_words_tell(decision, recommendation, verdict):
    assert outcomes.followed(item(decision, recommendation)) == verdict


def test_the_recommendation_is_shown_beside_the_decision_and_not_again_below():
    found = item("Godkendt.", "At planen godkendes.", heading="Administrationens forslag")
    assert [s.heading for s in outcomes.recommendations(found)] == ["Administrationens forslag"]
    assert [s.heading for s in outcomes.background_sections(found)] == ["Sagsbeskrivelse"]
    assert outcomes.recommendations(item("Godkendt.", "-")) == []  # a heading with nothing under it


def test_a_decision_is_headed_beslutning_with_its_date_only_when_it_is_another_days():
    found = item("Godkendt.")
    assert outcomes.decision_label(found) == "Beslutning"
    found.decision.heading = "Beslutning Udvalget den 13-05-2015"
    assert outcomes.decision_label(found) == "Beslutning 13. maj 2015"
    found.decision.heading = "Udvalget den 13. maj 2015"
    assert outcomes.decision_label(found) == "Beslutning 13. maj 2015"


def test_parties_are_named_in_full_with_their_letter():
    assert str(party("F")) == "F Socialistisk Folkeparti" and str(party(" ø ")) == "Ø Enhedslisten"
    assert str(party("SF")) == "F Socialistisk Folkeparti" and str(party("DF")) == "O Dansk Folkeparti"
    assert str(party("R")) == "Liste R" and party("R").letter is None
    assert str(party("Lokallisten")) == "Lokallisten" and party(None) is None and party(" ") is None


def committee_over_time() -> tuple[Committee, dict[str, Person]]:
    first, second = dt.date(2015, 5, 13), dt.date(2016, 6, 8)
    persons = {p: Person("a", p, p.title()) for p in ("nikolaj", "klaus", "agnete")}
    members = [Membership("nikolaj", "Formand", first, first), Membership("agnete", "Medlem", first, first),
               Membership("klaus", "Formand", second, second), Membership("nikolaj", "Næstformand", second, second),
               Membership("klaus", "Medlem", first, first)]
    meetings = [Meeting("a", "u", d.isoformat(), d, "referat", present=present, absent=absent)
                for d, present, absent in ((first, ["nikolaj", "klaus"], ["agnete"]), (second, ["klaus"], ["nikolaj"]))]
    return Committee("a", "u", "Udvalget", members=members, meetings=meetings), persons


def test_a_committee_has_the_roles_of_its_latest_meeting_one_chair_and_attendance_while_a_member():
    committee, persons = committee_over_time()
    members = roles.current_members(committee, persons)
    assert [(m.person.id, m.role, m.attendance.present, m.attendance.recorded) for m in members] == [
        ("klaus", "Formand", 2, 2), ("nikolaj", "Næstformand", 1, 2)]
    history = [(s.person.id, s.role, s.start.year) for s in roles.role_history(committee, persons)]
    assert history == [("nikolaj", "Formand", 2015), ("agnete", "Medlem", 2015), ("klaus", "Medlem", 2015),
                       ("klaus", "Formand", 2016), ("nikolaj", "Næstformand", 2016)]
    assert roles.recorded_meetings(committee) == 2
