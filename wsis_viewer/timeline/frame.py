"""Device-pixel mapping of one paint call, and batched drawing straight from numpy arrays.

Shared by the pieces of the timeline painter (items, raster level of detail, labels, chain
edges): each draws in device pixels with the transform read once per frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import overload

import numpy as np
import numpy.typing as npt
import shiboken6
from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QPainter

FloatArray = npt.NDArray[np.float64]


def draw_rects(p: QPainter, rects: FloatArray) -> None:
    """drawRects straight from an (n, 4) float64 array of x, y, w, h: no QRectF per item.

    QRectF is four doubles, so a C-contiguous array has its memory layout; shiboken wraps the
    first element and PySide's `drawRects(const QRectF*, int)` overload reads the rest.
    """
    if not len(rects):
        return
    buf = np.ascontiguousarray(rects, dtype=np.float64)
    first = shiboken6.wrapInstance(buf.ctypes.data, QRectF)
    p.drawRects(first, len(buf))  # type: ignore[call-overload]  # the pointer overload


def draw_lines(p: QPainter, lines: FloatArray) -> None:
    """drawLines from an (n, 4) array of x1, y1, x2, y2 (QLineF's layout)."""
    if not len(lines):
        return
    buf = np.ascontiguousarray(lines, dtype=np.float64)
    first = shiboken6.wrapInstance(buf.ctypes.data, QLineF)
    p.drawLines(first, len(buf))  # type: ignore[call-overload]  # the pointer overload


@dataclass(frozen=True)
class Frame:
    """Data → device pixel mapping of one paint call (no rotation: a ViewBox never rotates)."""

    sx: float
    ox: float
    sy: float
    oy: float
    x0: float
    x1: float
    total: float  # height of all lanes, view units

    # A scalar in gives a float out (QPointF/QRectF want floats), an array gives an array.
    @overload
    def px(self, x: float) -> float: ...
    @overload
    def px(self, x: FloatArray) -> FloatArray: ...

    def px(self, x: FloatArray | float) -> FloatArray | float:
        if isinstance(x, float | int | np.floating | np.integer):
            return float(self.sx * float(x) + self.ox)
        out: FloatArray = self.sx * np.asarray(x, dtype=np.float64) + self.ox
        return out

    @overload
    def py(self, y: float) -> float: ...
    @overload
    def py(self, y: FloatArray) -> FloatArray: ...

    def py(self, y: FloatArray | float) -> FloatArray | float:
        if isinstance(y, float | int | np.floating | np.integer):
            return float(self.sy * float(y) + self.oy)
        out: FloatArray = self.sy * np.asarray(y, dtype=np.float64) + self.oy
        return out

    @property
    def X0(self) -> float:
        return float(self.sx * self.x0 + self.ox)

    @property
    def X1(self) -> float:
        return float(self.sx * self.x1 + self.ox)

    @property
    def Ytop(self) -> float:
        return float(min(self.oy, self.sy * self.total + self.oy))

    @property
    def Ybottom(self) -> float:
        return float(max(self.oy, self.sy * self.total + self.oy))

