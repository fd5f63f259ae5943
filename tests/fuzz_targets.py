"""Mutations of a valid database and what every mutated file is put through.

Shared by the hypothesis tests (tests/test_fuzz.py, about a minute in CI) and the long run on
demand (tools/fuzz_databases.py, 10,000+ files in crash-isolated worker processes).

`exercise(path)` does what the window and the commands do with a file: open it, build the
timeline index and the search, read every record, render every record's panel and the JSON
export, and (with Qt) paint the timeline. It returns "opened" or "refused" (a DatabaseError
of one line); anything else it raises is a defect.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from wsis_viewer.store.problems import DatabaseError

NASTY_TEXT = [
    "", " ", "<b>x</b>", '<a href="https://evil.example/">Official ITU source</a>',
    "0001-01-01", "9999-12-31", "2013-02-30", "20130101", "2013-1-1", "NaT", "２０１３-01-01",
    "1e309", "-1", "9223372036854775808", "day", "year", "month", "decade", "report",
    "external", "event", "javascript:alert(1)", "https://evil.example/x", "25:99", "%s%n",
    "\x00", "\u202e", "𝕏" * 50, "x" * 5000, "'; DROP TABLE events; --",
]
NASTY_NUMBERS: list[object] = [0, 1, -1, 7, 1900, 2099, 2100, 10**18, -(2**63), 2**63 - 1,
                               0.5, float("inf"), float("-inf"), float("nan")]
SCHEMA_CHANGES = [
    "CREATE VIEW v AS SELECT 1",
    "CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM events; END",
    "CREATE TABLE extra (a)",
    "CREATE INDEX ix_extra ON events (title_en)",
    "ALTER TABLE events ADD COLUMN extra TEXT",
    "DROP INDEX ix_events_start",
    "PRAGMA application_id = 1",
    "UPDATE meta SET value = '2' WHERE key = 'schema_version'",
    "DELETE FROM meta",
    "PRAGMA journal_mode = WAL",
]


def columns(path: Path) -> list[tuple[str, str]]:
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return [(t, r[1]) for t in tables for r in con.execute(f'PRAGMA table_info("{t}")')]
    finally:
        con.close()


def set_value(path: Path, table: str, column: str, value: object, row: int) -> None:
    """Put `value` (any storage class; bytes may be cast to text, i.e. invalid UTF-8) into
    one row of `table`, ignoring the constraints a crafted file need not respect."""
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA foreign_keys = OFF")
        con.execute("PRAGMA ignore_check_constraints = ON")
        rowids = [r[0] for r in con.execute(f'SELECT rowid FROM "{table}"')]
        if not rowids:
            return
        rowid = rowids[row % len(rowids)]
        if isinstance(value, tuple):  # ("text-bytes", b"...") -> text that may not be UTF-8
            con.execute(f'UPDATE OR IGNORE "{table}" SET "{column}" = CAST(? AS TEXT) '
                        "WHERE rowid = ?", (value[1], rowid))
        else:
            con.execute(f'UPDATE OR IGNORE "{table}" SET "{column}" = ? WHERE rowid = ?',
                        (value, rowid))
        con.commit()
    except sqlite3.Error:
        pass  # e.g. NOT NULL: the mutation simply does not happen
    finally:
        con.close()


def flip_bytes(path: Path, flips: list[tuple[int, int]]) -> None:
    data = bytearray(path.read_bytes())
    for offset, value in flips:
        data[offset % len(data)] = value
    path.write_bytes(bytes(data))


def random_mutation(path: Path, rng: random.Random) -> str:
    """Mutate `path` in place, one of several ways; returns a description."""
    kind = rng.choice(["value", "value", "value", "bytes", "bytes", "region", "truncate",
                       "schema", "values-many"])
    if kind in ("value", "values-many"):
        cols = columns(path)
        done = []
        for _ in range(1 if kind == "value" else rng.randint(2, 8)):
            table, column = rng.choice(cols)
            value = rng.choice([
                rng.choice(NASTY_TEXT), rng.choice(NASTY_NUMBERS), None,
                rng.randbytes(rng.randint(0, 40)), ("text-bytes", rng.randbytes(8)),
                rng.randint(-(2**63), 2**63 - 1)])
            set_value(path, table, column, value, rng.randint(0, 10**6))
            done.append(f"{table}.{column}={value!r:.40}")
        return "value " + "; ".join(done)
    if kind == "bytes":
        size = path.stat().st_size
        flips = [(rng.randrange(size), rng.randrange(256)) for _ in range(rng.randint(1, 20))]
        flip_bytes(path, flips)
        return f"bytes {flips[:3]}…"
    if kind == "region":
        data = bytearray(path.read_bytes())
        start = rng.randrange(len(data))
        length = rng.randint(1, 4096)
        data[start:start + length] = rng.randbytes(min(length, len(data) - start))
        path.write_bytes(bytes(data))
        return f"region {start}+{length}"
    if kind == "truncate":
        data = path.read_bytes()
        cut = rng.randrange(len(data))
        path.write_bytes(data[:cut])
        return f"truncate {cut}"
    change = rng.choice(SCHEMA_CHANGES)
    con = sqlite3.connect(path)
    try:
        con.execute(change)
        con.commit()
    except sqlite3.Error:
        pass
    finally:
        con.close()
    return f"schema {change}"


def exercise(path: Path, *, paint: bool = False) -> str:
    """Everything the app does with a database file; "opened" or "refused"."""
    from wsis_viewer.domain.model import RecordType
    from wsis_viewer.domain.relations import RecordRef, Relations
    from wsis_viewer.panels.record_html import RecordPage
    from wsis_viewer.session.loaded_database import LoadedDatabase
    from wsis_viewer.store.export_json import dumps

    try:
        db = LoadedDatabase.open(path)
    except DatabaseError as exc:
        assert "\n" not in str(exc), f"multi-line message: {exc}"
        return "refused"
    try:
        try:
            dataset = db.dataset
            db.find("wsis")
        except DatabaseError as exc:  # damage found by a later read: still one line
            assert "\n" not in str(exc), f"multi-line message: {exc}"
            return "refused"
        rel = Relations(dataset)
        page = RecordPage(rel, "en")
        for kind, records in ((RecordType.EVENT, rel.events), (RecordType.DOCUMENT,
                              rel.documents), (RecordType.RESOLUTION, rel.resolutions),
                              (RecordType.RECOMMENDATION, rel.recommendations),
                              (RecordType.PERSON, rel.people),
                              (RecordType.CONTRIBUTOR, rel.contributors),
                              (RecordType.TOPIC, rel.topics), (RecordType.FIGURE, rel.figures)):
            for rid in records:
                html = page.render(RecordRef(kind, rid))
                # NASTY_TEXT's markup must arrive escaped, never as markup
                assert '<a href="https://evil.example/">' not in html, html
                assert "<b>x</b>" not in html, html
        dumps(dataset)
        if paint:
            _paint(db)
    finally:
        db.close()
    return "opened"


_widget: object = None


def _paint(db: object) -> None:
    """Paint the timeline of `db` once (offscreen), at full view and zoomed in."""
    global _widget
    from PySide6.QtWidgets import QApplication

    from wsis_viewer.timeline.widget import TimelineWidget

    _ = QApplication.instance() or QApplication(["fuzz"])
    if _widget is None:
        _widget = TimelineWidget()
        _widget.resize(800, 400)  # type: ignore[attr-defined]
    widget = _widget
    widget.set_data(db.index, {})  # type: ignore[attr-defined]
    widget.grab()  # type: ignore[attr-defined]
    widget.zoom(0.05)  # type: ignore[attr-defined]
    widget.grab()  # type: ignore[attr-defined]
