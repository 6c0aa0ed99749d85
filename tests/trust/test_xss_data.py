"""The data files of the hostile site: each parses with a real parser and holds the payloads as plain text."""
from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import pytest
from payloads import PAYLOADS, one_line

from kommunearkiv.content.reader import load_archive

ATOM = "{http://www.w3.org/2005/Atom}"
SEARCH_SCRIPT = re.compile(r'kommunearkivSearch\.receive\("([a-z0-9/-]+)",(.*)\);\n', re.S)
NODE_LOADER = """
const vm = require("vm"), fs = require("fs");
const calls = [];
for (const file of process.argv.slice(1)) {
  const sandbox = {kommunearkivSearch: {receive: (key, data) => calls.push([file, key, data])}};
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
  const extra = Object.keys(sandbox).filter(k => k !== "kommunearkivSearch");
  if (extra.length || sandbox.__pwned !== undefined) throw new Error(file + " set " + extra);
}
process.stdout.write(JSON.stringify(calls));
"""


def strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def squeezed(text: str) -> str:
    return " ".join(text.split())


def missing_payloads(texts: list[str], whole: bool) -> list[str]:
    """Payloads not found as text: ``whole`` wants a value equal to the one-line payload, else a value containing it."""
    values = {squeezed(t) for t in texts}
    joined = "\n".join(values)
    return [p for p in PAYLOADS if (one_line(p) not in values if whole else one_line(p) not in joined)]


@pytest.fixture(scope="module")
def meetings(hostile_content) -> int:
    return len(load_archive(hostile_content).meetings())


def test_json_files_parse_and_hold_every_payload_as_text(hostile_site):
    texts = []
    for path in sorted((hostile_site / "data").rglob("*.json")):
        texts += strings(json.loads(path.read_text(encoding="utf-8")))
    assert not missing_payloads(texts, whole=True)


def test_csv_tables_parse_and_keep_every_payload_in_one_cell(hostile_site):
    cells = []
    for path in sorted((hostile_site / "data/csv").rglob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        assert all(len(row) == len(rows[0]) for row in rows), path.name
        cells += [cell for row in rows[1:] for cell in row]
    assert not missing_payloads(cells, whole=True)


def test_feeds_are_atom_with_payloads_as_escaped_text(hostile_site, meetings):
    texts, titles = [], []
    for path in sorted((hostile_site / "data/feeds").rglob("*.atom")):
        root = ET.parse(path).getroot()
        foreign = {el.tag for el in root.iter() if not el.tag.startswith(ATOM)}
        assert not foreign, f"{path.name}: elements {foreign}"
        texts += [el.text or "" for el in root.iter()]
        if path.name == "alle.atom":
            titles = [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]
    assert len(titles) >= meetings and "Falsk" not in titles
    assert not missing_payloads(texts, whole=False)


def test_calendars_have_one_event_per_meeting_whatever_the_text(hostile_site, meetings):
    events = []
    for path in sorted((hostile_site / "data/kalendere").rglob("*.ics")):
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        events += [str(event.get("summary")) for event in calendar.walk("VEVENT")]
    assert len(events) == meetings
    assert not [e for e in events if e == "Falsk møde"]


def test_search_index_files_are_one_call_with_json_data(hostile_site):
    texts = []
    for path in sorted((hostile_site / "search/index").rglob("*.js")):
        match = SEARCH_SCRIPT.fullmatch(path.read_text(encoding="utf-8"))
        assert match, f"{path.name} is not one receive(key, data) call"
        assert match.group(1) == path.relative_to(hostile_site / "search/index").with_suffix("").as_posix()
        texts += strings(json.loads(match.group(2)))
    assert not missing_payloads(texts, whole=False)


@pytest.mark.skipif(not shutil.which("node"), reason="needs Node.js")
def test_search_index_files_evaluated_as_javascript_call_receive_once_and_set_nothing(hostile_site):
    files = sorted(str(p) for p in (hostile_site / "search/index").rglob("*.js"))
    result = subprocess.run(["node", "-e", NODE_LOADER, *files], capture_output=True, text=True, check=True)
    calls = json.loads(result.stdout)
    assert [call[0] for call in calls] == files
    root = Path(hostile_site / "search/index")
    assert [call[1] for call in calls] == [Path(f).relative_to(root).with_suffix("").as_posix() for f in files]
