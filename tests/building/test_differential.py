"""Random sequences of content and theme edits: after every step the incremental build equals a full build.

The edits touch any field of any content file (each YAML value, each Markdown
body), add, remove and rename meetings, items, attachments and persons, and
change the user's theme: templates that start to show something the default
theme does not (a meeting page listing the committee's members and their
roles, an item page with its case's other items, a person page counting the
municipality's meetings), an include of the theme's own, a stylesheet, and
overrides taken away again. An edit that makes the content invalid must fail
the incremental build as it fails the full one, leaving the site as it was;
the edit is then undone.
"""
from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from building_sites import files
from kommunearkiv.build import DEFAULT_THEME, build_site
from kommunearkiv.errors import InputError

CONTENT: Path | None = None  # generated once per test process: two municipalities, a few meetings each

SHOWS_MORE = {  # template → (text after which an addition goes, the addition)
    "meeting.html": ("{% block content %}", '<ul class="roller">{% for ms in committee.members %}'
                     "<li>{{ municipality.persons[ms.person].name }}: {{ ms.role }}</li>{% endfor %}</ul>"),
    "item.html": ("{% block content %}", "{% set sag = case_of(municipality, item) %}{% if sag %}<ol>{% for i in sag.items %}"
                  "<li>{{ i.title }} ({{ i.meeting.date }})</li>{% endfor %}</ol>{% endif %}"),
    "person.html": ("{% block content %}", "<p>{{ municipality.meetings() | length }} møder i alt</p>"),
    "home.html": ("{% block content %}", "{% for m in archive.municipalities.values() %}<p>{{ m.name }}: "
                  "{{ m.committees | length }}</p>{% endfor %}"),
    "base.html": ("<body>", '{% include "_eget.html" %}'),
}


def generated_content() -> Path:
    global CONTENT
    if CONTENT is None:
        from benchmarks.synthetic import generate_archive

        CONTENT = Path(tempfile.mkdtemp(prefix="differential-")) / "content"
        generate_archive(CONTENT, meetings=6, municipalities=2, items=3, seed=9, workers=1)
    return CONTENT


def scalar_paths(value, path=()):
    """Every scalar in a YAML document, as the keys and indexes leading to it."""
    if isinstance(value, dict):
        return [p for key, inner in value.items() for p in scalar_paths(inner, path + (key,))]
    if isinstance(value, list):
        return [p for index, inner in enumerate(value) for p in scalar_paths(inner, path + (index,))]
    return [path]


def changed(value):
    """Another value of the same kind: ids, names and texts get a suffix, numbers and dates move by one."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, dt.date)):
        return value + (dt.timedelta(days=1) if isinstance(value, dt.date) else 1)
    return f"{value}-x" if value else "x"


def split_front_matter(text: str) -> tuple[str | None, str]:
    if not text.startswith("---\n"):
        return None, text
    _, front, body = text.split("---\n", 2)
    return front, body


class EditsAndBuilds(RuleBasedStateMachine):
    @initialize()
    def start(self):
        self.root = Path(tempfile.mkdtemp(prefix="edits-"))
        self.content, self.theme = self.root / "content", self.root / "theme"
        shutil.copytree(generated_content(), self.content)
        (self.theme / "templates").mkdir(parents=True)
        (self.theme / "static").mkdir()
        self.build()

    def teardown(self):
        shutil.rmtree(getattr(self, "root", "/nonexistent"), ignore_errors=True)

    def build(self, full: bool = False, site: str = "site"):
        cache = self.root / ("fresh-cache" if full else "cache")
        if full:
            shutil.rmtree(self.root / site, ignore_errors=True)
            shutil.rmtree(cache, ignore_errors=True)
        return build_site(self.content, self.root / site, theme=self.theme, cache_dir=cache, full=full, jobs=1 if full else 2)

    def pick(self, data, *patterns: str) -> Path | None:
        found = sorted(path for pattern in patterns for path in self.content.glob(pattern))
        return data.draw(st.sampled_from(found)) if found else None

    def edit_a_field(self, data):
        path = self.pick(data, "**/*.yaml", "**/*.md")
        text = path.read_text(encoding="utf-8")
        front, body = split_front_matter(text) if path.suffix == ".md" else (text, None)
        if front is None:
            return
        document = yaml.safe_load(front)
        where = data.draw(st.sampled_from(scalar_paths(document)))
        if not where:
            return
        inner = document
        for key in where[:-1]:
            inner = inner[key]
        inner[where[-1]] = changed(inner[where[-1]])
        front = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
        path.write_text(front if body is None else f"---\n{front}---\n{body}", encoding="utf-8")

    def edit_a_text(self, data):
        sentence = data.draw(st.sampled_from(["Ny sætning om vejbelysning.", "Beslutning: **godkendt**.", "| a |\n|---|\n| 1 |"]))
        path = self.pick(data, "**/*.md")
        path.write_text(path.read_text(encoding="utf-8") + f"\n{sentence}\n", encoding="utf-8")

    def add_a_meeting(self, data):
        """A copy of a meeting a day later: new pages, and more items for its cases."""
        meeting = self.pick(data, "*/*/*/meeting.yaml").parent
        date = dt.date.fromisoformat(meeting.name[:10]) + dt.timedelta(days=1)
        if (meeting.parent / date.isoformat()).exists():
            return
        shutil.copytree(meeting, meeting.parent / date.isoformat())
        yaml_file = meeting.parent / date.isoformat() / "meeting.yaml"
        yaml_file.write_text(yaml_file.read_text(encoding="utf-8").replace(f"date: {meeting.name[:10]}", f"date: {date}"),
                             encoding="utf-8")

    def remove(self, data):
        path = self.pick(data, data.draw(st.sampled_from(["*/*/*/", "*/*/*/punkt-*.md", "*/*/*/bilag/*.md"])))
        if path is not None:
            shutil.rmtree(path) if path.is_dir() else path.unlink()

    def rename(self, data):
        """A meeting becomes the day's second, an item or attachment gets another name."""
        path = self.pick(data, data.draw(st.sampled_from(["*/*/*/", "*/*/*/punkt-*.md", "*/*/*/bilag/*.md"])))
        if path is not None:
            path.rename(path.with_name(f"{path.name}-2" if path.is_dir() else f"{path.stem}9{path.suffix}"))

    def rename_a_person(self, data):
        path = self.pick(data, "*/persons.yaml")
        persons = yaml.safe_load(path.read_text(encoding="utf-8"))
        person = data.draw(st.sampled_from(sorted(persons)))
        persons[person]["name"] += " Omdøbt"
        path.write_text(yaml.safe_dump(persons, allow_unicode=True), encoding="utf-8")

    def show_more(self, data):
        """A template of the user's theme starts to show something new."""
        template = data.draw(st.sampled_from(sorted(SHOWS_MORE)))
        target = self.theme / "templates" / template
        source = target if target.is_file() else DEFAULT_THEME / "templates" / template
        after, addition = SHOWS_MORE[template]
        target.write_text(source.read_text(encoding="utf-8").replace(after, after + addition, 1), encoding="utf-8")
        (self.theme / "templates" / "_eget.html").write_text(f"<p>{template}</p>", encoding="utf-8")

    def drop_an_override(self, data):
        found = sorted((self.theme / "templates").glob("*.html"))
        if found:
            data.draw(st.sampled_from(found)).unlink()

    def restyle(self, data):
        colour = data.draw(st.sampled_from(["red", "blue"]))
        (self.theme / "static" / "style.css").write_text(f"body {{ color: {colour}; }}\n", encoding="utf-8")

    @rule(data=st.data())
    def edit_content(self, data):
        edit = data.draw(st.sampled_from([self.edit_a_field, self.edit_a_text, self.add_a_meeting, self.remove, self.rename,
                                          self.rename_a_person]))
        edit(data)

    @rule(data=st.data())
    def edit_theme(self, data):
        data.draw(st.sampled_from([self.show_more, self.show_more, self.drop_an_override, self.restyle]))(data)

    @invariant()
    def incremental_equals_full(self):
        if not hasattr(self, "root"):
            return
        before = files(self.root / "site")
        try:
            self.build(full=True, site="fresh")
        except InputError:
            self.assert_refused(before)
            return
        self.build()
        assert files(self.root / "site") == files(self.root / "fresh")
        self.kept = self.content.with_name("kept")
        shutil.rmtree(self.kept, ignore_errors=True)
        shutil.copytree(self.content, self.kept)

    def assert_refused(self, before):
        """An edit the full build refuses: the incremental build refuses it too and leaves the site; undone."""
        try:
            self.build()
        except InputError:
            pass
        else:
            raise AssertionError("the incremental build accepted content the full build refused")
        assert files(self.root / "site") == before
        shutil.rmtree(self.content)
        shutil.copytree(self.kept, self.content)


EditsAndBuilds.TestCase.settings = settings(max_examples=6, stateful_step_count=5, deadline=None, derandomize=True,
                                            suppress_health_check=list(HealthCheck))
test_edits_and_builds = EditsAndBuilds.TestCase
