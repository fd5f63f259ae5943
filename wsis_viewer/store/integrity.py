"""Is an opened file exactly our schema, and does every value in it fit what the reader expects?

Run once at open, on the raw driver connection, before anything is read:

1. `check_schema`: `sqlite_master` must equal what `build-db` creates, entry for entry (tables,
   indexes, their SQL). An extra view or trigger, a view shadowing a table, an altered column
   or a missing index is refused with one line. The expected schema is derived from the ORM
   metadata, so it follows schema changes by itself.
2. `check_values`: SQLite stores any value in any column whatever its declared type. Each
   table is scanned once with SQL generated from the metadata: storage class (text, integer,
   NULL only where allowed), booleans 0/1, dates `YYYY-MM-DD` that are real calendar days
   within the documented range (`domain.date_range`) and not ending before they start,
   precisions, source and record types, times, years, http(s) URLs; then
   `PRAGMA foreign_key_check` for references to missing records.

The policy (documented in docs/security.md): a database with any bad row is refused, with one
line naming the table, the record and the column. A partial picture of a tampered file could
mislead an analyst more than a refusal.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Iterable

from sqlalchemy import Boolean, Integer, String, Table, Text, create_engine

from wsis_viewer.domain.date_range import FIRST_DAY, FIRST_YEAR, LAST_DAY, LAST_YEAR
from wsis_viewer.domain.model import Basis, Precision, RecordType, SourceType
from wsis_viewer.store import schema as s
from wsis_viewer.store.problems import DatabaseError
from wsis_viewer.store.read_errors import describe_sqlite_error

# Tables up to this many rows have all their text decoded at open (see _check_text).
TEXT_CHECK_MAX_ROWS = 50_000

SchemaEntry = tuple[str, str, str, str | None]  # type, name, tbl_name, sql

_DATE_COLUMNS = {("events", "start"), ("events", "end"), ("sessions", "start"),
                 ("sessions", "end")}
_YEAR_COLUMNS = {("resolution_steps", "year"), ("roles", "start_year"), ("roles", "end_year"),
                 ("topics", "start_year"), ("topics", "end_year")}
_TIME_COLUMNS = {("sessions", "time"), ("sessions", "end_time")}
_URL_COLUMNS = {("sources", "url")}
_CHOICES: dict[tuple[str, str], tuple[str, ...]] = {
    ("events", "precision"): tuple(p.value for p in Precision),
    ("sources", "type"): tuple(t.value for t in SourceType),
    ("sources", "record_type"): tuple(t.value for t in RecordType),
    ("recommendation_links", "target_type"): ("resolution", "event", "document"),
    ("claims", "basis"): tuple(b.value for b in Basis),
    ("claims", "record_type"): tuple(t.value for t in RecordType),
    ("quoted_texts", "record_type"): tuple(t.value for t in RecordType),
}
# Tables whose last day must not come before their first.
_SPANS = {"events": ("start", "end"), "sessions": ("start", "end"),
          "roles": ("start_year", "end_year"), "topics": ("start_year", "end_year")}
_BEFORE = "|before"  # marks "this end comes before its start" in the bad-column result


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _normalise_sql(sql: str | None) -> str | None:
    return None if sql is None else re.sub(r"\s+", " ", sql).strip()


@functools.cache
def expected_schema() -> frozenset[SchemaEntry]:
    """`sqlite_master` of a freshly built database (built in memory, once per process)."""
    from wsis_viewer.store.build import _create_schema

    engine = create_engine("sqlite+pysqlite://")
    try:
        _create_schema(engine)
        with engine.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT type, name, tbl_name, sql FROM sqlite_master").all()
    finally:
        engine.dispose()
    return frozenset((r[0], r[1], r[2], _normalise_sql(r[3])) for r in rows)


@functools.cache
def optional_schema() -> frozenset[SchemaEntry]:
    """Objects `build-db` adds after the tables, which an older database may lack: the search
    tables (store/search_index.py, FTS5 with its shadow tables), the timeline cache
    (store/timeline_cache.py) and the look-up indexes (store/lookup_indexes.py). Absent is
    fine; present, they must be exactly these."""
    import sqlite3 as sqlite

    from wsis_viewer.store.build import _create_schema
    from wsis_viewer.store.lookup_indexes import write_lookup_indexes
    from wsis_viewer.store.search_index import write_search_index
    from wsis_viewer.store.timeline_cache import cache_table

    engine = create_engine("sqlite+pysqlite://")
    try:
        _create_schema(engine)
        with engine.begin() as conn:
            cache_table.create(conn)
        raw = engine.raw_connection()
        try:
            con = raw.driver_connection
            assert isinstance(con, sqlite.Connection)
            write_search_index(con, ())
            write_lookup_indexes(con)
            con.commit()
            rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
        finally:
            raw.close()
    finally:
        engine.dispose()
    entries = frozenset((r[0], r[1], r[2], _normalise_sql(r[3])) for r in rows)
    return entries - expected_schema()


def _printable(value: object, limit: int = 60) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = repr(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def check_schema(conn: sqlite3.Connection, label: str) -> None:
    """Refuse a file whose schema is not exactly ours (caller has checked application_id)."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    actual = {(_text(r[0]), _text(r[1]), _text(r[2]),
               _normalise_sql(_text(r[3]) if r[3] is not None else None)) for r in rows}
    expected = expected_schema()
    extra = sorted(actual - expected - optional_schema(), key=lambda e: (e[0], e[1]))
    missing = sorted(expected - actual, key=lambda e: (e[0], e[1]))
    if not extra and not missing:
        return
    missing_names = {(e[0], e[1]) for e in missing}
    unknown = [e for e in extra if (e[0], e[1]) not in missing_names]
    if unknown:  # a view, trigger or table of its own says most about the file
        kind, name = unknown[0][0], unknown[0][1]
        raise DatabaseError(f"{label}: unexpected {kind} '{_printable(name)[1:-1]}' (not part "
                            "of a WSIS viewer database); the file was altered")
    if extra:
        kind, name = extra[0][0], extra[0][1]
        raise DatabaseError(f"{label}: {kind} '{_printable(name)[1:-1]}' differs from the "
                            "schema this viewer builds; the file was altered")
    kind, name = missing[0][0], missing[0][1]
    raise DatabaseError(f"{label}: {kind} '{name}' is missing; the file was altered")


def _text(value: object) -> str:
    """sqlite_master text read with text_factory=bytes: decode strictly or refuse."""
    if isinstance(value, bytes):
        return value.decode("utf-8")  # UnicodeDecodeError is translated by the caller
    return str(value)


def _column_problems(table: Table) -> list[tuple[str, str, str]]:
    """(column, SQL true for a bad value, what was expected) for every column of `table`."""
    out: list[tuple[str, str, str]] = []
    for col in table.columns:
        c, key = _q(col.name), (table.name, col.name)
        if isinstance(col.type, Boolean):
            kinds, what = ("integer",), "0 or 1"
        elif isinstance(col.type, Integer):
            kinds, what = ("integer",), "a whole number"
        elif isinstance(col.type, String | Text):
            kinds, what = ("text",), "text"
        else:  # pragma: no cover - a new column type must be added here
            raise TypeError(f"no value check for {table.name}.{col.name}: {col.type!r}")
        allowed = (*kinds, "null") if col.nullable else kinds
        type_ok = f"typeof({c}) IN ({', '.join(_lit(k) for k in allowed)})"
        if col.nullable:
            what += " or nothing"
        rules = [type_ok]
        if isinstance(col.type, Boolean):
            rules.append(f"{c} IN (0, 1)")
        if key in _DATE_COLUMNS:
            rules.append(f"{c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' "
                         f"AND date({c}, '+0 days') IS {c} "
                         f"AND {c} BETWEEN '{FIRST_DAY.isoformat()}' AND '{LAST_DAY.isoformat()}'")
            what = f"a date YYYY-MM-DD from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"
        if key in _YEAR_COLUMNS:
            rules.append(f"({c} IS NULL OR {c} BETWEEN {FIRST_YEAR} AND {LAST_YEAR})")
            what = f"a year from {FIRST_YEAR} to {LAST_YEAR}" + (
                " or nothing" if col.nullable else "")
        if key in _TIME_COLUMNS:
            rules.append(f"({c} IS NULL OR ({c} GLOB '[0-2][0-9]:[0-5][0-9]' AND {c} <= '23:59'))")
            what = "a time HH:MM or nothing"
        if key in _URL_COLUMNS:
            rules.append(f"({c} IS NULL OR {c} GLOB 'https://*' OR {c} GLOB 'http://*')")
            what = "an http(s) address or nothing"
        if key in _CHOICES:
            choices = _CHOICES[key]
            rules.append(f"{c} IN ({', '.join(_lit(v) for v in choices)})")
            what = "one of " + ", ".join(choices)
        if col.primary_key and isinstance(col.type, String | Text):
            rules.append(f"length({c}) > 0")
        out.append((col.name, "NOT (" + " AND ".join(f"({r})" for r in rules) + ")", what))
    return out


def _record_name(table: Table, values: Iterable[object]) -> str:
    pk = [c.name for c in table.primary_key.columns]
    parts = [_printable(v) for v in values]
    if len(pk) == 1:
        return f"record {parts[0]}"
    return "record (" + ", ".join(f"{k}={v}" for k, v in zip(pk, parts, strict=True)) + ")"


@functools.cache
def _table_queries() -> tuple[tuple[Table, str, tuple[tuple[str, str], ...]], ...]:
    """One query per table returning its first bad row: primary key, bad column, bad value."""
    out = []
    for table in s.Base.metadata.sorted_tables:
        problems = _column_problems(table)
        pk = ", ".join(_q(c.name) for c in table.primary_key.columns)
        which = " ".join(f"WHEN {bad} THEN {_lit(name)}" for name, bad, _what in problems)
        value = " ".join(f"WHEN {bad} THEN {_q(name)}" for name, bad, _what in problems)
        where = " OR ".join(bad for _name, bad, _what in problems)
        if table.name in _SPANS:
            a, b = (_q(x) for x in _SPANS[table.name])
            span_bad = f"({a} IS NOT NULL AND {b} IS NOT NULL AND {b} < {a})"
            which += f" WHEN {span_bad} THEN {_lit(_SPANS[table.name][1] + _BEFORE)}"
            value += f" WHEN {span_bad} THEN {b}"
            where += f" OR {span_bad}"
        sql = (f"SELECT {pk}, CASE {which} END, CASE {value} END "
               f"FROM {_q(table.name)} WHERE {where} LIMIT 1")
        whats = tuple((name, what) for name, _bad, what in problems)
        out.append((table, sql, whats))
    return tuple(out)


def _check_text(conn: sqlite3.Connection, label: str) -> None:
    """Every text value is valid UTF-8 and within the value-length limit.

    SQL cannot tell valid UTF-8 apart, so the text columns are read once with the driver's own
    (C) decoding, discarding the values; only when one fails is the table read again, as
    bytes, to name the record. Values longer than the connection's length limit fail the read
    with SQLITE_TOOBIG, which the caller reports.
    """
    for table in s.Base.metadata.sorted_tables:
        cols = [c.name for c in table.columns if isinstance(c.type, String | Text)]
        if not cols:
            continue
        # Big tables (a synthetic million-event file) are not read twice: their text is
        # decoded when first read, and a failure there is the same one-line DatabaseError
        # (store.read_errors), naming the column and the text.
        count = conn.execute(f"SELECT count(*) FROM {_q(table.name)}").fetchone()[0]
        if count > TEXT_CHECK_MAX_ROWS:
            continue
        sql = f"SELECT {', '.join(_q(c) for c in cols)} FROM {_q(table.name)}"
        factory = conn.text_factory
        conn.text_factory = str
        try:
            cursor = conn.execute(sql)
            while cursor.fetchmany(20_000):
                pass
        except (UnicodeDecodeError, sqlite3.OperationalError) as exc:
            if isinstance(exc, sqlite3.OperationalError) and "decode" not in str(exc):
                raise
            conn.text_factory = bytes
            _name_bad_text(conn, table, cols, label)
            raise
        except sqlite3.DataError as exc:  # SQLITE_TOOBIG: a value beyond the length limit
            raise DatabaseError(f"{label}: table '{table.name}': "
                                f"{describe_sqlite_error(exc)}") from exc
        finally:
            conn.text_factory = factory


def _name_bad_text(conn: sqlite3.Connection, table: Table, cols: list[str], label: str) -> None:
    pk = [c.name for c in table.primary_key.columns]
    sql = (f"SELECT {', '.join(_q(c) for c in pk)}, {', '.join(_q(c) for c in cols)} "
           f"FROM {_q(table.name)}")
    for row in conn.execute(sql):
        for name, value in zip(cols, row[len(pk):], strict=True):
            if isinstance(value, bytes):
                try:
                    value.decode("utf-8")
                except UnicodeDecodeError:
                    raise DatabaseError(
                        f"{label}: table '{table.name}', {_record_name(table, row[:len(pk)])}, "
                        f"column '{name}': text that is not valid UTF-8") from None


def check_values(conn: sqlite3.Connection, label: str) -> None:
    """Refuse the file at its first bad value, naming table, record and column."""
    for table, sql, whats in _table_queries():
        row = conn.execute(sql).fetchone()
        if row is None:
            continue
        n_pk = len(table.primary_key.columns)
        record = _record_name(table, row[:n_pk])
        column = _text(row[n_pk])
        where = f"{label}: table '{table.name}', {record}, column "
        if column.endswith(_BEFORE):
            column = column.removesuffix(_BEFORE)
            raise DatabaseError(f"{where}'{column}': {_printable(row[n_pk + 1])} comes before "
                                f"column '{_SPANS[table.name][0]}'")
        raise DatabaseError(f"{where}'{column}': {_printable(row[n_pk + 1])} is not "
                            f"{dict(whats).get(column, 'valid')}")
    _check_text(conn, label)
    bad_ref = conn.execute("PRAGMA foreign_key_check").fetchone()
    if bad_ref is not None:
        table_name, rowid, parent = _text(bad_ref[0]), bad_ref[1], _text(bad_ref[2])
        raise DatabaseError(f"{label}: table '{table_name}', row {rowid}: refers to a "
                            f"'{parent}' record that does not exist")
