"""The build benchmark on a tiny archive: every step of the real build runs and is measured."""
from __future__ import annotations

import json

from benchmarks.build_benchmark import main


def test_tiny_benchmark_measures_every_step_and_the_rebuild(tmp_path, capsys):
    figures = tmp_path / "figures.json"
    assert main(["--sizes", "8", "--work", str(tmp_path / "work"), "--no-mkdocs", "--json", str(figures)]) == 0
    [result] = json.loads(figures.read_text(encoding="utf-8"))
    build, rebuild = result["build"], result["rebuild"]
    assert result["generate"]["meetings"] == 8
    assert list(build["steps"]) == ["load", "app", "freeze", "search", "exports"]
    assert not [name for name, step in build["steps"].items() if "error" in step]
    assert build["pages"] > 8 * 10 and build["peak_mib"] > 20 and build["cpu_s"] > 0
    assert rebuild["pages"] > build["pages"] and (tmp_path / "work" / "site-8" / rebuild["added"] / "index.html").is_file()
    assert "full build:" in capsys.readouterr().out
