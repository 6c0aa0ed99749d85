"""The synthetic archive: same seed → same bytes, and content the real reader accepts with the features of real minutes."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import yaml

from benchmarks.mkdocs_project import write_mkdocs_project
from benchmarks.synthetic import add_meeting, generate_archive
from benchmarks.synthetic_meetings import FORMATS
from benchmarks.vocabulary import MAX_WORDS, SAMPLES_DIR, learn
from kommunearkiv.content.reader import load_archive

MEETINGS = 48


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic") / "content"
    counts = generate_archive(folder, MEETINGS, municipalities=2, seed=7, workers=2)
    assert counts["meetings"] == MEETINGS and counts["municipalities"] == 2
    return folder


@pytest.fixture(scope="module")
def archive(content):
    return load_archive(content)


def test_same_seed_same_bytes_whatever_the_workers(content, tmp_path):
    again = tmp_path / "again"
    generate_archive(again, MEETINGS, municipalities=2, seed=7, workers=1)
    assert tree_digest(again) == tree_digest(content)


def test_another_seed_another_archive(content, tmp_path):
    other = tmp_path / "other"
    generate_archive(other, MEETINGS, municipalities=2, seed=8, workers=1)
    assert tree_digest(other) != tree_digest(content)


def test_reader_accepts_the_archive_with_the_requested_size(archive):
    meetings = archive.meetings()
    assert len(meetings) == MEETINGS and len(archive.municipalities) == 2
    items = sum(len(m.items) for m in meetings)
    assert 8 * MEETINGS <= items <= 12 * MEETINGS


def test_cases_recur_with_earlier_decisions(archive):
    cases = [c for m in archive.municipalities.values() for c in m.cases.values()]
    recurring = [c for c in cases if len({id(i.meeting) for i in c.items}) >= 2]
    assert recurring
    later = [i for c in recurring for i in c.items[1:]]
    assert any(i.earlier_decisions and i.earlier_decisions[-1].date < i.meeting.date for i in later)


def test_closed_items_have_number_and_title_only(archive):
    closed = [i for m in archive.meetings() for i in m.items if i.is_closed]
    assert closed
    assert all(i.title and not (i.sections or i.decision or i.case_number or i.attachments) for i in closed)


def test_members_parties_roles_and_absences(archive):
    persons = [p for m in archive.municipalities.values() for p in m.persons.values()]
    assert persons and all(p.party for p in persons)
    roles = {ms.role for m in archive.municipalities.values() for c in m.committees.values() for ms in c.members}
    assert {"Formand", "Næstformand", "Medlem"} <= roles
    assert any(m.absent for m in archive.meetings())


def test_sections_use_the_format_headings_and_attachments_are_long(archive):
    headings = {h for f in FORMATS for h in f.headings}
    sections = [s for m in archive.meetings() for i in m.items for s in i.sections]
    assert sections and {s.heading for s in sections} <= headings
    attachments = [a for m in archive.meetings() for a in m.attachments]
    assert attachments and all(a.meeting.item(a.item).attachments for a in attachments)
    assert max(len(a.read_text().split()) for a in attachments) > 500


def test_text_is_made_of_the_samples_words(archive):
    sample_words = set(re.findall(r"\w+", " ".join(p.read_text(encoding="utf-8") for p in SAMPLES_DIR.glob("*.txt")).lower()))
    text = " ".join(s.text for m in archive.meetings() for i in m.items for s in i.sections)
    words = re.findall(r"\w+", text.lower())
    assert len(words) > 10_000
    assert {w for w in words if w not in sample_words} == set()


def test_vocabulary_sentences_are_as_long_as_the_samples():
    import random

    vocabulary = learn()
    rng = random.Random(3)
    sentences = [vocabulary.sentence(rng) for _ in range(200)]
    assert all(s[0].isupper() and s.endswith((".", "!", "?")) and len(s.split()) <= MAX_WORDS for s in sentences)
    assert len(set(sentences)) > 190


def test_added_meeting_extends_the_memberships(content, tmp_path):
    copy = tmp_path / "content"
    copy.mkdir()
    for path in content.rglob("*"):
        if path.is_file():
            (copy / path.relative_to(content)).parent.mkdir(parents=True, exist_ok=True)
            (copy / path.relative_to(content)).write_bytes(path.read_bytes())
    folder = add_meeting(copy, seed=7)
    archive = load_archive(copy)
    assert len(archive.meetings()) == MEETINGS + 1
    committee = yaml.safe_load((folder.parent / "committee.yaml").read_text(encoding="utf-8"))
    assert max(m["to"] for m in committee["members"]).isoformat() == folder.name


def test_mkdocs_project_has_a_page_per_meeting_and_attachment(archive, tmp_path):
    pages = write_mkdocs_project(archive, tmp_path / "mk")
    written = list((tmp_path / "mk" / "docs").rglob("*.md"))
    meetings = archive.meetings()
    assert pages == len(written) == 1 + len(meetings) + sum(len(m.attachments) for m in meetings)
    closed = next(i for m in meetings for i in m.items if i.is_closed)
    page = (tmp_path / "mk" / "docs" / closed.meeting.municipality / closed.meeting.committee / closed.meeting.id / "index.md")
    after_heading = page.read_text(encoding="utf-8").split(f"## {closed.number}. {closed.title}\n", 1)[1]
    assert after_heading.split("\n## ", 1)[0].strip() == ""
