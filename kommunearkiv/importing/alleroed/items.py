"""One agenda item of Allerød minutes: its field blocks → the item of the open-data form.

An item is a run of fields, each a heading and its text. The heading comes in
three dresses: a tab-separated HTML row (``<b>Tema</b>\\t<p>…</p>``), Markdown
bold at the start of a line (``**Tema** …``, sometimes wrapped over lines or
several glued together: ``**Punkttype** -**Tema** -``), or several headings in
one bold block (``**Administrationens forslag Bilag**``) whose texts follow in
order. Decision headings (``Beslutning <body> den DD-MM-YYYY``) may be wrapped
over many lines and may even be completed after their text.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from ..cleaning import join_heading_lines, lines_to_markdown

KNOWN_HEADINGS = (
    "Punkttype", "Tema", "Sagsbeskrivelse", "Supplerende sagsbeskrivelse", "Sagsfremstilling",
    "Administrationens forslag", "Afledte konsekvenser", "Økonomi og finansiering", "Økonomi",
    "Dialog/høring", "Høring", "Lovgrundlag", "Kompetence", "Tidsplan", "Kommunikation",
    "Bilag", "Fraværende",
)
TYPE_FIELD, ATTACHMENTS_FIELD, ABSENT_FIELD = "punkttype", "bilag", "fraværende"
DECISION = re.compile(r"^Beslutning\b", re.I)
DATED = re.compile(r"^(?P<body>.*?)\s*\bden\s+(?P<day>\d{1,2})-(?P<month>\d{1,2})-(?P<year>\d{4})\s*$")
HTML_FIELD = re.compile(r"^<b>(?P<heading>[^<]+)</b>\t(?P<text>.*)$")
BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)
FILE_NAME = re.compile(r"\S.*?\.(?:pdf|docx?|xlsx?|pptx?|rtf|odt|ods|txt|msg|jpe?g|png|tiff?|zip|html?)(?=\s|$)", re.I)
NONE_WORDS = {"", "-", ".", "nej", "ingen"}
RULE = re.compile(r"^\s*(?:-{3,}|<hr\s*/?>)\s*$")


@dataclass
class Field:
    heading: str
    line: int                     # 0-based line of the heading
    text: list[str] = field(default_factory=list)


def similar(a: str, b: str) -> bool:
    """Equal, or misspelled by a letter or two."""
    close = len(a) >= 5 and abs(len(a) - len(b)) <= 2
    return a == b or close and difflib.SequenceMatcher(None, a, b).ratio() >= 0.85


def known_heading(text: str) -> str | None:
    """The known heading ``text`` names (misspellings tolerated), or None."""
    key = " ".join(text.lower().rstrip(":").split())
    return next((h for h in KNOWN_HEADINGS if similar(key, h.lower())), None)


def split_headings(text: str) -> list[str] | None:
    """Several known headings run together (``Punkttype Tema``) as a list, or None."""
    words = text.split()
    if not words:
        return None
    for cut in range(len(words), 0, -1):
        head = " ".join(words[:cut])
        if known_heading(head) or DECISION.match(head) and cut == len(words):
            if cut == len(words):
                return [head]
            rest = split_headings(" ".join(words[cut:]))
            if rest:
                return [head, *rest]
    return None


def merge_open_bold(lines: list[str]) -> list[tuple[int, str]]:
    """(line number, text) with a bold run wrapped over lines joined into its first line."""
    merged: list[tuple[int, str]] = []
    open_at = None
    for number, line in enumerate(lines):
        if open_at is not None:
            start, text = merged[open_at]
            merged[open_at] = (start, text.rstrip() + "\n" + line)
            if line.count("**") % 2:
                open_at = None
            continue
        merged.append((number, line))
        if line.count("**") % 2 and line.lstrip().startswith("**"):
            open_at = len(merged) - 1
    return merged


def bold_fields(number: int, line: str) -> list[Field] | None:
    """The fields a line starting with bold headings opens (``**A** x**B** y``), or None."""
    matches = list(BOLD.finditer(line))
    if not matches:
        return None
    fields: list[Field] = []
    for index, match in enumerate(matches):
        heading = join_heading_lines(match.group(1).split("\n"))
        end = matches[index + 1].start() if index + 1 < len(matches) else len(line)
        tail = line[match.end():end]
        names = split_headings(heading)
        if names is None:
            if not fields:
                return None
            fields[-1].text.append(line[match.start():end])
            continue
        fields += [Field(name, number) for name in names]
        if tail.strip():
            fields[-1].text += [part.strip() for part in tail.split("\n")]
    return fields


def html_field(heading: str, lines: list[str], number: int) -> bool:
    """A ``<b>X</b>\t…`` row is a field when X is a known or decision heading, or when it stands
    in a run of such rows (an unknown field name among known ones)."""
    if known_heading(heading) or DECISION.match(heading):
        return True
    neighbours = lines[max(number - 1, 0):number] + lines[number + 1:number + 2]
    return any((m := HTML_FIELD.match(n)) and known_heading(m["heading"]) for n in neighbours)


def tokenise(lines: list[str], first: int) -> tuple[list[str], list[Field]]:
    """(lines before the first field, the fields); ``first`` is the 0-based line of ``lines[0]``."""
    preamble: list[str] = []
    fields: list[Field] = []
    for number, line in merge_open_bold(lines):
        html = HTML_FIELD.match(line)
        if html and html_field(html["heading"], lines, number):
            fields.append(Field(" ".join(html["heading"].split()), first + number, [html["text"]]))
            continue
        opened = bold_fields(first + number, line) if line.lstrip().startswith("**") else None
        if opened:
            fields += opened
        elif fields:
            fields[-1].text += line.split("\n")
        else:
            preamble += line.split("\n")
    return preamble, fields


def paragraphs(text: list[str]) -> list[list[str]]:
    """Blank-line separated paragraphs of raw lines."""
    out: list[list[str]] = [[]]
    for line in text:
        if line.strip():
            out[-1].append(line)
        elif out[-1]:
            out.append([])
    return [p for p in out if p]


def share_text(group: list[Field]) -> None:
    """Hand the text after a multi-heading block to its headings in order.

    The item type is one word; the rest take a paragraph each and the last heading
    the remainder; when paragraphs are fewer than headings the last ones are filled.
    """
    parts = paragraphs(group[-1].text)
    group[-1].text = []
    heads = list(group)
    if heads[0].heading.lower() == TYPE_FIELD and parts and len(" ".join(parts[0]).split()) == 1:
        heads.pop(0).text = parts.pop(0)
    if len(parts) < len(heads):
        heads = heads[len(heads) - len(parts):]
    for head, part in zip(heads[:-1], parts):
        head.text = part
    if heads:
        heads[-1].text = [line for part in parts[len(heads) - 1:] for line in part + [""]]


def regroup(fields: list[Field]) -> None:
    """Share text among headings that came in one bold block (same line, no text between)."""
    start = 0
    for index in range(1, len(fields) + 1):
        if index == len(fields) or fields[index].line != fields[start].line or fields[index - 1].text:
            if index - start > 1 and not any(f.text for f in fields[start:index - 1]):
                share_text(fields[start:index])
            start = index


def complete_decision_headings(fields: list[Field]) -> None:
    """A decision heading cut short (``Beslutning``) takes a later bold ``… den DD-MM-YYYY`` block."""
    for item_field in fields:
        if not DECISION.match(item_field.heading) or DATED.match(item_field.heading):
            continue
        text = "\n".join(item_field.text)
        for match in re.finditer(r"^\s*\*\*([^*]+?)\*\*\s*$", text, re.M):
            rest = join_heading_lines(match.group(1).split("\n"))
            if DATED.match(rest):
                item_field.heading = f"{item_field.heading} {rest}"
                item_field.text = (text[:match.start()] + text[match.end():]).split("\n")
                break


def clean_text(lines: list[str]) -> str:
    """Field text as Markdown, without the rules that only separated fields."""
    text = lines_to_markdown(lines).split("\n")
    if len(text) > 1 and text[0].strip() in NONE_WORDS:
        text = text[1:]
    while text and RULE.match(text[0]):
        text = text[1:]
    while text and RULE.match(text[-1]):
        text = text[:-1]
    return "\n".join(text).strip()


def attachment_names(text: str) -> list[str]:
    """File names listed in one line (``a.pdf b.xlsx``); text that is not a file name stays whole."""
    text = " ".join(text.split())
    if text.lower() in NONE_WORDS:
        return []
    names = [m.group(0).strip() for m in FILE_NAME.finditer(text)]
    rest = FILE_NAME.sub(" ", text).strip()
    return names + ([rest] if rest else [])


def absentees(text: str, members: list[str]) -> list[str]:
    """Names absent for an item: known members found in the text, then any other lines."""
    flat = " ".join(text.replace("\\", " ").split())
    if flat.lower() in NONE_WORDS:
        return []
    found = sorted((flat.find(name), name) for name in members if name in flat)
    rest = flat
    for _, name in found:
        rest = rest.replace(name, "\n")
    others = [part.strip(" ,.") for part in re.split(r"\n|,| og ", rest)]
    return [name for _, name in found] + [name for name in others if name]
