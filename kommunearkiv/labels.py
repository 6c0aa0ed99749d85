"""Danish names the pages, feeds and calendars give to things the model keeps as codes, and to a meeting."""
from __future__ import annotations

from .dates import danish_date
from .model import DOCUMENT_KINDS, Archive, Meeting

KIND_LABELS = dict(zip(DOCUMENT_KINDS, ("Dagsorden", "Referat", "Protokol")))
KIND_DEFINITE = dict(zip(DOCUMENT_KINDS, ("dagsordenen", "referatet", "protokollen")))
INCOMPLETE_LABELS = dict(zip(DOCUMENT_KINDS, ("Dagsordenen er ufuldstændig", "Referatet er ufuldstændigt",
                                              "Protokollen er ufuldstændig")))
SOURCE_KIND_LABELS = {"text": "tekst", "pdf": "PDF", "html": "HTML"}
FOLLOWED_LABELS = {"fulgt": "Beslutningen fulgte indstillingen.",
                   "fulgt med mere": "Beslutningen godkendte indstillingen med tilføjelser eller forbehold: læs beslutningen.",
                   "ikke fulgt": "Beslutningen fulgte ikke indstillingen."}


def meeting_title(archive: Archive, meeting: Meeting) -> str:
    """``Referat: Økonomiudvalget, 13. maj 2015``."""
    return f"{KIND_LABELS.get(meeting.kind, meeting.kind)}: {archive.committee(meeting).name}, {danish_date(meeting.date)}"


def agenda_text(meeting: Meeting) -> str:
    """Number and title of every item, a line each."""
    return "\n".join(f"{item.number}. {item.title}" for item in meeting.items)
