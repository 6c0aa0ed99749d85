"""Command line: build (the default), serve, check, import, archive."""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import sys
import tempfile
from pathlib import Path

from .errors import InputError

DESCRIPTION = """Build a static open-data archive of municipal committee minutes.

With no command, builds site/ from content/. Problems in the content are
reported as path:line: field: what was expected; the previous site/ is then
left untouched and the exit code is 1."""


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except InputError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted; nothing was written.", file=sys.stderr)
        return 130


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--content", type=Path, default=Path("content"), metavar="DIR", help="content folder to read (default: content)")
    common.add_argument("--site", type=Path, default=Path("site"), metavar="DIR", help="output folder, replaced as a whole on success (default: site)")
    common.add_argument("--theme", type=Path, default=None, metavar="DIR",
                        help="theme folder whose templates/static override the default theme's (default: themes/default only)")
    common.add_argument("--site-url", default=None, metavar="URL",
                        help="public address of the site, for the sitemap, feeds, canonical addresses, citations and the "
                             "404 page's links (default: none; links stay relative, the 404 page's start from the host's root)")
    common.add_argument("--quiet", action="store_true", help="no progress bar")
    common.add_argument("--full", action="store_true",
                        help="build everything anew, taking nothing over from earlier builds (the cache is refilled)")
    common.add_argument("--cache", type=Path, default=None, metavar="DIR",
                        help="folder of the build cache, safe to delete (default: .build-cache beside the site folder)")
    common.add_argument("--jobs", type=int, default=None, metavar="N",
                        help="processes to build with (default: one per core; 1: no worker processes)")
    main_parser = argparse.ArgumentParser(prog="build.py", description=DESCRIPTION, parents=[common],
                                          formatter_class=argparse.RawDescriptionHelpFormatter)
    main_parser.set_defaults(run=run_build)
    commands = main_parser.add_subparsers(title="commands", metavar="COMMAND")
    commands.add_parser("build", parents=[common], help="build the site (the default)").set_defaults(run=run_build)
    serve = commands.add_parser("serve", parents=[common], help="build into a temporary folder and preview it on http://127.0.0.1:PORT")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    serve.set_defaults(run=run_serve)
    commands.add_parser("check", parents=[common], help="validate the content only and report every problem").set_defaults(run=run_check)
    importer = commands.add_parser("import", parents=[common], help="import raw minutes (files or folders of .txt) into the content folder")
    importer.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    importer.add_argument("--dry-run", action="store_true", help="write nothing")
    importer.add_argument("--json", action="store_true", help="print the open-data form of each document as a JSON array")
    importer.add_argument("--source-url", metavar="URL", help="the official address of the document (one document); "
                          "for a folder, list its documents' addresses in sources.tsv beside them")
    importer.add_argument("--municipality", metavar="NAME",
                          help="the municipality whose minutes these are (e.g. 'Holbæk Kommune'), for a template many "
                               "municipalities use (First Agenda) whose text may name none; a document that names "
                               "another municipality is refused")
    importer.set_defaults(run=run_import)
    archive = commands.add_parser("archive", parents=[common], help="build, then write one zip of the site that works when unzipped")
    archive.add_argument("--output", type=Path, default=Path("archive.zip"), metavar="FILE", help="zip file to write (default: archive.zip)")
    archive.set_defaults(run=run_archive)
    return main_parser


def run_build(args) -> int:
    from .build import build_site

    report = build_site(args.content, args.site, args.theme, args.site_url, **build_options(args))
    print(f"Built {args.site}: {report}")
    return 0


def build_options(args) -> dict:
    return {"progress": not args.quiet, "cache_dir": args.cache, "full": args.full, "jobs": args.jobs}


def run_check(args) -> int:
    from .content.reader import load_archive

    archive = load_archive(args.content)
    meetings = archive.meetings()
    print(f"{args.content}: no problems ({len(archive.municipalities)} municipalities, {len(meetings)} meetings, "
          f"{sum(len(m.items) for m in meetings)} agenda items)")
    return 0


def run_import(args) -> int:
    from .importing.batch import dry_run, import_documents, summary

    documents = (dry_run(args.paths, args.source_url, args.municipality) if args.dry_run
                 else import_documents(args.paths, args.content, args.source_url, args.municipality))
    if args.json:
        print(json.dumps(documents, ensure_ascii=False, indent=2))
    else:
        for document in documents:
            print(summary(document))
        print("Dry run: nothing written." if args.dry_run else f"Imported {len(documents)} documents into {args.content}.")
    return 0


def run_serve(args) -> int:
    from .build import build_site

    with tempfile.TemporaryDirectory(prefix="kommunearkiv-serve-") as folder:
        site = Path(folder) / "site"
        print(f"Built preview: {build_site(args.content, site, args.theme, args.site_url, **build_options(args))}")
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
        with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
            print(f"Serving on http://127.0.0.1:{args.port}/ (Ctrl-C to stop; run again to see changes)")
            try:
                server.serve_forever()
            except KeyboardInterrupt:
                pass
    return 0


def run_archive(args) -> int:
    from .build import build_site
    from .exports.archive import write_site_zip

    report = build_site(args.content, args.site, args.theme, args.site_url, **build_options(args))
    write_site_zip(args.site, args.output)
    print(f"Built {args.site}: {report}; archive written to {args.output}")
    return 0
