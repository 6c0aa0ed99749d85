"""Search benchmark: ``python -m benchmarks.search_benchmark`` (or ``python benchmarks/search_benchmark.py``).

For synthetic archives of about 1,000 / 10,000 / 100,000 agenda items, generated
deterministically from the sample documents' words (a word is drawn as often as it
occurs there, so posting lists grow like a real archive's), it reports the index
build time and peak memory, the index size, and in headless Chromium over HTTP the
bytes downloaded (gzip-compressed, as a static server would send them) before the
first results of a one-word and a three-word query, and the query time.
Options: ``--tiers 1000,10000`` and ``--json FILE``. Each tier builds in its own
process, so its peak memory is its own.
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.browser import in_browser  # noqa: E402
from kommunearkiv.model import (  # noqa: E402
    CLOSED, AgendaItem, Archive, AttachmentDocument, Case, Committee, Decision, Meeting, Membership,
    Municipality, Person, Section,
)

TIERS = (1_000, 10_000, 100_000)
QUERIES = {"1 word": "ledighedsydelse", "3 words": "forslag budget borgere", "common word": "borgere"}

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
QUERY_SCRIPT = ROOT / "themes" / "default" / "static" / "search-query.js"
WORD = re.compile(r"[a-zæøåéü]{3,}")
NAME = re.compile(r"\b[A-ZÆØÅ][a-zæøå]{2,}\b")
MUNICIPALITIES = 4
COMMITTEES = 6
ITEMS_PER_MEETING = 10
MEMBERS = 9


class Vocabulary:
    def __init__(self, seed: int):
        text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
        counts = Counter(WORD.findall(text.lower()))
        self.words, self.weights = zip(*sorted(counts.items()))
        self.names = sorted(set(NAME.findall(text)))
        self.random = random.Random(seed)

    def text(self, low: int, high: int) -> str:
        words = self.random.choices(self.words, self.weights, k=self.random.randint(low, high))
        return " ".join(words).capitalize() + "."

    def name(self) -> str:
        return f"{self.random.choice(self.names)} {self.random.choice(self.names)}"


def synthetic_archive(items: int, seed: int = 1) -> Archive:
    """About ``items`` agenda items (1 in 20 closed, 1 in 5 with an attachment) in 4 municipalities."""
    vocabulary = Vocabulary(seed)
    meetings = max(1, items // ITEMS_PER_MEETING)
    archive = Archive()
    for m in range(MUNICIPALITIES):
        municipality = _municipality(vocabulary, m)
        archive.municipalities[municipality.id] = municipality
        for n in range(m, meetings, MUNICIPALITIES):
            committee = municipality.committees[f"udvalg-{n % COMMITTEES}"]
            committee.meetings.append(_meeting(vocabulary, municipality, committee, n))
    return archive


def _municipality(vocabulary: Vocabulary, m: int) -> Municipality:
    municipality = Municipality(f"kommune-{m}", f"Kommune {m}")
    for p in range(MEMBERS * COMMITTEES):
        person = Person(municipality.id, f"person-{p}", vocabulary.name(), "ABCFOV"[p % 6])
        municipality.persons[person.id] = person
    for c in range(COMMITTEES):
        members = [Membership(f"person-{c * MEMBERS + k}", "Formand" if k == 0 else "Medlem") for k in range(MEMBERS)]
        name = vocabulary.text(1, 2).rstrip(".") + "udvalget"
        municipality.committees[f"udvalg-{c}"] = Committee(municipality.id, f"udvalg-{c}", name, members=members)
    return municipality


def _meeting(vocabulary: Vocabulary, municipality: Municipality, committee: Committee, n: int) -> Meeting:
    date = dt.date(2010, 1, 1) + dt.timedelta(days=(n * 37) % (15 * 365))
    meeting_id = f"{date.isoformat()}-{n}"
    meeting = Meeting(municipality.id, committee.id, meeting_id, date, "referat", location="Rådhuset",
                      present=[m.person for m in committee.members])
    for number in range(1, ITEMS_PER_MEETING + 1):
        serial = n * ITEMS_PER_MEETING + number
        item = _item(vocabulary, number, serial, date)
        item.meeting = meeting
        meeting.items.append(item)
        if not item.is_closed:
            case = Case(municipality.id, item.case_number.lower().replace("/", "-"), item.case_number, [item])
            municipality.cases[case.id] = case
        if serial % 5 == 0 and not item.is_closed:
            attachment = AttachmentDocument(f"{number}.1", vocabulary.text(3, 8).rstrip("."), number, str(serial),
                                            vocabulary.text(80, 200))
            attachment.meeting = meeting
            meeting.attachments.append(attachment)
    return meeting


def _item(vocabulary: Vocabulary, number: int, serial: int, date: dt.date) -> AgendaItem:
    title = vocabulary.text(4, 10).rstrip(".")
    if serial % 20 == 0:
        return AgendaItem(number, title, access=CLOSED)
    case_number = f"EMN-{date.year}-{serial:05d}" if serial % 2 else f"{date.year % 100}/{serial}"
    return AgendaItem(
        number, title, case_number=case_number, item_type="Beslutning",
        sections=[Section("Sagsbeskrivelse", vocabulary.text(30, 70)), Section("Indstilling", vocabulary.text(8, 20))],
        decision=Decision("Beslutning", vocabulary.text(4, 20)),
    )


# --- one tier, in its own process -------------------------------------------------------------

def build_tier(items: int, site: Path, variant: str = "a") -> dict:
    """Build the shell site and the search index of a synthetic archive; the figures. ``variant``: how
    compounds are matched (``VARIANTS``)."""
    from kommunearkiv.build import DEFAULT_THEME
    from kommunearkiv.exports import outlines
    from kommunearkiv.exports.catalog import data_catalog
    from kommunearkiv.search import write_search_index
    from kommunearkiv.web.app import create_app
    from kommunearkiv.web.freeze import freeze

    shell = synthetic_archive(20, seed=2)
    freeze(create_app(shell, [DEFAULT_THEME], catalog=data_catalog(outlines(shell))), site)  # search page and static files
    archive = synthetic_archive(items)
    use_variant(variant, archive, site)
    memory_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    figures = write_search_index(archive, site)
    seconds = time.perf_counter() - start
    files = sorted((site / "search" / "index").rglob("*.js"))
    return {
        "items": sum(len(m.items) for m in archive.meetings()), **figures,
        "build_seconds": round(seconds, 2),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "archive_mb": round(memory_before / 1024),
        "gzip_bytes": sum(len(gzip.compress(f.read_bytes(), 6)) for f in files),
        "manifest_gzip_bytes": len(gzip.compress((site / "search/index/manifest.js").read_bytes(), 6)),
    }


# --- compounds: the ways of matching them that issue 19 compares ----------------------------------

VARIANTS = {
    "none": "neither (the index and the query as before)",
    "a": "query words expanded by prefix in the browser",
    "b": "compounds split at index time against the archive's own words",
    "c": "both",
}


def compound_splitter(words: Counter, shortest: int = 3, shortest_tail: int = 4, seen: int = 2):
    """``split(word)``: the parts of a compound made of words the archive has (each ``seen`` times or more,
    the head at least ``shortest`` letters, the tail ``shortest_tail``; a linking s or e after a head is
    allowed; the longest head first, the tail split again), or ``[]``."""
    known = {w for w, n in words.items() if n >= seen and len(w) >= shortest and w.isalpha()}

    @functools.lru_cache(maxsize=None)
    def split(word: str) -> tuple[str, ...]:
        for k in range(len(word) - shortest_tail, shortest - 1, -1):
            head, tail = word[:k], word[k:]
            base = head if head in known else head[:-1] if head[-1] in "se" and head[:-1] in known else None
            if base is None:
                continue
            if tail in known:
                return (base, tail)
            rest = split(tail)
            if rest:
                return (base, *rest)
        return ()

    return split


def split_compounds_at_index_time(archive: Archive) -> None:
    """Make the index hold, besides each word's term, the terms of its parts when it is a compound (in the
    same field): ``postings.field_terms`` replaced for this process."""
    from kommunearkiv.search import postings
    from kommunearkiv.search.danish import term, trim
    from kommunearkiv.search.documents import IDENTIFIER_FIELDS
    from kommunearkiv.search.index import tokens
    from kommunearkiv.search.numbering import numbered_documents

    words: Counter = Counter()
    for _, doc in numbered_documents(archive):
        fields = doc.fields()
        words.update(trim(t) for name in ("title", "decision", "body") for t in tokens(fields[name]))
    split = compound_splitter(words)
    whole_words = postings.field_terms

    def field_terms(doc):
        found = whole_words(doc)
        fields = doc.fields()
        for name in found:
            if name in IDENTIFIER_FIELDS:
                continue
            for token in tokens(fields[name]):
                word = trim(token)
                if len(word) >= 8:
                    found[name] += [t for t in map(term, split(word)) if t]
        return found

    postings.field_terms = field_terms


def without_expansion(script: str) -> str:
    """search-query.js with the query-side expansion turned off (variants "none" and "b")."""
    changed = script.replace("var MIN_EXPANDED = 3;", "var MIN_EXPANDED = Infinity;")
    assert changed != script
    return changed


def use_variant(variant: str, archive: Archive, site: Path | None) -> None:
    """Set this process and the site's search page up for the variant."""
    if variant in ("b", "c"):
        split_compounds_at_index_time(archive)
    if site is not None and variant in ("none", "b"):
        path = site / "static" / "search-query.js"
        path.write_text(without_expansion(path.read_text(encoding="utf-8")), encoding="utf-8")


def compound_recall(variant: str) -> dict:
    """Build the shipped content's search index with the variant; per set of compound queries
    (``tests/search/compound_queries.py``) how many find their page in the best 10, and the index's size."""
    sys.path.insert(0, str(ROOT))
    from kommunearkiv.content.reader import load_archive
    from kommunearkiv.search import write_search_index
    from tests.search import compound_queries
    from tests.search.node_runner import run_node

    archive = load_archive(ROOT / "content")
    use_variant(variant, archive, None)
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        figures = write_search_index(archive, site)
        files = sorted((site / "search" / "index").rglob("*.js"))
        script = site / "search-query.js"
        script.write_text(without_expansion(QUERY_SCRIPT.read_text(encoding="utf-8")) if variant in ("none", "b")
                          else QUERY_SCRIPT.read_text(encoding="utf-8"), encoding="utf-8")
        result = {"variant": variant, "index_bytes": figures["bytes"],
                  "index_gzip_bytes": sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)}
        for name in ("FIRST_PART", "OTHER_FORM", "LATER_PART"):
            queries = getattr(compound_queries, name)
            for first, key in (("0", name), ("1", name + " (first results)")):
                answers = run_node("ranks.js", [q for q, _ in queries], str(site / "search" / "index"), "10",
                                   env={"KOMMUNEARKIV_SEARCH_QUERY": str(script), "KOMMUNEARKIV_SEARCH_FIRST": first})
                missed = [q for (q, url), a in zip(queries, answers) if url not in a["urls"]]
                result[key] = {"found": len(queries) - len(missed), "of": len(queries), "missed": missed,
                               "results": sum(a["total"] for a in answers)}
    return result


# --- the browser side ----------------------------------------------------------------------------

MEASURE_QUERY = """async (q) => {
    const input = document.getElementById('soeg'), status = document.getElementById('search-status');
    const done = new Promise(resolve => {
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
            const s = status.textContent;
            if (s && !s.startsWith('Søger')) { observer.disconnect(); resolve(performance.now() - t0); }
        });
        observer.observe(status, {childList: true, characterData: true, subtree: true});
        input.value = q;
        document.getElementById('search-form').requestSubmit();
    });
    const ms = await done;
    return [ms, status.textContent, document.querySelectorAll('#search-results > li').length];
}"""


def measure_queries(new_page, base: str, site: Path) -> dict:
    """Per query: compressed bytes fetched until the first results show, and query times."""
    result = {}
    for label, query in QUERIES.items():
        page = new_page()
        fetched = []
        page.on("requestfinished", lambda request: fetched.append(request.url))
        page.goto(base + "search/index.html")
        page.wait_for_selector("#search-filters:not([hidden])")
        cold_ms, status, shown = page.evaluate(MEASURE_QUERY, query)
        first = list(fetched)  # before the first results (the rest of a compound expansion may follow)
        page.wait_for_function("!document.getElementById('search-status').textContent.includes('søger videre')")
        final_status = page.evaluate("document.getElementById('search-status').textContent")
        complete = list(fetched)
        warm_ms = page.evaluate(MEASURE_QUERY, query)[0]
        index_files = [u for u in first if "/search/index/" in u and u.endswith(".js")]
        kinds = {}
        for u in index_files:
            kind = u.split("/search/index/")[1].split("/")[0].replace(".js", "")
            kinds[kind] = kinds.get(kind, 0) + _gzip_size(site, base, u)
        result[label] = {
            "query": query, "status": status, "final_status": final_status, "shown": shown,
            "cold_ms": round(cold_ms, 1), "warm_ms": round(warm_ms, 1),
            "index_gzip_bytes": sum(_gzip_size(site, base, u) for u in index_files),
            "all_gzip_bytes": sum(_gzip_size(site, base, u) for u in first),
            "requests": len(first), "index_gzip_by_kind": kinds,
            "complete_gzip_bytes": sum(_gzip_size(site, base, u) for u in complete),
        }
        page.context.close()
    return result


def _gzip_size(site: Path, base: str, url: str) -> int:
    path = url[len(base):].split("?")[0].split("#")[0] or "index.html"
    return len(gzip.compress((site / path).read_bytes(), 6))


def measure_in_browser(site: Path) -> dict:
    return in_browser(site, lambda new_page, base: measure_queries(new_page, base, site))


# --- running and reporting -------------------------------------------------------------------------

def run_tier(items: int, variant: str = "a") -> dict:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        done = subprocess.run([sys.executable, "-m", "benchmarks.search_benchmark", "--build", str(items), str(site),
                               "--variant", variant],
                              capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[1])
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        figures["queries"] = measure_in_browser(site)
    return figures


def report(tiers: list[dict]) -> str:
    lines = ["| items | documents | build s | peak MB | index MB | index gzip MB | shards | manifest gzip KB |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for t in tiers:
        lines.append(f"| {t['items']:,} | {t['documents']:,} | {t['build_seconds']} | {t['peak_mb']} | "
                     f"{t['bytes'] / 1e6:.1f} | {t['gzip_bytes'] / 1e6:.1f} | {t['shards']:,} | "
                     f"{t['manifest_gzip_bytes'] / 1e3:.1f} |")
    lines += ["", "| items | query | hits | index data gzip KB | everything gzip KB | requests | first query ms | repeat ms |",
              "|---:|---|---|---:|---:|---:|---:|---:|"]
    for t in tiers:
        for label, q in t["queries"].items():
            lines.append(f"| {t['items']:,} | {label}: `{q['query']}` | {q['status']} | {q['index_gzip_bytes'] / 1e3:.0f} | "
                         f"{q['all_gzip_bytes'] / 1e3:.0f} | {q['requests']} | {q['cold_ms']} | {q['warm_ms']} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="search_benchmark", description=__doc__.splitlines()[0])
    parser.add_argument("--tiers", default=",".join(map(str, TIERS)), help="item counts, comma-separated")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--variant", default="a", choices=sorted(VARIANTS),
                        help="how compounds are matched: " + "; ".join(f"{k}: {v}" for k, v in VARIANTS.items()))
    parser.add_argument("--compounds", action="store_true",
                        help="recall of the compound queries on the shipped content, and index size, per variant")
    parser.add_argument("--build", nargs=2, metavar=("ITEMS", "SITE"), help=argparse.SUPPRESS)
    parser.add_argument("--site", type=Path,
                        help="measure the queries on a site built before (--build ITEMS SITE), with the search "
                             "scripts of this working tree copied into it; print the figures as JSON")
    args = parser.parse_args(argv)
    if args.build:
        print(json.dumps(build_tier(int(args.build[0]), Path(args.build[1]), args.variant)))
        return 0
    if args.site:
        for script in sorted(QUERY_SCRIPT.parent.glob("search*.js")):
            (args.site / "static" / script.name).write_bytes(script.read_bytes())
        print(json.dumps(measure_in_browser(args.site.resolve()), indent=2, ensure_ascii=False))
        return 0
    if args.compounds:
        figures = [compound_recall(v) for v in VARIANTS]
        print(json.dumps(figures, indent=2, ensure_ascii=False))
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return 0
    tiers = []
    for items in (int(n) for n in args.tiers.split(",")):
        tiers.append(run_tier(items, args.variant))
        print(f"{items:,} items done", file=sys.stderr)
    print(report(tiers))
    if args.json:
        args.json.write_text(json.dumps(tiers, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
