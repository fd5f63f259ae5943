"""The current search's matches, and stepping through them in time order (Qt-free)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True)
class SearchMatches:
    """Matches of one query as positions in the timeline index (its order is time order)."""

    query: str = ""
    ids: tuple[str, ...] = ()
    positions: tuple[int, ...] = field(default=())  # sorted ascending

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
        candidates = [p for p in self.positions if shown is None or bool(shown[p])]
        if not candidates:
            return None
        if step > 0:
            k = 0 if current is None else bisect_right(candidates, current)
            return candidates[k % len(candidates)]
        k = len(candidates) if current is None else bisect_left(candidates, current)
        return candidates[(k - 1) % len(candidates)]

    def hidden_count(self, shown: npt.NDArray[np.bool_] | None) -> int:
        if shown is None:
            return 0
        return sum(1 for p in self.positions if not shown[p])
