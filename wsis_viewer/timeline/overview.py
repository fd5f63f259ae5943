"""The overview strip: the whole period as a small density picture, with a draggable window.

The density is computed once per data / filter change (lanes × 1000 time bins, numpy) and drawn
as one stretched image, so the strip costs nothing per frame.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from wsis_viewer.domain.timeline_index import TimelineIndex
from wsis_viewer.timeline.colors import lane_colour

BINS = 1000


class DensityItem(pg.GraphicsObject):
    """Events per time bin and lane, as colour intensity; one row per visible lane."""

    def __init__(self) -> None:
        super().__init__()
        self._image: QImage | None = None
        self._rect = QRectF()

    def set_density(self, index: TimelineIndex, lanes: tuple[int, ...],
                    shown: npt.NDArray[np.bool_], x0: float, x1: float) -> None:
        self.prepareGeometryChange()
        self._rect = QRectF(x0, 0.0, x1 - x0, max(1, len(lanes)))
        if not len(index) or not lanes or x1 <= x0:
            self._image = None
            self.update()
            return
        centre = (index.start + index.end) / 2
        b = np.clip(((centre - x0) / (x1 - x0) * BINS).astype(np.int64), 0, BINS - 1)
        row_of_lane = np.full(len(index.lane_ids), -1, dtype=np.int64)
        row_of_lane[list(lanes)] = np.arange(len(lanes))
        row = row_of_lane[index.lane]
        keep = shown & (row >= 0)
        counts = np.bincount(row[keep] * BINS + b[keep], minlength=len(lanes) * BINS)
        counts = counts.reshape(len(lanes), BINS).astype(np.float64)
        level = np.log1p(counts) / max(np.log1p(counts.max()), 1e-9)
        alpha = np.where(counts > 0, 70 + 185 * level, 0).astype(np.uint32)
        rgb = np.array([lane_colour(lane).rgb() & 0xFFFFFF for lane in lanes], dtype=np.uint32)
        r, g, bl = (rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255
        pixels = ((alpha << 24) | ((r[:, None] * alpha // 255) << 16)
                  | ((g[:, None] * alpha // 255) << 8) | (bl[:, None] * alpha // 255))
        pixels = np.ascontiguousarray(pixels, dtype=np.uint32)
        self._image = QImage(pixels.data, BINS, len(lanes), BINS * 4,
                             QImage.Format.Format_ARGB32_Premultiplied).copy()
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(self._rect)

    def paint(self, p: QPainter, opt: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self._image is not None:
            p.drawImage(self._rect, self._image)
