"""Danish parties by the letter their lists stand under, as minutes write them: ``Klaus Fisker (B)``.

The letters are the national parties' (Indenrigs- og Boligministeriet's
register of party letters); a letter that is not a national party's is a
local list's, and the pages call it "Liste R" rather than guess its name.
"""
from __future__ import annotations

from dataclasses import dataclass

NATIONAL_PARTIES = {
    "A": "Socialdemokratiet",
    "B": "Radikale Venstre",
    "C": "Det Konservative Folkeparti",
    "D": "Nye Borgerlige",
    "F": "Socialistisk Folkeparti",
    "I": "Liberal Alliance",
    "K": "Kristendemokraterne",
    "M": "Moderaterne",
    "O": "Dansk Folkeparti",
    "Q": "Frie Grønne",
    "V": "Venstre",
    "Æ": "Danmarksdemokraterne",
    "Ø": "Enhedslisten",
    "Å": "Alternativet",
}
# Short names minutes use instead of the letter.
SHORT_NAMES = {"S": "A", "SF": "F", "RV": "B", "KF": "C", "LA": "I", "DF": "O", "EL": "Ø", "ALT": "Å"}


@dataclass(frozen=True)
class Party:
    """A national party's ``letter`` and ``name`` in full; a local list or a name the minutes wrote out has no letter."""

    letter: str | None
    name: str

    def __str__(self) -> str:
        return f"{self.letter} {self.name}" if self.letter else self.name


def party(written: str | None) -> Party | None:
    """The party the minutes' ``written`` letter or short name stands for; None for none."""
    if not written or not written.strip():
        return None
    key = written.strip().upper()
    letter = SHORT_NAMES.get(key, key)
    if letter in NATIONAL_PARTIES:
        return Party(letter, NATIONAL_PARTIES[letter])
    return Party(None, f"Liste {key}" if len(key) == 1 else written.strip())
