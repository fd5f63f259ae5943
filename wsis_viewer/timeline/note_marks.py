"""Note marks on the timeline: a small magenta flag above every event that has notes.

Drawn by the window (ui/workspace_ui.py) and by an export with notes (report/scene.py), so
both show the same marks. Reads the timeline's index and lane layout at paint time, so hiding
lanes or filtering years moves or hides the marks with the events; drawn in device pixels (a
fixed size at every zoom).
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from wsis_viewer.timeline.raster import BAR_FILL, MAX_BAR_PX

MARK_COLOUR = QColor("#c2185b")  # a note mark: magenta, apart from every lane colour
MARK_PX = 9.0


# --- the timeline's note marks ----------------------------------------------------------------


class NoteMarks(pg.GraphicsObject):
    """A small triangle at the top-left corner of every event that has notes.

    Reads the timeline's index and lane layout at paint time, so hiding lanes or filtering
    years moves or hides the marks with the events. Drawn in device pixels (a fixed size at
    every zoom)."""

    def __init__(self, timeline: Any) -> None:
        super().__init__()
        self._timeline = timeline
        self._events: list[int] = []
        self.setZValue(20)

    def set_records(self, record_ids: set[str]) -> None:
        ix = self._timeline.index()
        self.prepareGeometryChange()
        self._events = [] if ix is None else sorted(
            i for i in (ix.index_of(r) for r in record_ids) if i is not None)
        self.update()

    def marked(self) -> list[int]:
        return list(self._events)

    def boundingRect(self) -> QRectF:
        ix = self._timeline.index()
        lay = self._timeline._item.layout
        if ix is None or lay is None or not len(ix):
            return QRectF()
        a, b = ix.extent()
        return QRectF(a - 365, 0, (b - a) + 730, lay.total)

    def paint(self, p: QPainter, _opt: QStyleOptionGraphicsItem,
              _widget: QWidget | None = None) -> None:
        ix = self._timeline.index()
        lay = self._timeline._item.layout
        if ix is None or lay is None or not self._events:
            return
        shown = self._timeline._item.state.shown
        tr = p.transform()
        pitch = lay.pitch()
        p.save()
        p.resetTransform()
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("white"), 1))
        p.setBrush(QBrush(MARK_COLOUR))
        for i in self._events:
            lane = int(ix.lane[i])
            if len(shown) == len(ix) and not shown[i]:
                continue
            top = lay.top[lane]
            if top != top:  # NaN: lane hidden
                continue
            # A small downward flag just above the event's bar, at its start: the bar's own
            # height follows the painter's rule (a share of the row, capped).
            centre = tr.map(QPointF(float(ix.start[i]), float(top + (ix.row[i] + 0.5)
                                                                 * pitch[lane])))
            row_px = abs(tr.map(QPointF(0.0, float(pitch[lane]))).y()
                         - tr.map(QPointF(0.0, 0.0)).y())
            bar_px = min(row_px * BAR_FILL, MAX_BAR_PX)
            x, tip = centre.x(), centre.y() - bar_px / 2 - 1
            p.drawPolygon(QPolygonF([QPointF(x - MARK_PX / 2, tip - MARK_PX),
                                     QPointF(x + MARK_PX / 2, tip - MARK_PX),
                                     QPointF(x, tip)]))
        p.restore()


def add_note_marks(timeline: Any) -> NoteMarks:
    """Marks on `timeline` (a TimelineWidget), above its events."""
    marks = NoteMarks(timeline)
    timeline._plot.getPlotItem().addItem(marks)
    return marks
