"""Who attended a Lyngby-Taarbæk meeting, read from the header's sentences.

The layouts say it differently:

- ``Medlemmer`` with ``Name`` / ``deltog`` or ``var fraværende`` pairs (2014);
- ``Indkaldelse`` with ``Name (A)`` lines, then ``X (A) var fraværende. I stedet
  deltog Y (A)`` and ``Z var fraværende under punkt 3.`` (2016-17);
- ``Medlemmerne var til stede, undtagen:`` with ``X (O) var fraværende.``,
  ``Y (B) deltog som stedfortræder for X (B)`` or ``I stedet for X deltog Y`` (2011-12);
- ``Derudover deltog`` / ``Endvidere deltog``: the other attendees.

The sentences are found by their words in the joined header text, so names
and statuses on separate lines, on one line, or run together in a flattened
page read alike. A name that cannot be told from its neighbours is reported,
never guessed.
"""
from __future__ import annotations

import re

from ..phrases import split_names
from .header import Joined

# a name's words: capitalised, short abbreviations with their dot (``P.``, ``Chr.``), particles; a longer
# word's dot ends a sentence ("… deltog Morten Grøn. Morten …")
NAME_WORD = r"(?:[A-ZÆØÅÉÜ][a-zæøå]{0,2}\.|[A-ZÆØÅÉÜ][\w'’-]*)"
NAME = rf"{NAME_WORD}(?: (?:{NAME_WORD}|(?:la|le|de|du|van|von|der|di|da|el|al)(?![\w'’.-])))*"
NOTE = r"(?:\s*\([^()\n]{0,20}\))*(?:,\s*(?:[Ff]ormand|[Nn]æstformand|[Bb]orgmester|[Vv]iceborgmester)\b)?"
NAMES = rf"{NAME}{NOTE}(?:\s*,\s*{NAME}{NOTE})*(?:\s+og\s+{NAME}{NOTE})?"
NAME_NOTE = re.compile(rf"(?P<name>{NAME})(?P<note>{NOTE})")
ITEMS = r"(?P<items>\d+(?:\s*(?:-|–|,|og)\s*\d+)*)"
SUBSTITUTED = re.compile(rf"(?P<absent>{NAME}{NOTE})\s+var\s+fraværende\.?\s+I\s+stedet\s+deltog:?\s+(?P<sub>{NAME}{NOTE})\.?")
STAND_IN = re.compile(rf"(?P<sub>{NAME}{NOTE})\s+deltog\s+som\s+(?:stedfortræder|suppleant)\s+for\s+(?P<absent>{NAME}{NOTE})\.?")
INSTEAD_OF = re.compile(rf"I\s+stedet\s+for\s+(?P<absent>{NAME}{NOTE})\s+deltog\s+(?P<sub>{NAME}{NOTE})\.?")
DURING = re.compile(rf"(?P<names>{NAMES})\s+(?:var\s+fraværende|deltog\s+ikke)\s+(?:under|ved|i)\s+(?:behandlingen\s+af\s+)?"
                    rf"(?:punkt(?:erne)?\.?|pkt\.|sag(?:erne)?)\s+{ITEMS}\.?")
STATUS = re.compile(rf"(?P<names>{NAMES})\s+(?P<status>deltog\s+ikke|deltog|var\s+fraværende|fraværende|meldt\s+afbud|afbud)"
                    rf"\b(?!\s+(?:som|under|i\s+stedet|fra|til|ved)\b)\.?")
ABSENT_STATUS = re.compile(r"fraværende|ikke|afbud")
# statements about members that may follow the other attendees (a page break between the lists)
MEMBER_STATEMENTS = (SUBSTITUTED, STAND_IN, INSTEAD_OF, DURING)
REGION = re.compile(r"(?P<exceptions>\bMedlemmerne\s+var\s+til\s+stede\b(?:,?\s*undtagen)?\s*:?\.?)"
                    r"|(?P<members>(?<!\S)(?:Medlemmer|Indkaldelse|Indkaldte|Deltagere)(?=[\s:]|$):?)"
                    r"|(?P<others>\b(?:Derudover|Endvidere)\s+deltog\b:?)")
ROLE_WORDS = {"formand", "næstformand", "borgmester", "viceborgmester", "medlem"}
PARTY = re.compile(r"^[A-ZÆØÅ]{1,2}$")
TITLE_WORD = re.compile(r"(?<=\S )(?=[A-ZÆØÅ]\w*(?:chef|direktør|sekretær|konsulent|koordinator|leder|arkitekt|referent)\b)")
MAX_NAME_WORDS = 3
SENTENCE_WORDS = re.compile(r"\bvar\s+fraværende\b|\bdeltog\b|\bstedfortræder\b|\bsuppleant\b|\bundtagen\b")


def parse_attendance(head: Joined, start: int, warnings: list[str]) -> dict:
    """Members, absent members, substitutes, other attendees and per-item absentees from ``head.text[start:]``."""
    found = Attendance(head.text[start:])
    marks = list(REGION.finditer(head.text, start))
    before = head.text[start:marks[0].start() if marks else len(head.text)].strip()
    if before:
        warnings.append(f"line {head.line_at(start)}: text before the member list: {before[:60]!r}")
    for mark, following in zip(marks, marks[1:] + [None]):
        text = head.text[mark.end():following.start() if following else len(head.text)]
        if mark["others"]:
            statements: list[re.Match] = []
            for pattern in MEMBER_STATEMENTS:
                text = blank_out(text, pattern, statements.append)
            found.others += other_attendees(text)
            for match in sorted(statements, key=lambda m: m.start()):
                found.statement(match, lambda message, at=mark.end(): warnings.append(f"line {head.line_at(at)}: {message}"))
        else:
            found.read(text, listed=bool(mark["members"]), warn=lambda message, at=mark.end(): warnings.append(
                f"line {head.line_at(at)}: {message}"))
    return found.result()


class Attendance:
    """What the header's sentences say, gathered in the order they say it."""

    def __init__(self, context: str = ""):
        self.context = context  # the header's text: a name run into others is looked for elsewhere in it
        self.members: list[dict] = []
        self.absent: list[str] = []
        self.substitutes: list[dict] = []
        self.others: list[str] = []
        self.during: list[tuple[str, list[int]]] = []

    def read(self, text: str, listed: bool, warn) -> None:
        """One region: statements are taken out first (they hold ``deltog`` too), then the names
        listed on their own are read, then the statements, their names checked against the list."""
        statements: list[re.Match] = []
        for pattern in (SUBSTITUTED, STAND_IN, INSTEAD_OF, DURING, STATUS):
            text = blank_out(text, pattern, statements.append)
        for line in (line.strip(" .,;") for line in text.split("\n")):
            if line and not line.isdigit():
                self.listed(line, absent=not listed, warn=warn)
        for match in sorted(statements, key=lambda m: m.start()):
            self.statement(match, warn)

    def statement(self, match: re.Match, warn) -> None:
        groups = match.groupdict()
        if groups.get("sub"):
            absent, sub = self.known(member(match["absent"]), warn, stated=True), member(match["sub"])
            if absent:
                self.add(absent)
                self.mark_absent(absent["name"])
            if absent and name_words(sub["name"]) > MAX_NAME_WORDS:
                warn(f"names run together, not split: {sub['name']!r}")
            elif absent:
                self.substitutes.append({"name": sub["name"], "party": sub["party"], "replaces": absent["name"]})
            return
        for person in filter(None, (self.known(p, warn, stated=True) for p in names(match["names"]))):
            self.add(person)
            if groups.get("items"):
                self.during.append((person["name"], item_numbers(match["items"])))
            elif ABSENT_STATUS.search(match["status"]):
                self.mark_absent(person["name"])

    def listed(self, line: str, absent: bool, warn) -> None:
        """A line of names: ``Name (A)`` entries, or one name; names run together are reported."""
        entries = list(NAME_NOTE.finditer(line))
        if not entries or len(entries) > 1 and not all(m["note"] for m in entries) or len(entries) == 1 and (
                entries[0].group(0).strip() != line):
            warn(f"not a list of member names: {line[:60]!r}")
            return
        for entry in entries:
            person = self.known(member(entry.group(0)), warn)
            if person:
                self.add(person)
            if person and absent:
                self.mark_absent(person["name"])

    def known(self, person: dict, warn, stated: bool = False) -> dict | None:
        """The person, or the listed member a too long name ends with (names run together), or (the
        subject of a statement) the ending the header names elsewhere, else None."""
        if name_words(person["name"]) <= MAX_NAME_WORDS:
            return person
        words = person["name"].split()
        ending = next((m for m in self.members if words[-len(m["name"].split()):] == m["name"].split()), None)
        if ending is not None:
            return {**person, "name": ending["name"], "role": ending["role"]}
        named_elsewhere = self.named_elsewhere(words) if stated else None
        if named_elsewhere is None:
            warn(f"names run together, not split: {person['name']!r}")
            return None
        warn(f"names run together, not split: {person['name'][:-len(named_elsewhere)].strip()!r} "
             f"(before {named_elsewhere}, whom a statement names)")
        return {**person, "name": named_elsewhere}

    def named_elsewhere(self, words: list[str]) -> str | None:
        """The longest ending of a run of names (at most a name's length) that the header names at
        another place after another word: a statement run into a flattened list of names without
        parties ("… Birgitte Hannibal Henrik Brade Johansen (B) var fraværende") names the listed
        member whose name stands apart there; where the list has the same neighbours, nobody."""
        for length in range(min(MAX_NAME_WORDS, len(words) - 1), 1, -1):
            name = " ".join(words[-length:])
            before = {m[1] for m in re.finditer(rf"(\S*)\s+{re.escape(name)}(?![\w'’-])", " " + self.context)}
            if before - {words[-length - 1]}:
                return name
        return None

    def add(self, person: dict) -> None:
        """A member once, in the order first named; a party named later fills one not given."""
        known = next((m for m in self.members if m["name"] == person["name"]), None)
        if known is None:
            self.members.append(person)
        elif known["party"] is None:
            known["party"] = person["party"]

    def mark_absent(self, name: str) -> None:
        if name not in self.absent:
            self.absent.append(name)

    def result(self) -> dict:
        item_absent: dict[int, list[str]] = {}
        for name, numbers in self.during:
            for number in numbers:
                item_absent.setdefault(number, []).append(name)
        return {"members": self.members, "absent": self.absent, "substitutes": self.substitutes,
                "other_attendees": self.others, "item_absent": item_absent}


def name_words(name: str) -> int:
    """Capitalised words of a name ("Peter la Fontaine" has two)."""
    return sum(1 for word in name.split() if word[:1].isupper())


def blank_out(text: str, pattern: re.Pattern, handle) -> str:
    """``handle`` every match and blank it out with a line break (keeping every offset), so what is
    left cannot join across it."""
    for match in pattern.finditer(text):
        handle(match)
    return pattern.sub(lambda match: "\n" + " " * (len(match.group(0)) - 1), text)


def names(text: str) -> list[dict]:
    """``A (B), C og D (F)`` or ``A, formand`` → members."""
    return [member(match.group(0)) for match in NAME_NOTE.finditer(text)]


def item_numbers(text: str) -> list[int]:
    """``3``, ``1-3``, ``2, 4 og 6`` → item numbers."""
    numbers: list[int] = []
    for part in re.split(r"\s*(?:,|og)\s*", text):
        low, _, high = part.partition("-") if "-" in part else part.partition("–")
        if low.strip().isdigit():
            numbers += range(int(low), int(high) + 1) if high.strip().isdigit() else [int(low)]
    return numbers


def member(text: str) -> dict:
    """{"name", "party", "role"} from "Name", "Name (A)", "Name (formand)", "Name (A), formand" or "Formand Name"."""
    name, party, role = " ".join(text.split()), None, "Medlem"
    for note in re.findall(r"\(([^)]*)\)", name):
        for part in (p.strip() for p in note.split(",")):
            if PARTY.match(part):
                party = part
            elif part.lower() in ROLE_WORDS:
                role = part.capitalize()
    name = re.sub(r"\s*\([^)]*\)", "", name).strip(" .")
    head, _, tail = name.rpartition(",")
    if head and tail.strip().lower() in ROLE_WORDS:
        name, role = head.strip(), tail.strip().capitalize()
    first, _, rest = name.partition(" ")
    if first.lower() in ROLE_WORDS and rest:
        name, role = rest.lstrip("-– ").strip(), first.capitalize()
    return {"name": name, "party": party, "role": role}


def other_attendees(text: str) -> list[str]:
    """Other attendees: one a line, or a line of them separated by commas (or run together after titles)."""
    lines = [line.strip(" .") for line in text.split("\n") if line.strip(" .") and not line.strip().isdigit()]
    if len(lines) == 1 and "," in lines[0]:
        return split_names(lines[0])
    if len(lines) == 1:
        return [part.strip() for part in TITLE_WORD.split(lines[0]) if part.strip()]
    return lines
