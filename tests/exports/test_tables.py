"""The CSV tables, a set per municipality, parse with Python's csv module, carry their documented header, and
count what the model holds."""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from kommunearkiv.exports import locations
from kommunearkiv.exports.tables import TABLES, table_rows, write_tables
from kommunearkiv.model import Municipality

MUNICIPALITIES = ("alleroed", "gentofte")


def municipality_rows(site_dir: Path, municipality: str, name: str) -> list[dict]:
    table = next(t for t in TABLES if t.name == name)
    with open(site_dir / locations.csv_path(municipality, name), encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == [column for column, _ in table.columns]
        return list(reader)


def rows(site_dir: Path, name: str) -> list[dict]:
    """The table of the whole site: every municipality's file of it, in id order."""
    return [row for municipality in MUNICIPALITIES for row in municipality_rows(site_dir, municipality, name)]


def test_every_table_parses_with_its_documented_header(site):
    _, site_dir, _ = site
    for table in TABLES:
        assert all(None not in row for row in rows(site_dir, table.name)), table.name


def test_attendance_has_a_row_per_person_per_meeting(site):
    archive, site_dir, _ = site
    attendance = rows(site_dir, "fremmoede")
    per_meeting = Counter((r["municipality"], r["committee"], r["meeting"]) for r in attendance)
    assert per_meeting == Counter({(m.municipality, m.committee, m.id): len(m.present) + len(m.absent) + len(m.substitutes)
                                   for m in archive.meetings() if m.attendance or m.substitutes})
    absent = Counter(r["name"] for r in attendance if r["status"] == "absent")
    assert absent == Counter(archive.person(m.municipality, p).name for m in archive.meetings() for p in m.absent)


def test_a_substitute_has_a_row_of_their_own_saying_whom_they_replaced(site):
    _, site_dir, _ = site
    substitutes = [(r["meeting"], r["person"], r["role"], r["replaces"]) for r in rows(site_dir, "fremmoede") if r["status"] == "substitute"]
    assert substitutes == [("2015-05-13", "eva-vikar", "", "bo-oest"), ("2016-06-08-2", "eva-vikar", "", "")]
    present = [r["person"] for r in rows(site_dir, "fremmoede") if r["status"] == "present"]
    assert "eva-vikar" not in present
    meetings = {r["meeting"]: r for r in rows(site_dir, "moeder") if r["municipality"] == "alleroed"}
    assert (meetings["2015-05-13"]["present"], meetings["2015-05-13"]["substitutes"]) == ("1", "1")
    assert (meetings["2015-05-13"]["incomplete"], meetings["2016-06-08-2"]["incomplete"]) == ("nej", "ja")
    assert meetings["2015-05-13"]["source_url"] == "https://www.alleroed.dk/referat-2015-05-13.pdf"
    assert meetings["2015-05-13"]["original"] == ""  # known by its address only: no copy is kept


def test_meetings_and_items_agree_with_the_model(site):
    archive, site_dir, _ = site
    meetings = rows(site_dir, "moeder")
    in_order = [m for mu in MUNICIPALITIES for m in archive.municipalities[mu].meetings()]
    assert [(r["municipality"], r["committee"], r["meeting"]) for r in meetings] == [(m.municipality, m.committee, m.id) for m in in_order]
    assert [int(r["items"]) for r in meetings] == [len(m.items) for m in in_order]
    items = rows(site_dir, "punkter")
    assert len(items) == sum(len(m.items) for m in archive.meetings())
    closed = [r for r in items if r["access"] == "closed"]
    assert closed and all(r["case_number"] == r["item_type"] == r["decided"] == "" for r in closed)


def test_every_decision_on_one_case_is_a_filter_away(site):
    archive, site_dir, _ = site
    decisions = [r for r in rows(site_dir, "beslutninger") if r["case_number"] == "15/839"]
    case = archive.municipalities["alleroed"].cases["15-839"]
    assert [r["text"] for r in decisions if r["decision"] == "denne"] == [i.decision.text for i in case.items]
    assert [r["decision_date"] for r in decisions if r["decision"] == "tidligere"] == ["2014-12-03"]


def test_members_memberships_and_cases(site):
    archive, site_dir, _ = site
    assert len(rows(site_dir, "medlemmer")) == sum(len(mu.persons) for mu in archive.municipalities.values())
    assert len(rows(site_dir, "medlemskaber")) == sum(len(c.members) for mu in archive.municipalities.values()
                                                      for c in mu.committees.values())
    cases = {r["number"]: r for r in rows(site_dir, "sager")}
    assert set(cases) == {"15/839", "16/1", "EMN-2019-00607"}
    assert (cases["15/839"]["items"], cases["15/839"]["first_date"], cases["15/839"]["last_date"]) == ("2", "2015-05-13", "2016-06-08")


def test_each_tables_count_is_its_number_of_rows(site, shipped_archive):
    """Outlines keep ``table_rows`` (``Table.count``), which counts without making the rows: it must agree with them."""
    archive, site_dir, _ = site
    for municipality in MUNICIPALITIES:
        counted = table_rows(archive.municipalities[municipality])
        assert counted == {t.name: len(municipality_rows(site_dir, municipality, t.name)) for t in TABLES}
    assert all(len(rows(site_dir, t.name)) > 0 for t in TABLES)
    for municipality in shipped_archive.municipalities.values():
        assert table_rows(municipality) == {t.name: sum(1 for _ in t.rows(municipality)) for t in TABLES}, municipality.id


def test_a_municipality_without_meetings_has_every_table_with_its_header(tmp_path):
    empty = Municipality("tom", "Tom Kommune")
    assert [p.removeprefix("data/csv/tom/") for p in write_tables(empty, tmp_path)] == [f"{t.name}.csv" for t in TABLES]
    for table in TABLES:
        header = ",".join(column for column, _ in table.columns) + "\r\n"
        assert (tmp_path / locations.csv_path("tom", table.name)).read_bytes() == header.encode("utf-8")
