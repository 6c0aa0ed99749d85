"""The streamed index writer gives, byte for byte, the files of a straightforward reference: every
document made at once, sorted by group, lunr.py's Builder for the postings, whole lists cut into shards."""
from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path

import pytest

from kommunearkiv.model import Archive
from kommunearkiv.search import write_search_index
from kommunearkiv.search.documents import (
    FIELDS, TYPES, attachment_document, case_document, group_key, item_document, meeting_document, person_document,
)
from kommunearkiv.search.index import build_index, term_postings

from .fixture_archive import fixture_archive
from .test_index_files import synthetic_archive


def all_documents(archive: Archive) -> list:
    """Every document, made at once in archive order."""
    docs = []
    for municipality in archive.municipalities.values():
        for meeting in municipality.meetings():
            docs.append(meeting_document(archive, municipality, meeting))
            docs += [item_document(archive, item) for item in meeting.items]
            closed = {item.number for item in meeting.items if item.is_closed}
            docs += [attachment_document(archive, a) for a in meeting.attachments if a.item not in closed]
        docs += [case_document(archive, case) for case in municipality.cases.values() if case.items]
        docs += [person_document(municipality, person) for person in municipality.persons.values()]
    return docs


def reference_files(archive: Archive, shard_bytes: int) -> dict[str, bytes]:
    docs = sorted(all_documents(archive), key=group_key)
    shards = []
    for entry in term_postings(build_index(docs)):
        if not shards or sum(len(dump(list(e))) for e in shards[-1]) >= shard_bytes:
            shards.append([])
        shards[-1].append(entry)
    municipalities = sorted({d.municipality for d in docs})
    committees = sorted({(d.municipality, d.committee, d.committee_name) for d in docs if d.committee})
    names = {m.id: m.name for m in archive.municipalities.values()}
    manifest = {
        "version": 1, "fields": [name for name, _ in FIELDS], "documents": len(docs), "chunk": 16,
        "shards": [shard[0][0] for shard in shards], "types": [list(t) for t in TYPES],
        "municipalities": [[m, names[m]] for m in municipalities],
        "committees": [[municipalities.index(m), c, name] for m, c, name in committees],
        "groups": [[len(list(run)), municipalities.index(m),
                    next((n for n, (cm, cc, _) in enumerate(committees) if (cm, cc) == (m, c)), -1), year, kind]
                   for (m, c, year, kind), run in groupby(docs, key=group_key)],
    }
    files = {"manifest": manifest}
    files.update((f"t/{n}", [list(entry) for entry in shard]) for n, shard in enumerate(shards))
    files.update((f"d/{n // 16}", [[d.url, d.label, d.date, d.snippets] for d in docs[n:n + 16]])
                 for n in range(0, len(docs), 16))
    return {key: f'kommunearkivSearch.receive("{key}",{dump(data)});\n'.encode() for key, data in files.items()}


def dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def written_files(site: Path) -> dict[str, bytes]:
    folder = site / "search" / "index"
    return {path.relative_to(folder).with_suffix("").as_posix(): path.read_bytes() for path in folder.rglob("*.js")}


@pytest.mark.parametrize("archive, shard_bytes", [
    (fixture_archive(), 600), (fixture_archive(), 24_000), (synthetic_archive(300), 2_000),
], ids=["fixture", "fixture-one-shard", "synthetic-300"])
def test_streamed_files_equal_the_reference(archive, shard_bytes, tmp_path):
    figures = write_search_index(archive, tmp_path, shard_bytes=shard_bytes)
    files = written_files(tmp_path)
    expected = reference_files(archive, shard_bytes)
    assert sorted(files) == sorted(expected)
    for key, content in expected.items():
        assert files[key] == content, key
    assert figures == {"documents": len(all_documents(archive)),
                       "shards": sum(k.startswith("t/") for k in expected),
                       "chunks": sum(k.startswith("d/") for k in expected),
                       "bytes": sum(map(len, expected.values()))}


def test_shipped_content_equals_the_reference(shipped_archive, tmp_path):
    write_search_index(shipped_archive, tmp_path, shard_bytes=4_000)
    assert written_files(tmp_path) == reference_files(shipped_archive, 4_000)


def test_an_empty_archive_gives_a_manifest_only(tmp_path):
    figures = write_search_index(Archive(), tmp_path)
    assert list(written_files(tmp_path)) == ["manifest"]
    assert figures == {"documents": 0, "shards": 0, "chunks": 0, "bytes": len(written_files(tmp_path)["manifest"])}
