"""The store's columnar fast paths equal its row-based reads, and the loaded database uses them."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from benchmarks.synthetic import generate
from wsis_viewer import paths
from wsis_viewer.domain.lanes import ordered_lanes
from wsis_viewer.domain.timeline_index import TimelineIndex
from wsis_viewer.session.loaded_database import LoadedDatabase
from wsis_viewer.store.database import Store, TimelineColumns, iso_days, open_database
from wsis_viewer.store.problems import DatabaseError

_EPOCH = dt.date(1970, 1, 1)


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synthetic") / "synthetic.sqlite"
    generate(path, 3000)
    return path


def _databases(request: pytest.FixtureRequest) -> list[Path]:
    return [paths.bundled_database(), request.getfixturevalue("small_db"),
            request.getfixturevalue("synthetic_db")]


def _days(iso: str) -> int:
    return (dt.date.fromisoformat(iso) - _EPOCH).days


def _assert_columns_equal_rows(store: Store, cols: TimelineColumns) -> None:
    rows = store.event_rows()
    assert cols.id == [r.id for r in rows]  # (start, id) order, as ORDER BY start, id
    assert cols.lane == [r.lane for r in rows]
    assert cols.precision == [r.precision for r in rows]
    assert cols.title_en == [r.title_en or "" for r in rows]
    assert cols.title_zh == [r.title_zh or "" for r in rows]
    # Dates: exactly the day the ISO text names, as date.fromisoformat reads it (no shift).
    assert cols.start.dtype == np.int64 and cols.end.dtype == np.int64
    assert cols.start.tolist() == [_days(r.start) for r in rows]
    assert cols.end.tolist() == [_days(r.end) for r in rows]
    sessions = store.session_rows()
    assert cols.session_event == [s[0] for s in sessions]
    assert cols.session_start.tolist() == [_days(s[2]) for s in sessions]
    assert cols.session_end.tolist() == [_days(s[3]) for s in sessions]


def _assert_same_index(a: TimelineIndex, b: TimelineIndex) -> None:
    assert a.ids == b.ids and a.lane_ids == b.lane_ids
    assert a.title_en == b.title_en and a.title_zh == b.title_zh
    for name in ("lane", "start", "end", "precision", "row", "lane_rows", "s_event", "s_start",
                 "s_end", "n_sessions", "_end_cummax", "_s_end_cummax", "_s_by_event",
                 "_s_offsets"):
        x, y = getattr(a, name), getattr(b, name)
        assert x.dtype == y.dtype and np.array_equal(x, y), name
    assert a._id_to_index == b._id_to_index


@pytest.mark.parametrize("which", [0, 1, 2], ids=["bundled", "small", "synthetic"])
def test_columns_equal_rows_and_build_the_same_index(request: pytest.FixtureRequest,
                                                     which: int) -> None:
    db = _databases(request)[which]
    with open_database(db) as store:
        cols = store.timeline_columns()
        assert len(cols) == store.count("events") > 0
        _assert_columns_equal_rows(store, cols)
        lanes = [lane.id for lane in ordered_lanes(cols.lane)]
        from_rows = TimelineIndex.from_rows(store.event_rows(), store.session_rows(), lanes)
        _assert_same_index(TimelineIndex.from_columns(cols, lanes), from_rows)


def test_columns_sort_ties_by_id_and_keep_dates(tmp_path: Path, synthetic_db: Path) -> None:
    """Rows stored out of order (and in a different order than their ids) come back in
    (start, id) order; dates around the epoch, leap days and old years do not shift."""
    db = tmp_path / "shuffled.sqlite"
    db.write_bytes(synthetic_db.read_bytes())
    con = sqlite3.connect(db)
    tricky = [("zz-late", "1969-12-31", "1970-01-01"), ("aa-early", "1969-12-31", "1969-12-31"),
              ("mm-leap", "2000-02-29", "2000-03-01"), ("old", "1900-03-01", "1900-03-01"),
              ("Z-upper", "1969-12-31", "1969-12-31")]
    with con:
        for eid, start, end in tricky:
            con.execute("INSERT INTO events (id, kind, lane, title_zh, title_en, "
                        "title_en_is_translation, start, \"end\", precision) "
                        "VALUES (?, 'council-session', 'council', ?, ?, 0, ?, ?, 'day')",
                        (eid, f"标题{eid}", f"Title {eid}", start, end))
    con.close()
    with open_database(db) as store:
        cols = store.timeline_columns()
        _assert_columns_equal_rows(store, cols)
    first = cols.id[:3]
    assert first == ["old", "Z-upper", "aa-early"]  # BINARY order of ids: upper case first
    at = {eid: k for k, eid in enumerate(cols.id)}
    assert cols.start[at["zz-late"]] == -1 and cols.end[at["zz-late"]] == 0
    assert cols.start[at["mm-leap"]] == _days("2000-02-29")
    assert cols.start[at["old"]] == _days("1900-03-01")


def test_iso_days_never_shift_and_reject_non_dates() -> None:
    texts = ["1970-01-01", "1969-12-31", "2000-02-29", "2013-05-30", "2038-01-19", "1900-03-01"]
    assert iso_days(texts).tolist() == [_days(t) for t in texts]
    assert iso_days([]).tolist() == []
    for bad in ("", "NaT", "2013-02-30", "soon"):
        with pytest.raises(ValueError):
            iso_days(["2013-01-01", bad])


def test_bad_date_in_database_is_a_database_error(tmp_path: Path, synthetic_db: Path) -> None:
    db = tmp_path / "bad.sqlite"
    db.write_bytes(synthetic_db.read_bytes())
    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE events SET start = 'NaT' WHERE id = (SELECT min(id) FROM events)")
    con.close()
    # Refused at open, naming the table, the record and the column (no later surprise).
    with pytest.raises(DatabaseError, match=r"table 'events', record 'ev\d+', column 'start'"):
        open_database(db)


def test_fast_paths_stay_read_only(synthetic_db: Path) -> None:
    with open_database(synthetic_db) as store:
        raw = store.engine.raw_connection()
        try:
            with pytest.raises(sqlite3.OperationalError, match="readonly"):
                raw.cursor().execute("DELETE FROM events")
        finally:
            raw.close()
        assert len(store.timeline_columns()) == 3000


def test_loaded_database_matches_row_based_build(synthetic_db: Path) -> None:
    db = LoadedDatabase.open(synthetic_db)
    with open_database(synthetic_db) as store:
        rows = store.event_rows()
        lanes = ordered_lanes(r.lane for r in rows)
        index = TimelineIndex.from_rows(rows, store.session_rows(), [lane.id for lane in lanes])
        dataset = store.load()
    _assert_same_index(db.index, index)
    assert db.lanes == tuple(lanes)
    assert list(db.event_ids) == list(index.ids)
    by_id = {e.id: e for e in dataset.events}
    for query, words in (("第22次", ["第22次"]), ("council 2012", ["council", "2012"]),
                         # a one-character term beside longer ones: a substring ("37" too)
                         ("meeting 7 (2013)", ["meeting", "7", "2013"])):
        # What an event's own text holds: titles, id and place (synthetic events have no more).
        expected = [i for i in index.ids if all(w in " ".join(
            [by_id[i].title.en, by_id[i].title.zh, i, by_id[i].location or ""]).lower()
            for w in words)]
        assert expected and db.find(query) == expected  # in the database's index, time order
    assert db.year_bounds() == (min(e.start.year for e in dataset.events),
                                max(e.end.year for e in dataset.events))
    assert db.counts == {"events": len(dataset.events), "documents": len(dataset.documents),
                         "resolutions": len(dataset.resolutions),
                         "recommendations": len(dataset.recommendations)}
    assert db.dataset == dataset  # read on first use
    assert db.event(rows[0].id) == dataset.event(rows[0].id)
    assert db._store is not None  # kept open: the window reads records by key while shown
    db.close()
    assert db._store is None


def test_loaded_database_close_before_dataset(synthetic_db: Path) -> None:
    db = LoadedDatabase.open(synthetic_db)
    assert db.has_events()
    db.close()
    assert db.find("meeting 7")  # search has its own connections: closing does not stop it
    with pytest.raises(RuntimeError):
        _ = db.dataset
