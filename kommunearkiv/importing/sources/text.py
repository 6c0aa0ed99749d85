"""Bytes → str for text documents (and HTML pages): UTF-8, or UTF-16 after its byte order mark (as
Windows Notepad saves "Unicode"), or the encoding an HTML page declares.

Text in another encoding is refused rather than guessed: the same bytes read as Windows-1252, DOS
cp850 or Mac Roman give different letters, and a wrong guess would publish a misspelt name.
"""
from __future__ import annotations

from ...errors import InputError

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(data: bytes, path: str, declared: str | None = None) -> str:
    """The text of ``data`` with ``\\n`` line ends; a clear error (naming the file) for what is no text.

    ``declared`` is the encoding the file names for itself (an HTML page's ``<meta charset>``); bytes
    that do not decode in it are read as if it had named none.
    """
    text = in_declared_encoding(data, declared) or utf8_or_utf16(data, path)
    if "\x00" in text:
        raise InputError.single(path, None, "document", "a text document, found binary data (a NUL byte)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def in_declared_encoding(data: bytes, declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        return data.decode(declared)
    except (LookupError, UnicodeDecodeError):
        return None


def utf8_or_utf16(data: bytes, path: str) -> str:
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError.single(path, None, "encoding", "UTF-16 text after its byte order mark, found "
                                    "bytes that are not") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError.single(path, line, "encoding", f"UTF-8 text, found byte 0x{data[error.start]:02x}") from None
