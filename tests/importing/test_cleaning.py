"""The shared cleaning layer: raw source lines → clean Markdown, without losing words."""
from __future__ import annotations

import markdown

from kommunearkiv.importing.cleaning import (
    html_to_markdown, join_heading_lines, join_wrapped_lines, lines_to_markdown, normalise_bullet,
    tab_rows_to_table,
)


def test_html_fragment_becomes_markdown_paragraphs_bold_rule_and_list():
    fragment = ('<hr/> <p>Godkendes <b>nu</b>.</p> <p>Sagen <strong>genoptages</strong>.</p>'
                '<ul style="list-style-type: none"><li>• Første</li><li>• Anden</li></ul>')
    assert html_to_markdown(fragment) == "---\n\nGodkendes **nu**.\n\nSagen **genoptages**.\n\n- Første\n- Anden"


def test_html_line_break_and_table():
    assert html_to_markdown("a<br>b") == "a  \nb"
    table = html_to_markdown("<table><tr><th>År</th><th>Antal</th></tr><tr><td>2015</td><td>12</td></tr></table>")
    assert table.splitlines() == ["| År | Antal |", "| --- | --- |", "| 2015 | 12 |"]


def test_numbered_list_that_prints_its_own_numbers_is_not_numbered_twice():
    fragment = '<ol style="list-style-type: none"> <li>1. Rekruttering</li> <li>2. Uddannelse</li> </ol>'
    assert html_to_markdown(fragment) == "1. Rekruttering\n2. Uddannelse"


def test_markdown_characters_in_html_text_are_not_escaped():
    assert html_to_markdown("<p>5 * 3 og fil_navn</p>") == "5 * 3 og fil_navn"


def test_tab_rows_become_a_markdown_table_with_the_first_row_as_header():
    rows = ["Nuværende udgift\tBeløb i kr.\tBemærkninger", "Refusion\t-120.000\t65 pct.", "Årlig udgift\t130.000\t"]
    assert tab_rows_to_table(rows).splitlines() == [
        "| Nuværende udgift | Beløb i kr. | Bemærkninger |",
        "| --- | --- | --- |",
        "| Refusion | -120.000 | 65 pct. |",
        "| Årlig udgift | 130.000 | |",
    ]


def test_table_cells_with_html_and_pipes_stay_on_one_line():
    table = tab_rows_to_table(["A\tB", "<b>Sum</b>\t<ul><li>• x | y</li><li>• z</li></ul>"])
    assert table.splitlines()[2] == "| **Sum** | - x \\| y<br>- z |"


def test_ragged_rows_are_padded_and_empty_trailing_columns_dropped():
    table = tab_rows_to_table(["Nr\tNavn\t\t", "1\tLøn\t\t", "2"])
    assert table.splitlines() == ["| Nr | Navn |", "| --- | --- |", "| 1 | Løn |", "| 2 | |"]


def test_rule_rows_of_dashes_are_dropped_but_dash_values_kept():
    table = tab_rows_to_table(["\tDrøftet med gruppen", "--\t-----------", "2016\t-"])
    assert table.splitlines() == ["| | Drøftet med gruppen |", "| --- | --- |", "| 2016 | - |"]


def test_table_renders_as_an_html_table():
    html = markdown.markdown(tab_rows_to_table(["År\tAntal", "2011\t30"]), extensions=["tables"])
    assert "<th>År</th>" in html and "<td>30</td>" in html


def test_bullet_glyphs_are_normalised():
    assert normalise_bullet("• Fleksjobreform") == "- Fleksjobreform"
    assert normalise_bullet("\uf0b7 Fleksjobreform") == "- Fleksjobreform"
    assert normalise_bullet("- | Aktiv indsats") == "- Aktiv indsats"
    assert normalise_bullet(" - | At se") == " - At se"
    assert normalise_bullet("- 1 Alle unge under 30 år") == "- Alle unge under 30 år"
    assert normalise_bullet("-) Dansk turisme") == "- Dansk turisme"
    assert normalise_bullet("- ┆ Tværgående tiltag") == "- Tværgående tiltag"


def test_numbers_and_dashes_that_are_text_are_kept():
    for line in ("- 402 har modtaget vejledning", "- 10 pct. af borgerne", "-1.020.000", "– herunder kurser", "1. at de"):
        assert normalise_bullet(line) == line


def test_sentence_broken_over_lines_is_rejoined():
    assert join_wrapped_lines(["Der er tale om relativt få sager", "årligt, hvilket gør det svært."]) == [
        "Der er tale om relativt få sager årligt, hvilket gør det svært."]


def test_sentence_broken_over_a_blank_line_is_rejoined_when_the_next_starts_lower_case():
    lines = ["- At lønudgiften finansieres ved en nedskrivning af", "", "bevillingen til forsørgelse.", "", "Næste afsnit."]
    assert join_wrapped_lines(lines) == [
        "- At lønudgiften finansieres ved en nedskrivning af bevillingen til forsørgelse.", "", "Næste afsnit."]


def test_paragraphs_lists_and_finished_sentences_are_not_joined():
    lines = ["Fordelene er følgende:", "- Adgang til stillinger", "- Viden om behov", "", "Jobcentret har aftaler.",
             "Det betyder noget.", "", "Kilde: Jobindsats"]
    assert join_wrapped_lines(lines) == lines


def test_upper_case_start_after_a_blank_line_is_a_new_paragraph():
    lines = ["Antal ny tilkendelser af førtidspension", "", "År\tAntal"]
    assert join_wrapped_lines(lines) == lines


def test_hard_line_breaks_are_kept():
    text = lines_to_markdown(["Allerød Rådhus  ", "Bjarkesvej 2  ", "3450 Allerød"])
    assert text == "Allerød Rådhus  \nBjarkesvej 2  \n3450 Allerød"


def test_heading_wrapped_over_lines_is_joined():
    assert join_heading_lines(["**Administrationens  ", "forslag**"]) == "Administrationens forslag"
    wrapped = ["**Beslutning Erhvervs-  ", "og  ", "Beskæftigelsesudvalget  ", "2014-2017 den 13-05-  ", "2015**"]
    assert join_heading_lines(wrapped) == "Beslutning Erhvervs- og Beskæftigelsesudvalget 2014-2017 den 13-05-2015"


def test_lines_to_markdown_cleans_a_mixed_block():
    lines = [
        "Teksten   har\u00a0mange  mellemrum og fortsætter",
        "på næste linje.",
        "",
        "•",
        "",
        "",
        "",
        "<p>Et afsnit.</p> <p>Et andet.</p>",
        "Nr\tNavn",
        "1\tLøn",
        "• Punkt",
    ]
    assert lines_to_markdown(lines) == (
        "Teksten har mange mellemrum og fortsætter på næste linje.\n\n"
        "Et afsnit.\n\nEt andet.\n\n| Nr | Navn |\n| --- | --- |\n| 1 | Løn |\n\n- Punkt"
    )


def test_blank_lines_inside_a_bullet_list_are_closed():
    lines = ["- Første punkt", "", "", "- Andet punkt", "", "Et afsnit.", "", "- Tredje"]
    assert lines_to_markdown(lines) == "- Første punkt\n- Andet punkt\n\nEt afsnit.\n\n- Tredje"


def test_paragraph_right_after_a_list_is_not_swallowed_by_its_last_item():
    assert lines_to_markdown(["- Første punkt.", "Næste afsnit begynder her."]) == (
        "- Første punkt.\n\nNæste afsnit begynder her.")


def test_lines_to_markdown_of_nothing_is_empty():
    assert lines_to_markdown(["", "  ", ""]) == ""
