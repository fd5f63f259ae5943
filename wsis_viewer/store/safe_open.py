"""Open an untrusted SQLite file strictly read-only, with SQLite's own guards switched on.

Every database file is untrusted (colleagues e-mail them), so opening one must never write,
create, hang or run anything the file asks for:

- only regular files: a FIFO would block the first read for ever, a device could be anything.
  The file is opened with O_NONBLOCK and checked with fstat, so a path swapped for a FIFO
  between the check and the open cannot block either.
- the path never goes through URI parsing as a string: `Path.as_uri()` percent-encodes every
  reserved character (`?`, `#`, `%`, `&`, `=` …) and nothing un-quotes it again, so a file
  named `victim.sqlite?mode=rw&x=` is opened as that file, read-only. The connection is made
  by `sqlite3.connect` itself (SQLAlchemy only gets a `creator`), so no URL layer is involved.
- `mode=ro`; if SQLite cannot open the file read-only as it is (a hot journal it would have to
  roll back, a WAL database whose -shm cannot be created, read-only media), the file is read
  with `immutable=1`: SQLite then neither locks, nor reads or creates journal/WAL/shm files.
  WAL databases always go that way (a read-only WAL connection would create -wal and -shm
  files next to the user's file); one with a non-empty -wal file is refused, because its
  committed content lives partly in the -wal that `immutable` would ignore.
- `PRAGMA trusted_schema = OFF`: views and triggers of the file may not call functions with
  side effects (the schema check refuses views and triggers anyway). Extensions stay off.
- `SQLITE_LIMIT_LENGTH` bounds any single value (a 10 MB title is refused, not rendered).
- a progress handler aborts any statement running past a deadline (a recursive view, a
  damaged b-tree that loops), so no query can hang the window or a command.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import QueuePool

from wsis_viewer.store.problems import DatabaseError

SQLITE_MAGIC = b"SQLite format 3\x00"
# The largest single text or blob value read (bytes). Real values are a few hundred bytes; the
# longest description of the bundled dataset is under 2 KB.
MAX_VALUE_BYTES = 1 << 20
# A statement that runs longer than this is aborted (SQLITE_INTERRUPT → one-line error).
# Generous: reading a million-event benchmark database takes a few seconds.
QUERY_SECONDS = 60.0
_PROGRESS_STEPS = 20_000  # SQLite VM instructions between two deadline checks

# sqlite3 result codes (primary code = extended code & 0xff) for "cannot open read-only".
_SQLITE_READONLY = 8
_SQLITE_CANTOPEN = 14


def check_regular_file(path: Path, label: str) -> bytes:
    """The first 100 bytes (the SQLite header) of `path`, or a DatabaseError saying why not.

    Refuses anything but a regular file before reading a byte of it.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise DatabaseError(f"{label}: no such file") from None
    except OSError as exc:
        raise DatabaseError(f"{label}: cannot be read ({exc.strerror})") from exc
    if stat.S_ISDIR(st.st_mode):
        raise DatabaseError(f"{label}: is a folder, not a database file")
    if not stat.S_ISREG(st.st_mode):
        raise DatabaseError(f"{label}: not a regular file (a pipe, socket or device)")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise DatabaseError(f"{label}: cannot be read ({exc.strerror})") from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped between stat and open
            raise DatabaseError(f"{label}: not a regular file (a pipe, socket or device)")
        head = os.read(fd, 100)
    except OSError as exc:
        raise DatabaseError(f"{label}: cannot be read ({exc.strerror})") from exc
    finally:
        os.close(fd)
    if not head.startswith(SQLITE_MAGIC):
        raise DatabaseError(f"{label}: not an SQLite database")
    if len(head) < 100:
        raise DatabaseError(f"{label}: not an SQLite database (truncated header)")
    return head


def file_uri(path: Path, *, immutable: bool) -> str:
    """A `file:` URI naming exactly `path`: every reserved character percent-encoded."""
    uri = path.resolve().as_uri() + "?mode=ro"
    return uri + "&immutable=1" if immutable else uri


class _Deadline:
    """The progress handler: aborts the running statement once its time is up.

    Armed when a connection is checked out of the pool, so one deadline covers one use (a
    query, or the few queries of one read) rather than the connection's whole life.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.until = time.monotonic() + seconds

    def arm(self) -> None:
        self.until = time.monotonic() + self.seconds

    def __call__(self) -> int:
        return 1 if time.monotonic() > self.until else 0


def harden(conn: sqlite3.Connection, *, seconds: float = QUERY_SECONDS) -> _Deadline:
    """Switch on SQLite's guards on a fresh connection; returns its deadline."""
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA query_only = ON")
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
    with contextlib.suppress(AttributeError):  # builds without extension support
        conn.enable_load_extension(False)
    deadline = _Deadline(seconds)
    conn.set_progress_handler(deadline, _PROGRESS_STEPS)
    return deadline


def _connect(uri: str) -> sqlite3.Connection:
    # check_same_thread=False: the search index is read on a worker thread; the pool hands a
    # connection to one thread at a time.
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def _needs_immutable(uri: str) -> bool:
    """True when SQLite cannot read the file with plain mode=ro (hot journal, read-only
    media); any other failure is left for the schema check to report."""
    try:
        conn = _connect(uri)
    except sqlite3.Error as exc:
        return (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in (_SQLITE_READONLY,
                                                                 _SQLITE_CANTOPEN)
    try:
        harden(conn)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        return (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in (_SQLITE_READONLY,
                                                                 _SQLITE_CANTOPEN)
    except UnicodeError:  # an error message quoting a name that is not UTF-8
        return False
    finally:
        conn.close()
    return False


def readonly_file_engine(path: Path, label: str) -> Engine:
    """An engine whose every connection reads `path` read-only with the guards above."""
    head = check_regular_file(path, label)
    wal = head[18] == 2 or head[19] == 2
    if wal:
        wal_file = Path(str(path) + "-wal")
        with contextlib.suppress(OSError):
            if wal_file.stat().st_size > 0:
                raise DatabaseError(
                    f"{label}: has unsaved changes in {wal_file.name} (a WAL database still "
                    "open elsewhere); close the program that writes it, then open it again")
        immutable = True
    else:
        immutable = _needs_immutable(file_uri(path, immutable=False))
    uri = file_uri(path, immutable=immutable)
    return engine_from_connector(lambda: _connect(uri))


def engine_from_connector(connect: Callable[[], sqlite3.Connection],
                          seconds: float = QUERY_SECONDS) -> Engine:
    """Wrap a connection factory in an SQLAlchemy engine that hardens every connection and
    re-arms its deadline at every checkout."""
    deadlines: dict[int, _Deadline] = {}

    def creator() -> sqlite3.Connection:
        conn = connect()
        deadlines[id(conn)] = harden(conn, seconds=seconds)
        return conn

    # The URL only selects the pysqlite dialect; the connections come from `creator`.
    engine = create_engine("sqlite+pysqlite:///untrusted.sqlite", creator=creator,
                           poolclass=QueuePool)

    @event.listens_for(engine, "checkout")
    def _arm(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        deadline = deadlines.get(id(dbapi_conn))
        if deadline is not None:
            deadline.arm()

    @event.listens_for(engine, "close")
    def _forget(dbapi_conn: Any, _record: Any) -> None:
        deadlines.pop(id(dbapi_conn), None)

    return engine


def is_interrupted(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "interrupted" in str(exc)

