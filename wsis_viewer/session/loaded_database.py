"""One opened database, as the window and the headless commands use it.

Opening reads only what the first frame needs: the timeline index, the lanes and the events'
year bounds, precomputed by `build-db` in the database (`store/timeline_cache.py`: a few
BLOBs read in one query, no per-event Python object); a database without a usable cache
falls back to the store's columnar read of the rows (`Store.timeline_columns`), and the log
says so. The
full `dataset` (every record as a domain object, which takes
seconds on a big database) is read on first use. Opening a bad file still fails here, before
the window lets go of the database it shows.

Search runs in the database itself (`store/search_index.py`: FTS5 tables written by
`build-db`), so opening indexes nothing; each query opens its own short-lived connection. The
store stays open only until the dataset has been read (or `close()` is called); then it is
closed, so no file handle stays open while the window shows it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path

from wsis_viewer.domain.lanes import Lane, ordered_lanes
from wsis_viewer.domain.model import Dataset, Event
from wsis_viewer.domain.timeline_index import TimelineIndex
from wsis_viewer.domain.view_state import Period, reporting_period
from wsis_viewer.store.database import Store, open_database
from wsis_viewer.store.search_index import SearchBackend, open_search
from wsis_viewer.store.timeline_cache import compute_timeline, read_timeline_cache


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
        self._lock = threading.Lock()          # guards closing the store
        self._dataset_lock = threading.Lock()  # one reader of the dataset at a time
        self._dataset: Dataset | None = None
        self._events_by_id: dict[str, Event] | None = None
        self.search: SearchBackend = open_search(store.engine, store.label)

    @classmethod
    def open(cls, target: str | Path, *, use_cache: bool = True) -> LoadedDatabase:
        """Read `target` (a path or SQLAlchemy URL); raises DatabaseError with a user message.

        `use_cache=False` ignores the database's timeline cache (benchmarks compare both)."""
        t0 = time.perf_counter()
        store = open_database(target)
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
        return cls(path=path, label=name, store=store, index=index, lanes=lanes,
                   year_bounds=bounds, counts=counts, period=period,
                   timings={"open_and_cache_s": t1 - t0, f"timeline_from_{source}_s": t2 - t1},
                   timeline_source=source)

    # --- lazily read parts --------------------------------------------------------------------

    def _release_if_done(self) -> None:
        if self._dataset is not None and self._store is not None:
            self._store.close()
            self._store = None

    @property
    def dataset(self) -> Dataset:
        """Every record of the database, read on first use (seconds on a big database)."""
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
                        self._release_if_done()
        return self._dataset

    @property
    def events_by_id(self) -> dict[str, Event]:
        if self._events_by_id is None:
            self._events_by_id = {e.id: e for e in self.dataset.events}
        return self._events_by_id

    def close(self) -> None:
        """Close the store (the dataset is no longer readable if it was not read yet). Not
        needed: the store closes itself once the dataset is read. Search keeps working."""
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
