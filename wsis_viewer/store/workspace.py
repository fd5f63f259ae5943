"""The team workspace: notes and named views, in a per-user SQLite file or on a server.

`open_workspace()` opens the user's own file in the platform's data folder (platformdirs) —
never the dataset database, which stays read-only. `open_workspace("postgresql://…")` opens the
shared workspace of a team server (prepared by `wsis-viewer admin init`). Both give a
`Workspace` with the same methods; every write is one transaction.

Local durability: the file runs in WAL mode with `synchronous=FULL`, so a note is on disk once
`add_note` returns and a crash in the middle of a later write loses nothing already saved.
Writes take SQLite's write lock up front (BEGIN IMMEDIATE), so the window and a `wsis-viewer
notes add` in a terminal can write at the same time without "database is locked" upgrades.

On a server, the author of a note is the server's `current_user`, filled in by the server and
checked by row-level security (see server_admin.py): the app never gets to claim a name.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import os
import sqlite3
import stat
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import platformdirs
from sqlalchemy import and_, create_engine, delete, event, func, select, update
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Connection, Engine, Row
from sqlalchemy.exc import SQLAlchemyError

from wsis_viewer.domain.notes import (
    NamedView,
    Note,
    NoteError,
    check_view_state,
    clean_note_text,
    clean_view_name,
    search_words,
)
from wsis_viewer.store import workspace_schema as ws
from wsis_viewer.store.problems import DatabaseError
from wsis_viewer.store.urls import display_url, is_server_url, server_url

APP_DIR_NAME = "wsis-viewer"
SQLITE_MAGIC = b"SQLite format 3\x00"
NOTE_SEARCH_LIMIT = 200  # as many note hits as the search results show of any kind


def escape_like(text: str) -> str:
    """`text` as a literal inside a LIKE pattern with ESCAPE '\\': a note search for "100%"
    or "a_b" means those characters, not wildcards."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def default_workspace_path() -> Path:
    """The per-user workspace file (e.g. ~/.local/share/wsis-viewer/workspace.sqlite)."""
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False)) / "workspace.sqlite"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands back naive datetimes (we stored UTC); PostgreSQL aware ones."""
    if value is None:
        return None
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _note(row: Row[Any]) -> Note:
    created = _utc(row.created)
    assert created is not None
    return Note(id=row.id, uid=row.uid, record=row.record_id, text=row.text, author=row.author,
                created=created, edited=_utc(row.edited))


def _reason(exc: SQLAlchemyError) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).strip().splitlines()[0]


class Workspace:
    """Notes and named views of one user (local) or one team (server)."""

    def __init__(self, engine: Engine, label: str, *, user: str, server: bool) -> None:
        self.engine = engine
        self.label = label
        self.user = user
        self.server = server

    # --- plumbing -----------------------------------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise DatabaseError(f"{self.label}: could not save ({_reason(exc)})") from exc

    @contextlib.contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise DatabaseError(f"{self.label}: could not read ({_reason(exc)})") from exc

    # --- notes --------------------------------------------------------------------------------

    def add_note(self, record: str, text: str, *, uid: str | None = None) -> Note:
        """Store a new note on `record`. Giving the same `uid` twice stores it once."""
        record = record.strip()
        if not record:
            raise NoteError("a note needs the id of the record it is about")
        body = clean_note_text(text)
        uid = uid or str(uuid.uuid4())
        values: dict[str, Any] = {"uid": uid, "record_id": record, "text": body,
                                  "created": _now()}
        if not self.server:  # on a server the server fills in current_user (and checks it)
            values["author"] = self.user
        table = ws.notes
        with self._write() as conn:
            if self.server:
                stmt: Any = pg_dialect.insert(table).values(**values)
            else:
                stmt = sqlite_dialect.insert(table).values(**values)
            conn.execute(stmt.on_conflict_do_nothing(index_elements=["uid"]))
            row = conn.execute(select(table).where(table.c.uid == uid)).one()
        return _note(row)

    def edit_note(self, note_id: int, text: str) -> Note:
        body = clean_note_text(text)
        table = ws.notes
        with self._write() as conn:
            conn.execute(update(table).where(table.c.id == note_id, table.c.author == self.user)
                         .values(text=body, edited=_now()))
            row = conn.execute(select(table).where(table.c.id == note_id)).one_or_none()
        if row is None:
            raise NoteError(f"note {note_id} does not exist (deleted by someone else?)")
        if row.author != self.user:
            raise NoteError(f"note {note_id} is {row.author}'s: only its author can edit it")
        return _note(row)

    def delete_note(self, note_id: int) -> None:
        table = ws.notes
        with self._write() as conn:
            gone = conn.execute(delete(table).where(table.c.id == note_id,
                                                    table.c.author == self.user)).rowcount
        if not gone:
            raise NoteError(f"note {note_id} does not exist or is not yours")

    def notes(self, record: str | None = None) -> list[Note]:
        """Notes, oldest first; only `record`'s when given."""
        table = ws.notes
        q = select(table).order_by(table.c.created, table.c.id)
        if record is not None:
            q = q.where(table.c.record_id == record)
        with self._read() as conn:
            return [_note(r) for r in conn.execute(q)]

    def note_counts(self) -> dict[str, int]:
        """Record id → number of notes: what the timeline marks."""
        table = ws.notes
        with self._read() as conn:
            return {r[0]: int(r[1]) for r in conn.execute(
                select(table.c.record_id, func.count()).group_by(table.c.record_id))}

    def search_notes(self, query: str, *, limit: int = NOTE_SEARCH_LIMIT) -> list[Note]:
        """Notes whose text or author holds every word of `query` (substrings, any case; so
        Chinese matches without word breaks), newest edit first; none for a blank query.

        A LIKE / ILIKE scan, not a full-text index: a team writes hundreds or thousands of
        notes, not millions (`python -m benchmarks.notes_search`, on a busy 2-core machine:
        2,000 notes of 200 characters answer in 1-7 ms from the local file, 3-6 ms from a
        local server; 20,000 in 6-47 ms and 26-40 ms; the window asks off the GUI thread), the
        dataset's FTS5 tables cannot hold them (that file is read-only), and a trigram index
        would still scan for the one- and two-character queries common in Chinese. Case: the
        local file folds words with cased non-ASCII letters with Python's str.lower
        (registered as `wsis_lower`; SQLite's own LIKE folds ASCII only); the server uses
        ILIKE (by its database's locale)."""
        words = search_words(query)
        if not words:
            return []
        table = ws.notes
        conditions = []
        for word in words:
            pattern = "%" + escape_like(word) + "%"
            if self.server:
                conditions.append(table.c.text.ilike(pattern, escape="\\")
                                  | table.c.author.ilike(pattern, escape="\\"))
            elif word.isascii() or word.upper() == word:
                # SQLite's own LIKE already ignores ASCII case, and an uncased word (Chinese,
                # digits) has no case to fold: the C-speed path, about 10 times faster than
                # calling Python for every note.
                conditions.append(table.c.text.like(pattern, escape="\\")
                                  | table.c.author.like(pattern, escape="\\"))
            else:
                conditions.append(func.wsis_lower(table.c.text).like(pattern, escape="\\")
                                  | func.wsis_lower(table.c.author).like(pattern, escape="\\"))
        last_change = func.coalesce(table.c.edited, table.c.created)
        q = (select(table).where(and_(*conditions))
             .order_by(last_change.desc(), table.c.id.desc()).limit(limit))
        with self._read() as conn:
            return [_note(r) for r in conn.execute(q)]

    # --- named views --------------------------------------------------------------------------

    def save_view(self, name: str, state: dict[str, Any]) -> NamedView:
        """Save (or replace) the user's view called `name`."""
        name = clean_view_name(name)
        payload = json.dumps(check_view_state(state), ensure_ascii=False, sort_keys=True)
        saved = _now()
        values: dict[str, Any] = {"owner": self.user, "name": name, "state": payload,
                                  "saved": saved}
        table = ws.views
        with self._write() as conn:
            if self.server:
                stmt: Any = pg_dialect.insert(table).values(**values)
            else:
                stmt = sqlite_dialect.insert(table).values(**values)
            conn.execute(stmt.on_conflict_do_update(
                index_elements=["owner", "name"],
                set_={"state": payload, "saved": saved}))
        return NamedView(name=name, owner=self.user, state=json.loads(payload), saved=saved)

    def views(self) -> list[NamedView]:
        """Every view (the team's on a server), the user's own first, then by name."""
        table = ws.views
        out: list[NamedView] = []
        with self._read() as conn:
            for r in conn.execute(select(table).order_by(table.c.name, table.c.owner)):
                try:
                    state = check_view_state(json.loads(r.state))
                except (ValueError, NoteError):
                    continue  # a damaged row must not hide the others
                saved = _utc(r.saved)
                assert saved is not None
                out.append(NamedView(name=r.name, owner=r.owner, state=state, saved=saved))
        out.sort(key=lambda v: (v.owner != self.user, v.name.casefold(), v.owner))
        return out

    def delete_view(self, name: str) -> None:
        table = ws.views
        with self._write() as conn:
            gone = conn.execute(delete(table).where(table.c.name == name,
                                                    table.c.owner == self.user)).rowcount
        if not gone:
            raise NoteError(f"you have no view called {name!r}")


# --- opening ----------------------------------------------------------------------------------


def open_workspace(target: str | Path | None = None) -> Workspace:
    """The local workspace file (default: the per-user one) or a server's shared workspace."""
    if target is not None and is_server_url(target):
        return open_server_workspace(str(target))
    path = Path(target) if target is not None else default_workspace_path()
    return open_local_workspace(path)


def _local_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite+pysqlite:///{path}",
                           connect_args={"timeout": 15, "isolation_level": None})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = FULL")
        cur.execute("PRAGMA busy_timeout = 15000")
        cur.close()
        # SQLite's own lower() folds ASCII only; the notes search folds every script.
        dbapi_conn.create_function("wsis_lower", 1, _lower, deterministic=True)

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # The driver runs in autocommit (isolation_level=None); we open the transaction
        # ourselves, taking the write lock at once so two writers queue instead of failing.
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _lower(value: object) -> object:
    return value.lower() if isinstance(value, str) else value


def _check_local_file(path: Path) -> None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DatabaseError(f"{path}: cannot be read ({exc.strerror})") from exc
    if not stat.S_ISREG(st.st_mode):  # a FIFO would block the first read for ever
        raise DatabaseError(f"{path}: is not a regular file")
    if st.st_size == 0:
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(100)
    except OSError as exc:
        raise DatabaseError(f"{path}: cannot be read ({exc.strerror})") from exc
    if not head.startswith(SQLITE_MAGIC):
        raise DatabaseError(f"{path}: not an SQLite file, so not a WSIS viewer workspace; "
                            "move it away or choose another file")
    app_id = int.from_bytes(head[68:72], "big")
    if app_id not in (0, ws.WORKSPACE_APPLICATION_ID):
        raise DatabaseError(f"{path}: an SQLite file of another application, not a WSIS "
                            "viewer workspace")


def backup_path(path: Path, version: int) -> Path:
    stamp = _now().strftime("%Y%m%dT%H%M%SZ")
    return path.with_name(f"{path.name}.v{version}-{stamp}.bak")


def _backup(path: Path, version: int) -> Path:
    """A consistent copy of the workspace (SQLite's online backup), next to it."""
    target = backup_path(path, version)
    src = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def migrate_local(engine: Engine, path: Path,
                  migrations: dict[int, Callable[[Connection], None]] | None = None,
                  target_version: int | None = None) -> Path | None:
    """Bring the file to `target_version`; returns the backup made first (None when the file
    was new or already current). All migrations run in one transaction: a failure leaves the
    file exactly as it was."""
    steps = ws.MIGRATIONS if migrations is None else migrations
    want = ws.WORKSPACE_VERSION if target_version is None else target_version
    with engine.connect() as conn:
        version = int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())
    if version > want:
        raise DatabaseError(
            f"{path}: a workspace of version {version}, newer than this viewer's {want}; "
            "it was left untouched (install a newer WSIS viewer to use it)")
    if version == want:
        return None
    backup = _backup(path, version) if version > 0 else None
    try:
        with engine.begin() as conn:  # BEGIN IMMEDIATE: one migrator at a time
            version = int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())
            while version < want:
                if version not in steps:
                    raise DatabaseError(f"{path}: no migration from workspace version {version}")
                steps[version](conn)
                version += 1
            conn.exec_driver_sql(f"PRAGMA application_id = {ws.WORKSPACE_APPLICATION_ID}")
            conn.exec_driver_sql(f"PRAGMA user_version = {version}")
    except SQLAlchemyError as exc:
        raise DatabaseError(f"{path}: could not update the workspace ({_reason(exc)}); it is "
                            f"unchanged" + (f", and a copy is in {backup}" if backup else "")
                            ) from exc
    return backup


def _refuse_without_touching(path: Path) -> None:
    """Refuse a newer or foreign file through a read-only connection, before our engine would
    switch it to WAL mode (which already writes to the file's header)."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        con = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
        try:
            version = int(con.execute("PRAGMA user_version").fetchone()[0])
            tables = int(con.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path}: cannot be read as a workspace ({exc})") from exc
    if version > ws.WORKSPACE_VERSION:
        raise DatabaseError(
            f"{path}: a workspace of version {version}, newer than this viewer's "
            f"{ws.WORKSPACE_VERSION}; it was left untouched (install a newer WSIS viewer)")
    if version == 0 and tables:
        raise DatabaseError(f"{path}: an SQLite file with tables of its own, not a WSIS "
                            "viewer workspace; it was left untouched")


def open_local_workspace(path: Path) -> Workspace:
    path = Path(path)
    _check_local_file(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"{path.parent}: cannot create the workspace folder "
                            f"({exc.strerror})") from exc
    with _opening_lock(path):
        _refuse_without_touching(path)
        engine = _local_engine(path)
        try:
            migrate_local(engine, path)
        except SQLAlchemyError as exc:
            engine.dispose()
            raise DatabaseError(f"{path}: cannot be opened as a workspace ({_reason(exc)})"
                                ) from exc
        except BaseException:
            engine.dispose()
            raise
    return Workspace(engine, str(path), user=_local_user(), server=False)


@contextlib.contextmanager
def _opening_lock(path: Path) -> Iterator[None]:
    """One opener at a time per workspace file, across threads and processes.

    Several connections opening a new file together race in ways SQLite's busy timeout does
    not cover: one reads the file while another creates its tables (and is refused as a
    foreign file), or SQLite answers "database is locked" at once where waiting could deadlock
    (a window and a terminal adding their first notes together hit both). The check and the
    migration are short, so openers queue on an advisory lock on a side file."""
    try:
        import fcntl
    except ImportError:  # not POSIX: SQLite's own locking only
        yield
        return
    fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _local_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "me"


def server_engine(target: str, **kwargs: Any) -> Engine:
    """An engine on a team server whose unqualified workspace tables live in `wsis`."""
    url = server_url(target)
    return create_engine(url, pool_pre_ping=True, **kwargs).execution_options(
        schema_translate_map={None: ws.SERVER_SCHEMA})


def open_server_workspace(target: str) -> Workspace:
    label = display_url(target)
    engine = server_engine(target)
    try:
        with engine.connect() as conn:
            user = str(conn.exec_driver_sql("SELECT current_user").scalar_one())
            found = conn.exec_driver_sql(
                "SELECT to_regclass('wsis.workspace_meta') IS NOT NULL").scalar_one()
            version = None
            if found:
                version = conn.execute(select(ws.workspace_meta.c.value).where(
                    ws.workspace_meta.c.key == "workspace_version")).scalar()
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseError(f"{label}: cannot connect ({_reason(exc)})") from exc
    if version is None:
        engine.dispose()
        raise DatabaseError(f"{label}: no WSIS viewer workspace on this server yet; an "
                            "administrator runs 'wsis-viewer admin init --db URL' once")
    if int(version) != ws.WORKSPACE_VERSION:
        engine.dispose()
        raise DatabaseError(f"{label}: the server's workspace is version {version}, this "
                            f"viewer's is {ws.WORKSPACE_VERSION}; run 'wsis-viewer admin "
                            "init' with the newer viewer")
    return Workspace(engine, label, user=user, server=True)
