"""Benchmarks: ``python -m benchmarks`` runs every one, ``python -m benchmarks NAME …`` one of them.

Each benchmark is a module with ``main(argv: list[str]) -> int``; register it
in ``BENCHMARKS`` (name → module) so that the shared entry point finds it.
"""
from __future__ import annotations

BENCHMARKS = {
    "build": "benchmarks.build_benchmark",
    "search": "benchmarks.search_benchmark",
    "pagefind": "benchmarks.pagefind_compare",
    "pdf": "benchmarks.pdf_readers",
}
