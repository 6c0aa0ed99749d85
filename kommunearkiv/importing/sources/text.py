"""Bytes → str for text documents (and HTML pages): UTF-8 (UTF-16 after its byte order mark), or
Windows-1252 when that is unambiguous.

Windows-1252 (the Latin-1 of Windows, in which older Danish exports come) is accepted only when
the bytes are not UTF-8 at all (no valid multi-byte UTF-8 sequence: a mix of encodings is refused),
every byte is defined in Windows-1252, and every character that is not ASCII is a Latin letter
(æ, ø, å, é …) or common punctuation (“ ” – … § ° ½). Text in another 8-bit encoding (DOS cp850,
Mac Roman) decoded as Windows-1252 gives symbols inside words (``m›de``, ``v†rd``) and is refused.
"""
from __future__ import annotations

import re

from ...errors import InputError

UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
WINDOWS_1252_LETTERS = {chr(c) for c in range(0xC0, 0x100)} - {"×", "÷"}
WINDOWS_1252_PUNCTUATION = set("‚„…–—‘’“”•€\xa0\xad§°½¼¾«»·´©®²³£¹ªºµ")


def decode(data: bytes, path: str, declared: str | None = None) -> str:
    """The text of ``data`` with ``\\n`` line ends; a clear error (naming file and line) for what is no text.

    ``declared`` is the encoding the file names for itself (an HTML page's ``<meta charset>``); bytes
    that do not decode in it are read as if it had named none.
    """
    text = in_declared_encoding(data, declared) or utf8_or_windows_1252(data, path)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputError.single(path, line, "document", "a text document, found binary data (a NUL byte)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def in_declared_encoding(data: bytes, declared: str | None) -> str | None:
    if not declared:
        return None
    try:
        return data.decode(declared)
    except (LookupError, UnicodeDecodeError):
        return None


def utf8_or_windows_1252(data: bytes, path: str) -> str:
    if data.startswith(UTF16_BOMS):   # "Unicode" as Windows Notepad saves it
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError.single(path, None, "encoding", "UTF-16 text after its byte order mark, found "
                                    "bytes that are not") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        text = windows_1252(data)
        if text is None:
            line = data[: error.start].count(b"\n") + 1
            raise InputError.single(path, line, "encoding", f"UTF-8 text, found byte 0x{data[error.start]:02x} "
                                    "(and the text is not unambiguous Windows-1252/Latin-1 either)") from None
        return text


def windows_1252(data: bytes) -> str | None:
    """``data`` as Windows-1252 text when that reading is unambiguous (see the module's docstring), else None."""
    if UTF8_SEQUENCE.search(data):
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    allowed = WINDOWS_1252_LETTERS | WINDOWS_1252_PUNCTUATION
    return text if all(c in allowed for c in set(text) if c > "\x7f") else None
