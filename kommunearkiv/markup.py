"""Markdown from the sources → sanitised HTML, the only way source text reaches a page.

Markdown is GitHub-flavoured CommonMark (tables, lists, autolinks) parsed by
cmark-gfm (about 40 times faster than Python-Markdown on the sample
attachments, which matters when an archive has thousands of them).
Source text is untrusted: raw HTML in it passes through Markdown untouched, so
the result is cleaned with nh3 to an allowlist of tags and attributes, links
keep only http(s)/mailto targets (no ``javascript:``, ``data:`` or relative
URLs that would point into this site) and carry ``rel="noopener nofollow"``.
"""
from __future__ import annotations

import ctypes
import re
from html import unescape

import nh3
from cmarkgfm import _cmark, cmark
from cmarkgfm.cmark import Options
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
# Raw HTML is kept here and cleaned by nh3 below: cmark's "safe" mode would drop whole HTML blocks, text
# included, and GFM's tagfilter would show <script> as visible text instead of removing it.
CMARK_OPTIONS = Options.CMARK_OPT_UNSAFE
CMARK_EXTENSIONS = ["table", "autolink", "strikethrough"]
# cmarkgfm's own markdown_to_html_with_extensions frees neither the document tree nor the HTML string
# (about 17 KB a call for a page of text: gigabytes over a large archive), and its bindings do not
# expose cmark_node_free, so the same library is opened once more with ctypes for that, and the
# string, allocated by cmark's default allocator (malloc), goes back to the C library's free.
_CMARK_LIBRARY = ctypes.CDLL(_cmark.__file__)
_CMARK_LIBRARY.cmark_node_free.argtypes = [ctypes.c_void_p]
_C_FREE = ctypes.CDLL(None).free
_C_FREE.argtypes = [ctypes.c_void_p]
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
    """cmark-gfm's HTML for ``text`` with ``CMARK_EXTENSIONS``, every C allocation freed before returning."""
    cmark.core_extensions_ensure_registered()
    parser = cmark.parser_new(CMARK_OPTIONS)
    try:
        for name in CMARK_EXTENSIONS:
            cmark.parser_attach_syntax_extension(parser, cmark.find_syntax_extension(name))
        cmark.parser_feed(parser, text)
        root = cmark.parser_finish(parser)
        try:
            html = _cmark.lib.cmark_render_html(root, CMARK_OPTIONS, cmark.parser_get_syntax_extensions(parser))
            try:
                return _cmark.ffi.string(html).decode("utf-8")
            finally:
                _C_FREE(_address(html))
        finally:
            _CMARK_LIBRARY.cmark_node_free(_address(root))
    finally:
        cmark.parser_free(parser)


def _address(pointer) -> int:
    return int(_cmark.ffi.cast("uintptr_t", pointer))


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
