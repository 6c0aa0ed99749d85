"""Reading the files municipalities publish: PDFs typeset here from our own test documents, HTML pages, text."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from fpdf import FPDF
from typeset import html_page, latin1, plain, scanned_pdf, typeset_pdf

from kommunearkiv.cli import main
from kommunearkiv.errors import InputError
from kommunearkiv.importing.batch import document_paths
from kommunearkiv.importing.sources import read_source

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
HEADER = "Teknik- og Miljøudvalget - Referat - 12. marts 2021"
FOOTER = re.compile(r"Side (\d+) af (\d+)")
CASES = [
    ("Godkendelse af dagsorden", "Dagsordenen blev godkendt. Udvalget bemærkede, at **punkt 3** behandles for lukkede "
     "døre, og at sagen om grønne områder udsættes til næste møde, hvor forvaltningen fremlægger en samlet plan."),
    ("Ny cykelsti langs Søndre Ringvej", "Forvaltningen har undersøgt tre linjeføringer for en dobbeltrettet cykelsti "
     "mellem Østergade og havnen. Den nordlige linjeføring kræver køb af et mindre areal fra en grundejer, mens "
     "den sydlige fører cyklisterne forbi to skoler og en børnehave, hvor trafikken om morgenen er tæt."),
    ("Vedligeholdelse af grønne områder", "Udvalget drøftede en plan for pleje af parker, stier og åløb i hele "
     "kommunen. Planen lægger vægt på vilde blomster i rabatterne, færre græsslåninger og bedre skiltning ved "
     "søerne, så borgerne ved, hvor de må færdes med hund og barnevogn året rundt."),
    ("Trafiksikkerhed ved Æblehaven Skole", "Skolebestyrelsen har bedt om en hævet flade og en skolepatrulje ved "
     "hovedindgangen. Forvaltningen anbefaler flade og skiltning i 2021, og at behovet for et lyskryds vurderes, "
     "når trafiktællingen i efteråret foreligger."),
    ("Lukning af genbrugsstationen på Mølleløkken", "Affaldsselskabet foreslår at samle genbrugsstationerne på "
     "én større plads ved motorvejen. Borgere i den vestlige del af kommunen får dermed længere at køre, og "
     "udvalget beder om en vurdering af en mobil genbrugsstation, der kan stå på skiftende pladser."),
    ("Høring om ny spildevandsplan", "Spildevandsplanen for 2021-2025 har været i høring i otte uger. Der kom "
     "fjorten høringssvar, de fleste om separatkloakering i sommerhusområderne og om tidsplanen for "
     "arbejdet langs åen, hvor grundejerne ønsker at blive orienteret i god tid."),
]


def referat_text() -> str:
    """A referat in the samples' style: a title, bold header fields, a table of contents, bold item headings."""
    lines = ["# Referat af møde i Teknik- og Miljøudvalget", "", "**Mødetidspunkt 12-03-2021 16:00**",
             "**Mødested Rådhuset, mødelokale Æblehaven**", "", "Indholdsfortegnelse", ""]
    lines += [f"{n} (Åben) {title}\t{n + 2}" for n, (title, _) in enumerate(CASES, start=1)]
    for n, (title, body) in enumerate(CASES, start=1):
        lines += ["", f"**{n} (Åben) {title}**", "", f"Sags ID: EMN-2021-{n:05d}", "", "Sagsfremstilling", ""]
        lines += [body, "", body.replace(". ", ". Desuden gælder det, at ", 1), "",
                  "Udvalget bad om en ny drøftelse. " + body.split(". ", 1)[-1], "", "Beslutning", "",
                  f"Indstillingen blev godkendt for sag {n}."]
    return "\n".join(lines) + "\n"


def words(text: str) -> list[str]:
    return re.sub(r"\*\*|^#+ ", "", text, flags=re.M).split()


def body_lines(text: str) -> list[str]:
    """The lines of a read PDF without blank lines, page breaks, running header and page numbers."""
    return [line for line in text.split("\n") if line.strip() and line not in (HEADER, "\f") and not FOOTER.fullmatch(line)]


@pytest.fixture(scope="module")
def referat(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "referat.pdf"
    path.write_bytes(typeset_pdf(referat_text(), HEADER))
    return path


# --- PDF ----------------------------------------------------------------------------------------

def test_pdf_keeps_every_word_in_order_with_danish_letters(referat):
    source = read_source(referat)
    assert (source.kind, source.size) == ("pdf", referat.stat().st_size)
    assert source.sha256 == hashlib.sha256(referat.read_bytes()).hexdigest()
    assert words("\n".join(body_lines(source.text))) == words(referat_text())
    assert "Søndre Ringvej" in source.text and "Æblehaven" in source.text and "Østergade" in source.text


@pytest.mark.parametrize("footer, header_last", [("Side {page} af {nb}", False), ("{page}", True), ("- {page} -", False)])
def test_pdf_pages_are_separated_by_form_feeds_without_running_header_and_page_numbers(tmp_path, footer, header_last):
    path = tmp_path / "referat.pdf"
    path.write_bytes(typeset_pdf(referat_text(), HEADER, footer=footer, header_last=header_last))
    text = read_source(path).text
    pages = text.split("\n\f\n")
    assert len(pages) >= 3
    assert HEADER not in text   # on the first page too: the PDF tells it is printed at the top of every page
    assert not [line for line in text.split("\n") if re.fullmatch(r"(Side )?-? ?\d+( af \d+)? ?-?", line)]
    assert words(text) == words(referat_text())
    assert pages[0].startswith("# **Referat af møde i Teknik- og Miljøudvalget**")


def test_a_line_at_the_top_of_some_pages_only_is_text(tmp_path):
    """Text that happens to open two pages of five, at another height than the running header, stays."""
    pages = ["Beslutning\nGodkendt." if page in (1, 3) else f"Tekst på side {page + 1}." for page in range(5)]
    path = tmp_path / "referat.pdf"
    path.write_bytes(typeset_pdf("\n\f\n".join(pages), HEADER))
    assert read_source(path).text.split("\n\f\n") == pages


def test_pdf_keeps_line_structure_bold_headings_and_paragraphs(referat):
    text = read_source(referat).text
    lines = text.split("\n")
    assert "# **Referat af møde i Teknik- og Miljøudvalget**" in lines   # larger type: a heading, and bold
    assert lines.index("**Mødested Rådhuset, mødelokale Æblehaven**") == lines.index("**Mødetidspunkt 12-03-2021 16:00**") + 1
    for n, (title, _) in enumerate(CASES, start=1):
        assert f"**{n} (Åben) {title}**" in lines
        assert f"Sags ID: EMN-2021-{n:05d}" in lines
        assert f"{n} (Åben) {title}\t{n + 2}" in lines   # right-hand column of the table of contents: a tab
    assert any("at **punkt 3** behandles" in line for line in lines)   # a bold run inside a line
    first = lines.index("Sagsfremstilling")
    assert lines[first - 1] == lines[first + 1] == ""   # paragraph breaks from the vertical gaps
    wrapped = lines[first + 2: lines.index("", first + 2)]
    assert len(wrapped) > 1 and " ".join(wrapped) == latin1(CASES[0][1])


def test_pdf_with_an_embedded_font_reads_the_same(tmp_path, referat):
    fonts = Path("/usr/share/fonts/truetype/liberation")
    if not (fonts / "LiberationSans-Regular.ttf").exists():
        pytest.skip("Liberation fonts not installed (Debian fonts-liberation)")
    path = tmp_path / "embedded.pdf"
    path.write_bytes(typeset_pdf(referat_text(), HEADER, fonts / "LiberationSans-Regular.ttf",
                                 fonts / "LiberationSans-Bold.ttf"))
    text = read_source(path).text
    assert words("\n".join(body_lines(text))) == words(referat_text().replace("\t", " "))
    assert "**2 (Åben) Ny cykelsti langs Søndre Ringvej**" in text.split("\n")


def test_pdf_overprinted_text_is_read_once_as_bold_and_rotated_margin_text_is_left_out(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for offset in (0, 0.1):   # an old trick for bold: the same text twice, a hair apart
        pdf.text(20 + offset, 40, "Beslutning")
    pdf.text(20, 50, "Godkendt uden bemærkninger.")
    with pdf.rotation(90, 10, 200):
        pdf.text(10, 200, "Sagsnr. 21/4711 - journaliseret")
    path = tmp_path / "overprint.pdf"
    path.write_bytes(bytes(pdf.output()))
    assert read_source(path).text.split("\n") == ["**Beslutning**", "Godkendt uden bemærkninger."]


def test_a_page_turned_a_quarter_reads_like_an_upright_one(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    with pdf.rotation(90, 105, 148):   # a wide table printed sideways
        for n, line in enumerate(["Budgetopfølgning 2021", "Drift i alt 12.500 kr.", "Anlæg i alt 3.200 kr."]):
            pdf.text(40, 100 + 6 * n, line)
    pdf.text(20, 280, "Side 1 af 1")   # upright page furniture, fewer characters than the turned text
    path = tmp_path / "tvaers.pdf"
    path.write_bytes(bytes(pdf.output()))
    assert read_source(path).text.split("\n") == ["Budgetopfølgning 2021", "Drift i alt 12.500 kr.", "Anlæg i alt 3.200 kr."]


def test_scanned_pdf_is_refused_saying_it_has_no_text_layer(tmp_path):
    path = tmp_path / "skannet.pdf"
    path.write_bytes(scanned_pdf(3))
    with pytest.raises(InputError) as error:
        read_source(path)
    message = str(error.value)
    assert str(path) in message and "no text layer" in message and "scan" in message


def test_a_scan_with_an_ocr_text_layer_is_read(tmp_path):
    path = tmp_path / "ocr.pdf"
    path.write_bytes(scanned_pdf(2, ocr_text="Referat af mødet i Økonomiudvalget"))
    source = read_source(path)
    assert source.text.split("\n") == ["Referat af mødet i Økonomiudvalget", "\f", "Referat af mødet i Økonomiudvalget"]
    assert source.warnings == ()


def test_a_scanned_page_among_typed_ones_is_read_with_a_warning(tmp_path):
    path = tmp_path / "delvist.pdf"
    path.write_bytes(scanned_pdf(1, text_first_page="Referat af mødet"))
    source = read_source(path)
    assert source.text.split("\n") == ["Referat af mødet", "\f"]
    assert source.warnings == ("line 2: page 2 has no text layer, only an image (a scanned page?): "
                               "its content is not imported",)


@pytest.mark.parametrize("protect, readable", [
    ({"owner_password": "forvaltning"}, True),   # only copying restricted: opens without a password
    ({"owner_password": "forvaltning", "user_password": "hemmelig"}, False),
])
def test_encrypted_pdf_is_read_when_it_opens_without_a_password_else_refused(tmp_path, protect, readable):
    path = tmp_path / "beskyttet.pdf"
    path.write_bytes(typeset_pdf(referat_text(), HEADER, protect=protect))
    if readable:
        assert words("\n".join(body_lines(read_source(path).text))) == words(referat_text())
        return
    with pytest.raises(InputError, match="encrypted PDF that needs one") as error:
        read_source(path)
    assert str(path) in str(error.value)


def test_cut_off_and_damaged_pdfs_are_refused(tmp_path, referat):
    data = referat.read_bytes()
    cut = tmp_path / "afbrudt.pdf"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match=r"afbrudt.pdf: document: a complete PDF, found one that stops before"):
        read_source(cut)
    damaged = tmp_path / "beskadiget.pdf"
    damaged.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    with pytest.raises(InputError, match=r"beskadiget.pdf: document: a readable PDF, found a damaged one"):
        read_source(damaged)


# --- HTML ---------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>Referat</title>
<style>h2 { font-weight: bold }</style><script>document.write("1. Skjult punkt")</script></head>
<body><nav><a href="/">Forside</a> | <a href="/udvalg">Udvalg</a></nav>
<div class="meeting">
<h2>UDVALG</h2><p>Teknik- og Miljøudvalget</p>
<h2>STARTTIDSPUNKT</h2><p>12-03-2021 16:00:00</p>
<h2>PUNKTER</h2>
<ol start="12"><li>Godkendelse af dagsorden<li><p>Cykelsti på Søvej &amp; Åvej</p></ol>
<h3>12. Godkendelse af dagsorden</h3>
<p>Forvaltningen <strong>indstiller</strong>, at<br>dagsordenen   godkendes.
<p><span style="font-weight: 700">Beslutning</span> <b> Godkendt.</b>
<ul><li>første punkt<li>andet <em>punkt</em></ul>
<table><tr><th>Navn<th>Parti
<tr><td>Anne Holm<td>A
<tr><td><b>Fraværende</b><td><p>Bo Berg</p><p>Carl Dahl</p>
</table>
<table><tr><td><p>Kun én celle: et layout</p></td></tr></table>
<p hidden>skjult</p><p style="display: none">også skjult</p>
<p>Pris&nbsp;100&nbsp;kr. &ndash; &aelig;&oslash;&aring; &#198;&#216;&#197;</p>
</div></body></html>
"""


def test_html_page_becomes_headings_lines_bold_lists_and_table_rows(tmp_path):
    path = tmp_path / "referat.html"
    path.write_text(PAGE)
    source = read_source(path)
    assert source.kind == "html"
    assert source.text.split("\n") == [
        "## UDVALG", "", "Teknik- og Miljøudvalget", "",
        "## STARTTIDSPUNKT", "", "12-03-2021 16:00:00", "",
        "## PUNKTER", "", "12. Godkendelse af dagsorden", "13. Cykelsti på Søvej & Åvej", "",
        "### 12. Godkendelse af dagsorden", "",
        "Forvaltningen **indstiller**, at", "dagsordenen godkendes.", "",
        "**Beslutning Godkendt.**", "",
        "- første punkt", "- andet punkt", "",
        "**Navn**\t**Parti**", "Anne Holm\tA", "**Fraværende**\tBo Berg<br>Carl Dahl", "",
        "Kun én celle: et layout", "",
        "Pris\xa0100\xa0kr. – æøå ÆØÅ", ""]


def test_import_dry_run_of_an_html_page_records_its_kind_and_hash(tmp_path, capsys):
    page = tmp_path / "protokol.html"
    page.write_text(html_page(plain((SAMPLES / "004_e014b426b53ea594.txt").read_text())))
    assert main(["import", str(tmp_path), "--dry-run", "--json", "--content", str(tmp_path / "content")]) == 0
    [document] = json.loads(capsys.readouterr().out)
    assert document["source"] == {"file": "protokol.html", "lines": document["source"]["lines"], "kind": "html",
                                  "sha256": hashlib.sha256(page.read_bytes()).hexdigest(), "url": None}
    assert (document["format"], document["date"], len(document["items"])) == ("lyngby", "2014-02-18", 6)
    assert not (tmp_path / "content").exists()


def test_html_page_in_its_declared_windows_1252(tmp_path):
    path = tmp_path / "gammel.htm"
    path.write_bytes('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
                     '<body><h1>Møde i Økonomiudvalget</h1><p>Referat – godkendt</p></body></html>'.encode("cp1252"))
    assert read_source(path).text == "# Møde i Økonomiudvalget\n\nReferat – godkendt\n"


def test_converted_text_with_html_fragments_is_text_for_the_normaliser(tmp_path):
    fragments = tmp_path / "eksport.txt"
    fragments.write_text("<h1>Dagsorden</h1>\n<p>Punkt 1</p>\n<div><b>Beslutning</b></div>\n")
    assert (read_source(fragments).kind, read_source(fragments).text) == ("text", fragments.read_text())
    for sample in sorted(SAMPLES.glob("*.txt")):   # raw <p>, <b>, <ul> inside converted text
        assert read_source(sample).kind == "text", sample.name


# --- detection, text, folders -------------------------------------------------------------------

def test_kind_is_told_by_content_not_name(tmp_path, referat):
    disguised_pdf = tmp_path / "referat.txt"
    disguised_pdf.write_bytes(referat.read_bytes())
    disguised_html = tmp_path / "side.txt"
    disguised_html.write_text(PAGE, encoding="utf-16")
    plain_html_name = tmp_path / "noter.html"
    plain_html_name.write_text("Møde i udvalget\nPunkt 1\n")
    assert [read_source(p).kind for p in (disguised_pdf, disguised_html, plain_html_name)] == ["pdf", "html", "text"]
    assert read_source(disguised_pdf).text == read_source(referat).text


def test_text_is_utf8_or_utf16_after_its_byte_order_mark_and_other_encodings_are_refused(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_bytes("\ufeffMøde\r\nPunkt 1\rSlut".encode())
    assert read_source(path).text == "Møde\nPunkt 1\nSlut"
    path.write_bytes("Møde på Rådhuset\r\n".encode("utf-16"))   # with its byte order mark, as Notepad saves
    assert read_source(path).text == "Møde på Rådhuset\n"
    for data, line, byte in [("Møde\nPunkt 2 på Rådhuset".encode("cp850"), 1, "0x9b"),   # DOS
                             ("Referat\nPunkt 2 på Rådhuset".encode("cp1252"), 2, "0xe5"),   # Windows: never guessed
                             ("Møde\n".encode() + "Rådhus".encode("latin-1"), 2, "0xe5")]:   # UTF-8 and Latin-1 mixed
        path.write_bytes(data)
        with pytest.raises(InputError, match=rf"doc.txt:{line}: encoding: UTF-8 text, found byte {byte}"):
            read_source(path)
    path.write_bytes(b"Punkt 1\nPunkt\x00 2\n")
    with pytest.raises(InputError, match=r"doc.txt: document: a text document, found binary data"):
        read_source(path)


def test_folders_contribute_text_pdf_and_html_files(tmp_path):
    for name in ("b.pdf", "a.txt", "c.HTML", "d.htm", "e.md", "f.docx"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in document_paths([tmp_path])] == ["a.txt", "b.pdf", "c.HTML", "d.htm"]


def test_size_cap_applies_to_pdfs(tmp_path):
    huge = tmp_path / "stor.pdf"
    with huge.open("wb") as f:
        f.write(b"%PDF-1.7\n")
        f.truncate(60 * 2**20)
    with pytest.raises(InputError, match="stor.pdf: document: at most 50 MiB of minutes, found 60 MiB"):
        read_source(huge)
