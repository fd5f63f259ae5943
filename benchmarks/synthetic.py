"""Write a synthetic WSIS database of any size in the real schema.

The file is created with the schema's own `create_all` and stamped exactly like
`wsis_viewer.store.build.write_database` does (application_id, user_version, meta rows), so
`open_database` accepts it. Rows go in with sqlite3 `executemany` in chunks, straight from
numpy arrays: a million events never become a million dataclasses.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy as np
from sqlalchemy import create_engine

from wsis_viewer.store import schema as s
from wsis_viewer.store.lookup_indexes import write_lookup_indexes
from wsis_viewer.store.search_index import build_search_index
from wsis_viewer.store.timeline_cache import write_timeline_cache

# Ten lanes: the seven the viewer knows plus three of the kinds that fall into "other" in the
# real data, so the synthetic timeline is as crowded vertically as a busy real one could be.
LANES: tuple[tuple[str, str, str, str], ...] = (
    # lane, kind, English title stem, Chinese title stem
    ("cwg-wsis", "cwg-wsis-meeting", "Council Working Group on WSIS", "理事会WSIS工作组"),
    ("council", "council-session", "ITU Council", "国际电联理事会"),
    ("plenipotentiary", "plenipotentiary-conference", "Plenipotentiary Conference", "全权代表大会"),
    ("wsis-forum", "wsis-forum", "WSIS Forum", "WSIS论坛"),
    ("unga", "unga", "UN General Assembly", "联合国大会"),
    ("consultation", "consultation", "Open Consultation", "公开磋商"),
    ("other", "summit", "Summit", "峰会"),
    ("advisory-group", "advisory-group", "Advisory Group", "咨询组"),
    ("working-group", "working-group", "Expert Working Group", "专家工作组"),
    ("observance", "observance", "World Telecommunication Day", "世界电信日"),
)
_PLACES = ("Geneva", "Busan", "New York", "Tunis", "Mexico City", "Guadalajara", "Dubai")
_CHUNK = 20_000
_EPOCH = np.datetime64("1970-01-01", "D")


def _iso(days: np.ndarray) -> list[str]:
    return np.datetime_as_string(_EPOCH + days.astype("timedelta64[D]"), unit="D").tolist()


def _day(year: int, month: int = 1, day: int = 1) -> int:
    return (dt.date(year, month, day) - dt.date(1970, 1, 1)).days


def generate(path: Path, n_events: int, seed: int = 20131107, *,
             with_search_index: bool = True, with_timeline_cache: bool = True) -> None:
    """Create `path` (replacing it) with `n_events` synthetic events and related rows.

    `with_search_index=False` leaves out the search tables, like a database built by an
    older version of `build-db`; `with_timeline_cache=False` leaves out the precomputed
    timeline columns (store/timeline_cache.py) the same way."""
    path = Path(path)
    path.unlink(missing_ok=True)
    engine = create_engine(f"sqlite+pysqlite:///{path}")
    s.Base.metadata.create_all(engine)
    engine.dispose()

    rng = np.random.default_rng(seed)
    n = n_events
    lane_i = rng.integers(0, len(LANES), n)
    # Most activity in 2010-2014 (the report's period), a thinner tail back to 2002 and to 2015.
    core = rng.random(n) < 0.8
    lo = np.where(core, _day(2010, 1), _day(2002, 1))
    hi = np.where(core, _day(2015, 1), _day(2016, 1))
    start = rng.integers(lo, hi)
    kind_roll = rng.random(n)
    precision = np.full(n, "day", dtype=object)
    is_month = (kind_roll >= 0.87) & (kind_roll < 0.95)
    is_year = kind_roll >= 0.95
    is_multi_session = (kind_roll >= 0.75) & (kind_roll < 0.87)
    is_single_day = (kind_roll >= 0.45) & (kind_roll < 0.75)
    length = rng.integers(2, 6, n)  # days of a multi-day meeting
    length[is_single_day] = 1
    end = start + length - 1

    # Month- and year-precision items span their whole month / year.
    dates = (_EPOCH + start.astype("timedelta64[D]"))
    month_start = dates.astype("datetime64[M]")
    year_start = dates.astype("datetime64[Y]")
    m0 = (month_start.astype("datetime64[D]") - _EPOCH).astype(np.int64)
    m1 = ((month_start + 1).astype("datetime64[D]") - _EPOCH).astype(np.int64) - 1
    y0 = (year_start.astype("datetime64[D]") - _EPOCH).astype(np.int64)
    y1 = ((year_start + 1).astype("datetime64[D]") - _EPOCH).astype(np.int64) - 1
    start = np.where(is_month, m0, np.where(is_year, y0, start))
    end = np.where(is_month, m1, np.where(is_year, y1, end))
    precision[is_month] = "month"
    precision[is_year] = "year"

    # Multi-session meetings: 2-3 sittings separated by gaps of 2-40 days.
    n_sess = np.where(is_multi_session, rng.integers(2, 4, n), 1)
    sess_rows: list[tuple[str, int, str, str, None, None, None, None, None]] = []
    ids = [f"ev{i:07d}" for i in range(n)]
    start_iso = _iso(start)
    multi = np.flatnonzero(is_multi_session)
    gaps = rng.integers(2, 41, (n, 3))
    sess_len = rng.integers(1, 4, (n, 3))
    for i in multi.tolist():
        d = int(start[i])
        for k in range(int(n_sess[i])):
            e = d + int(sess_len[i, k]) - 1
            sess_rows.append((ids[i], k + 1, _iso(np.array([d]))[0], _iso(np.array([e]))[0],
                              None, None, None, None, None))
            last = e
            d = e + int(gaps[i, k])
        end[i] = last
    end_iso = _iso(end)
    single = np.flatnonzero(~is_multi_session)
    for i in single.tolist():
        sess_rows.append((ids[i], 1, start_iso[i], end_iso[i], None, None, None, None, None))

    number = rng.integers(1, 60, n)
    year = (dates.astype("datetime64[Y]").astype(np.int64) + 1970).tolist()
    events = (
        (ids[i], LANES[li][1], LANES[li][0], int(number[i]),
         f"{LANES[li][3]}第{number[i]}次会议", f"{LANES[li][2]}, meeting {number[i]} ({year[i]})",
         0, start_iso[i], end_iso[i], precision[i], _PLACES[i % len(_PLACES)], None, None, None)
        for i, li in enumerate(lane_i.tolist()))

    # Documents: about one per event, symbols like "C13/85" and "CWG-WSIS/22/4".
    n_docs = n
    doc_event = rng.integers(0, n, n_docs)
    doc_year = np.asarray(year)[doc_event] % 100
    documents = (
        (f"C{doc_year[k]:02d}/{k + 1}" if k % 2 == 0 else f"CWG-WSIS/{doc_year[k]:02d}/{k + 1}",
         "contribution", f"文件{k + 1}", f"Contribution {k + 1} on WSIS follow-up", 0,
         "Secretary-General", ids[int(doc_event[k])], None, None)
        for k in range(n_docs))
    doc_symbol = [f"C{doc_year[k]:02d}/{k + 1}" if k % 2 == 0
                  else f"CWG-WSIS/{doc_year[k]:02d}/{k + 1}" for k in range(n_docs)]
    cons_pick = rng.choice(n_docs, size=n_docs // 2, replace=False)
    cons_event = rng.integers(0, n, len(cons_pick))
    considerations = ((doc_symbol[int(d)], ids[int(e)], 1, "noted")
                      for d, e in zip(cons_pick.tolist(), cons_event.tolist(), strict=True))

    # Resolutions (numbers like "1334") and their steps at events; recommendations and links.
    n_res = max(1, n // 50)
    res_ids = [f"res-{1000 + k}" for k in range(n_res)]
    resolutions = ((res_ids[k], "council", str(1000 + k), f"第{1000 + k}号决议",
                    f"Resolution {1000 + k} on WSIS", 0, None, None) for k in range(n_res))
    step_event = rng.integers(0, n, (n_res, 3))
    steps = ((res_ids[k], j + 1, ("adopted", "revised", "noted")[j], int(year[step_event[k, j]]),
              ids[int(step_event[k, j])], None, None)
             for k in range(n_res) for j in range(3))
    n_rec = max(1, n // 100)
    rec_event = rng.integers(0, n, n_rec)
    recommendations = ((f"rec-{k}", f"R{k}", f"建议{k}", f"Recommendation {k}", 0, "noted",
                        ids[int(rec_event[k])], None) for k in range(n_rec))
    links = ((f"rec-{k}", "resolution", res_ids[k % n_res], 1) for k in range(n_rec))

    con = sqlite3.connect(path)
    try:
        con.execute(f"PRAGMA application_id = {s.APPLICATION_ID}")
        con.execute(f"PRAGMA user_version = {s.SCHEMA_VERSION}")
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        with con:
            con.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", [
                ("schema_version", str(s.SCHEMA_VERSION)),
                ("built_from", f"benchmarks.synthetic (events={n}, seed={seed})")])
            _insert(con, "events", 14, events)
            _insert(con, "sessions", 9, sess_rows)
            _insert(con, "documents", 9, documents)
            _insert(con, "considerations", 4, considerations)
            _insert(con, "resolutions", 8, resolutions)
            _insert(con, "resolution_steps", 7, steps)
            _insert(con, "recommendations", 8, recommendations)
            _insert(con, "recommendation_links", 4, links)
        with con:  # as build-db does: the indexes its reads by key use
            write_lookup_indexes(con)
        if with_search_index:
            with con:  # as build-db does: the full-text search tables inside the database
                build_search_index(con)
    finally:
        con.close()
    if with_timeline_cache:  # as build-db does, from the rows just written
        engine = create_engine(f"sqlite+pysqlite:///{path}")
        try:
            write_timeline_cache(engine)
        finally:
            engine.dispose()


def _chunks(rows: Iterable[tuple[object, ...]]) -> Iterator[list[tuple[object, ...]]]:
    chunk: list[tuple[object, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _insert(con: sqlite3.Connection, table: str, n_cols: int,
            rows: Iterable[tuple[object, ...]]) -> None:
    marks = ", ".join("?" * n_cols)
    for chunk in _chunks(rows):
        con.executemany(f'INSERT INTO "{table}" VALUES ({marks})', chunk)
