"""TimelineWidget: the timeline view the main window embeds (lanes, items, axis, overview).

The main window talks to it only through the methods and signals below; everything is in
event ids (str) and UTC dates, never in rows or pixels.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import numpy.typing as npt
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QImage, QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from wsis_viewer.domain.bounds import MAX_TOOLTIP_SITTINGS, elide
from wsis_viewer.domain.timeline_index import DAY, TimelineIndex, date_to_x, x_to_date
from wsis_viewer.domain.view_state import (
    Emphasis,
    Period,
    ViewState,
    fit_range,
    shown_mask,
)
from wsis_viewer.timeline.accessible import TimelineAccessibility
from wsis_viewer.timeline.axes import LaneAxisItem, TimeAxisItem
from wsis_viewer.timeline.chain_edges import Edge
from wsis_viewer.timeline.colors import Theme, with_alpha
from wsis_viewer.timeline.dates import DateFormatter, english_formatter
from wsis_viewer.timeline.layout import LaneLayout
from wsis_viewer.timeline.overview import DensityItem
from wsis_viewer.timeline.painter import Markers, TimelineItem

HOVER_TOLERANCE_PX = 5.0
OVERVIEW_HEIGHT = 76
MIN_HEIGHT_WITH_OVERVIEW = 330  # below this the overview strip is hidden (lanes need the room)


@dataclass
class _Settings:
    """Everything set through the API; copied as is into an offscreen clone by render_image."""

    lane_labels: dict[str, str] = field(default_factory=dict)
    # The filters (hidden lanes, years) of the ViewState drawn; the rest of it is not used here.
    filters: ViewState = field(default_factory=ViewState)
    emphasis: Emphasis = field(default_factory=Emphasis)
    formatter: DateFormatter = english_formatter
    title_lang: str = "en"
    markers: Markers = field(default_factory=Markers)


class TimelineWidget(QWidget):
    selectionChanged = Signal(str)
    activated = Signal(str)
    hoveredChanged = Signal(str)
    viewRangeChanged = Signal(float, float)
    clearRequested = Signal()  # Esc or a click on empty space: clear any selection

    def __init__(self, parent: QWidget | None = None, *, overview: bool = True) -> None:
        super().__init__(parent)
        self._index: TimelineIndex | None = None
        self._settings = _Settings()
        self._selected: int | None = None
        self._hovered: int | None = None
        self._tooltip: Callable[[str], str] = self.default_tooltip
        self._syncing = False
        self._full_range = (0.0, DAY)

        self._time_axis = TimeAxisItem()
        self._lane_axis = LaneAxisItem()
        self._plot = pg.PlotWidget(axisItems={"bottom": self._time_axis,
                                              "left": self._lane_axis})
        plot_item = self._plot.getPlotItem()
        plot_item.hideButtons()
        plot_item.setMenuEnabled(False)
        self._vb = plot_item.getViewBox()
        self._vb.setMenuEnabled(False)
        self._vb.setMouseEnabled(x=True, y=False)  # wheel and drag act on time only
        self._vb.enableAutoRange(enable=False)
        self._vb.invertY(True)  # first lane on top
        self._item = TimelineItem()
        plot_item.addItem(self._item)
        # Keys go to this widget, not to the QGraphicsView inside it.
        self._plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self._overview: pg.PlotWidget | None = None
        self._overview_wanted = True
        self._density = DensityItem()
        self._region = pg.LinearRegionItem(orientation="vertical")
        if overview:
            self._overview = pg.PlotWidget(axisItems={
                "bottom": TimeAxisItem(context=False), "left": pg.AxisItem("left")})
            ov_item = self._overview.getPlotItem()
            ov_item.hideButtons()
            ov_item.setMenuEnabled(False)
            ov_item.getAxis("left").setStyle(showValues=False, tickLength=0)
            ov_vb = ov_item.getViewBox()
            ov_vb.setMouseEnabled(x=False, y=False)
            ov_vb.setMenuEnabled(False)
            ov_vb.invertY(True)
            ov_item.addItem(self._density)
            ov_item.addItem(self._region)
            self._region.setZValue(10)
            self._overview.setFixedHeight(OVERVIEW_HEIGHT)
            self._overview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._region.sigRegionChanged.connect(self._on_region_changed)
            self._overview.scene().sigMouseClicked.connect(self._on_overview_click)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self._plot, 1)
        if self._overview is not None:
            layout.addWidget(self._overview)

        self._vb.sigXRangeChanged.connect(self._on_view_changed)
        scene = self._plot.scene()
        scene.sigMouseClicked.connect(self._on_click)
        scene.sigMouseMoved.connect(self._on_mouse_moved)
        self._apply_theme()
        # Screen readers: the canvas as a chart, its events as children (timeline/accessible).
        self._a11y = TimelineAccessibility(self)

    # --- data -----------------------------------------------------------------------------

    def set_data(self, index: TimelineIndex, lane_labels: dict[str, str]) -> None:
        self._index = index
        self._settings.lane_labels = dict(lane_labels)
        self._selected = self._hovered = None
        self._a11y.data_changed()
        a, b = index.extent()
        margin = max(0.03 * (b - a), 30 * DAY)
        self._full_range = (a - margin, b + margin)
        self._vb.setLimits(xMin=self._full_range[0], xMax=self._full_range[1],
                           minXRange=DAY, maxXRange=self._full_range[1] - self._full_range[0])
        self._item.set_data(index, self._build_layout())
        self._refresh_filters()
        self._refresh_layout()
        self.fit_all()

    def index(self) -> TimelineIndex | None:
        return self._index

    def set_lane_labels(self, lane_labels: dict[str, str]) -> None:
        self._settings.lane_labels = dict(lane_labels)
        self._refresh_layout()

    def set_visible_lanes(self, lane_ids: set[str]) -> None:
        all_lanes = set(self._index.lane_ids) if self._index is not None else set()
        self.set_filters(self._settings.filters.with_changes(
            hidden_lanes=frozenset(all_lanes - set(lane_ids))))

    def set_filters(self, state: ViewState) -> None:
        """Show what `state`'s lane and year filters leave (view_state.shown_mask)."""
        old = self._settings.filters
        self._settings.filters = ViewState(hidden_lanes=state.hidden_lanes, years=state.years)
        if old.hidden_lanes != state.hidden_lanes:
            self._refresh_filters()
            self._refresh_layout()
        elif old.years != state.years:
            self._refresh_filters()

    def set_emphasis(self, emphasis: Emphasis) -> None:
        """What stands out (view_state.emphasis_for): the rest fades; arrows for the chain."""
        if emphasis != self._settings.emphasis:
            self._settings.emphasis = emphasis
            self._refresh_emphasis()

    def show_state(self, state: ViewState, emphasis: Emphasis) -> None:
        """Draw `state` (filters, selection, language; the time range when it has one) with
        its `emphasis`, without emitting selectionChanged: the caller already knows."""
        self.set_filters(state)
        self.set_emphasis(emphasis)
        if state.lang != self._settings.title_lang:
            self.set_title_language(state.lang)
        ref = state.selected
        event_id = ref.id if ref is not None and ref.type.value == "event" else None
        blocked = self.blockSignals(True)
        try:
            self.select(event_id, ensure_visible=False)
        finally:
            self.blockSignals(blocked)
        if state.time_range is not None and state.time_range != self.view_range():
            self.set_view_range(*state.time_range)

    def set_tooltip_provider(self, fn: Callable[[str], str]) -> None:
        self._tooltip = fn

    def set_axis_formatter(self, fn: DateFormatter) -> None:
        """Date texts of the axis and of month / year-precision labels (localisation)."""
        self._settings.formatter = fn
        self._time_axis.set_formatter(fn)
        if self._overview is not None:
            axis = self._overview.getPlotItem().getAxis("bottom")
            assert isinstance(axis, TimeAxisItem)
            axis.set_formatter(fn)
        self._item.state.formatter = fn
        self._item.changed()

    def set_title_language(self, lang: str) -> None:
        """Which title the labels show: "en" or "zh" (the other is the fallback)."""
        self._settings.title_lang = lang
        self._item.state.title_lang = lang
        self._item.changed()

    def set_markers(self, period: Period | None, today: dt.date | bool | None = True) -> None:
        """The shaded period with labelled edges; today's line (True: the real today)."""
        today_date = (dt.datetime.now(dt.UTC).date() if today is True
                      else None if today is False else today)
        self._settings.markers = Markers(
            (period.start, period.end) if period else None,
            period.labels if period else ("", ""), today_date)
        self._item.state.markers = self._settings.markers
        self._item.changed()

    # --- selection and navigation ---------------------------------------------------------

    def select(self, event_id: str | None, ensure_visible: bool = True) -> None:
        i = None if not event_id or self._index is None else self._index.index_of(event_id)
        changed = i != self._selected
        self._selected = i
        self._item.state.selected = i
        self._item.changed()
        if i is not None and ensure_visible:
            self._ensure_visible(i)
        if changed:
            self._a11y.selection_changed(None if i is None else self._id(i))
            self.selectionChanged.emit("" if i is None else self._id(i))

    def selected(self) -> str | None:
        return None if self._selected is None else self._id(self._selected)

    def select_adjacent_in_time(self, step: int) -> None:
        ix = self._index
        if ix is None:
            return
        shown = self._item.state.shown
        if self._selected is None or not shown[self._selected]:
            x0, x1 = self.view_range()
            in_view = ix.events_in_range(x0, x1)
            in_view = in_view[shown[in_view]]
            j = (int(in_view[0] if step > 0 else in_view[-1]) if len(in_view)
                 else ix.adjacent_in_time(None, step, shown))
        else:
            j = ix.adjacent_in_time(self._selected, step, shown)
        if j is not None:
            self.select(self._id(j))

    def select_adjacent_lane(self, step: int) -> None:
        ix, lay = self._index, self._item.layout
        if ix is None or lay is None or not lay.order:
            return
        shown = self._item.state.shown
        if self._selected is None or not shown[self._selected]:
            x0, x1 = self.view_range()
            lanes = lay.order if step > 0 else lay.order[::-1]
            j = next((k for lane in lanes
                      if (k := ix.nearest_in_lane(lane, (x0 + x1) / 2, shown)) is not None),
                     None)
        else:
            j = ix.adjacent_lane(self._selected, step, lay.order, shown)
        if j is not None:
            self.select(self._id(j))

    def event_rect(self, i: int) -> QRect | None:
        """Where event position `i` is drawn, in this widget's coordinates (None when no
        data): what its accessible child reports, so a magnifier can follow the selection."""
        ix, lay = self._index, self._item.layout
        if ix is None or lay is None or np.isnan(lay.top[ix.lane[i]]):
            return None
        lane = int(ix.lane[i])
        pitch = float(lay.pitch()[lane])
        top = float(lay.top[lane]) + float(ix.row[i]) * pitch
        view = QRectF(float(ix.start[i]), top, max(float(ix.end[i] - ix.start[i]), 1.0), pitch)
        scene = self._vb.mapViewToScene(view).boundingRect()
        rect = self._plot.mapFromScene(scene).boundingRect()
        return QRect(self._plot.mapTo(self, rect.topLeft()), rect.size())

    def set_focus_ring(self, on: bool) -> None:
        """Draw the keyboard focus ring around the selected event (while focused)."""
        if self._item.state.focused != on:
            self._item.state.focused = on
            self._item.changed()

    def reveal(self, event_id: str) -> None:
        """Pan (or zoom) just enough for the event to be in view."""
        i = None if self._index is None else self._index.index_of(event_id)
        if i is not None:
            self._ensure_visible(i)

    def set_overview_visible(self, visible: bool) -> None:
        self._overview_wanted = visible
        self._fit_overview()

    def _fit_overview(self) -> None:
        """The strip gives way in a short widget: the lanes need the height more."""
        if self._overview is not None:
            self._overview.setVisible(self._overview_wanted
                                      and self.height() >= MIN_HEIGHT_WITH_OVERVIEW)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_overview()

    def zoom_to_event(self, event_id: str) -> None:
        ix = self._index
        i = None if ix is None else ix.index_of(event_id)
        if ix is None or i is None:
            return
        a, b = float(ix.start[i]), float(ix.end[i])
        pad = max((b - a) * 0.6, 3 * DAY)
        self.set_view_range(a - pad, b + pad)

    def fit_all(self) -> None:
        """Fit what the filters show (everything when they hide nothing)."""
        ix = self._index
        if ix is None:
            return
        shown = self._item.state.shown
        self.set_view_range(*fit_range(ix, shown if len(shown) == len(ix) else None,
                                       self._settings.filters.years))

    def zoom(self, factor: float) -> None:
        """factor > 1 zooms in (the visible time span shrinks by it), around the centre."""
        if factor <= 0:
            raise ValueError("zoom factor must be positive")
        x0, x1 = self.view_range()
        centre, half = (x0 + x1) / 2, (x1 - x0) / 2 / factor
        self.set_view_range(centre - half, centre + half)

    def view_range(self) -> tuple[float, float]:
        (x0, x1), _ = self._vb.viewRange()
        return float(x0), float(x1)

    def set_view_range(self, x0: float, x1: float) -> None:
        self._vb.setXRange(x0, x1, padding=0)

    # --- rendering ------------------------------------------------------------------------

    def render_image(self, width: int, height: int, scale: float = 1.0) -> QImage:
        """An offscreen picture of exactly the current view (time range, filters, selection).

        Drawn by an invisible clone of this widget sized width × height, so the on-screen
        widget is neither resized nor repainted. `scale` is the device pixel ratio.
        """
        clone = self.export_copy()
        clone.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        clone.resize(width, height)
        clone.show()
        try:
            QApplication.processEvents()
            clone.set_view_range(*self.view_range())  # again, once laid out at its size
            image = QImage(round(width * scale), round(height * scale),
                           QImage.Format.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(scale)
            image.fill(clone._item.theme.background)
            painter = QPainter(image)
            try:
                clone._plot.render(painter)
            finally:
                painter.end()
            return image
        finally:
            clone.close()
            clone.deleteLater()

    def export_copy(self) -> TimelineWidget:
        """A new, unshown widget drawing what this one draws (data, filters, selection,
        chain, language, palette, font, time range), without the overview strip: what
        File > Export and Print lay out with a caption and a legend."""
        clone = TimelineWidget(overview=False)
        clone.setFont(self.font())
        clone.setPalette(self.palette())
        if self._index is not None:
            clone._load_settings(self._index, self._settings, self._selected)
        clone.set_view_range(*self.view_range())
        return clone

    def _load_settings(self, index: TimelineIndex, settings: _Settings,
                       selected: int | None) -> None:
        self.set_data(index, settings.lane_labels)
        self._settings = replace(settings)
        self._time_axis.set_formatter(settings.formatter)
        self._item.state.formatter = settings.formatter
        self._item.state.title_lang = settings.title_lang
        self._item.state.markers = settings.markers
        self._refresh_filters()
        self._refresh_layout()
        self._refresh_emphasis()
        self._selected = selected
        self._item.state.selected = selected

    # --- internals ------------------------------------------------------------------------

    def _id(self, i: int) -> str:
        assert self._index is not None
        return self._index.ids[i]

    def _visible_lane_order(self) -> list[int]:
        ix = self._index
        assert ix is not None
        hidden = self._settings.filters.hidden_lanes
        return [k for k, lane in enumerate(ix.lane_ids) if lane not in hidden]

    def _build_layout(self) -> LaneLayout:
        assert self._index is not None
        return LaneLayout.build(self._index.lane_rows, self._visible_lane_order())

    def _refresh_filters(self) -> None:
        ix = self._index
        if ix is None:
            return
        self._item.state.shown = shown_mask(ix, self._settings.filters)
        self._item.changed()
        self._refresh_overview()

    def _refresh_layout(self) -> None:
        ix = self._index
        if ix is None:
            return
        lay = self._build_layout()
        self._item.set_layout(lay)
        labels = self._settings.lane_labels
        self._lane_axis.set_lanes([(y, labels.get(ix.lane_ids[lane], ix.lane_ids[lane]))
                                   for lane, y in lay.centres()])
        self._vb.setLimits(yMin=0, yMax=lay.total)
        self._vb.setYRange(0, lay.total, padding=0)
        self._refresh_overview()

    def _refresh_emphasis(self) -> None:
        ix = self._index
        if ix is None:
            return
        emphasis = self._settings.emphasis
        mask: npt.NDArray[np.bool_] | None = None
        if emphasis.highlight is not None:
            mask = np.zeros(len(ix), dtype=bool)
            # Vectorised, and remembered for this set (a search's, mapped in its thread).
            hits = ix.positions_of_set(emphasis.highlight)
            mask[hits[hits >= 0]] = True
        edges: list[Edge] = []
        for c in emphasis.connectors:
            ia, ib = ix.index_of(c.source), ix.index_of(c.target)
            if ia is not None and ib is not None:
                target_x = date_to_x(c.target_day) if c.target_day is not None else None
                edges.append(Edge(ia, ib, c.label, target_x, c.inferred))
        self._item.state.emphasis = mask
        self._item.state.edges = edges
        self._item.changed()

    def _refresh_overview(self) -> None:
        ix, lay = self._index, self._item.layout
        if self._overview is None or ix is None or lay is None:
            return
        a, b = self._full_range
        self._density.set_density(ix, lay.order, self._item.state.shown, a, b)
        ov_vb = self._overview.getPlotItem().getViewBox()
        ov_vb.setRange(xRange=(a, b), yRange=(0, max(1, len(lay.order))), padding=0)
        self._region.setBounds((a, b))
        # Line up the strip's time axis with the main view's.
        self._overview.getPlotItem().getAxis("left").setWidth(self._lane_axis.fixed_width)
        self._on_view_changed()

    def _ensure_visible(self, i: int) -> None:
        ix = self._index
        assert ix is not None
        a, b = float(ix.start[i]), float(ix.end[i])
        x0, x1 = self.view_range()
        if a >= x0 and b <= x1:
            return
        span = x1 - x0
        if b - a > 0.8 * span:
            self.zoom_to_event(self._id(i))
        else:
            centre = (a + b) / 2
            self.set_view_range(centre - span / 2, centre + span / 2)

    def _on_view_changed(self, *_: object) -> None:
        x0, x1 = self.view_range()
        if self._overview is not None and not self._syncing:
            self._syncing = True
            try:
                self._region.setRegion((x0, x1))
            finally:
                self._syncing = False
        self.viewRangeChanged.emit(x0, x1)

    def _on_overview_click(self, ev: Any) -> None:  # pyqtgraph's MouseClickEvent
        """A click in the overview strip centres the view there, keeping its span."""
        if self._overview is None or ev.button() != Qt.MouseButton.LeftButton:
            return
        vb = self._overview.getPlotItem().getViewBox()
        pos = ev.scenePos()
        if not vb.sceneBoundingRect().contains(pos):
            return
        x = float(vb.mapSceneToView(pos).x())
        x0, x1 = self.view_range()
        half = (x1 - x0) / 2
        self.set_view_range(x - half, x + half)
        ev.accept()

    def _on_region_changed(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            r0, r1 = self._region.getRegion()
            self.set_view_range(float(r0), float(r1))
        finally:
            self._syncing = False
        # The view clamps to its limits: show the clamped range in the strip.
        self._on_view_changed()

    def _hit(self, scene_pos: QPointF) -> int | None:
        ix, lay = self._index, self._item.layout
        if ix is None or lay is None or not self._vb.sceneBoundingRect().contains(scene_pos):
            return None
        p = self._vb.mapSceneToView(scene_pos)
        x0, x1 = self.view_range()
        width_px = max(1.0, self._vb.width())
        tol_x = HOVER_TOLERANCE_PX * (x1 - x0) / width_px
        units_per_px = lay.total / max(1.0, self._vb.height())
        shown = self._item.state.shown
        hits: list[tuple[float, int]] = []
        # The row under the cursor first, then rows within a few pixels (thin rows).
        for dy_px in (0.0, -3.0, 3.0, -6.0, 6.0):
            loc = lay.locate(p.y() + dy_px * units_per_px)
            if loc is None:
                continue
            lane, row = loc
            i = ix.hit_test(p.x(), lane, int(row), tol_x, shown)
            if i is not None:
                hits.append((abs(dy_px), i))
                break
        return hits[0][1] if hits else None

    def _on_click(self, ev: Any) -> None:  # pyqtgraph's MouseClickEvent
        if not hasattr(ev, "button") or ev.button() != Qt.MouseButton.LeftButton:
            return
        pos = ev.scenePos()
        if not self._vb.sceneBoundingRect().contains(pos):
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        i = self._hit(pos)
        if ev.double():
            if i is not None:
                self.select(self._id(i), ensure_visible=False)
                self.zoom_to_event(self._id(i))
                self.activated.emit(self._id(i))
        elif i is None:
            # Empty space: clear whatever is selected, also a record that is not an event
            # (then the timeline itself had nothing selected and would not signal a change).
            self.select(None, ensure_visible=False)
            self.clearRequested.emit()
        else:
            self.select(self._id(i), ensure_visible=False)
        ev.accept()

    def _on_mouse_moved(self, pos: QPointF) -> None:
        i = self._hit(pos)
        if i == self._hovered:
            return
        self._hovered = i
        self._item.state.hovered = i
        self._item.update()
        event_id = "" if i is None else self._id(i)
        self.hoveredChanged.emit(event_id)
        # The scene shows an item's tool tip on its own (QEvent.ToolTip → helpEvent), with the
        # platform's delay; an empty one shows nothing.
        self._item.setToolTip("" if i is None else self._tooltip(event_id))

    def default_tooltip(self, event_id: str) -> str:
        ix = self._index
        i = None if ix is None else ix.index_of(event_id)
        if ix is None or i is None:
            return ""
        fmt = self._settings.formatter
        lines = [f"<b>{html.escape(self._item.title(i))}</b>"]
        other = ix.title_zh[i] if self._settings.title_lang == "en" else ix.title_en[i]
        if other:
            lines.append(html.escape(elide(other)))
        if ix.precision_name(i) == "day":
            count = int(ix.n_sessions[i])
            for s0, s1 in ix.sessions_of(i, MAX_TOOLTIP_SITTINGS):
                a, b = x_to_date(s0), x_to_date(s1 - 1)
                text = fmt(a, "day_month_year")
                if b != a:
                    text += f" – {fmt(b, 'day_month_year')}"
                lines.append(html.escape(text))
            if count > MAX_TOOLTIP_SITTINGS:
                lines.append(html.escape(f"… +{count - MAX_TOOLTIP_SITTINGS}"))
        return "<br>".join(lines)

    def _apply_theme(self) -> None:
        theme = Theme.from_palette(self.palette())
        self._item.set_theme(theme, self.font())
        widgets = [self._plot] + ([self._overview] if self._overview is not None else [])
        for w in widgets:
            w.setBackground(theme.background)
            for name in ("bottom", "left"):
                axis = w.getPlotItem().getAxis(name)
                axis.setTextPen(theme.text)
                axis.setPen(theme.muted_text)
        self._lane_axis.setPen(pg.mkPen(None))
        self._region.setBrush(with_alpha(theme.text, 28))
        self._region.setHoverBrush(with_alpha(theme.text, 45))
        for line in self._region.lines:
            line.setPen(pg.mkPen(with_alpha(theme.text, 170), width=2))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._apply_theme()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Left:
            self.select_adjacent_in_time(-1)
        elif key == Qt.Key.Key_Right:
            self.select_adjacent_in_time(1)
        elif key == Qt.Key.Key_Up:
            self.select_adjacent_lane(-1)
        elif key == Qt.Key.Key_Down:
            self.select_adjacent_lane(1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._selected is not None:
                self.activated.emit(self._id(self._selected))
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.5)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / 1.5)
        elif key == Qt.Key.Key_Home:
            self.fit_all()
        elif key == Qt.Key.Key_Escape:
            self.select(None)
            self.clearRequested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
