"""``python -m benchmarks [NAME [options]]``: run one registered benchmark, or all of them with no NAME."""
from __future__ import annotations

import importlib
import sys

from . import BENCHMARKS


def main(argv: list[str]) -> int:
    if argv and argv[0] in ("-h", "--help"):
        print(__doc__.strip() + "\n\nbenchmarks: " + ", ".join(BENCHMARKS))
        return 0
    if argv and not argv[0].startswith("-"):
        name, options = argv[0], argv[1:]
        if name not in BENCHMARKS:
            print(f"unknown benchmark {name!r}; known: {', '.join(BENCHMARKS)}", file=sys.stderr)
            return 2
        return run(name, options)
    return max((run(name, argv) for name in BENCHMARKS), default=0)


def run(name: str, options: list[str]) -> int:
    return importlib.import_module(BENCHMARKS[name]).main(options)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
