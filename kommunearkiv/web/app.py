"""The Flask app that renders the archive's pages (frozen into the static site by ``freeze``).

Themes are an ordered search path: a site's own theme first, then
``themes/default``. Templates and static files are looked up in that order,
so a theme overrides single files and falls back to the default for the rest.
"""
from __future__ import annotations

import traceback
from pathlib import Path

from flask import Flask, abort, current_app, request, send_from_directory, url_for
from jinja2 import BytecodeCache, ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError, TemplateSyntaxError
from markupsafe import Markup

from .. import dates
from ..errors import InputError
from ..labels import FOLLOWED_LABELS, INCOMPLETE_LABELS, KIND_DEFINITE, KIND_LABELS
from ..markup import render_markdown
from ..model import Archive, Committee, Meeting, Person
from ..parties import party
from ..slugs import slug
from . import navigation, outcomes, summaries, views
from .citations import citation
from .linked import alternate_links, json_ld
from .routes import route
from .state import ARCHIVE, CATALOG, SITE_ROOT, THEME_DIRS, current_archive, current_theme_dirs


def create_app(archive: Archive, theme_dirs: list[Path], site_url: str | None = None, catalog: dict | None = None) -> Flask:
    """The pages of ``archive``: a whole archive, one municipality of it, or the outlines of every municipality
    (``model.outline``, for the site-wide pages). ``site_url``, the site's public address, makes citations and
    canonical addresses absolute, and is where ``404.html`` links to (else the host's root: a host shows that page
    at any depth); ``catalog`` is what the data page lists (``exports.catalog``)."""
    app = Flask(__name__, static_folder=None, template_folder=None)
    # A template's error is the theme's, raised as such (``theme_error``), not a page answered with status 500.
    app.config.update(FREEZER_RELATIVE_URLS=True, SITE_URL=(site_url or "").rstrip("/"), PROPAGATE_EXCEPTIONS=True)
    app.extensions[ARCHIVE] = archive
    app.extensions[CATALOG] = catalog
    # Absolute: Flask would resolve a relative folder against the package, not the working directory.
    folders = [Path(d).resolve() for d in theme_dirs]
    app.extensions[THEME_DIRS] = folders
    app.jinja_loader = ChoiceLoader([FileSystemLoader(folder / "templates") for folder in folders])
    configure_jinja(app)
    app.add_url_rule("/static/<path:filename>", "static", send_theme_file)
    views.register(app)
    app.register_error_handler(TemplateError, theme_error)
    return app


def theme_error(error: TemplateError):
    """A template that cannot be read or rendered, reported as its file and line with Jinja's message and the
    page it failed on: a theme is input like content."""
    if isinstance(error, TemplateSyntaxError):
        path, line = error.filename or error.name or "template", error.lineno
    else:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith((".html", ".xml", ".txt"))]
        path, line = (frames[-1].filename, frames[-1].lineno) if frames else ("template", None)
    raise InputError.single(path, line, "template", f"a template that renders ({type(error).__name__}: {error.message}) "
                                                    f"on the page {request.path}") from error


class CompiledTemplates(BytecodeCache):
    """Templates compiled once per process for every app made in it (a build makes an app per municipality);
    Jinja checks the template's source against what was compiled before using it."""

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED_TEMPLATES = CompiledTemplates()


def configure_jinja(app: Flask) -> None:
    env = app.jinja_env
    env.bytecode_cache = COMPILED_TEMPLATES
    env.undefined = StrictUndefined
    env.trim_blocks = env.lstrip_blocks = True
    env.filters.update(
        danish_date=dates.danish_date, long_danish_date=dates.long_danish_date, weekday=dates.weekday,
        danish_period=lambda spell: dates.danish_period(spell.start, spell.end),
        markdown=render_markdown, kind_label=lambda kind: KIND_LABELS.get(kind, kind),
        kind_definite=lambda kind: KIND_DEFINITE.get(kind, "dokumentet"),
        incomplete_label=lambda kind: INCOMPLETE_LABELS.get(kind, "Dokumentet er ufuldstændigt"),
        followed_label=FOLLOWED_LABELS.get, party=party, status_class=slug, file_size=navigation.file_size,
        unbroken=navigation.unbroken,
    )
    env.globals.update(
        href=href, page_link=page_link, canonical_url=canonical_url, stylesheet=stylesheet,
        main_section=navigation.main_section, neighbours=navigation.neighbours,
        case_of=summaries.case_of, item_attachments=summaries.item_attachments,
        committee_of=lambda meeting: current_archive().committee(meeting),
        root_path=root_path, linked_data=linked_data, alternate_links=alternate_links,
        cite_source=lambda meeting, source: citation(meeting, source, request.path.lstrip("/")),
        outcome=outcomes.outcome, followed=outcomes.followed, decision_label=outcomes.decision_label,
        recommendations=outcomes.recommendations, background_sections=outcomes.background_sections,
    )


def root_path() -> str:
    """The way from the current page to the site root: relative (``../../`` two levels down), or the root itself
    on a page shown at any address (``page_link``)."""
    return request.environ.get(SITE_ROOT) or "../" * (request.path.count("/") - 1)


def linked_data(thing) -> dict | None:
    """schema.org JSON-LD of a meeting, member or committee page, with addresses under the site's address when known."""
    if not isinstance(thing, (Meeting, Person, Committee)):
        return None
    site_url = current_app.config["SITE_URL"]
    return json_ld(current_archive(), thing, f"{site_url}/" if site_url else root_path())


def href(thing, anchor: str | None = None) -> str:
    """The URL of ``thing``'s page (relative when freezing)."""
    endpoint, values = route(thing)
    return page_link(endpoint, _anchor=anchor, **values)


def page_link(endpoint: str, **values) -> str:
    """A link to a page of the site: relative, through the ``url_for`` templates use; from the site's root on a
    page a host shows at any address (``404.html``, whose view sets ``SITE_ROOT``), where a relative link would
    lead nowhere."""
    root = request.environ.get(SITE_ROOT)
    if root is None:
        return current_app.jinja_env.globals["url_for"](endpoint, **values)
    return root + url_for(endpoint, **values).lstrip("/")


def canonical_url() -> str | None:
    """The page's own address under the site's address, when that is known (none for ``404.html``)."""
    site_url = current_app.config["SITE_URL"]
    return f"{site_url}{request.path}" if site_url and request.endpoint != "not_found" else None


def theme_file(filename: str) -> Path | None:
    """The static file ``filename`` of the first theme that has it."""
    return next((folder / "static" / filename for folder in current_theme_dirs()
                 if (folder / "static" / filename).is_file()), None)


def send_theme_file(filename: str):
    found = theme_file(filename)
    if found is None:
        abort(404)
    return send_from_directory(found.parent, found.name)


def stylesheet() -> Markup:
    """The theme's stylesheet itself, for the page a host shows at any address (``404.html``): it keeps its styles
    wherever it is shown, even where its links could not lead (a sub-path, without ``--site-url``)."""
    found = theme_file("style.css")
    return Markup(found.read_text(encoding="utf-8")) if found else Markup("")


def static_files() -> list[str]:
    """Every static file of the themes, each once (the first theme's copy wins), as sorted relative paths."""
    names = {
        path.relative_to(folder / "static").as_posix()
        for folder in current_theme_dirs() if (folder / "static").is_dir()
        for path in (folder / "static").rglob("*")
        if path.is_file() and not path.name.startswith(".")
    }
    return sorted(names)
