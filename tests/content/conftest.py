import copy

import pytest

DOCUMENT = {
    "format": "alleroed",
    "municipality": "Allerød Kommune",
    "committee": "Økonomiudvalget 2014-2017",
    "period": "2014-2017",
    "document_kind": "referat",
    "date": "2015-05-13",
    "start": "07:30",
    "end": "08:35",
    "location": "Rådhuset",
    "meeting_number": "7",
    "members": [
        {"name": "Åse Ærø", "party": "F", "role": "Formand"},
        {"name": "Bo Øst", "party": None, "role": "Medlem"},
    ],
    "absent": ["Bo Øst"],
    "substitutes": [{"name": "Cai Berg", "party": "A", "replaces": "Bo Øst"}],
    "incomplete": None,
    "other_attendees": ["Direktør Ida Holm"],
    "signed_by": ["Åse Ærø"],
    "items": [
        {"number": 1, "title": "Budget", "case_number": "15/839", "access": "open", "item_type": "Beslutning",
         "sections": [{"heading": "Tema", "text": "Første afsnit.\n\n# En overskrift i teksten\n\nMere."}],
         "decision": "Godkendt.", "decision_heading": "Beslutning Økonomiudvalget den 13-05-2015",
         "earlier_decisions": [{"date": "2014-12-03", "body": "Økonomiudvalget", "text": "Udsat."}],
         "absent": ["Bo Øst"], "attachments": ["Notat.pdf"], "lines": [10, 20]},
        {"number": 2, "title": "Personsag", "case_number": None, "access": "closed", "item_type": None,
         "sections": [], "decision": None, "earlier_decisions": [], "absent": [], "attachments": [], "lines": [21, 22]},
    ],
    "attachment_documents": [
        {"label": "1.1", "title": "Notat.pdf", "item": 1, "reference": "33292/15", "text": "# Notat\n\nTekst i bilaget.", "lines": [30, 40]},
    ],
    "source": {"file": "doc.txt", "lines": [1, 40], "kind": "text", "sha256": None, "url": "https://www.alleroed.dk/doc.txt"},
    "warnings": [],
}


@pytest.fixture
def document():
    return copy.deepcopy(DOCUMENT)
