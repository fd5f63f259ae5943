"""Vertical layout: which lanes are shown, where each lane and each sub-row sits (view units).

A lane is as tall as its sub-rows up to `FULL_ROWS`; beyond that its rows are squeezed, so a
lane crowded with hundreds of overlapping items (synthetic data) does not push the others off
screen. Lane 0 is at y = 0 (top; the view is y-inverted).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FULL_ROWS = 3


@dataclass(frozen=True)
class LaneLayout:
    order: tuple[int, ...]            # visible lanes (indices into index.lane_ids), top to bottom
    top: npt.NDArray[np.float64]      # per lane (all lanes); NaN for hidden ones
    height: npt.NDArray[np.float64]   # per lane
    rows: npt.NDArray[np.int32]       # sub-rows per lane
    total: float

    @classmethod
    def build(cls, lane_rows: npt.NDArray[np.int32], visible: Sequence[int]) -> LaneLayout:
        n = len(lane_rows)
        top = np.full(n, np.nan)
        height = np.minimum(np.maximum(lane_rows, 1), FULL_ROWS).astype(np.float64)
        y = 0.0
        for lane in visible:
            top[lane] = y
            y += height[lane]
        return cls(tuple(visible), top, height, np.maximum(lane_rows, 1).astype(np.int32),
                   max(y, 1.0))

    def pitch(self) -> npt.NDArray[np.float64]:
        """Height of one sub-row, per lane."""
        return self.height / self.rows

    def centres(self) -> list[tuple[int, float]]:
        return [(lane, float(self.top[lane] + self.height[lane] / 2)) for lane in self.order]

    def locate(self, y: float) -> tuple[int, float] | None:
        """(lane, fractional sub-row) at view y, or None outside every visible lane."""
        for lane in self.order:
            t = float(self.top[lane])
            if t <= y < t + self.height[lane]:
                return lane, (y - t) / float(self.pitch()[lane])
        return None
