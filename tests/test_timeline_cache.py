"""The timeline cache build-db stores: read back, it is exactly what the rows compute; a
missing, stale, foreign or damaged cache falls back to the rows, says so, and never crashes."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
import zlib
from pathlib import Path

import numpy as np
import pytest

from benchmarks.synthetic import generate
from wsis_viewer import paths
from wsis_viewer.domain.string_column import SortedLookup, StringColumn, sort_order
from wsis_viewer.domain.timeline_index import TimelineIndex
from wsis_viewer.domain.view_state import reporting_period
from wsis_viewer.session.loaded_database import LoadedDatabase
from wsis_viewer.store.database import open_database
from wsis_viewer.store.safe_open import MAX_VALUE_BYTES
from wsis_viewer.store.timeline_cache import (
    CACHE_TABLE,
    CHUNK_BYTES,
    CacheError,
    chunk_parts,
    compute_timeline,
    join_chunks,
)

ARRAYS = ("lane", "start", "end", "precision", "row", "lane_rows", "s_event", "s_start",
          "s_end", "n_sessions", "_end_cummax", "_s_end_cummax", "_s_by_event", "_s_offsets")


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cache") / "synthetic.sqlite"
    generate(path, 2500, with_search_index=False)
    return path


def _assert_identical(cached: TimelineIndex, computed: TimelineIndex) -> None:
    assert cached.lane_ids == computed.lane_ids
    assert list(cached.ids) == list(computed.ids)
    assert list(cached.title_en) == list(computed.title_en)
    assert list(cached.title_zh) == list(computed.title_zh)
    for name in ARRAYS:
        x, y = getattr(cached, name), getattr(computed, name)
        assert x.dtype == y.dtype and np.array_equal(x, y), name
    for i, event_id in enumerate(computed.ids):  # every id found where the rows put it
        assert cached.index_of(event_id) == i
    assert cached.index_of("no-such-event") is None
    # The bulk look-up (a search matching many events), in any order, unknown ids too.
    wanted = [*reversed(list(computed.ids)), "no-such-event", "", "会议-a-long-unknown-id"]
    expected = [*range(len(computed.ids) - 1, -1, -1), -1, -1, -1]
    assert cached.positions_of(wanted).tolist() == expected
    assert computed.positions_of(wanted).tolist() == expected


def _opened_and_computed(path: Path) -> tuple[LoadedDatabase, TimelineIndex,
                                              tuple[int, int] | None]:
    db = LoadedDatabase.open(path)
    with open_database(path) as store:
        index, bounds = compute_timeline(store)
    return db, index, bounds


@pytest.mark.parametrize("which", ["bundled", "small", "synthetic"])
def test_cached_columns_are_identical_to_the_recomputed_ones(
        request: pytest.FixtureRequest, which: str) -> None:
    path = {"bundled": paths.bundled_database(),
            "small": request.getfixturevalue("small_db"),
            "synthetic": request.getfixturevalue("synthetic_db")}[which]
    db, computed, bounds = _opened_and_computed(path)
    assert db.timeline_source == "cache"
    # Packed, not a Python str per event.
    assert isinstance(db.index.ids, StringColumn)
    assert isinstance(db.index.title_en, StringColumn)
    _assert_identical(db.index, computed)
    assert db.year_bounds() == bounds
    with open_database(path) as store:
        assert db.counts == {table: store.count(table) for table in (
            "events", "documents", "resolutions", "recommendations")}
        # The reporting period, from the conference spans the cache carries.
        assert db.period == reporting_period(store.conference_spans())
    db.close()


def _copy(src: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "copy.sqlite"
    shutil.copyfile(src, dst)
    return dst


def _edit(path: Path, *sql: str) -> None:
    con = sqlite3.connect(path)
    with con:
        for statement in sql:
            con.execute(statement)
    con.close()


def _parts(path: Path) -> dict[str, bytes]:
    con = sqlite3.connect(path)
    parts = join_chunks(list(con.execute(f"SELECT name, data FROM {CACHE_TABLE}")))
    con.close()
    return parts


def _replace_part(con: sqlite3.Connection, name: str, data: bytes) -> None:
    con.execute(f"DELETE FROM {CACHE_TABLE} WHERE name LIKE ? ESCAPE '\\'",
                (name.replace("_", "\\_") + "#%",))
    con.executemany(f"INSERT INTO {CACHE_TABLE} (name, data) VALUES (:name, :data)",
                    chunk_parts({name: data}))


def _put(path: Path, name: str, data: bytes, *, fix_checksum: bool) -> None:
    header = json.loads(_parts(path)["header"]) if fix_checksum else {}
    con = sqlite3.connect(path)
    with con:
        _replace_part(con, name, data)
        if fix_checksum:  # a forged part with a matching checksum: the invariants must catch it
            header["crc32"][name] = zlib.crc32(data)
            _replace_part(con, "header", json.dumps(header).encode())
    con.close()


def _falls_back(path: Path, caplog: pytest.LogCaptureFixture, reason: str) -> None:
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        db, computed, bounds = _opened_and_computed(path)
    assert db.timeline_source == "rows"
    assert reason in caplog.text and "computing the timeline from" in caplog.text
    _assert_identical(db.index, computed)  # the fallback is the computed timeline itself
    assert db.year_bounds() == bounds
    db.close()


def test_a_database_without_cache_opens_from_its_rows_and_says_so(
        synthetic_db: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = _copy(synthetic_db, tmp_path)
    _edit(path, f"DROP TABLE {CACHE_TABLE}")
    _falls_back(path, caplog, "has no timeline cache")


def test_a_stale_cache_is_not_used(synthetic_db: Path, tmp_path: Path,
                                   caplog: pytest.LogCaptureFixture) -> None:
    path = _copy(synthetic_db, tmp_path)
    _edit(path, "DELETE FROM sessions WHERE event_id = (SELECT min(event_id) FROM sessions)",
          "DELETE FROM events WHERE id NOT IN (SELECT event_id FROM sessions) AND id NOT IN "
          "(SELECT event_id FROM documents WHERE event_id IS NOT NULL) AND id NOT IN "
          "(SELECT event_id FROM resolution_steps WHERE event_id IS NOT NULL) AND id NOT IN "
          "(SELECT event_id FROM recommendations WHERE event_id IS NOT NULL)")
    _falls_back(path, caplog, "stale")


def test_another_version_is_not_used(synthetic_db: Path, tmp_path: Path,
                                     caplog: pytest.LogCaptureFixture) -> None:
    path = _copy(synthetic_db, tmp_path)
    header = json.loads(_parts(path)["header"])
    header["version"] = 999
    _put(path, "header", json.dumps(header).encode(), fix_checksum=False)
    _falls_back(path, caplog, "version 999")


@pytest.mark.parametrize("damage, reason", [
    (("header", b"\xff not json"), "no readable header"),
    (("start", b"\x00\x01\x02"), "checksum"),
    (("title_en.utf8", b"x"), "checksum"),
])
def test_a_damaged_cache_is_not_used(synthetic_db: Path, tmp_path: Path,
                                     caplog: pytest.LogCaptureFixture,
                                     damage: tuple[str, bytes], reason: str) -> None:
    path = _copy(synthetic_db, tmp_path)
    _put(path, *damage, fix_checksum=False)
    _falls_back(path, caplog, reason)


def _forged(parts: dict[str, bytes], name: str, change) -> bytes:  # type: ignore[no-untyped-def]
    dtype = {"id.offsets": "<i8", "precision": "i1"}.get(name, "<i4")
    values = np.frombuffer(parts[name], dtype=dtype).copy()
    change(values)
    return values.tobytes()


@pytest.mark.parametrize("name, change, reason", [
    ("lane", lambda a: a.__setitem__(0, 99), "lane is out of range"),
    ("row", lambda a: a.__setitem__(0, 10_000), "sub-row is out of range"),
    ("precision", lambda a: a.__setitem__(3, 7), "unknown precision"),
    ("start", lambda a: a.__setitem__(slice(None), a[::-1]), "not in time order"),
    ("end", lambda a: a.__setitem__(5, -10**6), "ends before it starts"),
    ("s_event", lambda a: a.__setitem__(0, 10**8), "session's event is out of range"),
    ("n_sessions", lambda a: a.__setitem__(0, a[0] + 1), "session counts disagree"),
    ("id_order", lambda a: a.__setitem__(0, a[1]), "not a permutation"),
    ("s_by_event", lambda a: a.__setitem__(0, a[1]), "not a permutation"),
    ("s_by_event", lambda a: a.__setitem__(slice(None), a[::-1]), "out of order"),
    ("id.offsets", lambda a: a.__setitem__(-1, a[-1] + 5), "do not cut its text"),
])
def test_forged_values_with_good_checksums_are_caught(  # type: ignore[no-untyped-def]
        synthetic_db: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture,
        name: str, change, reason: str) -> None:
    path = _copy(synthetic_db, tmp_path)
    _put(path, name, _forged(_parts(path), name, change), fix_checksum=True)
    _falls_back(path, caplog, reason)


def test_random_damage_to_any_part_never_crashes(synthetic_db: Path, tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    path = _copy(synthetic_db, tmp_path)
    original = _parts(path)
    for name in sorted(original):
        for fix in (False, True):
            data = bytearray(original[name])
            if data:
                data[int(rng.integers(len(data)))] ^= 0x5A
            _put(path, name, bytes(data), fix_checksum=fix and name != "header")
            db = LoadedDatabase.open(path)  # must not raise, whatever the part holds
            assert len(db.index) == 2500
            db.close()
            _put(path, name, original[name], fix_checksum=False)


def test_an_empty_database_has_an_empty_cache(tmp_path: Path) -> None:
    from wsis_viewer.domain.model import Dataset
    from wsis_viewer.store.build import write_database

    path = tmp_path / "empty.sqlite"
    write_database(Dataset(), path)
    db = LoadedDatabase.open(path)
    assert db.timeline_source == "cache" and len(db.index) == 0
    assert db.year_bounds() is None and db.index.positions_of(["x"]).tolist() == [-1]
    assert db.index.index_of("x") is None
    db.close()


def test_string_column_and_sorted_lookup() -> None:
    values = ["ev-2", "会议", "", "ev-10", "Ä", "ev-1"]
    column = StringColumn.from_strings(values)
    assert list(column) == values and len(column) == 6 and column[-1] == "ev-1"
    assert column[1:3] == ["会议", ""]
    with pytest.raises(IndexError):
        column[6]
    lookup = SortedLookup(column, sort_order(column))
    assert {v: lookup.get(v) for v in values} == {v: i for i, v in enumerate(values)}
    assert lookup.get("ev-3") is None
    assert lookup.positions(["ev-1", "会议", "ev-3", "", "ev-10", "x" * 40]).tolist() == [
        5, 1, -1, 2, 3, -1]
    # A wrong order (untrusted file) makes a lookup miss, never answer a wrong position.
    wrong = SortedLookup(column, np.arange(6, dtype=np.int32)[::-1].copy())
    for v in values:
        assert wrong.get(v) in (None, values.index(v))
    assert all(p in (-1, values.index(v)) for v, p in zip(values, wrong.positions(values),
                                                           strict=True))


def test_a_cache_bigger_than_the_value_limit_is_stored_in_chunks_and_used(
        tmp_path: Path) -> None:
    """Every database is opened with a 1 MiB limit on any one value (store/safe_open.py); the
    titles of 40,000 events alone are bigger, and stored whole they made every big database
    fall back to its rows (seconds at 100,000 events)."""
    path = tmp_path / "big.sqlite"
    generate(path, 40_000, with_search_index=False)
    parts = _parts(path)
    assert max(len(v) for v in parts.values()) > MAX_VALUE_BYTES  # what the chunks are for
    con = sqlite3.connect(path)
    stored = [len(data) for (data,) in con.execute(f"SELECT data FROM {CACHE_TABLE}")]
    con.close()
    assert max(stored) <= CHUNK_BYTES < MAX_VALUE_BYTES
    db, computed, _bounds = _opened_and_computed(path)
    assert db.timeline_source == "cache"
    _assert_identical(db.index, computed)
    db.close()


@pytest.mark.parametrize(("rows", "reason"), [
    ([("header", b"{}")], "not a numbered chunk"),
    ([("header#x", b"{}")], "not a numbered chunk"),
    ([("header#01", b"{}")], "not a numbered chunk"),
    ([("start#0", b"a"), ("start#2", b"c")], "is missing"),
    ([("start#0", b"a"), ("start#0", b"b")], "stored twice"),
])
def test_badly_chunked_parts_are_refused(rows: list[tuple[str, bytes]], reason: str) -> None:
    with pytest.raises(CacheError, match=reason):
        join_chunks(rows)


def test_chunks_join_back_to_the_parts() -> None:
    parts = {"a": b"", "b": bytes(range(256)) * (CHUNK_BYTES // 100), "c#d": b"x"}
    rows = [(str(r["name"]), bytes(r["data"])) for r in chunk_parts(parts)]  # type: ignore[call-overload]
    assert len(rows) > 4
    assert join_chunks(list(reversed(rows))) == parts
