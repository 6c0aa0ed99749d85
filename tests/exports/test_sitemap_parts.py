"""A municipality's sitemaps written as text, part by part: what ElementTree wrote before, split where the protocol says."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from kommunearkiv.exports import sitemap
from kommunearkiv.exports import outlines as archive_outlines

SITE_URL = "https://data.example.dk/arkiv?x=1&y=<2>"


def element_tree_text(root_tag: str, entry_tag: str, urls: list[str]) -> str:
    root = ET.Element(root_tag, {"xmlns": sitemap.NAMESPACE})
    for url in urls:
        ET.SubElement(ET.SubElement(root, entry_tag), "loc").text = url
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def test_one_sitemap_as_element_tree_writes_it(archive, tmp_path):
    alleroed = archive.municipalities["alleroed"]
    assert sitemap.write_sitemaps(alleroed, tmp_path, SITE_URL) == ["alleroed/sitemap.xml"]
    urls = [SITE_URL + "/" + path for path in sitemap.page_paths(alleroed)]
    assert (tmp_path / "alleroed/sitemap.xml").read_text(encoding="utf-8") == element_tree_text("urlset", "url", urls)


def test_past_the_limit_numbered_parts_and_an_index(archive, tmp_path, monkeypatch):
    alleroed = archive.municipalities["alleroed"]
    urls = [SITE_URL + "/" + path for path in sitemap.page_paths(alleroed)]
    monkeypatch.setattr(sitemap, "MAX_URLS", 4)
    written = sitemap.write_sitemaps(alleroed, tmp_path, SITE_URL)
    parts = [urls[start:start + 4] for start in range(0, len(urls), 4)]
    assert len(parts) > 2
    assert written == [f"alleroed/sitemap-{n}.xml" for n in range(1, len(parts) + 1)] + ["alleroed/sitemap.xml"]
    for name, part in zip(written, parts):
        assert (tmp_path / name).read_text(encoding="utf-8") == element_tree_text("urlset", "url", part)
    index = element_tree_text("sitemapindex", "sitemap", [f"{SITE_URL}/{name}" for name in written[:-1]])
    assert (tmp_path / "alleroed/sitemap.xml").read_text(encoding="utf-8") == index


def test_exactly_one_full_part_stays_a_single_sitemap(archive, tmp_path, monkeypatch):
    alleroed = archive.municipalities["alleroed"]
    monkeypatch.setattr(sitemap, "MAX_URLS", sum(1 for _ in sitemap.page_paths(alleroed)))
    assert sitemap.write_sitemaps(alleroed, tmp_path, SITE_URL) == ["alleroed/sitemap.xml"]


def test_the_site_index_lists_a_large_municipalitys_parts_not_its_index(archive, tmp_path, monkeypatch):
    """An index may not list an index: past the limit, the root index names the municipality's parts."""
    outlines = archive_outlines(archive)
    monkeypatch.setattr(sitemap, "MAX_URLS", 4)
    written = {path for mu in archive.municipalities.values() for path in sitemap.write_sitemaps(mu, tmp_path, SITE_URL)}
    sitemap.write_site_sitemaps(outlines, tmp_path, SITE_URL)
    listed = [loc.text for loc in ET.parse(tmp_path / "sitemap.xml").iter(f"{{{sitemap.NAMESPACE}}}loc")]
    parts = sorted(path for path in written if "sitemap-" in path)
    assert len(parts) > len(archive.municipalities)
    assert listed == [f"{SITE_URL}/sitemap-site.xml"] + [f"{SITE_URL}/{path}" for path in sorted(parts, key=part_order)]
    assert all(ET.parse(tmp_path / url.removeprefix(SITE_URL + "/")).getroot().tag.endswith("urlset") for url in listed)


def part_order(path: str) -> tuple[str, int]:
    folder, name = path.split("/")
    return folder, int(name.removeprefix("sitemap-").removesuffix(".xml"))
