"""Danish names the pages (and feeds) give to things the model keeps as codes."""
from __future__ import annotations

from ..model import DOCUMENT_KINDS

KIND_LABELS = dict(zip(DOCUMENT_KINDS, ("Dagsorden", "Referat", "Protokol")))
KIND_DEFINITE = dict(zip(DOCUMENT_KINDS, ("dagsordenen", "referatet", "protokollen")))
INCOMPLETE_LABELS = dict(zip(DOCUMENT_KINDS, ("Dagsordenen er ufuldstændig", "Referatet er ufuldstændigt",
                                              "Protokollen er ufuldstændig")))
SOURCE_KIND_LABELS = {"text": "tekst", "pdf": "PDF", "html": "HTML"}
