"""Readable URL slugs with Danish letters transliterated the Danish way (æ→ae, ø→oe, å→aa)."""
from __future__ import annotations

from slugify import slugify

DANISH_LETTERS = [["æ", "ae"], ["ø", "oe"], ["å", "aa"], ["Æ", "Ae"], ["Ø", "Oe"], ["Å", "Aa"],
                  # names of German origin, common in Danish minutes, the same way: Bührmann → buehrmann
                  ["ü", "ue"], ["ö", "oe"], ["ä", "ae"], ["Ü", "Ue"], ["Ö", "Oe"], ["Ä", "Ae"]]


def slug(text: str) -> str:
    """``"Erhvervs- og Beskæftigelsesudvalget 2014-2017"`` → ``"erhvervs-og-beskaeftigelsesudvalget-2014-2017"``."""
    return slugify(text, replacements=DANISH_LETTERS)


def municipality_slug(name: str) -> str:
    """``"Allerød Kommune"`` → ``"alleroed"``."""
    name = name.strip()
    if name.lower().endswith(" kommune"):
        name = name[: -len(" kommune")]
    return slug(name)
