"""The files municipalities publish (PDF, HTML pages, text) → the text the shared normaliser reads.

The text has ``\\n`` line ends, ``\\f`` on a line of its own between pages (PDF), bold runs as
``**…**``, headings as ``# …`` lines and table rows as tab-separated cells. The kind of a file is
told by its content, never only by its name: a PDF saved as ``.txt`` is read as a PDF.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError
from .html import read_html
from .pdf import read_pdf
from .text import UTF16_BOMS, decode

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
PDF_MAGIC = b"%PDF-"
HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
HTML_ELEMENT = re.compile(r"<(?:html|head|body)[\s>]", re.I)
HTML_SNIFF_CHARS = 4096
# Files people mistake for minutes: what they are, so the error can say so.
OTHER_FORMATS = {b"PK\x03\x04": "a ZIP archive (a Word .docx file?)", b"\xd0\xcf\x11\xe0": "an old Word (.doc) file",
                 b"{\\rtf": "an RTF document", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
                 b"GIF8": "a GIF image", b"II*\x00": "a TIFF image", b"MM\x00*": "a TIFF image"}


@dataclass(frozen=True)
class Source:
    text: str
    kind: str       # "pdf" | "html" | "text"
    sha256: str     # of the file's bytes as published
    size: int       # bytes
    warnings: tuple[str, ...] = ()   # "line N: ..." for what was read with a loss (a page without text)


def read_source(path: Path) -> Source:
    """The text of the file at ``path``; InputError naming the file for what cannot be read."""
    size = path.stat().st_size
    if size == 0:
        raise InputError.single(str(path), None, "document", "a text document, found an empty file")
    if size > MAX_DOCUMENT_BYTES:
        raise InputError.single(str(path), None, "document",
                                f"at most {MAX_DOCUMENT_BYTES // 2**20} MiB of minutes, found {size // 2**20} MiB")
    data = path.read_bytes()
    kind = kind_of(data, str(path))
    if kind == "pdf":
        text, warnings = read_pdf(data, str(path))
    elif kind == "html":
        text, warnings = read_html(data, str(path)), []
    else:
        text, warnings = decode(data, str(path)), []
    return Source(text, kind, hashlib.sha256(data).hexdigest(), size, tuple(warnings))


def kind_of(data: bytes, path: str) -> str:
    """``"pdf"``, ``"html"`` or ``"text"`` by content: the PDF header (within the first KiB, as readers allow),
    an HTML page's start (doctype, ``<html>``, ``<head>``/``<body>`` near the start); a clear error for other
    binary formats. Converted text with HTML fragments in it (``<p>``, ``<b>`` on its lines, no page around
    them) is text: the normaliser reads its fragments, and its line structure is the converter's."""
    if PDF_MAGIC in data[:1024]:
        return "pdf"
    for magic, what in OTHER_FORMATS.items():
        if data.startswith(magic):
            raise InputError.single(path, None, "document", f"a PDF, HTML page or text document, found {what}")
    start = data[:HTML_SNIFF_CHARS].decode("utf-16" if data.startswith(UTF16_BOMS) else "utf-8", "replace").lstrip("\ufeff")
    return "html" if HTML_START.match(start) or HTML_ELEMENT.search(start) else "text"
