"""`wsis-viewer search QUERY`: the ranked hits of the database's search, as text or JSON.

Kept out of cli.py (shared by several commands) and free of Qt, so it runs wherever
`build-db` does. A query without hits prints nothing (or an empty list) and exits 0; a
database that cannot be opened exits 2 with one line (cli.main turns DatabaseError into it).
"""

from __future__ import annotations

import argparse
import json
import sys

from wsis_viewer import paths, team_cli
from wsis_viewer.domain.search_text import SEARCH_KINDS

DEFAULT_CLI_LIMIT = 20


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]
               ) -> argparse.ArgumentParser:
    """The `search` sub-command's options (help translated like cli.py's, same context)."""
    from wsis_viewer.cli import _HelpFormatter, translate

    p = sub.add_parser("search", formatter_class=_HelpFormatter, help=translate(
        "CLI", "search every kind of record (ids, symbols, numbers, titles, places, people)"))
    p.add_argument("query", metavar="QUERY", help=translate("CLI", "words, a symbol or a number"))
    p.add_argument("--kind", choices=SEARCH_KINDS, action="append", help=translate(
        "CLI", "only records of this kind (may be repeated)"))
    p.add_argument("--limit", type=int, default=DEFAULT_CLI_LIMIT, help=translate(
        "CLI", "at most this many hits (default 20)"))
    p.add_argument("--json", action="store_true", help=translate(
        "CLI", "print one JSON object: {query, results: [{kind, id, title, matched, score}], "
               "notes: [{record, record_kind, record_title, author, text, created, edited, "
               "match}]}"))
    p.add_argument("--db", help=translate(
        "CLI", "database file or SQLAlchemy URL (default: bundled)"))
    p.add_argument("--lang", choices=("en", "zh"), default="en", help=translate(
        "CLI", "language of the titles printed (default: en)"))
    p.add_argument("--workspace", metavar="FILE", help=translate(
        "CLI", "search the notes of this workspace file instead of your own (with --db URL: "
               "the team server's notes)"))
    p.add_argument("--no-notes", action="store_true", help=translate(
        "CLI", "search the records only, not the notes"))
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    from wsis_viewer.domain.relations import Relations
    from wsis_viewer.panels.note_hits import local_time, note_hits
    from wsis_viewer.store.database import open_database
    from wsis_viewer.store.search_index import open_search

    if args.limit < 1:
        print("wsis-viewer search: --limit must be at least 1", file=sys.stderr)
        return 2
    # Notes (issue 15) come from the store the window uses with the same --db: the team
    # server's, else the user's own workspace file (or --workspace); `--kind` limits records.
    found = [] if args.no_notes or args.kind else team_cli.search_notes_for(
        args.db, args.workspace, args.query, args.limit)
    with open_database(args.db or paths.bundled_database()) as store:
        hits = open_search(store.engine, store.label).search(
            args.query, kinds=args.kind, limit=args.limit)
        # The records the notes are on, for their titles: read only when a note was found.
        notes = note_hits(found, Relations(store.load()), args.lang, args.query) if found \
            else []
    if args.json:
        json.dump({"query": args.query, "results": [h.to_json(args.lang) for h in hits],
                   "notes": [n.to_json() for n in notes]},
                  sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for hit in hits:
        date = f"  {hit.date}" if hit.date else ""
        print(f"{hit.kind:<14} {hit.id}{date}\n    {hit.title(args.lang)}")
        if hit.matched and hit.matched != hit.title(args.lang):
            print(f"    … {hit.matched}")
    for n in notes:
        edited = " (edited)" if n.note.edited else ""
        print(f"{'note':<14} {n.note.record}  {n.note.author} {local_time(n.changed)}{edited}"
              f"\n    {n.record_title}\n    … {' '.join(n.note.text.split())[:200]}")
    return 0
