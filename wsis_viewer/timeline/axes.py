"""The time axis (calendar ticks that adapt years → months → days) and the lane label column."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter

from wsis_viewer.timeline.dates import (
    DateFormatter,
    TickPlan,
    context_label,
    english_formatter,
    plan_ticks,
)


class TimeAxisItem(pg.AxisItem):
    """Bottom axis in UTC days: one labelled level chosen so labels fit, minor ticks below it.

    The labels leave out what all ticks share (the year at month level, month and year at day
    level); that context is drawn once on a second line at the left, so no label ever needs to
    carry two units glued together (DateAxisItem's "Feb02").
    """

    def __init__(self, formatter: DateFormatter = english_formatter, *, context: bool = True,
                 **kwargs: Any) -> None:
        super().__init__("bottom", **kwargs)
        self._formatter = formatter
        self._context = context
        self._plan: TickPlan | None = None
        self._labels: dict[float, str] = {}
        self.setStyle(maxTextLevel=0, autoExpandTextSpace=False, tickTextOffset=4)
        self.setHeight(40 if context else 24)

    def set_formatter(self, formatter: DateFormatter) -> None:
        self._formatter = formatter
        self.picture = None
        self.update()

    def _metrics(self) -> QFontMetricsF:
        return QFontMetricsF(self.style["tickFont"] or self.font())

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:  # noqa: E501
        fm = self._metrics()
        plan = plan_ticks(minVal, maxVal, size, fm.horizontalAdvance, self._formatter)
        self._plan = plan
        self._labels = dict(plan.labelled)
        major = [x for x, _ in plan.labelled]
        return [(plan.step.nominal, major), (plan.step.nominal / 4, plan.minor)]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [self._labels.get(v, "") for v in values]

    def generateDrawSpecs(self, p: QPainter) -> Any:
        specs = super().generateDrawSpecs(p)
        if specs is None or not self._context or self._plan is None:
            return specs
        axis_spec, tick_specs, text_specs = specs
        text = context_label(self._plan.step, self.range[0], self.range[1], self._formatter)
        if text:
            bounds = self.mapRectFromParent(self.geometry())
            line_h = self._metrics().height()
            rect = QRectF(bounds.left() + 4, bounds.bottom() - line_h - 2, bounds.width() - 8,
                          line_h)
            text_specs = [*text_specs, (rect, Qt.AlignmentFlag.AlignLeft
                                        | Qt.AlignmentFlag.AlignVCenter, text)]
        return axis_spec, tick_specs, text_specs


class LaneAxisItem(pg.AxisItem):
    """Left column with the lane names, centred on their lanes; no tick marks."""

    MAX_WIDTH = 190.0
    MAX_CHARS = 24

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("left", **kwargs)
        self.setStyle(tickLength=0, tickTextOffset=8, autoExpandTextSpace=False)
        self.setPen(pg.mkPen(None))

    def set_lanes(self, centres_and_labels: list[tuple[float, str]]) -> None:
        fm = QFontMetricsF(self.style["tickFont"] or self.font())
        # Wide enough for a lane name at any font size (a large system font, a scaled
        # screen): MAX_WIDTH px, or MAX_CHARS average characters when that is more.
        limit = max(self.MAX_WIDTH, fm.averageCharWidth() * self.MAX_CHARS)
        elided = [(y, fm.elidedText(text, Qt.TextElideMode.ElideRight, limit))
                  for y, text in centres_and_labels]
        widest = max((fm.horizontalAdvance(t) for _, t in elided), default=40.0)
        self.setTicks([elided, []])
        # Kept: width() is the laid-out width, stale until the next layout pass, and the
        # overview strip must line up with this width from the first frame.
        self.fixed_width = int(widest + 16)
        self.setWidth(self.fixed_width)

    fixed_width = 40

    def generateDrawSpecs(self, p: Any) -> Any:
        """Lane names that would overprint each other (lanes thinner than a line of text, in
        a small window) are left out, the first of each overlapping pair kept."""
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return specs
        axis_spec, tick_specs, text_specs = specs
        kept: list[tuple[QRectF, Any, str]] = []
        for rect, flags, text in sorted(text_specs, key=lambda spec: spec[0].top()):
            if not any(rect.intersects(other) for other, _f, _t in kept):
                kept.append((rect, flags, text))
        return axis_spec, tick_specs, kept
