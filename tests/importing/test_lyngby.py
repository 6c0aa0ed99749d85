"""The Lyngby-Taarbæk importer on the real sample and on small documents written here."""
import json
import re
from pathlib import Path

import pytest

from kommunearkiv.errors import InputError
from kommunearkiv.importing import lyngby, parse_document, read_lines

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SAMPLE = SAMPLES / "004_e014b426b53ea594.txt"
COMMITTEE = "Erhvervs- og Beskæftigelsesudvalget"
DECIDED = f"{COMMITTEE} den 18. februar 2014"
ABSENT = ["Henrik Brade Johansen"]


@pytest.fixture(scope="module")
def meeting() -> dict:
    return parse_document(SAMPLE)


def item(meeting: dict, number: int) -> dict:
    return next(i for i in meeting["items"] if i["number"] == number)


def words(text: str) -> str:
    """Only letters and digits, single-spaced: for finding source text in Markdown output."""
    return " ".join(re.findall(r"\w+", text.replace("**", "").lower()))


# --- the sample ---------------------------------------------------------------------------------

def test_sample_header(meeting):
    assert (meeting["format"], meeting["municipality"]) == ("lyngby", "Lyngby-Taarbæk Kommune")
    assert meeting["committee"] == COMMITTEE and meeting["period"] is None
    assert (meeting["document_kind"], meeting["date"], meeting["start"], meeting["end"]) == ("protokol", "2014-02-18", "08:15", None)
    assert meeting["location"] == "Udvalgsværelse 1"
    assert {k: meeting["source"][k] for k in ("file", "lines", "kind")} == {"file": SAMPLE.name, "lines": [1, 2742], "kind": "text"}
    assert meeting["warnings"] == [] and meeting["signed_by"] == [] and meeting["meeting_number"] is None


def test_sample_members_absent_and_other_attendees(meeting):
    names = ["Anne Jeremiassen", "Curt Købsted", "Hanne Agersnap", "Ib Carlsen", "Jakob Engel-Schmidt",
             "Karsten Lomholt", "Henrik Brade Johansen"]
    assert meeting["members"] == [{"name": n, "party": None, "role": "Medlem"} for n in names]
    assert meeting["absent"] == ABSENT
    assert meeting["other_attendees"] == [
        "Direktør Bjarne Holm Markussen", "Centerchef Anne Søgaard Andersen", "Stabschef Pernille Kvarning",
        "Udviklingskonsulent Randi Frydensberg Hede",
        "Afdelingschef Marie Toftdahl og økonomisk konsulent Anne Foersom deltog under punkt 1",
        "Udvalgssekretær Louise Angelo",
    ]


SAMPLE_ITEMS = [
    (1, "Introduktion til Erhvervs- og Beskæftigelsesudvalget", [66, 89], ["Oplæg"],
     "Taget til efterretning.", "Taget til efterretning.", ["Introduktionsoplæg"]),
    (2, "Benchmarkinganalyse af jobcentre", [90, 128],
     ["Sagsfremstilling", "Økonomiske konsekvenser", "Beslutningskompetence", "Indstilling"],
     "Taget til efterretning.", "Taget til efterretning.", ["Jobcenterbenchmark 2013"]),
    (3, "Implementering af kontanthjælpsreform", [129, 241],
     ["Sagsfremstilling", "Økonomiske konsekvenser", "Beslutningskompetence", "Indstilling"],
     "Ad 1. Godkendt.", "indtil modgående initiativ er besluttet.",
     ["Økonomiske konsekvenser af kontanthjælpsreformen", "Ny organisering af indsatsen på kontanthjælpsområdet",
      "Ny strategi for indsatsen på kontanthjælpsområdet", "Modgående initiativ, businesscase",
      "Kontanthjælpspjece - Unge", "Kontanthjælpspjece - Voksne"]),
    (4, "Aftale om budgetlægning 2015-18 - Erhvervs- og Beskæftigelsesudvalgets område", [242, 271],
     ["Sagsfremstilling", "Økonomiske konsekvenser", "Indstilling"],
     "Udvalget anmoder forvaltningen om forslag til budgettet", "tilvejebringe valgmuligheder for udvalget.",
     ["Lyngby-Taarbæk-aftalen. Hovedelementer i aftale om budgetlægningen – 2015-2018"]),
    (5, "Anmodning om optagelse af sag på dagsordenen om virksomheders henvendelser, kontakt med handelslivet "
        "og udvalgets ekskursioner", [272, 299], ["Sagsfremstilling"],
     "Ad 1. Udvalget anmodede forvaltningen", "Ad 3. Drøftet, idet koordinationen i udvalget sker via formanden.",
     ["svar på spørgsmål om virksomheder"]),
    (6, "Meddelelser til udvalgets medlemmer - februar 2014", [300, 379],
     ["1. Lyngby-Taarbæk på Erhvervskortet", "2. Vækstplan for dansk turisme", "3. Aftale om sygedagpengereform",
      "4. Bevilling af midler til opsøgende indsats for ægtefælleforsørgede indvandrere"],
     "Taget til efterretning, idet udvalget", "til små og mellemstore virksomheder.",
     ["De syv forlængelsesbestemmelser"]),
]


@pytest.mark.parametrize("number, title, lines, headings, starts, ends, attachments", SAMPLE_ITEMS)
def test_sample_items(meeting, number, title, lines, headings, starts, ends, attachments):
    found = item(meeting, number)
    assert (found["title"], found["lines"], found["access"]) == (title, lines, "open")
    assert (found["case_number"], found["item_type"], found["earlier_decisions"]) == (None, None, [])
    assert [s["heading"] for s in found["sections"]] == headings
    assert found["decision_heading"] == DECIDED
    assert found["decision"].startswith(starts) and found["decision"].endswith(ends)
    assert found["absent"] == ABSENT and found["attachments"] == attachments


def test_only_the_contents_entries_are_items(meeting):
    """The numbered notices inside "Meddelelser" are sections of item 6, not items."""
    assert [i["number"] for i in meeting["items"]] == [1, 2, 3, 4, 5, 6]
    notices = item(meeting, 6)["sections"]
    assert notices[0]["text"].startswith("I efteråret 2012 henvendte Copenhagen Capcity")
    assert notices[2]["text"].endswith("når aftalen er blevet vedtaget ved lov.")


def test_sample_section_markdown(meeting):
    oplaeg = item(meeting, 1)["sections"][0]["text"]
    assert "herunder:\n\n- Indkomsterstøttede ydelser\n- Aktiv indsats\n- Økonomistyring\n\nPlancher" in oplaeg
    sag = item(meeting, 3)["sections"][0]["text"]
    assert "- Tværgående tiltag, herunder:\n    - Timing og dosering af indsatsen" in sag
    assert "ikke-forsikrede, som understøtter retningen" in sag  # wrap across a blank line re-joined
    assert "┆" not in sag and "- 1 " not in sag
    economy = item(meeting, 3)["sections"][1]["text"]
    assert "| Økonomiske konsekvenser LTK i 1.000 kr. | 2014 | 2015 | 2016 | 2017 |" in economy
    assert "| Samlet budgetudfordring, netto | 4.637 | 5.045 | 4.808 | 5.175 |" in economy
    assert item(meeting, 3)["decision"].count("\n\n") == 2


SAMPLE_DOCUMENTS = [
    ("1.1", "Introduktionsoplæg", 1, [383, 723], "LYNGBY-TAARBÆK KOMMUNE", "Økonomisk sammenhæng på beskæftigelsesområdet"),
    ("2.1", "Jobcenterbenchmark 2013", 2, [727, 1565], "Jobcenterbenchmark 2013", "er hentet fra jobindsats.dk."),
    ("3.1", "Økonomiske konsekvenser af kontanthjælpsreformen", 3, [1567, 1670], "N O T A T",
     "| Samlet budgetudfordring i 1.000 kr. | 2.001 | 2.075 | 2.486 | 2.583 |"),
    ("3.2", "Ny organisering af indsatsen på kontanthjælpsområdet", 3, [1672, 1703], "Journalnr. :",
     "relevant tilbud på en ordinær uddannelsesinstitution."),
    ("3.3", "Ny strategi for indsatsen på kontanthjælpsområdet", 3, [1705, 1937], "NOTAT",
     "evt. med tilknytning af en personlig jobformidler."),
    ("3.4", "Modgående initiativ, businesscase", 3, [1939, 1988], "Journalnr. :",
     "| Samlet årlig besparelse kr. | 1.302.483 |"),
    ("3.5", "Kontanthjælpspjece - Unge", 3, [1992, 2279], "REFORM AF KONTANTHJÆLPS- SYSTEMET", "AMS.DK ELLER BM.DK"),
    ("3.6", "Kontanthjælpspjece - Voksne", 3, [2283, 2567], "REFORM AF KONTANTHJÆLPS- SYSTEMET", "AMS.DK ELLER BM.DK"),
    ("4.1", "Lyngby-Taarbæk-aftalen. Hovedelementer i aftale om budgetlægningen – 2015-2018", 4, [2569, 2643],
     "Hovedelementer i aftale om budgetlægningen – 2015-2018", "årets budgetforhandlinger."),
    ("5.1", "svar på spørgsmål om virksomheder", 5, [2645, 2708], "Svar\n\nSvar den 13-02-2014",
     "Exceldatabase til brug for fordeling af selskabsskat |"),
    ("6.1", "De syv forlængelsesbestemmelser", 6, [2710, 2742], "De 7 forlængelsesbestemmelser i sygedagpengeloven § 27",
     "frem til der træffes afgørelse om førtidspension."),
]


def test_sample_attachment_documents(meeting):
    found = [(d["label"], d["title"], d["item"], d["lines"]) for d in meeting["attachment_documents"]]
    assert found == [(label, title, number, lines) for label, title, number, lines, _, _ in SAMPLE_DOCUMENTS]
    for document, (*_, starts, ends) in zip(meeting["attachment_documents"], SAMPLE_DOCUMENTS):
        assert document["reference"] is None
        assert document["text"].startswith(starts) and document["text"].endswith(ends), document["label"]
    assert "Bilag 1 - Side -2 af 4" not in meeting["attachment_documents"][9]["text"]  # page numbers dropped


def output_text(meeting: dict) -> str:
    parts = [meeting["committee"], meeting["location"] or "", *meeting["other_attendees"]]
    for found in meeting["items"]:
        parts += [found["title"], found["decision_heading"] or "", found["decision"] or "", *found["attachments"]]
        parts += [f"{s['heading']}\n{s['text']}" for s in found["sections"]]
        parts += [f"{e['body']}\n{e['text']}" for e in found["earlier_decisions"]]
    parts += [d["text"] for d in meeting["attachment_documents"]]
    return words("\n".join(parts))


def test_every_sample_sentence_is_kept_once(meeting):
    """Every line of items and attachments is in the output; long lines exactly as often as in the source."""
    source = read_lines(SAMPLE)
    out = output_text(meeting)
    structure = re.compile(r"^(bilagsfortegnelse|var fraværende|henrik brade johansen|bilag \d+ side \d+ af \d+)$")
    first = meeting["items"][0]["lines"][0] - 1
    whole_source = words("\n".join(source[first:]))
    lines = [words(line) for line in source[first:] if words(line)]
    # "N. Title" lines are item titles and listed attachment names, kept without their number
    text_lines = [line for line in lines if not structure.match(line) and not re.fullmatch(r"\d+ .*", line)]
    assert [line for line in text_lines if line not in out] == []
    for line in {line for line in text_lines if len(line) > 60}:
        assert out.count(line) == whole_source.count(line), line


def test_detect_claims_only_lyngby_samples():
    claims = {path.name: lyngby.detect(read_lines(path)) for path in sorted(SAMPLES.glob("*.txt"))}
    assert claims == {"000_3332dcdc48fec7d8.txt": False, "002_bf32f3cdd748dc20.txt": False,
                      "003_c3c2bf34dd240c20.txt": False, "004_e014b426b53ea594.txt": True}


def test_same_input_same_output():
    assert json.dumps(parse_document(SAMPLE)) == json.dumps(parse_document(SAMPLE))


# --- small documents written here -----------------------------------------------------------------

SYNTHETIC = """
Teknik- og Miljøudvalget 2018-2021

Dagsorden

03-09-2019 kl. 16:30 - 18:00

Mødesal 2

Medlemmer

Ole Hansen (formand)

deltog

Birgit Jensen (V)

deltog

Carl Nielsen, næstformand

var fraværende

Derudover deltog

Direktør Eva Holm

Indholdsfortegnelse

1. [Vejbelysning på Stationsvej (Beslutning)](#)
2. [Lukket punkt: Køb af ejendom](#)
3. [Orientering om trafiktælling](#)

1. Vejbelysning på Stationsvej (Beslutning)

Sagsnr.: 2019/04711

Sagsfremstilling

Vejbelysningen på Stationsvej er nedslidt og skal udskiftes i
2020, så strækningen igen er sikker.

Sagsfremstiling

Den stavefejlede overskrift skal også genkendes.

Økonomiudvalget den 12. august 2019

Anbefalet over for udvalget.

Teknik- og Miljøudvalget 2018-2021 den 3. september 2019

Godkendt

Udvalget ønsker en status om et år.

Bilagsfortegnelse

1. Belysningsplan for Stationsvej
2. Tilbud fra leverandør

Carl Nielsen

var fraværende

2. Lukket punkt: Køb af ejendom

Hemmelig købesum på 4,2 mio. kr. for ejendommen.

3. Orientering om trafiktælling

Tællingen viste 4.000 biler i døgnet.

Teknik- og Miljøudvalget 2018-2021 den 3. september 2019

Taget til efterretning.



NOTAT

Om

Belysningsplan for Stationsvej

Planen omfatter 40 nye master.

Journalnr. : 19/123

Tilbud på udskiftning

Leverandøren tilbyder arbejdet for 1,1 mio. kr.
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lyngby_test.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def synthetic(tmp_path) -> dict:
    return parse_document(write(tmp_path, SYNTHETIC))


def test_synthetic_header_and_members(synthetic):
    assert synthetic["format"] == "lyngby"
    assert (synthetic["committee"], synthetic["period"]) == ("Teknik- og Miljøudvalget 2018-2021", "2018-2021")
    assert (synthetic["document_kind"], synthetic["date"], synthetic["start"], synthetic["end"]) == (
        "dagsorden", "2019-09-03", "16:30", "18:00")
    assert synthetic["members"] == [
        {"name": "Ole Hansen", "party": None, "role": "Formand"},
        {"name": "Birgit Jensen", "party": "V", "role": "Medlem"},
        {"name": "Carl Nielsen", "party": None, "role": "Næstformand"},
    ]
    assert synthetic["absent"] == ["Carl Nielsen"] and synthetic["other_attendees"] == ["Direktør Eva Holm"]


def test_synthetic_open_item_with_earlier_decision(synthetic):
    first = item(synthetic, 1)
    assert (first["title"], first["item_type"], first["case_number"]) == ("Vejbelysning på Stationsvej", "Beslutning", "2019/04711")
    assert [s["heading"] for s in first["sections"]] == ["Sagsfremstilling", "Sagsfremstiling"]
    assert first["sections"][0]["text"] == ("Vejbelysningen på Stationsvej er nedslidt og skal udskiftes i 2020, "
                                           "så strækningen igen er sikker.")
    assert first["earlier_decisions"] == [{"date": "2019-08-12", "body": "Økonomiudvalget", "text": "Anbefalet over for udvalget."}]
    assert first["decision_heading"] == "Teknik- og Miljøudvalget 2018-2021 den 3. september 2019"
    assert first["decision"] == "Godkendt\n\nUdvalget ønsker en status om et år."
    assert first["attachments"] == ["Belysningsplan for Stationsvej", "Tilbud fra leverandør"]
    assert first["absent"] == ["Carl Nielsen"]


def test_synthetic_closed_item_keeps_only_number_and_title(synthetic):
    closed = item(synthetic, 2)
    assert closed == {"number": 2, "title": "Køb af ejendom", "case_number": None, "access": "closed", "item_type": None,
                      "sections": [], "decision": None, "decision_heading": None, "earlier_decisions": [],
                      "absent": [], "attachments": [], "lines": [closed["lines"][0], closed["lines"][1]]}
    assert "Hemmelig" not in json.dumps(synthetic, ensure_ascii=False)


def test_synthetic_item_without_sections_and_attachments(synthetic):
    third = item(synthetic, 3)
    assert [s["heading"] for s in third["sections"]] == [""]
    assert third["sections"][0]["text"] == "Tællingen viste 4.000 biler i døgnet."
    assert (third["decision"], third["attachments"], third["absent"]) == ("Taget til efterretning.", [], [])


def test_synthetic_attachments_with_reference(synthetic):
    documents = synthetic["attachment_documents"]
    assert [(d["label"], d["title"], d["item"], d["reference"]) for d in documents] == [
        ("1.1", "Belysningsplan for Stationsvej", 1, None), ("1.2", "Tilbud fra leverandør", 1, "19/123")]
    assert documents[0]["text"] == "NOTAT\n\nOm\n\nBelysningsplan for Stationsvej\n\nPlanen omfatter 40 nye master."
    assert documents[1]["text"].endswith("Leverandøren tilbyder arbejdet for 1,1 mio. kr.")
    assert synthetic["warnings"] == []


def test_attachment_text_not_found_is_a_warning_and_no_text_is_lost(tmp_path):
    text = SYNTHETIC.replace("Journalnr. : 19/123\n\nTilbud på udskiftning\n\n", "")
    meeting = parse_document(write(tmp_path, text))
    assert [d["label"] for d in meeting["attachment_documents"]] == ["1.1"]
    assert meeting["attachment_documents"][0]["text"].endswith("Leverandøren tilbyder arbejdet for 1,1 mio. kr.")
    assert any("1.2 'Tilbud fra leverandør' could not be located" in w for w in meeting["warnings"])


def test_detect_claims_the_synthetic_document():
    assert lyngby.detect(SYNTHETIC.split("\n"))


def test_missing_date_is_an_error_with_line(tmp_path):
    path = write(tmp_path, SYNTHETIC.replace("03-09-2019 kl. 16:30 - 18:00", "tirsdag eftermiddag"))
    with pytest.raises(InputError) as error:
        lyngby.parse(read_lines(path), str(path))
    assert str(error.value) == f"{path}:6: date: the meeting's date and time as 'DD-MM-YYYY kl. HH:MM'"


def test_contents_entry_without_item_is_an_error_with_line(tmp_path):
    path = write(tmp_path, SYNTHETIC.replace("3. Orientering om trafiktælling\n\nTællingen", "Tællingen"))
    with pytest.raises(InputError) as error:
        parse_document(path)
    problem = error.value.problems[0]
    toc_line = SYNTHETIC.split("\n").index("3. [Orientering om trafiktælling](#)") + 1
    assert (problem.line, problem.field) == (toc_line, "item 3")
    assert "3. Orientering om trafiktælling" in problem.expected


def test_missing_contents_is_an_error(tmp_path):
    path = write(tmp_path, SYNTHETIC.replace("Indholdsfortegnelse", "Oversigt"))
    with pytest.raises(InputError) as error:
        lyngby.parse(read_lines(path), str(path))
    assert error.value.problems[0].field == "items"
