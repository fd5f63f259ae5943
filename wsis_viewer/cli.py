"""The one command-line entry point.

`wsis-viewer [DB]` opens the window; sub-commands work headless. Qt is imported only by the
commands that draw, so `build-db`, `export` and `check` run on machines without Qt libraries.

Help (`-h`) is translated for what users of the application meet: the description, the
command summaries, the window options and the options of `screenshot` and `report`, in the
language of `--lang` or else the system locale. The options and messages of the maintainer
commands `build-db`, `export` and `check` stay English: they work on the English-keyed data
files and JSON schema, run in CI logs and scripts, and must not need Qt to print their help.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from wsis_viewer import __version__, paths, team_cli, write_policy
from wsis_viewer.launch_args import database_argument
from wsis_viewer.outputs import ExitCode, OutputError, atomic_output, write_text

SUBCOMMANDS = ("build-db", "export", "check", "screenshot", "report", "search",
               *team_cli.COMMANDS)
WINDOW_LANGUAGES = ("en", "zh", "pseudo")
EXPORT_LANGUAGES = ("en", "zh")

_qt_app: object = None  # the QCoreApplication that holds the help's translator


def translate(context: str, text: str) -> str:
    """Qt's translation when a translator was installed for the help (see _install_help_language),
    the English source otherwise. Never imports Qt itself (build-db must run without it).

    Written as bare translate("CLI", "…") calls, which pyside6-lupdate extracts."""
    core = sys.modules.get("PySide6.QtCore")
    if core is None or _qt_app is None:
        return text
    return str(core.QCoreApplication.translate(context, text))


def _help_language(argv: Sequence[str]) -> str | None:
    """`--lang X` / `--lang=X` anywhere in argv; None when absent."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
    return None


def _install_help_language(argv: Sequence[str]) -> None:
    """Install the translator for a help text; without Qt the help simply stays English."""
    global _qt_app
    try:
        from PySide6.QtCore import QCoreApplication

        from wsis_viewer.qt import i18n
    except ImportError:
        return
    lang = _help_language(argv)
    if lang not in i18n.UI_LANGUAGES:
        lang = i18n.PSEUDO if i18n.pseudo_requested() else i18n.system_language()
    _qt_app = QCoreApplication.instance() or QCoreApplication(["wsis-viewer"])
    i18n.set_app_language(lang)


class _HelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup],
                  prefix: str | None = None) -> None:
        if prefix is None:
            prefix = translate("CLI", "usage: ")
        super().add_usage(usage, actions, groups, prefix)


def _localise(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """argparse's own words (section titles, -h) in the help's language.

    argparse takes them from gettext at import time; its group titles and the help action are
    plain attributes, so they are set here rather than by patching gettext.
    """
    parser._positionals.title = translate("CLI", "positional arguments")
    parser._optionals.title = translate("CLI", "options")
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            action.help = translate("CLI", "show this help message and exit")
    return parser


def _progress_line(done: int, total: int) -> None:
    if sys.stderr.isatty():
        sys.stderr.write(f"\rwriting rows {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def cmd_build_db(args: argparse.Namespace) -> int:
    from wsis_viewer.store.build import build_database
    from wsis_viewer.store.problems import DataError

    output = Path(args.output) if args.output else write_policy.default_database_output()
    refused = write_policy.refusal(output, creates_folders=True)
    if refused is not None:
        print(f"wsis-viewer build-db: {refused}", file=sys.stderr)
        return ExitCode.CANNOT_WRITE
    data = Path(args.data) if args.data else paths.data_dir()
    try:
        ds = build_database(data, output, progress=_progress_line)
    except DataError as exc:
        print(f"wsis-viewer build-db: {exc}", file=sys.stderr)
        print(f"{output} was not changed.", file=sys.stderr)
        return ExitCode.BAD_INPUT
    except OSError as exc:
        print(f"wsis-viewer build-db: cannot write {output}: {exc.strerror or exc}",
              file=sys.stderr)
        print(f"{output} was not changed.", file=sys.stderr)
        return ExitCode.CANNOT_WRITE
    print(f"wrote {output}: {len(ds.events)} events, {len(ds.documents)} documents, "
          f"{len(ds.resolutions)} resolutions, {len(ds.recommendations)} recommendations")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from wsis_viewer.store.database import open_database
    from wsis_viewer.store.export_json import dumps

    notes = team_cli.notes_for(args.db) if args.notes else None
    with open_database(args.db or paths.bundled_database()) as store:
        ds = store.load()
    if args.stated_only:
        from wsis_viewer.domain.provenance import stated_only

        ds = stated_only(ds)
    text = dumps(ds, notes, stated_only=args.stated_only)
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        write_text(Path(args.output), text)
    return ExitCode.OK


def cmd_check(args: argparse.Namespace) -> int:
    """Validate the source files without writing anything."""
    from wsis_viewer.store.problems import DataError
    from wsis_viewer.store.source_files import load_source_files

    data = Path(args.data) if args.data else paths.data_dir()
    try:
        ds = load_source_files(data)
    except DataError as exc:
        print(f"wsis-viewer check: {exc}", file=sys.stderr)
        return ExitCode.BAD_INPUT
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
                          theme=args.theme, size=args.size, scale=args.scale,
                          stated_only=args.stated_only)
    except SpecError as exc:
        print(f"wsis-viewer screenshot: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    import dataclasses

    from wsis_viewer.report.export import export_view
    from wsis_viewer.report.view_spec import options_of
    from wsis_viewer.session.loaded_database import LoadedDatabase

    # --notes: the notes File ▸ Export ▸ Include Notes draws (yours, or the server's).
    notes = tuple(team_cli.notes_for(args.db)) if args.notes else None
    options = dataclasses.replace(options_of(spec), notes=notes)
    db = LoadedDatabase.open(args.db or paths.bundled_database())
    try:
        with atomic_output(out) as tmp:
            export_view(db, spec, tmp, fmt, options, svg_text=args.svg_text)
    except SpecError as exc:
        print(f"wsis-viewer screenshot: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    finally:
        db.close()
    print(f"wrote {out}")
    return ExitCode.OK


def cmd_report(args: argparse.Namespace) -> int:
    """The multi-page PDF report."""
    from wsis_viewer.domain.report_selection import ChoiceError, parse_lanes, parse_sections
    from wsis_viewer.report.view_spec import SpecError, caption_date_from_env, parse_date_bound

    out = Path(args.output)
    if out.suffix.lower() != ".pdf":
        print(f"wsis-viewer report: {out}: the report is a PDF (OUT.pdf)", file=sys.stderr)
        return ExitCode.USAGE
    try:
        start = parse_date_bound(args.from_, end=False, option="--from") if args.from_ else None
        end = parse_date_bound(args.to, end=True, option="--to") if args.to else None
        if start and end and end < start:
            raise SpecError(f"--to {args.to} is before --from {args.from_}")
        sections = parse_sections(args.sections)
    except (SpecError, ChoiceError) as exc:
        print(f"wsis-viewer report: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    from wsis_viewer.report.pdf_report import print_progress, write_report
    from wsis_viewer.session.loaded_database import LoadedDatabase

    notes = team_cli.notes_for(args.db) if args.notes else None
    db = LoadedDatabase.open(args.db or paths.bundled_database())
    try:
        try:
            lanes = parse_lanes(args.lanes, [lane.id for lane in db.lanes])
        except ChoiceError as exc:
            print(f"wsis-viewer report: {exc}", file=sys.stderr)
            return ExitCode.USAGE
        with atomic_output(out) as tmp:
            result = write_report(db, tmp, lang=args.lang, start=start, end=end,
                                  sections=sections, lanes=lanes,
                                  generated=caption_date_from_env(),
                                  stated_only=args.stated_only, progress=print_progress,
                                  notes=notes)
    finally:
        db.close()
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    print(f"wrote {out}: {result.pages} pages")
    return ExitCode.OK


def _add_view_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help=translate(
        "CLI", "database file or SQLAlchemy URL (default: bundled)"))
    p.add_argument("--from", dest="from_", metavar="DATE", help=translate(
        "CLI", "first day shown: YYYY, YYYY-MM or YYYY-MM-DD (default: whole dataset)"))
    p.add_argument("--to", metavar="DATE", help=translate(
        "CLI", "last day shown (same forms as --from)"))
    # English by default whatever the machine's locale: the same command gives the same file.
    p.add_argument("--lang", choices=EXPORT_LANGUAGES, default="en", help=translate(
        "CLI", "language of texts, titles and dates (default: en)"))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wsis-viewer", formatter_class=_HelpFormatter,
        description=translate(
            "CLI", "Timeline of ITU's CWG-WSIS work 2010-2014. Without a command, opens the "
                   "window on DB (default: the bundled database)."))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=translate("CLI", "show the version number and exit"))
    # The window's options, parsed by _gui_parser; listed here so that --help shows them.
    parser.add_argument("--db", dest="window_db", metavar="DB", help=translate(
        "CLI", "window: database file or SQLAlchemy URL to open (default: the last one, "
               "else the bundled database)"))
    parser.add_argument("--lang", dest="window_lang", choices=WINDOW_LANGUAGES, help=translate(
        "CLI", "window: interface language for this run (default: the one chosen in "
               "View > Language, else the system's); pseudo: pseudo-localisation for layout "
               "testing"))
    parser.add_argument("--report-text", dest="window_report_text", metavar="FILE",
                        help=translate(
                            "CLI", "window: the report's text file (one numbered paragraph a "
                                   "line), so Source pages show whole paragraphs (default: the "
                                   "one chosen in the window, if any)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND",
                                title=translate("CLI", "commands"))

    p = sub.add_parser("build-db", help=translate(
        "CLI", "validate resources/data and build the SQLite database"))
    p.add_argument("--output", "-o", help="database to write (default: db/wsis.sqlite in a "
                   "source checkout, ./wsis.sqlite in an installed copy)")
    p.add_argument("--data", help="folder of source TOML files (default: resources/data)")
    p.set_defaults(func=cmd_build_db)

    p = sub.add_parser("export", help=translate("CLI", "write the whole dataset as JSON"))
    p.add_argument("--db", help="database file or SQLAlchemy URL (default: bundled)")
    p.add_argument("--output", "-o", help="file to write (default: standard output)")
    p.add_argument("--stated-only", action="store_true", help=(
        "leave out every link and status the report does not state (our inferences)"))
    p.add_argument("--notes", action="store_true", help="add the notes (yours, or the team "
                   "server's with --db URL) under \"notes\"")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("screenshot", formatter_class=_HelpFormatter, help=translate(
        "CLI", "render the timeline to PNG, SVG or PDF (headless)"))
    p.add_argument("output", metavar="OUT", help=translate("CLI", "OUT.png, OUT.svg or OUT.pdf"))
    _add_view_options(p)
    p.add_argument("--lanes", help=translate(
        "CLI", "comma-separated lane ids to show (default: all)"))
    p.add_argument("--select", metavar="ID", help=translate(
        "CLI", "record to select, with its chain (event id, resolution id or number, "
               "recommendation id, document symbol)"))
    p.add_argument("--search", metavar="TEXT", help=translate(
        "CLI", "highlight matches of TEXT, dim the rest"))
    p.add_argument("--details", action="store_true", help=translate(
        "CLI", "include the detail panel of the selected record"))
    p.add_argument("--theme", choices=("light", "dark", "high-contrast"), default="light",
                   help=translate("CLI", "colours (default: light)"))
    p.add_argument("--size", default="1600x900", help=translate(
        "CLI", "WIDTHxHEIGHT in pixels (default 1600x900)"))
    p.add_argument("--scale", type=float, default=1.0, help=translate(
        "CLI", "pixel ratio for PNG (1, 2, 3)"))
    p.add_argument("--svg-text", choices=("paths", "font"), default="paths", help=translate(
        "CLI", "SVG text as glyph outlines (paths: looks the same everywhere) or as text with "
               "the used glyphs embedded (font: selectable in browsers) (default: paths)"))
    p.add_argument("--stated-only", action="store_true", help=translate(
        "CLI", "draw only what the report states: no inferred links"))
    p.add_argument("--notes", action="store_true", help=translate(
        "CLI", "draw the notes: a mark on each event with notes, and the selected record's "
               "notes in its panel with --details (yours, or the team server's with --db URL)"))
    p.set_defaults(func=cmd_screenshot)
    _localise(p)

    p = sub.add_parser("report", formatter_class=_HelpFormatter, help=translate(
        "CLI", "write the multi-page PDF report (headless)"))
    p.add_argument("output", metavar="OUT.pdf", help=translate("CLI", "the PDF file to write"))
    _add_view_options(p)
    p.add_argument("--sections", metavar="LIST", help=translate(
        "CLI", "comma-separated sections to include, in any order: events, documents, "
               "recommendations, resolutions, sources (default: all)"))
    p.add_argument("--lanes", help=translate(
        "CLI", "comma-separated lane ids to show (default: all)"))
    p.add_argument("--stated-only", action="store_true", help=translate(
        "CLI", "draw only what the report states: no inferred links"))
    p.add_argument("--notes", action="store_true", help=translate(
        "CLI", "add a chapter with the notes on the records (yours, or the team server's "
               "with --db URL)"))
    p.set_defaults(func=cmd_report)
    _localise(p)

    from wsis_viewer import search_command  # issue 13: its options live in its own module

    _localise(search_command.add_parser(sub))

    p = sub.add_parser("check", help=translate(
        "CLI", "validate the source files, write nothing"))
    p.add_argument("--data", help="folder of source TOML files (default: resources/data)")
    p.set_defaults(func=cmd_check)
    team_cli.add_commands(sub)  # notes, publish, admin (the team workspace, issue 15)
    return _localise(parser)


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wsis-viewer", add_help=False)
    parser.add_argument("db_path", nargs="?")
    parser.add_argument("--db")
    parser.add_argument("--lang", choices=WINDOW_LANGUAGES)
    parser.add_argument("--report-text")
    return parser


def _run_command(args: argparse.Namespace) -> int:
    """Run a sub-command; every failure ends as one line on stderr and a documented code."""
    from wsis_viewer.store.problems import DatabaseError

    try:
        return int(args.func(args))
    except DatabaseError as exc:
        print(f"wsis-viewer: {exc}", file=sys.stderr)
        return ExitCode.DATABASE
    except OutputError as exc:
        print(f"wsis-viewer {args.command}: {exc}; nothing was written", file=sys.stderr)
        return ExitCode.CANNOT_WRITE
    except OSError as exc:
        print(f"wsis-viewer {args.command}: {write_policy.describe_os_error(exc)}",
              file=sys.stderr)
        return ExitCode.CANNOT_WRITE
    except KeyboardInterrupt:
        print("wsis-viewer: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        # A bug, not bad input (bad input has its own messages above). One line for the user;
        # WSIS_TRACEBACK=1 shows the traceback to whoever debugs it.
        if os.environ.get("WSIS_TRACEBACK") == "1":
            raise
        print(f"wsis-viewer {args.command}: internal error ({type(exc).__name__}: "
              f"{str(exc)[:200]}); please report it", file=sys.stderr)
        return ExitCode.INTERNAL


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)

    first = next((a for a in argv if not a.startswith("-")), None)
    if first in SUBCOMMANDS or any(a in ("-h", "--help", "--version") for a in argv):
        if any(a in ("-h", "--help") for a in argv) and first not in (
                "build-db", "export", "check", *team_cli.COMMANDS):
            _install_help_language(argv)
        args = build_parser().parse_args(argv)
        # Writing commands: never into the installed copy (checked before any work).
        output = getattr(args, "output", None)  # build-db checks its own (it has a default)
        refused = (write_policy.refusal(output) if output not in (None, "-")
                   and args.command != "build-db" else None)
        if refused is not None:
            print(f"wsis-viewer {args.command}: {refused}", file=sys.stderr)
            return ExitCode.CANNOT_WRITE
        return _run_command(args)
    gui_args, qt_args = _gui_parser().parse_known_args(argv)
    # `wsis-viewer wsis-viewer:record/<kind>/<id>` (Copy Link): open the window on that record.
    from wsis_viewer.domain.app_links import parse_link
    from wsis_viewer.ui.app import run_app

    link = parse_link(gui_args.db_path) if gui_args.db_path else None
    if link is not None:
        return run_app(db=database_argument(gui_args.db), lang=gui_args.lang, qt_args=qt_args,
                       report_text=gui_args.report_text, select=link)
    view_link = None  # `wsis-viewer 'wsis-viewer:view?…'` opens a shared view (issue 15)
    if gui_args.db_path and gui_args.db_path.startswith(team_cli.VIEW_LINK_PREFIX):
        view_link, gui_args.db_path = gui_args.db_path, None

    return run_app(db=database_argument(gui_args.db or gui_args.db_path), lang=gui_args.lang,
                   qt_args=qt_args, report_text=gui_args.report_text, view_link=view_link)


if __name__ == "__main__":
    raise SystemExit(main())
