"""The dataset on a PostgreSQL team server: publish a version, read the current one.

Versions are immutable. `publish` loads a dataset into a new schema (`wsis_data_<token>`), with
its timeline cache (store/timeline_cache.py) and search index (store/server_search.py) computed
from the same rows, grants readers SELECT on it and moves the one-row pointer
`wsis.current_dataset` to it — all in ONE transaction, so a reader sees the old version or the
new one, never a mix, and a failed publish leaves nothing behind. Versions no reader uses any
more are dropped afterwards.

Reading (`open_server_dataset`) reads the pointer, locks that version's tables against being
dropped (ACCESS SHARE, held by a "keeper" connection until the store closes, taken in the same
table order the dropper uses, so the two never deadlock) and then runs the ordinary Store
queries on that version's schema, in place. The Store's queries are portable SQL, so the JSON
export from a server is the export of the same data in a file, byte for byte (tested).

(A first version copied the version into a private SQLite file instead; at 100k events that
took 7.5 s, where reading the timeline's columns in place takes about one: see the benchmark,
`python -m benchmarks --db URL`.)
"""

from __future__ import annotations

import contextlib
import secrets
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import Table, create_engine, insert, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from wsis_viewer.domain.model import Dataset
from wsis_viewer.store import schema as s
from wsis_viewer.store.build import _create_schema, write_database
from wsis_viewer.store.database import Store, open_database
from wsis_viewer.store.problems import DatabaseError
from wsis_viewer.store.server_admin import CURATOR_ROLE, READER_ROLE
from wsis_viewer.store.server_search import build_search_image, write_search_image
from wsis_viewer.store.timeline_cache import (
    COUNTED_TABLES,
    cache_table,
    chunk_parts,
    compute_timeline,
    encode_timeline_cache,
)
from wsis_viewer.store.urls import display_url, server_name, server_url
from wsis_viewer.store.workspace_schema import SERVER_SCHEMA

ProgressFn = Callable[[str], None]
# Reader and dropper lock the tables in this one order (no deadlock between them).
TABLES: tuple[Table, ...] = tuple(s.Base.metadata.sorted_tables)
_READ_RETRIES = 5
DROP_WAIT_S = 5.0  # how long a publish waits for readers of an old version before keeping it


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


Rows = Iterable[Sequence[Any]]


def _copy_rows(conn: Connection, schema: str, table: Table, rows: Rows) -> int:
    """COPY is the fast way into PostgreSQL (about 10x executemany at 100k rows). `rows` are
    in the table's column order."""
    col_list = ", ".join(f'"{c.name}"' for c in table.columns)
    driver = conn.connection.driver_connection
    assert driver is not None
    n = 0
    with driver.cursor() as cur, cur.copy(
            f"COPY {_qualified(schema, table)} ({col_list}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            n += 1
    return n


def _no_deadline(con: object) -> None:
    """Lift the per-use deadline the safe opener sets on a file's connections (60 s: a viewer
    never waits that long on one query). Publishing reads a whole file that open_database has
    just checked, table by table, and may take minutes at a million records."""
    if isinstance(con, sqlite3.Connection):
        con.set_progress_handler(None, 0)


def _file_tables(path: Path) -> Iterator[tuple[Table, Rows]]:
    """Every table of a database file (checked by open_database first), chunk by chunk."""
    with open_database(path) as store:
        raw = store.engine.raw_connection()
        _no_deadline(raw.driver_connection)
        try:
            for table in TABLES:
                cols = ", ".join(f'"{c.name}"' for c in table.columns)
                cur = raw.cursor()
                cur.execute(f'SELECT {cols} FROM "{table.name}"')

                def chunks(cur: Any = cur) -> Iterator[Sequence[Any]]:
                    while chunk := cur.fetchmany(50_000):
                        yield from chunk

                yield table, chunks()
                cur.close()
        finally:
            raw.close()


def publish_dataset(ds: Dataset, target: str, *, built_from: str,
                    progress: ProgressFn | None = None,
                    drop_wait_s: float = DROP_WAIT_S) -> PublishResult:
    """Load `ds` as a new version and make it current in one transaction.

    The dataset is first written to a temporary database file exactly as `build-db` writes
    one, and that file is published (`publish_database_file`): one path for both, so a
    published version carries the same rows, timeline cache and search index as a built file.
    """
    with tempfile.TemporaryDirectory(prefix="wsis-publish-") as tmp:
        path = Path(tmp) / "dataset.sqlite"
        write_database(ds, path, built_from=built_from)
        say = progress or (lambda _line: None)
        say(f"validated and wrote {len(ds.events)} events to a temporary database")
        return publish_database_file(path, target, progress=progress, drop_wait_s=drop_wait_s)


def publish_database_file(path: Path, target: str, *,
                          progress: ProgressFn | None = None,
                          drop_wait_s: float = DROP_WAIT_S) -> PublishResult:
    """Publish a database file built by `build-db` (or the benchmarks' synthetic ones) as is,
    with the timeline cache and the search index computed from its rows (never copied: they
    are the file's own derived data, which the rows must be the truth of)."""
    say = progress or (lambda _line: None)
    with tempfile.TemporaryDirectory(prefix="wsis-publish-") as scratch:
        with open_database(path) as store:
            events = store.count("events")
            built_from = store.meta().get("built_from", str(path))
            cache_rows = _timeline_cache_rows(store)
            say(f"computed the timeline cache ({len(cache_rows)} chunks)")
            raw = store.engine.raw_connection()
            try:
                source = raw.driver_connection
                assert isinstance(source, sqlite3.Connection)
                _no_deadline(source)
                image = build_search_image(source, Path(scratch))
            finally:
                raw.close()
            say(f"built the search index ({image.stat().st_size} bytes)")

        def derived(conn: Connection) -> None:
            cache_table.create(conn)
            conn.execute(insert(cache_table), cache_rows)
            write_search_image(conn, image)

        return _publish(target, _file_tables(path), built_from=built_from, events=events,
                        progress=progress, drop_wait_s=drop_wait_s, derived=derived)


def _timeline_cache_rows(store: Store) -> list[dict[str, object]]:
    """The `timeline_cache` rows of the data in `store`, computed from its rows."""
    index, bounds = compute_timeline(store)
    counts = {table: store.count(table) for table in COUNTED_TABLES}
    parts = encode_timeline_cache(index, events=store.count("events"),
                                  sessions=store.count("sessions"), year_bounds=bounds,
                                  conference_spans=store.conference_spans(), counts=counts)
    return chunk_parts(parts)


def _publish(target: str, tables: Iterator[tuple[Table, Rows]], *, built_from: str,
             events: int, progress: ProgressFn | None, drop_wait_s: float,
             derived: Callable[[Connection], None]) -> PublishResult:
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
            done = 0
            for table, rows in tables:
                n = _copy_rows(conn, schema, table, rows)
                done += n
                say(f"copied {n:>7} rows into {table.name}")
            # The timeline cache and the search index, in the same transaction: a reader
            # sees them with the rows they were computed from, or sees none of it.
            derived(conn.execution_options(schema_translate_map={None: schema}))
            say("stored the timeline cache and the search index")
            conn.exec_driver_sql(f'ANALYZE "{schema}".events')
            conn.exec_driver_sql(f'GRANT USAGE ON SCHEMA "{schema}" TO {READER_ROLE}')
            conn.exec_driver_sql(
                f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO {READER_ROLE}')
            version = int(conn.execute(text(
                f"INSERT INTO {SERVER_SCHEMA}.dataset_versions (schema_name, built_from, events)"
                " VALUES (:s, :b, :n) RETURNING version"),
                {"s": schema, "b": built_from, "n": events}).scalar_one())
            # The switch: readers starting after this commit read the new version.
            conn.execute(text(
                f"INSERT INTO {SERVER_SCHEMA}.current_dataset (singleton, version) "
                "VALUES (true, :v) ON CONFLICT (singleton) DO UPDATE SET version = :v"),
                {"v": version})
        say(f"published version {version} ({done} rows); readers now see it")
        dropped, kept = _drop_old_versions(engine, say, drop_wait_s)
    except SQLAlchemyError as exc:
        raise DatabaseError(f"{label}: publish failed, the server still shows the previous "
                            f"version ({_reason(exc)})") from exc
    finally:
        engine.dispose()
    return PublishResult(version=version, schema=schema, rows=done, dropped=tuple(dropped),
                         kept=tuple(kept))


def _drop_old_versions(engine: Engine, say: ProgressFn,
                       wait_s: float) -> tuple[list[str], list[str]]:
    with engine.connect() as conn:
        old = [r[0] for r in conn.execute(text(
            f"SELECT v.schema_name FROM {SERVER_SCHEMA}.dataset_versions v "
            f"WHERE NOT v.dropped AND v.version <> "
            f"(SELECT version FROM {SERVER_SCHEMA}.current_dataset) ORDER BY v.version"))]
    dropped: list[str] = []
    kept: list[str] = []
    for schema in old:
        deadline = time.monotonic() + wait_s
        while True:
            try:
                _drop_version(engine, schema)
                dropped.append(schema)
                say(f"dropped the old version in {schema}")
                break
            except DBAPIError as exc:
                if not isinstance(exc.orig, psycopg.errors.LockNotAvailable) \
                        or time.monotonic() > deadline:
                    kept.append(schema)
                    say(f"kept the old version in {schema}: still being read; a later "
                        f"publish drops it ({_reason(exc)})")
                    break
                time.sleep(0.1)
    return dropped, kept


def _drop_version(engine: Engine, schema: str) -> None:
    """Drop one old version if no reader holds it. NOWAIT, because a waiting exclusive lock
    would queue every later reader of those tables behind it (and a reader whose keeper holds
    the version would then wait for us while we wait for it)."""
    with engine.begin() as conn:
        conn.exec_driver_sql(f"SET LOCAL ROLE {CURATOR_ROLE}")
        present = [t for t in TABLES if conn.exec_driver_sql(
            f"SELECT to_regclass('{_qualified(schema, t)}')").scalar() is not None]
        if present:
            conn.exec_driver_sql("LOCK TABLE " + ", ".join(
                _qualified(schema, t) for t in present) + " IN ACCESS EXCLUSIVE MODE NOWAIT")
        conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        conn.execute(text(f"UPDATE {SERVER_SCHEMA}.dataset_versions SET dropped = true "
                          "WHERE schema_name = :s"), {"s": schema})


# --- reading ----------------------------------------------------------------------------------


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


def _pin_current_version(engine: Engine, label: str) -> tuple[Connection, CurrentVersion]:
    """A connection whose open transaction holds ACCESS SHARE locks on the current version's
    tables, so no publish can drop that version while it is being read. Retries when a
    publish dropped the version between reading the pointer and taking the locks."""
    for attempt in range(_READ_RETRIES):
        conn = engine.connect()
        try:
            version = current_version(conn, label)
            conn.exec_driver_sql("LOCK TABLE " + ", ".join(
                _qualified(version.schema, t) for t in TABLES) + " IN ACCESS SHARE MODE")
            return conn, version
        except DBAPIError as exc:
            conn.close()
            if "does not exist" not in str(exc.orig) or attempt == _READ_RETRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
        except BaseException:
            conn.close()
            raise
    raise DatabaseError(f"{label}: the dataset kept changing while being opened")


class ServerStore(Store):
    """A read-only Store on one published version of a server, read in place.

    Every query runs on the pinned version's schema (SQLAlchemy's schema_translate_map for the
    ORM, the connection's search_path for plain SQL), so all of them see one and the same
    version even if a publish switches the pointer meanwhile. A "keeper" connection holds the
    version's tables locked (ACCESS SHARE) until close(), so the version cannot be dropped
    under the reader; a publish waits for it, briefly, or keeps the old version until its next
    run.
    """

    def __init__(self, engine: Engine, label: str, *, keeper: Connection, version: int,
                 schema: str) -> None:
        super().__init__(engine, label)
        self.keeper = keeper  # its engine is used for nothing else
        self.version = version
        self.schema = schema

    def close(self) -> None:
        with contextlib.suppress(SQLAlchemyError):
            self.keeper.close()
        self.keeper.engine.dispose()
        super().close()


def open_server_dataset(target: str) -> ServerStore:
    """The current published version of a server, as a read-only Store."""
    label = display_url(target)
    pointer_engine = _engine(target)
    try:
        keeper, version = _pin_current_version(pointer_engine, label)
    except SQLAlchemyError as exc:
        pointer_engine.dispose()
        raise DatabaseError(f"{label}: cannot read the dataset ({_reason(exc)})") from exc
    except BaseException:
        pointer_engine.dispose()
        raise
    engine = create_engine(
        server_url(target), pool_pre_ping=True,
        connect_args={"options": f"-c search_path={version.schema}"},
        execution_options={"schema_translate_map": {None: version.schema}})
    try:
        with engine.connect() as conn:
            raw = conn.execute(select(s.Meta.value).where(s.Meta.key == "schema_version")
                               ).scalar()
        if raw != str(s.SCHEMA_VERSION):
            raise DatabaseError(
                f"{label}: the published dataset has schema version {raw}, this viewer reads "
                f"version {s.SCHEMA_VERSION}; publish it again with this viewer, or update it")
    except SQLAlchemyError as exc:
        keeper.close()
        pointer_engine.dispose()
        engine.dispose()
        raise DatabaseError(f"{label}: cannot read the dataset ({_reason(exc)})") from exc
    except BaseException:
        keeper.close()
        pointer_engine.dispose()
        engine.dispose()
        raise
    # The label appears in captions and the window's title: short, and without a password.
    return ServerStore(engine, f"{server_name(target)} (version {version.version})",
                       keeper=keeper,
                       version=version.version, schema=version.schema)


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
