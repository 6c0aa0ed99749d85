"""Where an imported document came from: its kind, its SHA-256 and its official address.

The open-data form's ``source`` is ``{"file", "lines", "kind", "sha256", "url"}``.
``kind`` and ``sha256`` are what ``sources.read_source`` found when it read the
file: its kind by content, the digest of its bytes as published. The official
address (``url``) is the user's: ``import --source-url URL`` for one document, or a list file
``sources.tsv`` in the documents' folder, one ``file name<TAB>URL`` a line
(blank lines and lines starting with ``#`` are skipped).
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError, Problem
from .sources import Source

SOURCE_LIST = "sources.tsv"
URL = re.compile(r"^https?://[^\s/]+\S*$", re.IGNORECASE)
URL_EXPECTED = "an address starting with http:// or https://, without spaces"


def with_provenance(document: dict, source: Source) -> dict:
    """``document`` with the kind and SHA-256 of the file it was read from, and its official address
    (``None`` until the user gives one)."""
    document["source"].update(kind=source.kind, sha256=source.sha256)
    document["source"].setdefault("url", None)
    return document


def source_urls(documents: list[Path], source_url: str | None = None) -> dict[Path, str]:
    """The official address of each document that has one: ``source_url`` (for exactly one document), else its
    folder's ``sources.tsv``; every problem of the lists in one error."""
    if source_url is not None:
        if len(documents) != 1:
            raise InputError.single("--source-url", None, "source-url",
                                    f"one document to give the address of, found {len(documents)}; list the addresses "
                                    f"of a folder's documents in {SOURCE_LIST} beside them")
        if not URL.match(source_url):
            raise InputError.single("--source-url", None, "source-url", f"{URL_EXPECTED}, found {source_url!r}")
        return {documents[0]: source_url}
    urls, problems = {}, []
    for folder in sorted({path.parent for path in documents}):
        listed = read_source_list(folder / SOURCE_LIST, problems)
        urls |= {folder / name: url for name, url in listed.items()}
    if problems:
        raise InputError(problems)
    return {path: urls[path] for path in documents if path in urls}


def read_source_list(path: Path, problems: list[Problem]) -> dict[str, str]:
    """File name → URL from a list file (none: empty), each bad line a problem naming it."""
    if not path.is_file():
        return {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        problems.append(Problem(str(path), None, "encoding", f"a UTF-8 text file ({error.__class__.__name__})"))
        return {}
    listed: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, tab, url = line.partition("\t")
        name, url = name.strip(), url.strip()
        if not tab or not name:
            problems.append(Problem(str(path), number, "line", f"a file name, a tab and its address, found {line[:60]!r}"))
        elif not URL.match(url):
            problems.append(Problem(str(path), number, "url", f"{URL_EXPECTED}, found {url[:60]!r}"))
        elif name in listed:
            problems.append(Problem(str(path), number, "file", f"each file listed once, found {name!r} again"))
        elif Path(name).name != name or not (path.parent / name).is_file():
            problems.append(Problem(str(path), number, "file", f"the name of a file in {path.parent}, found {name!r}"))
        else:
            listed[name] = url
    return listed
