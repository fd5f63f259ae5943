"""The dataset on a PostgreSQL team server: publish a version, read the current one.

Versions are immutable. `publish` loads a dataset into a new schema (`wsis_data_<token>`),
grants readers SELECT on it and moves the one-row pointer `wsis.current_dataset` to it — all in
ONE transaction, so a reader sees the old version or the new one, never a mix, and a failed
publish leaves nothing behind. Versions no reader uses any more are dropped afterwards.

Reading (`open_server_dataset`) takes a REPEATABLE READ snapshot, reads the pointer, locks that
version's tables against being dropped (ACCESS SHARE, in the same table order the dropper uses,
so the two can never deadlock) and copies the version into a private temporary SQLite file,
which is then opened exactly like a local database. Why a copy rather than querying the server
for every screen: the viewer's read path (timeline columns, search texts, the JSON export) is
then one and the same for files and servers, `export --db URL` is byte-for-byte the export of
the same data in a file, and the window never waits on the network after opening. The cost is
the copy at open, measured by `python -m benchmarks --db URL`.
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Table, create_engine, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from wsis_viewer.domain.model import Dataset
from wsis_viewer.store import schema as s
from wsis_viewer.store.build import _create_schema, dataset_rows
from wsis_viewer.store.database import Store, open_database
from wsis_viewer.store.problems import DatabaseError
from wsis_viewer.store.server_admin import CURATOR_ROLE, READER_ROLE
from wsis_viewer.store.urls import display_url, server_url
from wsis_viewer.store.workspace_schema import SERVER_SCHEMA

ProgressFn = Callable[[str], None]
# Reader and dropper lock the tables in this one order (no deadlock between them).
TABLES: tuple[Table, ...] = tuple(s.Base.metadata.sorted_tables)
_READ_RETRIES = 5


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return str(orig if orig is not None else exc).strip().splitlines()[0]


def _engine(target: str) -> Engine:
    return create_engine(server_url(target), pool_pre_ping=True)


@dataclass(frozen=True, slots=True)
class PublishResult:
    version: int
    schema: str
    rows: int
    dropped: tuple[str, ...]
    kept: tuple[str, ...]  # old versions still in use by a reader (dropped next time)


def _qualified(schema: str, table: Table) -> str:
    return f'"{schema}"."{table.name}"'


def _copy_rows(conn: Connection, schema: str, table: Table, rows: list[dict[str, Any]]) -> None:
    """COPY is the fast way into PostgreSQL (about 10x executemany at 100k rows)."""
    cols = [c.name for c in table.columns]
    col_list = ", ".join(f'"{c}"' for c in cols)
    driver = conn.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cur, cur.copy(
            f"COPY {_qualified(schema, table)} ({col_list}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row.get(c) for c in cols])


def publish_dataset(ds: Dataset, target: str, *, built_from: str,
                    progress: ProgressFn | None = None) -> PublishResult:
    """Load `ds` as a new version and make it current in one transaction."""
    label = display_url(target)
    say = progress or (lambda _line: None)
    engine = _engine(target)
    schema = f"wsis_data_{secrets.token_hex(6)}"
    try:
        with engine.begin() as conn:
            try:
                conn.exec_driver_sql(f"SET LOCAL ROLE {CURATOR_ROLE}")
            except DBAPIError as exc:
                raise DatabaseError(
                    f"{label}: publishing needs the {CURATOR_ROLE} role ({_reason(exc)}); "
                    "an administrator grants it with 'wsis-viewer admin add-user'") from exc
            if conn.exec_driver_sql(
                    f"SELECT to_regclass('{SERVER_SCHEMA}.current_dataset')").scalar() is None:
                raise DatabaseError(f"{label}: not a WSIS viewer server yet; run "
                                    "'wsis-viewer admin init --db URL' first")
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
            _create_schema(conn.execution_options(schema_translate_map={None: schema}))
            say(f"created schema {schema}")
            tables = dataset_rows(ds)
            tables_meta: list[dict[str, Any]] = [
                {"key": "schema_version", "value": str(s.SCHEMA_VERSION)},
                {"key": "built_from", "value": built_from}]
            total = sum(len(v) for v in tables.values()) + len(tables_meta)
            done = 0
            _copy_rows(conn, schema, s.Meta.__table__, tables_meta)  # type: ignore[arg-type]
            done += len(tables_meta)
            for orm, rows in tables.items():
                table: Table = orm.__table__  # type: ignore[assignment]
                _copy_rows(conn, schema, table, rows)
                done += len(rows)
                say(f"copied {len(rows):>7} rows into {table.name:<22} ({done}/{total})")
            conn.exec_driver_sql(f'ANALYZE "{schema}".events')
            conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA "{schema}" TO {READER_ROLE}')
            conn.exec_driver_sql(
                f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO {READER_ROLE}')
            version = int(conn.execute(text(
                f"INSERT INTO {SERVER_SCHEMA}.dataset_versions (schema_name, built_from, events)"
                " VALUES (:s, :b, :n) RETURNING version"),
                {"s": schema, "b": built_from, "n": len(ds.events)}).scalar_one())
            # The switch: readers starting after this commit read the new version.
            conn.execute(text(
                f"INSERT INTO {SERVER_SCHEMA}.current_dataset (singleton, version) "
                "VALUES (true, :v) ON CONFLICT (singleton) DO UPDATE SET version = :v"),
                {"v": version})
        say(f"published version {version} ({done} rows); readers now see it")
        dropped, kept = _drop_old_versions(engine, say)
    except SQLAlchemyError as exc:
        raise DatabaseError(f"{label}: publish failed, the server still shows the previous "
                            f"version ({_reason(exc)})") from exc
    finally:
        engine.dispose()
    return PublishResult(version=version, schema=schema, rows=done, dropped=tuple(dropped),
                         kept=tuple(kept))


def _drop_old_versions(engine: Engine, say: ProgressFn) -> tuple[list[str], list[str]]:
    with engine.connect() as conn:
        old = [r[0] for r in conn.execute(text(
            f"SELECT v.schema_name FROM {SERVER_SCHEMA}.dataset_versions v "
            f"WHERE NOT v.dropped AND v.version <> "
            f"(SELECT version FROM {SERVER_SCHEMA}.current_dataset) ORDER BY v.version"))]
    dropped: list[str] = []
    kept: list[str] = []
    for schema in old:
        try:
            with engine.begin() as conn:
                conn.exec_driver_sql(f"SET LOCAL ROLE {CURATOR_ROLE}")
                # Wait for readers still copying this version, but not for ever.
                conn.exec_driver_sql("SET LOCAL lock_timeout = '20s'")
                present = [t for t in TABLES if conn.exec_driver_sql(
                    f"SELECT to_regclass('{_qualified(schema, t)}')").scalar() is not None]
                if present:
                    conn.exec_driver_sql("LOCK TABLE " + ", ".join(
                        _qualified(schema, t) for t in present) + " IN ACCESS EXCLUSIVE MODE")
                conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
                conn.execute(text(f"UPDATE {SERVER_SCHEMA}.dataset_versions SET dropped = true "
                                  "WHERE schema_name = :s"), {"s": schema})
            dropped.append(schema)
            say(f"dropped the old version in {schema}")
        except SQLAlchemyError as exc:
            kept.append(schema)
            say(f"kept the old version in {schema} for now ({_reason(exc)})")
    return dropped, kept


# --- reading ----------------------------------------------------------------------------------


class ServerSnapshot(Store):
    """A read-only Store on a private copy of one published version (deleted on close)."""

    def __init__(self, inner: Store, folder: Path, *, label: str, version: int) -> None:
        super().__init__(inner.engine, label)
        self.folder = folder
        self.version = version

    def close(self) -> None:
        super().close()
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass(frozen=True, slots=True)
class CurrentVersion:
    version: int
    schema: str


def current_version(conn: Connection, label: str) -> CurrentVersion:
    row = conn.execute(text(
        f"SELECT v.version, v.schema_name FROM {SERVER_SCHEMA}.current_dataset c "
        f"JOIN {SERVER_SCHEMA}.dataset_versions v ON v.version = c.version")).first()
    if row is None:
        raise DatabaseError(f"{label}: no dataset has been published on this server yet "
                            "('wsis-viewer publish --to URL')")
    return CurrentVersion(int(row[0]), str(row[1]))


def _snapshot_file(path: Path) -> sqlite3.Connection:
    engine = create_engine(f"sqlite+pysqlite:///{path}")
    try:
        _create_schema(engine)
    finally:
        engine.dispose()
    out = sqlite3.connect(path, isolation_level=None)
    out.execute("PRAGMA journal_mode = OFF")  # a private scratch copy: no journal needed
    out.execute("PRAGMA synchronous = OFF")
    out.execute(f"PRAGMA application_id = {s.APPLICATION_ID}")
    out.execute(f"PRAGMA user_version = {s.SCHEMA_VERSION}")
    return out


def _copy_version(conn: Connection, version: CurrentVersion, out: sqlite3.Connection) -> None:
    driver = conn.connection.driver_connection
    assert driver is not None
    out.execute("BEGIN")
    for table in TABLES:
        cols = [c.name for c in table.columns]
        col_list = ", ".join(f'"{c}"' for c in cols)
        keys = ", ".join(f'"{c.name}"' for c in table.primary_key.columns)
        insert = (f'INSERT INTO "{table.name}" ({col_list}) VALUES '
                  f"({', '.join('?' * len(cols))})")
        with driver.cursor() as cur:
            cur.execute(f"SELECT {col_list} FROM {_qualified(version.schema, table)} "
                        f"ORDER BY {keys}")
            while chunk := cur.fetchmany(50_000):
                out.executemany(insert, chunk)
    out.execute("COMMIT")


@contextlib.contextmanager
def version_snapshot(engine: Engine, label: str) -> Iterator[tuple[Connection, CurrentVersion]]:
    """A read-only REPEATABLE READ transaction pinned to the current version, its tables
    locked against dropping. Retries when a publish dropped the version in between."""
    for attempt in range(_READ_RETRIES):
        conn = engine.connect().execution_options(isolation_level="REPEATABLE READ")
        try:
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")
            version = current_version(conn, label)
            try:
                conn.exec_driver_sql("LOCK TABLE " + ", ".join(
                    _qualified(version.schema, t) for t in TABLES) + " IN ACCESS SHARE MODE")
            except DBAPIError as exc:
                if "does not exist" not in str(exc.orig) or attempt == _READ_RETRIES - 1:
                    raise
                conn.rollback()
                conn.close()
                time.sleep(0.05 * (attempt + 1))
                continue
            yield conn, version
            conn.rollback()
            return
        finally:
            conn.close()
    raise DatabaseError(f"{label}: the dataset kept changing while being read")


def open_server_dataset(target: str) -> ServerSnapshot:
    """The current published version of a server, as a read-only Store."""
    label = display_url(target)
    engine = _engine(target)
    folder = Path(tempfile.mkdtemp(prefix="wsis-viewer-server-"))
    try:
        path = folder / "snapshot.sqlite"
        try:
            with version_snapshot(engine, label) as (conn, version):
                out = _snapshot_file(path)
                try:
                    _copy_version(conn, version, out)
                finally:
                    out.close()
        except SQLAlchemyError as exc:
            raise DatabaseError(f"{label}: cannot read the dataset ({_reason(exc)})") from exc
        inner = open_database(path)
        return ServerSnapshot(inner, folder, label=f"{label} (version {version.version})",
                              version=version.version)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        engine.dispose()


def server_version(target: str) -> int:
    """The current published version number (a cheap check: is my copy still current?)."""
    label = display_url(target)
    engine = _engine(target)
    try:
        with engine.connect() as conn:
            return current_version(conn, label).version
    except SQLAlchemyError as exc:
        raise DatabaseError(f"{label}: cannot connect ({_reason(exc)})") from exc
    finally:
        engine.dispose()


def server_record_exists(target: str, record: str) -> bool:
    """Is `record` in the server's current version? (One query, no copy.)"""
    from wsis_viewer.store.records import record_exists

    label = display_url(target)
    engine = _engine(target)
    try:
        with engine.connect() as conn:
            return record_exists(conn, record, current_version(conn, label).schema)
    except SQLAlchemyError as exc:
        raise DatabaseError(f"{label}: cannot read the dataset ({_reason(exc)})") from exc
    finally:
        engine.dispose()
