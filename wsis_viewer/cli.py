"""The one command-line entry point.

`wsis-viewer [DB]` opens the window; sub-commands work headless. Qt is imported only by the
commands that draw, so `build-db`, `export` and `check` run on machines without Qt libraries.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from wsis_viewer import __version__, paths

SUBCOMMANDS = ("build-db", "export", "check", "screenshot", "report")


def _progress_line(done: int, total: int) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\rwriting rows {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def cmd_build_db(args: argparse.Namespace) -> int:
    from wsis_viewer.store.build import build_database
    from wsis_viewer.store.problems import DataError

    output = Path(args.output) if args.output else paths.bundled_database()
    data = Path(args.data) if args.data else paths.data_dir()
    try:
        ds = build_database(data, output, progress=_progress_line)
    except DataError as exc:
        print(f"wsis-viewer build-db: {exc}", file=sys.stderr)
        print(f"{output} was not changed.", file=sys.stderr)
        return 1
    print(f"wrote {output}: {len(ds.events)} events, {len(ds.documents)} documents, "
          f"{len(ds.resolutions)} resolutions, {len(ds.recommendations)} recommendations")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from wsis_viewer.store.database import open_database
    from wsis_viewer.store.export_json import dumps

    with open_database(args.db or paths.bundled_database()) as store:
        text = dumps(store.load())
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Validate the source files without writing anything."""
    from wsis_viewer.store.problems import DataError
    from wsis_viewer.store.source_files import load_source_files

    data = Path(args.data) if args.data else paths.data_dir()
    try:
        ds = load_source_files(data)
    except DataError as exc:
        print(f"wsis-viewer check: {exc}", file=sys.stderr)
        return 1
    print(f"{data}: OK ({len(ds.events)} events, {len(ds.documents)} documents)")
    return 0


def cmd_screenshot(args: argparse.Namespace) -> int:
    """Render the timeline headless to PNG, SVG or PDF."""
    from wsis_viewer.report.view_spec import SpecError, build_spec, output_format

    out = Path(args.output)
    try:
        fmt = output_format(out)
        spec = build_spec(from_=args.from_, to=args.to, lanes=args.lanes, select=args.select,
                          search=args.search, details=args.details, lang=args.lang,
                          theme=args.theme, size=args.size, scale=args.scale)
    except SpecError as exc:
        print(f"wsis-viewer screenshot: {exc}", file=sys.stderr)
        return 2
    from wsis_viewer.report.export import export_view
    from wsis_viewer.ui.loaded_database import LoadedDatabase

    db = LoadedDatabase.open(args.db or paths.bundled_database())
    try:
        export_view(db, spec, out, fmt)
    except SpecError as exc:
        print(f"wsis-viewer screenshot: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"wsis-viewer screenshot: cannot write {out}: {exc.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {out}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """The multi-page PDF report."""
    from wsis_viewer.report.view_spec import SpecError, caption_date_from_env, parse_date_bound

    out = Path(args.output)
    if out.suffix.lower() != ".pdf":
        print(f"wsis-viewer report: {out}: the report is a PDF (OUT.pdf)", file=sys.stderr)
        return 2
    try:
        start = parse_date_bound(args.from_, end=False, option="--from") if args.from_ else None
        end = parse_date_bound(args.to, end=True, option="--to") if args.to else None
    except SpecError as exc:
        print(f"wsis-viewer report: {exc}", file=sys.stderr)
        return 2
    from wsis_viewer.report.pdf_report import print_progress, write_report
    from wsis_viewer.ui.loaded_database import LoadedDatabase

    db = LoadedDatabase.open(args.db or paths.bundled_database())
    result = write_report(db, out, lang=args.lang, start=start, end=end,
                          generated=caption_date_from_env(), progress=print_progress)
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    print(f"wrote {out}: {result.pages} pages")
    return 0


def _add_view_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="database file or SQLAlchemy URL (default: bundled)")
    p.add_argument("--from", dest="from_", metavar="DATE",
                   help="first day shown: YYYY, YYYY-MM or YYYY-MM-DD (default: whole dataset)")
    p.add_argument("--to", metavar="DATE", help="last day shown (same forms as --from)")
    p.add_argument("--lang", choices=("en", "zh"), default="en", help="language (default: en)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wsis-viewer",
        description="Timeline of ITU's CWG-WSIS work 2010-2014. Without a command, opens the "
                    "window on DB (default: the bundled database).")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("build-db", help="validate resources/data and build the SQLite database")
    p.add_argument("--output", "-o", help="database to write (default: the bundled db/wsis.sqlite)")
    p.add_argument("--data", help="folder of source TOML files (default: resources/data)")
    p.set_defaults(func=cmd_build_db)

    p = sub.add_parser("export", help="write the whole dataset as JSON")
    p.add_argument("--db", help="database file or SQLAlchemy URL (default: bundled)")
    p.add_argument("--output", "-o", help="file to write (default: standard output)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("screenshot", help="render the timeline to PNG, SVG or PDF (headless)")
    p.add_argument("output", metavar="OUT", help="OUT.png, OUT.svg or OUT.pdf")
    _add_view_options(p)
    p.add_argument("--lanes", help="comma-separated lane ids to show (default: all)")
    p.add_argument("--select", metavar="ID",
                   help="record to select, with its chain (event id, resolution id or number, "
                        "recommendation id, document symbol)")
    p.add_argument("--search", metavar="TEXT", help="highlight matches of TEXT, dim the rest")
    p.add_argument("--details", action="store_true",
                   help="include the detail panel of the selected record")
    p.add_argument("--theme", choices=("light", "dark"), default="light")
    p.add_argument("--size", default="1600x900", help="WIDTHxHEIGHT in pixels (default 1600x900)")
    p.add_argument("--scale", type=float, default=1.0, help="pixel ratio for PNG (1, 2, 3)")
    p.set_defaults(func=cmd_screenshot)

    p = sub.add_parser("report", help="write the multi-page PDF report (headless)")
    p.add_argument("output", metavar="OUT.pdf")
    _add_view_options(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("check", help="validate the source files, write nothing")
    p.add_argument("--data", help="folder of source TOML files (default: resources/data)")
    p.set_defaults(func=cmd_check)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wsis-viewer", add_help=False)
    parser.add_argument("db_path", nargs="?")
    parser.add_argument("--db")
    parser.add_argument("--lang", choices=("en", "zh"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from wsis_viewer.store.problems import DatabaseError

    first = next((a for a in argv if not a.startswith("-")), None)
    if first in SUBCOMMANDS or any(a in ("-h", "--help", "--version") for a in argv):
        args = build_parser().parse_args(argv)
        try:
            return int(args.func(args))
        except DatabaseError as exc:
            print(f"wsis-viewer: {exc}", file=sys.stderr)
            return 2
    gui_args, qt_args = _gui_parser().parse_known_args(argv)
    from wsis_viewer.ui.app import run_app

    return run_app(db=gui_args.db or gui_args.db_path, lang=gui_args.lang, qt_args=qt_args)


if __name__ == "__main__":
    raise SystemExit(main())
