"""Imported meetings written to content/ read back into the same archive."""
import datetime as dt

from kommunearkiv.content.reader import load_archive
from kommunearkiv.content.writer import write_meeting


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_written_meeting_reads_back(tmp_path, document):
    write_meeting(document, tmp_path)
    archive = load_archive(tmp_path)
    municipality = archive.municipalities["alleroed"]
    assert municipality.name == "Allerød Kommune"
    assert municipality.persons["aase-aeroe"].party == "F"
    committee = municipality.committees["oekonomiudvalget-2014-2017"]
    assert committee.period == "2014-2017"
    meeting = committee.meetings[0]
    assert (meeting.id, meeting.date, meeting.start, meeting.end) == ("2015-05-13", dt.date(2015, 5, 13), "07:30", "08:35")
    assert meeting.present == ["aase-aeroe"] and meeting.absent == ["bo-oest"]
    assert [(s.person, s.replaces) for s in meeting.substitutes] == [("cai-berg", "bo-oest")]
    assert meeting.roles == {"aase-aeroe": "Formand", "bo-oest": "Medlem"}
    assert (meeting.source.file, meeting.source.first_line, meeting.source.last_line, meeting.source.format) == ("doc.txt", 1, 40, "alleroed")
    assert (meeting.original.kind, meeting.original.url, meeting.original.copy) == ("text", "https://www.alleroed.dk/doc.txt", None)
    item = meeting.item(1)
    assert item.meeting is meeting
    assert [(s.heading, s.text) for s in item.sections] == [("Tema", "Første afsnit.\n\n### En overskrift i teksten\n\nMere.")]
    assert item.decision.text == "Godkendt." and item.decision.heading.startswith("Beslutning Økonomiudvalget")
    assert item.earlier_decisions[0].date == dt.date(2014, 12, 3)
    assert item.absent == ["bo-oest"] and item.attachments == ["Notat.pdf"]
    assert item.source.file == "doc.txt" and (item.source.first_line, item.source.last_line) == (10, 20)
    assert municipality.cases["15-839"].items == [item]
    closed = meeting.item(2)
    assert closed.is_closed and closed.sections == [] and closed.decision is None
    attachment = meeting.attachment("1.1")
    assert attachment.meeting is meeting and attachment.read_text().startswith("# Notat")


def test_writing_twice_changes_nothing(tmp_path, document):
    write_meeting(document, tmp_path)
    first = tree(tmp_path)
    write_meeting(document, tmp_path)
    assert tree(tmp_path) == first


def test_second_meeting_merges_persons_and_memberships(tmp_path, document):
    write_meeting(document, tmp_path)
    document.update(date="2016-06-08", source={"file": "other.txt", "lines": [1, 9]},
                    members=[{"name": "Åse Ærø", "party": "F", "role": "Næstformand"}, {"name": "Bo Øst", "party": "B", "role": "Formand"}],
                    absent=[], substitutes=[])
    write_meeting(document, tmp_path)
    municipality = load_archive(tmp_path).municipalities["alleroed"]
    assert sorted(municipality.persons) == ["aase-aeroe", "bo-oest", "cai-berg"]
    assert municipality.persons["bo-oest"].party == "B"
    committee = municipality.committees["oekonomiudvalget-2014-2017"]
    assert [m.id for m in committee.meetings] == ["2015-05-13", "2016-06-08"]
    assert committee.meetings[1].roles == {"aase-aeroe": "Næstformand", "bo-oest": "Formand"}
    assert [i.meeting.id for i in municipality.cases["15-839"].items] == ["2015-05-13", "2016-06-08"]


def test_same_date_other_document_gets_own_folder(tmp_path, document):
    write_meeting(document, tmp_path)
    document["source"] = {"file": "extra.txt", "lines": [1, 5]}
    assert write_meeting(document, tmp_path).name == "2015-05-13-2"
    assert len(load_archive(tmp_path).municipalities["alleroed"].committees["oekonomiudvalget-2014-2017"].meetings) == 2
