"""Interactions that once did the wrong thing, driven as a user does (keys, clicks, menus).

Each test here failed before the one-ViewState refactor: the selection, search, filters and
time range were held in three places that disagreed.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtWidgets import QApplication, QToolButton

from wsis_viewer.domain.model import RecordType as T
from wsis_viewer.domain.relations import RecordRef
from wsis_viewer.domain.timeline_index import DAY, date_to_x, x_to_date
from wsis_viewer.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

REC_4_5_10 = RecordRef(T.RECOMMENDATION, "rec-4.5.10")
RES_1334 = RecordRef(T.RESOLUTION, "res-c1334")
DOC = RecordRef(T.DOCUMENT, "C13/85")


@pytest.fixture
def window(bundled_window: MainWindow) -> MainWindow:
    return bundled_window


def _empty_timeline_point(window: MainWindow) -> QPoint:
    """A viewport pixel over an empty lane (the Plenipotentiary lane in mid-2012)."""
    tl = window.timeline
    ix = tl.index()
    lay = tl._item.layout
    lane = ix.lane_ids.index("plenipotentiary")
    y = lay.top[lane] + lay.height[lane] / 2
    x = date_to_x(dt.date(2012, 7, 1))
    return tl._plot.mapFromScene(tl._vb.mapViewToScene(QPointF(x, y)))


@pytest.mark.parametrize("ref", [REC_4_5_10, RES_1334, DOC])
@pytest.mark.parametrize("how", ["escape", "menu", "click"])
def test_clearing_clears_any_kind_of_record(qtbot, window: MainWindow, ref: RecordRef,
                                            how: str) -> None:
    window.navigate_to(ref)
    assert window.current == ref
    if how == "escape":
        window.timeline.setFocus()
        qtbot.keyClick(window.timeline, Qt.Key.Key_Escape)
    elif how == "menu":
        window.act_clear_selection.trigger()
    else:
        window.timeline.set_view_range(date_to_x(dt.date(2012, 1, 1)),
                                       date_to_x(dt.date(2013, 1, 1)))
        qtbot.mouseClick(window.timeline._plot.viewport(), Qt.MouseButton.LeftButton,
                         pos=_empty_timeline_point(window))
    assert window.current is None
    assert window.detail.current() is None
    emphasis = window.timeline._settings.emphasis
    assert emphasis.highlight is None and not emphasis.connectors  # nothing stands out


def test_chain_arrow_goes_to_the_sitting_of_the_step(qtbot, window: MainWindow) -> None:
    """§4.5.10 (25th meeting, October 2014) → Council 2014 ends at the Busan sitting of
    18 October, not at May in Geneva."""
    window.navigate_to(REC_4_5_10)
    connectors = window.timeline._settings.emphasis.connectors
    to_council = [c for c in connectors if c.target == "council-2014"]
    assert to_council and to_council[0].target_day == dt.date(2014, 10, 18)
    window.timeline._plot.viewport().repaint()
    placed = window.timeline._item.placed_edges
    assert placed
    x_busan = window.timeline._plot.mapFromScene(window.timeline._vb.mapViewToScene(
        QPointF(date_to_x(dt.date(2014, 10, 18)), 0))).x()
    ends = [e.end.x() for e in placed]
    assert any(abs(x - x_busan) <= 2 for x in ends), (ends, x_busan)


@pytest.mark.parametrize("ref", [RES_1334, REC_4_5_10, RecordRef(T.EVENT, "cwg-22")])
def test_elapsed_labels_cover_neither_end_nor_each_other(window: MainWindow,
                                                         ref: RecordRef) -> None:
    window.navigate_to(ref)
    item = window.timeline._item
    window.timeline._plot.viewport().repaint()
    boxes = [e.box for e in item.placed_edges if e.box is not None]
    assert boxes, "no label was placed at all"
    for i, a in enumerate(boxes):
        assert not any(a.intersects(b) for b in boxes[i + 1:]), "labels pile up"
    ix = item.index
    f = _frame(window)
    for c in window.timeline._settings.emphasis.connectors:
        for end in (c.source, c.target):
            rect = item._item_rect(f, ix.index_of(end))
            assert not any(b.intersects(rect) for b in boxes), f"a label covers {end}"


def _frame(window: MainWindow):
    """The painter's frame as the last paint saw it (view → device pixels)."""
    from wsis_viewer.timeline.frame import Frame

    tl = window.timeline
    vb = tl._vb
    (x0, x1), _ = vb.viewRange()
    item = tl._item
    t = item.deviceTransform(tl._plot.viewportTransform())
    return Frame(sx=t.m11(), ox=t.dx(), sy=t.m22(), oy=t.dy(), x0=x0, x1=x1,
                 total=item.layout.total)


def test_status_filter_only_filters(qtbot, window: MainWindow) -> None:
    panel = window.recommendations
    window.navigate_to(REC_4_5_10)
    view = window.timeline.view_range()
    back_before = window.history.can_go_back()
    entries = len(window.history._entries)
    for i in range(panel.status.count()):
        panel.status.setCurrentIndex(i)
        assert window.current == REC_4_5_10
        assert window.timeline.view_range() == pytest.approx(view)
        assert len(window.history._entries) == entries
        assert window.history.can_go_back() == back_before
    panel.status.setCurrentIndex(0)


def test_years_filter_moves_the_view_and_fit_all_fits_what_is_shown(window: MainWindow
                                                                    ) -> None:
    window.years.set_years((2012, 2012))
    x0, x1 = window.timeline.view_range()
    assert x_to_date(x0).year in (2011, 2012) and x_to_date(x1).year in (2012, 2013)
    assert x1 - x0 < 400 * DAY
    window.timeline.set_view_range(date_to_x(dt.date(2003, 1, 1)),
                                   date_to_x(dt.date(2016, 1, 1)))
    window.act_fit.trigger()  # Fit All: what the filters show, 2012 only
    x0, x1 = window.timeline.view_range()
    assert x1 - x0 < 420 * DAY
    window.act_all_years.trigger()
    window.act_fit.trigger()
    x0, x1 = window.timeline.view_range()
    assert x_to_date(x0).year <= 2003 and x_to_date(x1).year >= 2015  # everything again


def test_first_view_frames_the_reporting_period(window: MainWindow) -> None:
    x0, x1 = window.timeline.view_range()
    first, last = x_to_date(x0), x_to_date(x1)
    assert dt.date(2010, 1, 1) <= first <= dt.date(2010, 10, 4)  # PP-10 opens, with context
    assert dt.date(2014, 11, 7) <= last <= dt.date(2015, 6, 30)  # PP-14 closes
    assert window.db is not None and window.db.period is not None
    assert window.db.period.labels == ("PP-10", "PP-14")


def test_overview_lines_up_from_the_first_frame_and_a_click_jumps(qtbot, open_bundled) -> None:
    w = open_bundled((1400, 850))
    qtbot.wait(50)
    tl = w.timeline
    main_vb, ov = tl._vb, tl._overview
    assert ov is not None
    ov_vb = ov.getPlotItem().getViewBox()
    main_left = tl._plot.mapToGlobal(tl._plot.mapFromScene(
        main_vb.sceneBoundingRect().topLeft())).x()
    ov_left = ov.mapToGlobal(ov.mapFromScene(ov_vb.sceneBoundingRect().topLeft())).x()
    assert abs(main_left - ov_left) <= 1
    # A click in the strip centres the view there.
    target = date_to_x(dt.date(2012, 6, 1))
    span = tl.view_range()[1] - tl.view_range()[0]
    pos = ov.mapFromScene(ov_vb.mapViewToScene(QPointF(target, 0.5)))
    qtbot.mouseClick(ov.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    x0, x1 = tl.view_range()
    assert (x0 + x1) / 2 == pytest.approx(target, abs=3 * DAY) or x1 - x0 < span


def test_small_window_keeps_a_usable_timeline(qtbot, open_bundled) -> None:
    w = open_bundled(None)
    w.resize(800, 500)
    qtbot.wait(100)
    assert w.timeline.height() >= 0.4 * w.height()
    assert w.timeline.width() >= 0.4 * w.width()
    axis = w.timeline._lane_axis
    from PySide6.QtGui import QPainter, QPixmap

    pixmap = QPixmap(10, 10)
    painter = QPainter(pixmap)
    specs = axis.generateDrawSpecs(painter)
    painter.end()
    rects: list[QRectF] = [r for r, _f, _t in specs[2]]
    assert rects
    for i, a in enumerate(rects):
        assert not any(a.intersects(b) for b in rects[i + 1:]), "lane names overprint"


def test_ampersand_in_lane_menu_and_no_mnemonics_on_chinese_toolbar(qtbot, window: MainWindow
                                                                    ) -> None:
    texts = [a.text() for a in window.lanes_menu.actions()]
    assert "WSIS Forum && HLE" in texts  # shown as "WSIS Forum & HLE"
    window.set_language("zh")
    QApplication.processEvents()
    buttons = [b.text() for b in window.toolbar.findChildren(QToolButton) if b.text()]
    assert buttons
    assert not [t for t in buttons if re.search(r"\(&?\w\)|&", t)], buttons
    window.set_language("en")


def test_referrers_sort_naturally_in_panels(window: MainWindow) -> None:
    window.navigate_to(RecordRef(T.EVENT, "cwg-25"))
    text = window.detail.text()
    refs = re.findall(r"§?4\.5\.(\d+)", text)
    numbers = [int(n) for n in refs]
    assert len(numbers) >= 3
    assert numbers == sorted(numbers), numbers


def test_english_only_values_are_marked_in_chinese(qtbot, window: MainWindow) -> None:
    window.set_language("zh")
    window.navigate_to(RecordRef(T.EVENT, "council-2014"))
    html = window.detail.text()
    window.set_language("en")
    assert "Busan" in html
    after = html[html.index("Busan"):]
    assert after.index("仅") < 40 or after.index("English") < 40  # the mark follows it


def test_window_export_equals_the_screenshot_of_the_same_state(qtbot, window: MainWindow,
                                                               monkeypatch, tmp_path) -> None:
    """The window's File ▸ Export and `wsis-viewer screenshot` draw the same ViewState the
    same way."""
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    from wsis_viewer.ui.view_export import export_to_file

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    window.navigate_to(RES_1334)
    window.timeline.set_view_range(date_to_x(dt.date(2011, 6, 1)),
                                   date_to_x(dt.date(2013, 9, 1)))
    state = window.view_state()
    assert state.theme == "light" and state.lang == "en"
    mine = tmp_path / "window.png"
    export_to_file(window.db, state, mine)
    theirs = tmp_path / "cli.png"
    proc = subprocess.run(
        [sys.executable, "-m", "wsis_viewer", "screenshot", str(theirs), "--select",
         "res-c1334", "--from", "2011-06-01", "--to", "2013-08-31"],
        capture_output=True, text=True, env={**__import__("os").environ,
                                             "QT_QPA_PLATFORM": "offscreen"}, check=False)
    assert proc.returncode == 0, proc.stderr
    a, b = QImage(str(mine)), QImage(str(theirs))
    assert (a.width(), a.height()) == (b.width(), b.height())
    pa = np.frombuffer(a.convertToFormat(QImage.Format.Format_RGB32).constBits(), np.uint32)
    pb = np.frombuffer(b.convertToFormat(QImage.Format.Format_RGB32).constBits(), np.uint32)
    differ = float(np.mean(pa != pb))
    assert differ < 0.002, f"{differ:.4%} of pixels differ"
