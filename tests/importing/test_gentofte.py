"""The Gentofte format: the sample agenda pinned fact by fact, and synthetic variants of the format."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kommunearkiv.errors import InputError
from kommunearkiv.importing import gentofte, parse_document, read_lines

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SAMPLE = SAMPLES / "003_c3c2bf34dd240c20.txt"
OTHER_FORMATS = ["000_3332dcdc48fec7d8.txt", "002_bf32f3cdd748dc20.txt", "004_e014b426b53ea594.txt"]


@pytest.fixture(scope="module")
def sample() -> dict:
    return parse_document(SAMPLE)


def test_sample_meeting(sample):
    assert sample["format"] == "gentofte"
    assert sample["municipality"] == "Gentofte Kommune"
    assert sample["committee"] == "Erhvervs-, Beskæftigelses- og Integrationsudvalget"
    assert sample["period"] is None
    assert sample["document_kind"] == "dagsorden"
    assert (sample["date"], sample["start"], sample["end"]) == ("2019-02-28", "17:00", None)
    assert sample["location"] == "Udvalgsværelse D"
    assert sample["members"] == [] and sample["absent"] == []
    assert sample["other_attendees"] == [] and sample["signed_by"] == []
    assert {k: sample["source"][k] for k in ("file", "lines", "kind")} == {
        "file": "003_c3c2bf34dd240c20.txt", "lines": [1, len(read_lines(SAMPLE))], "kind": "text"}
    assert sample["warnings"] == []


def test_sample_items(sample):
    heads = [(i["number"], i["access"], i.get("case_number"), i["lines"]) for i in sample["items"]]
    assert heads == [
        (1, "open", "EMN-2019-00607", [23, 75]),
        (2, "open", "EMN-2019-00061", [77, 105]),
        (3, "open", "EMN-2019-00833", [107, 142]),
        (4, "open", "EMN-2019-00867", [144, 187]),
        (5, "open", "EMN-2019-00233", [189, 197]),
        (6, "closed", None, [199, 199]),
    ]
    titles = [i["title"] for i in sample["items"]]
    assert titles[0] == "Gentofte ønsker til det regionale kapitel i den nationale erhvervsfremmestrategi fra 2020"
    assert titles[3] == "Kvartalsrapportering"
    assert titles[4] == titles[5] == "Meddelelser fra formanden/forvaltningen og spørgsmål fra medlemmerne"
    for item in sample["items"][:5]:
        assert item["item_type"] is None
        assert item["decision"] is None and item["decision_heading"] is None
        assert item["earlier_decisions"] == [] and item["absent"] == []


def test_sample_sections(sample):
    items = sample["items"]
    for item in items[:4]:
        assert [s["heading"] for s in item["sections"]] == ["Resumé", "Baggrund", "Indstilling", "Bilag"]
    assert items[4]["sections"] == []  # an empty Bilag heading gives no section
    resume, background, proposal, _ = items[0]["sections"]
    assert resume["text"].startswith("Den nye lov om erhvervsfremme medfører en ny ramme")
    assert background["text"].endswith("fungere som vækstlokomotiv for resten af Danmark.")
    assert proposal["text"].startswith("Social & Sundhed indstiller\n\nTil Erhvervs-, Beskæftigelses- og Integrationsudvalget:")
    assert "Tidligere beslutninger" not in json.dumps(items, ensure_ascii=False)
    # a paragraph cut by a page break is joined again
    assert "sendt i ekstern høring af Beskæftigelsesministeriet d. 14. januar 2019." in items[2]["sections"][1]["text"]
    assert "- Integration med særligt fokus på udskoling, uddannelse og beskæftigelse\n- Anbringelser" in items[3]["sections"][1]["text"]


def test_sample_attachment_names(sample):
    names = [i.get("attachments") for i in sample["items"]]
    assert names[0] == [
        "Bilag - Regional strategi 2019, udarbejdet af KKR H",
        "Bilag - Kommunalt ejerskab nye erhvervsfremmesystem, notat fra KKR H",
        "Bilag, overblik over national erhvervsfremmestrategi og midler erhvervsfremme",
    ]
    assert names[1] == ["Notat - Den rehabiliterende indsats på beskæftigelsesområdet"]
    assert names[2] == ["Notat - Udmøntning af budgetaftale set i lyset af ny lov på beskæftigelsesområdet",
                        "KL høringssvar vedr. forenkling af beskæftigelsesindsatsen"]
    assert names[3] == ["Kvartalsrapportering EBI - februar 2019", "Nøgletalsbilag EBI",
                        "Integration med særligt fokus på udskoling, uddannelse og beskæftigelse", "Anbringelser",
                        "Boligsocial indsats", "Detailhandel i Gentofte", "En ny Udskoling"]
    assert names[4] == [] and names[5] == []


def test_sample_attachment_lists_kept_as_printed(sample):
    """The Bilag list stays the item's last section, references included; the names above are its titles."""
    lists = [item["sections"][-1]["text"] for item in sample["items"][:4]]
    assert lists[0] == (
        "1. Bilag - Regional strategi 2019, udarbejdet af KKR H (2665333 - EMN-2019-00607)\n"
        "2. Bilag - Kommunalt ejerskab nye erhvervsfremmesystem, notat fra KKR H (2665334 - EMN-2019-00607)\n"
        "3. Bilag, overblik over national erhvervsfremmestrategi og midler erhvervsfremme (2747300 - EMN-2019-00607)")
    assert lists[2] == (
        "1. Notat - Udmøntning af budgetaftale set i lyset af ny lov på beskæftigelsesområdet (2734602 - EMN-2019-00833)\n"
        "2. KL høringssvar vedr. forenkling af beskæftigelsesindsatsen (2691681 - EMN-2019-00833)")
    assert lists[3].count("- EMN-2019-00867)") == 7 and lists[3].endswith("7. En ny Udskoling (2745263 - EMN-2019-00867)")


def test_sample_closed_item_keeps_number_title_access_lines_only(sample):
    closed = sample["items"][5]
    assert {key for key, value in closed.items() if value} == {"number", "title", "access", "lines"}


ATTACHMENTS = [
    ("1.1", "Bilag - Regional strategi 2019, udarbejdet af KKR H", 1, "2665333", [201, 245],
     "Strategi 2019\n\nHovedstadsrådets erhvervsfremmestrategi", "- Forretningsudviklingsforløb |"),
    ("1.2", "Bilag - Kommunalt ejerskab nye erhvervsfremmesystem, notat fra KKR H", 1, "2665334", [249, 375],
     "Forslag til model for kommunalt ejerskab", "Liselotte Hohwy Stockholm, Væksthus Hovedstadsregionen"),
    ("1.3", "Bilag, overblik over national erhvervsfremmestrategi og midler erhvervsfremme", 1, "2747300", [380, 454],
     "Overblik over arbejdsdeling", "Vejledende regional fordeling af decentrale erhvervsfremmemidler"),
    ("2.1", "Notat - Den rehabiliterende indsats på beskæftigelsesområdet", 2, "2629801", [458, 718],
     "Internt notat\n\nBehandling", "at antallet af sager pr. medarbejder nedbringes."),
    ("3.1", "Notat - Udmøntning af budgetaftale set i lyset af ny lov på beskæftigelsesområdet", 3, "2734602", [720, 770],
     "Internt notat\n\nBehandling", "status på forvaltningens bestræbelser på at omsætte budgetaftalens mål og forudsætninger."),
    ("3.2", "KL høringsvar vedr. forenkling af beskæftigelsesindsatsen", 3, "2691681", [774, 1207],
     "Styrelsen for Arbejdsmarked og Rekruttering", "Laila Kildesgaard\n\nHenrik Thomassen"),
    ("4.1", "Kvartalsrapportering EBI - februar 2019", 4, "2747191", [1209, 1576],
     "Gentofte Kommune\n\nKvartalsrapportering", "| | Vallensbæk | 47 | 0,49 |\n\nKilde: Jobindsats.dk"),
    ("4.2", "Nøgletalsbilag EBI", 4, "2744966", [1580, 1795],
     "Målgruppeoversigt\n\n| Målgrupper | 2016 |", "andel i pct. af befolkningen (16-66 år.)."),
    ("4.3", "Integration med særligt fokus på udskoling, uddannelse og beskæftigelse", 4, "2745279", [1799, 1845],
     "Opfølgning på opgaveudvalget for integration", "på 9. og 10. klasses niveau."),
    ("4.4", "Anbringelser", 4, "2745260", [1849, 1887],
     "Opfølgning på opgaveudvalget Anbringelser 2018-4", "helhedsorienteret blik på barnet, den unge og familien."),
    ("4.5", "Boligsocial indsats", 4, "2745250", [1891, 1924],
     "Opfølgning på opgaveudvalget Boligsocial indsats", "mellem kommunen og de almennyttige boligorganisationer."),
    ("4.6", "Detailhandel i Gentofte", 4, "2745255", [1928, 1954],
     "Opfølgning på opgaveudvalget Detailhandel i Gentofte 2018-4", "to tovholdere til det videre arbejde."),
    ("4.7", "En ny Udskoling", 4, "2745263", [1960, 1994],
     "Opfølgning på opgaveudvalget En Ny Udskoling – MIT Campus Gentofte 2018-4",
     "anbefalingerne fra det tidligere opgaveudvalg 'Ny udskoling – MIT Campus'."),
]


STAMP = "- Dette dokument blev genereret af getorganized for SharePoint"
FULL_COVERS = {  # an item's first document: every cover field but title and id, which are fields of their own
    "1.1": ["- Dokument Navn: Bilag - Regional strategi 2019, udarbejdet af KKR H.docx",
            "- Placering: Emnesager/EBI februar 2019 - Gentoftes ønsker til det regionale kapital i den nationale "
            "erhvervsfremmestrategi fra 2020/Dokumenter",
            "- Dagsordens titel Gentoftes ønsker til det regionale kapital i den nationale erhvervsfremmestrategi fra 2020",
            "- Dagsordenspunkt nr 1", "- Appendix nr 1", "- Relaterede Dokumenter: 3", STAMP],
    "2.1": ["- Dokument Navn: Notat - Den rehabiliterende indsats på beskæftigelsesområdet.docx",
            "- Placering: Emnesager/EBI februar 2019 - Den rehabiliterende indsats på beskæftigelsesområdet/Dokumenter",
            "- Dagsordens titel Den rehabiliterende indsats på beskæftigelsesområdet",
            "- Dagsordenspunkt nr 2", "- Appendix nr 1", "- Relaterede Dokumenter: 1", STAMP],
    "4.1": ["- Dokument Navn: Kvartalsrapportering EBI - februar 2019.pdf",
            "- Placering: Emnesager/EBI februar 2019 - kvartalsrapportering/Dokumenter",
            "- Dagsordens titel Kvartalsrapportering", "- Dagsordenspunkt nr 4", "- Appendix nr 1",
            "- Relaterede Dokumenter: 7"],
}
FILE_NAMES = {  # related documents carry their file name only; wrapped names are joined
    "1.2": "Bilag - Kommunalt ejerskab nye erhvervsfremmesystem, notat fra KKR H.pdf",
    "1.3": "Bilag, overblik over national erhvervsfremmestrategi og midler erhvervsfremme.pptx",
    "3.2": "KL høringsvar vedr. forenkling af beskæftigelsesindsatsen.pdf",
    "4.2": "Nøgletalsbilag EBI.pdf", "4.7": "En ny Udskoling.pdf",
}


def split_cover(text: str) -> tuple[list[str], str]:
    """The cover block (the leading list) and the document's own text."""
    cover, _, body = text.partition("\n\n")
    return cover.split("\n"), body


@pytest.mark.parametrize("label, title, item, reference, lines, start, end", ATTACHMENTS)
def test_sample_attachment_documents(sample, label, title, item, reference, lines, start, end):
    document = next(d for d in sample["attachment_documents"] if d["label"] == label)
    assert (document["title"], document["item"], document["reference"], document["lines"]) == (title, item, reference, lines)
    body = split_cover(document["text"])[1]
    assert body.startswith(start)
    assert body.endswith(end)


def test_sample_attachment_cover_lines_open_the_text(sample):
    documents = {d["label"]: d for d in sample["attachment_documents"]}
    assert list(documents) == [a[0] for a in ATTACHMENTS]
    for label, cover in FULL_COVERS.items():
        assert split_cover(documents[label]["text"])[0] == cover
    for label, name in FILE_NAMES.items():
        assert split_cover(documents[label]["text"])[0] == [f"- Dokument Navn: {name}"]
    for document in documents.values():
        text = document["text"]
        assert "Dokument Titel" not in text and "Dokument ID" not in text and "Relateret document" not in text
        assert text.count("Dokument Navn") == 1


def test_sender_case_numbers_stay_in_the_attachment(sample):
    letter = next(d for d in sample["attachment_documents"] if d["label"] == "3.2")
    assert "Sags ID: SAG-2018-07655" in letter["text"]
    assert "SAG-2018-07655" not in json.dumps(sample["items"])
    assert len(sample["items"]) == 6


def test_letter_page_furniture_dropped_once_kept(sample):
    letter = next(d for d in sample["attachment_documents"] if d["label"] == "3.2")["text"]
    assert letter.count("Weidekampsgade 10") == 1
    assert letter.count("Dato: 11. februar 2019") == 1
    assert "Side 1 af 12" not in letter and "Side 12 af 12" not in letter
    assert "KL ser frem til et godt samarbejde om implementeringen." in letter


def test_tables_stay_tables(sample):
    texts = {d["label"]: d["text"] for d in sample["attachment_documents"]}
    assert "| Hele landet | 47.961 | 42.790 | -11% | 1,3 | 1,1 |" in texts["2.1"]
    # a row continued after a page break is one row; list cells without <li> become line-separated entries
    row = next(line for line in texts["1.1"].split("\n") if line.startswith("| Internationalisering |"))
    assert "globale marked.<br>Men internationalisering handler ligeledes" in row
    assert "<br>- Indsatser, der tiltrækker og fastholder virksomheder" in row
    assert "- Samarbejde med uddannelsesinstitutioner<br>- Opsøgende initiativer" in texts["1.1"]
    assert "<ul" not in texts["1.1"] and "<p>" not in texts["1.1"]


def test_detect_is_specific():
    assert gentofte.detect(read_lines(SAMPLE))
    for name in OTHER_FORMATS:
        assert not gentofte.detect(read_lines(SAMPLES / name)), name


def test_parse_is_deterministic_and_json_ready(sample):
    assert json.dumps(parse_document(SAMPLE), sort_keys=True) == json.dumps(sample, sort_keys=True)


# --- synthetic documents: variants of the format ---------------------------------------------

REFERAT = """\

Referat til møde i Teknik- og Miljøudvalget 2018-2021

**Mødetidspunkt 03-11-2020 16:30 - 18:45
Mødeafholdelse Rådhuset, mødesal 2**

Fraværende: Anne Hansen (C)

Indholdsfortegnelse

1 (Åben) Cykelsti langs Bernstorffsvej	2
2 (Lukket) Salg af grund	3
3 (Åben) Trafikplan for en lang vej med et
langt navn	3

1 (Åben) Cykelsti langs Bernstorffsvej

Sags ID: EMN-2020-01234

Resume

Der skal tages stilling til en cykelsti.

Baggrund

Stien er 2 km lang og forbinder to
skoler.

Indstilling

Forvaltningen indstiller, at stien anlægges.

Beslutning

Teknik- og Miljøudvalget den 3. november 2020:

Godkendt.

Fraværende: Anne Hansen (C) og Bo Berg

Tidligere beslutninger:

Økonomiudvalget den 12. oktober 2020, pkt. 4:

Anbefales.

Kommunalbestyrelsen den 26. oktober 2020, pkt. 7:

Godkendt som indstillet.

Bilag

1. Kort over stien (3001 - EMN-2020-01234)
2. Notat om
trafiksikkerhed (3002 - EMN-2020-01234)

2 (Lukket) Salg af grund

Hemmelig tekst om en køber.

3 (Åben) Trafikplan for en lang vej med et
langt navn

Sags ID: EMN-2020-05678

Tidligere
beslutninger:

.

Bilag

Dokument Navn:\tKort over stien.pdf
Dokument Titel:\tKort over stien
Dokument ID:\t3001
Dagsordenspunkt nr\t1
Appendix nr\t1
Relaterede Dokumenter:\t2

Stien vist på kort.

Relateret document 2/2

Dokument Navn: Notat om
trafiksikkerhed.docx

Dokument Titel: Notat om
trafiksikkerhed

Dokument ID: 3002

Sags ID: SAG-2020-999

Ulykker er faldet.

Dokument Navn: Købsaftale.pdf

Dokument Titel: Købsaftale

Dokument ID: 4001

Dagsordenspunkt nr 2

Appendix nr 1

Hemmelig købesum.
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "gentofte-test.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def referat(tmp_path) -> dict:
    return parse_document(write(tmp_path, REFERAT))


def test_synthetic_referat_header(referat):
    assert referat["format"] == "gentofte" and referat["document_kind"] == "referat"
    assert referat["committee"] == "Teknik- og Miljøudvalget 2018-2021" and referat["period"] == "2018-2021"
    assert (referat["date"], referat["start"], referat["end"]) == ("2020-11-03", "16:30", "18:45")
    assert referat["location"] == "Rådhuset, mødesal 2"
    assert referat["absent"] == ["Anne Hansen"]
    assert {"name": "Anne Hansen", "party": "C", "role": "Medlem"} in referat["members"]
    assert {m["name"] for m in referat["members"]} == {"Anne Hansen", "Bo Berg"}


def test_synthetic_decision_absentees_and_earlier_decisions(referat):
    item = referat["items"][0]
    assert item["case_number"] == "EMN-2020-01234"
    assert [s["heading"] for s in item["sections"]] == ["Resume", "Baggrund", "Indstilling", "Bilag"]
    assert item["sections"][1]["text"] == "Stien er 2 km lang og forbinder to skoler."
    assert item["decision_heading"] == "Beslutning"
    assert item["decision"].startswith("Teknik- og Miljøudvalget den 3. november 2020:\n\nGodkendt.")
    assert item["absent"] == ["Anne Hansen", "Bo Berg"]
    assert item["earlier_decisions"] == [
        {"date": "2020-10-12", "body": "Økonomiudvalget", "text": "Anbefales."},
        {"date": "2020-10-26", "body": "Kommunalbestyrelsen", "text": "Godkendt som indstillet."},
    ]
    assert item["attachments"] == ["Kort over stien", "Notat om trafiksikkerhed"]
    assert item["sections"][-1] == {"heading": "Bilag", "text": "1. Kort over stien (3001 - EMN-2020-01234)\n"
                                                                "2. Notat om trafiksikkerhed (3002 - EMN-2020-01234)"}


def test_synthetic_wrapped_title_and_heading(referat):
    item = referat["items"][2]
    assert item["title"] == "Trafikplan for en lang vej med et langt navn"
    assert item["earlier_decisions"] == [] and item["sections"] == [] and item["attachments"] == []


def test_synthetic_closed_item_and_its_attachment_not_output(referat):
    closed = referat["items"][1]
    assert {k: v for k, v in closed.items() if v} == {"number": 2, "title": "Salg af grund", "access": "closed", "lines": [57, 59]}
    output = json.dumps(referat, ensure_ascii=False)
    assert "Hemmelig" not in output and "Købsaftale" not in output
    assert any("closed item 2" in w for w in referat["warnings"])


def test_synthetic_attachments_tab_cover_and_related(referat):
    documents = referat["attachment_documents"]
    assert [(d["label"], d["title"], d["item"], d["reference"], d["text"]) for d in documents] == [
        ("1.1", "Kort over stien", 1, "3001", "- Dokument Navn: Kort over stien.pdf\n- Dagsordenspunkt nr 1\n"
                                              "- Appendix nr 1\n- Relaterede Dokumenter: 2\n\nStien vist på kort."),
        ("1.2", "Notat om trafiksikkerhed", 1, "3002",
         "- Dokument Navn: Notat om trafiksikkerhed.docx\n\nSags ID: SAG-2020-999\n\nUlykker er faldet."),
    ]
    assert [i["number"] for i in referat["items"]] == [1, 2, 3]


def test_dagsorden_with_other_date_and_no_time(tmp_path):
    text = REFERAT.replace("Referat til", "Dagsorden til").replace("03-11-2020 16:30 - 18:45", "7-1-2021")
    document = parse_document(write(tmp_path, text))
    assert (document["document_kind"], document["date"], document["start"], document["end"]) == ("dagsorden", "2021-01-07", None, None)


def test_unknown_attachment_position_is_a_warning(tmp_path):
    text = REFERAT.replace("Dagsordenspunkt nr\t1\n", "")
    document = parse_document(write(tmp_path, text))
    assert any("Dagsordenspunkt nr" in w for w in document["warnings"])


def test_missing_date_names_file_and_line(tmp_path):
    text = REFERAT.replace("**Mødetidspunkt 03-11-2020 16:30 - 18:45\n", "**")
    with pytest.raises(InputError) as error:
        parse_document(write(tmp_path, text))
    problem = error.value.problems[0]
    assert (problem.path.endswith("gentofte-test.txt"), problem.field, problem.line) == (True, "date", 3)
    assert "Mødetidspunkt" in problem.expected


def test_missing_items_names_file_and_line(tmp_path):
    text = REFERAT.split("Indholdsfortegnelse")[0]
    with pytest.raises(InputError) as error:
        parse_document(write(tmp_path, text))
    assert error.value.problems[0].field == "items"
    assert "gentofte-test.txt" in str(error.value)


def test_bad_title_is_an_input_error():
    with pytest.raises(InputError) as error:
        gentofte.parse(["Noget andet", "Mødetidspunkt 03-11-2020 16:30"], "x.txt")
    assert str(error.value).startswith("x.txt:1: title:")


SMALL = """\
Dagsorden til møde i Økonomiudvalget
Mødetidspunkt 15-06-2022 08:00
Mødeafholdelse Udvalgsværelse A

1 (Åben) Budget 2023

Baggrnd

Tekst med <b>fed</b> skrift.

Vurdering

• Første punkt
• Andet punkt

Bilag

1. Budgetnotat uden reference
"""


def test_misspelled_heading_html_bullets_and_warnings(tmp_path):
    document = parse_document(write(tmp_path, SMALL))
    item = document["items"][0]
    assert item["case_number"] is None
    assert item["sections"] == [
        {"heading": "Baggrnd", "text": "Tekst med **fed** skrift."},
        {"heading": "Vurdering", "text": "- Første punkt\n- Andet punkt"},
        {"heading": "Bilag", "text": "1. Budgetnotat uden reference"},
    ]
    assert item["attachments"] == ["Budgetnotat uden reference"]
    assert document["attachment_documents"] == []
    assert document["warnings"] == ["line 18: attachment without '(document id - case)' reference"]


COVERED = """\
Dagsorden til møde i Kulturudvalget
Mødetidspunkt 02-05-2023 17:00
Mødeafholdelse Rådhuset

1 (Åben) Nyt bibliotek

Sags ID: EMN-2023-00010

Baggrund

Biblioteket er for lille.

Bilag

Bilagene eftersendes delvist.
1. Skitseprojekt for et nyt
bibliotek (5001 - EMN-2023-00010)

Dokument Navn: Skitseprojekt for et nyt
bibliotek.pdf

Dokument Titel: Skitseprojekt for et nyt
bibliotek

Dokument ID: 5001

Placering: Emnesager/KU maj 2023 -
Nyt bibliotek/Dokumenter

Dagsordens titel Nyt bibliotek

Dagsordenspunkt nr 1

Appendix nr 1

Relaterede Dokumenter: 1

Dette dokument blev genereret af  getorganized
for SharePoint

Skitsen viser tre etager.
"""


def test_cover_lines_wrapped_values_and_bilag_text_are_kept(tmp_path):
    document = parse_document(write(tmp_path, COVERED))
    item = document["items"][0]
    assert item["attachments"] == ["Skitseprojekt for et nyt bibliotek"]
    assert item["sections"][-1] == {"heading": "Bilag", "text": "Bilagene eftersendes delvist.\n\n"
                                    "1. Skitseprojekt for et nyt bibliotek (5001 - EMN-2023-00010)"}
    assert document["warnings"] == ["line 15: line under Bilag is not a numbered attachment; kept as text"]
    [attachment] = document["attachment_documents"]
    assert (attachment["label"], attachment["title"], attachment["item"], attachment["reference"]) == (
        "1.1", "Skitseprojekt for et nyt bibliotek", 1, "5001")
    assert attachment["text"] == (
        "- Dokument Navn: Skitseprojekt for et nyt bibliotek.pdf\n"
        "- Placering: Emnesager/KU maj 2023 - Nyt bibliotek/Dokumenter\n"
        "- Dagsordens titel Nyt bibliotek\n- Dagsordenspunkt nr 1\n- Appendix nr 1\n- Relaterede Dokumenter: 1\n"
        "- Dette dokument blev genereret af getorganized for SharePoint\n\n"
        "Skitsen viser tre etager.")
