"""Stacking, the timeline's columnar index and its look-ups (Qt-free)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pytest

from wsis_viewer.domain.stacking import stack_intervals
from wsis_viewer.domain.timeline_index import (
    DAY,
    PRECISION_YEAR,
    TimelineIndex,
    date_to_x,
    iso_to_x,
    x_to_date,
)


@dataclass(frozen=True)
class Row:
    id: str
    lane: str
    kind: str
    start: str
    end: str
    precision: str = "day"
    title_en: str = ""
    title_zh: str = ""


def _no_overlap(group, start, end, rows):
    for g in set(group.tolist()):
        for r in set(rows[group == g].tolist()):
            sel = np.flatnonzero((group == g) & (rows == r))
            order = sel[np.argsort(start[sel])]
            assert np.all(end[order][:-1] <= start[order][1:])


def test_stacking_separates_overlaps_and_uses_few_rows():
    group = np.array([0, 0, 0, 0, 1])
    start = np.array([0.0, 5.0, 10.0, 2.0, 0.0])
    end = np.array([6.0, 12.0, 15.0, 4.0, 100.0])
    rows, counts = stack_intervals(group, start, end)
    _no_overlap(group, start, end, rows)
    assert counts.tolist() == [2, 1]  # at most two of lane 0 overlap at any time
    assert rows[0] == 0 and rows[2] == 0  # [0,6) and [10,15) share the first row


def test_stacking_gap_keeps_touching_items_apart():
    rows, counts = stack_intervals([0, 0], [0.0, 10.0], [10.0, 20.0], gap=1.0)
    assert rows.tolist() == [0, 1] and counts.tolist() == [2]
    rows, _ = stack_intervals([0, 0], [0.0, 10.0], [10.0, 20.0])
    assert rows.tolist() == [0, 0]


def test_stacking_random_never_overlaps():
    rng = np.random.default_rng(1)
    group = rng.integers(0, 4, 500)
    start = rng.uniform(0, 1000, 500)
    end = start + rng.uniform(0.1, 50, 500)
    rows, counts = stack_intervals(group, start, end)
    _no_overlap(group, start, end, rows)
    assert all(counts[g] == rows[group == g].max() + 1 for g in range(4))


def _stack_reference(group, start, end, gap=0.0):
    """The greedy as first written: per group in order of start, (free-at, row) tuples in a
    heap, each item takes the lowest free row. The fast version must give the same rows."""
    import heapq

    g = np.asarray(group, dtype=np.int64)
    s = np.asarray(start, dtype=np.float64)
    e = np.asarray(end, dtype=np.float64)
    counts = np.zeros(int(g.max()) + 1 if len(g) else 0, dtype=np.int32)
    rows = [0] * len(g)
    order = np.lexsort((s, g))
    for chunk in np.split(order, np.flatnonzero(np.diff(g[order])) + 1):
        if not len(chunk):
            continue
        busy: list[tuple[float, int]] = []
        free: list[int] = []
        n_rows = 0
        for i in chunk.tolist():
            while busy and busy[0][0] <= s[i]:
                heapq.heappush(free, heapq.heappop(busy)[1])
            if free:
                row = heapq.heappop(free)
            else:
                row, n_rows = n_rows, n_rows + 1
            rows[i] = row
            heapq.heappush(busy, (max(float(e[i]), float(s[i])) + gap, row))
        counts[g[chunk[0]]] = n_rows
    return np.asarray(rows, dtype=np.int32), counts


@pytest.mark.parametrize("seed", range(40))
def test_stacking_equals_reference_on_random_inputs(seed):
    """Same rows and counts as the tuple-heap greedy: whole days with many ties (what the
    timeline stacks), arbitrary floats, unsorted input, empty groups, reversed and zero-length
    intervals, infinities, NaN, with and without a gap."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 3000))
    n_groups = int(rng.integers(1, 8))
    group = rng.integers(0, n_groups, n) * int(rng.integers(1, 3))  # maybe unused groups
    if seed % 3 == 0:  # whole days, many equal starts and ends
        start = rng.integers(0, 400, n).astype(np.float64) * DAY
        end = start + rng.integers(0, 30, n) * DAY
    else:
        start = rng.uniform(-50, 1000, n)
        end = start + rng.exponential(rng.uniform(1, 60), n)
    if seed % 4 == 1:
        start = np.sort(start)  # the timeline's case: input in time order
    if seed % 5 == 2:  # reversed and zero-length intervals
        flip = rng.random(n) < 0.1
        end[flip] = start[flip] - rng.uniform(0, 5, int(flip.sum()))
        same = rng.random(n) < 0.1
        end[same] = start[same]
    if seed % 7 == 3:
        end[rng.integers(0, n)] = np.inf
        start[rng.integers(0, n)] = -np.inf
    if seed % 11 == 4:
        start[rng.integers(0, n)] = np.nan
        end[rng.integers(0, n)] = np.nan
    gap = float(rng.choice([0.0, 0.5, DAY / 2, 3.0]))
    rows, counts = stack_intervals(group, start, end, gap=gap)
    ref_rows, ref_counts = _stack_reference(group, start, end, gap=gap)
    assert rows.dtype == np.int32 and counts.dtype == np.int32
    assert np.array_equal(rows, ref_rows)
    assert np.array_equal(counts, ref_counts)
    finite = np.isfinite(start) & np.isfinite(end) & (end >= start)
    if finite.all():
        _no_overlap(group, start, end + gap, rows)


def test_stacking_empty_and_bad_shapes():
    rows, counts = stack_intervals([], [], [])
    assert len(rows) == 0 and len(counts) == 0
    with pytest.raises(ValueError):
        stack_intervals([0, 1], [0.0], [1.0])


def test_dates_are_utc_days():
    assert date_to_x(dt.date(1970, 1, 2)) == DAY
    assert x_to_date(date_to_x(dt.date(2013, 5, 30)) + DAY - 1) == dt.date(2013, 5, 30)
    assert x_to_date(date_to_x(dt.date(2013, 5, 30)) - 1) == dt.date(2013, 5, 29)
    assert iso_to_x(["2013-05-30"])[0] == date_to_x(dt.date(2013, 5, 30))


@pytest.fixture
def index() -> TimelineIndex:
    rows = [
        Row("a", "cwg", "m", "2013-01-01", "2013-01-03", title_en="A"),
        Row("y", "council", "c", "2013-01-01", "2013-12-31", "year", "Year item"),
        Row("b", "cwg", "m", "2013-01-02", "2013-01-02", title_en="B"),  # overlaps a
        Row("c", "cwg", "m", "2013-02-10", "2013-03-01", title_en="C"),
        Row("d", "council", "c", "2013-06-11", "2013-06-20", title_en="D"),
        Row("e", "unga", "u", "2014-07-31", "2014-07-31", title_en="E"),
    ]
    sessions = [("c", 1, "2013-02-10", "2013-02-11"), ("c", 2, "2013-03-01", "2013-03-01"),
                ("zz-unknown", 1, "2013-01-01", "2013-01-01")]
    return TimelineIndex.from_rows(rows, sessions, lane_order=["cwg", "council", "unga"])


def test_from_rows_columns(index: TimelineIndex):
    assert index.ids == ["a", "y", "b", "c", "d", "e"]
    assert index.lane_ids == ("cwg", "council", "unga")
    a = index.index_of("a")
    assert index.start[a] == date_to_x(dt.date(2013, 1, 1))
    assert index.end[a] == date_to_x(dt.date(2013, 1, 4))  # inclusive end → exclusive x
    assert index.precision[index.index_of("y")] == PRECISION_YEAR
    assert index.row[a] != index.row[index.index_of("b")]
    assert index.lane_rows.tolist() == [2, 2, 1]  # "y" and "d" overlap in the council lane
    c = index.index_of("c")
    assert index.n_sessions[c] == 2
    assert [x_to_date(s) for s, _ in index.sessions_of(c)] == [dt.date(2013, 2, 10),
                                                             dt.date(2013, 3, 1)]
    # Events without session rows get one session over their span.
    assert index.sessions_of(a) == [(index.start[a], index.end[a])]
    assert index.index_of("zz-unknown") is None


def test_events_in_range_finds_long_items(index: TimelineIndex):
    x0, x1 = date_to_x(dt.date(2013, 8, 1)), date_to_x(dt.date(2013, 9, 1))
    assert [index.ids[i] for i in index.events_in_range(x0, x1)] == ["y"]
    x0, x1 = date_to_x(dt.date(2013, 1, 3)), date_to_x(dt.date(2013, 1, 4))
    assert [index.ids[i] for i in index.events_in_range(x0, x1)] == ["a", "y"]
    assert len(index.events_in_range(date_to_x(dt.date(2020, 1, 1)),
                                     date_to_x(dt.date(2021, 1, 1)))) == 0


def test_sessions_in_range(index: TimelineIndex):
    x0, x1 = date_to_x(dt.date(2013, 2, 15)), date_to_x(dt.date(2013, 2, 20))
    found = index.sessions_in_range(x0, x1)
    assert [index.ids[index.s_event[s]] for s in found] == ["y"]  # c's gap is empty


def test_hit_test(index: TimelineIndex):
    a, b = index.index_of("a"), index.index_of("b")
    x = date_to_x(dt.date(2013, 1, 2)) + DAY / 2
    assert index.hit_test(x, 0, int(index.row[a])) == a
    assert index.hit_test(x, 0, int(index.row[b])) == b
    assert index.hit_test(x, 2, 0) is None
    far = date_to_x(dt.date(2013, 1, 10))
    assert index.hit_test(far, 0, int(index.row[a])) is None
    assert index.hit_test(far, 0, int(index.row[a]), tolerance=7 * DAY) == a
    mask = np.ones(len(index), bool)
    mask[a] = False
    assert index.hit_test(x, 0, int(index.row[a]), mask=mask) is None


def test_adjacent_in_time(index: TimelineIndex):
    order = []
    i = index.adjacent_in_time(None, 1)
    while i is not None:
        order.append(index.ids[i])
        i = index.adjacent_in_time(i, 1)
    assert order == ["a", "y", "b", "c", "d", "e"]
    assert index.adjacent_in_time(None, -1) == index.index_of("e")
    assert index.adjacent_in_time(index.index_of("c"), -2) == index.index_of("y")
    mask = index.lane_mask([0])  # only the cwg lane
    assert index.adjacent_in_time(index.index_of("a"), 1, mask) == index.index_of("b")
    # From a hidden event, the next visible one after it in time.
    assert index.adjacent_in_time(index.index_of("y"), 1, mask) == index.index_of("b")
    assert index.adjacent_in_time(index.index_of("y"), -1, mask) == index.index_of("a")
    assert index.adjacent_in_time(index.index_of("e"), 1) is None


def test_lane_navigation(index: TimelineIndex):
    c = index.index_of("c")
    # From "c" (February 2013) down to the council lane: the year item contains February.
    assert index.adjacent_lane(c, 1, [0, 1, 2]) == index.index_of("y")
    mask = np.ones(len(index), bool)
    mask[index.index_of("y")] = False
    assert index.adjacent_lane(c, 1, [0, 1, 2], mask) == index.index_of("d")
    # Skips a lane with nothing in it.
    assert index.adjacent_lane(c, 1, [0, 2]) == index.index_of("e")
    assert index.adjacent_lane(c, -1, [0, 1, 2]) is None
    assert index.nearest_in_lane(2, 0.0) == index.index_of("e")


def test_masks(index: TimelineIndex):
    x0 = date_to_x(dt.date(2013, 6, 1))
    kept = [index.ids[i] for i in np.flatnonzero(index.date_mask(x0, None))]
    assert kept == ["y", "d", "e"]
    assert index.lane_mask([2]).sum() == 1


def test_empty_index():
    index = TimelineIndex.from_rows([], [])
    assert len(index) == 0
    assert index.extent() == (0.0, DAY)
    assert index.adjacent_in_time(None, 1) is None


@dataclass(frozen=True)
class Columns:
    id: list[str]
    lane: list[str]
    start: np.ndarray
    end: np.ndarray
    precision: list[str]
    title_en: list[str]
    title_zh: list[str]
    session_event: list[str]
    session_start: np.ndarray
    session_end: np.ndarray


def _days(*texts: str) -> np.ndarray:
    return np.array([(dt.date.fromisoformat(t) - dt.date(1970, 1, 1)).days for t in texts],
                    dtype=np.int64)


def test_from_columns_equals_from_rows(index: TimelineIndex):
    # The fixture's rows as columns: events in (start, id) order, sessions in (event, seq) order.
    cols = Columns(
        id=["a", "y", "b", "c", "d", "e"],
        lane=["cwg", "council", "cwg", "cwg", "council", "unga"],
        start=_days("2013-01-01", "2013-01-01", "2013-01-02", "2013-02-10", "2013-06-11",
                    "2014-07-31"),
        end=_days("2013-01-03", "2013-12-31", "2013-01-02", "2013-03-01", "2013-06-20",
                  "2014-07-31"),
        precision=["day", "year", "day", "day", "day", "day"],
        title_en=["A", "Year item", "B", "C", "D", "E"], title_zh=[""] * 6,
        session_event=["c", "c", "zz-unknown"],
        session_start=_days("2013-02-10", "2013-03-01", "2013-01-01"),
        session_end=_days("2013-02-11", "2013-03-01", "2013-01-01"))
    built = TimelineIndex.from_columns(cols, lane_order=["cwg", "council", "unga"])
    assert built.ids == index.ids and built.lane_ids == index.lane_ids
    assert built.title_en == index.title_en and built.title_zh == index.title_zh
    for name in ("lane", "start", "end", "precision", "row", "lane_rows", "s_event", "s_start",
                 "s_end", "n_sessions"):
        assert np.array_equal(getattr(built, name), getattr(index, name)), name
    assert built.sessions_of(built.index_of("c")) == index.sessions_of(index.index_of("c"))
    # The columns' day arrays are not modified (the index widens its own copies).
    assert cols.start[3] == _days("2013-02-10")[0]
    # Day numbers are UTC days: day 0 is 1970-01-01, never shifted by a time zone.
    assert x_to_date(built.start[0]) == dt.date(2013, 1, 1)


def test_from_columns_sorts_unsorted_input_and_handles_empty():
    cols = Columns(id=["late", "early"], lane=["x", "x"], start=_days("2014-01-01", "2013-01-01"),
                   end=_days("2014-01-01", "2013-01-01"), precision=["day", "bogus"],
                   title_en=["L", "E"], title_zh=["", ""], session_event=[],
                   session_start=_days(), session_end=_days())
    built = TimelineIndex.from_columns(cols)
    assert built.ids == ["early", "late"] and built.title_en == ["E", "L"]
    assert built.precision.tolist() == [0, 0]  # unknown precision counts as day
    empty = Columns([], [], _days(), _days(), [], [], [], [], _days(), _days())
    assert len(TimelineIndex.from_columns(empty)) == 0
