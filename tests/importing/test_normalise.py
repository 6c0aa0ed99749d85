"""The shared normalising layer: what every converter's text becomes before a format reads it."""
from __future__ import annotations

import re

from kommunearkiv.importing.normalise import body_markdown, normalise, split_at
from kommunearkiv.importing.phrases import clock, danish_date, people, split_names


def texts(text: str) -> list[str]:
    return [line.text for line in normalise(text)]


def test_line_ends_spaces_and_invisible_characters_are_made_one_way():
    lines = normalise("Møde\u00a0nr.\u200b 13\r\nBe\u00adslutning\rgodkendt e\ufb00ekt")
    assert [line.text for line in lines] == ["Møde nr. 13", "Beslutning", "godkendt effekt"]
    assert [line.number for line in lines] == [1, 2, 3]


def test_decomposed_letters_are_composed():
    assert texts("Ma\u030ane Ko\u0308ln") == ["Måne Köln"]


def test_markup_becomes_hints_and_never_text():
    lines = normalise("# ALLERØD KOMMUNE\n\n**Punkttype** Beslutning\n<p><b>Tema</b></p>\nDet er *vigtigt* her")
    assert [(line.text, line.bold, line.heading) for line in lines] == [
        ("ALLERØD KOMMUNE", False, True),
        ("Punkttype", True, False), ("Beslutning", False, False),
        ("Tema", True, False),
        ("Det er vigtigt her", False, False),
    ]
    assert lines[1].blank_before and not lines[2].blank_before
    assert lines[-1].markdown == "Det er *vigtigt* her"


def test_bold_runs_glued_together_are_cut_apart():
    line = "**ERHVERVS- OG BESKÆFTIGELSESUDVALGET 2014-2017****1. Bemærkninger til dagsordenen**"
    assert texts(line) == ["ERHVERVS- OG BESKÆFTIGELSESUDVALGET 2014-2017", "1. Bemærkninger til dagsordenen"]
    assert texts("Mødet slutter kl. 15.30.**Fraværende** Ingen") == ["Mødet slutter kl. 15.30.", "Fraværende", "Ingen"]


def test_a_bold_run_wrapped_over_lines_is_bold_on_each_line():
    lines = normalise("**Administrationens\nforslag** -**Bilag** Nej")
    assert [(line.text, line.bold) for line in lines] == [
        ("Administrationens", True), ("forslag", True), ("-", False), ("Bilag", True), ("Nej", False)]


def test_a_bold_run_whose_lines_a_blank_line_parts_is_bold_on_each_line():
    """A converter that puts a blank line after every line parts ``**Punkttype`` from ``Tema**``."""
    lines = normalise("**Punkttype  \n\nTema**\n\nBeslutning\n\nSagen er 2014-2017** ikke bold")
    assert [(line.text, line.bold) for line in lines][:3] == [("Punkttype", True), ("Tema", True), ("Beslutning", False)]


def test_a_bold_label_cell_becomes_a_label_line_and_its_value():
    lines = normalise("<b>Tema</b>\t<p>Første afsnit.</p> <p>Andet afsnit.</p>")
    assert [(line.text, line.bold) for line in lines] == [
        ("Tema", True), ("Første afsnit.", False), ("Andet afsnit.", False)]


def test_other_tab_rows_are_table_rows_with_cells():
    lines = normalise("Ydelse\tAntal\nKontanthjælp\t1.234")
    assert [line.cells for line in lines] == [("Ydelse", "Antal"), ("Kontanthjælp", "1.234")]
    assert body_markdown(lines) == "| Ydelse | Antal |\n| --- | --- |\n| Kontanthjælp | 1.234 |"


def test_page_numbers_and_running_headers_are_removed_but_page_one_keeps_its_copy():
    pages = []
    for page in range(1, 5):
        pages.append(f"Erhvervsudvalget 13. maj 2015\n\nTekst på side {page} her.\n\nSide {page} af 4")
    lines = normalise("\n\f".join(pages))
    assert [line.text for line in lines] == [
        "Erhvervsudvalget 13. maj 2015", "Tekst på side 1 her.", "Tekst på side 2 her.",
        "Tekst på side 3 her.", "Tekst på side 4 her."]
    assert [line.page for line in lines] == [1, 1, 2, 3, 4]


def test_page_numbers_without_form_feeds_still_count_pages():
    text = "\n".join(f"Brevhoved A/S\nLinje {n}\nSide {n} af 3" for n in range(1, 4))
    lines = normalise(text)
    assert [(line.text, line.page) for line in lines] == [
        ("Brevhoved A/S", 1), ("Linje 1", 1), ("Linje 2", 2), ("Linje 3", 3)]


def test_a_line_repeated_near_only_some_page_ends_is_content():
    pages = [[f"Afsnit {page}.{n}." for n in range(20)] for page in range(6)]
    for page in (1, 3):
        pages[page][-2:] = ["Henrik Hansen", "var fraværende"]
    text = "\n".join("\n".join(lines + [f"Side {number} af 6"]) for number, lines in enumerate(pages, start=1))
    assert texts(text).count("var fraværende") == 2


def test_the_documents_first_line_repeated_with_a_date_atop_a_page_is_furniture_even_on_two_pages():
    text = "Holbæk Kommune\n\nUdvalget\n\nTekst på side 1.\n\f{}\n\nTekst på side 2.\n"
    assert texts(text.format("Holbæk Kommune 27-11-2019")) == ["Holbæk Kommune", "Udvalget", "Tekst på side 1.", "Tekst på side 2."]
    assert texts(text.format("Holbæk Kommune - 27. november 2019"))[-1] == "Tekst på side 2."
    assert "Holbæk Kommune har besluttet" in texts(text.format("Holbæk Kommune har besluttet"))  # not a date: content


def test_a_heading_that_falls_near_page_ends_at_other_places_is_content():
    body = [f"Tekst {n}." for n in range(30)]
    pages = [body[:12] + ["Beslutning", "Godkendt."] + body[12:], body[:26] + ["Beslutning", "Udsat."],
             ["Beslutning", "Godkendt."] + body, body]
    text = "\n\f".join("\n\n".join(["Udvalget 14-03-2016"] + page + [f"Side {n} af 4"])
                        for n, page in enumerate(pages, start=1))
    assert texts(text).count("Beslutning") == 3
    assert texts(text).count("Udvalget 14-03-2016") == 1


def test_background_image_lines_and_rules_are_dropped():
    assert texts("background image\nTekst\n---\nMere") == ["Tekst", "Mere"]


def test_words_hyphenated_at_a_line_end_are_joined_but_suspended_compounds_stay():
    assert texts("beskæf-\ntigelsesindsatsen virker") == ["beskæftigelsesindsatsen virker"]
    assert texts("Erhvervs-\nog Beskæftigelsesudvalget") == ["Erhvervs-", "og Beskæftigelsesudvalget"]
    assert texts("den 13-05-\n2015") == ["den 13-05-2015"]


def flattened(pages: list[str]) -> str:
    return "\n\n".join(f"{n} " + ("Udvalget onsdag den 12. januar " if n > 1 else "") + page + f" Side {n} af {len(pages)}"
                       for n, page in enumerate(pages, start=1))


def test_one_line_per_page_loses_its_page_numbers_and_running_header():
    words = " ".join(["ord"] * 150)
    lines = normalise(flattened([f"ALLERØD KOMMUNE Udvalget {words}", f"1. Første punkt {words}", f"2. Andet punkt {words}"]))
    assert [line.page for line in lines] == [1, 2, 3]
    assert lines[0].text.startswith("ALLERØD KOMMUNE Udvalget ord")
    assert lines[1].text.startswith("1. Første punkt ord") and lines[2].text.startswith("2. Andet punkt")
    assert not any("Side" in line.text for line in lines)


def test_one_line_per_page_loses_a_footer_that_gives_the_page_without_a_total():
    words = " ".join(["ord"] * 150)
    pages = [f"{n} Udvalget punkt {n} {words} Side {n}" for n in (1, 2, 3)]
    lines = normalise("\n\n".join(pages + ["4 Sidste side holder Side 12 i bilaget og slutter her " + words]))
    assert [line.text.endswith(words) for line in lines] == [True, True, True, True]
    assert not any(" Side " in line.text for line in lines[:3]) and "Side 12 i bilaget" in lines[3].text


def test_a_transcript_sites_lines_above_the_pages_do_not_shift_the_page_numbers():
    words = " ".join(["ord"] * 600)
    preamble = "Referat af møde i Udvalget\n\nStørrelse: px\nStarte visningen fra side:\n\nDownload \"Referat\"\n\nTranskript\n\n"
    starts = ["Første side", "Anden side", "Tredje side"]
    pages = [f"{n} {start} {words} Side {n}" for n, start in enumerate(starts, start=1)]
    lines = normalise(preamble + "\n\n".join(pages))
    assert [line.text for line in lines[-3:]] == [f"{start} {words}" for start in starts]
    assert [line.page for line in lines[-3:]] == [1, 2, 3]


def test_split_at_cuts_where_the_vocabulary_starts_a_field():
    lines = normalise("Sagsnr.: 15/839 Punkttype Beslutning Tema Om noget")
    cut = split_at(lines, re.compile(r"\b(?:Punkttype|Tema)\b"))
    assert [line.text for line in cut] == ["Sagsnr.: 15/839", "Punkttype Beslutning", "Tema Om noget"]
    assert {line.number for line in cut} == {1}


def test_body_markdown_keeps_paragraphs_lists_and_joins_wrapped_sentences():
    lines = normalise("Første linje af en\nsætning.\n\n- punkt et\n- punkt to\n\nSidste afsnit.")
    assert body_markdown(lines) == "Første linje af en sætning.\n\n- punkt et\n- punkt to\n\nSidste afsnit."


def test_danish_dates_times_and_people():
    assert danish_date("Mødet blev holdt onsdag den 13. maj 2015 på Rådhuset") == "2015-05-13"
    assert danish_date("Beslutning den 08-06-2016") == "2016-06-08"
    assert danish_date("Mødedato 10. jun. 2013") == "2013-06-10"
    assert danish_date("5/23/2019 6:30:00 PM", month_first=True) == "2019-05-23"
    assert danish_date("5/23/2019") is None and danish_date("31-02-2015") is None
    assert clock("begyndte kl. 07:30") == "07:30" and clock("6:30:00 PM") == "18:30"
    assert clock("13.05.2015 17.00") == "17:00"
    assert people("Formand - Anne Jensen (V), Næstformand Bo Hansen (A) og Carl Berg") == [
        {"name": "Anne Jensen", "party": "V", "role": "Formand"},
        {"name": "Bo Hansen", "party": "A", "role": "Næstformand"},
        {"name": "Carl Berg", "party": None, "role": "Medlem"}]
    assert split_names("X (stedfortræder: Y og Z), W og V") == ["X (stedfortræder: Y og Z)", "W", "V"]
    assert split_names("Børne- og Fritidsdirektør Ulla Berg, Kultur- og Idrætschef Bo Lund og Ane Friis") == [
        "Børne- og Fritidsdirektør Ulla Berg", "Kultur- og Idrætschef Bo Lund", "Ane Friis"]


def test_a_case_number_alone_on_a_line_is_no_page_number():
    assert texts("Sagsnr.\n24/1011\nPunkttype\nBeslutning") == ["Sagsnr.", "24/1011", "Punkttype", "Beslutning"]


def test_the_running_header_of_a_two_page_document_is_removed():
    page = ["Holbæk Kommune - Økonomiudvalget", *[f"Afsnit {n}." for n in range(30)]]
    lines = normalise("\n".join(page) + "\nSide 1 af 2\n" + "\n".join(page).replace("Afsnit", "Stykke") + "\nSide 2 af 2")
    assert [line.text for line in lines].count("Holbæk Kommune - Økonomiudvalget") == 1


def test_control_characters_are_no_text():
    """Escape and other control characters a broken converter leaves are dropped; tabs and form feeds stay."""
    lines = normalise("Fra\x1bværende\x07\nA\tB\fSide\x7f to")
    assert [(line.text, line.cells, line.page) for line in lines] == [
        ("Fraværende", (), 1), ("A B", ("A", "B"), 1), ("Side to", (), 2)]
