"""The original documents on a real build: beside their meeting pages byte for byte, named in the data, linked
from the pages; an HTML original published as text."""
from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path

import pytest

from kommunearkiv.build import build_site
from kommunearkiv.cli import main
from kommunearkiv.content.writer import write_meeting
from kommunearkiv import locations

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
GENTOFTE_MEETING = "gentofte/erhvervs-beskaeftigelses-og-integrationsudvalget/2019-02-28/"
HTML = b"<!doctype html><html><body><h1>Referat</h1><script>window.__pwned = 1</script></body></html>\n"


def html_document() -> dict:
    """A small meeting whose original is an HTML page (with a script of its own)."""
    item = {"number": 1, "title": "Meddelelser", "case_number": None, "access": "open", "item_type": None, "sections": [],
            "decision": "Taget til efterretning.", "decision_heading": "Beslutning", "earlier_decisions": [], "absent": [],
            "attachments": [], "lines": [3, 4]}
    return {"format": "firstagenda", "municipality": "Holbæk Kommune", "committee": "Byrådet", "period": None,
            "document_kind": "referat", "date": "2024-03-14", "start": None, "end": None, "location": None,
            "meeting_number": None, "members": [], "absent": [], "substitutes": [], "incomplete": None,
            "other_attendees": [], "signed_by": [], "items": [item], "attachment_documents": [],
            "source": {"file": "referat.html", "lines": [1, 4], "kind": "html", "sha256": hashlib.sha256(HTML).hexdigest(),
                       "url": None}, "warnings": []}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("originals")
    content = folder / "content"
    assert main(["import", str(SAMPLES), "--content", str(content), "--quiet"]) == 0
    (folder / "referat.html").write_bytes(HTML)
    write_meeting(html_document(), content, original=folder / "referat.html")
    build_site(content, folder / "site", cache_dir=folder / "cache")
    return folder / "site"


def test_each_original_is_published_byte_for_byte_beside_its_meeting_page(built):
    published = sorted(built.rglob("original.txt"))
    assert len(published) == 4
    samples = {p.read_bytes() for p in SAMPLES.glob("*.txt")}
    assert {p.read_bytes() for p in published} == samples
    assert all((p.parent / "index.html").is_file() for p in published)


def test_data_name_the_copy_and_its_digest(built):
    meeting = json.loads((built / "data" / f"{GENTOFTE_MEETING.rstrip('/')}.json").read_text(encoding="utf-8"))
    copy = built / GENTOFTE_MEETING / "original.txt"
    assert meeting["source"]["sha256"] == hashlib.sha256(copy.read_bytes()).hexdigest()
    assert (meeting["source"]["kind"], meeting["source"]["url"]) == ("text", None)
    municipality = json.loads((built / "data" / "gentofte.json").read_text(encoding="utf-8"))
    assert [m["original"] for m in municipality["meetings"]] == [GENTOFTE_MEETING + "original.txt"]
    with open(built / locations.csv_path("gentofte", "moeder"), encoding="utf-8", newline="") as table:
        [row] = list(csv.DictReader(table))
    assert (row["original"], row["sha256"]) == (GENTOFTE_MEETING + "original.txt", meeting["source"]["sha256"])


def test_pages_link_the_published_copy(built):
    """At the lines cited (RFC 5147's fragment for plain text: ``line=28,51`` is lines 29–51)."""
    for page, link in (("index.html", "original.txt#line=0,"), ("punkt-6/index.html", "../original.txt#line="),
                       ("bilag/1-1/index.html", "../../original.txt#line=")):
        html = (built / GENTOFTE_MEETING / page).read_text(encoding="utf-8")
        assert re.search(f'<p class="source">Kilde: <a href="{re.escape(link)}[0-9,]*">003_c3c2bf34dd240c20.txt</a> \\(tekst\\)', html), page


def test_an_html_original_is_published_as_text(built):
    meeting = built / "holbaek" / "byraadet" / "2024-03-14"
    assert (meeting / "original-html.txt").read_bytes() == HTML
    assert not list(built.rglob("original.html"))
    assert '<a href="original-html.txt">referat.html</a> (HTML)' in (meeting / "index.html").read_text(encoding="utf-8")
