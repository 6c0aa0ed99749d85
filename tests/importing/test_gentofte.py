"""The Gentofte format: the sample agenda and documents of each layout pinned fact by fact
(``documents/gentofte/``: a referat of 2016, dagsordener of 2013-14, a one-line-per-page
transcript; all invented), the same facts from other converters' renderings, and small
synthetic variants of the format."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kommunearkiv.errors import InputError
from kommunearkiv.importing import gentofte, parse_document, read_lines
from kommunearkiv.importing.normalise import normalise

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SAMPLE = SAMPLES / "003_c3c2bf34dd240c20.txt"
OTHER_FORMATS = ["000_3332dcdc48fec7d8.txt", "002_bf32f3cdd748dc20.txt", "004_e014b426b53ea594.txt"]
DOCUMENTS = Path(__file__).resolve().parent / "documents" / "gentofte"
REFERAT_2016 = DOCUMENTS / "referat_2016_teknik.txt"
DAGSORDEN_2013 = DOCUMENTS / "dagsorden_2013_byplan.txt"
DAGSORDEN_KB_2014 = DOCUMENTS / "dagsorden_2014_kb.txt"
TRANSCRIPT_2014 = DOCUMENTS / "dagsorden_2014_social_transcript.txt"
TRANSCRIPT_2015 = DOCUMENTS / "referat_2015_kb_transcript.txt"


def normalised(path: Path):
    return normalise("\n".join(read_lines(path)))


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
        "file": "003_c3c2bf34dd240c20.txt", "lines": [1, 1994], "kind": "text"}  # the last line with text
    assert sample["substitutes"] == [] and sample["incomplete"] is None
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
    ("3.2", "KL høringsvar vedr. forenkling af beskæftigelsesindsatsen", 3, "2691681", [774, 1192],
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
    row = next(line for line in texts["1.1"].split("\n") if line.startswith("| Internationalisering |"))
    assert "styrke hovedstadens virksomheder i den internationale konkurrence" in row
    assert "<ul" not in texts["1.1"] and "<p>" not in texts["1.1"]


@pytest.mark.parametrize("path", [SAMPLE, REFERAT_2016, DAGSORDEN_2013, DAGSORDEN_KB_2014, TRANSCRIPT_2014, TRANSCRIPT_2015],
                         ids=lambda p: p.stem)
def test_detect_claims_every_layout(path):
    assert gentofte.detect(normalised(path))


@pytest.mark.parametrize("name", OTHER_FORMATS)
def test_detect_claims_no_other_format(name):
    assert not gentofte.detect(normalised(SAMPLES / name))


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
    text = "GENTOFTE KOMMUNE\n" + REFERAT.split("Indholdsfortegnelse")[0]
    with pytest.raises(InputError) as error:
        parse_document(write(tmp_path, text))
    assert error.value.problems[0].field == "items"
    assert "gentofte-test.txt" in str(error.value)


def test_bad_title_is_an_input_error():
    with pytest.raises(InputError) as error:
        gentofte.parse(normalise("Noget andet\nMødetidspunkt 03-11-2020 16:30\n\n1 (Åben) Punkt"), "x.txt")
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
    assert item["attachments"] == ["Budgetnotat uden reference"]  # the 2013-14 lists carry no references
    assert document["attachment_documents"] == []
    assert document["warnings"] == []


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


# --- the referat layout (2014 on): attendance, substitutes, decisions ---------------------------

@pytest.fixture(scope="module")
def referat_2016() -> dict:
    return parse_document(REFERAT_2016)


def test_referat_header(referat_2016):
    header = {key: referat_2016[key] for key in ("format", "municipality", "document_kind", "committee", "period",
                                                  "date", "start", "end", "location")}
    assert header == {"format": "gentofte", "municipality": "Gentofte Kommune", "document_kind": "referat",
                      "committee": "Teknik- og Miljøudvalget", "period": None, "date": "2016-03-14",
                      "start": "17:00", "end": "19:10", "location": "Udvalgsværelse C"}
    assert referat_2016["warnings"] == [] and referat_2016["incomplete"] is None


def test_referat_attendance_and_substitutes(referat_2016):
    present = ["Birgitte Holm", "Jens Aagaard", "Lise Kampmann", "Torben Vinding", "Mette Skou"]
    assert referat_2016["members"] == (
        [{"name": name, "party": None, "role": "Medlem"} for name in present]
        + [{"name": name, "party": None, "role": "Medlem"} for name in ("Anders Brix", "Hanne Lykke")])
    assert referat_2016["absent"] == ["Anders Brix", "Hanne Lykke"]
    assert referat_2016["substitutes"] == [{"name": "Karl Wendt", "party": None, "replaces": "Anders Brix"},
                                           {"name": "Sofie Rahbek", "party": None, "replaces": "Hanne Lykke"}]


def test_referat_items(referat_2016):
    heads = [(i["number"], i["access"], i["case_number"], i["title"]) for i in referat_2016["items"]]
    assert heads == [
        (1, "open", "EMN-2016-00412", "Meddelelser fra formanden"),
        (2, "open", "EMN-2016-00087", "Cykelparkering ved Hellerup Station, anlægsbevilling"),
        (3, "open", "EMN-2015-03310", "Ny ordning for indsamling af haveaffald i villaområderne efter høringsperioden"),
        (4, "open", "EMN-2016-00140", "Trafiksikkerhedsplan 2016-2019"),
        (5, "closed", None, "Ekspropriation af vejareal ved Ordrupvej"),
        (6, "open", "EMN-2016-00413", "Meddelelser fra forvaltningen og spørgsmål fra medlemmerne"),
    ]
    decisions = [i["decision"] for i in referat_2016["items"]]
    assert decisions[1] == "Indstilling godkendt.\n\nFraværende: Torben Vinding"
    assert decisions[2] == "Godkendt med den ændring, at ordningen indføres fra 1. juni 2016.\n\nSofie Rahbek tog forbehold."
    assert decisions[3] == "Udsat til næste møde." and decisions[4] is None
    assert [i["absent"] for i in referat_2016["items"]] == [[], ["Torben Vinding"], [], [], [], []]


def test_referat_sections_keep_prose_that_starts_with_a_heading_word(referat_2016):
    item = referat_2016["items"][1]
    assert [s["heading"] for s in item["sections"]] == ["Resumé", "Baggrund", "Økonomi", "Indstilling", "Bilag"]
    assert "Beslutning om den endelige placering skal træffes" in item["sections"][1]["text"]
    assert item["decision_heading"] == "Beslutning"
    assert "Beslutning om gebyret træffes" in referat_2016["items"][2]["sections"][1]["text"]


def test_referat_earlier_decisions_and_attachments(referat_2016):
    item = referat_2016["items"][1]
    assert item["earlier_decisions"] == [
        {"date": "2016-02-15", "body": "Økonomiudvalget", "text": "Anbefales."},
        {"date": "2016-02-29", "body": "Kommunalbestyrelsen",
         "text": "Godkendt. Lise Kampmann ønskede sagen behandlet igen i udvalget."},
    ]
    assert item["attachments"] == ["Oversigtskort over de to anlæg",
                                   "Notat om tællinger af cykler ved stationen i efteråret 2015"]
    assert referat_2016["items"][2]["attachments"] == ["Høringssvar samlet"]
    documents = [(d["label"], d["title"], d["item"], d["reference"]) for d in referat_2016["attachment_documents"]]
    assert documents == [("2.1", "Oversigtskort over de to anlæg", 2, "1804411"),
                         ("2.2", "Notat om tællinger af cykler ved stationen i efteråret 2015", 2, "1804412"),
                         ("3.1", "Høringssvar samlet", 3, "1799230")]


def test_a_referat_that_stops_early_is_incomplete_and_not_padded(tmp_path):
    text = REFERAT_2016.read_text(encoding="utf-8")
    cut = text[:text.index("4 (Åben) Trafiksikkerhedsplan 2016-2019\n\nSags ID")]
    document = parse_document(write(tmp_path, cut))
    assert [i["number"] for i in document["items"]] == [1, 2, 3]
    assert document["incomplete"] == {
        "line": cut.rstrip().count("\n") + 1,
        "missing": "items 4 (Trafiksikkerhedsplan 2016-2019), 6 (Meddelelser fra forvaltningen og spørgsmål fra "
                   "medlemmerne) of the table of contents"}
    assert any("the text ends here" in warning for warning in document["warnings"])


# --- the dagsorden layout of 2013-14: Mødedato, case ids, closed parts ---------------------------

@pytest.fixture(scope="module")
def dagsorden_2013() -> dict:
    return parse_document(DAGSORDEN_2013)


def test_dagsorden_2013_header(dagsorden_2013):
    assert (dagsorden_2013["document_kind"], dagsorden_2013["committee"], dagsorden_2013["date"],
            dagsorden_2013["start"], dagsorden_2013["end"], dagsorden_2013["location"]) == (
        "dagsorden", "Byplanudvalget", "2013-09-09", "17:30", None, "Udvalgsværelse B")
    assert dagsorden_2013["members"] == [] and dagsorden_2013["absent"] == [] and dagsorden_2013["substitutes"] == []
    assert dagsorden_2013["warnings"] == []


def test_dagsorden_2013_items_and_closed_part(dagsorden_2013):
    heads = [(i["number"], i["access"], i["case_number"], i["title"]) for i in dagsorden_2013["items"]]
    assert heads == [
        (1, "open", "021455-2013", "Lokalplan 361 for Skovgårdsvej 12-14. Forslag"),
        (2, "open", "030112-2013", "Bevaringsværdige bygninger i Dyssegård, registrering og udpegning"),
        (3, "open", "029877-2013", "Carport på Mosevej 7, dispensation fra lokalplan 88"),
        (4, "open", "018811-2013", "Meddelelser fra formanden/forvaltningen og spørgsmål fra medlemmerne"),
        (5, "closed", None, "Forkøbsret til ejendom"),
        (6, "closed", None, "Meddelelser fra formanden/forvaltningen og spørgsmål fra medlemmerne"),
        (7, "closed", None, "Personalesag"),  # under Personsager, listed in the table of contents only
    ]
    assert dagsorden_2013["items"][6]["lines"] == [44, 44]
    for item in dagsorden_2013["items"][4:]:
        assert {key for key, value in item.items() if value} == {"number", "title", "access", "lines"}


def test_dagsorden_2013_fields(dagsorden_2013):
    first, second = dagsorden_2013["items"][:2]
    assert [s["heading"] for s in first["sections"]] == ["Resumé", "Baggrund", "Indstilling", "Bilag"]
    assert first["sections"][1]["text"].endswith("Beslutning om at udarbejde forslaget blev truffet af udvalget i marts 2013.")
    assert first["attachments"] == ["Lokalplanforslag 361 (kortbilag)", "Skitser fra ansøger"]
    assert all(item["decision"] is None for item in dagsorden_2013["items"])
    assert second["earlier_decisions"] == [
        {"date": "2013-06-10", "body": "Byplanudvalget", "text": "Sagen udsat til efter sommerferien."}]


def test_dagsorden_2014_earlier_decisions_and_one_without_text(tmp_path):
    document = parse_document(DAGSORDEN_KB_2014)
    assert (document["committee"], document["date"], document["start"], document["location"]) == (
        "Kommunalbestyrelsen", "2014-12-15", "18:00", "Rådssalen")
    assert [(i["number"], i["access"], i["case_number"]) for i in document["items"]] == [
        (1, "open", "041200-2014"), (2, "open", "038817-2014"), (3, "open", "040051-2014"),
        (4, "open", "040390-2014"), (5, "closed", None)]
    assert document["items"][1]["earlier_decisions"] == [
        {"date": "2014-11-24", "body": "Kultur-, Unge- og Fritidsudvalget", "text": "Anbefales."},
        {"date": "2014-12-08", "body": "Økonomiudvalget", "text": "Anbefales, idet udvalget bad om en tidsplan for arbejdet."}]
    assert document["items"][2]["earlier_decisions"] == []
    assert document["warnings"] == ["line 97: earlier decision of Økonomiudvalget (2014-12-08) quotes no text; left out"]
    assert document["items"][3]["attachments"] == ["Låneoversigt"]


def test_transcript_one_line_per_page(tmp_path):
    document = parse_document(TRANSCRIPT_2014)
    assert (document["committee"], document["date"], document["start"], document["location"]) == (
        "Socialudvalget", "2014-11-03", None, "Udvalgsværelse A")  # the transcript lost the time
    assert [(i["number"], i["access"], i["case_number"], i["title"]) for i in document["items"]] == [
        (1, "open", "035512-2014", "Handleplan for hjemløse"),
        (2, "open", "036090-2014", "Botilbuddet Kildevang, ny døgnstruktur"),
        (3, "open", "030204-2014", "Meddelelser fra formanden/forvaltningen og spørgsmål fra medlemmerne"),
        (4, "closed", None, "Klage over afgørelse om støtte"),  # its number lost: the one between 3 and 5
        (5, "closed", None, "Meddelelser fra formanden/forvaltningen og spørgsmål fra medlemmerne"),
    ]
    first, second = document["items"][:2]
    assert [s["heading"] for s in first["sections"]] == ["Resumé", "Baggrund", "Indstilling", "Bilag"]
    assert first["sections"][1]["text"].startswith("Beslutning om en samlet plan blev efterlyst")
    assert first["attachments"] == ["Handleplan for hjemløse 2014-2016"]
    assert [s["heading"] for s in second["sections"]] == ["Resumé", "Baggrund", "Indstilling"]
    assert second["earlier_decisions"] == [{"date": "2014-10-06", "body": "Socialudvalget", "text": "Sagen udsat."}]
    assert document["warnings"] == [] and document["incomplete"] is None


def test_another_municipality_is_refused(tmp_path):
    with pytest.raises(InputError) as error:
        parse_document(REFERAT_2016, municipality="Allerød Kommune")
    assert error.value.problems[0].field == "municipality"
    text = REFERAT_2016.read_text(encoding="utf-8").replace("GENTOFTE KOMMUNE", "BALLERUP KOMMUNE")
    with pytest.raises(InputError) as error:
        parse_document(write(tmp_path, text))
    assert str(error.value.problems[0]).endswith(":1: municipality: Gentofte Kommune (the layout is Gentofte's), "
                                                 "found 'Ballerup Kommune'")
    assert parse_document(REFERAT_2016, municipality="Gentofte Kommune")["municipality"] == "Gentofte Kommune"


# --- the same documents as other converters give them -------------------------------------------

BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)


def without_bold(text: str) -> str:
    return text.replace("**", "")


def html_tagged(text: str) -> str:
    """Each line in ``<p>``, bold runs as ``<b>`` on every line they cover."""
    text = BOLD.sub(lambda m: "\n".join(f"<b>{line}</b>" if line.strip() else line for line in m[1].split("\n")), text)
    return "\n".join(f"<p>{line}</p>" if line.strip() and "\t" not in line else line for line in text.split("\n"))


def with_furniture(text: str, page_lines: int = 40) -> str:
    """A footer ``Side N af M``, a form feed and a running header at a blank line every ``page_lines`` lines."""
    lines, out, count = text.split("\n"), [], 0
    breaks = [i for i, line in enumerate(lines) if not line.strip() and i and i % page_lines < 3]
    total = len(breaks) + 1
    for index, line in enumerate(lines):
        if index in breaks:
            count += 1
            out += [f"Side {count} af {total}", "\fGentofte Kommune 2. marts 2016", ""]
        out.append(line)
    return "\n".join(out + [f"Side {total} af {total}"])


def one_line_per_page(text: str, page_lines: int = 45) -> str:
    """A transcript: markup dropped, each page's lines joined by spaces, the page number in front."""
    plain = [" ".join(re.sub(r"</?\w+[^>]*>|\*\*", " ", line).replace("\t", " ").split()) for line in text.split("\n")]
    plain = [line for line in plain if line]
    pages = [" ".join(plain[i:i + page_lines]) for i in range(0, len(plain), page_lines)]
    return "\n\n".join(f"{n} {page} Side {n} af {len(pages)}" for n, page in enumerate(pages, start=1))


def crlf_nbsp(text: str) -> str:
    spaces = iter(range(10**9))
    return re.sub(" ", lambda m: "\u00a0" if next(spaces) % 4 == 0 else " ", text).replace("\n", "\r\n")


VARIANTS = {f.__name__: f for f in (without_bold, html_tagged, with_furniture, one_line_per_page, crlf_nbsp)}
VARIANT_CASES = [(path, name) for path in (SAMPLE, REFERAT_2016, DAGSORDEN_2013, DAGSORDEN_KB_2014, TRANSCRIPT_2014)
                 for name in VARIANTS if not (path == TRANSCRIPT_2014 and name == "one_line_per_page")]
VARIANT_CASES += [(TRANSCRIPT_2015, name) for name in ("html_tagged", "crlf_nbsp")]


def words(text: str | None) -> str | None:
    return " ".join(re.sub(r"[*_#|]", "", text or "").split()) or None


def facts(document: dict) -> dict:
    keys = ("committee", "document_kind", "date", "start", "end", "location", "absent", "substitutes", "incomplete")
    return {**{key: document[key] for key in keys},
            "members": sorted((m["name"], m["party"], m["role"]) for m in document["members"]),
            "items": [(i["number"], words(i["title"]), i["case_number"], i["access"], i["item_type"], words(i["decision"]),
                       [(d["date"], d["body"], words(d["text"])) for d in i["earlier_decisions"]], i["absent"],
                       [words(name) for name in i["attachments"]]) for i in document["items"]],
            "attachment_documents": [(d["label"], words(d["title"]), d["item"], d["reference"])
                                     for d in document["attachment_documents"]]}


@pytest.mark.parametrize(("path", "name"), VARIANT_CASES, ids=[f"{p.stem[:14]}-{n}" for p, n in VARIANT_CASES])
def test_a_converter_variant_has_the_facts_of_the_original(tmp_path, path, name):
    original = facts(parse_document(path))
    variant = tmp_path / path.name
    variant.write_text(VARIANTS[name](path.read_text(encoding="utf-8")), encoding="utf-8", newline="")
    assert facts(parse_document(variant)) == original


def test_a_number_inside_a_listed_title_is_not_an_entry(tmp_path):
    text = DAGSORDEN_2013.read_text(encoding="utf-8").replace(
        "3 Carport på Mosevej 7, dispensation fra lokalplan 88", "3 Carport på Mosevej 7, 24 Boliger i lokalplan 88")
    document = parse_document(write(tmp_path, text))
    assert [i["number"] for i in document["items"]] == [1, 2, 3, 4, 5, 6, 7]
    assert document["incomplete"] is None and document["warnings"] == []


def test_a_repeated_item_number_in_the_body_keeps_every_item(tmp_path):
    text = REFERAT.replace("3 (Åben) Trafikplan for en lang vej med et\nlangt navn\n\nSags ID",
                           "2 (Åben) Trafikplan for en lang vej med et\nlangt navn\n\nSags ID")
    document = parse_document(write(tmp_path, text))
    assert [(i["number"], i["access"]) for i in document["items"]] == [(1, "open"), (2, "closed"), (2, "open")]
    assert any("item 2 follows item 2" in warning for warning in document["warnings"])
    assert document["incomplete"] is None  # the table of contents' item 3 is there, under its title


def test_a_time_lost_by_the_transcript_is_read_from_the_table_of_contents(tmp_path):
    text = REFERAT_2016.read_text(encoding="utf-8").replace("Mødetidspunkt 14-03-2016 17:00", "Mødetidspunkt")
    document = parse_document(write(tmp_path, text))
    assert (document["date"], document["start"], document["end"]) == ("2016-03-14", "17:00", "19:10")
    assert document["warnings"] == ["line 16: the meeting's date read from the table of contents"]


def test_referat_transcript_one_line_per_page():
    document = parse_document(TRANSCRIPT_2015)
    assert (document["document_kind"], document["committee"], document["date"], document["start"], document["end"],
            document["location"]) == ("referat", "Kommunalbestyrelsen", "2015-09-28", "18:00", "21:05", "Rådssalen")
    assert [m["name"] for m in document["members"]] == [
        "Ole Dam", "Ann-Kathrine Lund", "Marie-Louise Holt", "Jens Kjær", "Lone Vind"]
    assert document["absent"] == ["Jens Kjær", "Lone Vind"]
    assert document["substitutes"] == [{"name": "Per B. Andersen", "party": None, "replaces": "Jens Kjær"},
                                       {"name": "Gitte H. Borg", "party": None, "replaces": "Lone Vind"}]
    assert [(i["number"], i["access"], i["case_number"], i["title"]) for i in document["items"]] == [
        (1, "open", None, "Meddelelser fra formanden"),
        (2, "open", "EMN-2015-01120", "Lokalplan 370 for Ved Stadion 10 - 14. Endelig vedtagelse"),
        (3, "closed", None, "Salg af ejendom"),
        (4, "open", "EMN-2015-00900", "Budget 2016 - 2. behandling"),
    ]
    first, second, _, fourth = document["items"]
    assert first["decision"] == "Borgmesteren orienterede om besøget fra venskabsbyen."
    assert second["decision"] == "Godkendt.\nFraværende: Ole Dam (stedfortræder: Kim Lind)"
    assert second["absent"] == ["Ole Dam"]
    assert second["earlier_decisions"] == [{"date": "2015-09-21", "body": "Økonomiudvalget", "text": "Anbefales."}]
    assert second["attachments"] == ["Lokalplan 370", "Høringsnotat"]
    assert fourth["decision"] == "Vedtaget med 17 stemmer mod 2." and fourth["attachments"] == []
    assert document["warnings"] == [] and document["incomplete"] is None


def test_a_place_wrapped_before_its_letter_is_read_whole(tmp_path):
    """A converter that re-flows the bold header block may wrap "Udvalgsværelse D" before the D."""
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "**Mødetidspunkt 28-02-2019 17:00\nMødeafholdelse Udvalgsværelse D**",
        "**Mødetidspunkt 28-02-2019 17:00 Mødeafholdelse Udvalgsværelse\nD**")
    assert "Udvalgsværelse\nD**" in text
    assert parse_document(write(tmp_path, text))["location"] == "Udvalgsværelse D"
