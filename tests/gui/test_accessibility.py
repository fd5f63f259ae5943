"""Accessibility inside the process: what Qt hands a screen reader, keyboard use, themes.

The same interfaces are read over a real AT-SPI bus in tests/xvfb/test_accessibility_tree.py;
here they are asked directly (QAccessible.queryAccessibleInterface), which is fast and shows
the details: states, actions, the chain description, names in both languages.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QLineEdit,
    QTextEdit,
    QToolBar,
    QWidget,
)

from wsis_viewer.domain.model import RecordType as T
from wsis_viewer.domain.relations import RecordRef
from wsis_viewer.ui.accessibility import tab_chain
from wsis_viewer.ui.main_actions import ACTIONS, HELP_ACTIONS
from wsis_viewer.ui.main_window import MainWindow
from wsis_viewer.ui.shortcuts_dialog import ShortcutsDialog, plain

Name, Description = QAccessible.Text.Name, QAccessible.Text.Description


@pytest.fixture
def window(bundled_window: MainWindow) -> Iterator[MainWindow]:
    yield bundled_window
    # Themes change the application's palette and style: never leak them into other tests.
    bundled_window.set_theme("system", remember=False)


def chart(window: MainWindow) -> QAccessible:
    iface = QAccessible.queryAccessibleInterface(window.timeline)
    assert iface is not None
    return iface


def children(window: MainWindow) -> dict[str, object]:
    iface = chart(window)
    kids = [iface.child(k) for k in range(iface.childCount())]
    return {k.text(Name): k for k in kids if k is not None}


def test_timeline_is_a_named_chart_of_its_visible_events(window: MainWindow) -> None:
    iface = chart(window)
    assert iface.role() == QAccessible.Role.Chart
    assert iface.text(Name).startswith("Timeline, ")
    assert "arrow" in iface.text(Description).lower()
    names = children(window)
    assert "21st meeting of CWG-WSIS, 1 and 4 February 2013, CWG-WSIS lane" in names
    # Zoomed to one year: only that year's events are children, and the name follows.
    index = window.timeline.index()
    assert index is not None
    from wsis_viewer.domain.view_state import years_range

    window.timeline.set_view_range(*years_range((2012, 2012)))
    names = children(window)
    assert "20th meeting of CWG-WSIS, 6–7 June 2012, CWG-WSIS lane" in names
    assert not [n for n in names if n.startswith(("PP-14", "21st meeting"))], names
    assert "December 2011 – " in iface.text(Name) and "January 2013" in iface.text(Name)
    # Kids know their parent and their place.
    some = next(iter(names.values()))
    assert iface.indexOfChild(some) >= 0  # type: ignore[arg-type]
    assert some.parent().role() == QAccessible.Role.Chart  # type: ignore[attr-defined]


def test_press_selects_and_the_focus_follows_the_keys(qtbot, window: MainWindow) -> None:
    name = "21st meeting of CWG-WSIS, 1 and 4 February 2013, CWG-WSIS lane"
    event = children(window)[name]
    action = event.actionInterface()  # type: ignore[attr-defined]
    assert action is not None and action.actionNames()[0] == action.pressAction()
    action.doAction(action.pressAction())
    assert window.current == RecordRef(T.EVENT, "cwg-21")
    assert "21st meeting of CWG-WSIS" in window.detail.browser.toPlainText()
    state = event.state()  # type: ignore[attr-defined]
    assert state.selected and state.focused
    # The arrow key moves the selection; the chart's focus child is the next event.
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    focus = chart(window).focusChild()
    assert focus is not None and focus.text(Name).startswith("WSIS Forum 2013, 13–17 May 2013")
    assert not event.state().selected  # type: ignore[attr-defined]
    # The child's rectangle is where the bar is drawn, inside the timeline on screen.
    rect = focus.rect()
    top_left = window.timeline.mapToGlobal(window.timeline.rect().topLeft())
    assert rect.width() > 0 and rect.left() >= top_left.x() and rect.top() >= top_left.y()


def test_a_selected_chain_is_described_on_its_events(window: MainWindow) -> None:
    window.navigate_to(RecordRef(T.RESOLUTION, "res-c1334"))
    names = children(window)
    council_2012 = next(k for n, k in names.items() if n.startswith("Council 2012,"))
    text = council_2012.text(Description)  # type: ignore[attr-defined]
    assert "leads to Council 2013 (+11 months)" in text
    assert "follows Council 2011 (+8 months)" in text
    cwg_22 = next(k for n, k in names.items() if n.startswith("22nd meeting of CWG-WSIS"))
    assert cwg_22.text(Description) == "leads to Council 2013 (+1 day, inferred)"  # type: ignore[attr-defined]


def interactive(window: MainWindow) -> list[QWidget]:
    kinds = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QAbstractItemView,
             QTextEdit, QDockWidget, QToolBar)
    return [w for w in window.findChildren(QWidget)
            if isinstance(w, kinds) and w.isVisibleTo(window)
            and not isinstance(w.parentWidget(), QAbstractSpinBox)
            # A table's headers are read as its column headers, not as widgets of their own.
            and not isinstance(w, QHeaderView)]


def accessible_names(window: MainWindow) -> dict[str, str]:
    names = {}
    for w in interactive(window):
        iface = QAccessible.queryAccessibleInterface(w)
        assert iface is not None
        key = f"{type(w).__name__}:{w.objectName() or id(w)}"
        names[key] = iface.text(Name)
    return names


def test_every_box_list_dock_and_button_is_named_in_both_languages(window: MainWindow) -> None:
    english = accessible_names(window)
    unnamed = [k for k, v in english.items() if not v.strip()]
    assert not unnamed, unnamed
    assert window.detail.browser.accessibleName() == "Details of the selected record"
    assert window.search.edit.accessibleDescription()
    window.set_language("zh")
    QApplication.processEvents()  # the names follow the window's own retranslation
    chinese = accessible_names(window)
    assert not [k for k, v in chinese.items() if not v.strip()]
    assert window.detail.browser.accessibleName() == "所选记录的详情"
    assert window.years.first.accessibleName() == "显示的第一年"
    assert chart(window).text(Name).startswith("时间轴，")
    assert any(n.startswith("CWG-WSIS第21次会议，2013年2月1日和4日，") for n in children(window))


def test_tab_goes_through_the_window_in_reading_order(qtbot, window: MainWindow) -> None:
    chain = tab_chain(window)
    visible = [w for w in chain if w.isVisible() and w.isEnabled()]  # not a hidden tab's
    visible[0].setFocus(Qt.FocusReason.TabFocusReason)
    seen = [QApplication.focusWidget()]
    for _ in range(len(visible) - 1):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert " ".join(w.objectName() for w in seen) == " ".join(w.objectName() for w in visible), (
        [w.objectName() for w in seen], [w.objectName() for w in visible])


def yellow_pixels(image: QImage) -> int:
    return sum(1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
               if QColor(image.pixel(x, y)).name() == "#ffff00")


def test_high_contrast_theme_reaches_window_and_exports_and_shows_the_focus_ring(
        qtbot, window: MainWindow) -> None:
    actions = window.accessibility.theme_actions
    actions["themeHighContrast"].trigger()
    QApplication.processEvents()  # the palette reaches the widgets as events
    assert QApplication.palette().color(QPalette.ColorRole.Base) == QColor("#000000")
    assert window.view_state().theme == "high-contrast"
    assert window.timeline._item.theme.background == QColor("#000000")
    assert window.settings.store.value("view/theme") == "high-contrast"
    # The focus ring (yellow: the palette's highlight) is drawn around the selected event
    # only while the timeline has the keyboard focus.
    window.select_record(RecordRef(T.EVENT, "cwg-21"))
    window.timeline.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: window.timeline._item.state.focused)
    with_ring = yellow_pixels(window.timeline.grab().toImage())
    window.detail.browser.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: not window.timeline._item.state.focused)
    without = yellow_pixels(window.timeline.grab().toImage())
    assert with_ring > without + 20, (with_ring, without)
    actions["themeLight"].trigger()
    QApplication.processEvents()
    assert window.view_state().theme == "light"
    actions["themeSystem"].trigger()
    assert actions["themeSystem"].isChecked() and not actions["themeLight"].isChecked()


def test_keyboard_shortcuts_dialog_lists_the_action_table(window: MainWindow) -> None:
    dialog = window.accessibility.show_keyboard_shortcuts()
    assert isinstance(dialog, ShortcutsDialog)
    rows = dialog.rows()
    listed = {what for what, _keys, _where in rows}
    for spec in (*ACTIONS, *HELP_ACTIONS):
        action = window.action_table.get(spec.name) or \
            window.accessibility.help_actions.get(spec.name)
        assert action is not None
        if action.shortcuts():
            assert plain(action.text()) in listed, spec.name
    keys = {what: k for what, k, _where in rows}
    assert keys["Keyboard Shortcuts"] == "F1"
    assert keys["Next Event"] == "Right" and keys["Zoom In"].startswith("+")
    dialog.close()


def test_ctrl_f_shows_the_search_box_of_a_narrow_window(qtbot, window: MainWindow) -> None:
    # At 2× scale a laptop window is narrow: the search box moves into the toolbar's overflow,
    # where Ctrl+F used to put the keyboard focus into a box nobody could see.
    window.resize(700, 600)
    qtbot.waitUntil(lambda: not window.search.isVisible())
    window.timeline.setFocus()
    window.act_find.trigger()
    qtbot.waitUntil(lambda: window.search.isVisible())
    assert window.search.edit.hasFocus()


def test_the_view_pans_without_a_mouse(qtbot, window: MainWindow) -> None:
    window.timeline.setFocus()
    x0, x1 = window.timeline.view_range()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    a0, a1 = window.timeline.view_range()
    assert a0 == pytest.approx(x0 - (x1 - x0) / 4) and a1 - a0 == pytest.approx(x1 - x0)
    qtbot.keyClick(window.timeline, Qt.Key.Key_PageDown)
    assert window.timeline.view_range() == pytest.approx((x0, x1))
    assert window.current is None  # panning is not selecting
    titles = [a.text() for a in window.view_menu.actions()]
    assert titles.index("Pan &Earlier") == titles.index("Zoom &Out") + 1


def test_lane_names_are_not_cut_with_a_large_system_font(qtbot) -> None:
    from PySide6.QtGui import QFont

    from wsis_viewer.timeline.axes import LaneAxisItem

    names = ["UN General Assembly", "WSIS Forum & HLE", "Plenipotentiary"]
    for size in (9, 16, 22):
        axis = LaneAxisItem()
        font = QFont()
        font.setPointSize(size)
        axis.setStyle(tickFont=font)
        axis.set_lanes([(k + 0.5, name) for k, name in enumerate(names)])
        shown = [text for _y, text in axis._tickLevels[0]]
        assert shown == names, (size, shown)
