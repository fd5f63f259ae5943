"""One opened database, read completely into memory for the window.

The dataset is small enough to hold (and the timeline reads its columnar fast paths), so the
store is closed again at once: no file handle stays open while the window shows it, and
opening a bad file fails here, before the window lets go of the database it shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wsis_viewer.domain.lanes import Lane, ordered_lanes
from wsis_viewer.domain.model import Dataset, Event
from wsis_viewer.domain.search import SearchIndex
from wsis_viewer.domain.timeline_index import TimelineIndex
from wsis_viewer.store.database import open_database


@dataclass(frozen=True, slots=True)
class LoadedDatabase:
    path: str
    label: str
    dataset: Dataset
    index: TimelineIndex
    search: SearchIndex
    lanes: tuple[Lane, ...]
    event_ids: tuple[str, ...]  # in time order, the order the search index numbers them
    events_by_id: dict[str, Event]

    @classmethod
    def open(cls, target: str | Path) -> LoadedDatabase:
        """Read `target` (a path or SQLAlchemy URL); raises DatabaseError with a user message."""
        with open_database(target) as store:
            dataset = store.load()
            event_rows = store.event_rows()
            lanes = tuple(ordered_lanes(row.lane for row in event_rows))
            index = TimelineIndex.from_rows(event_rows, store.session_rows(),
                                            lane_order=[lane.id for lane in lanes])
            event_ids = tuple(row.id for row in event_rows)
            search = SearchIndex(store.search_rows(), list(event_ids))
            label = store.label
        path = str(target)
        name = Path(path).name if "://" not in path else label
        return cls(
            path=path, label=name, dataset=dataset, index=index, search=search,
            lanes=lanes, event_ids=event_ids,
            events_by_id={e.id: e for e in dataset.events})

    def event(self, event_id: str) -> Event | None:
        return self.events_by_id.get(event_id)

    def find(self, query: str) -> list[str]:
        """Ids of the events matching `query`, in time order; [] for a blank query."""
        if not query.strip():
            return []
        return [self.event_ids[i] for i in sorted(int(i) for i in self.search.find(query))]

    def year_bounds(self) -> tuple[int, int] | None:
        if not self.dataset.events:
            return None
        return (min(e.start.year for e in self.dataset.events),
                max(e.end.year for e in self.dataset.events))
