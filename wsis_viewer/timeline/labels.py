"""Item labels: the text beside (or inside) each visible item that has room for it.

Labels are laid out only for the visible range and only where the row is tall enough and the
text has room before the next item in its row, at most MAX_LABELS per frame (QPainter costs
about 45 µs per clipped text label: see docs/benchmarks.md).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter

from wsis_viewer.domain.bounds import elide
from wsis_viewer.domain.timeline_index import (
    DAY,
    PRECISION_DAY,
    PRECISION_MONTH,
    PRECISION_YEAR,
    TimelineIndex,
    x_to_date,
)
from wsis_viewer.timeline.colors import Theme, lane_colour, text_colour_on, with_alpha
from wsis_viewer.timeline.dates import DateFormatter, Style
from wsis_viewer.timeline.frame import FloatArray, Frame
from wsis_viewer.timeline.label_fit import LabelFit
from wsis_viewer.timeline.layout import LaneLayout

MAX_LABELS = 250
MAX_DIAMOND_PX = 14.0

# (frame, event positions) → (row centre y, bar height) in device pixels
Geometry = Callable[[Frame, npt.NDArray[np.int32]], tuple[FloatArray, FloatArray]]


def title_text(ix: TimelineIndex, i: int, lang: str, formatter: DateFormatter) -> str:
    """The item's label: its title, plus the known precision for month / year dates."""
    first, second = ((ix.title_zh, ix.title_en) if lang == "zh"
                     else (ix.title_en, ix.title_zh))
    text = elide(first[i] or second[i])  # a crafted title may be a megabyte long
    prec = int(ix.precision[i])
    if prec in (PRECISION_YEAR, PRECISION_MONTH):
        style: Style = "approx_year" if prec == PRECISION_YEAR else "approx_month"
        first_day, last_day = x_to_date(float(ix.start[i])), x_to_date(float(ix.end[i]) - 1)
        same = (first_day.year == last_day.year if prec == PRECISION_YEAR
                else (first_day.year, first_day.month) == (last_day.year, last_day.month))
        when = formatter(first_day, style)
        if not same:  # e.g. "2013 (year) – 2014 (year)": both ends keep their precision
            when = f"{when} – {formatter(last_day, style)}"
        text = f"{text} · {when}"
    return text



class ItemLabels:
    """Paints item labels; keeps the measured width of each title between frames."""

    def __init__(self) -> None:
        self._width: dict[int, float] = {}
        self._key: tuple[object, ...] = ()
        # Short labels for tight rooms ("21" for "21st meeting of CWG-WSIS"), and every label
        # of the last frame as (rectangle, text), which tests check for overlaps.
        self.fit = LabelFit()
        self.drawn: list[tuple[QRectF, str]] = []

    def forget_widths(self) -> None:
        """The data, the font or the language changed: titles must be measured again."""
        self._width.clear()

    def paint(self, p: QPainter, f: Frame, ix: TimelineIndex, lay: LaneLayout,
              shown: npt.NDArray[np.bool_], emphasis: npt.NDArray[np.bool_] | None,
              lang: str, formatter: DateFormatter, theme: Theme, font: QFont,
              geometry: Geometry, avoid: list[QRectF] | None = None) -> None:
        """Labels of the visible items that have room, item labels giving way to `avoid`."""
        if (lang, formatter, font) != self._key:
            self._width.clear()
            self._key = (lang, formatter, font)
            self.fit.font_changed()
        if self.fit.index is not ix:
            self.fit.reset(ix)
        fm = QFontMetricsF(font)
        row_px = np.abs(f.sy * lay.pitch())
        tall = row_px >= fm.height() + 1
        ev = ix.events_in_range(f.x0, f.x1)
        if len(shown) == len(ix):
            ev = ev[shown[ev]]
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
        least = self.fit.min_room(ev, lang, fm)  # a short label ("21") needs less room
        good = (room_after >= least) | (room_inside >= least)
        ev, nxt, left = ev[good], nxt[good], left[good]
        room_after, room_inside, least = room_after[good], room_inside[good], least[good]
        if len(ev) > MAX_LABELS:  # the roomiest first
            keep = np.argsort(-np.maximum(room_after, room_inside), kind="stable")[:MAX_LABELS]
            keep.sort()
            ev, nxt, left = ev[keep], nxt[keep], left[keep]
            room_after, room_inside, least = room_after[keep], room_inside[keep], least[keep]
        cy, _ = geometry(f, ev)
        emph = emphasis
        p.setFont(font)
        ascent_shift = (fm.ascent() - fm.descent()) / 2
        text_pen = theme.text
        dim_pen = with_alpha(theme.text, 90)
        for k, i in enumerate(ev.tolist()):
            text = title_text(ix, i, lang, formatter)
            width = self._width.get(i)
            if width is None:
                width = self._width[i] = fm.horizontalAdvance(text)
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
            elif not precise and room_inside[k] >= least[k] and room_after[k] < width:
                # A month / year span wider than the room after it (often the whole view):
                # the label sits inside, on a backing box so the hatching does not cross it.
                x = left[k]
                if width > room_inside[k]:
                    text = self.fit.fit(i, lang, text, room_inside[k], fm)
                    if not text:
                        continue
                    width = fm.horizontalAdvance(text)
                box = QRectF(x - 2, float(cy[k]) - fm.height() / 2, width + 4, fm.height())
                p.fillRect(box, with_alpha(theme.background, 190))
                colour = dim_pen if dimmed else text_pen
            else:
                x = float(f.px(float(ix.end[i]))) + 4
                if ix.end[i] - ix.start[i] <= DAY:
                    x += MAX_DIAMOND_PX / 2
                room = nxt[k] - x
                if room < least[k]:
                    continue
                if width > room:
                    text = self.fit.fit(i, lang, text, room, fm)
                    if not text:
                        continue
                colour = dim_pen if dimmed else text_pen
            if avoid:
                text = self.clear_of(i, lang, text, x, float(cy[k]), fm, avoid)
                if not text:
                    continue
            p.setPen(colour)
            p.drawText(QPointF(x, float(cy[k]) + ascent_shift), text)
            self.drawn.append((QRectF(x, float(cy[k]) - fm.height() / 2,
                                      fm.horizontalAdvance(text), fm.height()), text))


    def clear_of(self, i: int, lang: str, text: str, x: float, cy: float, fm: QFontMetricsF,
                 boxes: list[QRectF]) -> str:
        """`text` at x, shortened to end before the first box it would run into ("" if the
        room left is too small to be worth a label)."""
        rect = QRectF(x, cy - fm.height() / 2, fm.horizontalAdvance(text), fm.height())
        hits = [b for b in boxes if b.intersects(rect)]
        if not hits:
            return text
        if any(b.left() - 4 <= x for b in hits):  # the box starts before the label
            return ""
        return self.fit.fit(i, lang, text, min(b.left() for b in hits) - 4 - x, fm)

