"""The Lyngby-Taarbæk importer: the sample, documents written here in the 2016-17 referat and
2011-12 protokol layouts, small documents, and all of them as other converters would give them."""
import json
import re
import textwrap
from pathlib import Path

import pytest

from kommunearkiv.errors import InputError
from kommunearkiv.importing import complete_items, lyngby, parse_document, read_lines
from kommunearkiv.importing.normalise import normalise

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SAMPLE = SAMPLES / "004_e014b426b53ea594.txt"
DOCUMENTS = Path(__file__).resolve().parent / "documents" / "lyngby"
REFERAT = DOCUMENTS / "referat_2016.txt"
PROTOKOL = DOCUMENTS / "protokol_2011.txt"
PROTOKOL_2016 = DOCUMENTS / "protokol_2016_kb.txt"
COMMITTEE = "Erhvervs- og Beskæftigelsesudvalget"
DECIDED = f"{COMMITTEE} den 18. februar 2014"
ABSENT = ["Henrik Brade Johansen"]


def parse_text(text: str, name: str = "lyngby_test.txt") -> dict:
    """The open-data form of a text, read as ``import`` reads a file (normalised, detected, completed)."""
    lines = normalise(text)
    assert lyngby.detect(lines)
    return complete_items(lyngby.parse(lines, name))


@pytest.fixture(scope="module")
def meeting() -> dict:
    return parse_document(SAMPLE)


@pytest.fixture(scope="module")
def referat() -> dict:
    return parse_document(REFERAT)


@pytest.fixture(scope="module")
def protokol() -> dict:
    return parse_document(PROTOKOL)


def item(meeting: dict, number: int) -> dict:
    return next(i for i in meeting["items"] if i["number"] == number)


def words(text: str) -> str:
    """Only letters and digits, single-spaced: for finding source text in Markdown output."""
    return " ".join(re.findall(r"\w+", (text or "").replace("**", "").lower()))


# --- the sample ---------------------------------------------------------------------------------

def test_sample_header(meeting):
    assert (meeting["format"], meeting["municipality"]) == ("lyngby", "Lyngby-Taarbæk Kommune")
    assert meeting["committee"] == COMMITTEE and meeting["period"] is None
    assert (meeting["document_kind"], meeting["date"], meeting["start"], meeting["end"]) == ("protokol", "2014-02-18", "08:15", None)
    assert meeting["location"] == "Udvalgsværelse 1"
    assert {k: meeting["source"][k] for k in ("file", "lines", "kind")} == {"file": SAMPLE.name, "lines": [1, 2742], "kind": "text"}
    assert meeting["warnings"] == [] and meeting["signed_by"] == [] and meeting["meeting_number"] is None
    assert (meeting["substitutes"], meeting["incomplete"]) == ([], None)


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
    (1, "Introduktion til Erhvervs- og Beskæftigelsesudvalget", [66, 88], ["Oplæg"],
     "Taget til efterretning.", "Taget til efterretning.", ["Introduktionsoplæg"]),
    (2, "Benchmarkinganalyse af jobcentre", [90, 127],
     ["Sagsfremstilling", "Økonomiske konsekvenser", "Beslutningskompetence", "Indstilling"],
     "Taget til efterretning.", "Taget til efterretning.", ["Jobcenterbenchmark 2013"]),
    (3, "Implementering af kontanthjælpsreform", [129, 240],
     ["Sagsfremstilling", "Økonomiske konsekvenser", "Beslutningskompetence", "Indstilling"],
     "Ad 1. Godkendt.", "indtil modgående initiativ er besluttet.",
     ["Økonomiske konsekvenser af kontanthjælpsreformen", "Ny organisering af indsatsen på kontanthjælpsområdet",
      "Ny strategi for indsatsen på kontanthjælpsområdet", "Modgående initiativ, businesscase",
      "Kontanthjælpspjece - Unge", "Kontanthjælpspjece - Voksne"]),
    (4, "Aftale om budgetlægning 2015-18 - Erhvervs- og Beskæftigelsesudvalgets område", [242, 270],
     ["Sagsfremstilling", "Økonomiske konsekvenser", "Indstilling"],
     "Udvalget anmoder forvaltningen om forslag til budgettet", "tilvejebringe valgmuligheder for udvalget.",
     ["Lyngby-Taarbæk-aftalen. Hovedelementer i aftale om budgetlægningen – 2015-2018"]),
    (5, "Anmodning om optagelse af sag på dagsordenen om virksomheders henvendelser, kontakt med handelslivet "
        "og udvalgets ekskursioner", [272, 298], ["Sagsfremstilling"],
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
    assert "- Tværgående tiltag, herunder:\n- Timing og dosering af indsatsen" in sag
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


def test_detect_claims_only_lyngby_documents():
    paths = sorted(SAMPLES.glob("*.txt")) + [REFERAT, PROTOKOL]
    claims = {path.name: lyngby.detect(normalise("\n".join(read_lines(path)))) for path in paths}
    assert claims == {"000_3332dcdc48fec7d8.txt": False, "002_bf32f3cdd748dc20.txt": False,
                      "003_c3c2bf34dd240c20.txt": False, "004_e014b426b53ea594.txt": True,
                      REFERAT.name: True, PROTOKOL.name: True}


def test_detect_looks_past_leading_noise_and_markup():
    noise = "Download \"LYNGBY-TAARBÆK KOMMUNE\"\n\nTranskript\n\n"
    assert lyngby.detect(normalise(noise + REFERAT.read_text(encoding="utf-8").replace("Referat\n", "**Referat**\n", 1)))
    assert not lyngby.detect(normalise("Referat\n\n14. september 2016 kl. 16:30\n\nIndkaldelse\n"))  # no committee


def test_same_input_same_output():
    assert json.dumps(parse_document(SAMPLE)) == json.dumps(parse_document(SAMPLE))


# --- the 2016-17 referat (tests/importing/documents/lyngby/referat_2016.txt) ---------------------

def test_referat_header(referat):
    assert (referat["committee"], referat["document_kind"], referat["date"]) == (
        "Social- og Sundhedsudvalget", "referat", "2016-09-14")
    assert (referat["start"], referat["end"], referat["location"]) == ("16:30", "18:45", "Udvalgsværelse 2")
    assert referat["incomplete"] is None


def test_referat_members_with_parties_and_the_substitute(referat):
    assert referat["members"] == [
        {"name": "Rikke Holmgaard", "party": "C", "role": "Medlem"},
        {"name": "Tobias Wendt", "party": "A", "role": "Medlem"},
        {"name": "Malene Fisker", "party": "V", "role": "Medlem"},
        {"name": "Jens Ploug", "party": "C", "role": "Medlem"},
        {"name": "Sanne Krogh-Larsen", "party": "B", "role": "Medlem"},
        {"name": "Peter la Fontaine", "party": "F", "role": "Medlem"},
        {"name": "Kasper Vinding", "party": "V", "role": "Medlem"},
    ]
    assert referat["absent"] == ["Tobias Wendt"]
    assert referat["substitutes"] == [{"name": "Yasmin Lerche", "party": "A", "replaces": "Tobias Wendt"}]
    assert referat["other_attendees"] == ["Direktør Mona Klit", "centerchef Aksel Bruun", "Dorthe Sejr (referent)"]


REFERAT_ITEMS = [
    (1, "Godkendelse af dagsorden", "Beslutning", None, ["Sagsfremstilling", "Indstilling"], "Godkendt.", [], []),
    (2, "Kvalitetsstandarder for hjemmehjælp 2017", "Beslutning", "16/04417",
     ["Sagsfremstilling", "Økonomiske konsekvenser", "Beslutningskompetence", "Indstilling"],
     "Godkendt, idet udvalget ønsker en opfølgning i juni 2017.", [],
     ["Kvalitetsstandard for praktisk hjælp 2017", "Høringssvar fra Ældrerådet"]),
    (3, "Forsøg med aftenåbent i aktivitetscentret på Hjortekærvej og sammenlægning af madklubberne", "Beslutning",
     None, ["Sagsfremstilling", "Økonomiske konsekvenser", "Indstilling"], "Godkendt.", ["Kasper Vinding"], []),
    (4, "Status på sundhedsaftalen", "Orientering", None, ["Sagsfremstilling", "Indstilling"],
     "Taget til efterretning.", [], []),
    (5, "Meddelelser - september 2016", "Orientering", None,
     ["1. Ny leverandør af madservice", "2. Flere frivillige besøgsvenner"], "Taget til efterretning.", [], []),
]


@pytest.mark.parametrize("number, title, item_type, case, headings, decision, absent, attachments", REFERAT_ITEMS)
def test_referat_items(referat, number, title, item_type, case, headings, decision, absent, attachments):
    found = item(referat, number)
    assert (found["title"], found["item_type"], found["case_number"], found["access"]) == (title, item_type, case, "open")
    assert [s["heading"] for s in found["sections"]] == headings
    assert (found["decision"], found["decision_heading"]) == (decision, "Social- og Sundhedsudvalget den 14. september 2016")
    assert (found["absent"], found["attachments"]) == (absent, attachments)


def test_referat_numbered_notices_are_not_items(referat):
    assert [i["number"] for i in referat["items"]] == [1, 2, 3, 4, 5]


def test_referat_earlier_decisions_and_one_without_text(referat):
    """The Ældreråd's recommendation is an earlier decision; the Handicapråd's heading with no text is left out."""
    assert item(referat, 2)["earlier_decisions"] == [
        {"date": "2016-09-05", "body": "Ældrerådet",
         "text": "Ældrerådet anbefaler standarderne, men ønsker en opfølgning efter et halvt år."}]
    assert referat["warnings"] == ["line 90: an earlier decision without text left out: 'Handicaprådet den 6. september 2016'"]


def test_referat_prose_that_starts_with_a_field_word_stays_text(referat):
    text = item(referat, 2)["sections"][0]["text"]
    assert "Indstilling til Ældrerådet blev sendt den 22. august 2016" in text
    assert "- rengøring hver tredje uge" in text


def test_referat_attachment_documents(referat):
    documents = referat["attachment_documents"]
    assert [(d["label"], d["title"], d["item"]) for d in documents] == [
        ("2.1", "Kvalitetsstandard for praktisk hjælp 2017", 2), ("2.2", "Høringssvar fra Ældrerådet", 2)]
    assert documents[0]["text"].startswith("Kvalitetsstandard\n\nPraktisk hjælp 2017")
    assert documents[1]["text"].endswith("når ordningen har virket et halvt år.")
    assert item(referat, 5)["decision"] == "Taget til efterretning."


def indkaldelse(listed: str, statements: str) -> str:
    """The referat with its members listed and the absences stated as ``listed`` and ``statements`` say."""
    text = REFERAT.read_text(encoding="utf-8")
    start, end = text.index("Rikke Holmgaard (C)"), text.index("Derudover deltog")
    return f"{text[:start]}{listed}\n\n{statements}\n\n{text[end:]}"


def test_names_and_statements_run_together_on_one_line():
    """As transcripts give it: the list on one line, the statements glued to each other."""
    listed = ("Rikke Holmgaard (C) Tobias Wendt (A) Malene Fisker (V) Jens Ploug (C) Sanne Krogh-Larsen (B) "
              "Peter la Fontaine (F) Kasper Vinding (V)")
    statements = ("Tobias Wendt (A) var fraværende. I stedet deltog Yasmin Lerche (A) Jens Ploug (C) var fraværende. "
                  "Kasper Vinding var fraværende under punkt 3. Malene Fisker var fraværende under punkterne 4-5.")
    meeting = parse_text(indkaldelse(listed, statements))
    assert [(m["name"], m["party"]) for m in meeting["members"]] == [
        ("Rikke Holmgaard", "C"), ("Tobias Wendt", "A"), ("Malene Fisker", "V"), ("Jens Ploug", "C"),
        ("Sanne Krogh-Larsen", "B"), ("Peter la Fontaine", "F"), ("Kasper Vinding", "V")]
    assert meeting["absent"] == ["Tobias Wendt", "Jens Ploug"]
    assert meeting["substitutes"] == [{"name": "Yasmin Lerche", "party": "A", "replaces": "Tobias Wendt"}]
    assert [i["absent"] for i in meeting["items"]] == [[], [], ["Kasper Vinding"], ["Malene Fisker"], ["Malene Fisker"]]


def test_names_run_together_without_parties_are_reported_not_guessed():
    listed = "Rikke Holmgaard Tobias Wendt Malene Fisker Jens Ploug"
    statements = "Malene Fisker Jens Ploug (C) var fraværende. I stedet deltog Otto Brink (C)"
    meeting = parse_text(indkaldelse(listed, statements))
    assert (meeting["members"], meeting["absent"], meeting["substitutes"]) == ([], [], [])
    assert [w.split(": ", 1)[1] for w in meeting["warnings"][:2]] == [
        "names run together, not split: 'Rikke Holmgaard Tobias Wendt Malene Fisker Jens Ploug'",
        "names run together, not split: 'Malene Fisker Jens Ploug'"]


# --- the 2011-12 protokol (tests/importing/documents/lyngby/protokol_2011.txt) -------------------

def test_protokol_prose_header(protokol):
    assert (protokol["committee"], protokol["document_kind"], protokol["date"], protokol["start"]) == (
        "Kultur- og Fritidsudvalget", "protokol", "2011-11-07", "17:00")
    assert (protokol["end"], protokol["location"]) == (None, "udvalgsværelse 2")
    assert protokol["warnings"] == [] and protokol["incomplete"] is None


def test_protokol_absentees_and_the_stand_in(protokol):
    """Only the members the exceptions name are known: the absent, the one absent for two items, the one replaced."""
    assert protokol["members"] == [{"name": "Helle Bøgelund", "party": "A", "role": "Medlem"},
                                   {"name": "Niels Aagaard", "party": "V", "role": "Medlem"},
                                   {"name": "Karin Mose", "party": "B", "role": "Medlem"}]
    assert protokol["absent"] == ["Helle Bøgelund", "Karin Mose"]
    assert protokol["substitutes"] == [{"name": "Ole Strand", "party": "B", "replaces": "Karin Mose"}]
    assert protokol["other_attendees"] == ["Kulturchef Vibeke Holst", "sekretariatsleder Anders Mørch",
                                           "udvalgssekretær Lise Brink"]
    assert [i["absent"] for i in protokol["items"]] == [[], [], ["Niels Aagaard"], ["Niels Aagaard"], []]


def test_protokol_items(protokol):
    assert [(i["number"], i["title"], i["access"]) for i in protokol["items"]] == [
        (1, "Tilskud til foreningernes lederuddannelse 2012", "open"),
        (2, "Udvidelse af åbningstiden på Lyngby Stadsbibliotek i weekenden og etablering af selvbetjening", "open"),
        (3, "Musikskolens takster 2012", "open"),
        (4, "Orientering til Kultur- og Fritidsudvalget den 7. november 2011", "open"),
        (5, "Salg af areal ved idrætsanlæg", "closed"),
    ]
    first = item(protokol, 1)
    assert [s["heading"] for s in first["sections"]] == ["Sagsfremstilling", "Økonomiske konsekvenser", "Indstilling"]
    assert (first["decision"], first["decision_heading"]) == (
        "Godkendt.", "Kultur- og Fritidsudvalgets beslutning den 7. november 2011:")
    assert first["earlier_decisions"] == [{"date": "2011-10-20", "body": "Folkeoplysningsudvalget", "text": "Anbefales."}]
    assert item(protokol, 2)["decision"] == "Godkendt som forsøg. Udvalget ønsker en evaluering i efteråret 2012."


def test_protokol_title_naming_the_committee_and_date_is_no_decision(protokol):
    orientation = item(protokol, 4)
    assert orientation["decision"] == "Taget til efterretning."
    assert orientation["sections"] == [{"heading": "", "text": "a) Kunstnerisk udsmykning af den nye svømmehal er udbudt.\n"
                                                              "b) Frilandsteatret har fået et lokalt tilskud fra en fond."}]


def test_protokol_closed_item_keeps_only_number_title_access_and_lines(protokol):
    closed = item(protokol, 5)
    assert {k: v for k, v in closed.items() if k != "lines"} == {
        "number": 5, "title": "Salg af areal ved idrætsanlæg", "case_number": None, "access": "closed",
        "item_type": None, "sections": [], "decision": None, "decision_heading": None, "earlier_decisions": [],
        "absent": [], "attachments": []}
    assert "1,4 mio" not in json.dumps(protokol, ensure_ascii=False)


def test_decisions_ending_every_page_are_not_page_furniture():
    """One item a page, each ending "Godkendt.": the decision is text, not a running footer."""
    text = PROTOKOL.read_text(encoding="utf-8")
    for decision in ("Godkendt som forsøg. Udvalget ønsker en evaluering i efteråret 2012.", "Taget til efterretning."):
        text = text.replace(decision, "Godkendt.")
    assert [i["decision"] for i in parse_text(text)["items"]] == ["Godkendt."] * 4 + [None]


def test_a_municipality_other_than_lyngby_taarbaek_is_refused():
    lines = normalise(PROTOKOL.read_text(encoding="utf-8"))
    assert lyngby.parse(lines, "x.txt", municipality="Lyngby-Taarbæk Kommune")["municipality"] == "Lyngby-Taarbæk Kommune"
    with pytest.raises(InputError) as error:
        lyngby.parse(lines, "x.txt", municipality="Gentofte Kommune")
    assert error.value.problems[0].field == "municipality"


# --- incomplete documents -------------------------------------------------------------------------

def test_text_stopping_before_the_last_items_is_incomplete_not_padded():
    text = REFERAT.read_text(encoding="utf-8")
    cut = text.index("4. Status på sundhedsaftalen")
    meeting = parse_text(text[:cut])
    last_line = text[:text.rindex("Godkendt.", 0, cut)].count("\n") + 1
    assert [i["number"] for i in meeting["items"]] == [1, 2, 3]
    assert meeting["incomplete"] == {"line": last_line, "missing": "items 4. Status på sundhedsaftalen, "
                                                                   "5. Meddelelser - september 2016"}
    assert any("the text ends before item 4" in w for w in meeting["warnings"])
    assert item(meeting, 3)["decision"] == "Godkendt."


def test_statements_after_the_other_attendees_are_read_as_statements():
    """2016 protokol: a page break puts the substitute and per-item absences after ``Derudover deltog``."""
    meeting = parse_document(PROTOKOL_2016)
    assert (meeting["absent"], meeting["substitutes"]) == (
        ["Frode Brink"], [{"name": "Gunnar Mose", "party": None, "replaces": "Frode Brink"}])
    assert meeting["other_attendees"] == ["Direktør Pia Lauritsen", "centerchef Ove Sandholm", "Lise Engby (referent)"]
    assert [(i["number"], sorted(i["absent"]), i["decision"]) for i in meeting["items"]] == [
        (1, [], "Godkendt."), (2, ["Bent Thorsø", "Cecilie Vang"], "Godkendt."), (3, ["Bent Thorsø"], "Godkendt.")]
    assert [m["name"] for m in meeting["members"]] == [
        "Astrid Kjærgaard", "Bent Thorsø", "Cecilie Vang", "Daniel Ørum", "Ellen la Fleur", "Frode Brink"]


def test_a_name_ends_at_a_sentence_but_keeps_its_initials():
    text = PROTOKOL_2016.read_text(encoding="utf-8").replace(
        "deltog Gunnar Mose.", "deltog Gunnar P. Mose.").replace("Ellen la Fleur", "Ellen Chr. la Fleur")
    meeting = parse_text(text)
    assert meeting["substitutes"][0]["name"] == "Gunnar P. Mose"
    assert "Ellen Chr. la Fleur" in [m["name"] for m in meeting["members"]]


def test_a_statement_run_into_a_flattened_list_of_names_without_parties_names_a_listed_member():
    text = REFERAT.read_text(encoding="utf-8")
    start, end = text.index("Rikke Holmgaard (C)"), text.index("Tobias Wendt (A) var fraværende")
    without_parties = text[:start] + re.sub(r" \([A-ZÆØÅ]\)", "", text[start:end]) + text[end:]
    meeting = parse_text(one_line_per_page(without_parties))
    assert meeting["absent"] == ["Tobias Wendt"]
    assert meeting["substitutes"] == [{"name": "Yasmin Lerche", "party": "A", "replaces": "Tobias Wendt"}]
    assert item(meeting, 3)["absent"] == ["Kasper Vinding"]
    assert any("names run together, not split" in w for w in meeting["warnings"])  # the list itself: never guessed


def test_flattened_transcript_stopping_mid_document_is_incomplete():
    pages = PROTOKOL.read_text(encoding="utf-8").split("\f")
    meeting = parse_text(one_line_per_page("\f".join(pages[:4])))
    assert [i["number"] for i in meeting["items"]] == [1, 2]
    assert meeting["incomplete"]["missing"].startswith("items 3. Musikskolens takster 2012")


# --- the same documents as other converters give them ----------------------------------------------

def pages_of(text: str) -> list[str]:
    """The document's pages: split at form feeds, else every fifty lines."""
    if "\f" in text:
        return text.split("\f")
    lines = text.split("\n")
    return ["\n".join(lines[i:i + 50]) for i in range(0, len(lines), 50)]


def bold_headings(text: str) -> str:
    """Short lines bold, as a converter marks headings."""
    return "\n".join(f"**{line}**" if line.strip() and len(line) < 60 and not line.rstrip().endswith(".") else line
                     for line in text.split("\n"))


def html_tagged(text: str) -> str:
    """Every line a paragraph, short lines bold, in HTML tags."""
    return "\n".join(line if not line.strip() else f"<p><b>{line}</b></p>" if len(line) < 60 else f"<p>{line}</p>"
                     for line in text.split("\n"))


def page_furniture(text: str) -> str:
    """``Side N af M`` and a running footer at every page break."""
    pages = pages_of(text)
    return "\f".join(f"{page}\n\nSide {n} af {len(pages)}\n\nLyngby-Taarbæk Kommune · udskrevet\n"
                     for n, page in enumerate(pages, 1))


def rewrapped(text: str) -> str:
    return "\n".join("\n".join(textwrap.wrap(line, 70)) if len(line) > 70 and "\t" not in line else line
                     for line in text.split("\n"))


def crlf_nbsp(text: str) -> str:
    return text.replace(". ", ".\u00a0").replace(" (", "\u00a0(").replace("\n", "\r\n")


def one_line_per_page(text: str) -> str:
    """Markup dropped, each page's lines joined with spaces, as transcript sites give it."""
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text.replace("**", ""))
    return "\n".join(" ".join(line.strip() for line in page.split("\n") if line.strip()) for page in pages_of(plain))


VARIANTS = [bold_headings, html_tagged, page_furniture, rewrapped, crlf_nbsp, one_line_per_page]


def facts(meeting: dict) -> dict:
    """What must not depend on the converter."""
    found = {key: meeting[key] for key in ("committee", "document_kind", "date", "start", "absent", "substitutes",
                                           "incomplete")}
    found["members"] = meeting["members"]
    found["items"] = [(i["number"], i["title"], i["case_number"], i["access"], i["item_type"], words(i["decision"]),
                       [(e["date"], e["body"], words(e["text"])) for e in i["earlier_decisions"]], i["absent"],
                       i["attachments"]) for i in meeting["items"]]
    return found


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda variant: variant.__name__)
@pytest.mark.parametrize("path", [SAMPLE, REFERAT, PROTOKOL, PROTOKOL_2016], ids=lambda path: path.stem)
def test_facts_do_not_depend_on_the_converter(path, variant):
    text = "\n".join(read_lines(path))
    assert facts(parse_text(variant(text))) == facts(parse_text(text))


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


def test_missing_date_is_an_error_with_line(tmp_path):
    path = write(tmp_path, SYNTHETIC.replace("03-09-2019 kl. 16:30 - 18:00", "tirsdag eftermiddag"))
    with pytest.raises(InputError) as error:
        lyngby.parse(normalise(path.read_text(encoding="utf-8")), str(path))
    problem = error.value.problems[0]
    assert (problem.line, problem.field) == (6, "date")


def test_missing_item_heading_before_a_found_one_is_an_error_with_line(tmp_path):
    path = write(tmp_path, SYNTHETIC.replace("1. Vejbelysning på Stationsvej (Beslutning)\n\nSagsnr", "Sagsnr"))
    with pytest.raises(InputError) as error:
        parse_document(path)
    problem = error.value.problems[0]
    toc_line = SYNTHETIC.split("\n").index("1. [Vejbelysning på Stationsvej (Beslutning)](#)") + 1
    assert (problem.line, problem.field) == (toc_line, "item 1")
    assert "1. Vejbelysning på Stationsvej" in problem.expected


def test_missing_contents_is_an_error(tmp_path):
    path = write(tmp_path, SYNTHETIC.replace("Indholdsfortegnelse", "Oversigt"))
    with pytest.raises(InputError) as error:
        parse_document(path)
    assert error.value.problems[0].field == "items"
