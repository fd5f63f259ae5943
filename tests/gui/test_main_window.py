"""The main window, driven the way a user drives it: clicks, keys, menus, typing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QKeySequence, QPalette
from PySide6.QtWidgets import QFileDialog, QMenu

from wsis_viewer import paths
from wsis_viewer.domain.timeline_index import date_to_x
from wsis_viewer.session.matches import SearchMatches
from wsis_viewer.store.database import open_database
from wsis_viewer.timeline.layout import LaneLayout
from wsis_viewer.timeline.widget import TimelineWidget
from wsis_viewer.ui.main_window import MainWindow
from wsis_viewer.ui.settings import ViewerSettings

pytestmark = pytest.mark.gui

BUNDLED_DB = paths.bundled_database()
SIZE = (1600, 900)

WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(qtbot, isolated_settings) -> WindowFactory:
    """New windows sharing one isolated settings store (so a second one restores the first)."""

    def make(db: Path | None = None, *, restore_view: bool = False,
             size: tuple[int, int] | None = SIZE) -> MainWindow:
        window = MainWindow(ViewerSettings(isolated_settings()), lang="en")
        qtbot.addWidget(window)
        if size is not None:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        if db is not None:
            assert window.open_database(db, restore_view=restore_view)
        return window

    return make


@pytest.fixture
def window(make_window: WindowFactory, small_db: Path) -> MainWindow:
    return make_window(small_db)


@pytest.fixture
def highlights(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[set[str] | None]:
    """What the window asks the timeline to highlight, newest last (calls pass through)."""
    calls: list[set[str] | None] = []
    original = window.timeline.set_emphasis

    def spy(emphasis) -> None:
        calls.append(None if emphasis.highlight is None else set(emphasis.highlight))
        original(emphasis)

    monkeypatch.setattr(window.timeline, "set_emphasis", spy)
    return calls


def _main_plot(timeline: TimelineWidget) -> pg.PlotWidget:
    """The time view inside the widget (its layout's first widget; the overview follows)."""
    plot = timeline.layout().itemAt(0).widget()
    assert isinstance(plot, pg.PlotWidget)
    return plot


def _pixel_of(timeline: TimelineWidget, event_id: str, x: float) -> QPoint:
    """Where (viewport pixels) event `event_id` is drawn at time x, from the view's mapping.

    The event's lane and sub-row come from the index, their heights from the timeline's own
    LaneLayout (all lanes visible), and the view box maps that point to the screen.
    """
    index = timeline.index()
    assert index is not None
    i = index.index_of(event_id)
    assert i is not None
    layout = LaneLayout.build(index.lane_rows, range(len(index.lane_ids)))
    lane = int(index.lane[i])
    y = float(layout.top[lane]) + (int(index.row[i]) + 0.5) * float(layout.pitch()[lane])
    plot = _main_plot(timeline)
    scene = plot.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
    return plot.mapFromScene(scene)


def _sessions_drawn(timeline: TimelineWidget) -> int:
    """Sessions inside the current view, as the index culls them for drawing."""
    index = timeline.index()
    assert index is not None
    return len(index.sessions_in_range(*timeline.view_range()))


def _visited(timeline: TimelineWidget, steps: int) -> list[str | None]:
    timeline.select(None)
    seen = []
    for _ in range(steps):
        timeline.select_adjacent_in_time(1)
        seen.append(timeline.selected())
    return seen


def _focus_timeline(qtbot, window: MainWindow) -> None:
    window.timeline.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: window.timeline.isAncestorOf(window.focusWidget())
                    or window.focusWidget() is window.timeline)


# --- opening -----------------------------------------------------------------------------------


@pytest.mark.skipif(not BUNDLED_DB.is_file(), reason="db/wsis.sqlite has not been built yet")
def test_opens_bundled_database_with_one_item_per_session(make_window: WindowFactory) -> None:
    window = make_window(BUNDLED_DB)
    with open_database(BUNDLED_DB) as store:
        dataset = store.load()
    assert window.db is not None
    assert len(window.db.index) == len(dataset.events)
    sessions = sum(max(1, len(e.sessions)) for e in dataset.events)
    assert len(window.db.index.s_event) == sessions
    window.fit_all()
    assert _sessions_drawn(window.timeline) == sessions  # fit-all shows every one
    counts = window.status_counts.text()
    assert f"{len(dataset.events)} events" in counts
    assert f"{len(dataset.resolutions)} resolutions" in counts
    assert window.status_database.text() == "wsis.sqlite"


@pytest.mark.skipif(not BUNDLED_DB.is_file(), reason="db/wsis.sqlite has not been built yet")
def test_bundled_database_search(qtbot, make_window: WindowFactory) -> None:
    window = make_window(BUNDLED_DB)
    window.search.set_text("1334")  # Council Resolution 1334: adopted 2011, modified later
    assert {"council-2011", "council-2012", "council-2013"} <= set(window.matches())
    assert window.features.results.hits()[0].id == "res-c1334"  # the resolution itself first
    window.search.set_text("第22次")
    assert window.matches() == ["cwg-22"]
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Return)
    assert window.timeline.selected() == "cwg-22"
    assert "第22次会议" in window.detail.text()


def test_small_database_draws_every_session(window: MainWindow) -> None:
    assert window.db is not None
    assert len(window.db.index.s_event) == 6  # cwg-22 sits twice
    assert _sessions_drawn(window.timeline) == 6
    assert "5 events · 2 documents · 1 resolution · 1 recommendation" in \
        window.status_counts.text()


def test_menus_show_every_shortcut(window: MainWindow) -> None:
    expected = {
        "open": QKeySequence.StandardKey.Open, "quit": "Ctrl+Q",
        "find": QKeySequence.StandardKey.Find, "findNext": "F3", "findPrevious": "Shift+F3",
        "fitAll": "Home", "zoomIn": "+", "zoomOut": "-", "previousEvent": "Left",
        "nextEvent": "Right", "previousLane": "Up", "nextLane": "Down",
        "openDetails": "Enter", "clearSelection": "Esc",
    }
    in_menus = {a.objectName(): a for menu in window.menuBar().findChildren(QMenu)
                for a in menu.actions()}
    for name, key in expected.items():
        assert name in in_menus, f"{name} is in no menu"
        wanted = QKeySequence(key) if not isinstance(key, QKeySequence.StandardKey) \
            else QKeySequence.keyBindings(key)[0]
        assert in_menus[name].shortcut() == wanted, name


# --- selecting ---------------------------------------------------------------------------------


def test_click_on_meeting_selects_it_and_fills_details(qtbot, window: MainWindow) -> None:
    timeline = window.timeline
    timeline.set_view_range(date_to_x(dt.date(2013, 5, 20)), date_to_x(dt.date(2013, 6, 25)))
    qtbot.wait(10)
    # The second sitting of the 22nd meeting, 10 June 2013, at noon.
    x = date_to_x(dt.date(2013, 6, 10)) + 43_200
    point = _pixel_of(timeline, "cwg-22", x)
    qtbot.mouseClick(_main_plot(timeline).viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: timeline.selected() == "cwg-22")
    text = window.detail.text()
    assert "22nd meeting of CWG-WSIS" in text
    assert "理事会WSIS工作组第22次会议" in text
    assert "(our translation)" in text
    assert "6–7 June 2013 · 09:30–17:30 · Room L · Geneva" in text
    assert "10 June 2013 · 14:30 · Room L · Geneva" in text
    assert "CWG-WSIS-22/5" in text


def test_each_sitting_is_its_own_clickable_item(qtbot, window: MainWindow) -> None:
    timeline = window.timeline
    timeline.set_view_range(date_to_x(dt.date(2013, 5, 20)), date_to_x(dt.date(2013, 6, 25)))
    viewport = _main_plot(timeline).viewport()
    for day in (dt.date(2013, 6, 6), dt.date(2013, 6, 10)):  # the first and the second part
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton,
                         pos=_pixel_of(timeline, "council-2013", date_to_x(dt.date(2013, 6, 15))))
        assert timeline.selected() == "council-2013"
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton,
                         pos=_pixel_of(timeline, "cwg-22", date_to_x(day) + 43_200))
        assert timeline.selected() == "cwg-22"
    assert timeline.index().sessions_of(timeline.index().index_of("cwg-22")) == [
        (date_to_x(dt.date(2013, 6, 6)), date_to_x(dt.date(2013, 6, 8))),
        (date_to_x(dt.date(2013, 6, 10)), date_to_x(dt.date(2013, 6, 11)))]


def test_keyboard_visits_events_in_time_order(qtbot, window: MainWindow) -> None:
    _focus_timeline(qtbot, window)
    visited = []
    for _ in range(5):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Right)
        visited.append(window.timeline.selected())
    assert visited == ["summit-2005", "cwg-21", "wsis-forum-2013", "cwg-22", "council-2013"]
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Left)
    assert window.timeline.selected() == "cwg-22"
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    assert not window.timeline.selected()
    assert "Select an event" in window.detail.text()


def test_year_precision_is_shown_honestly(window: MainWindow) -> None:
    window.timeline.select("summit-2005")
    text = window.detail.text()
    assert "2005 (year only)" in text
    assert "1 January" not in text and "31 December" not in text


def test_external_source_opens_in_browser(window: MainWindow,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    window.detail._open_url = lambda url: opened.append(url.toString())
    window.timeline.select("wsis-forum-2013")
    html = window.detail.browser.toHtml()
    url = "https://www.itu.int/net/pressoffice/press_releases/2013/19.aspx"
    assert url in html and "WSIS Forum 2013 opens" in window.detail.text()
    window.detail.browser.anchorClicked.emit(QUrl(url))
    window.detail.browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == [url]
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _u: pytest.fail("not via Qt"))


def test_detail_colours_follow_the_palette(window: MainWindow) -> None:
    window.timeline.select("cwg-22")
    light = window.detail.browser.toHtml()
    dark = QPalette(window.palette())
    for role, colour in ((QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Text, "#f0f0f0"),
                         (QPalette.ColorRole.Window, "#2b2b2b")):
        dark.setColor(role, QColor(colour))
    window.setPalette(dark)
    assert window.detail.browser.toHtml() != light  # the dimmed notes were recoloured
    assert "22nd meeting of CWG-WSIS" in window.detail.text()


def test_chinese_interface_puts_chinese_first(make_window: WindowFactory, small_db: Path,
                                              isolated_settings, qtbot) -> None:
    window = MainWindow(ViewerSettings(isolated_settings()), lang="zh")
    qtbot.addWidget(window)
    assert window.open_database(small_db)
    assert [a.text() for a in window.lanes_menu.actions() if a.isCheckable()][:2] == [
        "理事会WSIS工作组", "理事会"]
    window.timeline.select("cwg-22")
    text = window.detail.text()
    assert text.index("理事会WSIS工作组第22次会议") < text.index("22nd meeting of CWG-WSIS")


# --- searching ---------------------------------------------------------------------------------


def test_search_resolution_number_highlights_and_steps(qtbot, window: MainWindow,
                                                      highlights: list[set[str] | None]) -> None:
    window.act_find.trigger()
    qtbot.waitUntil(window.search.edit.hasFocus)
    # The events whose own text names it (the resolution itself is a hit of the results list).
    qtbot.keyClicks(window.search.edit, "1334")
    assert window.matches() == ["cwg-22"]  # "Reviewed the revision of Resolution 1334."
    assert highlights[-1] == {"cwg-22"}
    assert window.search.count_label.text() == "1 match"
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Return)
    assert window.timeline.selected() == "cwg-22"
    window.search.edit.clear()
    qtbot.keyClicks(window.search.edit, "meeting")
    assert window.matches() == ["cwg-21", "cwg-22"]
    assert highlights[-1] == {"cwg-21", "cwg-22"}
    assert window.search.count_label.text() == "2 matches"
    assert window.status_matches.text() == "2 matches"
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Return)  # first match after the selection
    assert window.timeline.selected() == "cwg-21"  # wrapped around from cwg-22
    assert window.search.edit.hasFocus()
    qtbot.keyClick(window.search.edit, Qt.Key.Key_F3)
    assert window.timeline.selected() == "cwg-22"
    qtbot.keyClick(window.search.edit, Qt.Key.Key_F3)
    assert window.timeline.selected() == "cwg-21"  # wraps around
    qtbot.keyClick(window.search.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.timeline.selected() == "cwg-22"
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.timeline.selected() == "cwg-21"


def test_search_chinese_meeting_number(qtbot, window: MainWindow) -> None:
    window.search.set_text("第22次")
    assert window.matches() == ["cwg-22"]
    assert window.search.count_label.text() == "1 match"
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Enter)
    assert window.timeline.selected() == "cwg-22"
    assert "22nd meeting" in window.detail.text()


def test_search_document_symbol_and_no_match(window: MainWindow,
                                             highlights: list[set[str] | None]) -> None:
    window.search.set_text("c13/85")  # a document: a hit of the list, no event to light up
    assert window.matches() == []
    assert [(h.kind, h.id) for h in window.features.results.hits()] == [("document", "C13/85")]
    window.search.set_text("Popov")  # a room of cwg-21's sitting
    assert window.matches() == ["cwg-21"]
    window.search.set_text("nothing like this")
    assert window.matches() == []
    assert window.search.count_label.text() == "no matches"
    # No match dims nothing: a dimmed timeline would read as "the data lacks all of this".
    assert highlights[-1] is None


def test_matches_hidden_by_filters_are_counted_and_skipped(qtbot, window: MainWindow) -> None:
    window.lane_toggles.action("cwg-wsis").trigger()
    window.search.set_text("1334")  # only cwg-22 matches, and its lane is off
    assert window.status_matches.text() == "1 match (1 hidden by filters)"
    window.timeline.select("council-2013")
    window.act_find_next.trigger()
    assert window.timeline.selected() == "council-2013"  # nothing visible to step to
    window.lane_toggles.show_all.trigger()
    assert window.status_matches.text() == "1 match"
    window.act_find_next.trigger()
    assert window.timeline.selected() == "cwg-22"


@pytest.mark.parametrize(("current", "step", "expected"), [
    (None, 1, 2), (None, -1, 9), (2, 1, 5), (3, 1, 5), (9, 1, 2), (2, -1, 9), (6, -1, 5),
])
def test_match_stepping_wraps_in_time_order(current: int | None, step: int,
                                            expected: int) -> None:
    matches = SearchMatches("q", ("a", "b", "c"), (2, 5, 9))
    assert matches.step(current, step) == expected


def test_match_stepping_skips_hidden() -> None:
    shown = np.ones(10, dtype=bool)
    shown[5] = False
    matches = SearchMatches("q", ("a", "b", "c"), (2, 5, 9))
    assert matches.step(2, 1, shown) == 9
    assert matches.hidden_count(shown) == 1
    assert matches.step(2, 1, np.zeros(10, dtype=bool)) is None


def test_typing_in_search_is_not_taken_by_shortcuts(qtbot, window: MainWindow,
                                                    highlights: list[set[str] | None]) -> None:
    window.timeline.select("council-2013")
    before = window.timeline.view_range()
    edit = window.search.edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, "C13+-")
    assert edit.text() == "C13+-"
    assert window.timeline.view_range() == before  # + and - did not zoom
    qtbot.keyClick(edit, Qt.Key.Key_Left)
    qtbot.keyClick(edit, Qt.Key.Key_Left)
    qtbot.keyClick(edit, Qt.Key.Key_Home)
    qtbot.keyClicks(edit, "x")
    assert edit.text() == "xC13+-"
    assert window.timeline.selected() == "council-2013"  # Left/Home moved the cursor only
    assert window.timeline.view_range() == before
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == ""
    assert window.timeline.selected() == "council-2013"  # Esc cleared the search, not this
    # No search any more: the selected event's own links stand out, not the old matches.
    assert highlights[-1] == {"council-2013", "cwg-22"}


def test_year_boxes_keep_arrow_keys(qtbot, window: MainWindow) -> None:
    """Up/Down/Enter in a year box change the year; they do not move the selection."""
    window.timeline.select("cwg-22")
    box = window.years.first
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.value() == 2006
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.value() == 2005
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "2013")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.years.years() == (2013, 2013)
    assert window.timeline.selected() == "cwg-22"


def test_find_shortcut_focuses_search(qtbot, window: MainWindow) -> None:
    _focus_timeline(qtbot, window)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search.edit.hasFocus)


# --- filters -----------------------------------------------------------------------------------


def test_lane_toggle_hides_lane(window: MainWindow) -> None:
    everything = ["summit-2005", "cwg-21", "wsis-forum-2013", "cwg-22", "council-2013"]
    assert _visited(window.timeline, 5) == everything
    window.lane_toggles.action("council").trigger()
    assert _visited(window.timeline, 5) == [*everything[:4], everything[3]]
    assert window.lane_toggles.hidden() == {"council"}
    window.lane_toggles.show_all.trigger()
    assert _visited(window.timeline, 5) == everything


def test_year_filter_limits_dates(window: MainWindow) -> None:
    window.years.set_years((2013, 2013))
    assert window.years.date_range() == (dt.date(2013, 1, 1), dt.date(2013, 12, 31))
    assert _visited(window.timeline, 4) == ["cwg-21", "wsis-forum-2013", "cwg-22",
                                            "council-2013"]
    window.act_all_years.trigger()
    assert window.years.years() is None
    assert _visited(window.timeline, 1) == ["summit-2005"]


# --- persistence -------------------------------------------------------------------------------


def test_state_is_restored_in_a_new_window(qtbot, make_window: WindowFactory,
                                           small_db: Path) -> None:
    first = make_window(small_db)
    first.resize(760, 560)  # inside the offscreen screen (800×800): restoring clamps to it
    x0, x1 = date_to_x(dt.date(2013, 5, 1)), date_to_x(dt.date(2013, 7, 1))
    first.lane_toggles.action("wsis-forum").trigger()
    first.years.set_years((2013, 2013))  # moves the view to 2013 …
    first.timeline.set_view_range(x0, x1)  # … then the user zooms in
    first.detail_dock.hide()
    first.close()

    second = make_window(size=None)  # as start-up does: the last database, with its view
    assert second.settings.last_database() == str(small_db)
    assert second.settings.recent_files() == [str(small_db.resolve())]
    second.open_database(second.settings.last_database(), restore_view=True)
    assert (second.width(), second.height()) == (760, 560)
    assert not second.detail_dock.isVisible()
    assert second.lane_toggles.hidden() == {"wsis-forum"}
    assert "wsis-forum-2013" not in _visited(second.timeline, 5)
    assert second.years.years() == (2013, 2013)
    r0, r1 = second.timeline.view_range()
    assert r0 == pytest.approx(x0, abs=3600) and r1 == pytest.approx(x1, abs=3600)


def test_open_bad_file_keeps_current_database(qtbot, window: MainWindow, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              warnings_shown: list[tuple[str, str]]) -> None:
    bad = tmp_path / "broken.sqlite"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *_a, **_k: (str(bad), "")))
    before = window.db
    window.act_open.trigger()  # read off the GUI thread: the message comes when it fails
    qtbot.waitUntil(lambda: len(warnings_shown) > 0)
    assert len(warnings_shown) == 1
    assert "broken.sqlite" in warnings_shown[0][1]
    assert window.db is before
    assert window.timeline.index() is before.index
    assert bad.read_bytes() == b"SQLite format 3\x00" + b"\x00" * 200
    assert str(bad) not in window.settings.recent_files()


def test_recent_files_menu_reopens(qtbot, make_window: WindowFactory, small_db: Path,
                                   tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(small_db.read_bytes())
    window = make_window(small_db)
    assert window.open_database(copy)
    window.recent_menu.aboutToShow.emit()
    entries = [a for a in window.recent_menu.actions() if a.text().startswith("&")]
    assert [a.text() for a in entries] == ["&1 copy.sqlite", "&2 small.sqlite"]
    entries[1].trigger()  # read off the GUI thread
    qtbot.waitUntil(lambda: window.db is not None and window.db.path == str(small_db.resolve()))
