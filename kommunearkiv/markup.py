"""Markdown from the sources → sanitised HTML, the only way source text reaches a page.

Markdown is GitHub-flavoured CommonMark (tables, lists, autolinks) parsed by
comrak, a port of GitHub's cmark-gfm that gives cmark-gfm's HTML (the same
bytes on every text of the shipped and the synthetic content) and is about
40 times faster than Python-Markdown, which matters when an archive has
thousands of attachments; unlike cmarkgfm's bindings it frees what it allocates.
Source text is untrusted: raw HTML in it passes through Markdown untouched, so
the result is cleaned with nh3 to an allowlist of tags and attributes, links
keep only http(s)/mailto targets (no ``javascript:``, ``data:`` or relative
URLs that would point into this site) and carry ``rel="noopener nofollow"``.
"""
from __future__ import annotations

import re
from html import unescape

import comrak
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "b", "em", "i", "u", "s", "sub", "sup", "small", "mark",
    "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "code", "abbr",
    "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "a",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Raw HTML is kept here (``unsafe_``) and cleaned by nh3 below: a "safe" mode would drop whole HTML blocks, text
# included, and GFM's tagfilter would show <script> as visible text instead of removing it.
EXTENSIONS = comrak.ExtensionOptions()
EXTENSIONS.table = EXTENSIONS.autolink = EXTENSIONS.strikethrough = True
RENDERING = comrak.RenderOptions()
RENDERING.unsafe_ = True
HEADING = re.compile(r"<h([1-6])>")
HEADING_ELEMENT = re.compile(r"<h([1-6])>(.*?)</h\1>", re.DOTALL)
EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>\n?")
EMPTY_HEADER_CELL = re.compile(r"<th>\s*</th>")
TABLE = re.compile(r"<table>.*?</table>", re.DOTALL)
LINK_WITHOUT_TARGET = re.compile(r"<a(?![^>]*\shref=)[^>]*>(.*?)</a>", re.DOTALL)
TEXT = re.compile(r">([^<]+)<")  # the text between two tags
HYPHENATED = re.compile(r"[^\s<>]*[-‐–—][^\s<>]+")  # a word a browser may break after a dash inside it


def render_markdown(text: str, top_heading: int = 3) -> Markup:
    """``text`` as safe HTML; its headings start at ``<h{top_heading}>`` to fit the page's outline."""
    html = commonmark_html(text or "")
    clean = nh3.clean(
        html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=URL_SCHEMES,
        url_relative="deny", link_rel="noopener nofollow", strip_comments=True,
    )
    return Markup(_fit_headings(_tidy(clean), top_heading).strip())


def plain_text(text: str) -> str:
    """The words of a Markdown text on one line, as a reader sees them: markup and any HTML in it removed."""
    return " ".join(unescape(nh3.clean(commonmark_html(text or ""), tags=set())).split())


def commonmark_html(text: str) -> str:
    """The GitHub-flavoured CommonMark of ``text`` (tables, autolinks, strikethrough) as HTML, raw HTML kept."""
    return comrak.render_markdown(text, extension_options=EXTENSIONS, render_options=RENDERING)


def _tidy(html: str) -> str:
    """Drop paragraphs emptied by sanitising, keep only the text of links that lost their target,
    make empty header cells plain cells, and let wide tables scroll on their own (focusable, so
    keyboard users can scroll them too), their cells breaking between words only."""
    html = LINK_WITHOUT_TARGET.sub(r"\1", EMPTY_PARAGRAPH.sub("", html))
    html = EMPTY_HEADER_CELL.sub("<td></td>", html)
    return TABLE.sub(lambda m: f'<div class="table-scroll" tabindex="0">{TEXT.sub(_unbroken_text, m.group(0))}</div>', html)


def unbroken(html: str) -> str:
    """HTML text (no markup) with each word that holds a hyphen kept on one line ("Lyngby-Taarbæk", "2014-2017"),
    so that a table cell breaks between words only."""
    return HYPHENATED.sub(lambda word: f'<span class="nowrap">{word.group()}</span>', html)


def _unbroken_text(match: re.Match) -> str:
    return f">{unbroken(match.group(1))}<"


def _fit_headings(html: str, top: int) -> str:
    """Fit the source's headings under the page's own: its highest level becomes ``<h{top}>``, and none
    lies more than one level below the heading before it (screen readers navigate by that outline)."""
    levels = sorted({int(level) for level in HEADING.findall(html)})
    previous = top - 1

    def renumber(match: re.Match) -> str:
        nonlocal previous
        level = min(top + levels.index(int(match.group(1))), previous + 1, 6)
        previous = level
        return f"<h{level}>{match.group(2)}</h{level}>"

    return HEADING_ELEMENT.sub(renumber, html)
