"""The one graphics item that draws every event of the timeline, and what it draws from.

Measured (docs/benchmarks.md, known-pitfalls): one item per event does not scale, so this item
paints only the visible time range in one batch:

* culling by binary search on time-sorted arrays (as `TimelineIndex.sessions_in_range`);
* above `RASTER_THRESHOLD` visible sessions the raster level of detail (timeline/raster.py)
  draws them as one image;
* below it, bars go out with one `drawRects` call per (lane colour, style) from a numpy array,
  single days as diamonds (rotated squares, so they batch the same way);
* item labels (timeline/labels.py) and chain arrows (timeline/chain_edges.py) on top.

Everything is drawn in device pixels (the painter's transform is read once and reset), so pens,
text and diamonds keep their size whatever the zoom.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from wsis_viewer.domain.timeline_index import DAY, PRECISION_DAY, TimelineIndex, date_to_x
from wsis_viewer.timeline.chain_edges import (
    Edge,
    PlacedEdge,
    layout_edges,
    paint_edge_labels,
    paint_edges,
)
from wsis_viewer.timeline.colors import Theme, edge_colour, lane_colour, with_alpha
from wsis_viewer.timeline.dates import DateFormatter, english_formatter
from wsis_viewer.timeline.frame import FloatArray, Frame, draw_lines, draw_rects
from wsis_viewer.timeline.labels import MAX_DIAMOND_PX, ItemLabels, title_text
from wsis_viewer.timeline.layout import LaneLayout
from wsis_viewer.timeline.raster import (
    BAR_FILL,
    MAX_BAR_PX,
    RASTER_THRESHOLD,
    RasterLayer,
    SessionBase,
    ShownSessions,
)

FOCUS_GAP = 4.0  # px between the item and its focus ring
FOCUS_WIDTH = 2.0


@dataclass
class Markers:
    """Dated guides: a shaded period with labelled edges, and today's line."""

    period: tuple[dt.date, dt.date] | None = None  # from the data (LoadedDatabase.period)
    period_labels: tuple[str, str] = ("", "")
    today: dt.date | None = field(default_factory=lambda: dt.datetime.now(dt.UTC).date())


@dataclass
class DrawState:
    """What the item draws besides the data; the widget owns it and bumps `version`."""

    shown: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, bool))
    emphasis: npt.NDArray[np.bool_] | None = None  # None: nothing dimmed
    selected: int | None = None
    hovered: int | None = None
    focused: bool = False  # the widget has keyboard focus: a focus ring on the selection
    edges: list[Edge] = field(default_factory=list)
    formatter: DateFormatter = english_formatter
    title_lang: str = "en"
    markers: Markers = field(default_factory=Markers)


class TimelineItem(pg.GraphicsObject):
    """Draws a TimelineIndex in its lanes; see the module docstring for how."""

    def __init__(self) -> None:
        super().__init__()
        self.index: TimelineIndex | None = None
        self.layout: LaneLayout | None = None
        self.state = DrawState()
        self.theme = Theme.from_palette(QPalette())
        self.font = QFont()
        self.paint_count = 0  # for tests and the benchmark: proves a repaint really painted
        self.placed_edges: list[PlacedEdge] = []  # the last frame's arrows (tests read them)
        self._version = 0
        self._session_base: SessionBase | None = None
        self._shown_sessions: ShownSessions | None = None
        self._raster = RasterLayer()
        self._labels = ItemLabels()
        self.setFlag(self.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    # --- state ----------------------------------------------------------------------------

    def set_data(self, index: TimelineIndex, layout: LaneLayout) -> None:
        self.prepareGeometryChange()
        self.index, self.layout = index, layout
        self._labels.forget_widths()
        self.changed()

    def set_layout(self, layout: LaneLayout) -> None:
        self.prepareGeometryChange()
        self.layout = layout
        self.changed()

    def set_theme(self, theme: Theme, font: QFont) -> None:
        self.theme, self.font = theme, font
        self._labels.forget_widths()
        self.changed()

    def changed(self) -> None:
        self._version += 1
        self.update()

    def boundingRect(self) -> QRectF:
        if self.index is None or self.layout is None or not len(self.index):
            return QRectF()
        a, b = self.index.extent()
        return QRectF(a, 0.0, b - a, self.layout.total)

    # --- painting -------------------------------------------------------------------------

    def paint(self, p: QPainter, opt: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        self.paint_count += 1
        vb = self.getViewBox()
        if self.index is None or self.layout is None or vb is None:
            return
        (x0, x1), _ = vb.viewRange()
        t = p.transform()
        if x1 <= x0 or t.m11() == 0:
            return
        f = Frame(sx=t.m11(), ox=t.dx(), sy=t.m22(), oy=t.dy(), x0=x0, x1=x1,
                   total=self.layout.total)
        p.save()
        p.resetTransform()
        p.setClipRect(QRectF(f.X0, f.Ytop, f.X1 - f.X0, f.Ybottom - f.Ytop))
        self._paint_bands(p, f)
        self._paint_markers(p, f)
        shown = self._prepared_sessions()
        lo, hi, inside = shown.cull(f.x0, f.x1)
        raster = (hi - lo if inside is None else len(inside)) > RASTER_THRESHOLD
        if raster:
            self._raster.configure(self.layout, self.theme, self.state.emphasis)
            self._raster.paint(p, f, shown, lo, hi, inside)
        else:
            self._paint_vector(p, f, shown.visible(lo, hi, inside))
        edges = self.placed_edges = self._layout_edges(f)
        paint_edges(p, edges, self.theme)
        self._paint_focus(p, f)
        # Edge labels are placed first and item labels give way to them, so "+8 months" never
        # runs into "Council 2011"; they are painted last, on top.
        boxes = [e.box for e in edges if e.box is not None]
        if not raster:
            st = self.state
            self._labels.paint(p, f, self.index, self.layout, st.shown, st.emphasis,
                               st.title_lang, st.formatter, self.theme, self.font,
                               self._geometry, avoid=boxes)
        paint_edge_labels(p, edges, self.theme, self.font)
        self._paint_marker_labels(p, f)
        p.restore()

    def title(self, i: int) -> str:
        """The label of event position `i` in the current language."""
        assert self.index is not None
        return title_text(self.index, i, self.state.title_lang, self.state.formatter)

    def _prepared_sessions(self) -> ShownSessions:
        """The shown sessions with what the raster needs, rebuilt only when the index, the
        layout, the filter (`state.shown`) or the emphasis really changed: compared by
        content, so a selection, a hover or a language switch costs nothing here."""
        ix, lay = self.index, self.layout
        assert ix is not None and lay is not None
        cached = self._shown_sessions
        st = self.state
        if cached is None or not cached.matches(ix, lay, st.shown, st.emphasis):
            self._shown_sessions = None  # free it before building the next one
            base = self._session_base
            if base is None or base.index is not ix:
                base = self._session_base = SessionBase.of(ix)
            cached = self._shown_sessions = ShownSessions.build(ix, lay, st.shown, st.emphasis,
                                                                 base)
        return cached

    def _paint_bands(self, p: QPainter, f: Frame) -> None:
        lay = self.layout
        assert lay is not None
        p.setPen(Qt.PenStyle.NoPen)
        seps = []
        for k, lane in enumerate(lay.order):
            y0, y1 = f.py(lay.top[lane]), f.py(lay.top[lane] + lay.height[lane])
            if k % 2 == 1:
                p.fillRect(QRectF(f.X0, y0, f.X1 - f.X0, y1 - y0), self.theme.band)
            if k:
                seps.append((f.X0, y0, f.X1, y0))
        p.setPen(QPen(self.theme.separator, 1))
        draw_lines(p, np.asarray(seps, dtype=np.float64).reshape(-1, 4))

    def _marker_xs(self) -> tuple[float | None, float | None, float | None]:
        m = self.state.markers
        a = date_to_x(m.period[0]) if m.period else None
        b = date_to_x(m.period[1]) + DAY if m.period else None
        today = date_to_x(m.today) + DAY / 2 if m.today else None
        return a, b, today

    def _paint_markers(self, p: QPainter, f: Frame) -> None:
        a, b, today = self._marker_xs()
        top, bottom = f.Ytop, f.Ybottom
        if a is not None and b is not None:
            pa, pb = max(f.px(a), f.X0 - 2), min(f.px(b), f.X1 + 2)
            if pb > pa:
                p.fillRect(QRectF(pa, top, pb - pa, bottom - top), self.theme.period)
            pen = QPen(with_alpha(self.theme.muted_text, 110), 1, Qt.PenStyle.DashLine)
            p.setPen(pen)
            for x in (a, b):
                px = f.px(x)
                if f.X0 <= px <= f.X1:
                    p.drawLine(QPointF(px, top), QPointF(px, bottom))
        if today is not None and f.x0 <= today <= f.x1:
            p.setPen(QPen(self.theme.today, 1.5))
            p.drawLine(QPointF(f.px(today), top), QPointF(f.px(today), bottom))

    def _paint_marker_labels(self, p: QPainter, f: Frame) -> None:
        a, b, today = self._marker_xs()
        small = QFont(self.font)
        small.setPointSizeF(max(6.0, self.font.pointSizeF() * 0.85))
        p.setFont(small)
        fm = QFontMetricsF(small)
        labels = []
        if a is not None:
            labels.append((f.px(a), self.state.markers.period_labels[0], self.theme.muted_text))
        if b is not None:
            labels.append((f.px(b), self.state.markers.period_labels[1], self.theme.muted_text))
        if today is not None:
            labels.append((f.px(today), "", self.theme.today))
        for px, text, colour in labels:
            if not text or not (f.X0 <= px <= f.X1):
                continue
            w = fm.horizontalAdvance(text) + 6
            # Beside the line, inside the plot; flipped to the left near the right edge.
            left = px + 3 if px + 3 + w <= f.X1 else px - 3 - w
            box = QRectF(left, f.Ytop + 2, w, fm.height())
            p.fillRect(box, with_alpha(self.theme.background, 200))
            p.setPen(colour)
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    # --- items ----------------------------------------------------------------------------

    def _geometry(self, f: Frame, ev: npt.NDArray[np.int32]) -> tuple[FloatArray, FloatArray]:
        """Row centre y (px) and bar height (px) of events `ev`."""
        ix, lay = self.index, self.layout
        assert ix is not None and lay is not None
        lane = ix.lane[ev]
        pitch = lay.pitch()[lane]
        cy = f.py(lay.top[lane] + (ix.row[ev] + 0.5) * pitch)
        h = np.minimum(np.abs(f.sy * pitch) * BAR_FILL, MAX_BAR_PX)
        return cy, np.maximum(h, 1.0)

    def _emphasis(self) -> npt.NDArray[np.bool_] | None:
        return self.state.emphasis

    def _paint_vector(self, p: QPainter, f: Frame, sess: npt.NDArray[np.int32]) -> None:
        ix = self.index
        assert ix is not None
        if not len(sess):
            return
        ev = ix.s_event[sess]
        cy, h = self._geometry(f, ev)
        x0 = np.clip(f.px(ix.s_start[sess]), f.X0 - 20, f.X1 + 20)
        x1 = np.clip(f.px(ix.s_end[sess]), f.X0 - 20, f.X1 + 20)
        prec = ix.precision[ev]
        approx = prec != PRECISION_DAY
        single = ~approx & ((ix.s_end[sess] - ix.s_start[sess]) <= DAY)
        emph = self._emphasis()
        dim = np.zeros(len(ev), bool) if emph is None else ~emph[ev]
        lane = ix.lane[ev]

        # Thin connector across a multi-session event, under its bars.
        multi = ix.n_sessions > 1
        evs = np.unique(ev[multi[ev]])
        if len(evs):
            ccy, _ = self._geometry(f, evs)
            lines = np.column_stack([
                np.clip(f.px(ix.start[evs]), f.X0 - 20, f.X1 + 20), ccy,
                np.clip(f.px(ix.end[evs]), f.X0 - 20, f.X1 + 20), ccy])
            edim = np.zeros(len(evs), bool) if emph is None else ~emph[evs]
            for is_dim in (True, False):
                sel = edim == is_dim
                if sel.any():
                    colour = self.theme.dimmed if is_dim else self.theme.muted_text
                    p.setPen(QPen(colour, 1.2))
                    draw_lines(p, lines[sel])

        outline = float(np.median(h)) >= 5
        key = lane.astype(np.int64) * 4 + dim * 2 + approx
        order = np.argsort(key, kind="stable")
        cuts = np.flatnonzero(np.diff(key[order])) + 1
        for grp in np.split(order, cuts):
            k = int(key[grp[0]])
            colour = lane_colour(k // 4)
            is_dim, is_approx = bool(k & 2), bool(k & 1)
            bars = grp[~single[grp]]
            dias = grp[single[grp]]
            if len(bars):
                rects = np.column_stack([x0[bars], cy[bars] - h[bars] / 2,
                                         np.maximum(x1[bars] - x0[bars], 1.0), h[bars]])
                self._fill(p, rects, colour, is_dim, is_approx, outline)
            if len(dias):
                self._diamonds(p, (x0[dias] + x1[dias]) / 2, cy[dias],
                               np.clip(h[dias] * 1.25, 5.0, MAX_DIAMOND_PX), colour, is_dim,
                               outline)

    def _fill(self, p: QPainter, rects: FloatArray, colour: QColor, dim: bool, approx: bool,
              outline: bool, pen: QPen | None = None) -> None:
        if dim:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self.theme.dimmed)
            draw_rects(p, rects)
            return
        if approx:
            # Month / year precision: a faded, hatched span with a dashed edge, so nobody reads
            # it as an exact range (the label also says "(year)" / "(month)").
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(with_alpha(colour, 55))
            draw_rects(p, rects)
            p.setPen(pen or (QPen(edge_colour(colour, self.theme.background, 115), 1,
                                  Qt.PenStyle.DashLine) if outline
                             else Qt.PenStyle.NoPen))
            p.setBrush(QBrush(with_alpha(colour, 170), Qt.BrushStyle.BDiagPattern))
            draw_rects(p, rects)
            return
        edge = edge_colour(colour, self.theme.background, 135)
        p.setPen(pen or (QPen(edge, 1) if outline else Qt.PenStyle.NoPen))
        p.setBrush(colour)
        draw_rects(p, rects)

    def _diamonds(self, p: QPainter, cx: FloatArray, cy: FloatArray, d: FloatArray,
                  colour: QColor, dim: bool, outline: bool, pen: QPen | None = None) -> None:
        """Diamonds of diagonal d centred on (cx, cy), batched as squares in a 45° frame."""
        r = math.sqrt(0.5)
        u, v = (cx + cy) * r, (cy - cx) * r  # the centres, rotated back by 45°
        side = d * r
        squares = np.column_stack([u - side / 2, v - side / 2, side, side])
        p.save()
        p.rotate(45)
        if dim:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(self.theme.dimmed)
        else:
            edge = edge_colour(colour, self.theme.background, 140)
            p.setPen(pen or (QPen(edge, 1) if outline else Qt.PenStyle.NoPen))
            p.setBrush(colour)
        draw_rects(p, squares)
        p.restore()

    # --- overlays -------------------------------------------------------------------------

    def _event_anchor(self, f: Frame, i: int, where: float | str) -> QPointF:
        """The device point at the row centre of event `i`: its "start", its "end" or x."""
        ix = self.index
        assert ix is not None
        cy, _ = self._geometry(f, np.array([i], dtype=np.int32))
        x = (float(ix.end[i]) if where == "end" else float(ix.start[i]) if where == "start"
             else float(where))
        return QPointF(float(f.px(x)), float(cy[0]))

    def _item_rect(self, f: Frame, i: int) -> QRectF:
        """Device rectangle covered by event `i` (diamonds included)."""
        ix = self.index
        assert ix is not None
        cy, h = self._geometry(f, np.array([i], dtype=np.int32))
        a, b = float(f.px(float(ix.start[i]))), float(f.px(float(ix.end[i])))
        if ix.end[i] - ix.start[i] <= DAY:
            half = MAX_DIAMOND_PX / 2
            a, b = (a + b) / 2 - half, (a + b) / 2 + half
        height = max(float(h[0]), MAX_DIAMOND_PX)
        return QRectF(a, float(cy[0]) - height / 2, max(b - a, 1.0), height)

    def _layout_edges(self, f: Frame) -> list[PlacedEdge]:
        ix = self.index
        if not self.state.edges or ix is None:
            return []
        shown = self.state.shown
        full = len(shown) == len(ix)
        plot = QRectF(f.X0, f.Ytop, f.X1 - f.X0, f.Ybottom - f.Ytop)
        return layout_edges(self.state.edges, lambda i, w: self._event_anchor(f, i, w),
                            lambda i: self._item_rect(f, i), self.font,
                            lambda i: not full or bool(shown[i]), plot)


    def _paint_focus(self, p: QPainter, f: Frame) -> None:
        """Hovered and selected items, drawn again on top (selection: undimmed, thick edge)."""
        ix = self.index
        assert ix is not None
        for i, pen in ((self.state.hovered, QPen(self.theme.hover, 1.5)),
                       (self.state.selected, QPen(self.theme.selection, 2.5))):
            if i is None or (len(self.state.shown) == len(ix) and not self.state.shown[i]):
                continue
            sessions = ix.sessions_of(i)
            cy, h = self._geometry(f, np.array([i], dtype=np.int32))
            colour = lane_colour(int(ix.lane[i]))
            approx = int(ix.precision[i]) != PRECISION_DAY
            if len(sessions) > 1:
                p.setPen(QPen(pen.color(), 1.5))
                p.drawLine(QPointF(f.px(float(ix.start[i])), float(cy[0])),
                           QPointF(f.px(float(ix.end[i])), float(cy[0])))
            for s0, s1 in sessions:
                a = min(max(f.px(s0), f.X0 - 20), f.X1 + 20)
                b = min(max(f.px(s1), f.X0 - 20), f.X1 + 20)
                if not approx and s1 - s0 <= DAY:
                    d = np.array([min(float(h[0]) * 1.25 + 4, MAX_DIAMOND_PX + 4)])
                    self._diamonds(p, np.array([(a + b) / 2]), cy, d, colour, False, True,
                                   pen=pen)
                else:
                    grow = 2.0 if pen.widthF() > 2 else 1.0
                    rect = np.array([[a - grow, cy[0] - h[0] / 2 - grow,
                                      max(b - a, 1.0) + 2 * grow, h[0] + 2 * grow]])
                    self._fill(p, rect, colour, False, approx, True, pen=pen)
        self._paint_focus_ring(p, f)

    def _paint_focus_ring(self, p: QPainter, f: Frame) -> None:
        """The keyboard focus: a dashed ring a few pixels outside the selected item, in the
        palette's focus colour, so it differs from the selection's outline by shape too."""
        ix, i = self.index, self.state.selected
        if not self.state.focused or ix is None or i is None:
            return
        if len(self.state.shown) == len(ix) and not self.state.shown[i]:
            return
        ring = self._item_rect(f, i).adjusted(-FOCUS_GAP, -FOCUS_GAP, FOCUS_GAP, FOCUS_GAP)
        pen = QPen(self.theme.focus, FOCUS_WIDTH, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(ring, 3, 3)

