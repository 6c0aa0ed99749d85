"""What follows the items of Allerød minutes: the signatures and the appended attachments.

``Signeret af:`` then each name with its role (``Nikolaj Bührmann`` / ``Formand``); then
per attachment ``Bilag: 3.1. Title.pdf``, its ``Udvalg:``, ``Mødedato:``, ``Adgang:`` and
``Bilagsnr:`` and its text, until the next ``Bilag: N.M.``.
"""
from __future__ import annotations

import re

from ..normalise import body_markdown
from .stream import Stream
from .substitutes import WORD

SIGNED = re.compile(r"\bSigneret\s+af\b\s*:?")
ATTACHMENT = re.compile(r"(?<![\w])Bilag\s*:\s*(?P<label>(?P<item>\d+)\.\d+)\.?\s+(?=\S)")
META = re.compile(r"(?<![\w])(?P<key>Udvalg|Mødedato|Adgang|Bilagsnr)\.?\s*:\s*")
ONE_WORD_META = ("adgang", "bilagsnr")
ROLE = r"(?:Formand|Næstformand|Medlem|Borgmester|Viceborgmester|Udvalgsformand)\b"
SIGNER = re.compile(rf"(?P<name>(?!{ROLE}){WORD}(?: (?!{ROLE}){WORD})+)\s+{ROLE}")
HEADING_REACH = 300
WORD = re.compile(r"\S+")


def signatures(stream: Stream, start: int, end: int) -> list[str]:
    """Names signing the minutes: each one followed by its role."""
    return [match["name"] for match in SIGNER.finditer(stream.text, start, end)]


def attachment_starts(stream: Stream, start: int) -> list[int]:
    return [match.start() for match in ATTACHMENT.finditer(stream.text, start)]


def attachments(stream: Stream, starts: list[int], closed: set[int], warnings: list[str]) -> list[dict]:
    documents = []
    for start, end in zip(starts, starts[1:] + [len(stream.text)]):
        document, access = attachment(stream, start, end)
        if document["item"] in closed or access.lower().startswith("lukket"):
            warnings.append(f"line {document['lines'][0]}: attachment {document['label']} of a closed item left out")
            continue
        documents.append(document)
    return documents


def attachment(stream: Stream, start: int, end: int) -> tuple[dict, str]:
    """One ``Bilag: N.M. Title`` block and its access (``Åben``/``Lukket``)."""
    heading = ATTACHMENT.match(stream.text, start)
    title_end = heading_end(stream, heading.end(), end)
    meta, position = {}, title_end
    while found := META.match(stream.text, next_word(stream, position, end)):
        value_end = meta_value_end(stream, found, end)
        meta[found["key"].lower()] = stream.flat(found.end(), value_end)
        position = value_end
    return {
        "label": heading["label"], "title": stream.flat(heading.end(), title_end), "item": int(heading["item"]),
        "reference": meta.get("bilagsnr") or None,
        "text": body_markdown(stream.lines_between(position, end)),
        "lines": [stream.number(start), stream.last_number(start, end)],
    }, meta.get("adgang", "")


def next_word(stream: Stream, position: int, end: int) -> int:
    word = WORD.search(stream.text, position, end)
    return word.start() if word else end


def heading_end(stream: Stream, position: int, end: int) -> int:
    """The title runs to the first metadata label, or to the end of its lines."""
    limit = min(end, position + HEADING_REACH)
    meta = META.search(stream.text, position, limit)
    index = stream.index(position)
    while index + 1 < len(stream.lines) and stream.starts[index + 1] < limit and \
            not stream.lines[index + 1].blank_before:
        index += 1
    line_end = stream.starts[index] + len(stream.lines[index].text)
    return min([line_end, limit] + ([meta.start()] if meta else []))


def meta_value_end(stream: Stream, label: re.Match, end: int) -> int:
    """A one-word value (``Åben``, ``33292/15``) or one running to the next label."""
    if label["key"].lower() in ONE_WORD_META:
        word = WORD.search(stream.text, label.end(), end)
        return word.end() if word else label.end()
    following = META.search(stream.text, label.end(), end)
    return following.start() if following else end
