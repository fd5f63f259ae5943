"""The legend in the window: one row per lane with its colour, then what each mark means.

The exports draw their own legend; this is the window's (View ▸ Show Legend toggles its dock).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from wsis_viewer.domain.lanes import Lane
from wsis_viewer.qt.i18n import lane_label
from wsis_viewer.timeline.colors import Theme, lane_colour

_W, _H = 34, 14


def mark_pixmap(mark: str, colour: QColor) -> QPixmap:
    """A small drawing of a timeline mark: bar, diamond, hatched span, joined sittings,
    period band, or a lane swatch."""
    pixmap = QPixmap(_W, _H)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(colour.darker(140), 1))
    p.setBrush(colour)
    if mark == "bar":
        p.drawRect(4, 3, _W - 8, _H - 6)
    elif mark == "diamond":
        c = QPointF(_W / 2, _H / 2)
        p.drawPolygon(QPolygonF([c + QPointF(0, -5), c + QPointF(5, 0), c + QPointF(0, 5),
                                 c + QPointF(-5, 0)]))
    elif mark == "hatched":
        faded = QColor(colour)
        faded.setAlpha(90)
        p.setBrush(faded)
        p.drawRect(2, 3, _W - 4, _H - 6)
        p.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
        p.drawRect(2, 3, _W - 4, _H - 6)
    elif mark == "sittings":
        p.drawLine(QPointF(8, _H / 2), QPointF(_W - 8, _H / 2))
        p.drawRect(2, 3, 6, _H - 6)
        p.drawRect(_W - 8, 3, 6, _H - 6)
    elif mark == "period":
        # The timeline's band is a faint tint over its background: drawn the same, outlined.
        p.setPen(QPen(QColor("#999999"), 1, Qt.PenStyle.DotLine))
        p.setBrush(QColor("#ffffff"))
        p.drawRect(1, 1, _W - 2, _H - 2)
        p.setBrush(colour)
        p.drawRect(1, 1, _W - 2, _H - 2)
    elif mark in ("chain", "inferred"):
        style = Qt.PenStyle.DashLine if mark == "inferred" else Qt.PenStyle.SolidLine
        p.setPen(QPen(colour, 1.5, style))
        p.drawLine(QPointF(3, _H - 3), QPointF(_W - 3, 3))
    elif mark == "selected":
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(colour, 2))
        p.drawRect(4, 3, _W - 8, _H - 6)
    else:  # swatch
        p.drawRoundedRect(2, 2, _W - 4, _H - 4, 3, 3)
    p.end()
    return pixmap


class LegendPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self._lanes: tuple[Lane, ...] = ()
        self._lang = "en"
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(8, 6, 8, 6)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(3)
        self._rebuild()

    def set_lanes(self, lanes: tuple[Lane, ...], lang: str) -> None:
        self._lanes, self._lang = lanes, lang
        self._rebuild()

    def texts(self) -> list[str]:
        """Every text of the legend, in order (for tests and screen readers)."""
        out = []
        for k in range(self.grid.count()):
            item = self.grid.itemAt(k)
            w = item.widget() if item is not None else None
            if isinstance(w, QLabel) and w.text():
                out.append(w.text())
        return out

    def _rebuild(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # until deleteLater runs it would still be painted
                widget.deleteLater()
        grey = QColor("#777777")
        theme = Theme.from_palette(self.palette())
        rows: list[tuple[QPixmap | None, str]] = [(None, self.tr("Lanes"))]
        rows += [(mark_pixmap("swatch", lane_colour(k)), lane_label(lane, self._lang))
                 for k, lane in enumerate(self._lanes)]
        rows += [(None, self.tr("Marks")),
                 (mark_pixmap("bar", grey), self.tr("a sitting of several days")),
                 (mark_pixmap("diamond", grey), self.tr("a one-day sitting")),
                 (mark_pixmap("sittings", grey), self.tr("sittings of one meeting, joined")),
                 (mark_pixmap("hatched", grey),
                  self.tr("date known only to the month or year")),
                 (mark_pixmap("chain", theme.connector),
                  self.tr("chain of steps, labelled with the time elapsed")),
                 (mark_pixmap("inferred", theme.connector),
                  self.tr("inferred step (the report does not state it)")),
                 (mark_pixmap("selected", theme.selection), self.tr("selected")),
                 (mark_pixmap("period", theme.period), self.tr("PP-10 → PP-14 period"))]
        for row, (pixmap, text) in enumerate(rows):
            label = QLabel(text, self)
            if pixmap is None:
                font = label.font()
                font.setBold(True)
                label.setFont(font)
                self.grid.addWidget(label, row, 0, 1, 2)
                continue
            icon = QLabel(self)
            icon.setPixmap(pixmap)
            icon.setAccessibleName(text)
            self.grid.addWidget(icon, row, 0)
            self.grid.addWidget(label, row, 1)
        self.grid.setRowStretch(len(rows), 1)
        self.grid.setColumnStretch(0, 0)
        self.grid.setColumnStretch(1, 1)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._rebuild()
        super().changeEvent(event)
