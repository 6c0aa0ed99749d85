"""The First Agenda web export (issue 16), on our own documents in its layout (tests/importing/documents/firstagenda)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kommunearkiv.cli import main
from kommunearkiv.errors import InputError
from kommunearkiv.importing import firstagenda, parse_document
from kommunearkiv.importing.normalise import normalise

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = Path(__file__).resolve().parent / "documents" / "firstagenda"
BYRAAD = DOCUMENTS / "byraad_referat.txt"
DAGSORDEN_US = DOCUMENTS / "natur_dagsorden_us.txt"
EKSTRAORDINAER = DOCUMENTS / "kommunalbestyrelsen_ekstraordinaer.txt"
LINKS = DOCUMENTS / "teknik_referat_links.txt"
MUNICIPALITY_OF = {BYRAAD: None, DAGSORDEN_US: "Nordby Kommune", EKSTRAORDINAER: None, LINKS: "Sønderby Kommune"}


def parse_text(text: str, name: str = "minutes.txt", municipality: str | None = None) -> dict:
    lines = normalise(text)
    assert firstagenda.detect(lines)
    return firstagenda.parse(lines, name, municipality=municipality)


def refusal(text: str, municipality: str | None = None) -> str:
    with pytest.raises(InputError) as error:
        parse_text(text, municipality=municipality)
    return str(error.value)


@pytest.fixture(scope="module")
def byraad() -> dict:
    return parse_document(BYRAAD)


def item(document: dict, number: int) -> dict:
    return next(i for i in document["items"] if i["number"] == number)


# --- header and municipality -------------------------------------------------------------------

def test_header_of_a_referat(byraad):
    header = {k: byraad[k] for k in ("format", "municipality", "committee", "period", "document_kind", "date",
                                     "start", "end", "location", "members", "incomplete")}
    assert header == {"format": "firstagenda", "municipality": "Allerød Kommune", "committee": "Allerød Byråd",
                      "period": None, "document_kind": "referat", "date": "2024-03-14", "start": "18:30",
                      "end": "21:05", "location": "Byrådssalen", "members": [], "incomplete": None}


def test_us_timestamps_are_read_month_first():
    document = parse_document(DAGSORDEN_US, "Nordby Kommune")
    assert (document["date"], document["start"], document["end"]) == ("2019-09-04", "16:30", "19:00")
    assert item(document, 43)["earlier_decisions"][0]["date"] == "2019-08-28"


def test_meeting_kind_and_period_as_printed():
    document = parse_document(EKSTRAORDINAER)
    assert document["document_kind"] == "referat"  # "Referat fra ekstraordinært møde"
    assert parse_document(DAGSORDEN_US, "Nordby Kommune")["document_kind"] == "dagsorden"
    text = BYRAAD.read_text().replace("\nAllerød Byråd\n", "\nAllerød Byråd 2022-2025\n", 1)
    assert parse_text(text)["period"] == "2022-2025"
    text = EKSTRAORDINAER.read_text().replace("\nKommunalbestyrelsen\n", "\n18-21 Økonomiudvalget\n", 1)
    assert parse_text(text)["period"] == "2018-2021"


def test_an_end_before_the_start_is_left_out_with_a_warning():
    document = parse_text(BYRAAD.read_text().replace("14-03-2024 21:05:00", "14-03-2024 17:05:00"))
    assert (document["start"], document["end"]) == ("18:30", None)
    assert "line 17: SLUTTIDSPUNKT '14-03-2024 17:05:00' is not a time later the same day; end time left out" in document["warnings"]


def test_a_document_that_names_no_municipality_is_refused_without_the_option():
    message = refusal(DAGSORDEN_US.read_text())
    assert message == "minutes.txt:1: municipality: give --municipality NAME; the document names none"
    assert parse_text(DAGSORDEN_US.read_text(), municipality="Nordby")["municipality"] == "Nordby Kommune"


def test_the_municipality_the_document_names_is_taken_and_never_contradicted():
    assert parse_document(EKSTRAORDINAER)["municipality"] == "Holbæk Kommune"  # a line above the header
    assert parse_document(EKSTRAORDINAER, "holbæk")["municipality"] == "Holbæk Kommune"
    assert "names Holbæk Kommune; --municipality 'Allerød Kommune' contradicts it" in refusal(
        EKSTRAORDINAER.read_text(), "Allerød Kommune")
    assert "names Allerød Kommune" in refusal(BYRAAD.read_text(), "Gentofte Kommune")
    both = "Holbæk Kommune\n" + BYRAAD.read_text()
    assert "the document names several (Allerød Kommune, Holbæk Kommune)" in refusal(both)


def test_an_upper_case_council_name_gives_the_known_spelling():
    text = BYRAAD.read_text().replace("\nAllerød Byråd\n", "\nALLERØD BYRÅD\n", 1)
    assert parse_text(text)["municipality"] == "Allerød Kommune"


# --- items --------------------------------------------------------------------------------------

def test_items_numbers_titles_access_cases_and_types(byraad):
    assert [(i["number"], i["title"], i["access"], i["case_number"], i["item_type"]) for i in byraad["items"]] == [
        (1, "Bemærkninger til dagsordenen", "open", "24/1011", "Beslutning"),
        (2, "Meddelelser", "open", "24/1012", "Orientering"),
        (3, "Ny legeplads ved Skovbrynet", "open", "23/8841", "Beslutning"),
        (4, "Takster for udlån af idrætshaller 2025", "open", "24/0377", "Beslutning"),
        (5, "Køb af areal ved Mosegårdsvej", "closed", None, None),
        (6, "Sag fra byrådsmedlem Halfdan Ravnsborg", "open", "24/1102", "Beslutning"),
    ]


def test_a_closed_item_keeps_no_text(byraad):
    closed = item(byraad, 5)
    assert (closed["sections"], closed["decision"], closed["earlier_decisions"]) == ([], None, [])
    assert "sælger" not in json.dumps(byraad, ensure_ascii=False)


def test_sections_in_order_without_decisions_or_attachments(byraad):
    sections = item(byraad, 3)["sections"]
    assert [s["heading"] for s in sections] == ["Tema", "Sagsbeskrivelse", "Administrationens forslag", "Økonomi og finansiering"]
    assert sections[2]["text"].endswith("2. at der gives en anlægsbevilling på 450.000 kr. i 2024")
    assert item(byraad, 3)["attachments"] == ["Skitseforslag legeplads Skovbrynet.pdf", "Henvendelse fra grundejerforeningen.pdf"]


def test_this_meetings_decision_and_the_earlier_ones(byraad):
    legeplads = item(byraad, 3)
    assert (legeplads["decision"], legeplads["decision_heading"]) == ("Godkendt.", "Beslutning Allerød Byråd den 14-03-2024")
    assert legeplads["earlier_decisions"] == [{"date": "2024-03-05", "body": "Økonomiudvalget", "text": "Anbefales."}]
    assert item(byraad, 6)["decision"] == "For forslaget stemte A, F og Ø (8).\n\nImod stemte C, O og V (13).\n\nForslaget blev forkastet."


def test_the_committees_own_decision_wins_among_decisions_of_the_meetings_day():
    text = BYRAAD.read_text().replace("\nAllerød Byråd\n", "\nAllerød Byråd 2022-2025\n", 1).replace(
        "Beslutning Økonomiudvalget den 05-03-2024\nAnbefales.", "Beslutning Allerød Byråd 2022-2025 den 14-03-2024\nGodkendt.")
    text = text.replace("Beslutning Allerød Byråd den 14-03-2024\nGodkendt.\n", "Beslutning Økonomiudvalget den 14-03-2024\nAnbefales.\n")
    legeplads = item(parse_text(text), 3)
    assert (legeplads["decision"], legeplads["earlier_decisions"]) == (
        "Godkendt.", [{"date": "2024-03-14", "body": "Økonomiudvalget", "text": "Anbefales."}])


def test_an_earlier_decision_without_text_is_dropped_with_a_warning(byraad):
    takster = item(byraad, 4)
    assert takster["earlier_decisions"] == [
        {"date": "2024-02-20", "body": "Kultur- og Fritidsudvalget", "text": "Udvalget anbefaler en stigning på 2 procent."}]
    assert any("'Beslutning Økonomiudvalget den 05-03-2024' has no text" in w for w in byraad["warnings"])


def test_a_dagsorden_has_no_decisions_but_keeps_earlier_ones():
    document = parse_document(DAGSORDEN_US, "Nordby Kommune")
    assert [i["number"] for i in document["items"]] == [41, 42, 43, 44, 45]
    assert all(i["decision"] is None for i in document["items"])
    assert item(document, 43)["earlier_decisions"][0]["body"] == "Økonomiudvalget"
    assert item(document, 42)["attachments"] == ["Kort over trampestier.pdf"]
    assert (item(document, 44)["access"], item(document, 44)["title"]) == ("closed", "Udbud af vintertjeneste")


def test_running_numbers_a_list_glued_to_the_first_heading_and_route_types():
    document = parse_document(EKSTRAORDINAER)
    assert [(i["number"], i["title"]) for i in document["items"]] == [
        (112, "Godkendelse af dagsorden til det ekstraordinære møde den 27. november 2019"),
        (113, "SAGER TIL BESLUTNING"),
        (114, "Beslutning om 2. behandling af lokalplan 4.17 for boliger ved Fjordengen"),
        (115, "Underskriftsark"),
    ]
    lokalplan = item(document, 114)
    assert lokalplan["item_type"] == "Beslutningssag"
    assert [(d["date"], d["body"]) for d in lokalplan["earlier_decisions"]] == [
        ("2019-11-12", "Udvalget for Plan og Miljø"), ("2019-11-20", "Økonomiudvalget")]
    assert lokalplan["decision"] == "Godkendt. Enhedslisten (Ø) stemte imod."
    assert lokalplan["attachments"] == ["Høringsnotat lokalplan 4.17.pdf", "Lokalplan 4.17 endelig udgave.pdf"]


# --- attendance ---------------------------------------------------------------------------------

def test_absentees_and_substitutes_from_the_first_items_decision(byraad):
    assert byraad["absent"] == ["Signe Krogsgaard", "Valdemar Enghave"]
    assert byraad["substitutes"] == [
        {"name": "Ida Bundgaard", "party": "F", "replaces": "Signe Krogsgaard"},  # the one absentee of her party
        {"name": "Mikkel Strandvig", "party": "V", "replaces": "Valdemar Enghave"},
    ]
    assert item(byraad, 4)["absent"] == ["Karen Lykkeberg"]
    assert [i["number"] for i in byraad["items"] if i.get("absent")] == [4]


def test_an_absence_for_named_items_is_not_the_meetings():
    text = BYRAAD.read_text().replace("\nDagsordenen blev godkendt.", "\nBo Ravn (C) deltog ikke i behandlingen af punkt 3 og 6.")
    document = parse_text(text)
    assert document["absent"] == ["Signe Krogsgaard", "Valdemar Enghave"]
    assert {i["number"]: i["absent"] for i in document["items"] if i.get("absent")} == {
        3: ["Bo Ravn"], 4: ["Karen Lykkeberg"], 6: ["Bo Ravn"]}


def test_a_suppleant_replaces_the_one_absentee_the_text_leaves_open():
    document = parse_document(LINKS, "Sønderby Kommune")
    assert (document["absent"], document["substitutes"]) == (
        ["Lise Holm"], [{"name": "Jonas Bech", "party": "A", "replaces": "Lise Holm"}])
    two = LINKS.read_text().replace("afbud fra Lise Holm (A).", "afbud fra Lise Holm (A) og Ole Krog (A).")
    assert parse_text(two, municipality="Sønderby Kommune")["substitutes"][0]["replaces"] is None
    other_party = LINKS.read_text().replace("Jonas Bech (A)", "Jonas Bech (V)")
    assert parse_text(other_party, municipality="Sønderby Kommune")["substitutes"][0]["replaces"] is None


def test_files_linked_after_the_decision_are_the_items_attachments():
    document = parse_document(LINKS, "Sønderby Kommune")
    assert [(i["number"], i.get("decision"), i.get("attachments")) for i in document["items"]] == [
        (1, "Godkendt.\n\nDer er afbud fra Lise Holm (A). Jonas Bech (A) er indkaldt som suppleant.", []),
        (2, "Godkendt.", ["caseno_21-2204_dok_no_40112-21_v1_Trafiktælling Østervej marts 2021.pdf",
                          "caseno_21-2204_dok_no_40113-21_v1_Skitse af vejbump.pdf"]),
        (3, "Taget til efterretning.", ["caseno_20-9917_dok_no_38870-21_v2_Tømmeplan 2022.pdf"]),
        (4, None, []),
    ]
    assert item(document, 3)["earlier_decisions"] == [{"date": "2021-04-14", "body": "Teknik- og Miljøudvalget", "text": "Udsat."}]
    sentence = LINKS.read_text().replace("Taget til efterretning.\n", "Taget til efterretning, jf. bilag.\n")
    assert item(parse_text(sentence, municipality="Sønderby Kommune"), 3)["decision"] == "Taget til efterretning, jf. bilag."


def test_did_not_attend_and_stood_in_for():
    document = parse_document(EKSTRAORDINAER)
    assert document["absent"] == ["Henrik Sølvsten", "Marianne Tved"]
    assert document["substitutes"] == [{"name": "Camilla Løvstrup", "party": "V", "replaces": "Henrik Sølvsten"}]


# --- incomplete and refused documents -----------------------------------------------------------

def test_a_text_that_stops_early_is_imported_as_incomplete():
    text = BYRAAD.read_text()
    cut = text[:text.rindex("\n4. Takster")]
    document = parse_text(cut)
    assert [i["number"] for i in document["items"]] == [1, 2, 3]
    last = len(cut.rstrip("\n").split("\n"))
    assert document["incomplete"] == {"line": last, "missing": "item 4. Takster for udlån af idrætshaller 2025, "
                                      "5. Køb af areal ved Mosegårdsvej, 6. Sag fra byrådsmedlem Halfdan Ravnsborg"}
    assert any(w.startswith(f"line {last}: the text ends before item 4.") for w in document["warnings"])


def test_a_listed_heading_missing_in_the_middle_is_refused():
    text = BYRAAD.read_text().replace("\n2. Meddelelser\n\nMeddelelser\n", "\nMeddelelser\n")
    assert re.fullmatch(r"minutes\.txt:\d+: items: the heading '2\. Meddelelser' \(listed under PUNKTER\) before item 3, "
                        r"not found", refusal(text))


def test_a_header_without_a_date_is_refused_with_its_line():
    text = BYRAAD.read_text().replace("14-03-2024 18:30:00", "i aften")
    assert refusal(text) == ("minutes.txt:13: STARTTIDSPUNKT: a timestamp 'DD-MM-YYYY HH:MM:SS' or "
                             "'M/D/YYYY h:mm:ss AM/PM', found 'i aften'")


# --- detection ----------------------------------------------------------------------------------

def test_detects_its_documents_and_no_sample():
    for path in (BYRAAD, DAGSORDEN_US, EKSTRAORDINAER):
        assert firstagenda.detect(normalise(path.read_text())), path.name
    for sample in sorted((ROOT / "samples").glob("*.txt")):
        assert not firstagenda.detect(normalise(sample.read_text())), sample.name


def test_labels_in_running_text_of_another_layout_are_not_enough():
    assert not firstagenda.detect(normalise("Referat\nStarttidspunkt for møde: kl. 17\nUdvalg: Teknik\nPunkter: 1. Godkendelse"))


# --- the same document as other converters give it ------------------------------------------

def bold_and_headings(text: str) -> str:
    """Labels and field headings bold, item headings as Markdown headings."""
    text = re.sub(r"(?m)^(UDVALG|MØDE|STED|STARTTIDSPUNKT|SLUTTIDSPUNKT|PUNKTER|Punkttype|Tema|Sagsbeskrivelse|"
                  r"Administrationens forslag|Økonomi og finansiering|Bilag|Beslutning .* den \S+)$", r"**\1**", text)
    return re.sub(r"(?m)^(\d+\. .+)\n\n(?=\1|[A-ZÆØ])", r"# \1\n\n", text, count=0)


def header_as_table(text: str) -> str:
    """The header as a table of bold label cells (``<b>UDVALG</b>⇥Allerød Byråd``)."""
    return re.sub(r"(?m)^(UDVALG|MØDE|STED|STARTTIDSPUNKT|SLUTTIDSPUNKT)\n\n(.+)$", r"<b>\1</b>\t\2", text)


def header_run_together(text: str) -> str:
    """The header and the list run together on one line, the way a page is flattened."""
    lines = text.split("\n")
    entries = lines.index("PUNKTER") + 2
    end = lines.index("", entries)
    return " ".join(" ".join(lines[:end]).split()) + "\n" + "\n".join(lines[end:])


def crlf_and_nbsp(text: str) -> str:
    return text.replace(" af ", "\u00a0af ").replace("\n", "\r\n")


def after_site_navigation(text: str) -> str:
    """A web page saved whole: a long navigation menu before the export."""
    return "".join(f"• Menupunkt {n}\n" for n in range(300)) + "\n" + text


LAYOUT_VARIANTS = {"bold_and_headings": bold_and_headings, "header_as_table": header_as_table,
                   "header_run_together": header_run_together, "crlf_and_nbsp": crlf_and_nbsp,
                   "after_site_navigation": after_site_navigation}


def comparable(value):
    """The parse result without line numbers, sources and warnings, text as words."""
    if isinstance(value, dict):
        return {k: comparable(v) for k, v in value.items() if k not in ("lines", "source", "warnings", "incomplete")}
    if isinstance(value, list):
        return [comparable(v) for v in value]
    return " ".join(value.split()) if isinstance(value, str) else value


@pytest.mark.parametrize("variant", LAYOUT_VARIANTS)
@pytest.mark.parametrize("path", [BYRAAD, DAGSORDEN_US, EKSTRAORDINAER, LINKS], ids=lambda p: p.stem)
def test_a_layout_variant_reads_to_the_same_document(path, variant):
    text = path.read_text()
    changed = LAYOUT_VARIANTS[variant](text)
    assert changed != text
    municipality = MUNICIPALITY_OF[path]
    assert comparable(parse_text(changed, municipality=municipality)) == comparable(parse_text(text, municipality=municipality))


def test_a_case_number_below_its_label_is_read():
    text = BYRAAD.read_text().replace("Sagsnr.: 24/1011", "Sagsnr.\n24/1011")
    assert item(parse_text(text), 1)["case_number"] == "24/1011"
    assert item(parse_text(text), 1)["item_type"] == "Beslutning"


def harness_cases():
    try:
        from variants import VARIANTS
    except ImportError:
        return [pytest.param(None, None, marks=pytest.mark.skip(reason="the variant harness (tests/importing/variants.py) is not here yet"))]
    return [pytest.param(path, name, id=f"{path.stem}-{name}")
            for path in (BYRAAD, DAGSORDEN_US, EKSTRAORDINAER, LINKS) for name in VARIANTS]


@pytest.mark.parametrize(("path", "name"), harness_cases())
def test_a_converter_variant_has_the_facts_of_its_original(path, name):
    from facts import differences, facts
    from variants import VARIANTS

    municipality = MUNICIPALITY_OF[path]
    text = path.read_text()
    found = differences(facts(parse_text(text, municipality=municipality)),
                        facts(parse_text(VARIANTS[name](text), municipality=municipality)))
    assert not found, f"{len(found)} facts differ; the first: {found[0]}"


# --- the command ---------------------------------------------------------------------------------

def test_import_command_takes_the_municipality_option(tmp_path, capsys):
    content = tmp_path / "content"
    assert main(["import", str(DAGSORDEN_US), "--dry-run", "--json", "--content", str(content)]) == 1
    assert f"{DAGSORDEN_US}:1: municipality: give --municipality NAME" in capsys.readouterr().err
    assert main(["import", str(DAGSORDEN_US), "--municipality", "Nordby Kommune", "--content", str(content)]) == 0
    assert (content / "nordby" / "udvalget-for-natur-og-fritid" / "2019-09-04" / "meeting.yaml").is_file()


def test_the_option_is_documented(capsys):
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    assert "--municipality NAME" in capsys.readouterr().out
