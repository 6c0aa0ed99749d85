"""Import many documents at once: parse them all first, then write all or nothing."""
from __future__ import annotations

from pathlib import Path

from ..content.writer import write_meeting
from ..errors import InputError, Problem
from ..folders import replaced_atomically
from . import parse_document

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


def parse_documents(paths: list[Path]) -> list[dict]:
    """The open-data form of every document; every document's problems in one error."""
    documents, problems = [], []
    for path in document_paths(paths):
        try:
            documents.append(parse_document(path))
        except InputError as error:
            problems += error.problems
    if problems:
        raise InputError(problems)
    return documents


def import_documents(paths: list[Path], content_dir: Path) -> list[dict]:
    """Parse, then merge every document into ``content_dir`` in one atomic replacement."""
    documents = parse_documents(paths)
    with replaced_atomically(content_dir, start_from_current=True) as work:
        for document in documents:
            write_meeting(document, work)
    return documents


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
