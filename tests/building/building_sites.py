"""What the build tests compare: a site folder's files with their bytes; content with originals and substitutes."""
import hashlib
from pathlib import Path

SUBSTITUTES = {"vikar-hansen": "Vikar Hansen", "vikar-jensen": "Vikar Jensen"}


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def meeting_folders(content: Path) -> list[Path]:
    return sorted(p.parent for p in content.glob("*/*/*/meeting.yaml"))


def keep_original(meeting: Path, data: bytes) -> None:
    """``data`` as the meeting's original document, with its SHA-256 in meeting.yaml (as an import records it)."""
    (meeting / "original.txt").write_bytes(data)
    path = meeting / "meeting.yaml"
    kept = [line for line in path.read_text(encoding="utf-8").split("\n") if not line.startswith(("  kind:", "  sha256:"))]
    at = kept.index("source:") + 1
    kept[at:at] = ["  kind: text", f"  sha256: {hashlib.sha256(data).hexdigest()}"]
    path.write_text("\n".join(kept), encoding="utf-8")


def add_provenance(content: Path) -> None:
    """Give every meeting without a closed item an original document, and the first meeting with an absentee a
    substitute who took their seat (``vikar-hansen``; ``vikar-jensen`` is a person of no meeting yet)."""
    persons = next(content.glob("*/persons.yaml"))
    persons.write_text(persons.read_text(encoding="utf-8") + "".join(
        f"{person_id}:\n  name: {name}\n  party: A\n" for person_id, name in SUBSTITUTES.items()), encoding="utf-8")
    substituted = False
    for meeting in meeting_folders(content):
        if not any("access: closed" in item.read_text(encoding="utf-8") for item in meeting.glob("punkt-*.md")):
            keep_original(meeting, f"Referat af mødet {meeting.name}\n".encode())
        text = (meeting / "meeting.yaml").read_text(encoding="utf-8")
        if not substituted and "\nabsent:\n- " in text:
            absent = text.split("\nabsent:\n- ", 1)[1].split("\n", 1)[0]
            (meeting / "meeting.yaml").write_text(text + f"substitutes:\n- person: vikar-hansen\n  replaces: {absent}\n", encoding="utf-8")
            substituted = True
    assert substituted
