"""The team sub-commands of `wsis-viewer`: notes, publish, admin (dispatched from cli.py).

Headless and Qt-free, like build-db: they run on a server machine without Qt libraries.
Server URLs are shown only without their password (store/urls.display_url).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from wsis_viewer import paths
from wsis_viewer.domain.notes import Note, note_matches

COMMANDS = ("notes", "publish", "admin")
VIEW_LINK_PREFIX = "wsis-viewer:view?"  # a shared view given instead of a database: shown

DB_HELP = ("team server URL (postgresql://…; libpq conventions: service=, sslmode=, "
           "PGPASSFILE). Without it: your own workspace file")


def _err(command: str, message: object) -> None:
    print(f"wsis-viewer {command}: {message}", file=sys.stderr)


def _check_record(args: argparse.Namespace, record: str) -> str | None:
    """None when `record` is in the dataset the note is for, else the problem."""
    from wsis_viewer.store.database import open_database
    from wsis_viewer.store.records import record_exists
    from wsis_viewer.store.server_dataset import server_record_exists
    from wsis_viewer.store.urls import display_url, is_server_url

    if args.db and is_server_url(args.db):
        if server_record_exists(args.db, record):
            return None
        return f"no record {record!r} in the dataset on {display_url(args.db)}"
    dataset = args.dataset or paths.bundled_database()
    with open_database(dataset) as store, store.engine.connect() as conn:
        if record_exists(conn, record):
            return None
    return f"no record {record!r} in {dataset} (event id, document symbol, resolution id …)"


def _workspace(args: argparse.Namespace) -> object:
    from wsis_viewer.store.urls import is_server_url
    from wsis_viewer.store.workspace import open_workspace

    if args.db and not is_server_url(args.db):
        raise SystemExit(_usage("notes", "--db takes a team server URL (postgresql://…); "
                                "your own notes need no --db"))
    return open_workspace(args.db or args.workspace)


def notes_for(db: str | None) -> list[Note]:
    """The notes that go with a dataset for `export --notes` / `report --notes`: the team
    server's for a server URL, else the user's own (none when there is no workspace yet —
    an export never creates one)."""
    from wsis_viewer.store.urls import is_server_url
    from wsis_viewer.store.workspace import default_workspace_path, open_workspace

    if db and is_server_url(db):
        with open_workspace(db) as ws:
            return ws.notes()
    if not default_workspace_path().exists():
        return []
    with open_workspace() as ws:
        return ws.notes()


def search_notes_for(db: str | None, workspace: str | None, query: str,
                     limit: int) -> list[Note]:
    """The notes `wsis-viewer search` finds, from the store the window would use: the team
    server's for a server URL, else `workspace` or the user's own file (none when that file
    does not exist: a search never creates a workspace)."""
    from wsis_viewer.store.urls import is_server_url
    from wsis_viewer.store.workspace import default_workspace_path, open_workspace

    if db and is_server_url(db):
        target: str | Path = db
    else:
        target = Path(workspace) if workspace else default_workspace_path()
        if not target.exists():
            return []
    with open_workspace(target) as ws:
        return ws.search_notes(query, limit=limit)


def _usage(command: str, message: str) -> int:
    _err(command, message)
    return 2


def cmd_notes(args: argparse.Namespace) -> int:
    from wsis_viewer.domain.notes import NoteError
    from wsis_viewer.store.workspace import Workspace

    ws = _workspace(args)
    assert isinstance(ws, Workspace)
    with ws:
        try:
            if args.notes_command == "add":
                problem = None if args.force else _check_record(args, args.record)
                if problem:
                    _err("notes add", f"{problem}; nothing was saved (--force saves anyway)")
                    return 1
                note = ws.add_note(args.record, args.text)
                print(f"added note {note.id} on {note.record} by {note.author} ({ws.label})")
            elif args.notes_command == "edit":
                note = ws.edit_note(args.note_id, args.text)
                print(f"edited note {note.id} on {note.record}")
            elif args.notes_command == "delete":
                ws.delete_note(args.note_id)
                print(f"deleted note {args.note_id}")
            else:
                notes = ws.notes(args.record)
                if args.search:
                    notes = [n for n in notes if note_matches(n, args.search)]
                if args.json:
                    json.dump([n.to_json() for n in notes], sys.stdout, ensure_ascii=False,
                              indent=2)
                    sys.stdout.write("\n")
                else:
                    for n in notes:
                        when = n.created.strftime("%Y-%m-%d %H:%M")
                        edited = " (edited)" if n.edited else ""
                        print(f"#{n.id} {when} {n.author} on {n.record}{edited}: {n.text}")
        except NoteError as exc:
            _err(f"notes {args.notes_command}", exc)
            return 1
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from wsis_viewer.store.problems import DataError
    from wsis_viewer.store.server_dataset import publish_dataset
    from wsis_viewer.store.source_files import load_source_files
    from wsis_viewer.store.urls import display_url, is_server_url

    if not is_server_url(args.to):
        return _usage("publish", f"{args.to}: --to takes a server URL (postgresql://…)")
    data = Path(args.data) if args.data else paths.data_dir()
    try:
        ds = load_source_files(data)  # the very validation build-db runs
    except DataError as exc:
        _err("publish", exc)
        print(f"{display_url(args.to)} was not changed.", file=sys.stderr)
        return 1
    print(f"{data}: OK ({len(ds.events)} events, {len(ds.documents)} documents)",
          file=sys.stderr)
    built_from = "resources/data" if args.data is None else str(data)
    result = publish_dataset(ds, args.to, built_from=built_from,
                             progress=lambda line: print(line, file=sys.stderr, flush=True))
    print(f"published version {result.version} to {display_url(args.to)}: "
          f"{len(ds.events)} events, {result.rows} rows")
    return 0


def cmd_admin(args: argparse.Namespace) -> int:
    from wsis_viewer.store.server_admin import add_member, admin_init
    from wsis_viewer.store.urls import display_url, is_server_url

    if not is_server_url(args.db):
        return _usage("admin", f"{args.db}: --db takes a server URL (postgresql://…)")
    if args.admin_command == "init":
        for line in admin_init(args.db):
            print(line)
        print(f"{display_url(args.db)} is ready: 'wsis-viewer publish --to URL' loads the "
              "dataset")
    else:
        print(add_member(args.db, args.user, args.role, create_login=args.create))
    return 0


def add_commands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the team commands on the main parser's sub-parsers."""
    p = sub.add_parser("notes", help="add, edit and list notes on records (yours, or the "
                                     "team's with --db)")
    nsub = p.add_subparsers(dest="notes_command", metavar="ACTION", required=True)

    def common(q: argparse.ArgumentParser) -> None:
        q.add_argument("--db", metavar="URL", help=DB_HELP)
        q.add_argument("--workspace", metavar="FILE", help="another workspace file instead "
                       "of your own (default: in the platform's data folder)")

    q = nsub.add_parser("add", help="attach a note to a record")
    q.add_argument("record", metavar="RECORD_ID", help="event id, document symbol, resolution "
                   "or recommendation id …")
    q.add_argument("text", metavar="TEXT")
    common(q)
    q.add_argument("--dataset", metavar="DB", help="dataset the record must be in, without "
                   "--db (default: the bundled database)")
    q.add_argument("--force", action="store_true", help="save even if the record is unknown")
    q = nsub.add_parser("edit", help="change the text of one of your notes")
    q.add_argument("note_id", metavar="NOTE_ID", type=int)
    q.add_argument("text", metavar="TEXT")
    common(q)
    q = nsub.add_parser("delete", help="delete one of your notes")
    q.add_argument("note_id", metavar="NOTE_ID", type=int)
    common(q)
    q = nsub.add_parser("list", help="list notes, oldest first")
    q.add_argument("--record", metavar="ID", help="only the notes on this record")
    q.add_argument("--search", metavar="WORDS", help="only notes with every word (any case) "
                   "in their text, author or record id")
    q.add_argument("--json", action="store_true", help="a JSON list of objects (id, record, "
                   "text, author, created, edited)")
    common(q)
    p.set_defaults(func=cmd_notes)

    p = sub.add_parser("publish", help="validate the source files and load them into a team "
                                       "server as its new current version (atomically)")
    p.add_argument("--to", required=True, metavar="URL", help="the team server "
                   "(postgresql://…); needs the wsis_curator role")
    p.add_argument("--data", help="folder of source TOML files (default: resources/data)")
    p.set_defaults(func=cmd_publish)

    p = sub.add_parser("admin", help="prepare a PostgreSQL database as a team server")
    asub = p.add_subparsers(dest="admin_command", metavar="ACTION", required=True)
    q = asub.add_parser("init", help="create the tables, the wsis_reader and wsis_curator "
                                     "roles and their grants (safe to run again)")
    q.add_argument("--db", required=True, metavar="URL", help="the server, as an "
                   "administrator (postgresql://…)")
    q = asub.add_parser("add-user", help="make a login role a reader or a curator")
    q.add_argument("user", metavar="USER")
    q.add_argument("--role", choices=("reader", "curator"), default="reader")
    q.add_argument("--create", action="store_true", help="create the login role (without a "
                   "password: set one with psql's \\password, or use peer/cert auth)")
    q.add_argument("--db", required=True, metavar="URL", help="the server, as an "
                   "administrator (postgresql://…)")
    p.set_defaults(func=cmd_admin)
