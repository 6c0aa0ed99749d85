"""The Nu Html Checker (vnu.jar) over every HTML file of the real build, and over the stylesheet, in one run."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
STYLESHEET = ROOT / "themes" / "default" / "static" / "style.css"


def nu_errors(files: list[Path]) -> list[dict]:
    """Every error the checker reports for ``files`` (HTML, and CSS files too), from its JSON report."""
    java = shutil.which("java")
    assert java, "Java is needed for the Nu Html Checker (make test-deps installs it)"
    run = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--also-check-css", "--format", "json",
                          *map(str, files)], capture_output=True, text=True, timeout=300)
    report = json.loads(run.stderr)
    return [message for message in report["messages"] if message["type"] in ("error", "non-document-error")]


def describe(message: dict, site: Path) -> str:
    path = Path(unquote(urlsplit(message.get("url", "")).path))
    where = path.relative_to(site) if path.is_relative_to(site) else path
    return f"{where}:{message.get('lastLine', '?')}: {message['message']}"


@pytest.fixture(scope="module")
def site_errors(built_site) -> list[str]:
    files = sorted(built_site.rglob("*.html")) + [STYLESHEET]
    assert len(files) > 50
    return [describe(message, built_site) for message in nu_errors(files)]


def test_the_checker_is_installed():
    assert VNU.is_file(), "run `npm ci` (make test-deps) to install vnu-jar"


def test_every_page_and_the_stylesheet_are_valid(site_errors):
    assert not site_errors, "\n".join(site_errors)


def test_the_checker_reports_errors_in_html_and_css(built_site, tmp_path):
    broken_page, broken_css = tmp_path / "broken.html", tmp_path / "broken.css"
    page = (built_site / "index.html").read_text(encoding="utf-8")
    broken_page.write_text(page.replace("<main ", "<main><main ", 1), encoding="utf-8")
    broken_css.write_text(STYLESHEET.read_text(encoding="utf-8") + "\nmain { colour: red; }\n", encoding="utf-8")
    errors = [describe(message, tmp_path) for message in nu_errors([broken_page, broken_css])]
    assert {error.split(":")[0] for error in errors} == {"broken.html", "broken.css"}, errors
