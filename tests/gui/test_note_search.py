"""Notes in the window's main search: typing in the search box (Ctrl+F shows the results)
lists the matching notes in a Notes table of the Search Results dock; a row goes to its record;
events whose notes match light up on the timeline like the records' matches."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from wsis_viewer.domain.model import RecordType
from wsis_viewer.domain.relations import RecordRef
from wsis_viewer.store.workspace import open_workspace
from wsis_viewer.ui.main_window import MainWindow
from wsis_viewer.ui.note_search import NOTE_COLUMN, NoteSearch
from wsis_viewer.ui.search_results import HTML_ROLE
from wsis_viewer.ui.settings import ViewerSettings
from wsis_viewer.ui.workspace_ui import WorkspaceController


@pytest.fixture
def window(qtbot, isolated_settings, small_db: Path) -> Iterator[MainWindow]:
    with open_workspace() as ws:  # the user's own file, as `wsis-viewer notes add` writes it
        ws.add_note("cwg-22", "The ADDENDUM came from WG-WSIS-22/43")
        ws.add_note("C13/85", "第二部分的补遗见此文件")
    w = MainWindow(ViewerSettings(isolated_settings()), lang="en")
    qtbot.addWidget(w)
    w.resize(1400, 850)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_database(small_db)
    c = w.findChild(WorkspaceController, "workspaceController")
    assert c is not None
    qtbot.waitUntil(lambda: len(c.notes) == 2)
    yield w


def _notes(w: MainWindow) -> NoteSearch:
    found = w.findChild(NoteSearch, "noteSearch")
    assert found is not None
    return found


def _rows(w: MainWindow) -> list[list[str]]:
    return _notes(w).table.visible_rows()


def _type(qtbot, w: MainWindow, text: str) -> None:
    w.search.edit.clear()
    if text.isascii():
        qtbot.keyClicks(w.search.edit, text)
    else:  # Chinese arrives from an input method, committed as a whole
        w.search.edit.setFocus()
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(w.search.edit, event)


def test_typing_finds_a_note_and_its_row_goes_to_the_record(qtbot, window) -> None:
    w = window
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F
    assert w.features.results_dock.isVisible()
    _type(qtbot, w, "addendum")
    qtbot.waitUntil(lambda: len(_rows(w)) == 1)
    table = _notes(w).table
    assert table.isVisible() and table.heading.text() == "Notes (1)"
    record, text, title, author, edited = _rows(w)[0]
    assert (record, title, text) == ("cwg-22", "22nd meeting of CWG-WSIS",
                                     "The ADDENDUM came from WG-WSIS-22/43")
    assert author and edited[:2] == "20"
    # The match is highlighted in the note's cell.
    cell = table.proxy.index(0, NOTE_COLUMN)
    assert "<b style='background-color:" in cell.data(HTML_ROLE)
    assert ">ADDENDUM</b>" in cell.data(HTML_ROLE)
    # No record says "addendum": the summary says the note matched, and the event lights up.
    assert "1 matching note" in w.features.results.summary.text()
    assert w.matches() == ["cwg-22"]
    assert w.search.count_label.text() == "1 match"
    # ↓ from the box: only a note matched, so into the Notes table (which selects its record).
    w.search.edit.setFocus()
    qtbot.keyClick(w.search.edit, Qt.Key.Key_Down)
    assert table.table.hasFocus() and table.table.currentIndex().row() == 0
    assert w.current == RecordRef(RecordType.EVENT, "cwg-22")
    w.clear_selection()
    # Activating the row selects the record (and brings it into view), as other tables do.
    view = table.table
    rect = view.visualRect(table.proxy.index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.current == RecordRef(RecordType.EVENT, "cwg-22")
    assert w.timeline.selected() == "cwg-22"
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu


def test_chinese_notes_are_found_and_a_document_row_selects_it(qtbot, window,
                                                              tmp_path: Path) -> None:
    w = window
    _type(qtbot, w, "补遗")
    qtbot.waitUntil(lambda: [r[0] for r in _rows(w)] == ["C13/85"])
    assert _rows(w)[0][2] == "C13/85"  # a document is named by its symbol
    assert w.matches() == []  # a document's note: listed, but no event to light
    table = _notes(w).table
    table.table.setFocus()
    table.table.setCurrentIndex(table.proxy.index(0, 0))
    qtbot.keyClick(table.table, Qt.Key.Key_Return)
    assert w.current == RecordRef(RecordType.DOCUMENT, "C13/85")
    out = tmp_path / "notes.csv"
    table.export_csv(out)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["Record", "Note", "Title", "Author", "Edited"]
    assert rows[1][0] == "C13/85" and rows[1][1] == "第二部分的补遗见此文件"


def test_the_table_follows_new_notes_and_clears_with_the_box(qtbot, window) -> None:
    w = window
    c = w.findChild(WorkspaceController, "workspaceController")
    assert c is not None
    _type(qtbot, w, "budget")
    qtbot.waitUntil(lambda: w.features.results.summary.text() == "no matches")
    assert not _notes(w).table.isVisibleTo(w)
    with open_workspace() as ws:  # e.g. written by `wsis-viewer notes add` meanwhile
        ws.add_note("council-2013", "Budget approved here")
    c.refresh()
    qtbot.waitUntil(lambda: [r[0] for r in _rows(w)] == ["council-2013"])
    assert w.matches() == ["council-2013"]
    w.search.edit.clear()
    qtbot.waitUntil(lambda: _rows(w) == [])
    assert w.matches() == [] and not _notes(w).table.isVisibleTo(w)
    # A named view (like Back) restores a search with the search bar's signals blocked: the
    # notes follow it all the same.
    c.apply_view({"search": "budget", "lang": "en"})
    assert w.search.text() == "budget"
    qtbot.waitUntil(lambda: [r[0] for r in _rows(w)] == ["council-2013"])
    assert w.matches() == ["council-2013"]
    assert "1 matching note" in w.features.results.summary.text()


def test_the_search_waits_for_nothing(qtbot, window, monkeypatch) -> None:
    """The store is asked on the workspace's thread: a slow store (a far server) never holds
    the GUI thread, and only the latest query's answer is shown."""
    import threading

    from wsis_viewer.store.workspace import Workspace

    gate = threading.Event()
    real = Workspace.search_notes
    asked: list[str] = []

    def slow(self, query: str, **kw):
        asked.append(query)
        gate.wait(10)
        return real(self, query, **kw)

    monkeypatch.setattr(Workspace, "search_notes", slow)
    w = window
    _type(qtbot, w, "adden")      # sent; its answer is held back
    _type(qtbot, w, "addendum")   # typed while the first is out: not sent yet
    assert w.search.text() == "addendum" and _rows(w) == []
    gate.set()
    qtbot.waitUntil(lambda: len(_rows(w)) == 1)
    assert asked[0] == "a" and asked[-1] == "addendum"
    assert len(asked) <= 3  # not one query per key press


@pytest.mark.server
def test_the_window_on_a_team_server_finds_the_teams_notes(qtbot, isolated_settings,
                                                          team_server: str,
                                                          small_db: Path) -> None:
    from pg_server import with_database
    from sqlalchemy.engine import make_url

    from wsis_viewer.store.server_dataset import publish_database_file

    def as_(user: str) -> str:
        return with_database(team_server, str(make_url(team_server).database), user=user)

    publish_database_file(small_db, as_("carol"))
    with open_workspace(as_("bob")) as bob:
        bob.add_note("cwg-22", "第二部分的补遗")
    w = MainWindow(ViewerSettings(isolated_settings()), lang="en")
    qtbot.addWidget(w)
    w.resize(1400, 850)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_database(as_("alice"))
    c = w.findChild(WorkspaceController, "workspaceController")
    assert c is not None
    qtbot.waitUntil(lambda: c.workspace is not None and c._listener is not None
                    and c._listener.connected, timeout=5000)
    _type(qtbot, w, "补遗")
    qtbot.waitUntil(lambda: len(_rows(w)) == 1, timeout=5000)
    record, _text, title, author, _edited = _rows(w)[0]
    assert (record, title, author) == ("cwg-22", "22nd meeting of CWG-WSIS", "bob")
    assert w.matches() == ["cwg-22"]
    # Someone adds a matching note: announced by the server, the table follows.
    with open_workspace(as_("bob")) as bob:
        bob.add_note("council-2013", "理事会的补遗")
    qtbot.waitUntil(lambda: len(_rows(w)) == 2, timeout=3000)
    assert set(w.matches()) == {"cwg-22", "council-2013"}
