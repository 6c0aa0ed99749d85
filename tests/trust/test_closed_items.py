"""No word of a closed item's text reaches site/: not pages, search index, data files, feeds or sitemap."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kommunearkiv.build import build_site
from kommunearkiv.content.writer import write_meeting
from kommunearkiv.importing import parse_document

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
SITE_URL = "https://arkiv.example/"


def marker(field: str) -> str:
    """A word found nowhere else: ``Qzlukket`` + the field's name."""
    return "Qzlukket" + re.sub(r"[^a-z]", "", field.lower())


def leaks(site: Path, markers: list[str]) -> list[str]:
    """``file: marker`` for every marker found in any file of ``site`` (case-insensitive, as slugs are lower case)."""
    found = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        text = path.read_bytes().decode("utf-8", errors="replace").lower()
        found += [f"{path.relative_to(site)}: {m}" for m in markers if m.lower() in text]
        found += [f"{path.relative_to(site)} (path): {m}" for m in markers if m.lower() in str(path).lower()]
    return found


def overfilled_closed_item() -> tuple[dict, list[str]]:
    """An open-data document whose closed item has text in every field an importer could fill."""
    fields = ["case", "type", "sectionheading", "sectiontext", "decision", "decisionheading", "earlierbody",
              "earliertext", "absentname", "attachmentname", "attachmenttitle", "attachmenttext", "attachmentreference"]
    m = {f: marker(f) for f in fields}
    closed = {
        "number": 2, "title": "Personalesag", "access": "closed", "case_number": f"77/{m['case']}", "item_type": m["type"],
        "sections": [{"heading": m["sectionheading"], "text": f"Teksten {m['sectiontext']} om en medarbejder."}],
        "decision": f"Besluttet {m['decision']}.", "decision_heading": m["decisionheading"],
        "earlier_decisions": [{"date": "2015-01-07", "body": m["earlierbody"], "text": m["earliertext"]}],
        "absent": [f"Ib {m['absentname']}"], "attachments": [m["attachmentname"]], "lines": [21, 30],
    }
    document = {
        "format": "alleroed", "municipality": "Allerød Kommune", "committee": "Økonomiudvalget 2014-2017",
        "period": "2014-2017", "document_kind": "referat", "date": "2015-05-13", "start": "07:30", "end": "08:35",
        "location": "Rådhuset", "meeting_number": "7",
        "members": [{"name": "Åse Ærø", "party": "F", "role": "Formand"}], "absent": [], "other_attendees": [], "signed_by": [],
        "items": [{"number": 1, "title": "Budget", "case_number": "15/839", "access": "open", "item_type": "Beslutning",
                   "sections": [{"heading": "Tema", "text": "Åben tekst."}], "decision": "Godkendt.",
                   "decision_heading": "Beslutning", "earlier_decisions": [], "absent": [], "attachments": [], "lines": [10, 20]},
                  closed],
        "attachment_documents": [{"label": "2.1", "title": m["attachmenttitle"], "item": 2,
                                  "reference": m["attachmentreference"], "text": m["attachmenttext"], "lines": [31, 40]}],
        "source": {"file": "lukket.txt", "lines": [1, 40]}, "warnings": [],
    }
    return document, list(m.values())


def test_closed_item_filled_by_a_careless_importer_leaves_nothing_in_the_site(tmp_path):
    document, markers = overfilled_closed_item()
    write_meeting(document, tmp_path / "content")
    assert not leaks(tmp_path / "content", markers), "the content writer kept text of a closed item"
    build_site(tmp_path / "content", tmp_path / "site", site_url=SITE_URL)
    assert (tmp_path / "site/sitemap.xml").is_file()
    assert "Personalesag" in (tmp_path / "site/alleroed/oekonomiudvalget-2014-2017/2015-05-13/index.html").read_text(encoding="utf-8")
    assert not leaks(tmp_path / "site", markers)


# --- each importer on a document with a closed item full of marker words ---------------------------

MARKERS = [marker(f"kilde{n}") for n in range(6)]
BODY = {
    # format: (sample, line after which the closed item's text goes, lines to rewrite as a closed title, the text)
    "alleroed": ("000_3332dcdc48fec7d8.txt", 38, {17: "2. Meddelelser (Lukket) .....\t2",
                                                  38: "**ERHVERVS- OG BESKÆFTIGELSESDVALGET 2014-2017****2. Meddelelser (Lukket)**"},
                 f"\nSagsnr.: 15/{MARKERS[0]}\n\n**Punkttype** Beslutning\n\n**Tema** Sagen om {MARKERS[1]} drøftes.\n\n"
                 f"<b>Bilag</b>\t{MARKERS[2]}.pdf\n<b>Beslutning Erhvervs- og Beskæftigelsesudvalget 2014-2017 den 13-05-2015</b>\t"
                 f"Godkendt {MARKERS[3]}.\n<b>Fraværende</b>\tIb {MARKERS[4]}\n\n{MARKERS[5]} i sidste linje.\n"),
    "gentofte": ("003_c3c2bf34dd240c20.txt", 199, {},
                 f"\nSags ID: EMN-2019-{MARKERS[0]}\n\nSagsfremstilling\n\nSagen om {MARKERS[1]} drøftes.\n\n"
                 f"Beslutning\n\nGodkendt {MARKERS[2]}.\n\nBilag\n\n{MARKERS[3]}\n\n{MARKERS[4]} {MARKERS[5]}.\n"),
    "lyngby": ("004_e014b426b53ea594.txt", 90, {60: "2. [Lukket punkt: Benchmarkinganalyse af jobcentre](#)",
                                                90: "2. Lukket punkt: Benchmarkinganalyse af jobcentre"},
               f"\nSagsnr.: 2014/{MARKERS[0]}\n\nSagsfremstilling\n\nSagen om {MARKERS[1]} drøftes.\n\n"
               f"Erhvervs- og Beskæftigelsesudvalget den 18. februar 2014\n\nGodkendt {MARKERS[2]}.\n\n"
               f"Bilagsfortegnelse\n\n1. {MARKERS[3]}\n\n{MARKERS[4]}\n\nvar fraværende\n\n{MARKERS[5]} i sidste linje.\n"),
}


def with_closed_item(form: str, folder: Path) -> Path:
    """The format's sample with one item made closed and marker words written into its text."""
    sample, after, titles, text = BODY[form]
    lines = (SAMPLES / sample).read_text(encoding="utf-8").split("\n")
    for number, title in titles.items():
        lines[number - 1] = title
    lines[after:after] = text.split("\n")
    path = folder / f"lukket-{form}.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("form", sorted(BODY))
def test_importer_keeps_no_word_of_a_closed_item(tmp_path, form):
    """Not in the open-data form, the content, the site, nor in the original document: a document with text under a
    closed item is not kept, so it is not published."""
    original = with_closed_item(form, tmp_path)
    document = parse_document(original)
    assert document["format"] == form
    closed = [item for item in document["items"] if item["access"] == "closed"]
    assert closed, "the item was not recognised as closed"
    output = json.dumps(document, ensure_ascii=False).lower()
    assert not [m for m in MARKERS if m.lower() in output]
    write_meeting(document, tmp_path / "content", original=original)
    assert not leaks(tmp_path / "content", MARKERS) and not list((tmp_path / "content").rglob("original.*"))
    build_site(tmp_path / "content", tmp_path / "site", site_url=SITE_URL)
    assert not leaks(tmp_path / "site", MARKERS)
    titles = [item["title"] for item in closed]
    pages = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("index.html"))
    assert all(title in pages for title in titles), "a closed item's number and title are still shown"


def test_original_published_beside_a_closed_item_holds_its_title_only(tmp_path):
    """The municipality's own document prints a closed item's number and title and nothing more (Gentofte's
    sample, item 6): its original is published, and what it has of the closed item is that line alone."""
    sample = SAMPLES / "003_c3c2bf34dd240c20.txt"
    document = parse_document(sample)
    [closed] = [item for item in document["items"] if item["access"] == "closed"]
    write_meeting(document, tmp_path / "content", original=sample)
    build_site(tmp_path / "content", tmp_path / "site", site_url=SITE_URL)
    [published] = (tmp_path / "site").rglob("original.txt")
    assert published.read_bytes() == sample.read_bytes()
    first, last = closed["lines"]
    lines = published.read_text(encoding="utf-8").split("\n")
    assert (first, last) == (199, 199) and lines[first - 1] == f"6 (Lukket) {closed['title']}"
    assert lines[last].strip() == "" and lines[last + 1] == "Dokument Navn: Bilag - Regional strategi 2019, udarbejdet af KKR H.docx"
