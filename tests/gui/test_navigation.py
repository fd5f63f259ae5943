"""Linked detail panels, Back/Forward, chains on the timeline and the two list views,
driven through what a user does: clicking links and rows, pressing keys and mouse buttons."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPointF, Qt, QUrl
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from wsis_viewer import paths
from wsis_viewer.domain.model import RecordType as T
from wsis_viewer.domain.relations import RecordRef
from wsis_viewer.domain.timeline_index import date_to_x
from wsis_viewer.lists.models import REF_ROLE
from wsis_viewer.ui.main_window import MainWindow
from wsis_viewer.ui.settings import ViewerSettings

pytestmark = pytest.mark.gui


@pytest.fixture
def window(bundled_window: MainWindow) -> MainWindow:
    return bundled_window


@pytest.fixture
def connectors(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[list[tuple]]:
    calls: list[list[tuple]] = []
    original = window.timeline.set_emphasis

    def spy(emphasis) -> None:
        calls.append([(c.source, c.target, c.label) for c in emphasis.connectors])
        original(emphasis)

    monkeypatch.setattr(window.timeline, "set_emphasis", spy)
    return calls


def click_link(window: MainWindow, ref: RecordRef) -> None:
    """Click the panel's link to `ref` (it must be on the page)."""
    html = window.detail.browser.toHtml()
    assert ref.to_url() in html.replace("&amp;", "&"), f"no link to {ref} on the page"
    window.detail.browser.anchorClicked.emit(QUrl(ref.to_url()))


def test_recommendation_to_resolution_and_back(window: MainWindow, connectors) -> None:
    rec = RecordRef(T.RECOMMENDATION, "rec-council-2012")
    window.navigate_to(rec)
    assert "§2.3.2" in window.detail.text() and "led to a resolution" in window.detail.text()
    assert connectors[-1] == [("cwg-20", "council-2012", "+27 days")]
    view_rec = window.timeline.view_range()
    assert view_rec[0] <= date_to_x(__import__("datetime").date(2012, 6, 6)) <= view_rec[1]

    click_link(window, RecordRef(T.RESOLUTION, "res-c1334"))
    assert window.current == RecordRef(T.RESOLUTION, "res-c1334")
    text = window.detail.text()
    history = text[text.index("History"):text.index("Recommendations behind it")]
    assert [m for m in re.findall(r"C-1\d/\d+", history)] == ["C-11/97", "C-12/101", "C-13/108"]
    assert "§2.3.2" in text  # and back: the recommendation behind the resolution

    window.act_back.trigger()
    assert window.current == rec
    assert window.timeline.view_range() == pytest.approx(view_rec)
    assert "§2.3.2" in window.detail.text()
    window.act_forward.trigger()
    assert window.current == RecordRef(T.RESOLUTION, "res-c1334")
    assert not window.act_forward.isEnabled() and window.act_back.isEnabled()


def test_resolution_chain_drawn_with_elapsed_time(window: MainWindow, connectors) -> None:
    window.navigate_to(RecordRef(T.RESOLUTION, "res-c1334"))
    edges = connectors[-1]
    assert ("cwg-20", "council-2012", "+27 days") in edges
    assert ("council-2011", "council-2012", "+8 months") in edges
    assert ("council-2013", "cwg-extra-2013", "same day") in edges
    assert window.timeline.selected() is None  # a resolution is not itself on the timeline
    window.clear_selection()
    assert connectors[-1] == []


def test_link_to_event_selects_it_on_the_timeline(window: MainWindow) -> None:
    window.navigate_to(RecordRef(T.DOCUMENT, "C13/66"))
    assert "Produced at" in window.detail.text()
    click_link(window, RecordRef(T.EVENT, "council-2013"))
    assert window.timeline.selected() == "council-2013"
    x0, x1 = window.timeline.view_range()
    assert x0 <= date_to_x(__import__("datetime").date(2013, 6, 15)) <= x1


def test_every_record_link_in_panels_navigates(window: MainWindow) -> None:
    """Click every record link on a sample of panels: each opens its record (no dead links)."""
    starts = [RecordRef(T.EVENT, "cwg-22"), RecordRef(T.RESOLUTION, "res-c1334"),
              RecordRef(T.RECOMMENDATION, "rec-4.5.8"), RecordRef(T.DOCUMENT, "C11/33"),
              RecordRef(T.PERSON, "houlin-zhao"), RecordRef(T.EVENT, "council-2011")]
    clicked = 0
    for start in starts:
        window.navigate_to(start)
        html = window.detail.browser.toHtml().replace("&amp;", "&")
        for url in sorted(set(re.findall(r'href="(record:[^"]+)"', html))):
            window.navigate_to(start)
            window.detail.browser.anchorClicked.emit(QUrl(url))
            target = RecordRef.from_url(url)
            assert window.current == target, url
            assert "No such record" not in window.detail.text()
            clicked += 1
    assert clicked > 40


def test_list_rows_drive_the_panel_and_back(window: MainWindow, qtbot) -> None:
    panel = window.recommendations
    table = panel.table
    proxy = panel.proxy
    row = next(r for r in range(proxy.rowCount())
               if proxy.index(r, 0).data() == "§4.5.3")
    table.setCurrentIndex(proxy.index(row, 1))
    assert window.current == RecordRef(T.RECOMMENDATION, "rec-4.5.3")
    assert "WSIS+10" in window.detail.text()
    # The reverse: selecting elsewhere marks the row.
    window.navigate_to(RecordRef(T.RECOMMENDATION, "rec-ict-definition"))
    assert proxy.data(table.currentIndex(), REF_ROLE) == RecordRef(T.RECOMMENDATION,
                                                                   "rec-ict-definition")
    res_panel = window.resolutions
    window.navigate_to(RecordRef(T.RESOLUTION, "res-pp172"))
    assert res_panel.proxy.data(res_panel.table.currentIndex(), REF_ROLE) == RecordRef(
        T.RESOLUTION, "res-pp172")


def test_list_filter_sort_and_summary(window: MainWindow, qtbot) -> None:
    panel = window.recommendations
    assert "4 led to a decision" in panel.summary.text()
    qtbot.keyClicks(panel.filter, "1334")
    assert panel.proxy.rowCount() == 3
    assert "(filtered from 18)" in panel.summary.text()
    panel.filter.clear()
    panel.status.setCurrentIndex(panel.status.findData("proposed"))
    assert panel.proxy.rowCount() == 12 and "12 proposed" in panel.summary.text()
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert panel.proxy.index(0, 0).data() == "§4.5.12"


def test_mouse_back_button_goes_back(window: MainWindow) -> None:
    window.navigate_to(RecordRef(T.EVENT, "cwg-19"))
    window.navigate_to(RecordRef(T.EVENT, "council-2011"))
    target = window.timeline
    pos = QPointF(target.width() / 2, target.height() / 2)
    press = QMouseEvent(QMouseEvent.Type.MouseButtonPress, pos, target.mapToGlobal(pos),
                        Qt.MouseButton.BackButton, Qt.MouseButton.BackButton,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, press)
    assert window.current == RecordRef(T.EVENT, "cwg-19")
    assert window.timeline.selected() == "cwg-19"


def test_keyboard_back_forward(window: MainWindow, qtbot) -> None:
    window.navigate_to(RecordRef(T.EVENT, "cwg-19"))
    window.navigate_to(RecordRef(T.EVENT, "cwg-20"))
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current == RecordRef(T.EVENT, "cwg-19")
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current == RecordRef(T.EVENT, "cwg-20")


def test_panels_render_in_chinese(qtbot, isolated_settings) -> None:
    w = MainWindow(ViewerSettings(isolated_settings()), lang="zh")
    qtbot.addWidget(w)
    w.show()
    assert w.open_database(paths.bundled_database())
    w.navigate_to(RecordRef(T.RESOLUTION, "res-c1334"))
    text = w.detail.text()
    assert "国际电联在全面审查信息社会世界峰会成果落实工作中的作用" in text.splitlines()[1]
    assert "理事会2012年会议" in text
