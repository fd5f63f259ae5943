"""Pictures of the timeline: PNG, SVG and PDF, with a caption and a legend.

One composition serves the window's File > Export and the headless `wsis-viewer screenshot`:
caption (what, which database, which dates, when exported) above, the timeline (and optionally
the detail panel) in the middle, a legend of lanes and symbols below. Everything is drawn by
QWidget.render, so SVG and PDF stay vector (text remains text) and PNG scales crisply.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPaintEvent,
    QPalette,
    QPdfWriter,
    QPen,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from wsis_viewer.domain.dates import format_span
from wsis_viewer.timeline.colors import Theme, lane_colour, with_alpha
from wsis_viewer.timeline.note_marks import MARK_COLOUR, MARK_PX
from wsis_viewer.timeline.widget import TimelineWidget

CAPTION_CONTEXT = "Export"  # the translation context of every text in this module


def default_title() -> str:
    """The caption's title when the caller gives none (window export, screenshot)."""
    return QCoreApplication.translate("Export", "ITU's work on WSIS, 2010–2014: "
                                                "the CWG-WSIS timeline")


def caption_extra(selected: str | None, search: str) -> str:
    """'selected: Council Resolution 1334 · search: “Tunis”' for the caption line (`selected`
    is the record's name as people write it, never an internal id)."""
    parts = []
    if selected:
        parts.append(QCoreApplication.translate("Export", "selected: %1").replace("%1", selected))
    if search.strip():
        parts.append(QCoreApplication.translate("Export", "search: %1")
                     .replace("%1", f"“{search.strip()}”"))
    return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class Caption:
    title: str
    database: str
    start: dt.date
    end: dt.date
    exported: dt.date
    lang: str = "en"
    extra: str = ""

    def text(self) -> str:
        span = format_span(self.start, self.end, lang=self.lang)
        when = format_span(self.exported, self.exported, lang=self.lang)
        # %1 the dates shown, %2 the database's name, %3 the day of the export.
        line = QCoreApplication.translate("Export", "%1 · database: %2 · exported %3")
        # One pass over the placeholders: a database name may itself contain "%3".
        values = {"%1": span, "%2": self.database, "%3": when}
        line = "".join(values.get(part, part) for part in _split_placeholders(line))
        return line + (f" · {self.extra}" if self.extra else "")


def _split_placeholders(text: str) -> list[str]:
    return [p for p in re.split(r"(%[1-9])", text) if p]


@dataclass(frozen=True, slots=True)
class LegendEntry:
    label: str
    colour: QColor | None = None  # a lane swatch
    # lane | bar | marker | hatched | connector | chain | inferred | selected | note
    symbol: str = "lane"


class Legend(QWidget):
    """Lane colours and what the shapes mean, laid out in rows that wrap."""

    SWATCH = 14

    def __init__(self, entries: list[LegendEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = entries
        self.setMinimumHeight(self._height_for(1200))

    def _items(self, width: int) -> list[tuple[LegendEntry, QPointF, int]]:
        fm = self.fontMetrics()
        x, y, out = 8, 6, []
        row = fm.height() + 8
        for entry in self.entries:
            w = self.SWATCH + 6 + fm.horizontalAdvance(entry.label) + 18
            if x + w > width - 8 and x > 8:
                x, y = 8, y + row
            out.append((entry, QPointF(x, y), w))
            x += w
        return out

    def _height_for(self, width: int) -> int:
        items = self._items(width)
        last_y = items[-1][1].y() if items else 0
        return int(last_y + self.fontMetrics().height() + 14)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._height_for(width)

    def sizeHint(self) -> QSize:
        return QSize(800, self._height_for(max(self.width(), 400)))

    def paintEvent(self, event: QPaintEvent) -> None:
        theme = Theme.from_palette(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        s = self.SWATCH
        for entry, pos, _w in self._items(self.width()):
            box = QRectF(pos.x(), pos.y() + (fm.height() - s) / 2, s, s)
            colour = entry.colour or theme.text
            painter.setPen(QPen(colour, 1))
            painter.setBrush(QBrush(colour))
            if entry.symbol == "marker":
                c = box.center()
                r = s / 2 - 1
                painter.drawPolygon([QPointF(c.x(), c.y() - r), QPointF(c.x() + r, c.y()),
                                     QPointF(c.x(), c.y() + r), QPointF(c.x() - r, c.y())])
            elif entry.symbol == "hatched":
                painter.setBrush(QBrush(with_alpha(colour, 90), Qt.BrushStyle.BDiagPattern))
                painter.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
                painter.drawRect(box.adjusted(0, 3, 0, -3))
            elif entry.symbol == "connector":
                painter.drawLine(QPointF(box.left(), box.center().y()),
                                 QPointF(box.right(), box.center().y()))
            elif entry.symbol == "chain":
                painter.setPen(QPen(theme.connector, 1.5))
                painter.drawLine(QPointF(box.left(), box.bottom()), QPointF(box.right(), box.top()))
            elif entry.symbol == "inferred":
                painter.setPen(QPen(theme.connector, 1.5, Qt.PenStyle.DashLine))
                painter.drawLine(QPointF(box.left(), box.bottom()), QPointF(box.right(), box.top()))
            elif entry.symbol == "note":  # the timeline's flag (timeline/note_marks.py)
                painter.setPen(QPen(QColor("white"), 1))
                c, r = box.center(), MARK_PX / 2
                painter.drawPolygon([QPointF(c.x() - r, c.y() - r), QPointF(c.x() + r, c.y() - r),
                                     QPointF(c.x(), c.y() + r)])
            elif entry.symbol == "selected":
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(theme.selection, 2))
                painter.drawRect(box.adjusted(1, 3, -1, -3))
            else:  # lane swatch or bar
                painter.drawRect(box.adjusted(0, 3, 0, -3))
            painter.setPen(theme.text)
            painter.drawText(QPointF(box.right() + 6, pos.y() + fm.ascent()), entry.label)
        painter.end()


class ExportView(QWidget):
    """Caption + timeline (+ detail panel) + legend, as one widget to render."""

    def __init__(self, timeline: TimelineWidget, caption: Caption, legend: list[LegendEntry],
                 details_html: str | None = None) -> None:
        super().__init__()
        self.timeline = timeline
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(4)
        # Plain text: titles, database names and search text come from outside.
        title = QLabel(caption.title)
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        subtitle = QLabel(caption.text())
        subtitle.setTextFormat(Qt.TextFormat.PlainText)
        subtitle.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(subtitle)
        self._layout = layout
        middle = QHBoxLayout()
        middle.setSpacing(8)
        middle.addWidget(timeline, 3)
        self.details: QTextBrowser | None = None
        if details_html is not None:
            self.details = QTextBrowser()
            self.details.setHtml(details_html)
            self.details.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            middle.addWidget(self.details, 1)
        layout.addLayout(middle, 1)
        layout.addWidget(Legend(legend))

    def height_for(self, width: int, height: int) -> int:
        """The height to render at: `height`, grown (up to MAX_DETAILS_GROWTH times) so the
        detail panel shows whole; a panel longer than that ends on a whole paragraph with
        "…continued" (never mid-line)."""
        if self.details is None:
            return height
        self.resize(width, height)
        settle(self)
        doc = self.details.document()
        doc.setTextWidth(self.details.viewport().width())
        chrome = height - self.details.viewport().height()
        needed = int(doc.size().height()) + chrome + 4
        limit = int(height * MAX_DETAILS_GROWTH)
        if needed <= height:
            return height
        if needed <= limit:
            return needed
        _cut_document(doc, limit - chrome - 4 - 2 * self.fontMetrics().height(),
                      QCoreApplication.translate("Export", "…continued"))
        return limit


MAX_DETAILS_GROWTH = 2.0


def _cut_document(doc: QTextDocument, room: float, note: str) -> None:
    """Remove the blocks that do not fit in `room` pixels whole, then add `note`."""
    layout = doc.documentLayout()
    block = doc.begin()
    while block.isValid():
        if layout.blockBoundingRect(block).bottom() > room:
            break
        block = block.next()
    if not block.isValid():
        return
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    cursor.insertText(note)


def legend_entries(lane_labels: list[tuple[str, int]], *, notes: bool = False
                   ) -> list[LegendEntry]:
    """Lane swatches (label, colour index) then the symbols, in the installed language;
    with `notes`, the note mark too (an export with notes)."""
    entries = [LegendEntry(label, lane_colour(i)) for label, i in lane_labels]
    entries += [
        LegendEntry(QCoreApplication.translate("Export", "multi-day sitting"), symbol="bar"),
        LegendEntry(QCoreApplication.translate("Export", "single day"), symbol="marker"),
        LegendEntry(QCoreApplication.translate("Export", "date known to month/year only"),
                    symbol="hatched"),
        LegendEntry(QCoreApplication.translate("Export", "sittings of one meeting"),
                    symbol="connector"),
        LegendEntry(QCoreApplication.translate("Export", "chain (time elapsed)"),
                    symbol="chain"),
        LegendEntry(QCoreApplication.translate("Export", "inferred step (not stated)"),
                    symbol="inferred"),
        LegendEntry(QCoreApplication.translate("Export", "selected"), symbol="selected"),
    ]
    if notes:
        entries.append(LegendEntry(QCoreApplication.translate("Export", "has notes"),
                                   MARK_COLOUR, symbol="note"))
    return entries


def render_png(view: QWidget, width: int, height: int, scale: float) -> QImage:
    view.resize(width, height)
    settle(view)
    image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(view.palette().color(QPalette.ColorRole.Window))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    try:
        view.render(painter, QPoint(0, 0))
    finally:
        painter.end()
    return image


def write_svg(view: QWidget, path: Path, width: int, height: int, title: str,
              text: str = "paths") -> None:
    """`text`: "paths" (glyph outlines, the same everywhere) or "font" (text with the used
    glyphs embedded as an @font-face); see svg_text."""
    from wsis_viewer.report.svg_text import finish_svg

    view.resize(width, height)
    settle(view)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buffer)
    gen.setSize(QSize(width, height))
    gen.setViewBox(QRectF(0, 0, width, height))
    gen.setTitle(title)
    gen.setDescription(QCoreApplication.translate("Export", "WSIS Timeline Viewer export"))
    painter = QPainter(gen)
    try:
        view.render(painter, QPoint(0, 0))
    finally:
        painter.end()
    svg = bytes(buffer.data().data()).decode("utf-8")
    path.write_text(finish_svg(svg, text), encoding="utf-8")


def write_pdf(view: QWidget, path: Path, width: int, height: int, title: str) -> None:
    """One landscape page the shape of the view; fonts are embedded by Qt's PDF engine."""
    view.resize(width, height)
    settle(view)
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("WSIS Timeline Viewer")
    writer.setResolution(96)
    size = QPageSize(QSizeF(width, height), QPageSize.Unit.Point, "view",
                     QPageSize.SizeMatchPolicy.ExactMatch)
    writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    # Fit the widget's pixels onto the page whatever the writer's resolution.
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    factor = min(page.width() / width, page.height() / height)
    painter.scale(factor, factor)
    try:
        view.render(painter, QPoint(0, 0))
    finally:
        painter.end()


def write_page_view(view: QWidget, painter: QPainter, rect: QRectF) -> None:
    """Draw `view` into `rect` of a painter that is already open (a report page)."""
    view.resize(int(rect.width()), int(rect.height()))
    settle(view)
    painter.save()
    try:
        painter.translate(rect.topLeft())
        view.render(painter, QPoint(0, 0))
    finally:
        painter.restore()


def settle(view: QWidget) -> None:
    """Let layouts and the pyqtgraph view settle before painting."""
    from PySide6.QtWidgets import QApplication

    view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    view.show()
    for _ in range(3):
        QApplication.processEvents()
