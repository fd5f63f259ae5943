"""Chain arrows between events, and their elapsed-time labels ("+27 days").

Laid out once per frame in device pixels (`layout_edges`), then painted in two passes: the
curves under the items' focus marks, the labels on top of everything. Item labels give way to
the edge labels (the painter passes the boxes to the label layer).

- An arrow to an event with several sittings ends at the sitting the step leads to (Council
  2014 met in May and in October; a step from an October meeting points at October).
- A label is placed where it covers neither end of its arrow nor another label; when no spot
  along the curve is free it is left out (the panel lists every step with its label).
- An inferred step is drawn dashed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from wsis_viewer.timeline.colors import Theme, with_alpha

# Where along the curve a label may sit, in order of preference, and how far it may move
# off the curve (in label heights).
LABEL_POSITIONS = (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8)
LABEL_SHIFTS = (0.0, -1.0, 1.0, -2.0, 2.0)
ANCHOR_CLEARANCE = 3.0  # px kept free around an arrow's ends


@dataclass(frozen=True, slots=True)
class Edge:
    """An arrow as the item holds it: event positions in the index, label, where it ends."""

    source: int
    target: int
    label: str
    target_x: float | None = None  # x of the sitting it leads to; None: the target's start
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class PlacedEdge:
    path: QPainterPath
    end: QPointF
    tangent: float  # degrees, the curve's direction at its end
    box: QRectF | None  # the label's box, None when there is no room for it
    text: str
    inferred: bool


# (event position, which end: "start" | "end" | x) → device point of the item's row centre
Anchor = Callable[[int, float | str], QPointF]
# event position → device rectangle the item covers (for keeping labels off it)
ItemRect = Callable[[int], QRectF]


def layout_edges(edges: list[Edge], anchor: Anchor, item_rect: ItemRect, font: QFont,
                 is_shown: Callable[[int], bool], plot: QRectF) -> list[PlacedEdge]:
    """Curves and label boxes of the shown edges, labels kept clear of every arrow's ends, of
    each other and inside the plot."""
    fm = QFontMetricsF(font)
    placed: list[QRectF] = []
    out: list[PlacedEdge] = []
    keep_clear = []
    curves = []
    for e in edges:
        if not (is_shown(e.source) and is_shown(e.target)):
            continue
        start = anchor(e.source, "end")
        end = anchor(e.target, e.target_x if e.target_x is not None else "start")
        source_start = anchor(e.source, "start")
        if end.x() < start.x():  # overlapping in time: run from the middle of the source
            start = QPointF((source_start.x() + start.x()) / 2, start.y())
        dx = max(30.0, abs(end.x() - start.x()) / 2)
        path = QPainterPath(start)
        path.cubicTo(QPointF(start.x() + dx, start.y()), QPointF(end.x() - dx, end.y()), end)
        curves.append((e, path, end))
        for i in (e.source, e.target):
            r = item_rect(i)
            keep_clear.append(r.adjusted(-ANCHOR_CLEARANCE, -ANCHOR_CLEARANCE,
                                         ANCHOR_CLEARANCE, ANCHOR_CLEARANCE))
    for e, path, end in curves:
        box = None
        if e.label:
            box = _place_label(path, fm.horizontalAdvance(e.label) + 8, fm.height() + 2,
                               placed + keep_clear, plot)
            if box is not None:
                placed.append(box)
        out.append(PlacedEdge(path, end, path.angleAtPercent(1.0), box, e.label, e.inferred))
    return out


def _place_label(path: QPainterPath, width: float, height: float, taken: list[QRectF],
                 plot: QRectF) -> QRectF | None:
    for t in LABEL_POSITIONS:
        for shift in LABEL_SHIFTS:
            box = QRectF(0, 0, width, height)
            centre = path.pointAtPercent(t)
            box.moveCenter(QPointF(centre.x(), centre.y() + shift * (height + 2)))
            if plot.contains(box) and not any(box.intersects(o) for o in taken):
                return box
    return None


def paint_edges(p: QPainter, edges: list[PlacedEdge], theme: Theme) -> None:
    if not edges:
        return
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    head = QPolygonF([QPointF(0, 0), QPointF(-9, -4.5), QPointF(-9, 4.5)])
    for e in edges:
        style = Qt.PenStyle.DashLine if e.inferred else Qt.PenStyle.SolidLine
        p.setPen(QPen(theme.connector, 1.6, style))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(e.path)
        # Arrow head along the curve's final tangent.
        p.save()
        p.translate(e.end)
        p.rotate(-e.tangent)
        p.setPen(QPen(theme.connector, 1.0))
        p.setBrush(theme.connector)
        p.drawPolygon(head)
        p.restore()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def paint_edge_labels(p: QPainter, edges: list[PlacedEdge], theme: Theme, font: QFont) -> None:
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setFont(font)
    for e in edges:
        if e.box is None:
            continue
        p.setBrush(with_alpha(theme.background, 235))
        if e.inferred:  # the label's frame repeats the dashes of its arrow
            p.setPen(QPen(theme.connector, 1.0, Qt.PenStyle.DashLine))
        else:
            p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(e.box, 3, 3)
        p.setPen(theme.text)
        p.drawText(e.box, Qt.AlignmentFlag.AlignCenter, e.text)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
