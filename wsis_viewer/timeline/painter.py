"""The one graphics item that draws every event of the timeline.

Measured (docs/benchmarks.md, known-pitfalls): one item per event does not scale, so this item
paints only the visible time range in one batch:

* culling by binary search on time-sorted arrays (as `TimelineIndex.sessions_in_range`);
* above `RASTER_THRESHOLD` visible sessions a pixel column cannot show them anyway: they are
  rasterised with numpy into one image (per pixel: strong / faded coverage) and drawn once.
  What does not depend on the time range is prepared once per change of data, layout, filter
  or emphasis (`_ShownSessions`) and per vertical mapping (`_RasterRows`), and the image is
  kept until the range, size, data or theme change (a hover or selection repaints without
  rebuilding it);
* below it, bars go out with one `drawRects` call per (lane colour, style) from a numpy array,
  single days as diamonds (rotated squares, so they batch the same way);
* labels only where the row is tall enough and the text has room before the next item in its
  row, at most `MAX_LABELS` per frame.

Everything is drawn in device pixels (the painter's transform is read once and reset), so pens,
text and diamonds keep their size whatever the zoom.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np
import numpy.typing as npt
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from wsis_viewer.domain.bounds import elide
from wsis_viewer.domain.timeline_index import (
    DAY,
    PRECISION_DAY,
    PRECISION_MONTH,
    PRECISION_YEAR,
    TimelineIndex,
    date_to_x,
    x_to_date,
)
from wsis_viewer.timeline.colors import Theme, lane_colour, text_colour_on, with_alpha
from wsis_viewer.timeline.dates import DateFormatter, Style, english_formatter
from wsis_viewer.timeline.layout import LaneLayout

RASTER_THRESHOLD = 5_000
MAX_LABELS = 250
MIN_LABEL_PX = 56.0  # below this a label is little more than an ellipsis
BAR_FILL = 0.72        # share of a sub-row's height a bar takes
MAX_BAR_PX = 22.0
MAX_DIAMOND_PX = 14.0
# Raster bars taller than a pixel row go in row by row while that makes fewer entries than this
# share of the image's pixels; beyond, as the corners of a 2-D difference array (one more pass
# over the image, whatever the number of items).
REPEAT_ROWS_SHARE = 0.25

FloatArray = npt.NDArray[np.float64]


def _draw_rects(p: QPainter, rects: FloatArray) -> None:
    """drawRects straight from an (n, 4) float64 array of x, y, w, h: no QRectF per item.

    QRectF is four doubles, so a C-contiguous array has its memory layout; shiboken wraps the
    first element and PySide's `drawRects(const QRectF*, int)` overload reads the rest.
    """
    if not len(rects):
        return
    buf = np.ascontiguousarray(rects, dtype=np.float64)
    p.drawRects(shiboken6.wrapInstance(buf.ctypes.data, QRectF), len(buf))


def _draw_lines(p: QPainter, lines: FloatArray) -> None:
    """drawLines from an (n, 4) array of x1, y1, x2, y2 (QLineF's layout)."""
    if not len(lines):
        return
    buf = np.ascontiguousarray(lines, dtype=np.float64)
    p.drawLines(shiboken6.wrapInstance(buf.ctypes.data, QLineF), len(buf))


@dataclass
class Markers:
    """Dated guides: a shaded period with labelled edges, and today's line."""

    period: tuple[dt.date, dt.date] | None = (dt.date(2010, 10, 4), dt.date(2014, 11, 7))
    period_labels: tuple[str, str] = ("PP-10", "PP-14")
    today: dt.date | None = field(default_factory=lambda: dt.datetime.now(dt.UTC).date())


@dataclass
class DrawState:
    """What the item draws besides the data; the widget owns it and bumps `version`."""

    shown: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, bool))
    emphasis: npt.NDArray[np.bool_] | None = None  # None: nothing dimmed
    selected: int | None = None
    hovered: int | None = None
    edges: list[tuple[int, int, str]] = field(default_factory=list)
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
        self._raster_key: tuple[object, ...] | None = None
        self._raster: list[tuple[QRectF, QImage]] = []
        self._version = 0
        self._session_base: _SessionBase | None = None
        self._shown_sessions: _ShownSessions | None = None
        self._raster_rows: _RasterRows | None = None
        self._palette_key: tuple[object, ...] | None = None
        self._palette: tuple[list[int], npt.NDArray[np.uint8]] = ([], np.zeros(0, np.uint8))
        self._delta: npt.NDArray[np.signedinteger] = np.zeros(0, dtype=np.int64)  # reused
        self._title_width: dict[int, float] = {}
        self.setFlag(self.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    # --- state ----------------------------------------------------------------------------

    def set_data(self, index: TimelineIndex, layout: LaneLayout) -> None:
        self.prepareGeometryChange()
        self.index, self.layout = index, layout
        self._title_width.clear()
        self.changed()

    def set_layout(self, layout: LaneLayout) -> None:
        self.prepareGeometryChange()
        self.layout = layout
        self.changed()

    def set_theme(self, theme: Theme, font: QFont) -> None:
        self.theme, self.font = theme, font
        self._title_width.clear()
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
        f = _Frame(sx=t.m11(), ox=t.dx(), sy=t.m22(), oy=t.dy(), x0=x0, x1=x1,
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
            self._paint_raster(p, f, shown, lo, hi, inside)
        else:
            self._paint_vector(p, f, shown.visible(lo, hi, inside))
        edges = self._edge_geometry(f)
        self._paint_edges(p, edges)
        self._paint_focus(p, f)
        # Edge labels are placed first and item labels give way to them, so "+8 months" never
        # runs into "Council 2011"; they are painted last, on top.
        boxes = [box for *_rest, box, _text in edges if box is not None]
        if not raster:
            self._paint_labels(p, f, avoid=boxes)
        self._paint_edge_labels(p, edges)
        self._paint_marker_labels(p, f)
        p.restore()

    def _prepared_sessions(self) -> _ShownSessions:
        """The shown sessions with what the raster needs, rebuilt only when the index, the
        layout, the filter (`state.shown`) or the emphasis really changed: compared by
        content, so a selection, a hover or a language switch costs nothing here."""
        ix, lay = self.index, self.layout
        assert ix is not None and lay is not None
        cached = self._shown_sessions
        if cached is None or not cached.matches(ix, lay, self.state):
            self._shown_sessions = None  # free it before building the next one
            base = self._session_base
            if base is None or base.index is not ix:
                base = self._session_base = _SessionBase.of(ix)
            cached = self._shown_sessions = _ShownSessions.build(ix, lay, self.state, base)
        return cached

    def _paint_bands(self, p: QPainter, f: _Frame) -> None:
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
        _draw_lines(p, np.asarray(seps, dtype=np.float64).reshape(-1, 4))

    def _marker_xs(self) -> tuple[float | None, float | None, float | None]:
        m = self.state.markers
        a = date_to_x(m.period[0]) if m.period else None
        b = date_to_x(m.period[1]) + DAY if m.period else None
        today = date_to_x(m.today) + DAY / 2 if m.today else None
        return a, b, today

    def _paint_markers(self, p: QPainter, f: _Frame) -> None:
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

    def _paint_marker_labels(self, p: QPainter, f: _Frame) -> None:
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

    def _geometry(self, f: _Frame, ev: npt.NDArray[np.int32]) -> tuple[FloatArray, FloatArray]:
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

    def _paint_vector(self, p: QPainter, f: _Frame, sess: npt.NDArray[np.int32]) -> None:
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
                    _draw_lines(p, lines[sel])

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
            _draw_rects(p, rects)
            return
        if approx:
            # Month / year precision: a faded, hatched span with a dashed edge, so nobody reads
            # it as an exact range (the label also says "(year)" / "(month)").
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(with_alpha(colour, 55))
            _draw_rects(p, rects)
            p.setPen(pen or (QPen(colour.darker(115), 1, Qt.PenStyle.DashLine) if outline
                             else Qt.PenStyle.NoPen))
            p.setBrush(QBrush(with_alpha(colour, 170), Qt.BrushStyle.BDiagPattern))
            _draw_rects(p, rects)
            return
        p.setPen(pen or (QPen(colour.darker(135), 1) if outline else Qt.PenStyle.NoPen))
        p.setBrush(colour)
        _draw_rects(p, rects)

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
            p.setPen(pen or (QPen(colour.darker(140), 1) if outline else Qt.PenStyle.NoPen))
            p.setBrush(colour)
        _draw_rects(p, squares)
        p.restore()

    def _paint_raster(self, p: QPainter, f: _Frame, shown: _ShownSessions, lo: int, hi: int,
                      inside: npt.NDArray[np.intp] | None) -> None:
        """Coverage per device pixel, as one image of the plot area drawn once.

        The image is kept while the time range, the vertical mapping, the size, the shown
        sessions and the theme stay the same (a hover, a selection or a language switch
        repaints without rebuilding it).
        """
        width = math.ceil(f.X1 - f.X0)
        height = math.ceil(f.Ybottom - f.Ytop)
        key = (shown.token, f.x0, f.x1, f.sx, f.sy, f.oy, width, height, self.theme)
        if key != self._raster_key:
            self._raster = self._build_raster(f, shown, lo, hi, inside, width, height)
            self._raster_key = key
        for target, image in self._raster:
            p.drawImage(target, image)

    def _rows_for(self, f: _Frame, shown: _ShownSessions, width: int, height: int
                  ) -> _RasterRows:
        rows = self._raster_rows
        key = (shown.token, f.sy, f.oy, height)
        # The plot area's width wobbles by a pixel as the range moves (fractional edges): the
        # rows keep a padded stride, so only a real resize rebuilds them.
        if rows is None or rows.key != key or rows.stride < width + 1:
            lay = self.layout
            assert lay is not None
            rows = self._raster_rows = _RasterRows.build(key, f, shown, lay, width, height)
        return rows

    def _lane_palette(self) -> tuple[list[int], npt.NDArray[np.uint8]]:
        """Colour table of the raster image and, per lane, its first entry.

        Entry 3k is transparent, 3k + 1 a faded and 3k + 2 a solid lane colour; lanes of the
        same colour share k, so any number of lanes fits an Indexed8 image.
        """
        lay = self.layout
        assert lay is not None
        emph = self._emphasis()
        n_lanes = len(lay.top)
        key = (self.theme, emph is None, n_lanes)
        if key != self._palette_key:
            slots: dict[tuple[int, int], int] = {}
            lane_base = np.zeros(n_lanes, dtype=np.uint8)
            for k in range(n_lanes):
                colour = lane_colour(k)
                faded = (self.theme.dimmed if emph is not None else with_alpha(colour, 80))
                pair = (_argb(faded, faded.alpha()), _argb(colour, 255))
                slot = slots.setdefault(pair, min(len(slots), 84))
                lane_base[k] = 3 * slot
            table = [0] * (3 * (max(slots.values(), default=0) + 1))
            for (faded_px, solid_px), slot in slots.items():
                table[3 * slot + 1], table[3 * slot + 2] = faded_px, solid_px
            self._palette = (table, lane_base)
            self._palette_key = key
        return self._palette

    def _build_raster(self, f: _Frame, shown: _ShownSessions, lo: int, hi: int,
                      inside: npt.NDArray[np.intp] | None, width: int, height: int
                      ) -> list[tuple[QRectF, QImage]]:
        """Rasterise sessions with numpy: a difference array per pixel row, summed along x.

        Each pixel ends up with a count of strong items (exact dates, not dimmed; weight
        2**12) and faded ones (month / year precision or dimmed; weight 1); an Indexed8 image
        with two colours per lane turns that into pixels without any per-item Python.
        Bars taller than a pixel row add their four corners to a 2-D difference array, summed
        along x and then y. Per frame only the columns are computed (by look-up per day when
        every session starts and ends on a day boundary, as data from the store does).
        """
        lay = self.layout
        assert lay is not None
        if width <= 0 or height <= 0 or hi <= lo:
            return []
        rows = self._rows_for(f, shown, width, height)

        def part(a: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
            return a[lo:hi] if inside is None else a[inside]

        weight = part(shown.weight)
        c0, c1 = shown.columns(f, lo, hi, inside, width)
        stride = rows.stride
        size = (height + 1) * stride
        # Coverage never exceeds the sum of all weights: int32 while that fits (less memory
        # to sweep), else int64.
        dtype = np.int32 if len(weight) * _STRONG < 2**31 - 1 else np.int64
        if len(self._delta) != size or self._delta.dtype != dtype:
            self._delta = np.zeros(size, dtype=dtype)
        else:
            self._delta.fill(0)
        delta = self._delta
        weight = weight.astype(dtype, copy=False)
        base0 = part(rows.base0)
        corners = False
        if rows.span is not None:
            # Bars taller than a pixel row: one entry per pixel row of each bar, or, when that
            # is many entries for the image, its four corners in a 2-D difference array.
            span = part(rows.span)
            entries = int(span.sum())
            corners = entries > REPEAT_ROWS_SHARE * width * height
            if corners:
                base1 = base0 + span * stride
                for base, sign in ((base0, 1), (base1, -1)):
                    np.add.at(delta, c0 + base, sign * weight)
                    np.subtract.at(delta, c1 + base, sign * weight)
            else:
                ends = np.cumsum(span)
                step = (np.arange(entries) - np.repeat(ends - span, span)) * stride
                base = np.repeat(base0, span) + step
                weight = np.repeat(weight, span)
                np.add.at(delta, np.repeat(c0, span) + base, weight)
                np.subtract.at(delta, np.repeat(c1, span) + base, weight)
        else:
            np.add(c0, base0, out=c0)
            np.add(c1, base0, out=c1)
            np.add.at(delta, c0, weight)
            np.subtract.at(delta, c1, weight)
        cover = np.cumsum(delta.reshape(height + 1, stride)[:height, :width], axis=1,
                          dtype=dtype)
        if corners:
            # Row by row: about twice as fast as cumsum(axis=0) here.
            for y in range(1, height):
                np.add(cover[y - 1], cover[y], out=cover[y])
        state = (cover > 0).view(np.uint8) + (cover >= 1 << 12).view(np.uint8)
        # Colour index: 3k transparent, 3k + 1 faded, 3k + 2 solid (k: the lane's colour).
        table, lane_base = self._lane_palette()
        pixels = state + lane_base[rows.row_lane][:, None]
        image = QImage(pixels.data, width, height, width, QImage.Format.Format_Indexed8)
        image.setColorTable(table)
        image = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        return [(QRectF(f.X0, f.Ytop, width, height), image)]

    # --- overlays -------------------------------------------------------------------------

    def _event_anchor(self, f: _Frame, i: int, side: str) -> QPointF:
        ix = self.index
        assert ix is not None
        cy, _ = self._geometry(f, np.array([i], dtype=np.int32))
        x = ix.end[i] if side == "end" else ix.start[i]
        return QPointF(f.px(float(x)), float(cy[0]))

    def _edge_geometry(self, f: _Frame) -> list[tuple[QPainterPath, QPointF, float,
                                                      QRectF | None, str]]:
        """(curve, end point, end tangent, label box, label) of each shown connector.

        Label boxes that would overlap an earlier one are nudged up or down, alternately.
        """
        ix = self.index
        if not self.state.edges or ix is None:
            return []
        shown = self.state.shown
        fm = QFontMetricsF(self.font)
        out: list[tuple[QPainterPath, QPointF, float, QRectF | None, str]] = []
        placed: list[QRectF] = []
        for a, b, text in self.state.edges:
            if len(shown) == len(ix) and not (shown[a] and shown[b]):
                continue
            start, end = self._event_anchor(f, a, "end"), self._event_anchor(f, b, "start")
            if ix.start[b] < ix.end[a]:  # overlapping in time: run between the items' centres
                start = self._event_anchor(f, a, "start")
                start.setX((start.x() + self._event_anchor(f, a, "end").x()) / 2)
            dx = max(30.0, abs(end.x() - start.x()) / 2)
            path = QPainterPath(start)
            path.cubicTo(QPointF(start.x() + dx, start.y()), QPointF(end.x() - dx, end.y()), end)
            box: QRectF | None = None
            if text:
                box = QRectF(0, 0, fm.horizontalAdvance(text) + 8, fm.height() + 2)
                box.moveCenter(path.pointAtPercent(0.5))
                step = box.height() + 2
                for attempt in range(1, 7):
                    if not any(box.intersects(other) for other in placed):
                        break
                    box.translate(0, step * attempt * (1 if attempt % 2 else -1))
                placed.append(box)
            out.append((path, end, path.angleAtPercent(1.0), box, text))
        return out

    def _paint_edges(self, p: QPainter,
                     edges: list[tuple[QPainterPath, QPointF, float, QRectF | None, str]]
                     ) -> None:
        if not edges:
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        head = QPolygonF([QPointF(0, 0), QPointF(-9, -4.5), QPointF(-9, 4.5)])
        for path, end, tangent, _box, _text in edges:
            p.setPen(QPen(self.theme.connector, 1.6))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawPath(path)
            # Arrow head along the curve's final tangent.
            p.save()
            p.translate(end)
            p.rotate(-tangent)
            p.setBrush(self.theme.connector)
            p.drawPolygon(head)
            p.restore()
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_edge_labels(self, p: QPainter,
                           edges: list[tuple[QPainterPath, QPointF, float, QRectF | None, str]]
                           ) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setFont(self.font)
        for _path, _end, _tangent, box, text in edges:
            if box is None:
                continue
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(with_alpha(self.theme.background, 235))
            p.drawRoundedRect(box, 3, 3)
            p.setPen(self.theme.text)
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_focus(self, p: QPainter, f: _Frame) -> None:
        """Hovered and selected items, drawn again on top (selection: undimmed, thick edge)."""
        ix = self.index
        assert ix is not None
        for i, pen in ((self.state.hovered, QPen(self.theme.hover, 1.5)),
                       (self.state.selected, QPen(self.theme.selection, 2.5))):
            if i is None or (len(self.state.shown) == len(ix) and not self.state.shown[i]):
                continue
            s0, s1 = ix.session_arrays(i)
            cy, h = self._geometry(f, np.array([i], dtype=np.int32))
            colour = lane_colour(int(ix.lane[i]))
            approx = int(ix.precision[i]) != PRECISION_DAY
            if len(s0) > 1:
                p.setPen(QPen(pen.color(), 1.5))
                p.drawLine(QPointF(f.px(float(ix.start[i])), float(cy[0])),
                           QPointF(f.px(float(ix.end[i])), float(cy[0])))
            # All sittings at once, one shape per distinct pixel position: an event may have
            # thousands (a crafted one a million) and a pixel shows one mark however many.
            a = np.clip(f.px(s0), f.X0 - 20, f.X1 + 20)
            b = np.clip(f.px(s1), f.X0 - 20, f.X1 + 20)
            single = np.zeros(len(s0), dtype=bool) if approx else (s1 - s0 <= DAY)
            if single.any():
                centres = np.unique(np.round((a[single] + b[single]) * 2) / 4)
                d = min(float(h[0]) * 1.25 + 4, MAX_DIAMOND_PX + 4)
                self._diamonds(p, centres, np.full(len(centres), float(cy[0])),
                               np.full(len(centres), d), colour, False, True, pen=pen)
            if (~single).any():
                grow = 2.0 if pen.widthF() > 2 else 1.0
                spans = np.unique(np.round(np.column_stack([a[~single], b[~single]])), axis=0)
                rects = np.column_stack([
                    spans[:, 0] - grow, np.full(len(spans), cy[0] - h[0] / 2 - grow),
                    np.maximum(spans[:, 1] - spans[:, 0], 1.0) + 2 * grow,
                    np.full(len(spans), h[0] + 2 * grow)])
                self._fill(p, rects, colour, False, approx, True, pen=pen)

    # --- labels ---------------------------------------------------------------------------

    def title(self, i: int) -> str:
        """The item's label: its title, plus the known precision for month / year dates."""
        ix = self.index
        assert ix is not None
        first, second = ((ix.title_zh, ix.title_en) if self.state.title_lang == "zh"
                         else (ix.title_en, ix.title_zh))
        text = elide(first[i] or second[i])  # a crafted title may be a megabyte long
        prec = int(ix.precision[i])
        if prec in (PRECISION_YEAR, PRECISION_MONTH):
            style: Style = "approx_year" if prec == PRECISION_YEAR else "approx_month"
            first_day, last_day = x_to_date(float(ix.start[i])), x_to_date(float(ix.end[i]) - 1)
            same = (first_day.year == last_day.year if prec == PRECISION_YEAR
                    else (first_day.year, first_day.month) == (last_day.year, last_day.month))
            when = self.state.formatter(first_day, style)
            if not same:  # e.g. "2013 (year) – 2014 (year)": both ends keep their precision
                when = f"{when} – {self.state.formatter(last_day, style)}"
            text = f"{text} · {when}"
        return text

    def _paint_labels(self, p: QPainter, f: _Frame, avoid: list[QRectF] | None = None) -> None:
        ix, lay = self.index, self.layout
        assert ix is not None and lay is not None
        fm = QFontMetricsF(self.font)
        row_px = np.abs(f.sy * lay.pitch())
        tall = row_px >= fm.height() + 1
        ev = ix.events_in_range(f.x0, f.x1)
        if len(self.state.shown) == len(ix):
            ev = ev[self.state.shown[ev]]
        ev = ev[tall[ix.lane[ev]]]
        if not len(ev):
            return
        # Room to the next item in the same sub-row (items in a row never overlap).
        group = ix.lane[ev].astype(np.int64) * 1_000_000 + ix.row[ev]
        order = np.lexsort((ix.start[ev], group))
        ev = ev[order]
        group = group[order]
        nxt = np.full(len(ev), f.X1 - 2)
        same = group[1:] == group[:-1]
        nxt[:-1][same] = f.px(ix.start[ev[1:][same]]) - 6
        nxt = np.minimum(nxt, f.X1 - 2)
        left = np.maximum(f.px(ix.start[ev]), f.X0) + 4
        right_of_item = f.px(ix.end[ev]) + 4
        room_after = nxt - right_of_item
        room_inside = np.minimum(f.px(ix.end[ev]), nxt + 6) - left - 4
        good = (room_after >= MIN_LABEL_PX) | (room_inside >= MIN_LABEL_PX)
        ev, nxt, left = ev[good], nxt[good], left[good]
        room_after, room_inside = room_after[good], room_inside[good]
        if len(ev) > MAX_LABELS:  # the roomiest first
            keep = np.argsort(-np.maximum(room_after, room_inside), kind="stable")[:MAX_LABELS]
            keep.sort()
            ev, nxt, left = ev[keep], nxt[keep], left[keep]
            room_after, room_inside = room_after[keep], room_inside[keep]
        cy, _ = self._geometry(f, ev)
        emph = self._emphasis()
        p.setFont(self.font)
        ascent_shift = (fm.ascent() - fm.descent()) / 2
        text_pen = self.theme.text
        dim_pen = with_alpha(self.theme.text, 90)
        for k, i in enumerate(ev.tolist()):
            text = self.title(i)
            width = self._title_width.get(i)
            if width is None:
                width = self._title_width[i] = fm.horizontalAdvance(text)
            dimmed = emph is not None and not emph[i]
            first_session = ix.sessions_of(i, 1)[0] if ix.n_sessions[i] > 1 else None
            inside_room = room_inside[k]
            if first_session is not None:
                inside_room = min(f.px(first_session[1]), nxt[k]) - left[k] - 4
            precise = int(ix.precision[i]) == PRECISION_DAY
            if inside_room >= width and precise:
                x = left[k]
                colour = text_colour_on(lane_colour(int(ix.lane[i])))
                if dimmed:
                    colour = dim_pen
            elif not precise and room_inside[k] >= MIN_LABEL_PX and room_after[k] < width:
                # A month / year span wider than the room after it (often the whole view):
                # the label sits inside, on a backing box so the hatching does not cross it.
                x = left[k]
                if width > room_inside[k]:
                    text = fm.elidedText(text, Qt.TextElideMode.ElideRight, room_inside[k])
                    width = fm.horizontalAdvance(text)
                box = QRectF(x - 2, float(cy[k]) - fm.height() / 2, width + 4, fm.height())
                p.fillRect(box, with_alpha(self.theme.background, 190))
                colour = dim_pen if dimmed else text_pen
            else:
                x = float(f.px(float(ix.end[i]))) + 4
                if ix.end[i] - ix.start[i] <= DAY:
                    x += MAX_DIAMOND_PX / 2
                room = nxt[k] - x
                if room < MIN_LABEL_PX:
                    continue
                if width > room:
                    text = fm.elidedText(text, Qt.TextElideMode.ElideRight, room)
                colour = dim_pen if dimmed else text_pen
            if avoid:
                text = self._clear_of(text, x, float(cy[k]), fm, avoid)
                if not text:
                    continue
            p.setPen(colour)
            p.drawText(QPointF(x, float(cy[k]) + ascent_shift), text)


    @staticmethod
    def _clear_of(text: str, x: float, cy: float, fm: QFontMetricsF,
                  boxes: list[QRectF]) -> str:
        """`text` at x, shortened to end before the first box it would run into ("" if the
        room left is too small to be worth a label)."""
        rect = QRectF(x, cy - fm.height() / 2, fm.horizontalAdvance(text), fm.height())
        hits = [b for b in boxes if b.intersects(rect)]
        if not hits:
            return text
        room = min(b.left() for b in hits) - 4 - x
        if room < MIN_LABEL_PX:
            return ""
        return fm.elidedText(text, Qt.TextElideMode.ElideRight, room)


@dataclass(frozen=True)
class _Frame:
    """Data → device pixel mapping of one paint call (no rotation: a ViewBox never rotates)."""

    sx: float
    ox: float
    sy: float
    oy: float
    x0: float
    x1: float
    total: float  # height of all lanes, view units

    def px(self, x: FloatArray | float) -> FloatArray:
        return self.sx * np.asarray(x, dtype=np.float64) + self.ox  # type: ignore[no-any-return]

    def py(self, y: FloatArray | float) -> FloatArray:
        return self.sy * np.asarray(y, dtype=np.float64) + self.oy  # type: ignore[no-any-return]

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


_STRONG = 1 << 12  # raster weight of an exact-date, undimmed session (faded ones weigh 1)


def _same(a: npt.NDArray[np.bool_] | None, b: npt.NDArray[np.bool_] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.shape == b.shape and bool(np.array_equal(a, b))


_T = TypeVar("_T", bound=np.generic)


@dataclass(eq=False)
class _SessionBase:
    """Per session of one index, in its s_* order: what does not depend on layout, filter or
    emphasis, computed once per index."""

    index: TimelineIndex
    positions: npt.NDArray[np.int32]
    lane: npt.NDArray[np.int32]
    row_centre: FloatArray           # sub-row + 0.5
    exact: npt.NDArray[np.bool_]     # day precision
    end_cummax: FloatArray
    day0: npt.NDArray[np.int32] | None  # first day / day after the last, minus first_day,
    day1: npt.NDArray[np.int32] | None  # when every session starts and ends on a day boundary
    first_day: int = 0
    days: int = 0

    @classmethod
    def of(cls, ix: TimelineIndex) -> _SessionBase:
        ev = ix.s_event
        start, end = ix.s_start, ix.s_end
        out = cls(index=ix, positions=np.arange(len(ev), dtype=np.int32), lane=ix.lane[ev],
                  row_centre=ix.row[ev] + 0.5, exact=ix.precision[ev] == PRECISION_DAY,
                  end_cummax=np.maximum.accumulate(end) if len(end) else end,
                  day0=None, day1=None)
        if len(ev):
            d0, d1 = np.floor(start / DAY), np.floor(end / DAY)
            first, last = float(d0.min()), float(d1.max())
            if (np.array_equal(d0 * DAY, start) and np.array_equal(d1 * DAY, end)
                    and bool(np.all(d1 > d0)) and last - first < 1 << 22):
                out.first_day, out.days = int(first), int(last - first) + 1
                out.day0 = (d0 - first).astype(np.int32)
                out.day1 = (d1 - first).astype(np.int32)
        return out


@dataclass(eq=False)
class _ShownSessions:
    """The shown sessions in time order, with per-session raster inputs.

    Built once per change of index, layout, filter or emphasis (1M sessions: tens of ms), so a
    frame only culls (binary search) and maps the visible ones to pixel columns.
    """

    token: int                    # changes with every build: part of the raster's cache key
    index: TimelineIndex
    layout: LaneLayout
    shown_mask: npt.NDArray[np.bool_] | None   # copies of what this was built from
    emphasis: npt.NDArray[np.bool_] | None
    sess: npt.NDArray[np.int32]   # positions in the index's s_* arrays, ascending
    start: FloatArray
    end: FloatArray
    end_cummax: FloatArray
    centre: FloatArray            # row centre, view units
    lane: npt.NDArray[np.int32]
    weight: npt.NDArray[np.int64]  # _STRONG or 1
    day0: npt.NDArray[np.int32] | None  # start / end day minus first_day, when whole days
    day1: npt.NDArray[np.int32] | None
    first_day: int = 0
    days: int = 0                 # first_day .. first_day + days - 1 cover every day0 / day1

    _tokens = 0

    @classmethod
    def build(cls, ix: TimelineIndex, lay: LaneLayout, state: DrawState,
              base: _SessionBase | None = None) -> _ShownSessions:
        """`base`: the index's per-session columns (`_SessionBase.of(ix)`), kept by the
        caller across builds; made here if not given."""
        if base is None or base.index is not ix:
            base = _SessionBase.of(ix)
        shown = state.shown if len(state.shown) == len(ix) else None
        pick: npt.NDArray[np.intp] | None = None  # None: every session
        if shown is not None and not shown.all():
            pick = np.flatnonzero(shown[ix.s_event])

        def sel(a: npt.NDArray[_T]) -> npt.NDArray[_T]:
            return a if pick is None else a[pick]

        lane = sel(base.lane)
        centre = lay.top[lane] + sel(base.row_centre) * lay.pitch()[lane]
        strong = sel(base.exact)
        emph = state.emphasis
        if emph is not None:
            strong = strong & emph[sel(ix.s_event)]
        end = sel(ix.s_end)
        cls._tokens += 1
        out = cls(token=cls._tokens, index=ix, layout=lay,
                  shown_mask=None if shown is None else shown.copy(),
                  emphasis=None if emph is None else emph.copy(),
                  sess=sel(base.positions), start=sel(ix.s_start), end=end,
                  end_cummax=(base.end_cummax if pick is None
                              else np.maximum.accumulate(end) if len(end) else end),
                  centre=centre, lane=lane,
                  weight=np.where(strong, _STRONG, 1).astype(np.int64),
                  day0=None, day1=None)
        if base.day0 is not None and base.day1 is not None:
            out.day0, out.day1 = sel(base.day0), sel(base.day1)
            out.first_day, out.days = base.first_day, base.days
        return out

    def matches(self, ix: TimelineIndex, lay: LaneLayout, state: DrawState) -> bool:
        shown = state.shown if len(state.shown) == len(ix) else None
        return (self.index is ix and self.layout is lay and _same(self.shown_mask, shown)
                and _same(self.emphasis, state.emphasis))

    def cull(self, x0: float, x1: float) -> tuple[int, int, npt.NDArray[np.intp] | None]:
        """Sessions overlapping [x0, x1): lo:hi, or only the positions `inside` (ascending,
        in lo:hi) when some of lo:hi end before x0 (short items after a long one).

        As `TimelineIndex.sessions_in_range`, without an index array when all of lo:hi is in
        view (the full view).
        """
        lo = int(np.searchsorted(self.end_cummax, x0, side="right"))
        hi = int(np.searchsorted(self.start, x1, side="left"))
        if hi <= lo:
            return lo, lo, None
        mask = self.end[lo:hi] > x0
        if mask.all():
            return lo, hi, None
        inside = np.flatnonzero(mask)
        inside += lo
        return lo, hi, inside

    def visible(self, lo: int, hi: int,
                inside: npt.NDArray[np.intp] | None) -> npt.NDArray[np.int32]:
        return self.sess[lo:hi] if inside is None else self.sess[inside]

    def columns(self, f: _Frame, lo: int, hi: int, inside: npt.NDArray[np.intp] | None,
                width: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """First pixel column and the column just after, per visible session (new arrays):
        floor / ceil of the device x of start / end, clipped to the image, at least 1 px."""
        n = hi - lo if inside is None else len(inside)
        if self.day0 is not None and self.day1 is not None and self.days <= 4 * n + 4096:
            # Every session starts and ends on a day boundary: map each day once, then look
            # its columns up. Same floating-point expressions as below, so the same pixels.
            x = (np.arange(self.days, dtype=np.float64) + self.first_day) * DAY
            px = f.px(x) - f.X0
            if len(px) < 2 or bool(np.all(np.diff(px) > 0)):
                lut0 = np.clip(np.floor(px), 0, width - 1).astype(np.int64)
                lut1 = np.clip(np.ceil(px), 0, width).astype(np.int64)
                # end > start and px increases, so ceil(end) > floor(start) except when both
                # clip to 0: the 1-px minimum is then lut1 >= 1.
                np.maximum(lut1, 1, out=lut1)
                d0, d1 = ((self.day0[lo:hi], self.day1[lo:hi]) if inside is None
                          else (self.day0[inside], self.day1[inside]))
                return (np.take(lut0, d0, mode="clip"), np.take(lut1, d1, mode="clip"))
        s, e = ((self.start[lo:hi], self.end[lo:hi]) if inside is None
                else (self.start[inside], self.end[inside]))
        c0 = np.floor(f.px(s) - f.X0)
        np.clip(c0, 0, width - 1, out=c0)
        c1 = np.ceil(f.px(e) - f.X0)
        np.clip(c1, 0, width, out=c1)
        c0i = c0.astype(np.int64)
        return c0i, np.maximum(c1.astype(np.int64), c0i + 1)


@dataclass(eq=False)
class _RasterRows:
    """Per shown session, the raster's row offsets for one vertical mapping and image size.

    base0 = first pixel row × stride; span (only when some bar is taller than a pixel row)
    = the bar's pixel rows inside the image (0: none). Without span, rows outside the image go
    to row `height`, which the image leaves out. The stride leaves room for a slightly wider
    image. row_lane: the lane of every pixel row.
    """

    key: tuple[object, ...]
    stride: int
    base0: npt.NDArray[np.int64]
    span: npt.NDArray[np.int64] | None
    row_lane: npt.NDArray[np.int64]

    @classmethod
    def build(cls, key: tuple[object, ...], f: _Frame, shown: _ShownSessions,
              lay: LaneLayout, width: int, height: int) -> _RasterRows:
        stride = ((width + 1) // 64 + 2) * 64
        pitch_px = np.abs(f.sy * lay.pitch())
        bar_px = np.clip(np.floor(pitch_px * BAR_FILL), 1, MAX_BAR_PX).astype(np.int64)
        centre = f.py(shown.centre) - f.Ytop
        span: npt.NDArray[np.int64] | None = None
        if len(bar_px) and bar_px.max() > 1:
            tall = bar_px[shown.lane]
            r0 = np.floor(centre - (tall - 1) / 2)
            r1 = r0 + tall
            gone = np.isnan(r0)  # a hidden lane (no top): an empty span
            r0[gone] = r1[gone] = 0
            np.clip(r0, 0, height, out=r0)
            np.clip(r1, 0, height, out=r1)
            base0 = r0.astype(np.int64) * stride
            span = (r1 - r0).astype(np.int64)
        else:
            r = np.trunc(centre)
            r[np.isnan(r)] = -1
            base0 = np.where((r >= 0) & (r < height), r, height).astype(np.int64) * stride
        row_lane = np.zeros(height, dtype=np.int64)
        for lane_i in lay.order:
            y0 = int(max(0, math.floor(f.py(lay.top[lane_i]) - f.Ytop)))
            y1 = int(min(height, math.ceil(f.py(lay.top[lane_i] + lay.height[lane_i]) - f.Ytop)))
            row_lane[y0:y1] = lane_i
        return cls(key, stride, base0, span, row_lane)


def _argb(colour: QColor, alpha: int) -> int:
    """A premultiplied ARGB32 pixel value."""
    a = alpha / 255
    return (alpha << 24) | (round(colour.red() * a) << 16) | (round(colour.green() * a) << 8) \
        | round(colour.blue() * a)

