"""Columnar arrays of everything the timeline draws, and the look-ups its interaction needs.

Qt-free. Dates become x coordinates: seconds since 1970-01-01 00:00 UTC of the day's start, so a
day d covers [x(d), x(d) + 86400). Dates are treated as UTC days throughout; no local time zone
can shift an item by a day. Event ends are stored exclusive (the day after the inclusive end).

Events keep the order of `event_rows()` (start, then id): index order *is* time order, which
makes "next / previous event in time" an index step and visible-range culling a binary search.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import numpy.typing as npt

from wsis_viewer.domain.stacking import stack_intervals
from wsis_viewer.domain.string_column import SortedLookup

DAY = 86_400.0
_EPOCH = dt.date(1970, 1, 1)

PRECISIONS: tuple[str, ...] = ("day", "month", "year")
PRECISION_DAY, PRECISION_MONTH, PRECISION_YEAR = 0, 1, 2


class _PrecisionCode(dict[str, int]):
    """PRECISIONS name → code; anything else counts as day precision."""

    def __missing__(self, key: str) -> int:
        return PRECISION_DAY


_PRECISION_CODE = _PrecisionCode({p: i for i, p in enumerate(PRECISIONS)})

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int32]
BoolArray = npt.NDArray[np.bool_]


class EventRowLike(Protocol):
    """What `Store.event_rows()` yields (EventRowTuple); any object with these fields works."""

    @property
    def id(self) -> str: ...
    @property
    def lane(self) -> str: ...
    @property
    def start(self) -> str: ...
    @property
    def end(self) -> str: ...
    @property
    def precision(self) -> str: ...
    @property
    def title_en(self) -> str: ...
    @property
    def title_zh(self) -> str: ...


class TimelineColumnsLike(Protocol):
    """What `Store.timeline_columns()` returns: one list or array per column, events in time
    order, dates as UTC day numbers (days since 1970-01-01), ends inclusive."""

    @property
    def id(self) -> Sequence[str]: ...
    @property
    def lane(self) -> Sequence[str]: ...
    @property
    def start(self) -> npt.NDArray[np.int64]: ...
    @property
    def end(self) -> npt.NDArray[np.int64]: ...
    @property
    def precision(self) -> Sequence[str]: ...
    @property
    def title_en(self) -> Sequence[str]: ...
    @property
    def title_zh(self) -> Sequence[str]: ...
    @property
    def session_event(self) -> Sequence[str]: ...
    @property
    def session_start(self) -> npt.NDArray[np.int64]: ...
    @property
    def session_end(self) -> npt.NDArray[np.int64]: ...


def date_to_x(day: dt.date) -> float:
    """x of the start of `day` (UTC)."""
    return float((day - _EPOCH).days) * DAY


# Python's dates end at 0001-01-01 and 9999-12-31. The view can pan a margin past the data, so
# x_to_date clamps to them: raising here, inside a paint event, killed the process (segfault).
_MIN_DAYS = (dt.date.min - _EPOCH).days
_MAX_DAYS = (dt.date.max - _EPOCH).days


def x_to_date(x: float) -> dt.date:
    """The UTC day that contains x, clamped to the dates Python can represent (NaN → epoch)."""
    days = float(np.floor(x / DAY)) if np.isfinite(x) else (0.0 if np.isnan(x) else x)
    return _EPOCH + dt.timedelta(days=int(min(max(days, _MIN_DAYS), _MAX_DAYS)))


def days_to_x(days: npt.ArrayLike) -> FloatArray:
    """UTC day numbers (days since 1970-01-01) → x of each day's start (a new array)."""
    return np.asarray(days, dtype=np.int64).astype(np.float64) * DAY


def _as_list(values: Sequence[str]) -> list[str]:
    return values if isinstance(values, list) else list(values)


def iso_to_x(values: Sequence[str]) -> FloatArray:
    """Vectorised ISO 'YYYY-MM-DD' → x of the day's start."""
    if len(values) == 0:
        return np.zeros(0, dtype=np.float64)
    days = np.asarray(values, dtype="datetime64[D]").astype(np.int64)
    return days.astype(np.float64) * DAY


@dataclass(eq=False)
class TimelineIndex:
    """Per-event and per-session arrays; build it with `from_columns` (or `from_rows`)."""

    ids: Sequence[str]             # a list, or a StringColumn when read from the cache
    lane_ids: tuple[str, ...]
    lane: IntArray                 # index into lane_ids
    start: FloatArray              # x of the first day
    end: FloatArray                # x just after the last day (exclusive)
    precision: npt.NDArray[np.int8]  # PRECISION_DAY / _MONTH / _YEAR
    title_en: Sequence[str]
    title_zh: Sequence[str]
    row: IntArray                  # sub-row inside the lane (stacking)
    lane_rows: IntArray            # sub-rows per lane (at least 1)
    # Sessions, sorted by start; every event has at least one (its own span when it has none).
    s_event: IntArray
    s_start: FloatArray
    s_end: FloatArray
    n_sessions: IntArray           # sessions per event
    # Derived for culling: the running maximum of `end` in time order, per events and sessions.
    _end_cummax: FloatArray = field(repr=False, default_factory=lambda: np.zeros(0))
    _s_end_cummax: FloatArray = field(repr=False, default_factory=lambda: np.zeros(0))
    _s_by_event: IntArray = field(repr=False, default_factory=lambda: np.zeros(0, np.int32))
    _s_offsets: npt.NDArray[np.int64] = field(repr=False,
                                              default_factory=lambda: np.zeros(1, np.int64))
    _id_to_index: Mapping[str, int] = field(repr=False, default_factory=dict)
    # The last set of ids mapped by positions_of_set (compared by identity) and its answer.
    _positions_memo: tuple[frozenset[str], npt.NDArray[np.int64]] | None = field(
        repr=False, default=None)

    # --- construction ---------------------------------------------------------------------

    @classmethod
    def from_rows(
        cls,
        event_rows: Sequence[EventRowLike],
        session_rows: Iterable[tuple[str, int, str, str]] = (),
        lane_order: Sequence[str] | None = None,
    ) -> TimelineIndex:
        """Build from `Store.event_rows()` and `Store.session_rows()`.

        `lane_order` fixes the lanes' order (e.g. from `ordered_lanes`); by default lanes come in
        order of first appearance. Sessions of unknown events are ignored.
        """
        ev = list(event_rows)
        s_ids: list[str] = []
        s_st: list[str] = []
        s_en: list[str] = []
        for event_id, _seq, s_iso, e_iso in session_rows:
            s_ids.append(event_id)
            s_st.append(s_iso)
            s_en.append(e_iso)
        return cls._build(
            ids=[r.id for r in ev], lane_names=[r.lane for r in ev],
            start=iso_to_x([r.start for r in ev]), end_incl=iso_to_x([r.end for r in ev]),
            precision=[r.precision for r in ev],
            title_en=[r.title_en or "" for r in ev], title_zh=[r.title_zh or "" for r in ev],
            s_ids=s_ids, s_start=iso_to_x(s_st), s_end_incl=iso_to_x(s_en),
            lane_order=lane_order)

    @classmethod
    def from_columns(
        cls, columns: TimelineColumnsLike, lane_order: Sequence[str] | None = None
    ) -> TimelineIndex:
        """Build from `Store.timeline_columns()`: the same index `from_rows` builds from the
        row-based reads, with no per-row Python object on the way."""
        return cls._build(
            ids=list(columns.id), lane_names=columns.lane,
            start=days_to_x(columns.start), end_incl=days_to_x(columns.end),
            precision=columns.precision,
            # Titles are str by contract (the store reads NULL as ""): no per-row check.
            title_en=_as_list(columns.title_en), title_zh=_as_list(columns.title_zh),
            s_ids=columns.session_event, s_start=days_to_x(columns.session_start),
            s_end_incl=days_to_x(columns.session_end), lane_order=lane_order)

    @classmethod
    def _build(
        cls, *, ids: list[str], lane_names: Sequence[str], start: FloatArray,
        end_incl: FloatArray, precision: Sequence[str], title_en: list[str],
        title_zh: list[str], s_ids: Sequence[str], s_start: FloatArray,
        s_end_incl: FloatArray, lane_order: Sequence[str] | None,
    ) -> TimelineIndex:
        """The one construction path; columns per event (x of first and last day) and per
        session (in input order, unknown events allowed)."""
        n = len(ids)
        end = np.maximum(end_incl + DAY, start + DAY)  # a reversed range still takes its first day
        if n and np.any(np.diff(start) < 0):
            order = np.argsort(start, kind="stable")
            idx = order.tolist()
            ids = [ids[i] for i in idx]
            lane_names = [lane_names[i] for i in idx]
            precision = [precision[i] for i in idx]
            title_en = [title_en[i] for i in idx]
            title_zh = [title_zh[i] for i in idx]
            start, end = start[order], end[order]

        known = list(dict.fromkeys(lane_order)) if lane_order is not None else []
        for name in dict.fromkeys(lane_names):
            if name not in known:
                known.append(name)
        lane_pos = {name: i for i, name in enumerate(known)}
        lane = np.fromiter(map(lane_pos.__getitem__, lane_names), dtype=np.int32, count=n)
        prec_code = np.fromiter(map(_PRECISION_CODE.__getitem__, precision), dtype=np.int8,
                                count=n)
        id_to_index = dict(zip(ids, range(n), strict=True))

        # Position of each session's event (NaN: unknown event, ignored), vectorised.
        s_pos = np.array(list(map(id_to_index.get, s_ids)), dtype=np.float64).reshape(-1)
        known_s = ~np.isnan(s_pos)
        s_event = s_pos[known_s].astype(np.int32)
        s_start = s_start[known_s]
        s_end = np.maximum(s_end_incl[known_s] + DAY, s_start + DAY)
        n_sessions = np.bincount(s_event, minlength=n).astype(np.int32)
        lonely = np.flatnonzero(n_sessions == 0).astype(np.int32)
        if len(lonely):  # an event without sessions is drawn as one session over its span
            s_event = np.concatenate([s_event, lonely])
            s_start = np.concatenate([s_start, start[lonely]])
            s_end = np.concatenate([s_end, end[lonely]])
            n_sessions[lonely] = 1
        s_order = np.argsort(s_start, kind="stable")
        s_event, s_start, s_end = s_event[s_order], s_start[s_order], s_end[s_order]

        # An event's drawn extent covers its sessions too (data may disagree slightly).
        if len(s_event):
            np.minimum.at(start, s_event, s_start)
            np.maximum.at(end, s_event, s_end)
        # Touching items (one ends the day before the next starts) go to separate sub-rows:
        # in one row they would read as a single bar.
        row, counts = stack_intervals(lane, start, end, gap=DAY / 2)
        lane_rows = np.ones(len(known), dtype=np.int32)
        lane_rows[: len(counts)] = np.maximum(counts, 1)

        return cls.from_arrays(
            ids=ids, lane_ids=tuple(known), lane=lane, start=start, end=end,
            precision=prec_code, title_en=title_en, title_zh=title_zh,
            row=row, lane_rows=lane_rows,
            s_event=s_event, s_start=s_start, s_end=s_end, n_sessions=n_sessions,
            id_to_index=id_to_index)

    @classmethod
    def from_arrays(
        cls, *, ids: Sequence[str], lane_ids: tuple[str, ...], lane: IntArray,
        start: FloatArray, end: FloatArray, precision: npt.NDArray[np.int8],
        title_en: Sequence[str], title_zh: Sequence[str], row: IntArray, lane_rows: IntArray,
        s_event: IntArray, s_start: FloatArray, s_end: FloatArray, n_sessions: IntArray,
        id_to_index: Mapping[str, int], s_by_event: IntArray | None = None,
    ) -> TimelineIndex:
        """Assemble an index from its finished columns (what `_build` computes, or what the
        database's timeline cache stored); only the cheap culling helpers are derived here.
        `s_by_event`: the sessions' positions grouped by event (the stable argsort of
        `s_event`), computed when not given."""
        n = len(ids)
        if s_by_event is None:
            s_by_event = np.argsort(s_event, kind="stable").astype(np.int32)
        offsets = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(n_sessions, out=offsets[1:])
        index = cls(
            ids=ids, lane_ids=lane_ids, lane=lane, start=start, end=end,
            precision=precision, title_en=title_en, title_zh=title_zh,
            row=row, lane_rows=lane_rows,
            s_event=s_event, s_start=s_start, s_end=s_end, n_sessions=n_sessions,
        )
        index._end_cummax = np.maximum.accumulate(end) if len(end) else end.copy()
        index._s_end_cummax = np.maximum.accumulate(s_end) if len(s_end) else s_end.copy()
        index._s_by_event = s_by_event
        index._s_offsets = offsets
        index._id_to_index = id_to_index
        return index

    # --- basic look-ups -------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.ids)

    def index_of(self, event_id: str) -> int | None:
        return self._id_to_index.get(event_id)

    def positions_of(self, event_ids: Sequence[str]) -> npt.NDArray[np.int64]:
        """`index_of` for many ids at once (-1 for an unknown one), vectorised on a cached
        index: a search can match every one of a million events."""
        lookup = self._id_to_index
        if isinstance(lookup, SortedLookup):
            return lookup.positions(event_ids)
        return np.fromiter((lookup.get(i, -1) for i in event_ids), dtype=np.int64,
                           count=len(event_ids))

    def positions_of_set(self, event_ids: frozenset[str]) -> npt.NDArray[np.int64]:
        """`positions_of` for a set of ids (any order), remembered for that very set object:
        a search's highlight is drawn again on every change of the view state, and mapping a
        million ids takes most of a second."""
        memo = self._positions_memo
        if memo is not None and memo[0] is event_ids:
            return memo[1]
        positions = self.positions_of(list(event_ids))
        self._positions_memo = (event_ids, positions)
        return positions

    def remember_positions(self, event_ids: frozenset[str],
                           positions: npt.NDArray[np.int64]) -> None:
        """Give positions_of_set the answer for `event_ids`, computed elsewhere (a search's
        thread: session.matches.find_matches)."""
        self._positions_memo = (event_ids, positions)

    def extent(self) -> tuple[float, float]:
        """(first x, last x) over all events; (0, DAY) when empty."""
        if not len(self.ids):
            return 0.0, DAY
        return float(self.start[0]), float(self._end_cummax[-1])

    def precision_name(self, i: int) -> str:
        return PRECISIONS[int(self.precision[i])]

    def session_arrays(self, i: int) -> tuple[FloatArray, FloatArray]:
        """(start xs, end xs exclusive) of event i's sessions, in time order, as arrays (an
        event may have thousands of sittings: no per-sitting Python object)."""
        idx = self._s_by_event[self._s_offsets[i]:self._s_offsets[i + 1]]
        starts, ends = self.s_start[idx], self.s_end[idx]
        order = np.lexsort((ends, starts))
        return starts[order], ends[order]

    def sessions_of(self, i: int, limit: int | None = None) -> list[tuple[float, float]]:
        """(start x, end x exclusive) of event i's sessions, in time order (the first
        `limit` of them, when given)."""
        starts, ends = self.session_arrays(i)
        if limit is not None:
            starts, ends = starts[:limit], ends[:limit]
        return [(float(a), float(b)) for a, b in zip(starts.tolist(), ends.tolist(),
                                                      strict=True)]

    def lane_mask(self, lane_indices: Iterable[int]) -> BoolArray:
        keep = np.zeros(len(self.lane_ids), dtype=bool)
        keep[list(lane_indices)] = True
        return keep[self.lane]

    def date_mask(self, x0: float | None, x1: float | None) -> BoolArray:
        """Events overlapping [x0, x1) (None: open end)."""
        mask = np.ones(len(self.ids), dtype=bool)
        if x0 is not None:
            mask &= self.end > x0
        if x1 is not None:
            mask &= self.start < x1
        return mask

    # --- culling --------------------------------------------------------------------------

    def events_in_range(self, x0: float, x1: float) -> IntArray:
        """Indices (time order) of events overlapping [x0, x1)."""
        return _overlapping(self.start, self.end, self._end_cummax, x0, x1)

    def sessions_in_range(self, x0: float, x1: float) -> IntArray:
        """Positions in the s_* arrays of sessions overlapping [x0, x1)."""
        return _overlapping(self.s_start, self.s_end, self._s_end_cummax, x0, x1)

    # --- interaction ----------------------------------------------------------------------

    def hit_test(
        self, x: float, lane: int, row: int, tolerance: float = 0.0,
        mask: BoolArray | None = None,
    ) -> int | None:
        """The event drawn at x in (lane, sub-row), within `tolerance` (x units); else None.

        Of several candidates the nearest wins (0 when x is inside), then the later-drawn one.
        """
        cand = self.events_in_range(x - tolerance, x + tolerance)
        if not len(cand):
            return None
        keep = (self.lane[cand] == lane) & (self.row[cand] == row)
        if mask is not None:
            keep &= mask[cand]
        cand = cand[keep]
        if not len(cand):
            return None
        dist = np.maximum(0.0, np.maximum(self.start[cand] - x, x - self.end[cand]))
        best = np.flatnonzero(dist == dist.min())
        return int(cand[best[-1]])

    def adjacent_in_time(self, i: int | None, step: int, mask: BoolArray | None = None
                         ) -> int | None:
        """The event `step` places after (or before, step < 0) event i in time order.

        Only events where `mask` is True count. From no event (i None) step > 0 gives the
        first, step < 0 the last. Stops at the ends (None past them).
        """
        allowed = np.arange(len(self.ids)) if mask is None else np.flatnonzero(mask)
        if not len(allowed) or step == 0:
            return i
        if i is None:
            pos = step - 1 if step > 0 else len(allowed) + step
        else:
            at = int(np.searchsorted(allowed, i))
            if step > 0:
                on = at < len(allowed) and allowed[at] == i
                pos = at + step - (0 if on else 1)
            else:
                pos = at + step
        if 0 <= pos < len(allowed):
            return int(allowed[pos])
        return None

    def nearest_in_lane(self, lane: int, x: float, mask: BoolArray | None = None) -> int | None:
        """The event in `lane` nearest to x (distance 0 when x falls inside it)."""
        cand = np.flatnonzero(self.lane == lane)
        if mask is not None:
            cand = cand[mask[cand]]
        if not len(cand):
            return None
        dist = np.maximum(0.0, np.maximum(self.start[cand] - x, x - self.end[cand]))
        return int(cand[int(np.argmin(dist))])

    def adjacent_lane(
        self, i: int, step: int, lane_order: Sequence[int], mask: BoolArray | None = None
    ) -> int | None:
        """The nearest-in-time event in the next lane (in `lane_order`) that has one."""
        lanes = list(lane_order)
        here = int(self.lane[i])
        if here not in lanes or step == 0:
            return None
        centre = 0.5 * (float(self.start[i]) + float(self.end[i]))
        pos = lanes.index(here) + step
        while 0 <= pos < len(lanes):
            found = self.nearest_in_lane(lanes[pos], centre, mask)
            if found is not None:
                return found
            pos += 1 if step > 0 else -1
        return None


def _overlapping(start: FloatArray, end: FloatArray, end_cummax: FloatArray,
                 x0: float, x1: float) -> IntArray:
    """Indices of [start, end) intervals (sorted by start) that overlap [x0, x1).

    Everything before the first position whose running-max end passes x0 ends before x0;
    everything from the first start >= x1 starts after. In between, a mask removes short
    items hidden behind a long one.
    """
    lo = int(np.searchsorted(end_cummax, x0, side="right"))
    hi = int(np.searchsorted(start, x1, side="left"))
    if hi <= lo:
        return np.zeros(0, dtype=np.int32)
    sel = np.arange(lo, hi, dtype=np.int32)
    return sel[end[lo:hi] > x0]
