"""The raster level of detail: above RASTER_THRESHOLD visible sessions, coverage per pixel.

A pixel column cannot show fifty items, so the shown sessions are rasterised with numpy into one
image of the plot area (per pixel: strong / faded coverage, two colours per lane) and drawn once.
What does not depend on the time range is prepared once per change of data, layout, filter or
emphasis (`ShownSessions`) and per vertical mapping (`RasterRows`); the image is kept until the
range, size, data or theme change (a hover or a selection repaints without rebuilding it).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from wsis_viewer.domain.timeline_index import DAY, PRECISION_DAY, TimelineIndex
from wsis_viewer.timeline.colors import Theme, lane_colour, with_alpha
from wsis_viewer.timeline.frame import FloatArray, Frame
from wsis_viewer.timeline.layout import LaneLayout

RASTER_THRESHOLD = 5_000
BAR_FILL = 0.72        # share of a sub-row's height a bar takes (the vector items use it too)
MAX_BAR_PX = 22.0
# Raster bars taller than a pixel row go in row by row while that makes fewer entries than this
# share of the image's pixels; beyond, as the corners of a 2-D difference array (one more pass
# over the image, whatever the number of items).
REPEAT_ROWS_SHARE = 0.25


class RasterLayer:
    """Paints the shown sessions as one image; keeps the image and its inputs between frames."""

    def __init__(self) -> None:
        self.layout: LaneLayout | None = None
        self.theme: Theme | None = None
        self.emphasis: npt.NDArray[np.bool_] | None = None
        self._raster_key: tuple[object, ...] | None = None
        self._raster: list[tuple[QRectF, QImage]] = []
        self._raster_rows: RasterRows | None = None
        self._palette_key: tuple[object, ...] | None = None
        self._palette: tuple[list[int], npt.NDArray[np.uint8]] = ([], np.zeros(0, np.uint8))
        self._delta: npt.NDArray[np.signedinteger] = np.zeros(0, dtype=np.int64)  # reused

    def configure(self, layout: LaneLayout, theme: Theme,
                  emphasis: npt.NDArray[np.bool_] | None) -> None:
        self.layout, self.theme, self.emphasis = layout, theme, emphasis

    def paint(self, p: QPainter, f: Frame, shown: ShownSessions, lo: int, hi: int,
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

    def _rows_for(self, f: Frame, shown: ShownSessions, width: int, height: int
                  ) -> RasterRows:
        rows = self._raster_rows
        key = (shown.token, f.sy, f.oy, height)
        # The plot area's width wobbles by a pixel as the range moves (fractional edges): the
        # rows keep a padded stride, so only a real resize rebuilds them.
        if rows is None or rows.key != key or rows.stride < width + 1:
            lay = self.layout
            assert lay is not None
            rows = self._raster_rows = RasterRows.build(key, f, shown, lay, width, height)
        return rows

    def _lane_palette(self) -> tuple[list[int], npt.NDArray[np.uint8]]:
        """Colour table of the raster image and, per lane, its first entry.

        Entry 3k is transparent, 3k + 1 a faded and 3k + 2 a solid lane colour; lanes of the
        same colour share k, so any number of lanes fits an Indexed8 image.
        """
        lay, theme = self.layout, self.theme
        assert lay is not None and theme is not None
        emph = self.emphasis
        n_lanes = len(lay.top)
        key = (self.theme, emph is None, n_lanes)
        if key != self._palette_key:
            slots: dict[tuple[int, int], int] = {}
            lane_base = np.zeros(n_lanes, dtype=np.uint8)
            for k in range(n_lanes):
                colour = lane_colour(k)
                faded = (theme.dimmed if emph is not None else with_alpha(colour, 80))
                pair = (argb(faded, faded.alpha()), argb(colour, 255))
                slot = slots.setdefault(pair, min(len(slots), 84))
                lane_base[k] = 3 * slot
            table = [0] * (3 * (max(slots.values(), default=0) + 1))
            for (faded_px, solid_px), slot in slots.items():
                table[3 * slot + 1], table[3 * slot + 2] = faded_px, solid_px
            self._palette = (table, lane_base)
            self._palette_key = key
        return self._palette

    def _build_raster(self, f: Frame, shown: ShownSessions, lo: int, hi: int,
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
        cover: npt.NDArray[np.signedinteger] = np.cumsum(
            delta.reshape(height + 1, stride)[:height, :width], axis=1, dtype=dtype)
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


_STRONG = 1 << 12  # raster weight of an exact-date, undimmed session (faded ones weigh 1)


def _same(a: npt.NDArray[np.bool_] | None, b: npt.NDArray[np.bool_] | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.shape == b.shape and bool(np.array_equal(a, b))


_T = TypeVar("_T", bound=np.generic)


@dataclass(eq=False)
class SessionBase:
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
    def of(cls, ix: TimelineIndex) -> SessionBase:
        ev = ix.s_event
        start, end = ix.s_start, ix.s_end
        out = cls(index=ix, positions=np.arange(len(ev), dtype=np.int32), lane=ix.lane[ev],
                  row_centre=(ix.row[ev] + 0.5).astype(np.float64),
                  exact=ix.precision[ev] == PRECISION_DAY,
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
class ShownSessions:
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
    def build(cls, ix: TimelineIndex, lay: LaneLayout, shown_mask: npt.NDArray[np.bool_],
              emphasis: npt.NDArray[np.bool_] | None,
              base: SessionBase | None = None) -> ShownSessions:
        """`base`: the index's per-session columns (`SessionBase.of(ix)`), kept by the
        caller across builds; made here if not given."""
        if base is None or base.index is not ix:
            base = SessionBase.of(ix)
        shown = shown_mask if len(shown_mask) == len(ix) else None
        pick: npt.NDArray[np.intp] | None = None  # None: every session
        if shown is not None and not shown.all():
            pick = np.flatnonzero(shown[ix.s_event])

        def sel(a: npt.NDArray[_T]) -> npt.NDArray[_T]:
            return a if pick is None else a[pick]

        lane = sel(base.lane)
        centre = lay.top[lane] + sel(base.row_centre) * lay.pitch()[lane]
        strong = sel(base.exact)
        emph = emphasis
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

    def matches(self, ix: TimelineIndex, lay: LaneLayout, shown_mask: npt.NDArray[np.bool_],
                emphasis: npt.NDArray[np.bool_] | None) -> bool:
        shown = shown_mask if len(shown_mask) == len(ix) else None
        return (self.index is ix and self.layout is lay and _same(self.shown_mask, shown)
                and _same(self.emphasis, emphasis))

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

    def columns(self, f: Frame, lo: int, hi: int, inside: npt.NDArray[np.intp] | None,
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
class RasterRows:
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
    def build(cls, key: tuple[object, ...], f: Frame, shown: ShownSessions,
              lay: LaneLayout, width: int, height: int) -> RasterRows:
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


def argb(colour: QColor, alpha: int) -> int:
    """A premultiplied ARGB32 pixel value."""
    a = alpha / 255
    return (alpha << 24) | (round(colour.red() * a) << 16) | (round(colour.green() * a) << 8) \
        | round(colour.blue() * a)

