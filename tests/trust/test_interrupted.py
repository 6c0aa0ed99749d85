"""A build or import stopped half-way (SIGKILL, Ctrl-C) leaves site/ and content/ exactly as they were."""
from __future__ import annotations

import shutil
import signal
import time
from pathlib import Path

import pytest
from cli_run import ROOT, run_cli, start_cli, tree

from kommunearkiv import build
from kommunearkiv.build import CACHE_FOLDER
from kommunearkiv.cli import main

SHIPPED = ROOT / "content"
SAMPLES = ROOT / "samples"
COPIES = 12


@pytest.fixture(scope="module")
def previous(tmp_path_factory) -> Path:
    """The shipped content and a site built from it."""
    folder = tmp_path_factory.mktemp("interrupted")
    shutil.copytree(SHIPPED, folder / "content")
    result = run_cli("--content", str(folder / "content"), "--site", str(folder / "site"))
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture
def work(previous, tmp_path) -> Path:
    shutil.copytree(previous / "content", tmp_path / "content")
    shutil.copytree(previous / "site", tmp_path / "site")
    return tmp_path


def kill_when_half_way(process, folder: Path, prefix: str, files: int) -> None:
    """SIGKILL ``process`` once its work folder ``prefix*`` in ``folder`` holds ``files`` files."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert process.poll() is None, "finished before it could be interrupted"
        work = [p for p in folder.glob(prefix + "*") if p.is_dir()]
        if work and sum(1 for p in work[0].rglob("*") if p.is_file()) >= files:
            process.send_signal(signal.SIGKILL)
            process.wait()
            return
        time.sleep(0.005)
    process.kill()
    pytest.fail("the work folder never filled")


def test_build_killed_half_way_leaves_the_site_and_the_next_build_cleans_up(work):
    before = tree(work / "site")
    process = start_cli("--content", str(work / "content"), "--site", str(work / "site"))
    kill_when_half_way(process, work, ".site-new-", files=40)
    assert process.returncode == -signal.SIGKILL
    assert tree(work / "site") == before
    assert run_cli("--content", str(work / "content"), "--site", str(work / "site")).returncode == 0
    assert tree(work / "site") == before
    assert sorted(p.name for p in work.iterdir() if p.name != CACHE_FOLDER) == ["content", "site"]


def test_import_killed_half_way_leaves_content(work):
    documents = work / "documents"
    documents.mkdir()
    for n in range(COPIES):
        for sample in SAMPLES.glob("*.txt"):
            shutil.copy(sample, documents / f"{n:02d}-{sample.name}")
    before = tree(work / "content")
    process = start_cli("import", str(documents), "--content", str(work / "content"))
    kill_when_half_way(process, work, ".content-new-", files=len(before) + 20)
    assert tree(work / "content") == before


def test_build_interrupted_by_ctrl_c_leaves_the_site(work, monkeypatch, capsys):
    before = tree(work / "site")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(build, "write_site_files", interrupted)
    assert main(["--content", str(work / "content"), "--site", str(work / "site"), "--quiet"]) == 130
    assert "Interrupted; nothing was written." in capsys.readouterr().err
    assert tree(work / "site") == before
    assert sorted(p.name for p in work.iterdir() if p.name != CACHE_FOLDER) == ["content", "site"]
