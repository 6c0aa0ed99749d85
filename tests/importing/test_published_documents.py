"""Every sample and test document as a municipality publishes it, a PDF (running header, page-number footer,
bold headings, wrapped lines) and an HTML page, imports to the facts of the text it was made from."""
from __future__ import annotations

from pathlib import Path

import pytest
from facts import differences, facts
from typeset import html_page, latin1, plain, typeset_pdf

from kommunearkiv.importing import parse_document

ROOT = Path(__file__).resolve().parents[2]
# Transcripts flatten each page to one line already; typeset again, a page would be one paragraph, which
# no municipality publishes.
DOCUMENTS = [path for path in sorted(ROOT.glob("samples/*.txt")) + sorted(ROOT.glob("tests/importing/documents/*/*.txt"))
             if "transcript" not in path.stem]
MUNICIPALITY = {"natur_dagsorden_us": "Nordby Kommune",  # First Agenda documents that name none
                "teknik_referat_links": "Sønderby Kommune"}
FORMS = {
    "pdf": lambda text, header: typeset_pdf(text, header),
    # the page number alone, and the running header drawn after the page's text (two-pass numbering)
    "pdf_numbered_last": lambda text, header: typeset_pdf(text, header, footer="{page}", header_last=True),
    "html": lambda text, header: html_page(text).encode("utf-8"),
}
SUFFIX = {"pdf": ".pdf", "pdf_numbered_last": ".pdf", "html": ".html"}
# The samples are long (up to 80 pages): one PDF form each keeps the suite's time; the short test documents take all.
CASES = [(path, form) for path in DOCUMENTS for form in FORMS
         if not (path.parent.name == "samples" and form == "pdf_numbered_last")]


def source_text(document: Path) -> str:
    """The document as a writer typed it, in the letters the standard PDF fonts have."""
    return latin1(plain(document.read_text(encoding="utf-8")))


def running_header(text: str) -> str:
    """A running header as municipalities print one: the document's first line repeated."""
    first = next(line for line in text.split("\n") if line.strip(" *#"))
    return first.strip(" *#")[:80]


def text_facts(document: Path, folder: Path) -> dict:
    path = folder / f"{document.stem}.txt"
    path.write_text(source_text(document), encoding="utf-8")
    return facts(parse_document(path, MUNICIPALITY.get(document.stem)))


@pytest.mark.parametrize(("document", "form"), CASES, ids=[f"{p.parent.name}/{p.stem}-{form}" for p, form in CASES])
def test_a_published_document_has_the_facts_of_its_text(tmp_path_factory, document, form):
    folder = tmp_path_factory.mktemp(document.stem)
    text = source_text(document)
    path = folder / f"{document.stem}{SUFFIX[form]}"
    path.write_bytes(FORMS[form](text, running_header(text)))
    imported = parse_document(path, MUNICIPALITY.get(document.stem))
    assert imported["source"]["kind"] == SUFFIX[form][1:]
    found = differences(text_facts(document, folder), facts(imported))
    assert not found, f"{len(found)} facts differ; the first: {found[:3]}"
