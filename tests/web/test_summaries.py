from kommunearkiv.model import Section
from kommunearkiv.web import summaries


def test_items_naming_a_person_match_whole_names_in_any_case_or_genitive_and_never_closed_items(archive):
    alleroed = archive.municipalities["alleroed"]
    meetings = alleroed.committees["erhvervs-og-beskaeftigelsesudvalget"].meetings
    meetings[0].items[2].sections.append(Section("Bemærkning", "AGNETE FOG spurgte til sagen."))
    meetings[1].items[0].sections.append(Section("Bemærkning", "Agnete Fogh og Nikolaj Bührmanns forslag."))
    meetings[0].items[1].sections.append(Section("Lukket", "Agnete Fog"))  # the closed item
    naming = summaries.items_naming_persons(alleroed)
    assert naming["agnete-fog"] == [meetings[0].items[2]]
    assert naming["gurli-nielsen"] == [meetings[1].items[0]]
    assert naming["nikolaj-buehrmann"] == [meetings[1].items[0]]
