"""HTML page → text, parsed with lxml (libxml2's HTML parser: implied end tags, entities, broken markup).

Headings become ``#`` lines (one ``#`` per level), bold/strong (and ``<th>``, and inline
``font-weight: bold``) ``**…**`` runs, paragraphs, divisions and line breaks lines (a blank line
between paragraphs), list items ``- `` lines (``N. `` in ordered lists: the number can be an agenda
item's), table rows tab-separated cells with a cell's own lines joined by ``<br>``. A table none of
whose rows has two filled cells, or that holds another table, only lays out the page: its cells are
read as blocks. Scripts, styles, ``<head>``, navigation, forms' controls and hidden elements are left out.
"""
from __future__ import annotations

import re

import lxml.html
from lxml import etree

from ...errors import InputError
from .text import UTF16_BOMS, decode

DROPPED = {"head", "script", "style", "noscript", "template", "nav", "svg", "math", "canvas", "iframe", "object",
           "embed", "button", "select", "input", "textarea", "img", "audio", "video", "map"}
PARAGRAPHS = {"p", "table", "ul", "ol", "dl", "blockquote", "pre", "hr", "figure", "h1", "h2", "h3", "h4", "h5", "h6"}
LINES = {"div", "section", "article", "main", "header", "footer", "aside", "address", "li", "dt", "dd", "tr",
         "caption", "figcaption", "details", "summary", "fieldset", "legend", "center", "form", "body", "td", "th"}
BOLD = {"b", "strong", "th"}
HEADING = re.compile(r"h([1-6])")
BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
HTML_SPACE_SPLIT = re.compile(r"([ \t\n\r\f]+)")
XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w:.-]+)""", re.I)
WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "windows-1252", "cp1252"}


def read_html(data: bytes, path: str) -> str:
    text = XML_DECLARATION.sub("", decode(data, path, declared_encoding(data)))
    try:
        document = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise InputError.single(path, None, "document", f"an HTML page, found one that cannot be parsed ({error})") from None
    writer = Writer()
    writer.walk(document)
    return writer.text()


def declared_encoding(data: bytes) -> str | None:
    """The charset a page declares (``<meta charset>``, ``http-equiv``, XML declaration), as browsers read it;
    None for UTF-8, and for a page that starts with a byte order mark (which wins over any declaration)."""
    declared = DECLARED_CHARSET.search(data[:4096])
    if not declared or data.startswith((b"\xef\xbb\xbf", *UTF16_BOMS)):
        return None
    label = (declared[1] or declared[2]).decode("ascii").lower()
    if label in WINDOWS_1252_LABELS:
        return "cp1252"   # WHATWG: these labels all mean windows-1252
    return None if label.replace("_", "-") in ("utf-8", "utf8") else label


class Writer:
    """Collects lines; inline text is held as (text, bold) fragments until the line ends."""

    def __init__(self):
        self.lines: list[str] = []
        self.fragments: list[tuple[str, bool]] = []
        self.bold = 0
        self.prefix = ""
        self.in_list = 0

    def text(self) -> str:
        self.end_line()
        return "\n".join(self.lines).strip("\n") + "\n"

    def inline(self, text: str | None) -> None:
        if text:
            self.fragments.append((text, self.bold > 0))

    def end_line(self) -> None:
        """The held fragments as a line (after a pending list marker or heading prefix), if they hold text."""
        content = inline_markdown(self.fragments)
        self.fragments = []
        if content:
            self.lines.append(self.prefix + content)
            self.prefix = ""

    def end_paragraph(self) -> None:
        self.end_line()
        if self.lines and self.lines[-1]:
            self.lines.append("")

    def walk(self, element) -> None:
        self.inline(element.text)
        for child in element:
            if isinstance(child.tag, str) and not hidden(child):
                self.element(child)
            self.inline(child.tail)

    def element(self, element) -> None:
        tag = element.tag.lower()
        if tag == "br":
            self.end_line()
        elif tag == "table":
            self.table(element)
        elif tag in ("ul", "ol"):
            self.list(element, ordered=tag == "ol")
        elif tag == "pre":
            self.end_paragraph()
            self.lines += element.text_content().strip("\n").split("\n")
            self.end_paragraph()
        else:
            self.block(element, tag)

    def block(self, element, tag: str) -> None:
        paragraph = tag in PARAGRAPHS and not (tag == "p" and self.in_list)   # a list item's <p> is one line
        breaks = self.end_paragraph if paragraph else self.end_line if tag in LINES | PARAGRAPHS else None
        bold = tag in BOLD or bool(BOLD_STYLE.search(element.get("style", "")))
        if breaks:
            breaks()
        if heading := HEADING.fullmatch(tag):
            self.prefix = "#" * int(heading[1]) + " "
        self.bold += bold
        self.walk(element)
        self.bold -= bold
        if breaks:
            breaks()
            self.prefix = ""

    def list(self, element, ordered: bool) -> None:
        self.end_paragraph()
        number = int(element.get("start", "1")) if element.get("start", "").isdigit() else 1
        for item in element:
            if not isinstance(item.tag, str) or hidden(item):
                continue
            if item.tag.lower() != "li":
                self.element(item)
                continue
            number = int(item.get("value")) if (item.get("value") or "").isdigit() else number
            self.end_line()
            self.prefix = f"{number}. " if ordered else "- "
            self.in_list += 1
            self.walk(item)
            self.in_list -= 1
            self.end_line()
            self.prefix = ""
            number += 1
        self.end_paragraph()

    def table(self, table) -> None:
        rows = [[cell for cell in row if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th")]
                for row in table.iter("tr") if not hidden(row)]
        self.end_paragraph()
        if table.find(".//table") is not None or not any(sum(has_text(c) for c in row) > 1 for row in rows):
            self.walk(table)   # a layout table: its cells are blocks
        else:
            caption = table.find("caption")
            if caption is not None:
                self.block(caption, "caption")
            self.lines += ["\t".join(self.cell(c) for c in row) for row in rows if any(has_text(c) for c in row)]
        self.end_paragraph()

    def cell(self, cell) -> str:
        writer = Writer()
        writer.bold = self.bold + (cell.tag.lower() == "th")
        writer.walk(cell)
        return "<br>".join(line.replace("\t", " ") for line in writer.text().split("\n") if line.strip())


def inline_markdown(fragments: list[tuple[str, bool]]) -> str:
    """One line from (text, bold) fragments: HTML white space collapsed, bold runs as ``**…**`` hugging words."""
    tokens = [None if HTML_SPACE.fullmatch(piece) else (piece, bold)   # None: white space
              for text, bold in fragments for piece in HTML_SPACE_SPLIT.split(text) if piece]
    out, in_bold, space = [], False, False
    for token in tokens:
        if token is None:
            space = bool(out)
            continue
        word, bold = token
        if in_bold and not bold:
            out.append("**")
            in_bold = False
        if space:
            out.append(" ")
        if bold and not in_bold:
            out.append("**")
            in_bold = True
        out.append(word)
        space = False
    if in_bold:
        out.append("**")
    return "".join(out)


def hidden(element) -> bool:
    return (element.tag.lower() in DROPPED or element.get("hidden") is not None
            or bool(HIDDEN_STYLE.search(element.get("style", ""))))


def has_text(element) -> bool:
    return bool(element.text_content().strip())
