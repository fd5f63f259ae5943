"""The timeline widget, driven the way a user drives it (offscreen, pytest-qt)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage

from wsis_viewer.domain.timeline_index import DAY, TimelineIndex, date_to_x
from wsis_viewer.timeline import TimelineWidget

pytestmark = pytest.mark.gui


@dataclass(frozen=True)
class Row:
    id: str
    lane: str
    kind: str
    start: str
    end: str
    precision: str
    title_en: str
    title_zh: str


ROWS = [
    Row("cwg-21", "cwg-wsis", "m", "2013-02-01", "2013-02-04", "day", "21st meeting", "第21次"),
    Row("forum", "wsis-forum", "f", "2013-05-13", "2013-05-17", "day", "WSIS Forum 2013", ""),
    Row("cwg-22", "cwg-wsis", "m", "2013-05-30", "2013-06-10", "day", "22nd meeting", "第22次"),
    Row("council", "council", "c", "2013-06-11", "2013-06-20", "day", "Council 2013", ""),
    Row("consult", "consultation", "c", "2013-01-01", "2013-12-31", "year", "Consultation", ""),
    Row("day", "council", "c", "2013-09-02", "2013-09-02", "day", "One day", ""),
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
    w.set_markers((dt.date(2010, 10, 4), dt.date(2014, 11, 7)), today=False)
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
    widget.set_highlight({"council"})
    dimmed = widget.render_image(600, 300)
    assert _differs(plain, dimmed) > 100
    widget.set_highlight(None)
    assert _differs(plain, widget.render_image(600, 300)) == 0


def test_connectors_draw(qtbot, widget):
    plain = widget.render_image(600, 300)
    widget.set_connectors([("cwg-22", "council", "+1 day")])
    arrows = widget.render_image(600, 300)
    assert _differs(plain, arrows) > 100
    widget.set_connectors([])
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
    widget.set_date_filter(dt.date(2013, 7, 1), None)
    # The council meeting (June) is now outside the date filter: nothing to click there.
    click(qtbot, widget, item_pos(widget, "council"))
    assert widget.selected() is None
    widget.set_date_filter(None, None)
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
