"""The body of a Markdown content file, read again when needed instead of kept in the loaded archive.

Attachments are most of an archive's text (about 40 % of its memory when
loaded); keeping them on disk lets forked page, search and data workers share
a much smaller archive. The digest of the body as first read goes into the
model's ``repr``, and is checked on every later read: a file changed during a
build stops it rather than publish a text that the rest of the build did not see.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .yamlfiles import markdown_body


def body_digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


@dataclass(frozen=True)
class MarkdownBody:
    path: str
    digest: str

    def read(self) -> str:
        try:
            text = markdown_body(Path(self.path))
        except OSError:
            text = None
        if text is None or body_digest(text) != self.digest:
            raise InputError.single(self.path, None, "text", "the same file throughout the build; it changed while the site was built")
        return text
