"""Every JSON file validates against its published schema, and says what the model says."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from kommunearkiv.content.reader import load_archive, read_sections
from kommunearkiv.content.writer import section_markdown, write_meeting
from kommunearkiv import locations
from kommunearkiv.exports.jsondata import SCHEMAS
from kommunearkiv.exports.opendata import meeting_document
from kommunearkiv.importing import parse_document

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.txt"))


def load(site: Path, path: str):
    return json.loads((site / path).read_text(encoding="utf-8"))


def validator(site: Path, name: str) -> Draft202012Validator:
    """A validator for the schema as published in the site, resolving references to the other published schemas."""
    schemas = {f"{n}.schema.json": load(site, locations.schema_path(n)) for n in SCHEMAS}
    registry = Registry().with_resources((uri, Resource.from_contents(s)) for uri, s in schemas.items())
    Draft202012Validator.check_schema(schemas[f"{name}.schema.json"])
    return Draft202012Validator(schemas[f"{name}.schema.json"], registry=registry, format_checker=FormatChecker())


def test_every_json_file_validates_against_its_schema(site):
    _, site_dir, _ = site
    index = load(site_dir, locations.ARCHIVE_JSON)
    expected = {locations.ARCHIVE_JSON: "archive"}
    for entry in index["municipalities"]:
        expected[entry["data"]] = "municipality"
        municipality = load(site_dir, entry["data"])
        for kind in ("committees", "persons", "cases", "meetings"):
            expected.update({thing["data"]: kind.rstrip("s") for thing in municipality[kind]})
    written = {p.relative_to(site_dir).as_posix() for p in (site_dir / "data").rglob("*.json")
               if not p.is_relative_to(site_dir / locations.SCHEMA_DIR)}
    assert written == set(expected)
    for path, schema in sorted(expected.items()):
        validator(site_dir, schema).validate(load(site_dir, path))


def test_schemas_reject_a_closed_item_with_text(site):
    archive, site_dir, _ = site
    meeting = archive.municipalities["alleroed"].committees["oekonomiudvalget-2014-2017"].meetings[0]
    document = load(site_dir, locations.json_path(meeting))
    closed = next(i for i in document["items"] if i["access"] == "closed")
    closed["decision"] = "Noget fortroligt"
    assert not validator(site_dir, "meeting").is_valid(document)


def test_files_agree_with_the_model(site):
    archive, site_dir, _ = site
    alleroed = archive.municipalities["alleroed"]
    committee = alleroed.committees["oekonomiudvalget-2014-2017"]
    assert [m["id"] for m in load(site_dir, locations.json_path(committee))["meetings"]] == [m.id for m in committee.meetings]
    bo = load(site_dir, locations.json_path(alleroed.persons["bo-oest"]))
    assert [(a["meeting"]["id"], a["present"]) for a in bo["attendance"]] == [("2015-05-13", False), ("2016-06-08", True)]
    carl = load(site_dir, locations.json_path(alleroed.persons["carl-hansen"]))
    assert carl["attendance"][0]["absent_from_items"] == [1]
    case = load(site_dir, locations.json_path(alleroed.cases["15-839"]))
    assert [(i["meeting"]["date"], i["decision"]) for i in case["items"]] == [
        ("2015-05-13", "Godkendt."), ("2016-06-08", "Taget til efterretning.")]
    index = load(site_dir, locations.ARCHIVE_JSON)
    assert sum(mu["meetings"] for mu in index["municipalities"]) == len(archive.meetings())
    assert [len(load(site_dir, mu["data"])["meetings"]) for mu in index["municipalities"]] == [3, 1]
    assert index["municipalities"][0]["csv"]["moeder"] == "data/csv/alleroed/moeder.csv"


def test_meeting_file_holds_substitutes_incompleteness_and_provenance(site):
    archive, site_dir, _ = site
    meetings = {m.id: load(site_dir, locations.json_path(m)) for m in archive.municipalities["alleroed"].meetings()}
    first, again = meetings["2015-05-13"], meetings["2016-06-08-2"]
    assert first["substitutes"] == [{"name": "Eva Vikar", "party": "A", "replaces": "Bo Øst"}]
    assert "Eva Vikar" not in [m["name"] for m in first["members"]]
    assert first["source"] == {"file": "doc.txt", "lines": [1, 120], "kind": "pdf", "sha256": "5" * 64,
                               "url": "https://www.alleroed.dk/referat-2015-05-13.pdf"}
    assert first["attachment_documents"][0]["pages"] == [7, 8] and "pages" not in first["items"][0]
    assert first["incomplete"] is None
    assert again["substitutes"] == [{"name": "Eva Vikar", "party": "A", "replaces": None}]
    assert again["incomplete"] == {"line": 20, "missing": "punkt 2 og 3 i indholdsfortegnelsen"}
    assert again["source"]["kind"] is again["source"]["sha256"] is again["source"]["url"] is None
    eva = load(site_dir, locations.json_path(archive.municipalities["alleroed"].persons["eva-vikar"]))
    assert eva["attendance"] == []
    assert [(s["meeting"]["id"], s["replaces"]) for s in eva["substitute"]] == [("2015-05-13", "bo-oest"), ("2016-06-08-2", None)]


def test_schema_refuses_a_substitute_without_a_name_and_an_incomplete_mark_without_a_line(site):
    archive, site_dir, _ = site
    meeting = archive.municipalities["alleroed"].committees["oekonomiudvalget-2014-2017"].meetings[0]
    document = load(site_dir, locations.json_path(meeting))
    assert validator(site_dir, "meeting").is_valid(document)
    assert not validator(site_dir, "meeting").is_valid({**document, "substitutes": [{"party": "A", "replaces": None}]})
    assert not validator(site_dir, "meeting").is_valid({**document, "incomplete": {"missing": "punkt 3"}})
    assert not validator(site_dir, "meeting").is_valid({**document, "source": {**document["source"], "sha256": "abc"}})


def test_meeting_file_is_the_meeting_document(site):
    archive, site_dir, _ = site
    for meeting in archive.meetings():
        assert load(site_dir, locations.json_path(meeting)) == meeting_document(archive, meeting)


def as_content_keeps_it(document: dict) -> dict:
    """The imported form less what content/ does not keep: warnings, a decision heading without a
    decision, and headings inside a section's text (demoted so they cannot start a section)."""
    document.pop("warnings")
    for item in document["items"]:
        if item["access"] == "closed":
            continue
        if item["decision"] is None:
            item["decision_heading"] = None
        body = "\n\n".join(section_markdown(s, first=n == 0) for n, s in enumerate(item["sections"]))
        item["sections"] = [{"heading": s.heading, "text": s.text} for s in read_sections(body)]
    return document


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_meeting_document_gives_back_the_imported_form(sample):
    """Import a sample into content and read it back: the model's open-data form is the importer's."""
    imported = parse_document(sample)
    with tempfile.TemporaryDirectory() as folder:
        write_meeting(imported, Path(folder))
        archive = load_archive(Path(folder))
        assert meeting_document(archive, archive.meetings()[0]) == as_content_keeps_it(imported)
