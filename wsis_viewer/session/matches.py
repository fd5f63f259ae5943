"""The current search's matches, and stepping through them in time order (Qt-free).

A short query can match every one of a million events, so nothing here loops over the matches
in Python: `find_matches` (run off the GUI thread by qt/event_search.py) maps the ids to timeline
positions once, vectorised, and hands over the sorted positions as an array and the ids as a
frozenset, which the highlight (domain.view_state.emphasis_for and the timeline's mask) reuses
as they are; stepping and counting the hidden ones are numpy operations on the array.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from wsis_viewer.session.loaded_database import LoadedDatabase


@dataclass(frozen=True, eq=False)
class SearchMatches:
    """Matches of one query as positions in the timeline index (its order is time order)."""

    query: str = ""
    ids: tuple[str, ...] = ()
    positions: Sequence[int] | npt.NDArray[np.int64] = field(default=())  # sorted ascending

    @classmethod
    def of(cls, query: str, ids: Sequence[str],
           positions: npt.NDArray[np.int64]) -> SearchMatches:
        """From the ids a search found and their positions (-1: not on the timeline), in
        any order: the positions are kept sorted, as an array, with no Python int each."""
        found = np.sort(positions[positions >= 0])
        matches = cls(query, tuple(ids), found)
        matches.__dict__["position_array"] = found  # cached_property's slot, filled at once
        return matches

    @cached_property
    def position_array(self) -> npt.NDArray[np.int64]:
        return np.asarray(self.positions, dtype=np.int64).reshape(-1)

    @cached_property
    def id_set(self) -> frozenset[str]:
        """The ids as a frozenset: `frozenset(id_set)` is the same object, so the highlight
        built from it costs nothing and the timeline recognises it (positions_of_set)."""
        return frozenset(self.ids)

    @property
    def active(self) -> bool:
        """False while there is no query: then nothing is highlighted or dimmed."""
        return bool(self.query.strip())

    def __len__(self) -> int:
        return len(self.ids)

    def step(self, current: int | None, step: int,
             shown: npt.NDArray[np.bool_] | None = None) -> int | None:
        """The position of the next (step > 0) or previous match from `current`, wrapping.

        Matches hidden by the filters (`shown` False) are skipped: selecting one would select
        something the user cannot see. None when no match is shown.
        """
        candidates = self.position_array
        if shown is not None and len(candidates):
            candidates = candidates[shown[candidates]]
        n = len(candidates)
        if not n:
            return None
        if step > 0:
            k = 0 if current is None else int(np.searchsorted(candidates, current, "right"))
            return int(candidates[k % n])
        k = n if current is None else int(np.searchsorted(candidates, current, "left"))
        return int(candidates[(k - 1) % n])

    def hidden_count(self, shown: npt.NDArray[np.bool_] | None) -> int:
        positions = self.position_array
        if shown is None or not len(positions):
            return 0
        return int(len(positions) - np.count_nonzero(shown[positions]))


def find_matches(db: LoadedDatabase, query: str) -> SearchMatches:
    """Search `db` and map the hits to timeline positions: the whole of the work, for a thread.

    The id → position map is remembered by the index for this set of ids, so the timeline's
    highlight mask does not compute it again on the GUI thread."""
    ids = db.find(query)
    positions = db.index.positions_of(ids)
    matches = SearchMatches.of(query, ids, positions)
    db.index.remember_positions(matches.id_set, positions)
    return matches
