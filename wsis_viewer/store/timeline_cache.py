"""The timeline's columns, precomputed and stored in the database (table `timeline_cache`).

Opening a big database used to mean reading every event and session row, parsing the dates,
sorting, stacking the bars into sub-rows and building a Python string per id and title: 8 s at
a million events. `build-db` (and `publish`) now store the finished columns, and opening reads
them back as numpy arrays in one query. No per-event Python object is made: ids and titles stay
packed UTF-8 (`domain.string_column.StringColumn`), decoded one at a time when drawn.

Format (version `CACHE_VERSION`; docs/timeline-cache.md says the same for other readers):
`timeline_cache(name TEXT PRIMARY KEY, data BLOB NOT NULL)`, each part below stored in one or
more rows named `<part>#<k>` (k = 0, 1, …), of at most `CHUNK_BYTES` each, to be concatenated in
k order. Why chunks: the reader opens every database with SQLite's value-length limit
(`store.safe_open.MAX_VALUE_BYTES`, 1 MiB: a hostile file cannot make it allocate a huge value),
and the titles alone of 100,000 events are ~3 MB.

* `header` – UTF-8 JSON: `format` ("wsis-timeline-cache"), `version`, `schema_version` (the
  database schema it was computed from), `events` and `sessions` (row counts of those tables
  when it was written), `drawn_sessions` (sessions drawn: an event without any gets one over its
  own span), `lanes` (lane ids in drawing order), `year_bounds` ([first, last] or null),
  `conference_spans` ([[first day, last day] ISO] of the plenipotentiary conferences, which
  frame the reporting period), `counts` (rows of documents, resolutions and recommendations,
  for the status bar) and `crc32` (name → zlib.crc32 of each part below).
* arrays, little-endian, in time order (start, then id) — n events, m drawn sessions, L lanes:
  `start`, `end` int32 (n): UTC day numbers (days since 1970-01-01) of the first day and of the
  day after the last (sessions included); `lane` int32 (n, into `lanes`); `row` int32 (n, sub-row
  inside the lane); `precision` int8 (n: 0 day, 1 month, 2 year); `lane_rows` int32 (L);
  `n_sessions` int32 (n); `s_event` int32 (m, an event position), `s_start`, `s_end` int32 (m,
  days as above, sorted by start); `id_order` int32 (n: positions in code-point order of id);
  `s_by_event` int32 (m: session positions grouped by event, the stable argsort of s_event).
* strings: `id`, `title_en`, `title_zh` as `<name>.utf8` (all strings concatenated) and
  `<name>.offsets` int64 (n + 1 byte offsets).

The cache is untrusted input like the rest of the file. `read_timeline_cache` checks the
version, the row counts against the tables, every checksum and every invariant the timeline
relies on (lengths, ranges, order); anything off (or no cache at all) returns None with the
reason in the log, and the caller rebuilds the columns from the rows — slower, never wrong.
What the counts cannot see is a row edited in place by hand after `build-db`; rebuild (or
re-publish) after editing a database with other tools.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import Column, Engine, LargeBinary, MetaData, String, Table, insert, inspect

from wsis_viewer.domain.lanes import ordered_lanes
from wsis_viewer.domain.string_column import SortedLookup, StringColumn, sort_order
from wsis_viewer.domain.timeline_index import DAY, TimelineIndex
from wsis_viewer.store import schema as s
from wsis_viewer.store.safe_open import MAX_VALUE_BYTES

log = logging.getLogger(__name__)

CACHE_TABLE = "timeline_cache"
CACHE_FORMAT = "wsis-timeline-cache"
CACHE_VERSION = 2  # 2: parts stored in chunks (1 stored each part whole)
# Half the reader's value-length limit: every stored row stays well inside it.
CHUNK_BYTES = MAX_VALUE_BYTES // 2

_metadata = MetaData()
cache_table = Table(
    CACHE_TABLE, _metadata,
    Column("name", String, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)

# name → (dtype, which length): "n" events, "m" drawn sessions, "L" lanes, "n+1" offsets.
_ARRAYS: dict[str, tuple[str, str]] = {
    "start": ("<i4", "n"), "end": ("<i4", "n"), "lane": ("<i4", "n"), "row": ("<i4", "n"),
    "precision": ("i1", "n"), "lane_rows": ("<i4", "L"), "n_sessions": ("<i4", "n"),
    "s_event": ("<i4", "m"), "s_start": ("<i4", "m"), "s_end": ("<i4", "m"),
    "id_order": ("<i4", "n"), "s_by_event": ("<i4", "m"),
    "id.offsets": ("<i8", "n+1"), "title_en.offsets": ("<i8", "n+1"),
    "title_zh.offsets": ("<i8", "n+1"),
}
_TEXTS = ("id", "title_en", "title_zh")
COUNTED_TABLES = ("documents", "resolutions", "recommendations")


class CacheError(ValueError):
    """Why a stored cache cannot be used (said in the log; the rows are read instead)."""


@dataclass(frozen=True)
class CachedTimeline:
    """What opening needs besides the index itself."""

    index: TimelineIndex
    year_bounds: tuple[int, int] | None
    conference_spans: list[tuple[dt.date, dt.date]]  # as Store.conference_spans() reads them
    events: int    # row counts of the tables, read while checking the cache
    sessions: int
    # Rows of the record tables (COUNTED_TABLES) when the cache was written, for the status
    # bar: counting a million documents from a cold disk takes seconds.
    counts: dict[str, int]


# --- writing ----------------------------------------------------------------------------------

def _days(x: npt.NDArray[np.float64]) -> npt.NDArray[np.int32]:
    return np.floor_divide(x, DAY).astype("<i4")


def encode_timeline_cache(index: TimelineIndex, *, events: int, sessions: int,
                          year_bounds: tuple[int, int] | None,
                          conference_spans: list[tuple[dt.date, dt.date]],
                          counts: dict[str, int]) -> dict[str, bytes]:
    """The cache's parts for `index` (computed from the rows), as stored: name → bytes.

    `events` and `sessions` are the row counts of those tables (what the reader compares)."""
    parts: dict[str, bytes] = {}
    arrays: dict[str, npt.NDArray[Any]] = {
        "start": _days(index.start), "end": _days(index.end), "lane": index.lane,
        "row": index.row, "precision": index.precision, "lane_rows": index.lane_rows,
        "n_sessions": index.n_sessions, "s_event": index.s_event,
        "s_start": _days(index.s_start), "s_end": _days(index.s_end),
        "id_order": sort_order(index.ids), "s_by_event": index._s_by_event,
    }
    for name, values in (("id", index.ids), ("title_en", index.title_en),
                         ("title_zh", index.title_zh)):
        column = values if isinstance(values, StringColumn) else StringColumn.from_strings(values)
        parts[f"{name}.utf8"] = column.data
        arrays[f"{name}.offsets"] = column.offsets
    for name, (dtype, _length) in _ARRAYS.items():
        parts[name] = np.ascontiguousarray(arrays[name], dtype=dtype).tobytes()
    header = {
        "format": CACHE_FORMAT, "version": CACHE_VERSION, "schema_version": s.SCHEMA_VERSION,
        "events": events, "sessions": sessions, "drawn_sessions": len(index.s_event),
        "lanes": list(index.lane_ids),
        "year_bounds": list(year_bounds) if year_bounds is not None else None,
        "conference_spans": [[a.isoformat(), b.isoformat()] for a, b in conference_spans],
        "counts": {table: counts[table] for table in COUNTED_TABLES},
        "crc32": {name: zlib.crc32(data) for name, data in sorted(parts.items())},
    }
    parts["header"] = json.dumps(header, sort_keys=True).encode("utf-8")
    return parts


def chunk_parts(parts: dict[str, bytes]) -> list[dict[str, object]]:
    """The rows that store `parts`: each cut into `<name>#<k>` chunks of ≤ CHUNK_BYTES."""
    rows: list[dict[str, object]] = []
    for name, data in sorted(parts.items()):
        pieces = [data[i:i + CHUNK_BYTES] for i in range(0, len(data), CHUNK_BYTES)] or [b""]
        rows += [{"name": f"{name}#{k}", "data": piece} for k, piece in enumerate(pieces)]
    return rows


def join_chunks(rows: list[tuple[str, bytes]]) -> dict[str, bytes]:
    """The parts stored in `rows` (name, data); CacheError unless every part's chunks run
    0, 1, … without a gap or a duplicate."""
    chunks: dict[str, dict[int, bytes]] = {}
    for stored, data in rows:
        name, sep, k = stored.rpartition("#")
        if not sep:  # version 1 stored each part whole, in a row named after it
            raise CacheError(f"row {stored!r} is not a numbered chunk (an older version's "
                             f"cache: 'wsis-viewer build-db' rebuilds it)")
        if not k.isdigit() or k != str(int(k)):
            raise CacheError(f"row {stored!r} is not a numbered chunk")
        if int(k) in chunks.setdefault(name, {}):
            raise CacheError(f"chunk {stored!r} is stored twice")
        chunks[name][int(k)] = data
    parts: dict[str, bytes] = {}
    for name, pieces in chunks.items():
        if sorted(pieces) != list(range(len(pieces))):
            raise CacheError(f"a chunk of part {name!r} is missing")
        parts[name] = b"".join(pieces[k] for k in range(len(pieces)))
    return parts


def compute_timeline(store: Any) -> tuple[TimelineIndex, tuple[int, int] | None]:
    """The index and year bounds from the rows (`Store.timeline_columns`): the slow path, and
    what the cache stores."""
    columns = store.timeline_columns()
    lanes = ordered_lanes(columns.lane)
    index = TimelineIndex.from_columns(columns, lane_order=[lane.id for lane in lanes])
    bounds = None
    if len(columns):
        years = (np.array([columns.start.min(), columns.end.max()], dtype="datetime64[D]")
                 .astype("datetime64[Y]").astype(np.int64) + 1970)
        bounds = (int(years[0]), int(years[1]))
    return index, bounds


def write_timeline_cache(engine: Engine) -> int:
    """(Re)write the `timeline_cache` table of the database behind `engine` from its rows.

    Call it after the events and sessions are written and committed: `build-db` does, and so
    should any other writer (e.g. publishing to a PostgreSQL server; the table and its BLOBs are
    plain SQLAlchemy Core, so any backend works). Returns the bytes stored."""
    from wsis_viewer.store.database import Store  # the read path; imported here, no cycle

    store = Store(engine, str(engine.url))
    index, bounds = compute_timeline(store)
    with engine.begin() as conn:
        events = int(conn.exec_driver_sql("SELECT count(*) FROM events").scalar_one())
        sessions = int(conn.exec_driver_sql("SELECT count(*) FROM sessions").scalar_one())
        counts = {table: int(conn.exec_driver_sql(f'SELECT count(*) FROM "{table}"')
                             .scalar_one()) for table in COUNTED_TABLES}
        parts = encode_timeline_cache(index, events=events, sessions=sessions,
                                      year_bounds=bounds,
                                      conference_spans=store.conference_spans(),
                                      counts=counts)
        cache_table.drop(conn, checkfirst=True)
        cache_table.create(conn)
        conn.execute(insert(cache_table), chunk_parts(parts))
    return sum(len(v) for v in parts.values())


# --- reading ----------------------------------------------------------------------------------

def _array(parts: dict[str, bytes], name: str, lengths: dict[str, int]) -> npt.NDArray[Any]:
    dtype, which = _ARRAYS[name]
    data = parts.get(name)
    if data is None:
        raise CacheError(f"part {name!r} is missing")
    values = np.frombuffer(data, dtype=np.dtype(dtype)) if len(data) % np.dtype(
        dtype).itemsize == 0 else None
    if values is None or len(values) != lengths[which]:
        raise CacheError(f"part {name!r} has the wrong length")
    # A copy: the blob's buffer is not aligned for numpy (unaligned arrays are slow in every
    # frame's arithmetic), and the copy is writable like the computed columns.
    return values.astype(dtype.replace("<", "="), copy=True)


def _strings(parts: dict[str, bytes], name: str, lengths: dict[str, int]) -> StringColumn:
    data = parts.get(f"{name}.utf8")
    if data is None:
        raise CacheError(f"part '{name}.utf8' is missing")
    offsets = _array(parts, f"{name}.offsets", lengths).astype(np.int64, copy=False)
    if offsets[0] != 0 or offsets[-1] != len(data) or np.any(np.diff(offsets) < 0):
        raise CacheError(f"the offsets of {name!r} do not cut its text")
    return StringColumn(data, offsets)


def _is_permutation(values: npt.NDArray[Any]) -> bool:
    inside = (values >= 0) & (values < len(values))
    return bool(inside.all()) and bool(np.all(np.bincount(values, minlength=len(values)) == 1))


def decode_timeline_cache(parts: dict[str, bytes], *, events: int, sessions: int
                          ) -> CachedTimeline:
    """The index stored in `parts`; raises CacheError naming the first thing that is off.

    `events` and `sessions` are the tables' row counts now."""
    try:
        header = json.loads(parts["header"].decode("utf-8"))
    except (KeyError, UnicodeDecodeError, ValueError) as exc:
        raise CacheError(f"no readable header ({exc.__class__.__name__})") from None
    if not isinstance(header, dict) or header.get("format") != CACHE_FORMAT:
        raise CacheError("not a timeline cache")
    if header.get("version") != CACHE_VERSION or header.get("schema_version") != s.SCHEMA_VERSION:
        raise CacheError(f"version {header.get('version')!r} (schema "
                         f"{header.get('schema_version')!r}); this viewer reads {CACHE_VERSION} "
                         f"(schema {s.SCHEMA_VERSION})")
    if header.get("events") != events or header.get("sessions") != sessions:
        raise CacheError(f"stale: computed for {header.get('events')!r} events and "
                         f"{header.get('sessions')!r} sessions, the tables have {events} and "
                         f"{sessions}")
    lanes = header.get("lanes")
    drawn = header.get("drawn_sessions")
    crcs = header.get("crc32")
    bounds = header.get("year_bounds")
    if (not isinstance(lanes, list) or not all(isinstance(x, str) for x in lanes)
            or len(set(lanes)) != len(lanes) or not isinstance(drawn, int) or drawn < 0
            or not isinstance(crcs, dict)):
        raise CacheError("the header is malformed")
    if bounds is not None and not (isinstance(bounds, list) and len(bounds) == 2
                                   and all(type(y) is int for y in bounds)):
        raise CacheError("the header's year bounds are malformed")
    spans = _spans(header.get("conference_spans"))
    counts = header.get("counts")
    if not (isinstance(counts, dict) and set(counts) == set(COUNTED_TABLES)
            and all(type(v) is int and v >= 0 for v in counts.values())):
        raise CacheError("the header's row counts are malformed")
    if [lane.id for lane in ordered_lanes(lanes)] != lanes:
        raise CacheError("stale: its lane order is not this viewer's")
    for name, data in parts.items():
        if name != "header" and crcs.get(name) != zlib.crc32(data):
            raise CacheError(f"part {name!r} fails its checksum")
    n, m, n_lanes = events, drawn, len(lanes)
    lengths = {"n": n, "m": m, "L": n_lanes, "n+1": n + 1}
    a = {name: _array(parts, name, lengths) for name in _ARRAYS}
    ids, title_en, title_zh = (_strings(parts, name, lengths) for name in _TEXTS)

    # The invariants the timeline's drawing and look-ups rely on.
    start, end, lane, row = a["start"], a["end"], a["lane"], a["row"]
    s_event, s_start, s_end, n_sessions = a["s_event"], a["s_start"], a["s_end"], a["n_sessions"]
    problems = [
        (np.any(np.diff(start) < 0), "events are not in time order"),
        (np.any(end <= start), "an event ends before it starts"),
        (np.any((lane < 0) | (lane >= n_lanes)), "a lane is out of range"),
        (np.any(a["lane_rows"] < 1), "a lane has no rows"),
        (n_lanes == 0 and n > 0, "events without lanes"),
        (np.any(a["precision"] < 0) or np.any(a["precision"] > 2), "an unknown precision"),
        (np.any(np.diff(s_start) < 0), "sessions are not in time order"),
        (np.any(s_end <= s_start), "a session ends before it starts"),
        (np.any((s_event < 0) | (s_event >= max(n, 1))), "a session's event is out of range"),
        (not _is_permutation(a["id_order"]), "the id order is not a permutation"),
        (not _is_permutation(a["s_by_event"]), "the sessions by event are not a permutation"),
    ]
    if not any(bad for bad, _ in problems[:4]) and n:
        problems.append((np.any((row < 0) | (row >= a["lane_rows"][lane])),
                         "a sub-row is out of range"))
    if not problems[8][0]:
        problems.append((not np.array_equal(np.bincount(s_event, minlength=n), n_sessions)
                         or np.any(n_sessions < 1), "the session counts disagree"))
        if not problems[10][0]:  # grouped by event, in session order inside each: unique
            key = s_event[a["s_by_event"]].astype(np.int64) * (m + 1) + a["s_by_event"]
            problems.append((bool(np.any(np.diff(key) <= 0)),
                             "the sessions by event are out of order"))
    for bad, why in problems:
        if bad:
            raise CacheError(why)

    index = TimelineIndex.from_arrays(
        ids=ids, lane_ids=tuple(lanes), lane=lane, start=start.astype(np.float64) * DAY,
        end=end.astype(np.float64) * DAY, precision=a["precision"],
        title_en=title_en, title_zh=title_zh, row=row, lane_rows=a["lane_rows"],
        s_event=s_event, s_start=s_start.astype(np.float64) * DAY,
        s_end=s_end.astype(np.float64) * DAY, n_sessions=n_sessions,
        id_to_index=SortedLookup(ids, a["id_order"]), s_by_event=a["s_by_event"])
    return CachedTimeline(index, (bounds[0], bounds[1]) if bounds else None, spans,
                          events, sessions, {"events": events, **counts})


def _spans(value: object) -> list[tuple[dt.date, dt.date]]:
    try:
        assert isinstance(value, list)
        spans = [(dt.date.fromisoformat(a), dt.date.fromisoformat(b)) for a, b in value]
    except (AssertionError, TypeError, ValueError):
        raise CacheError("the header's conference spans are malformed") from None
    if any(b < a for a, b in spans):
        raise CacheError("a conference span ends before it starts")
    return spans


def read_timeline_cache(engine: Engine, label: str) -> CachedTimeline | None:
    """The stored timeline of the database behind `engine`, or None (the log says why) when it
    has none, or one that is stale, from another version or damaged. Never raises for a bad
    cache: the caller falls back to the rows."""
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table(CACHE_TABLE):
                log.warning("%s has no timeline cache (built by an older version): computing "
                            "the timeline from its rows, which is slower on a big database; "
                            "rebuild it with 'wsis-viewer build-db' to open it faster", label)
                return None
            events = int(conn.exec_driver_sql("SELECT count(*) FROM events").scalar_one())
            sessions = int(conn.exec_driver_sql("SELECT count(*) FROM sessions").scalar_one())
            rows: list[tuple[str, bytes]] = []
            for name, data in conn.exec_driver_sql(f"SELECT name, data FROM {CACHE_TABLE}"):
                if not isinstance(name, str) or not isinstance(data, bytes | memoryview):
                    raise CacheError("a part is not a named blob")
                rows.append((name, bytes(data)))
        return decode_timeline_cache(join_chunks(rows), events=events, sessions=sessions)
    except CacheError as exc:
        log.warning("%s: its timeline cache is not usable (%s): computing the timeline from "
                    "its rows instead", label, exc)
    except Exception as exc:
        log.warning("%s: its timeline cache could not be read (%s): computing the timeline "
                    "from its rows instead", label, exc)
    return None
