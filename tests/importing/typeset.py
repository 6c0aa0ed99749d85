"""Typeset test documents as municipal PDFs: running header, ``Side N af M`` footer, bold headings, wrapped lines.

Input is text in the form the readers produce (``# heading``, ``**bold**`` runs, tab-separated table
rows, blank lines between paragraphs), so a test can compare what a reader gives back with what went in.
The standard PDF fonts are used (always available, WinAnsi-encoded); characters they lack are replaced
by the nearest Latin-1 ones (``LATIN1``), so a test comparing with its source text applies ``latin1``
to that text too. ``font_path`` embeds a TrueType font instead (subset, Identity-H, as most real PDFs).
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from fpdf import FPDF

LATIN1 = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "•": "-",
                        "…": "...", "€": "EUR", "\u200b": "", "\uf0b7": "-", "\u2022": "-", "\u2212": "-"})
HEADING = re.compile(r"^#+ +")
WHOLE_BOLD = re.compile(r"^\*\*([^*]+)\*\*$")
TAG = re.compile(r"<[^>]+>")
BODY_SIZE, LINE_HEIGHT = 10, 5


def plain(text: str) -> str:
    """A converted sample as a writer typed it: HTML tags dropped, entities decoded, bold runs its converter
    glued together (``**A****B**``) on lines of their own, a bold run open across lines closed and reopened
    on each line (as a PDF sets it)."""
    lines, bold = [], False
    for line in html.unescape(TAG.sub(" ", text)).replace("****", "**\n**").split("\n"):
        line = re.sub(r"  +", " ", line).strip(" ")
        starts_bold = bold
        bold ^= line.count("**") % 2 == 1
        if starts_bold and line:
            line = "**" + line
        if bold and line:
            line += "**"
        lines.append(line.replace("****", ""))
    return "\n".join(lines)


def latin1(text: str) -> str:
    """``text`` as the standard fonts can set it: replacements from ``LATIN1``, anything else outside Latin-1 '?'."""
    return text.translate(LATIN1).encode("latin-1", "replace").decode("latin-1")


class MunicipalPDF(FPDF):
    def __init__(self, running_header: str | None, font_path: Path | None = None, bold_font_path: Path | None = None,
                 footer: str = "Side {page} af {nb}", header_last: bool = False):
        super().__init__(format="A4")
        self.running_header = running_header
        self.footer_text = footer
        self.header_last = header_last
        self.body_family = "Helvetica"
        if font_path:
            self.add_font("Body", "", str(font_path))
            self.add_font("Body", "B", str(bold_font_path or font_path))
            self.body_family = "Body"
        self.set_margins(20, 22, 20)
        self.set_auto_page_break(True, margin=22)
        self.alias_nb_pages("{nb}")

    def text_of(self, text: str) -> str:
        return text if self.body_family == "Body" else latin1(text)

    def header(self):
        if not self.header_last:
            self.set_running_header()
        self.set_xy(20, 22)

    def set_running_header(self):
        if self.running_header is None:
            return   # no page furniture (a scan)
        self.set_font(self.body_family, "", 8)
        self.set_xy(20, 10)
        self.cell(0, 4, self.text_of(self.running_header), align="L")

    def footer(self):
        if self.running_header is None:
            return
        self.set_font(self.body_family, "", 8)
        self.set_xy(20, -15)
        self.cell(0, 4, self.footer_text.format(page=self.page_no(), nb="{nb}"), align="R")
        if self.header_last:   # drawn after the page's text, as two-pass page numbering does
            self.set_running_header()


def typeset_pdf(text: str, running_header: str = "", font_path: Path | None = None,
                bold_font_path: Path | None = None, protect: dict | None = None,
                footer: str = "Side {page} af {nb}", header_last: bool = False) -> bytes:
    """A PDF of ``text`` (the readers' text form; a line ``\\f`` starts a new page); ``protect`` holds
    the arguments of ``FPDF.set_encryption`` (owner and user password); ``footer`` the page number's
    form; ``header_last`` draws the running header after the page's text."""
    pdf = MunicipalPDF(running_header, font_path, bold_font_path, footer, header_last)
    if protect:
        pdf.set_encryption(**protect)
    pdf.add_page()
    rows: list[list[str]] = []
    for line in text.split("\n"):
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            set_table(pdf, rows)
            rows = []
        set_line(pdf, line)
    if rows:
        set_table(pdf, rows)
    return bytes(pdf.output())


def scanned_pdf(pages: int, text_first_page: str | None = None, ocr_text: str | None = None) -> bytes:
    """A PDF of ``pages`` pages that each show only an image, as a scanner makes them; with
    ``text_first_page``, a typed first page comes before them; with ``ocr_text``, each scanned page
    carries it as an invisible text layer, as OCR software adds one."""
    from PIL import Image, ImageDraw

    scan = Image.new("L", (400, 560), 255)
    ImageDraw.Draw(scan).rectangle((40, 60, 360, 90), fill=0)   # a dark bar where a heading was
    pdf = MunicipalPDF(None)
    if text_first_page:
        pdf.add_page()
        set_line(pdf, text_first_page)
    for _ in range(pages):
        pdf.add_page()
        pdf.image(scan, x=0, y=0, w=210)
        if ocr_text:
            pdf.set_font("Helvetica", "", 12)
            with pdf.local_context(text_mode="INVISIBLE"):
                pdf.text(20, 25, ocr_text)
    return bytes(pdf.output())


def set_line(pdf: MunicipalPDF, line: str) -> None:
    if line.strip(" ") == "\f":   # a form feed is white space to str.strip
        pdf.add_page()
        return
    line = line.strip()
    if not line:
        pdf.ln(LINE_HEIGHT / 2)
    elif HEADING.match(line):
        pdf.set_font(pdf.body_family, "B", BODY_SIZE + 4)
        pdf.multi_cell(0, LINE_HEIGHT + 2, pdf.text_of(HEADING.sub("", line)), align="L",
                       new_x="LMARGIN", new_y="NEXT")
    else:
        whole = WHOLE_BOLD.match(line)
        pdf.set_font(pdf.body_family, "B" if whole else "", BODY_SIZE)
        pdf.multi_cell(0, LINE_HEIGHT, pdf.text_of(whole[1] if whole else line), markdown=not whole and "**" in line,
                       new_x="LMARGIN", new_y="NEXT")


def set_table(pdf: MunicipalPDF, rows: list[list[str]]) -> None:
    """Tab rows as a table: columns as wide as their longest cell within bounds; smaller type for many columns."""
    columns = max(len(r) for r in rows)
    rows = [r + [""] * (columns - len(r)) for r in rows]
    longest = [min(60, max(8, *(len(r[c]) for r in rows))) for c in range(columns)]
    pdf.set_font(pdf.body_family, "", BODY_SIZE if columns < 6 else 6)
    with pdf.table(col_widths=longest, first_row_as_headings=False, borders_layout="NONE",
                   line_height=LINE_HEIGHT, text_align="LEFT", v_align="TOP") as table:
        for cells in rows:
            row = table.row()
            for cell in cells:
                row.cell(pdf.text_of(cell.replace("**", "")))


def html_page(text: str, title: str = "Referat") -> str:
    """An HTML page of ``text`` (the readers' text form), as an agenda system exports it: headings as
    ``<hN>``, bold runs as ``<strong>``, tab rows as table rows, paragraphs with ``<br>`` between their
    lines; HTML fragments already in the text are kept as markup."""
    body, rows = [], []
    for block in re.split(r"\n[ \t]*\n", text):
        lines = [line for line in block.split("\n") if line.strip()]
        paragraph = []
        for line in lines + [None]:
            if line is not None and "\t" in line:
                rows.append("<tr>" + "".join(f"<td>{inline_html(c)}</td>" for c in line.split("\t")) + "</tr>")
                continue
            if paragraph and (line is None or rows or HEADING.match(line)):
                body.append("<p>" + "<br>\n".join(inline_html(p) for p in paragraph) + "</p>")
                paragraph = []
            if rows:
                body.append("<table>\n" + "\n".join(rows) + "\n</table>")
                rows = []
            if line is None:
                break
            if heading := HEADING.match(line):
                level = len(heading[0].strip())
                body.append(f"<h{level}>{inline_html(line[heading.end():])}</h{level}>")
            else:
                paragraph.append(line)
    return (f'<!DOCTYPE html>\n<html lang="da"><head><meta charset="utf-8"><title>{title}</title>'
            '<script>var tracking = "1. Ikke et punkt";</script></head>\n<body><nav><a href="/">Forside</a></nav>\n'
            '<main>\n' + "\n".join(body) + "\n</main></body></html>\n")


def inline_html(text: str) -> str:
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
