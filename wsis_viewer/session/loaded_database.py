"""One opened database, as the window and the headless commands use it.

Opening reads only what the first frame needs: the timeline index, the lanes and the events'
year bounds, precomputed by `build-db` in the database (`store/timeline_cache.py`: a few
BLOBs read in one query, no per-event Python object); a database without a usable cache
falls back to the store's columnar read of the rows (`Store.timeline_columns`), and the log
says so. The
full `dataset` (every record as a domain object, which takes
seconds on a big database) is read on first use. Opening a bad file still fails here, before
the window lets go of the database it shows.

The window never reads the whole dataset: `list_records()` reads the records its lists show
(recommendations, resolutions, people, contributors, topics, figures and the meetings the
recommendations were made at), `records_around(refs)` what a selection's panel and chain need
(`session/records_around.py`) and `records_citing(paragraph)` a Source page's records, each
by key. The store therefore stays open (read-only) until `close()`.

Search runs in the database itself (`store/search_index.py`: FTS5 tables written by
`build-db`), so opening indexes nothing; each query opens its own short-lived connection.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path

from wsis_viewer.domain.dataset_union import union
from wsis_viewer.domain.lanes import Lane, ordered_lanes
from wsis_viewer.domain.model import Dataset, Event, RecordType
from wsis_viewer.domain.relations import RecordRef
from wsis_viewer.domain.timeline_index import TimelineIndex
from wsis_viewer.domain.view_state import Period, reporting_period
from wsis_viewer.session.records_around import links_from, records_around
from wsis_viewer.store.database import Store, open_database
from wsis_viewer.store.record_links import Ref, citing
from wsis_viewer.store.record_subset import RecordSubset
from wsis_viewer.store.records import record_kinds
from wsis_viewer.store.search_index import SearchBackend, open_search
from wsis_viewer.store.timeline_cache import compute_timeline, read_timeline_cache

# Up to this many events, the window reads records on the GUI thread (milliseconds); above it,
# in a thread through the operations layer (the lists of a million-event database: seconds).
SYNC_DATASET_LIMIT = 20_000


class LoadedDatabase:
    """The timeline index and search of one database, and its full dataset on demand."""

    def __init__(self, *, path: str, label: str, store: Store, index: TimelineIndex,
                 lanes: tuple[Lane, ...], year_bounds: tuple[int, int] | None,
                 counts: dict[str, int] | None = None, period: Period | None = None,
                 timings: dict[str, float] | None = None,
                 timeline_source: str = "rows") -> None:
        self.path = path
        self.label = label
        self.index = index
        self.lanes = lanes
        # In time order (a packed StringColumn when read from the cache: no str per event).
        self.event_ids: Sequence[str] = index.ids
        # "cache": the timeline columns came precomputed from the database; "rows": computed.
        self.timeline_source = timeline_source
        # Rows per table ("events", "documents", "resolutions", "recommendations"), for a status
        # bar that need not read the whole dataset.
        self.counts: dict[str, int] = dict(counts or {})
        self.timings: dict[str, float] = dict(timings or {})  # seconds per loading step
        self._year_bounds = year_bounds
        # The reporting period the data names (PP-10 … PP-14 in the bundled report): shaded on
        # the timeline and framed by the first view.
        self.period = period
        self._store: Store | None = store
        self.values_checked = True  # every value checked at open (see `open`)
        self._lock = threading.Lock()          # guards closing the store
        self._dataset_lock = threading.Lock()  # one reader of the dataset at a time
        self._dataset: Dataset | None = None
        self._lists: Dataset | None = None  # list_records(), once read
        self._events_by_id: dict[str, Event] | None = None
        self.search: SearchBackend = open_search(store.engine, store.label)

    @classmethod
    def open(cls, target: str | Path, *, use_cache: bool = True,
             check_values: bool = True) -> LoadedDatabase:
        """Read `target` (a path or SQLAlchemy URL); raises DatabaseError with a user message.

        `use_cache=False` ignores the database's timeline cache (benchmarks compare both).
        `check_values=False` leaves the check of every value for `check_values()` (the
        window runs it in the background after the first frame)."""
        t0 = time.perf_counter()
        store = open_database(target, check_values=check_values)
        try:
            cached = read_timeline_cache(store.engine, store.label) if use_cache else None
            t1 = time.perf_counter()
            counts: dict[str, int] = {}
            if cached is not None:
                index, bounds = cached.index, cached.year_bounds
                spans, counts = cached.conference_spans, dict(cached.counts)
                source = "cache"
            else:  # an older, stale or damaged cache: the log says which; the rows say all
                index, bounds = compute_timeline(store)
                spans = store.conference_spans()
                source = "rows"
            lanes = tuple(ordered_lanes(index.lane_ids))
            t2 = time.perf_counter()
            for table in ("events", "documents", "resolutions", "recommendations"):
                if table not in counts:
                    counts[table] = store.count(table)
            period = reporting_period(spans)
        except BaseException:
            store.close()
            raise
        path = str(target)
        name = Path(path).name if "://" not in path else store.label
        db = cls(path=path, label=name, store=store, index=index, lanes=lanes,
                 year_bounds=bounds, counts=counts, period=period,
                 timings={"open_and_cache_s": t1 - t0, f"timeline_from_{source}_s": t2 - t1},
                 timeline_source=source)
        db.values_checked = check_values
        return db

    def check_values(self) -> None:
        """Check every value now (what `open(check_values=False)` left); raises DatabaseError
        naming the first bad table, record and column."""
        if self.values_checked:
            return
        t = time.perf_counter()
        # Not under the read lock: the check takes seconds on a big file, on a connection of
        # its own, while the window goes on reading records around its selections.
        self._open_store().check_values()
        self.timings["check_values_s"] = time.perf_counter() - t
        self.values_checked = True

    # --- lazily read parts --------------------------------------------------------------------

    def _open_store(self) -> Store:
        store = self._store
        if store is None:
            raise RuntimeError("database closed before its records were read")
        return store

    def list_records(self) -> Dataset:
        """The records the window's lists show: every recommendation, resolution, person,
        contributor, topic and figure (a few hundred in the report; tens of thousands at most),
        and the events the recommendations were made at (the lists show their dates). No
        event or document besides: those are millions in a big database."""
        if self._dataset is not None:
            return self._dataset
        if self._lists is not None:
            return self._lists
        with self._dataset_lock:
            if self._lists is not None:
                return self._lists
            store = self._open_store()
            kinds = [RecordType.RESOLUTION, RecordType.RECOMMENDATION, RecordType.PERSON,
                     RecordType.CONTRIBUTOR, RecordType.TOPIC, RecordType.FIGURE]
            t = time.perf_counter()
            lists = store.load(RecordSubset.of((), whole=kinds))
            made_at = {(RecordType.EVENT, m.event) for m in lists.recommendations if m.event}
            lists = union(lists, store.load(RecordSubset.of(made_at)))
            self.timings["list_records_s"] = time.perf_counter() - t
            self._lists = lists
            return lists

    def records_around(self, refs: Sequence[Ref]) -> Dataset:
        """What the panels and chains of `refs` need (session/records_around.py)."""
        with self._dataset_lock:
            return records_around(self._open_store(), refs)

    def records_for_view(self, selected: RecordRef | None) -> Dataset:
        """What a picture of the timeline with `selected` needs: the lists' records and those
        around the selection (exports and screenshots draw from these, as the window does)."""
        lists = self.list_records()
        if selected is None:
            return lists
        return union(lists, self.records_around([(selected.type, selected.id)]))

    def find_record(self, record_id: str) -> RecordRef | None:
        """The record with this id, of whichever kind; None when there is none."""
        with self._dataset_lock:
            store = self._open_store()
            with store.engine.connect() as conn:
                kind = record_kinds(conn, [record_id]).get(record_id)
        return RecordRef(kind, record_id) if kind is not None else None

    def records_named(self, record_ids: Sequence[str]) -> Dataset:
        """The records with these ids, of whichever kind (notes name only the id)."""
        with self._dataset_lock:
            store = self._open_store()
            with store.engine.connect() as conn:
                kinds = record_kinds(conn, list(record_ids))
            return store.load(RecordSubset.of((kind, rid) for rid, kind in kinds.items()))

    def records_citing(self, paragraph: str) -> Dataset:
        """Every record citing report paragraph `paragraph` ("§2.3.3"), for its Source page."""
        with self._dataset_lock:
            store = self._open_store()
            with store.engine.connect() as conn:
                refs = citing(conn, paragraph)
            records = store.load(RecordSubset.of(refs))
            # The page names what each claim links to: those records too.
            return union(records, store.load(RecordSubset.of(links_from(records) - refs)))

    @property
    def dataset(self) -> Dataset:
        """Every record of the database, read on first use (seconds on a big database): for
        the reports, the JSON export and the Events and Documents tables, never at start-up."""
        if self._dataset is None:
            with self._dataset_lock:
                if self._dataset is None:
                    store = self._store
                    if store is None:
                        raise RuntimeError("database closed before its dataset was read")
                    t = time.perf_counter()
                    dataset = store.load()
                    self.timings["dataset_s"] = time.perf_counter() - t
                    with self._lock:
                        self._dataset = dataset
        return self._dataset

    @property
    def dataset_read(self) -> bool:
        """Has the whole dataset been read already (so `dataset` returns at once)?"""
        return self._dataset is not None

    @property
    def events_by_id(self) -> dict[str, Event]:
        if self._events_by_id is None:
            self._events_by_id = {e.id: e for e in self.dataset.events}
        return self._events_by_id

    def close(self) -> None:
        """Close the store: records not read yet can no longer be read. Search keeps
        working."""
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None

    # --- queries ------------------------------------------------------------------------------

    def event(self, event_id: str) -> Event | None:
        return self.events_by_id.get(event_id)

    def find(self, query: str) -> list[str]:
        """Ids of the events matching `query`, in time order; [] for a blank query."""
        return self.search.event_ids(query)

    def has_events(self) -> bool:
        return len(self.index) > 0

    def year_bounds(self) -> tuple[int, int] | None:
        """(first start year, last end year) of the events; None without events."""
        return self._year_bounds
