"""The Allerød format: the facts of both sample documents, of documents written here in the
2010-13 print layout and the 2014-17 layout, and the same facts for other converters' output."""
from __future__ import annotations

from pathlib import Path

import pytest

from kommunearkiv.errors import InputError
from kommunearkiv.importing import alleroed, complete_items
from kommunearkiv.importing.normalise import normalise

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
DOCUMENTS = Path(__file__).resolve().parent / "documents" / "alleroed"
PRINT_2011 = DOCUMENTS / "2011-03-15_oekonomiudvalget_print.txt"
PLAIN_2016 = DOCUMENTS / "2016-09-14_teknik_og_miljo.txt"
TRANSCRIPT_2011 = DOCUMENTS / "2011-02-24_byraad_transcript.txt"
COMMITTEE = "Erhvervs- og Beskæftigelsesudvalget 2014-2017"


def read_text(text: str, name: str = "test/referat.txt", municipality: str | None = None) -> dict:
    return alleroed.parse(normalise(text, keep=alleroed.KEEP), name, municipality)


def read(path: Path) -> dict:
    return read_text(path.read_text(encoding="utf-8"), str(path))


@pytest.fixture(scope="module")
def may():
    return read(SAMPLES / "000_3332dcdc48fec7d8.txt")


@pytest.fixture(scope="module")
def june():
    return read(SAMPLES / "002_bf32f3cdd748dc20.txt")


def section(item: dict, heading: str) -> str:
    return next(s["text"] for s in item["sections"] if s["heading"] == heading)


# --- 000: 13 May 2015 -------------------------------------------------------------------------

def test_may_meeting_header(may):
    assert {k: may[k] for k in ("format", "municipality", "committee", "period", "document_kind", "date", "start",
                                "end", "location", "meeting_number")} == {
        "format": "alleroed", "municipality": "Allerød Kommune", "committee": COMMITTEE, "period": "2014-2017",
        "document_kind": "referat", "date": "2015-05-13", "start": "07:30", "end": "08:35",
        "location": "Rådhuset i Mødelokale C", "meeting_number": "13-05-2015"}
    assert {k: may["source"][k] for k in ("file", "lines")} == {"file": "000_3332dcdc48fec7d8.txt", "lines": [1, 1022]}
    assert (may["warnings"], may["substitutes"], may["incomplete"]) == ([], [], None)


def test_may_members_signatures_and_nobody_absent(may):
    assert may["members"] == [
        {"name": "Nikolaj Bührmann", "party": "F", "role": "Formand"},
        {"name": "Gurli Nielsen", "party": "C", "role": "Medlem"},
        {"name": "Agnete Fog", "party": "B", "role": "Medlem"},
        {"name": "Rasmus Keis Neerbek", "party": "Ø", "role": "Medlem"},
        {"name": "Erling Petersen", "party": "R", "role": "Medlem"},
    ]
    assert may["absent"] == [] and may["other_attendees"] == []
    assert may["signed_by"] == ["Nikolaj Bührmann", "Agnete Fog", "Erling Petersen", "Gurli Nielsen",
                                "Rasmus Keis Neerbek"]


MAY_ITEMS = [
    (1, "Bemærkninger til dagsordenen", None, None, [23, 36], None, []),
    (2, "Meddelelser", None, None, [38, 51],
     "Udvalgets møde den 10. juni 2015 afholdes forud for byrådets møde den 25. juni 2015 fra kl. 15.30.", []),
    (3, "Budgetlægning 2016 - 2019 - forslag til besparelser", "15/839", "Beslutning", [53, 63],
     "Indstilling godkendt.", ["Forslag til besparelser på ledighedsydelse.pdf",
                               "Intensiveret indsats for sygedagpengemodtagere.pdf",
                               "Styrkelse af virksomhedskontakt og jobformidling.pdf",
                               "Oversigt over besparelsesforslag EBU.pdf"]),
    (4, "Danskuddannelse til voksne udlændinge", "14/11078", "Beslutning", [65, 133],
     "Forslag om at nuværende administration på området fastholdes indtil videre godkendt.\n\n"
     "Erhvervs- og Beskæftigelsesudvalget foreslår endvidere, at området tilføres yderligere 300.000 kr. "
     "finansieret af de foreslåede merbesparelser vedr. overførselsudgifter. "
     "Forslaget oversendes til budgetlægning for 2016 – 2019.", []),
    (5, "Ny aftale for Iværksætterhuset", "12/10411", "Beslutning", [137, 191], "Indstilling godkendt",
     ["Statistik Iværksætterhuset 2014.pdf"]),
    (6, "Ændret lovgivning siden for-analyse i 2011 om fælles Jobcenter", "15/6585", "Orientering", [193, 225],
     "Orienteringen taget til efterretning.", ["Notat om ændringer i lovgivning siden 2011.pdf"]),
]


@pytest.mark.parametrize("number, title, case, kind, lines, decision, attachments", MAY_ITEMS)
def test_may_items(may, number, title, case, kind, lines, decision, attachments):
    item = may["items"][number - 1]
    assert (item["number"], item["title"], item["case_number"], item["access"], item["item_type"]) == (
        number, title, case, "open", kind)
    assert item["lines"] == lines
    assert item["decision"] == decision
    assert item["decision_heading"] == f"Beslutning {COMMITTEE} den 13-05-2015"
    assert item["attachments"] == attachments
    assert item["absent"] == []


def test_may_has_six_items(may):
    assert [item["number"] for item in may["items"]] == [1, 2, 3, 4, 5, 6]


def test_may_sections_keep_their_headings_in_source_order(may):
    full = ["Tema", "Sagsbeskrivelse", "Administrationens forslag", "Afledte konsekvenser",
            "Økonomi og finansiering", "Dialog/høring"]
    assert [[s["heading"] for s in item["sections"]] for item in may["items"]] == [
        full[:3], full[:3], full[:3], full, full[:3], full]
    first, fourth = may["items"][0], may["items"][3]
    assert section(first, "Tema") == "-"
    assert section(fourth, "Økonomi og finansiering") == "Et modul på sprogskolen koster gennemsnitligt 30.000 kr."
    assert section(fourth, "Tema").startswith("Erhvervs- og Beskæftigelsesudvalget behandlede på møde den 3. december")


def test_may_html_rows_become_paragraphs_and_lists(may):
    description = section(may["items"][5], "Sagsbeskrivelse")
    assert description.startswith("I 2011 udarbejdede Forvaltningen en for-analyse om mulighederne")
    assert "- Førtidspensionsreform\n- Fleksjobreform\n- Sygedagpengereform\n- Kontanthjælpsreform" in description
    assert "<p>" not in description and "•" not in description
    assert description.endswith("er vanskeligt realiserbar med udgangspunkt i lovgivningens krav om en "
                                "koordineret og tværfaglig indsats.")


def test_may_earlier_decision_quoted_in_item_4(may):
    assert may["items"][3]["earlier_decisions"] == [{
        "date": "2014-12-03", "body": COMMITTEE,
        "text": "Godkendes, idet indstillingen er på linje med hidtidig administration af området.\n\n"
                "Sagen genoptages i maj 2015 med henblik på vurdering af integrationsudfordring og økonomi i "
                "forhold til borgere der har andet behov for danskuddannelse end arbejdsmarkedstilknytningen."}]
    assert all(item["earlier_decisions"] == [] for item in may["items"] if item["number"] != 4)


def test_may_decision_heading_split_around_its_text_is_rejoined(may):
    fifth = may["items"][4]
    assert fifth["decision"] == "Indstilling godkendt"
    assert all("den 13-05-2015" not in s["text"] for s in fifth["sections"])


MAY_ATTACHMENTS = [
    ("3.1", "Forslag til besparelser på ledighedsydelse.pdf", 3, "33292/15", [254, 317], "# NOTAT",
     "svarende til en samlet besparelse på kr.370.000. årligt."),
    ("3.2", "Intensiveret indsats for sygedagpengemodtagere.pdf", 3, "33291/15", [321, 369], "# NOTAT",
     "Den samlede besparelse må forventes at være ca. 625.000 kr."),
    ("3.3", "Styrkelse af virksomhedskontakt og jobformidling.pdf", 3, "33290/15", [373, 456], "# NOTAT",
     "i stand til at honorere kravene i det nye servicekoncept."),
    ("3.4", "Oversigt over besparelsesforslag EBU.pdf", 3, "33294/15", [460, 688],
     "## Forslag til besparelser indenfor Borgerservice", "| -1.327.000 |"),
    ("5.1", "Statistik Iværksætterhuset 2014.pdf", 5, "30825/15", [690, 911],
     "**Årsrapport/statistik for Iværksætterhuset", "Læs case: <http://ivsh.dk/case-fysio>"),
    ("6.1", "Notat om ændringer i lovgivning siden 2011.pdf", 6, "33271/15", [915, 1022], "# NOTAT",
     "med udgangspunkt i lovgivningens krav om en koordineret og tværfaglig indsats."),
]


def test_may_attachment_tables_are_markdown_tables(may):
    text = may["attachment_documents"][0]["text"]
    assert ("| Nuværende udgift pr. borger | Beløb i kr. | Bemærkninger |\n| --- | --- | --- |\n"
            "| Ledighedsydelse efter 18 måneder | 167.000 | Gennemsnitlig udgift pr. måned på kr. 13.900 |") in text
    assert "| **Samlet besparelse** | **37.000** | |" in text


# --- 002: 8 June 2016, not quorate ------------------------------------------------------------

def test_june_meeting_header_and_absent_members(june):
    assert (june["date"], june["start"], june["end"], june["meeting_number"], june["location"]) == (
        "2016-06-08", "07:30", "07:35", "080615", "Rådhuset i Mødelokale C")
    assert june["members"] == [
        {"name": "Klaus Fisker", "party": "B", "role": "Formand"},
        {"name": "Erling Petersen", "party": "R", "role": "Medlem"},
        {"name": "Nikolaj Bührmann", "party": "F", "role": "Næstformand"},
        {"name": "Gurli Nielsen", "party": "C", "role": "Medlem"},
        {"name": "Rasmus Keis Neerbek", "party": "Ø", "role": "Medlem"},
    ]
    assert june["absent"] == ["Nikolaj Bührmann", "Gurli Nielsen", "Rasmus Keis Neerbek"]
    assert june["signed_by"] == ["Klaus Fisker", "Erling Petersen"]


NOT_TREATED = "Punktet blev ikke behandlet, idet udvalget ikke var beslutningsdygtigt."
POSTPONED = "Sagen udsættes til næste møde, idet udvalget ikke var beslutningsdygtigt."
FORWARDED = ("Sagen videreføres til beslutning i Økonomiudvalget og byråd uden beslutning fra Erhvervs- og "
             "beskæftigelsesudvalget, idet udvalget ikke var beslutningsdygtigt ved mødet.")
JUNE_ITEMS = [
    (1, "Bemærkninger til dagsordenen", None, None, [29, 51], NOT_TREATED, [], []),
    (2, "Meddelelser", None, None, [53, 69], NOT_TREATED, [], ["Tema"]),
    (3, "Status på indsatser i integrationshuset", "16/6712", "Orientering", [71, 113], POSTPONED, [],
     ["Tema", "Sagsbeskrivelse", "Administrationens forslag"]),
    (4, "Initiativsag nr. 73 - Besparelsesforslag Integrationshuset", "16/6820", "Beslutning", [115, 161],
     POSTPONED, [], None),
    (5, "Initiativsag nr. 69 vedr. kontanthjælp, arbejdsmarkedsforanstaltninger, sygedagpenge og førtidspensioner",
     "16/6829", "Beslutning", [165, 307], POSTPONED, ["Bilag til initiativsag nr. 69"], None),
    (6, "Pulje til målrettet beskæftigelsesindsats for flygtninge", "16/6749", "Beslutning", [309, 323],
     FORWARDED, ["Budgetskabelon.xlsx", "Ansøgningsskema til Mindspring-projekt.pdf"], None),
    (7, "Tovholderfunktion til rekrutteringsaftaler", "16/6862", "Beslutning", [325, 419], FORWARDED, [],
     ["Tema", "Sagsbeskrivelse", "Administrationens forslag", "Økonomi og finansiering", "Dialog/høring"]),
    (8, "Mentorordninger for virksomheder - orientering", "16/6139", "Orientering", [421, 489], POSTPONED, [], None),
    (9, "Opgradering og udvidelse af erhvervspolitiske indsatser", "16/5330", "Beslutning", [491, 575],
     POSTPONED, [], ["Tema", "Sagsbeskrivelse", "Administrationens forslag"]),
    (10, "Orientering om status på Nordsjællands rekrutteringsservice", "16/6873", "Orientering", [579, 641],
     POSTPONED, [], ["Tema", "Sagsbeskrivelse", "Administrationens forslag"]),
]


@pytest.mark.parametrize("number, title, case, kind, lines, decision, attachments, headings", JUNE_ITEMS)
def test_june_items(june, number, title, case, kind, lines, decision, attachments, headings):
    item = june["items"][number - 1]
    assert (item["number"], item["title"], item["case_number"], item["access"], item["item_type"]) == (
        number, title, case, "open", kind)
    assert item["lines"] == lines
    assert item["decision"] == decision
    assert item["decision_heading"] == f"Beslutning {COMMITTEE} den 08-06-2016"
    assert item["earlier_decisions"] == []
    assert item["absent"] == ["Gurli Nielsen", "Rasmus Keis Neerbek", "Nikolaj Bührmann"]
    assert item["attachments"] == attachments
    if headings is not None:
        assert [s["heading"] for s in item["sections"]] == headings


def test_june_headings_in_one_bold_block_share_the_text_after_it(june):
    third, seventh = june["items"][2], june["items"][6]
    assert section(third, "Administrationens forslag") == ""
    assert third["attachments"] == []
    assert section(third, "Sagsbeskrivelse").endswith("At udvalget tager orienteringen til efterretning")
    assert section(seventh, "Tema") == ""
    assert section(seventh, "Administrationens forslag") == "Forvaltningen anbefaler forslag godkendt"
    assert section(seventh, "Økonomi og finansiering").startswith("Et årsværk koster ca. 475.000 kr.")


def test_june_wrapped_list_item_is_rejoined_and_lone_bullets_dropped(june):
    economy = section(june["items"][6], "Økonomi og finansiering")
    assert ("- At lønudgiften (serviceudgift) i 2017 og frem finansieres ved en nedskrivning af bevillingen til "
            "forsørgelse under Erhvervs- og beskæftigelsesudvalget") in economy
    assert "•" not in economy


def test_june_bold_subheadings_stay_in_the_text(june):
    description = section(june["items"][8], "Sagsbeskrivelse")
    assert "**Forslag 1**" in description and "## **Forslag 2**" in description


def test_june_tables_in_item_text(june):
    description = section(june["items"][4], "Sagsbeskrivelse")
    assert "| År | Antal personer |\n| --- | --- |\n| 2011 | 30 |" in description


JUNE_ATTACHMENTS = [
    ("5.1", "Bilag til initiativsag nr. 69", 5, "36789/16", [655, 688], "# NOTAT", "Kilde: Ankestyrelsen"),
    ("6.1", "Budgetskabelon.xlsx", 6, "35945/16", [692, 816],
     "# Budgetskema for tilskud fra puljen: Målrrettet beskæftigelsesindsats", "| **78.000** |"),
    ("6.2", "Ansøgningskema til Mindspring-projekt.pdf", 6, "35943/16", [818, 1028],
     "## Styrelsen for International Rekruttering og Integration",
     "Nej, den politiske godkendelse eftersendes"),
]


@pytest.mark.parametrize("meeting, label, title, item, reference, lines, start, end",
                         [("may", *row) for row in MAY_ATTACHMENTS] + [("june", *row) for row in JUNE_ATTACHMENTS])
def test_attachment_documents(request, meeting, label, title, item, reference, lines, start, end):
    form = request.getfixturevalue(meeting)
    document = next(d for d in form["attachment_documents"] if d["label"] == label)
    assert (document["title"], document["item"], document["reference"], document["lines"]) == (
        title, item, reference, lines)
    assert document["text"].startswith(start) and document["text"].endswith(end)
    assert "Bilagsnr" not in document["text"] and "Mødedato" not in document["text"]


def test_attachment_documents_in_source_order(may, june):
    assert [d["label"] for d in may["attachment_documents"]] == [row[0] for row in MAY_ATTACHMENTS]
    assert [d["label"] for d in june["attachment_documents"]] == [row[0] for row in JUNE_ATTACHMENTS]


# --- detection --------------------------------------------------------------------------------

@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")) + [PRINT_2011, PLAIN_2016, TRANSCRIPT_2011],
                         ids=lambda p: p.name)
def test_detect_claims_only_allerod_documents(path):
    expected = not path.name.startswith(("003_", "004_"))
    assert alleroed.detect(normalise(path.read_text(encoding="utf-8"))) is expected


def test_detect_sees_through_leading_noise_and_markup():
    text = ("Save this PDF as: WORD PNG TXT\nDownload \"Mødet blev holdt\"\nTranskript\n"
            + "\n".join(f"<p>{line}</p>" for line in PLAIN_2016.read_text(encoding="utf-8").split("\n")))
    assert alleroed.detect(normalise(text))


def test_another_municipality_is_refused():
    with pytest.raises(InputError) as error:
        read_text(PLAIN_2016.read_text(encoding="utf-8"), municipality="Gentofte Kommune")
    assert error.value.problems[0].field == "municipality"
    assert read_text(PLAIN_2016.read_text(encoding="utf-8"), municipality="Allerød Kommune")["items"]


# --- small documents written here -------------------------------------------------------------

def synthetic(held="Mødet blev holdt tirsdag den 3. februar 2015 på Rådhuset, Mødelokale A.  ",
              members="Medlemmer: Formand - Anne Jensen (V), Bo Hansen (A), Carl Berg",
              afbud="Afbud: Dorte Lund (O)", closed_title="3. Personalesag (Lukket)") -> list[str]:
    return [
        "# ALLERØD KOMMUNE", "", "## Teknik- og Miljøudvalget 2018-2021", "", "Møde nr. 7", "", held,
        "Mødet begyndte kl. 16:00 og sluttede kl. 18:15.", "", members, "", afbud, "",
        "1. Godkendelse af dagsorden .....\t1", "",
        "**TEKNIK- OG MILJØUDVALGT 2018-2021****1. Godkendelse af dagsorden**", "", "Sagsnr.: 18/100", "",
        "<b>Punkttype</b>\tBeslutning",
        "<b>Tema</b>\t<p>Dagsordenen forelægges.</p> <p>Den er udsendt i tide.</p>",
        "<b>Bilag</b>\tDagsorden.pdf Kort over området.docx Budget 2015.xlsx",
        "<b>Beslutning Teknik- og Miljøudvalget 2018-2021 den 03-02-2015</b>\tGodkendt.",
        "<b>Fraværende</b>\tDorte Lund",
        "",
        "## TEKNIK- OG MILJØUDVALGET 2018-2021", "", "**2. Ny sti langs åen**", "", "Sagsnr.: 18/200", "",
        "**Punkttype** Orientering", "",
        "**Sagsbeskrivelse** Stien skal anlægges i", "", "foråret, hvis vejret tillader det.", "",
        "**Økonomi  ", "og finansiering**", "", "Prisen er 2 mio. kr.", "",
        "**Beslutning Økonomiudvalget den 01-12-2014**", "", "Sagen sendes til udvalget.", "",
        "**Beslutning Teknik-  ", "og Miljøudvalget  ", "2018-2021 den 03-02-  ", "2015**", "",
        "Taget til efterretning.", "", "**Fraværende**", "", "Dorte Lund  ", "Bo Hansen", "",
        f"**TEKNIK- OG MILJØUDVALGET 2018-2021****{closed_title}**", "", "Sagsnr.: 18/300", "",
        "**Sagsbeskrivelse** En medarbejder er afskediget efter en lang og fortrolig sag.", "",
        "**Beslutning Teknik- og Miljøudvalget 2018-2021 den 03-02-2015** Godkendt i fortrolighed.", "",
        "Signeret af:", "", "---", "", "Anne Jensen  ", "*Formand*", "", "---", "", "Bo Hansen  ", "*Medlem*", "",
        "**Bilag: 2.1. Kort over stien.pdf**", "", "**Udvalg:** Teknik- og Miljøudvalget 2018-2021", "",
        "**Adgang:** Åben", "", "**Bilagsnr:** 123/15", "", "# Stien", "", "Stien er 2 km lang.", "",
        "**Bilag: 3.1. Afskedigelse.pdf**", "", "**Adgang:** Lukket", "", "**Bilagsnr:** 124/15", "",
        "Fortrolig tekst om medarbejderen.",
    ]


def parse_lines(lines: list[str]) -> dict:
    return read_text("\n".join(lines))


def test_synthetic_header_with_other_date_place_times_and_an_absent_member():
    form = parse_lines(synthetic())
    assert alleroed.detect(normalise("\n".join(synthetic())))
    assert (form["committee"], form["period"], form["date"], form["start"], form["end"], form["location"],
            form["meeting_number"]) == ("Teknik- og Miljøudvalget 2018-2021", "2018-2021", "2015-02-03", "16:00",
                                        "18:15", "Rådhuset, Mødelokale A", "7")
    assert form["members"] == [
        {"name": "Anne Jensen", "party": "V", "role": "Formand"},
        {"name": "Bo Hansen", "party": "A", "role": "Medlem"},
        {"name": "Carl Berg", "party": None, "role": "Medlem"},
        {"name": "Dorte Lund", "party": "O", "role": "Medlem"},
    ]
    assert form["absent"] == ["Dorte Lund"]
    assert form["signed_by"] == ["Anne Jensen", "Bo Hansen"]
    assert {k: form["source"][k] for k in ("file", "lines")} == {"file": "referat.txt", "lines": [1, len(synthetic())]}
    assert form["substitutes"] == [] and form["incomplete"] is None


def test_synthetic_html_row_item():
    first = parse_lines(synthetic())["items"][0]
    assert (first["number"], first["title"], first["case_number"], first["access"], first["item_type"]) == (
        1, "Godkendelse af dagsorden", "18/100", "open", "Beslutning")
    assert first["sections"] == [{"heading": "Tema", "text": "Dagsordenen forelægges.\n\nDen er udsendt i tide."}]
    assert first["attachments"] == ["Dagsorden.pdf", "Kort over området.docx", "Budget 2015.xlsx"]
    assert (first["decision"], first["absent"]) == ("Godkendt.", ["Dorte Lund"])


def test_synthetic_markdown_item_with_missing_sections_wrapped_headings_and_an_earlier_decision():
    second = parse_lines(synthetic())["items"][1]
    assert (second["title"], second["item_type"], second["lines"]) == ("Ny sti langs åen", "Orientering", [26, 57])
    assert second["sections"] == [
        {"heading": "Sagsbeskrivelse", "text": "Stien skal anlægges i foråret, hvis vejret tillader det."},
        {"heading": "Økonomi og finansiering", "text": "Prisen er 2 mio. kr."},
    ]
    assert second["earlier_decisions"] == [{"date": "2014-12-01", "body": "Økonomiudvalget",
                                            "text": "Sagen sendes til udvalget."}]
    assert second["decision"] == "Taget til efterretning."
    assert second["decision_heading"] == "Beslutning Teknik- og Miljøudvalget 2018-2021 den 03-02-2015"
    assert second["absent"] == ["Dorte Lund", "Bo Hansen"]
    assert second["attachments"] == []


def test_synthetic_closed_item_keeps_number_title_access_lines_only():
    form = parse_lines(synthetic())
    closed = form["items"][2]
    assert closed == {"number": 3, "title": "Personalesag (Lukket)", "lines": [59, 65], "access": "closed"}
    assert "fortrolig" not in repr(form).lower()
    assert [d["label"] for d in form["attachment_documents"]] == ["2.1"]
    assert any("3.1" in warning for warning in form["warnings"])


def test_synthetic_attachment_document():
    document = parse_lines(synthetic())["attachment_documents"][0]
    assert document == {"label": "2.1", "title": "Kort over stien.pdf", "item": 2, "reference": "123/15",
                        "text": "# Stien\n\nStien er 2 km lang.", "lines": [79, 89]}


def test_synthetic_other_item_count_and_no_signatures():
    lines = synthetic()
    cut = lines.index("Signeret af:")
    form = parse_lines(lines[:cut])
    assert [item["number"] for item in form["items"]] == [1, 2, 3]
    assert form["signed_by"] == [] and form["attachment_documents"] == []


def test_three_headings_in_one_bold_block_take_one_paragraph_each_and_the_rest():
    lines = synthetic()
    at = lines.index("**Punkttype** Orientering")
    lines[at:at + 1] = ["**Punkttype  ", "Tema  ", "Dialog/høring**", "", "Orientering", "", "Et tema.", "",
                        "Ingen høring.", "", "Heller ikke senere."]
    second = parse_lines(lines)["items"][1]
    assert second["item_type"] == "Orientering"
    assert second["sections"][:2] == [{"heading": "Tema", "text": "Et tema."},
                                      {"heading": "Dialog/høring", "text": "Ingen høring.\n\nHeller ikke senere."}]


def test_decision_heading_without_date_is_a_warning():
    lines = synthetic()
    at = lines.index("**Beslutning Økonomiudvalget den 01-12-2014**")
    lines[at] = "**Beslutning**"
    form = parse_lines(lines)
    assert any(w.startswith(f"line {at + 1}: decision heading") for w in form["warnings"])


def test_no_date_is_an_input_error_naming_file_and_line():
    lines = [line for line in synthetic() if not line.startswith("Mødet blev holdt")]
    with pytest.raises(InputError) as error:
        parse_lines(lines)
    problem = error.value.problems[0]
    assert (problem.path, problem.field) == ("test/referat.txt", "date")
    assert problem.line and "Mødet blev holdt" in problem.expected


def test_no_items_is_an_input_error():
    lines = synthetic()
    with pytest.raises(InputError) as error:
        parse_lines(lines[:lines.index("**TEKNIK- OG MILJØUDVALGT 2018-2021****1. Godkendelse af dagsorden**")])
    assert error.value.problems[0].field == "items" and error.value.problems[0].line


def test_unknown_month_is_an_input_error_with_its_line():
    lines = synthetic(held="Mødet blev holdt tirsdag den 3. brumaire 2015 på Rådhuset.")
    with pytest.raises(InputError) as error:
        parse_lines(lines)
    assert (error.value.problems[0].field, error.value.problems[0].line) == ("date", 7)


def test_item_title_wrapped_over_two_lines():
    lines = synthetic()
    at = lines.index("**2. Ny sti langs åen**")
    lines[at:at + 1] = ["**2. Ny sti langs åen og  ", "gennem skoven**"]
    second = parse_lines(lines)["items"][1]
    assert (second["number"], second["title"], second["case_number"]) == (2, "Ny sti langs åen og gennem skoven",
                                                                          "18/200")


def test_header_in_other_letter_case_is_still_detected():
    lines = synthetic()
    lines[0] = "**Allerød Kommune**"
    assert alleroed.detect(normalise("\n".join(lines)))
    assert parse_lines(lines)["committee"] == "Teknik- og Miljøudvalget 2018-2021"


def test_attachment_heading_wrapped_over_two_lines():
    lines = synthetic()
    at = lines.index("**Bilag: 2.1. Kort over stien.pdf**")
    lines[at:at + 1] = ["**Bilag: 2.1. Kort over stien langs  ", "åen.pdf**"]
    document = parse_lines(lines)["attachment_documents"][0]
    assert (document["label"], document["title"], document["reference"], document["text"]) == (
        "2.1", "Kort over stien langs åen.pdf", "123/15", "# Stien\n\nStien er 2 km lang.")


def test_absentee_who_is_not_a_member_is_kept_with_a_warning():
    lines = synthetic()
    lines[lines.index("<b>Fraværende</b>\tDorte Lund")] = "<b>Fraværende</b>\tDorte Lund, Erik Vikar"
    form = parse_lines(lines)
    assert form["items"][0]["absent"] == ["Dorte Lund", "Erik Vikar"]
    assert any("Erik Vikar" in warning for warning in form["warnings"])


def test_unknown_field_name_among_html_field_rows_is_a_section():
    lines = synthetic()
    at = lines.index("<b>Bilag</b>\tDagsorden.pdf Kort over området.docx Budget 2015.xlsx")
    lines.insert(at, "<b>Bevillingsmæssige konsekvenser</b>\tIngen bevilling.")
    first = parse_lines(lines)["items"][0]
    assert first["sections"][-1] == {"heading": "Bevillingsmæssige konsekvenser", "text": "Ingen bevilling."}


def test_item_marked_closed_on_the_line_under_its_title_is_closed():
    lines = synthetic(closed_title="3. Personalesag")
    at = lines.index("**TEKNIK- OG MILJØUDVALGET 2018-2021****3. Personalesag**")
    lines.insert(at + 1, "Lukket punkt")
    form = parse_lines(lines)
    assert form["items"][2] == {"number": 3, "title": "Personalesag", "lines": [59, 66], "access": "closed"}
    assert "fortrolig" not in repr(form).lower()


# --- documents written here: the 2010-13 print layout, and 2014-17 with a plain committee line ------

def words(text: str | None) -> str | None:
    return " ".join(text.split()) if text else None


def item_facts(item: dict) -> tuple:
    return (item["number"], item["title"], item.get("case_number"), item["access"], item.get("item_type"),
            words(item.get("decision")), item.get("decision_heading"),
            [(d["date"], d["body"], words(d["text"])) for d in item.get("earlier_decisions", [])],
            item.get("absent"), item.get("attachments"))


@pytest.fixture(scope="module")
def print_2011():
    return read(PRINT_2011)


@pytest.fixture(scope="module")
def plain_2016():
    return read(PLAIN_2016)


def test_print_layout_header_without_a_committee_line(print_2011):
    assert {k: print_2011[k] for k in ("format", "municipality", "committee", "period", "document_kind", "date",
                                       "start", "end", "location", "meeting_number")} == {
        "format": "alleroed", "municipality": "Allerød Kommune", "committee": "Økonomiudvalget", "period": None,
        "document_kind": "referat", "date": "2011-03-15", "start": "16:00", "end": "17:40",
        "location": "Rådhuset i Mødelokale B", "meeting_number": "27"}
    assert print_2011["members"] == [
        {"name": "Birthe Kjærgaard", "party": "V", "role": "Formand"},
        {"name": "Ole Vestergaard", "party": "A", "role": "Næstformand"},
        {"name": "Pia Holmsted", "party": "C", "role": "Medlem"},
        {"name": "Torben Riis", "party": "F", "role": "Medlem"},
        {"name": "Lasse Winther", "party": "O", "role": "Medlem"},
    ]
    assert print_2011["absent"] == ["Lasse Winther"]
    assert print_2011["other_attendees"] == ["Kommunaldirektør Poul Hedegaard"]
    assert print_2011["substitutes"] == [{"name": "Hanne Bjerre", "party": "O", "replaces": "Lasse Winther"}]
    assert (print_2011["incomplete"], print_2011["warnings"]) == (None, [])


ECONOMY = "Beslutning Økonomiudvalget den 15-03-2011"
PRINT_ITEMS = [
    (1, "Bemærkninger til dagsordenen", "11/2301", "open", None,
     "Godkendt. Hanne Bjerre (O) deltog som stedfortræder for Lasse Winther (O).", ECONOMY, [],
     ["Lasse Winther"], []),
    (2, "Meddelelser", "11/2302", "open", "Orientering", "Taget til efterretning.", ECONOMY, [],
     ["Lasse Winther"], []),
    (3, "Regnskab 2010 - overførsel af uforbrugte driftsbevillinger til 2011", "11/1877", "open", "Beslutning",
     "Anbefales over for Byrådet.", ECONOMY, [("2011-03-08", "Børne- og Skoleudvalget", "Anbefales.")],
     ["Lasse Winther"], ["Overførsler 2010-2011.pdf", "Skoleområdet - specifikation.xls"]),
    (4, "Kommunegaranti for lån til renovering af Kærhøjhallen", "10/9920", "open", "Beslutning",
     "Anbefales over for Byrådet. Torben Riis (F) forlod mødet under punktet.", ECONOMY, [],
     ["Lasse Winther", "Torben Riis"], []),
]


def test_print_layout_items(print_2011):
    assert [item_facts(item) for item in print_2011["items"][:4]] == PRINT_ITEMS


def test_print_layout_fields_in_two_columns_and_prose_that_starts_with_a_field_word(print_2011):
    third = print_2011["items"][2]
    assert [s["heading"] for s in third["sections"]] == [
        "Tema", "Sagsbeskrivelse", "Administrationens forslag", "Afledte konsekvenser", "Økonomi og finansiering",
        "Dialog/høring", "Lovgrundlag"]
    description = section(third, "Sagsbeskrivelse")
    assert description.startswith("Der søges i alt overført 6,2 mio. kr.")
    assert words(description).endswith("Tema for næste års regnskab bliver en fælles model for alle udvalg.")
    assert section(third, "Lovgrundlag") == "Lov om kommunernes styrelse § 40."


def test_print_layout_closed_item_keeps_number_title_access_lines_only(print_2011):
    assert print_2011["items"][4] == {"number": 5, "title": "Salg af kommunal grund ved Skovvangen",
                                      "access": "closed", "lines": [114, 123]}
    assert "2,1 mio" not in repr(print_2011) and "Buddet" not in repr(print_2011)


def test_page_header_of_the_print_layout_is_not_text(print_2011):
    assert "tirsdag den 15. marts" not in repr(print_2011["items"])


def test_plain_committee_line_header_people_and_signatures(plain_2016):
    assert (plain_2016["committee"], plain_2016["period"], plain_2016["date"], plain_2016["start"],
            plain_2016["end"], plain_2016["location"], plain_2016["meeting_number"]) == (
        "Teknik- og Miljøudvalget 2014-2017", "2014-2017", "2016-09-14", "17:00", "19:10",
        "Rådhuset i Mødelokale B", "14-09-2016")
    assert plain_2016["members"][-1] == {"name": "Anders Bille", "party": "O", "role": "Medlem"}
    assert [m["name"] for m in plain_2016["members"]] == [
        "Mette Skovgaard", "Jakob Lind", "Helle Dam", "Søren Kragh", "Anders Bille"]
    assert plain_2016["absent"] == ["Anders Bille"]
    assert plain_2016["substitutes"] == [{"name": "Lise Haugaard", "party": "O", "replaces": "Anders Bille"}]
    assert plain_2016["signed_by"] == ["Mette Skovgaard", "Jakob Lind", "Helle Dam", "Søren Kragh"]


TECHNICAL = "Beslutning Teknik- og Miljøudvalget 2014-2017 den 14-09-2016"
PLAIN_ITEMS = [
    (1, "Bemærkninger til dagsordenen", None, "open", None,
     "Godkendt. Lise Haugaard (O) deltog som stedfortræder for Anders Bille (O).", TECHNICAL, [],
     ["Anders Bille"], []),
    (2, "Meddelelser", None, "open", "Orientering", "Orienteringen taget til efterretning.", TECHNICAL, [],
     ["Anders Bille"], []),
    (3, "Forslag til lokalplan for boliger ved Engholmvej, udsendelse i offentlig høring efter endt forhøring",
     "16/4410", "open", "Beslutning", "Administrationens forslag godkendt. Søren Kragh (F) tog forbehold.",
     TECHNICAL, [("2016-09-07", "Økonomiudvalget", "Anbefales.")], ["Anders Bille"],
     ["Lokalplanforslag Engholmvej.pdf", "Forhøringssvar samlet.pdf"]),
    (4, "Trafiksikkerhedsplan 2017-2020", "16/2975", "open", "Beslutning", "Godkendt.", TECHNICAL, [],
     ["Anders Bille", "Helle Dam"], []),
    (5, "Vintertjeneste - ændret serviceniveau på cykelstier", "16/5102", "open", "Beslutning", "Model B godkendt.",
     TECHNICAL, [], ["Anders Bille"], ["Serviceniveau vintertjeneste.docx"]),
]


def test_plain_committee_line_items(plain_2016):
    assert [item_facts(item) for item in plain_2016["items"][:5]] == PLAIN_ITEMS
    assert [item["lines"] for item in plain_2016["items"]] == [
        [24, 35], [37, 49], [51, 66], [68, 106], [108, 132], [134, 142]]


def test_prose_starting_with_bilag_or_beslutning_stays_in_its_section(plain_2016):
    description = section(plain_2016["items"][2], "Sagsbeskrivelse")
    assert "Bilag 2 viser de indkomne svar" in description
    assert description.endswith("Beslutning om vejadgang træffes først ved den endelige vedtagelse.")


def test_earlier_decision_quoted_without_text_is_left_out_with_a_warning(plain_2016):
    assert plain_2016["items"][3]["earlier_decisions"] == []
    assert any(w.startswith("line 97: item 4: decision heading") and "10-08-2016" in w for w in plain_2016["warnings"])


def test_closed_item_and_its_attachment_leave_no_text(plain_2016):
    assert plain_2016["items"][5] == {"number": 6, "title": "Erhvervelse af areal til regnvandsbassin (Lukket)",
                                      "access": "closed", "lines": [134, 142]}
    assert [d["label"] for d in plain_2016["attachment_documents"]] == ["3.1", "3.2", "5.1"]
    assert "fortrolig" not in repr(plain_2016).lower() and "4.000 m²" not in repr(plain_2016)


def test_attachment_documents_of_the_plain_document(plain_2016):
    first = plain_2016["attachment_documents"][0]
    assert (first["title"], first["item"], first["reference"], first["lines"]) == (
        "Lokalplanforslag Engholmvej.pdf", 3, "51230/16", [166, 185])
    assert first["text"].startswith("# Lokalplan for boliger ved Engholmvej\n\n## Lokalplanens formål")
    assert "| Delområde | Antal boliger | Bebyggelsesprocent |\n| --- | --- | --- |\n| I | 14 | 30 |" in first["text"]


def test_text_that_stops_before_the_last_items_is_incomplete_never_padded():
    text = PLAIN_2016.read_text(encoding="utf-8")
    form = read_text(text[:text.index("TEKNIK- OG MILJØUDVALGET 2014-2017**5.")])
    assert [item["number"] for item in form["items"]] == [1, 2, 3, 4]
    assert form["incomplete"] == {"line": 106, "missing": "items 5 (Vintertjeneste - ændret serviceniveau på "
                                                         "cykelstier), 6 (Erhvervelse af areal til regnvandsbassin (Lukket))"}
    assert any(w.startswith("line 106: the text ends here") for w in form["warnings"])


def test_an_agenda_in_the_same_layout():
    text = PLAIN_2016.read_text(encoding="utf-8").replace(
        "Mødet blev holdt onsdag den 14. september 2016 på Rådhuset i Mødelokale B.  \n"
        "Mødet begyndte kl. 17:00 og sluttede kl. 19:10.",
        "Mødet holdes onsdag den 14. september 2016 kl. 17:00 på Rådhuset i Mødelokale B.")
    form = read_text(text)
    assert (form["document_kind"], form["date"], form["start"], form["end"], form["location"]) == (
        "dagsorden", "2016-09-14", "17:00", None, "Rådhuset i Mødelokale B")


def test_substitute_phrases():
    text = PLAIN_2016.read_text(encoding="utf-8").replace(
        "Godkendt. Lise Haugaard (O) deltog som stedfortræder for Anders Bille (O).",
        "Der er afbud fra Anders Bille. Lise Haugaard er indkaldt som suppleant. "
        "Helle Dam (C) var fraværende. I stedet deltog Ib Holm (C).")
    assert read_text(text)["substitutes"] == [{"name": "Lise Haugaard", "party": None, "replaces": "Anders Bille"},
                                              {"name": "Ib Holm", "party": "C", "replaces": "Helle Dam"}]


def test_transcript_that_dropped_item_numbers_and_decision_dates():
    form = read(TRANSCRIPT_2011)
    assert (form["committee"], form["date"], form["start"], form["end"], form["location"], form["meeting_number"]) == (
        "Allerød Byråd", "2011-02-24", "18:30", "20:05", "Rådhuset i Borgerportalen", "14")
    assert form["members"][:2] == [{"name": "Jens Aagaard", "party": "C", "role": "Borgmester"},
                                   {"name": "Marianne Brix", "party": "A", "role": "Medlem"}]
    assert len(form["members"]) == 9 and form["absent"] == ["Tove Skov"]
    assert form["substitutes"] == [{"name": "Ole Friis", "party": "B", "replaces": "Tove Skov"}]
    council = "Beslutning Allerød Byråd"
    assert [item_facts(item) for item in form["items"][:4]] == [
        (1, "Bemærkninger til dagsordenen", "11/2231", "open", None,
         "Godkendt. Ole Friis (B) deltog som stedfortræder for Tove Skov (B).", council, [], ["Tove Skov"], []),
        (2, "Spørgsmål fra borgerne", "11/2232", "open", "Orientering", "Taget til efterretning.", council, [],
         ["Tove Skov"], []),
        (3, "Meddelelser", "11/2233", "open", "Orientering", "Taget til efterretning.", council, [], ["Tove Skov"], []),
        (4, "Takster for hjemmepleje og madservice", "10/19804", "open", "Beslutning",
         "Godkendt. Imod stemte Sofie Lind (Ø).", council,
         [(None, "Social- og Sundhedsudvalget", "Anbefales."), (None, "Økonomiudvalget", "Anbefales.")],
         ["Tove Skov"], ["Takstblad.pdf"]),
    ]
    assert form["items"][4] == {"number": 5, "title": "Salg af ejendommen Bøgevej", "access": "closed", "lines": [11, 11]}
    assert sum("has no number; numbered" in w for w in form["warnings"]) == 5
    assert sum("has no date; taken as this meeting's" in w for w in form["warnings"]) == 4



def test_a_transcript_sites_title_quoting_the_held_sentence_is_not_the_header():
    """Transcript sites put the document's first sentence above it as a title: the header is still the
    one under ALLERØD KOMMUNE, with its committee and meeting number."""
    held = "Mødet blev holdt torsdag den 24. februar 2011 på Rådhuset i Borgerportalen."
    preamble = f"{held}\n\nSave this PDF as:\nStørrelse: px\nDownload \"{held}\"\n\nTranskript\n\n"
    form = read_text(preamble + TRANSCRIPT_2011.read_text(encoding="utf-8"))
    assert (form["committee"], form["date"], form["location"], form["meeting_number"]) == (
        "Allerød Byråd", "2011-02-24", "Rådhuset i Borgerportalen", "14")
    assert not [w for w in form["warnings"] if "header field" in w or "capitals" in w]



def test_a_contents_run_into_the_list_of_members_is_no_member():
    """A transcript runs the members straight into the contents: the list ends at its first entry."""
    form = read_text(TRANSCRIPT_2011.read_text(encoding="utf-8").replace(" Afbud: Tove Skov (B)", ""))
    assert [m["name"] for m in form["members"]] == [
        "Jens Aagaard", "Marianne Brix", "Tove Skov", "Peter Lund", "Kasper Holm", "Nina Krogh", "Ulla Dahl",
        "Frank Berg", "Sofie Lind"]
    words = "Formand - Bo Ravn (A), Lis Holm (C) og Salg af ejendommen ved Bøgevej"
    form = read_text(TRANSCRIPT_2011.read_text(encoding="utf-8").replace(" Afbud: Tove Skov (B)", f" Afbud: {words}"))
    assert form["absent"] == ["Bo Ravn", "Lis Holm"]
    assert any("'Salg af ejendommen ved Bøgevej' in a list of people is not a name" in w for w in form["warnings"])


# --- the same facts whatever the converter (the shared harness, tests/importing/variants.py) ----------

try:
    from facts import differences, facts
    from variants import VARIANTS
except ImportError:  # the harness is another branch's; these tests run where it is
    VARIANTS = {}

DOCUMENTS_OF_EVERY_LAYOUT = [SAMPLES / "000_3332dcdc48fec7d8.txt", SAMPLES / "002_bf32f3cdd748dc20.txt",
                             PRINT_2011, PLAIN_2016, TRANSCRIPT_2011]


@pytest.mark.parametrize("path", DOCUMENTS_OF_EVERY_LAYOUT, ids=lambda p: p.name[:10])
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_converter_variant_gives_the_same_facts(path, variant):
    text = path.read_text(encoding="utf-8")
    original = facts(complete_items(read_text(text, path.name)))
    found = differences(original, facts(complete_items(read_text(VARIANTS[variant](text), path.name))))
    assert not found, f"{len(found)} facts differ; the first: {found[0]}"


def test_an_item_heading_that_cannot_be_found_is_skipped_with_a_warning():
    text = PLAIN_2016.read_text(encoding="utf-8").replace(
        "TEKNIK- OG MILJØUDVALGET 2014-2017**5. Vintertjeneste - ændret serviceniveau på cykelstier**\n\nSagsnr.: 16/5102",
        "Vintertjeneste")
    form = read_text(text)
    assert [item["number"] for item in form["items"]] == [1, 2, 3, 4, 6] and form["incomplete"] is None
    assert any("no heading of item 5 before item 6" in w for w in form["warnings"])


def test_text_under_the_item_type_where_a_heading_was_lost_is_kept_not_typed():
    """A converter that drops the ``Sagsbeskrivelse`` heading leaves its text under ``Punkttype``:
    the type stays one word, the text a section with a warning."""
    lines = synthetic()
    at = lines.index("**Sagsbeskrivelse** Stien skal anlægges i")
    lines[at] = "Stien skal anlægges i"
    form = parse_lines(lines)
    two = form["items"][1]
    assert two["item_type"] == "Orientering"
    assert two["sections"][0] == {"heading": "", "text": "Stien skal anlægges i foråret, hvis vejret tillader det."}
    assert f"line {at + 1}: item 2: text under 'Punkttype' is no type; kept as a section" in form["warnings"]
