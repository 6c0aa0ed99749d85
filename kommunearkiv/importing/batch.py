"""Import many documents at once: parse them all first, then write all or nothing.

What the importer accepts, the build accepts: the content an import would
write is read back with the rules of ``build.py check`` before anything is
kept, also on a dry run. Each document's file is kept beside its meeting
(``content.originals``), with its official address when the user gives one
(``provenance``).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from ..content.originals import withheld
from ..content.reader import read_archive
from ..content.writer import write_meeting
from ..errors import InputError, Problem
from ..folders import replaced_atomically
from ..slugs import municipality_slug
from . import parse_document
from .provenance import source_urls

FOLDER_SUFFIXES = (".txt", ".pdf", ".html", ".htm")


def document_paths(paths: list[Path]) -> list[Path]:
    """Files as given; folders contribute their text, PDF and HTML files (by name; each file's kind is then
    told by its content), in name order."""
    found, problems = [], []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in FOLDER_SUFFIXES and p.is_file())
        elif path.is_file():
            found.append(path)
        else:
            problems.append(Problem(str(path), None, "path", "an existing file or folder of minutes"))
    if problems:
        raise InputError(problems)
    if not found:
        raise InputError.single(", ".join(map(str, paths)), None, "path", "at least one document (" + ", ".join(f"*{s}" for s in FOLDER_SUFFIXES) + " in folders)")
    return found


def parse_documents(paths: list[Path], source_url: str | None = None,
                    municipality: str | None = None) -> list[tuple[Path, dict]]:
    """Each document's file and open-data form, with its official address (``source_url`` for one document,
    else its folder's list); every document's problems in one error. ``municipality`` is the user's
    ``--municipality``, for templates many municipalities use."""
    found = document_paths(paths)
    urls = source_urls(found, source_url)
    parsed, problems = [], []
    for path in found:
        try:
            document = parse_document(path, municipality)
        except InputError as error:
            problems += error.problems
            continue
        document["source"]["url"] = urls.get(path) or document["source"].get("url")
        document["warnings"] += withheld(document)
        parsed.append((path, document))
    if problems:
        raise InputError(problems)
    return parsed


def import_documents(paths: list[Path], content_dir: Path, source_url: str | None = None,
                     municipality: str | None = None) -> list[dict]:
    """Parse, then merge every document into ``content_dir`` in one atomic replacement."""
    parsed = parse_documents(paths, source_url, municipality)
    with replaced_atomically(content_dir, start_from_current=True) as work:
        write_checked(parsed, work, content_dir)
    return [document for _, document in parsed]


def dry_run(paths: list[Path], source_url: str | None = None, municipality: str | None = None) -> list[dict]:
    """Parse, and check the content the documents would make on their own; write nothing."""
    parsed = parse_documents(paths, source_url, municipality)
    with tempfile.TemporaryDirectory(prefix="kommunearkiv-dry-run-") as folder:
        write_checked(parsed, Path(folder), Path("content"))
    return [document for _, document in parsed]


def write_checked(parsed: list[tuple[Path, dict]], work: Path, shown_as: Path) -> None:
    """Write the documents, each with its original, into ``work`` and read their municipalities back as the
    build would; the build's problems are raised as the import's, with paths under ``shown_as``."""
    for path, document in parsed:
        write_meeting(document, work, original=path)
    try:
        read_archive(work, only={municipality_slug(d["municipality"]) for _, d in parsed})
    except InputError as error:
        raise InputError([
            Problem(problem.path.replace(str(work), str(shown_as), 1), problem.line, problem.field,
                    f"{problem.expected} (in the content this import would write; nothing was written)")
            for problem in error.problems]) from None


def summary(document: dict) -> str:
    items = document["items"]
    cases = {i["case_number"] for i in items if i.get("case_number")}
    lines = [
        f"{document['source']['file']}: format {document['format']}, {document['municipality']}, "
        f"{document['committee']} {document['date']} ({document['document_kind']}): "
        f"{len(items)} items, {len(cases)} cases, {len(document['attachment_documents'])} attachments, "
        f"{len(document['warnings'])} warnings"
    ]
    lines += [f"  warning: {w}" for w in document["warnings"]]
    return "\n".join(lines)
