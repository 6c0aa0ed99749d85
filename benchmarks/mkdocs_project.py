"""The archive's meeting pages as a plain MkDocs project, for a build-speed comparison.

One Markdown page per meeting (facts, attendance, every item with its
sections and decisions; closed items by number and title only) and one per
attachment document, the text our site shows on those pages. MkDocs' built-in
``search`` plugin indexes them. The navigation lists the home page only:
MkDocs' themes render the whole navigation into every page, so a navigation
of all pages would make its build grow with the square of the archive, which
no one would configure for an archive.
"""
from __future__ import annotations

from pathlib import Path

from kommunearkiv.content.yamlfiles import dump_yaml
from kommunearkiv.model import AgendaItem, Archive, Meeting

CONFIG = {
    "site_name": "Kommunearkiv (MkDocs)",
    "theme": {"name": "mkdocs"},
    "plugins": ["search"],
    "nav": ["index.md"],
    "validation": {"omitted_files": "ignore", "absolute_links": "ignore", "unrecognized_links": "ignore"},
}


def write_mkdocs_project(archive: Archive, folder: Path) -> int:
    """Write ``mkdocs.yml`` and ``docs/`` into ``folder``; returns the number of pages."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(dump_yaml(CONFIG), encoding="utf-8")
    (docs / "index.md").write_text("# Kommunearkiv\n", encoding="utf-8")
    pages = 1
    for meeting in archive.meetings():
        meeting_dir = docs / meeting.municipality / meeting.committee / meeting.id
        meeting_dir.mkdir(parents=True)
        (meeting_dir / "index.md").write_text(meeting_markdown(archive, meeting), encoding="utf-8")
        for attachment in meeting.attachments:
            (meeting_dir / f"bilag-{attachment.slug}.md").write_text(f"# {attachment.title}\n\n{attachment.text}\n", encoding="utf-8")
        pages += 1 + len(meeting.attachments)
    return pages


def meeting_markdown(archive: Archive, meeting: Meeting) -> str:
    committee = archive.committee(meeting)
    lines = [f"# {committee.name}, {meeting.date.isoformat()}", "",
             f"{meeting.kind.capitalize()} · {meeting.location or ''} · {meeting.start or ''}–{meeting.end or ''}", "",
             f"**Til stede:** {person_names(archive, meeting, meeting.present)}", "",
             f"**Fraværende:** {person_names(archive, meeting, meeting.absent)}", ""]
    for item in meeting.items:
        lines += item_markdown(item)
    return "\n".join(lines) + "\n"


def person_names(archive: Archive, meeting: Meeting, ids: list[str]) -> str:
    return ", ".join(archive.person(meeting.municipality, p).name for p in ids) or "Ingen"


def item_markdown(item: AgendaItem) -> list[str]:
    lines = [f"## {item.number}. {item.title}", ""]
    if item.is_closed:
        return lines
    if item.case_number:
        lines += [f"Sagsnr.: {item.case_number}", ""]
    for section in item.sections:
        lines += [f"### {section.heading}" if section.heading else "", "", section.text, ""]
    for earlier in item.earlier_decisions:
        lines += [f"### Tidligere beslutning: {earlier.body} {earlier.date or ''}", "", earlier.text, ""]
    if item.decision:
        lines += [f"### {item.decision.heading}", "", item.decision.text, ""]
    return lines
