"""Attachment texts stay on disk after loading and are read when needed, as they were when loaded."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kommunearkiv.content.reader import load_archive
from kommunearkiv.content.yamlfiles import load_markdown_file
from kommunearkiv.errors import InputError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def content(tmp_path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def attachment_files(content: Path) -> list[Path]:
    return sorted(content.glob("*/*/*/bilag/*.md"))


def test_attachment_texts_are_read_from_their_files_not_kept(content):
    archive = load_archive(content)
    attachments = [a for m in archive.meetings() for a in m.attachments]
    assert len(attachments) == len(attachment_files(content)) > 0
    for attachment in attachments:
        assert attachment.text == ""
        _, body, _, _ = load_markdown_file(Path(attachment.text_file.path))
        assert attachment.read_text() == body and len(body) > 0


def test_an_attachment_changed_after_loading_is_an_error_naming_it(content):
    archive = load_archive(content)
    attachment = next(a for m in archive.meetings() for a in m.attachments)
    path = Path(attachment.text_file.path)
    path.write_text(path.read_text(encoding="utf-8") + "\nTilføjet under bygningen.\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        attachment.read_text()
    assert str(path) in str(raised.value) and "changed while the site was built" in str(raised.value)
    path.unlink()
    with pytest.raises(InputError):
        attachment.read_text()


def test_the_texts_digest_is_in_the_models_repr(content):
    """Fingerprints hash the model's repr: a changed attachment text must change it."""
    before = repr(load_archive(content).meetings()[0].attachments)
    path = Path(load_archive(content).meetings()[0].attachments[0].text_file.path)
    path.write_text(path.read_text(encoding="utf-8") + "\nÉn sætning mere.\n", encoding="utf-8")
    assert repr(load_archive(content).meetings()[0].attachments) != before
