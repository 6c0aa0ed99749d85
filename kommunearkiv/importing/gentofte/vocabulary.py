"""The words of Gentofte's minutes: header phrases, item headings, field headings, cover fields.

Patterns named ``*_START`` mark where a field begins inside a line; the format cuts
lines there (``normalise.split_at``) so that text flattened to one line per page,
or runs glued together, give one field per line again. They are the distinctive
phrases only: single words that prose uses too (``Beslutning``, ``Bilag``) are cut
by ``fields`` where the item's order of fields allows them.
"""
from __future__ import annotations

import re

DATE_WORDS = r"\d{1,2}\.\s*[a-zæøå]+\.?\s+\d{4}|\d{1,2}-\d{1,2}-\d{4}"

# --- header ------------------------------------------------------------------------------------
TITLE = re.compile(r"^(?:Tillægs)?(?P<kind>Dagsorden|Referat)\s+(?:til|af|fra)\s+(?:\w+\s+)?møde\s+i\b\s*(?P<committee>.*)$",
                   re.IGNORECASE)
TITLE_START = r"(?:Tillægs)?(?:Dagsorden|Referat)\s+(?:til|af|fra)\s+(?:\w+\s+)?møde\s+i\b"
MUNICIPALITY_NAME = re.compile(r"^(?P<name>[A-ZÆØÅ][\w-]*(?:-[A-ZÆØÅ][\w-]*)?)\s+Kommune$", re.IGNORECASE)
HEADER_FIELD = re.compile(r"^(?P<field>Mødetidspunkt|Mødeafholdelse|Mødedato|Mødelokale|Tilstede|Fraværende"
                          r"|Protokollen blev læst)\b:?\s*(?P<value>.*)$", re.IGNORECASE)
ENDED = re.compile(r"mødet\s+hævet\s+kl\.?\s*:?\s*(?P<time>\d{1,2}[.:]\d{2})", re.IGNORECASE)
SUBSTITUTE = re.compile(r"^(?P<name>[^()]+?)\s*\(\s*stedfortræder\s*:?\s*(?P<substitute>[^()]+?)\s*\)$", re.IGNORECASE)
NAME_PARTY = re.compile(r"^(?P<name>[^()]+?)\s*(?:\(\s*(?P<party>[A-ZÆØÅ]{1,3})\s*\))?$")
NOBODY = re.compile(r"^(?:ingen|-)?\.?$", re.IGNORECASE)
HEADER_START = re.compile(
    rf"{TITLE_START}|Gentofte\s+Kommune|Dagsorden\s+åben\b|Mødetidspunkt|Mødeafholdelse|Mødedato|Mødelokale"
    r"|Protokollen blev læst|Tilstede\s*:|Fraværende\s*:|Indholdsfortegnelse|Åben dagsorden|Lukket dagsorden"
    r"|Personsager\b", re.IGNORECASE)
CONTENTS = re.compile(r"^Indholdsfortegnelse\b", re.IGNORECASE)

# --- items -------------------------------------------------------------------------------------
ITEM = re.compile(r"^(?P<number>\d{1,3})\s*(?:\(\s*(?P<marked>Åben|Åbent|Lukket)\s*\)|(?P<word>Åbent|Lukket)\b)"
                  r"\s*(?P<title>.*)$", re.IGNORECASE)
ITEM_START = re.compile(r"(?<!\S)\d{1,3}\s*\((?:Åben|Lukket)\)\s|(?<!\S)\d{1,3}\s+(?:Åbent|Lukket)\s+(?=[A-ZÆØÅ0-9])")
CASE = re.compile(r"^(?:Sags\s*ID\s*:?\s*(?P<id>\S+)|(?P<number>\d{6}-\d{4}))(?:\s+(?P<rest>.*))?$", re.IGNORECASE)
CASE_START = re.compile(r"Sags\s*ID\s*:|(?<!\S)\d{6}-\d{4}(?!\S)", re.IGNORECASE)
SECTION = re.compile(r"^(?P<name>Åben dagsorden|Lukket dagsorden|Personsager)\b\s*(?P<rest>.*)$", re.IGNORECASE)
SEPARATOR = re.compile(r"^_{3,}$")

# --- fields of an item: canonical heading → its place in the item's order ------------------------
FIELD_ORDER = {"resumé": 0, "baggrund": 1, "vurdering": 1, "økonomi": 1, "sagsfremstilling": 1, "høring": 1,
               "lovgrundlag": 1, "kommunikation": 1, "indstilling": 2, "beslutning": 3,
               "tidligere beslutninger": 3, "bilag": 4}
DECISION, EARLIER_DECISIONS, ATTACHMENTS = "beslutning", "tidligere beslutninger", "bilag"
FIELD_NAMES = (r"Resumé|Resume|Baggrund|Vurdering|Økonomi|Sagsfremstilling|Høring|Lovgrundlag|Kommunikation"
               r"|Indstilling|Beslutning|Tidligere beslutninger|Bilag")
INLINE_FIELD = re.compile(rf"(?<![\w-])(?P<name>{FIELD_NAMES})(?P<colon>\s*:)?(?=\s+[A-ZÆØÅ0-9\"«„(.]|\s*$)")
FIELD_LINE = re.compile(rf"(?:{FIELD_NAMES})\s*:?$")
DECISION_OF = re.compile(rf"^Beslutning\s+(?P<body>\S.*?)\s+(?:den\s+)?(?P<date>{DATE_WORDS})\s*:?$", re.IGNORECASE)
EARLIER_START = re.compile(
    rf"(?:^|(?<=[.!?:)]\s))(?P<body>[A-ZÆØÅ][^.:!?\n]*?)\s+den\s+(?P<date>{DATE_WORDS})"
    r"(?:\s*,\s*(?:pkt|punkt)\.?\s*\d+)?\s*:")
NO_EARLIER_DECISIONS = {"", ".", "-", "ingen"}
ABSENT = re.compile(r"^(?:Fraværende|Afbud)\s*:\s*(?P<names>.*?)\s*\.?$", re.IGNORECASE)
ABSENT_START = re.compile(r"(?:Fraværende|Afbud)\s*:", re.IGNORECASE)
ATTACHMENT_REFERENCE = re.compile(r"\s*\((?P<id>\d+)\s*-\s*(?P<case>[^()]*)\)\s*$")

# --- attachment documents appended after the items --------------------------------------------
COVER_FIELD = re.compile(
    r"^(?P<field>Dokument Navn|Dokument Titel|Dokument ID|Placering|Dagsordens titel|Dagsordenspunkt nr|Appendix nr"
    r"|Relaterede Dokumenter)\s*(?P<colon>:?)\s*(?P<value>.*?)\s*$", re.IGNORECASE)
COVER_START = re.compile(
    r"Dokument Navn\s*:|Dokument Titel\s*:|Dokument ID\s*:|Placering\s*:|Dagsordens titel\b|Dagsordenspunkt nr\b"
    r"|Appendix nr\b|Relaterede Dokumenter\s*:|Relateret do[ck]ument\s+\d+\s*/\s*\d+|Dette dokument blev genereret af",
    re.IGNORECASE)
DOCUMENT_START = re.compile(r"Dokument Navn\s*:", re.IGNORECASE)
NUMERIC_FIELDS = {"dokument id", "dagsordenspunkt nr", "appendix nr", "relaterede dokumenter"}
RELATED = re.compile(r"^Relateret\s+do[ck]ument\s+(\d+)\s*/\s*(\d+)$", re.IGNORECASE)
GENERATOR_STAMP = re.compile(r"^Dette dokument blev genereret af\s+\S+(?:\s+for\s+\S+)?", re.IGNORECASE)
