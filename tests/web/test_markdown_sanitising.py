from pathlib import Path

from kommunearkiv.markup import render_markdown
from web_archive import MALICIOUS_MARKDOWN

CONTENT = Path(__file__).resolve().parents[2] / "content"


def test_markdown_keeps_tables_lists_and_emphasis():
    html = render_markdown("**fed** og *kursiv*\n\n- et\n- to\n\n| A | B |\n|---|---|\n| 1 | 2 |")
    assert "<strong>fed</strong>" in html and "<em>kursiv</em>" in html
    assert "<ul>\n<li>et</li>\n<li>to</li>\n</ul>" in html
    assert "<th>A</th>" in html and "<td>2</td>" in html


def test_sanitising_removes_scripts_handlers_styles_and_dangerous_urls():
    html = render_markdown(MALICIOUS_MARKDOWN)
    for forbidden in ("<script", "alert", "onerror", "onclick", "style=", "<iframe", "javascript:", "data:", "<img"):
        assert forbidden not in html, forbidden
    assert "Stylet afsnit" in html


def test_links_keep_http_targets_with_rel_noopener_nofollow():
    html = render_markdown("[side](https://www.alleroed.dk/) [mail](mailto:post@alleroed.dk)")
    assert '<a href="https://www.alleroed.dk/" rel="noopener nofollow">side</a>' in html
    assert 'href="mailto:post@alleroed.dk"' in html


def test_relative_root_absolute_and_script_links_from_sources_keep_only_their_text():
    html = render_markdown('[a](/etc/passwd) [b](../andet.html) <a href="x.html" target="_blank">c</a> [d](javascript:x())')
    assert html == "<p>a b c d</p>"


def test_source_headings_fit_under_the_pages_own_without_skipping_levels():
    assert render_markdown("# Overskrift\n\n## Under", top_heading=4) == "<h4>Overskrift</h4>\n<h5>Under</h5>"
    assert render_markdown("### Først\n\n##### Dybt\n\n### Igen", top_heading=3) == "<h3>Først</h3>\n<h4>Dybt</h4>\n<h3>Igen</h3>"
    assert render_markdown("###### Dybt først\n\n# Højest\n\n## Under", top_heading=2) == (
        "<h2>Dybt først</h2>\n<h2>Højest</h2>\n<h3>Under</h3>")
    assert render_markdown("# En\n\n## To\n\n### Tre", top_heading=5) == "<h5>En</h5>\n<h6>To</h6>\n<h6>Tre</h6>"


def test_raw_html_that_sanitises_to_nothing_leaves_no_empty_paragraph():
    assert render_markdown('<img src="x" onerror="alert(1)">\n\nTekst') == "<p>Tekst</p>"


def test_tables_scroll_on_their_own_and_have_no_empty_header_cells():
    html = render_markdown("|   | 2019 |\n|---|---|\n| Udgift | 5 |")
    assert html.startswith('<div class="table-scroll" tabindex="0"><table>') and html.endswith("</table></div>")
    assert "<th></th>" not in html and "<td></td>" in html and "<th>2019</th>" in html


SAMPLE_MARKDOWN = ("# Sagsfremstilling\n\nTekst med **fed**, ~~slettet~~ og www.alleroed.dk.\n\n"
                   "| Konto | Beløb |\n|---|---:|\n| Drift | 1.200 |\n\n- et\n- to\n\n<b>rå</b> <script>x()</script>\n")


def test_commonmark_html_is_cmark_gfms_own_output():
    """comrak gives the HTML of GitHub's cmark-gfm (here through cmarkgfm, a test dependency), on samples and on
    every Markdown file of the shipped content."""
    import cmarkgfm
    from cmarkgfm.cmark import Options
    from kommunearkiv.markup import commonmark_html

    shipped = [path.read_text(encoding="utf-8") for path in sorted(CONTENT.rglob("*.md"))]
    for text in ["", SAMPLE_MARKDOWN, MALICIOUS_MARKDOWN, "æøå " * 500] + shipped:
        assert commonmark_html(text) == cmarkgfm.markdown_to_html_with_extensions(
            text, options=Options.CMARK_OPT_UNSAFE, extensions=["table", "autolink", "strikethrough"])


def test_rendering_frees_its_memory():
    """cmarkgfm's own wrapper leaks the tree and the HTML of every call (~60 MB for these 3,000 calls)."""
    def resident_mib() -> float:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * 4096 / 2**20

    text = SAMPLE_MARKDOWN * 20
    render_markdown(text)
    before = resident_mib()
    for _ in range(3000):
        render_markdown(text)
    assert resident_mib() - before < 10
