"""The timeline widget, driven the way a user drives it (offscreen, pytest-qt)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage

from wsis_viewer.domain.timeline_index import DAY, TimelineIndex, date_to_x
from wsis_viewer.domain.view_state import Connector, Emphasis, Period
from wsis_viewer.store.database import EventRowTuple
from wsis_viewer.timeline import TimelineWidget

pytestmark = pytest.mark.gui




R = EventRowTuple  # (id, lane, kind, start, end, precision, title_en, title_zh)
ROWS = [
    R("cwg-21", "cwg-wsis", "m", "2013-02-01", "2013-02-04", "day", "21st meeting", "第21次"),
    R("forum", "wsis-forum", "f", "2013-05-13", "2013-05-17", "day", "WSIS Forum 2013", ""),
    R("cwg-22", "cwg-wsis", "m", "2013-05-30", "2013-06-10", "day", "22nd meeting", "第22次"),
    R("council", "council", "c", "2013-06-11", "2013-06-20", "day", "Council 2013", ""),
    R("consult", "consultation", "c", "2013-01-01", "2013-12-31", "year", "Consultation", ""),
    R("day", "council", "c", "2013-09-02", "2013-09-02", "day", "One day", ""),
]
SESSIONS = [("cwg-22", 1, "2013-05-30", "2013-05-31"), ("cwg-22", 2, "2013-06-10", "2013-06-10")]
LANES = {"cwg-wsis": "CWG-WSIS", "council": "Council", "wsis-forum": "Forum",
         "consultation": "Consultations"}


@pytest.fixture
def widget(qtbot) -> TimelineWidget:
    index = TimelineIndex.from_rows(ROWS, SESSIONS, list(LANES))
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.resize(1000, 500)
    w.show()
    qtbot.waitExposed(w)
    w.set_data(index, LANES)
    w.set_markers(Period(dt.date(2010, 10, 4), dt.date(2014, 11, 7), ("PP-10", "PP-14")),
                  today=False)
    w.set_view_range(date_to_x(dt.date(2013, 1, 1)), date_to_x(dt.date(2014, 1, 1)))
    qtbot.wait(10)
    return w


def item_pos(w: TimelineWidget, event_id: str) -> QPoint:
    """Viewport pixel at the middle of an item's first session."""
    ix = w.index()
    i = ix.index_of(event_id)
    s0, s1 = ix.sessions_of(i)[0]
    lay = w._item.layout
    lane = int(ix.lane[i])
    y = lay.top[lane] + (ix.row[i] + 0.5) * lay.pitch()[lane]
    scene = w._vb.mapViewToScene(QPointF((s0 + s1) / 2, y))
    return w._plot.mapFromScene(scene)


def click(qtbot, w: TimelineWidget, pos: QPoint, double: bool = False) -> None:
    vp = w._plot.viewport()
    if double:  # what Qt delivers for a double click: press, release, double-click, release
        qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=pos)
        qtbot.mouseDClick(vp, Qt.MouseButton.LeftButton, pos=pos)
        qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=pos)
    else:
        qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=pos)


def test_click_selects_and_empty_click_clears(qtbot, widget):
    with qtbot.waitSignal(widget.selectionChanged) as sig:
        click(qtbot, widget, item_pos(widget, "council"))
    assert sig.args == ["council"]
    assert widget.selected() == "council"
    empty = item_pos(widget, "council") + QPoint(0, 0)
    empty.setX(empty.x() + 250)  # September, nothing in the council lane's first row there
    with qtbot.waitSignal(widget.selectionChanged) as sig:
        click(qtbot, widget, empty)
    assert sig.args == [""] and widget.selected() is None


def test_single_day_diamond_and_double_click(qtbot, widget):
    click(qtbot, widget, item_pos(widget, "day"))
    assert widget.selected() == "day"
    with qtbot.waitSignal(widget.activated) as sig:
        click(qtbot, widget, item_pos(widget, "day"), double=True)
    assert sig.args == ["day"]
    x0, x1 = widget.view_range()
    assert x1 - x0 < 30 * DAY and x0 < date_to_x(dt.date(2013, 9, 2)) < x1


def test_wheel_zooms_time_only(qtbot, widget):
    before = widget.view_range()
    y_before = widget._vb.viewRange()[1]
    vp = widget._plot.viewport()
    pos = QPointF(vp.width() / 2, vp.height() / 2)
    from PySide6.QtCore import QPoint as P
    from PySide6.QtGui import QWheelEvent
    ev = QWheelEvent(pos, vp.mapToGlobal(pos), P(0, 0), P(0, 240), Qt.MouseButton.NoButton,
                     Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    with qtbot.waitSignal(widget.viewRangeChanged):
        from PySide6.QtWidgets import QApplication
        QApplication.sendEvent(vp, ev)
    after = widget.view_range()
    assert after[1] - after[0] < before[1] - before[0]
    assert widget._vb.viewRange()[1] == pytest.approx(y_before)


def test_drag_pans(qtbot, widget):
    before = widget.view_range()
    vp = widget._plot.viewport()
    start = QPoint(vp.width() // 2, 20)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    for dx in range(10, 210, 20):
        qtbot.mouseMove(vp, start + QPoint(dx, 0))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=start + QPoint(200, 0))
    after = widget.view_range()
    assert after[0] < before[0]  # dragged right: earlier dates come into view
    assert after[1] - after[0] == pytest.approx(before[1] - before[0], rel=1e-6)


def test_keyboard_visits_events_in_time_order(qtbot, widget):
    widget.setFocus()
    widget.select("cwg-21")
    seen = []
    for _ in range(5):
        qtbot.keyClick(widget, Qt.Key.Key_Right)
        seen.append(widget.selected())
    assert seen == ["forum", "cwg-22", "council", "day", "day"]
    qtbot.keyClick(widget, Qt.Key.Key_Left)
    assert widget.selected() == "council"
    qtbot.keyClick(widget, Qt.Key.Key_Up)  # nearest in the lane above: cwg-22
    assert widget.selected() == "cwg-22"
    with qtbot.waitSignal(widget.activated) as sig:
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert sig.args == ["cwg-22"]
    qtbot.keyClick(widget, Qt.Key.Key_Escape)
    assert widget.selected() is None
    span = widget.view_range()[1] - widget.view_range()[0]
    qtbot.keyClick(widget, Qt.Key.Key_Plus)
    assert widget.view_range()[1] - widget.view_range()[0] == pytest.approx(span / 1.5)
    qtbot.keyClick(widget, Qt.Key.Key_Home)
    assert widget.view_range()[1] - widget.view_range()[0] > span


def test_focus_on_click(qtbot, widget):
    widget.clearFocus()
    click(qtbot, widget, item_pos(widget, "forum"))
    assert widget.hasFocus()


def _differs(a: QImage, b: QImage) -> int:
    assert a.size() == b.size()
    pa, pb = a.constBits(), b.constBits()
    return sum(1 for x, y in zip(bytes(pa), bytes(pb), strict=True) if x != y)


def test_highlight_dims_others(qtbot, widget):
    plain = widget.render_image(600, 300)
    widget.set_emphasis(Emphasis(frozenset({"council"})))
    dimmed = widget.render_image(600, 300)
    assert _differs(plain, dimmed) > 100
    widget.set_emphasis(Emphasis())
    assert _differs(plain, widget.render_image(600, 300)) == 0


def test_connectors_draw(qtbot, widget):
    plain = widget.render_image(600, 300)
    widget.set_emphasis(Emphasis(None, (Connector("cwg-22", "council", "+1 day"),)))
    arrows = widget.render_image(600, 300)
    assert _differs(plain, arrows) > 100
    widget.set_emphasis(Emphasis())
    assert _differs(plain, widget.render_image(600, 300)) == 0


def test_render_image_size_and_scale(widget):
    image = widget.render_image(400, 200, scale=2.0)
    assert (image.width(), image.height()) == (800, 400)
    assert not image.isNull()


def test_overview_sync_both_ways(qtbot, widget):
    x0, x1 = date_to_x(dt.date(2013, 3, 1)), date_to_x(dt.date(2013, 4, 1))
    widget.set_view_range(x0, x1)
    r0, r1 = widget._region.getRegion()
    assert (r0, r1) == pytest.approx((x0, x1))
    a, b = date_to_x(dt.date(2013, 6, 1)), date_to_x(dt.date(2013, 8, 1))
    with qtbot.waitSignal(widget.viewRangeChanged):
        widget._region.setRegion((a, b))
    assert widget.view_range() == pytest.approx((a, b))


def test_filters_hide_items(qtbot, widget):
    pos = item_pos(widget, "council")
    widget.set_visible_lanes({"cwg-wsis", "council"})
    lanes_only = widget._settings.filters
    widget.set_filters(lanes_only.with_changes(years=(2014, 2014)))
    # The council meeting (June 2013) is now outside the years shown: nothing to click there.
    click(qtbot, widget, item_pos(widget, "council"))
    assert widget.selected() is None
    widget.set_filters(lanes_only)
    click(qtbot, widget, item_pos(widget, "council"))
    assert widget.selected() == "council"
    assert pos != item_pos(widget, "council")  # fewer lanes: rows moved


def test_select_ensures_visible_and_hover(qtbot, widget):
    widget.set_view_range(date_to_x(dt.date(2013, 1, 1)), date_to_x(dt.date(2013, 2, 1)))
    widget.select("council")
    x0, x1 = widget.view_range()
    assert x0 <= date_to_x(dt.date(2013, 6, 11)) and date_to_x(dt.date(2013, 6, 21)) <= x1
    with qtbot.waitSignal(widget.hoveredChanged) as sig:
        qtbot.mouseMove(widget._plot.viewport(), item_pos(widget, "council"))
    assert sig.args == ["council"]
    assert "Council 2013" in widget._item.toolTip()
    assert "11 Jun 2013 – 20 Jun 2013" in widget._item.toolTip()


# --- the raster path (many items) against a straightforward reference rasteriser ----------

def _many_rows(n: int, seed: int, long_bars: bool = True) -> list[EventRowTuple]:
    """n random items over 2010-2014 in the four lanes; without long bars few overlap, so
    the lanes need few sub-rows and bars are several pixels tall."""
    import numpy as np

    rng = np.random.default_rng(seed)
    lanes = list(LANES)
    base = dt.date(2010, 1, 1)
    rows = []
    for k in range(n):
        first = base + dt.timedelta(days=int(rng.integers(0, 5 * 365)))
        kind = rng.random()
        if long_bars:
            length = 0 if kind < 0.3 else int(rng.integers(1, 40)) if kind < 0.9 else 300
            precision = "day" if kind < 0.9 else ("month" if kind < 0.95 else "year")
        else:
            length = int(rng.integers(0, 3)) if kind < 0.977 else 30 if kind < 0.997 else 365
            precision = "day" if kind < 0.977 else ("month" if kind < 0.997 else "year")
        last = first + dt.timedelta(days=length)
        rows.append(EventRowTuple(f"e{k}", lanes[int(rng.integers(0, len(lanes)))], "m",
                        first.isoformat(), last.isoformat(), precision, f"Event {k}", ""))
    return rows


def _reference_raster(item, f, width: int, height: int):
    """The raster as first written (one pass per pixel row of every bar, np.add.at, one
    colour-table pair per lane), as ARGB32 premultiplied pixel values; the optimised painter
    must give the same pixels."""
    import math

    import numpy as np

    from wsis_viewer.domain.timeline_index import PRECISION_DAY
    from wsis_viewer.timeline.colors import lane_colour, with_alpha
    from wsis_viewer.timeline.raster import BAR_FILL, MAX_BAR_PX
    from wsis_viewer.timeline.raster import argb as _argb

    ix, lay, state = item.index, item.layout, item.state
    sess = ix.sessions_in_range(f.x0, f.x1)
    if len(state.shown) == len(ix):
        sess = sess[state.shown[ix.s_event[sess]]]
    ev = ix.s_event[sess]
    lane = ix.lane[ev]
    centre_units = lay.top[lane] + (ix.row[ev] + 0.5) * lay.pitch()[lane]
    strong = ix.precision[ev] == PRECISION_DAY
    if state.emphasis is not None:
        strong &= state.emphasis[ev]
    weight = np.where(strong, 1 << 12, 1).astype(np.int64)
    c0 = np.clip(np.floor(f.px(ix.s_start[sess]) - f.X0), 0, width - 1).astype(np.int64)
    c1 = np.clip(np.ceil(f.px(ix.s_end[sess]) - f.X0), 0, width).astype(np.int64)
    c1 = np.maximum(c1, c0 + 1)
    bar_px = np.clip(np.floor(np.abs(f.sy * lay.pitch()) * BAR_FILL), 1, MAX_BAR_PX)
    bar_px = bar_px.astype(np.int64)
    centre = f.py(centre_units) - f.Ytop
    if bar_px.max() > 1:
        tall = bar_px[lane]
        first = np.floor(centre - (tall - 1) / 2).astype(np.int64)
        ends = np.cumsum(tall)
        first = np.repeat(first, tall) + np.arange(int(ends[-1])) - np.repeat(ends - tall, tall)
        c0, c1, weight = np.repeat(c0, tall), np.repeat(c1, tall), np.repeat(weight, tall)
    else:
        first = centre.astype(np.int64)
    keep = (first >= 0) & (first < height)
    first, c0, c1, weight = first[keep], c0[keep], c1[keep], weight[keep]
    delta = np.zeros(height * (width + 1), dtype=np.int64)
    np.add.at(delta, first * (width + 1) + c0, weight)
    np.add.at(delta, first * (width + 1) + c1, -weight)
    cover = np.cumsum(delta.reshape(height, width + 1)[:, :width], axis=1)
    state_px = (cover > 0).astype(np.int64) + (cover >= 1 << 12)
    row_lane = np.zeros(height, dtype=np.int64)
    for lane_i in lay.order:
        y0 = int(max(0, math.floor(f.py(lay.top[lane_i]) - f.Ytop)))
        y1 = int(min(height, math.ceil(f.py(lay.top[lane_i] + lay.height[lane_i]) - f.Ytop)))
        row_lane[y0:y1] = lane_i
    table = [0] * (1 + 2 * len(lay.top))
    for k in range(len(lay.top)):
        colour = lane_colour(k)
        faded = item.theme.dimmed if state.emphasis is not None else with_alpha(colour, 80)
        table[1 + 2 * k] = _argb(faded, faded.alpha())
        table[2 + 2 * k] = _argb(colour, 255)
    index = np.ascontiguousarray(np.where(state_px > 0, state_px + 2 * row_lane[:, None], 0),
                                 dtype=np.uint8)
    image = QImage(index.data, width, height, width, QImage.Format.Format_Indexed8)
    image.setColorTable(table)
    return _pixels(image)


def _pixels(image: QImage):
    import numpy as np

    image = image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    data = np.frombuffer(image.constBits(), dtype=np.uint32,
                         count=image.height() * image.bytesPerLine() // 4)
    return data.reshape(image.height(), -1)[:, :image.width()].copy()  # outlive the image


@pytest.mark.parametrize(("height", "long_bars", "share"),
                         [(500, False, 1e9), (500, False, 0.0), (160, True, 0.25)])
def test_raster_matches_reference(qtbot, monkeypatch, height, long_bars, share):
    """Bars several pixels tall (row by row, or the corners of a 2-D difference array) and
    one pixel tall; zoomed, nudged by fractions of a day, with lane and date filters and with
    emphasis."""
    import numpy as np

    from wsis_viewer.timeline import raster

    monkeypatch.setattr(raster, "REPEAT_ROWS_SHARE", share)

    index = TimelineIndex.from_rows(_many_rows(16000, seed=height, long_bars=long_bars), (),
                                    list(LANES))
    w = TimelineWidget()
    qtbot.addWidget(w)
    w.resize(900, height)
    w.show()
    qtbot.waitExposed(w)
    w.set_data(index, LANES)
    built: list[tuple[object, int, int, QImage]] = []
    original = raster.RasterLayer._build_raster

    def spy(self, f, shown, lo, hi, inside, width, h):
        out = original(self, f, shown, lo, hi, inside, width, h)
        built.append((f, width, h, out[0][1]))
        return out

    monkeypatch.setattr(raster.RasterLayer, "_build_raster", spy)
    vp = w._plot.viewport()
    item = w._item
    w.fit_all()
    qtbot.wait(10)  # layout settles
    full = w.view_range()
    steps = [
        lambda: w.set_view_range(full[0] + 0.37 * DAY, full[1] - 3.1 * DAY),
        lambda: w.set_view_range(date_to_x(dt.date(2011, 6, 1)), date_to_x(dt.date(2013, 6, 1))),
        lambda: w.set_view_range(full[0] + 1.5 * DAY, full[1] - 0.25 * DAY),
        lambda: w.set_visible_lanes({"cwg-wsis", "council", "consultation"}),
        lambda: w.set_filters(w._settings.filters.with_changes(years=(2011, 2013))),
        lambda: w.set_emphasis(Emphasis(frozenset(f"e{k}" for k in range(0, 16000, 7)))),
        lambda: w.set_visible_lanes(set(LANES)),
    ]
    for step in steps:
        before = len(built)
        step()
        vp.repaint()
        assert len(built) == before + 1, "the raster path was not taken"
        f, width, h, image = built[-1]
        assert np.array_equal(_pixels(image), _reference_raster(item, f, width, h))
    rows = item._raster._raster_rows
    assert rows is not None and (rows.span is None) == long_bars  # every path was tested

    # Nothing that changes the raster: a selection, a hover, a bump of the item's state.
    before = len(built)
    w.select("e5", ensure_visible=False)
    item.changed()
    vp.repaint()
    assert len(built) == before and item.paint_count > 0


def test_raster_columns_by_day_equal_direct(qtbot, widget):
    """The per-day look-up of pixel columns gives exactly the floor / ceil of the direct
    computation, at any zoom and offset (including partial days at the edges)."""
    import numpy as np

    from wsis_viewer.timeline.frame import Frame as _Frame
    from wsis_viewer.timeline.raster import ShownSessions as _ShownSessions

    index = TimelineIndex.from_rows(_many_rows(3000, seed=3), (), list(LANES))
    widget.set_data(index, LANES)
    state = widget._item.state
    shown = _ShownSessions.build(index, widget._item.layout, state.shown, state.emphasis)
    assert shown.day0 is not None
    rng = np.random.default_rng(4)
    a, b = index.extent()
    for _ in range(50):
        x0 = rng.uniform(a - 30 * DAY, b)
        x1 = x0 + rng.uniform(DAY, b - a)
        width = int(rng.integers(50, 2000))
        sx = width / (x1 - x0)
        f = _Frame(sx=sx, ox=float(rng.uniform(-5e3, 5e3)) - sx * x0 + 40, sy=-3.0, oy=600.0,
                   x0=x0, x1=x1, total=10.0)
        lo, hi, inside = shown.cull(x0, x1)
        by_day = shown.columns(f, lo, hi, inside, width)
        direct = _ShownSessions.columns(
            _ShownSessions(**{**shown.__dict__, "day0": None, "day1": None}),
            f, lo, hi, inside, width)
        assert np.array_equal(by_day[0], direct[0]) and np.array_equal(by_day[1], direct[1])
