"""PDF readers compared: the time to read a 30-page municipal PDF, and what each keeps of its layout.

    python -m benchmarks pdf [--pages 30] [--repeat 5] [--json FILE]

The PDF is the Lyngby sample (a protokol with tables) typeset as municipalities publish it
(``tests/importing/typeset.py``: running header, ``Side N af M``, bold headings), cut to
``--pages`` pages, once with the standard fonts and once with an embedded TrueType font when
Debian's Liberation fonts are installed (as most real PDFs embed theirs). Each reader's CPU time
is the best of ``--repeat`` runs; readers whose library is not installed are left out.
"""
from __future__ import annotations

import argparse
import importlib.util
import io
import json
import logging
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "importing")]

from kommunearkiv.importing.sources import read_source  # noqa: E402

SAMPLE = ROOT / "samples" / "004_e014b426b53ea594.txt"
HEADER = "Lyngby-Taarbæk Kommune - Erhvervs- og Beskæftigelsesudvalget - Protokol"
LIBERATION = Path("/usr/share/fonts/truetype/liberation")


def pdfminer_layout(path: Path) -> str:
    from pdfminer.high_level import extract_text
    return extract_text(path)


def pypdf_text(path: Path) -> str:
    import pypdf
    return "\f".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def pypdf_fonts(path: Path) -> str:
    import pypdf
    pieces = []
    for page in pypdf.PdfReader(path).pages:
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: pieces.append((text, (font or {}).get("/BaseFont"))))
    return "".join(text for text, _ in pieces)


def pdfplumber_text(path: Path) -> str:
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        return "\f".join(page.extract_text() for page in pdf.pages)


def pdfplumber_lines(path: Path) -> str:
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        return "\f".join("\n".join(line["text"] for line in page.extract_text_lines(return_chars=True))
                         for page in pdf.pages)


READERS = [   # (name, the library it needs, reader)
    ("kommunearkiv read_source (pdfminer.six characters, fonts, gaps)", "pdfminer", lambda path: read_source(path).text),
    ("pdfminer.six extract_text (its layout analysis)", "pdfminer", pdfminer_layout),
    ("pypdf extract_text", "pypdf", pypdf_text),
    ("pypdf extract_text + font visitor", "pypdf", pypdf_fonts),
    ("pdfplumber extract_text", "pdfplumber", pdfplumber_text),
    ("pdfplumber extract_text_lines with characters", "pdfplumber", pdfplumber_lines),
]


def typeset(pages: int, fonts: tuple[Path, Path] | None) -> bytes:
    """The sample typeset and cut at a line boundary to exactly ``pages`` pages (bisection on its lines)."""
    from typeset import plain, typeset_pdf

    lines = plain(SAMPLE.read_text()).split("\n")
    low, high, best = 1, len(lines), b""
    while low <= high:
        middle = (low + high) // 2
        data = typeset_pdf("\n".join(lines[:middle]), HEADER, *(fonts or ()))
        count = page_count(data)
        if count <= pages:
            low, best = middle + 1, data if count == pages else best
        else:
            high = middle - 1
    if not best:
        raise SystemExit(f"the sample does not fill {pages} pages")
    return best


def page_count(data: bytes) -> int:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    return sum(1 for _ in PDFPage.create_pages(PDFDocument(PDFParser(io.BytesIO(data)))))


def best_time(reader, path: Path, repeat: int) -> tuple[float, float, int]:
    """(best CPU seconds, best wall seconds, characters of text) over ``repeat`` runs."""
    cpu, wall, text = [], [], ""
    for _ in range(repeat):
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        text = reader(path)
        cpu.append(time.process_time() - started_cpu)
        wall.append(time.perf_counter() - started_wall)
    return min(cpu), min(wall), len(text)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="pdf_readers", description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    logging.getLogger("fpdf").setLevel(logging.ERROR)   # glyphs the sample has and the font lacks
    variants = {"standard fonts": None}
    if (LIBERATION / "LiberationSans-Regular.ttf").exists():
        variants["embedded TrueType"] = (LIBERATION / "LiberationSans-Regular.ttf", LIBERATION / "LiberationSans-Bold.ttf")
    figures = {}
    with tempfile.TemporaryDirectory() as folder:
        for variant, fonts in variants.items():
            path = Path(folder) / f"{variant}.pdf"
            path.write_bytes(typeset(args.pages, fonts))
            print(f"{args.pages} pages, {variant}, {path.stat().st_size:,} bytes")
            for name, library, reader in READERS:
                if importlib.util.find_spec(library):
                    cpu, wall, chars = best_time(reader, path, args.repeat)
                    figures[f"{variant}: {name}"] = {"cpu_s": round(cpu, 3), "wall_s": round(wall, 3), "chars": chars}
                    print(f"  {name:68s} {cpu:6.2f} s CPU {wall:6.2f} s wall  {chars:,} characters")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
