"""The window's workspace: Notes dock, notes in the panel, marks on the timeline, View ▸ Views,
links, and live updates from a team server (including losing it and getting it back)."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_server import SCRIPT, with_database
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from sqlalchemy.engine import make_url

from wsis_viewer.domain.model import RecordType
from wsis_viewer.domain.notes import parse_view_link
from wsis_viewer.domain.relations import RecordRef
from wsis_viewer.domain.timeline_index import date_to_x
from wsis_viewer.store.server_dataset import publish_database_file
from wsis_viewer.store.workspace import open_workspace
from wsis_viewer.ui.main_window import MainWindow
from wsis_viewer.ui.settings import ViewerSettings
from wsis_viewer.ui.workspace_ui import WorkspaceController


def _window(qtbot, isolated_settings, target: str | Path) -> MainWindow:
    w = MainWindow(ViewerSettings(isolated_settings()), lang="en")
    qtbot.addWidget(w)
    w.resize(1400, 850)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_database(target)
    return w


def _controller(w: MainWindow) -> WorkspaceController:
    c = w.findChild(WorkspaceController, "workspaceController")
    assert c is not None
    return c


@pytest.fixture
def window(qtbot, isolated_settings, small_db: Path) -> Iterator[MainWindow]:
    w = _window(qtbot, isolated_settings, small_db)
    qtbot.waitUntil(lambda: _controller(w).workspace is not None)
    yield w


def _add_note_by_hand(qtbot, w: MainWindow, text: str) -> None:
    dock = _controller(w).dock
    dock.editor.setFocus()
    qtbot.keyClicks(dock.editor, text)
    assert dock.add_button.isEnabled()
    qtbot.mouseClick(dock.add_button, Qt.MouseButton.LeftButton)


def test_a_note_added_in_the_dock_shows_everywhere_and_is_kept(qtbot, window) -> None:
    c = _controller(window)
    assert not c.dock.add_button.isEnabled()  # no record selected yet
    window.timeline.select("cwg-22")
    assert c.dock.heading.text() == "Notes on cwg-22"
    _add_note_by_hand(qtbot, window, "Part 2 on 10 June: see WG-WSIS-22/43")
    qtbot.waitUntil(lambda: c.dock.list.count() == 1)
    assert "Part 2 on 10 June" in c.dock.list.item(0).text()
    assert c.dock.editor.toPlainText() == ""
    assert "Part 2 on 10 June" in window.detail.text()  # in the record's panel
    index = window.timeline.index()
    assert c.marks.marked() == [index.index_of("cwg-22")]  # the timeline's mark
    window.timeline.select("council-2013")
    assert c.dock.list.count() == 0 and "Part 2" not in window.detail.text()
    with open_workspace() as ws:  # the user's own file, read by anyone (CLI included)
        assert [(n.record, n.text) for n in ws.notes()] == [
            ("cwg-22", "Part 2 on 10 June: see WG-WSIS-22/43")]


def test_edit_and_delete_own_note(qtbot, window) -> None:
    c = _controller(window)
    window.timeline.select("cwg-22")
    _add_note_by_hand(qtbot, window, "first text")
    qtbot.waitUntil(lambda: c.dock.list.count() == 1)
    c.dock.list.setCurrentRow(0)
    qtbot.mouseClick(c.dock.edit_button, Qt.MouseButton.LeftButton)
    assert c.dock.editor.toPlainText() == "first text"
    c.dock.editor.selectAll()
    qtbot.keyClicks(c.dock.editor, "second text")
    qtbot.mouseClick(c.dock.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: c.dock.list.count() == 1
                    and "second text (edited)" not in c.dock.list.item(0).text()
                    and "second text" in c.dock.list.item(0).text())
    assert "(edited)" in c.dock.list.item(0).text()
    c.dock.list.setCurrentRow(0)
    qtbot.mouseClick(c.dock.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: c.dock.list.count() == 0)
    assert c.marks.marked() == []


def test_named_view_saved_and_restored_from_the_menu(qtbot, window) -> None:
    c = _controller(window)
    a, b = date_to_x(dt.date(2013, 6, 1)), date_to_x(dt.date(2013, 6, 30))
    window.select_record(RecordRef(RecordType.EVENT, "cwg-22"), move_view=False)
    window.lane_toggles.action("council").setChecked(False)
    window.search.set_text("Geneva")
    window.timeline.set_view_range(a, b)
    c.save_view("June 2013")
    qtbot.waitUntil(lambda: any(a.text() == "June 2013" for a in c.views_menu.actions()))
    # Change everything, then pick the view from View > Views.
    window.lane_toggles.action("council").setChecked(True)
    window.search.set_text("")
    window.clear_selection()
    window.timeline.fit_all()
    action = next(a for a in c.views_menu.actions() if a.text() == "June 2013")
    action.trigger()
    assert window.lane_toggles.hidden() == {"council"}
    assert window.search.text() == "Geneva"
    assert window.current == RecordRef(RecordType.EVENT, "cwg-22")
    x0, x1 = window.timeline.view_range()
    assert abs(x0 - a) < 60 and abs(x1 - b) < 60
    delete = c.views_menu.findChild(QMenu, "deleteViewMenu")
    next(x for x in delete.actions() if x.text() == "June 2013").trigger()
    qtbot.waitUntil(lambda: not any(x.text() == "June 2013" for x in c.views_menu.actions()))


def test_view_link_copied_and_opened(qtbot, window) -> None:
    c = _controller(window)
    window.select_record(RecordRef(RecordType.EVENT, "council-2013"), move_view=False)
    window.lane_toggles.action("other").setChecked(False)
    link = c.copy_view_link()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == link
    assert parse_view_link(link)[1]["selected"] == "record:event/council-2013"
    window.clear_selection()
    window.lane_toggles.action("other").setChecked(True)
    assert c.open_link(link)
    assert window.current == RecordRef(RecordType.EVENT, "council-2013")
    assert window.lane_toggles.hidden() == {"other"}


def test_a_bad_link_is_explained(qtbot, window, warnings_shown) -> None:
    assert not _controller(window).open_link("wsis-viewer:view?name=x&state=!!")
    assert warnings_shown and "damaged" in warnings_shown[0][1]


# --- against a server -------------------------------------------------------------------------


def _as(url: str, user: str) -> str:
    return with_database(url, str(make_url(url).database), user=user)


@pytest.mark.server
def test_notes_and_publishes_of_others_arrive_within_two_seconds(
        qtbot, isolated_settings, team_server: str, small_db: Path) -> None:
    publish_database_file(small_db, _as(team_server, "carol"))
    w = _window(qtbot, isolated_settings, _as(team_server, "alice"))
    c = _controller(w)
    qtbot.waitUntil(lambda: c.workspace is not None and c._listener is not None
                    and c._listener.connected, timeout=5000)
    assert c.workspace.server and c.workspace.user == "alice"
    w.timeline.select("cwg-22")
    with open_workspace(_as(team_server, "bob")) as bob:
        bob.add_note("cwg-22", "bob's remark")
    qtbot.waitUntil(lambda: c.dock.list.count() == 1, timeout=2000)
    assert "bob · " in c.dock.list.item(0).text()
    c.dock.list.setCurrentRow(0)
    assert not c.dock.edit_button.isEnabled()  # not alice's to edit
    # A publish: the window shows the new version, keeping the selection.
    publish_database_file(small_db, _as(team_server, "carol"))
    qtbot.waitUntil(lambda: w.db is not None and w.db.label.endswith("(version 2)"),
                    timeout=2000)
    assert w.current == RecordRef(RecordType.EVENT, "cwg-22")


@pytest.fixture
def own_server(pg_server: str) -> Iterator[tuple[str, str]]:
    """A server of this test's own (it gets killed): (admin URL, folder)."""
    done = subprocess.run(["bash", str(SCRIPT), "start"], capture_output=True, text=True,
                          check=True)
    url, folder = done.stdout.strip().splitlines()
    try:
        yield url, folder
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", folder], check=False)


@pytest.mark.server
def test_a_workspace_that_could_not_open_opens_when_the_server_is_back(
        qtbot, isolated_settings, own_server: tuple[str, str], small_db: Path) -> None:
    """The server goes away before the window's workspace is open: once it is back, notes
    work without reopening anything by hand."""
    from wsis_viewer.store.server_admin import admin_init

    url, folder = own_server
    admin_init(url)
    publish_database_file(small_db, url)
    w = _window(qtbot, isolated_settings, url)
    c = _controller(w)
    qtbot.waitUntil(lambda: c.workspace is not None, timeout=5000)
    opened, c.workspace = c.workspace, None  # as if opening it had failed meanwhile
    c._pool.submit(opened.close).result(10)  # on the worker, where all workspace calls run
    subprocess.run(["bash", str(SCRIPT), "kill", folder], check=True)
    qtbot.waitUntil(lambda: c.banner.isVisible(), timeout=5000)
    subprocess.run(["bash", str(SCRIPT), "resume", folder], check=True)
    qtbot.waitUntil(lambda: c.workspace is not None and not c.banner.isVisible(),
                    timeout=10000)
    w.timeline.select("cwg-22")
    _add_note_by_hand(qtbot, w, "back again")
    qtbot.waitUntil(lambda: c.dock.list.count() == 1, timeout=5000)


@pytest.mark.server
def test_losing_the_server_shows_a_banner_keeps_the_data_and_recovers(
        qtbot, isolated_settings, own_server: tuple[str, str], small_db: Path) -> None:
    from wsis_viewer.store.server_admin import admin_init

    url, folder = own_server
    admin_init(url)
    publish_database_file(small_db, url)
    w = _window(qtbot, isolated_settings, url)
    c = _controller(w)
    qtbot.waitUntil(lambda: c.workspace is not None and c._listener is not None
                    and c._listener.connected, timeout=5000)
    w.timeline.select("cwg-22")
    events = len(w.db.index)
    subprocess.run(["bash", str(SCRIPT), "kill", folder], check=True)
    qtbot.waitUntil(lambda: c.banner.isVisible(), timeout=5000)
    assert "cannot be reached" in c.banner_label.text()
    assert len(w.db.index) == events and w.current is not None  # the last data stays
    c.dock.show()
    c.dock.raise_()
    c.dock.editor.setFocus()  # as a click into the editor would
    qtbot.keyClicks(c.dock.editor, "while away")
    assert c.dock.editor.toPlainText() == "while away"  # drafting goes on meanwhile
    assert not c.dock.add_button.isEnabled()  # nothing is queued behind the user's back
    subprocess.run(["bash", str(SCRIPT), "resume", folder], check=True)
    qtbot.waitUntil(lambda: not c.banner.isVisible(), timeout=10000)
    assert c.dock.editor.toPlainText() == "while away"  # what was typed is still there
    assert c.dock.add_button.isEnabled()
    qtbot.mouseClick(c.dock.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: c.dock.list.count() == 1, timeout=5000)
    assert len(w.db.index) == events


def test_notes_are_searchable_in_the_dock(qtbot, window) -> None:
    c = _controller(window)
    for record, text in (("cwg-22", "addendum WG-WSIS-22/43"), ("council-2013", "budget"),
                         ("cwg-21", "Addendum draft")):
        window.timeline.select(record)
        _add_note_by_hand(qtbot, window, text)
        qtbot.waitUntil(lambda: c.dock.editor.toPlainText() == "")
    qtbot.waitUntil(lambda: len(c.notes) == 3)
    c.dock.all_records.setChecked(True)
    assert c.dock.list.count() == 3
    qtbot.keyClicks(c.dock.filter, "ADDENDUM")
    texts = [c.dock.list.item(i).text() for i in range(c.dock.list.count())]
    assert len(texts) == 2 and all("ddendum" in t for t in texts)
    c.dock.filter.clear()
    qtbot.keyClicks(c.dock.filter, "council-2013")
    assert c.dock.list.count() == 1



def test_one_workspace_however_often_the_database_changes(qtbot, isolated_settings,
                                                          small_db: Path, monkeypatch) -> None:
    """Opening is asynchronous: a second database change while the first open is under way
    must neither open a second workspace nor drop one unclosed."""
    import wsis_viewer.ui.workspace_ui as wui

    opened: list[object] = []
    real = wui.open_workspace

    def counting(target=None):
        ws = real(target)
        opened.append(ws)
        return ws

    monkeypatch.setattr(wui, "open_workspace", counting)
    w = _window(qtbot, isolated_settings, small_db)
    assert w.open_database(small_db)  # again, at once
    c = _controller(w)
    qtbot.waitUntil(lambda: c.workspace is not None and c._opening is None)
    assert opened == [c.workspace]


def test_a_link_given_on_the_command_line_opens_its_view(qtbot, isolated_settings,
                                                         small_db: Path) -> None:
    from wsis_viewer.domain.notes import view_link, view_state_to_json
    from wsis_viewer.domain.view_state import ViewState
    from wsis_viewer.ui import app as app_module

    state = ViewState(selected=RecordRef(RecordType.EVENT, "council-2013"),
                      hidden_lanes=frozenset({"other"}), search="Council")
    link = view_link("shared", view_state_to_json(state))
    w = app_module.start_window(str(small_db), "en", ViewerSettings(isolated_settings()),
                                view_link=link)
    qtbot.addWidget(w)
    assert w.current == RecordRef(RecordType.EVENT, "council-2013")
    assert w.lane_toggles.hidden() == {"other"} and w.search.text() == "Council"
