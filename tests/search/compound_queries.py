"""Compound queries written from the shipped ``content/``: a word a reader types, and a page that holds it
only inside a compound (no inflection of the word on its own). Used by the tests and by
``benchmarks/search_benchmark.py --compounds`` (recall of each way of matching compounds)."""
from __future__ import annotations

_ALLEROED = "alleroed/erhvervs-og-beskaeftigelsesudvalget-2014-2017/"
_GENTOFTE = "gentofte/erhvervs-beskaeftigelses-og-integrationsudvalget/2019-02-28/"
_LYNGBY = "lyngby-taarbaek/erhvervs-og-beskaeftigelsesudvalget/2014-02-18/"

# The word is the compound's first part (issue 19: "budget" → "Udmøntning af budgetaftalen").
FIRST_PART = [
    ("budget", _GENTOFTE + "punkt-3/index.html"),  # Udmøntning af budgetaftalen …
    ("jobcenter", _LYNGBY + "punkt-2/index.html"),  # Benchmarkinganalyse af jobcentre
    ("arbejdsmarked", _ALLEROED + "2016-06-08/punkt-5/index.html"),  # … arbejdsmarkedsforanstaltninger
    ("benchmarking", _LYNGBY + "punkt-2/index.html"),  # Benchmarkinganalyse af jobcentre
    ("beskæftigelse", _ALLEROED + "2016-06-08/punkt-6/index.html"),  # … beskæftigelsesindsats for flygtninge
    ("beskæftigelse", "gentofte/sager/emn-2019-00061/index.html"),  # … indsats på beskæftigelsesområdet
    ("besparelse", "alleroed/sager/16-6820/index.html"),  # Besparelsesforslag Integrationshuset
    ("bolig", _GENTOFTE + "bilag/4-5/index.html"),  # Boligsocial indsats
    ("dansk", "alleroed/sager/14-11078/index.html"),  # Danskuddannelse til voksne udlændinge
    ("erhverv", _ALLEROED + "2016-06-08/punkt-9/index.html"),  # … erhvervspolitiske indsatser
    ("erhvervsfremme", "gentofte/sager/emn-2019-00607/index.html"),  # … erhvervsfremmestrategi
    ("handel", _LYNGBY + "punkt-5/index.html"),  # handelslivet
    ("høring", _GENTOFTE + "bilag/3-2/index.html"),  # KL høringsvar …
    ("integration", "alleroed/sager/16-6712/index.html"),  # Status på indsatser i integrationshuset
    ("iværksætter", "alleroed/sager/12-10411/index.html"),  # Ny aftale for Iværksætterhuset
    ("job", _ALLEROED + "2015-05-13/bilag/3-3/index.html"),  # … virksomhedskontakt og jobformidling
    ("kontant", _ALLEROED + "2016-06-08/punkt-5/index.html"),  # … kontanthjælp …
    ("kvartal", "gentofte/sager/emn-2019-00867/index.html"),  # Kvartalsrapportering
    ("ledighed", _ALLEROED + "2015-05-13/bilag/3-1/index.html"),  # … besparelser på ledighedsydelse
    ("mentor", "alleroed/sager/16-6139/index.html"),  # Mentorordninger for virksomheder
    ("nøgletal", _GENTOFTE + "bilag/4-2/index.html"),  # Nøgletalsbilag EBI
    ("rekruttering", "alleroed/sager/16-6873/index.html"),  # … Nordsjællands rekrutteringsservice
    ("tovholder", "alleroed/sager/16-6862/index.html"),  # Tovholderfunktion til rekrutteringsaftaler
    ("aktivering", _LYNGBY + "bilag/2-1/index.html"),  # aktiveringsindsatsen, in the text
    ("dagpenge", _GENTOFTE + "bilag/3-2/index.html"),  # dagpengemodtagere, in the text
    ("sygedagpenge", _ALLEROED + "2015-05-13/bilag/3-4/index.html"),  # sygedagpengeområdet, in the text
]

# Forms the stemmer does not join: the page holds another form of the same compound.
OTHER_FORM = [
    ("jobcentre", "alleroed/sager/15-6585/index.html"),  # … for-analyse i 2011 om fælles Jobcenter
    ("jobcentrene", _LYNGBY + "punkt-2/index.html"),  # Benchmarkinganalyse af jobcentre
    ("budgettet", _GENTOFTE + "punkt-3/index.html"),  # Udmøntning af budgetaftalen …
]

# The word is a later part: what splitting compounds at index time would add.
LATER_PART = [
    ("aftale", "gentofte/sager/emn-2019-00833/index.html"),  # Udmøntning af budgetaftalen …
    ("indsats", "alleroed/sager/16-6749/index.html"),  # … beskæftigelsesindsats for flygtninge
    ("centre", _LYNGBY + "punkt-2/index.html"),  # … af jobcentre
    ("hjælp", _ALLEROED + "2016-06-08/punkt-5/index.html"),  # … kontanthjælp …
    ("ydelse", _ALLEROED + "2015-05-13/bilag/3-4/index.html"),  # ledighedsydelse
    ("strategi", "gentofte/sager/emn-2019-00607/index.html"),  # … erhvervsfremmestrategi
    ("uddannelse", "alleroed/sager/14-11078/index.html"),  # Danskuddannelse …
    ("område", _GENTOFTE + "punkt-2/index.html"),  # … på beskæftigelsesområdet
]
