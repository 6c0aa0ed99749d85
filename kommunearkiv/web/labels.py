"""Danish names the pages (and feeds) give to things the model keeps as codes."""
from __future__ import annotations

from ..model import DOCUMENT_KINDS

KIND_LABELS = dict(zip(DOCUMENT_KINDS, ("Dagsorden", "Referat", "Protokol")))
