"""Find anything from the window: the results list by keys, the tables, CSV, the legend,
About, the record menu and links, driven as a user drives them."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from wsis_viewer import cli
from wsis_viewer.domain.app_links import parse_link, record_link
from wsis_viewer.domain.model import RecordType
from wsis_viewer.domain.relations import RecordRef
from wsis_viewer.ui.main_window import MainWindow
from wsis_viewer.ui.search_results import HTML_ROLE, REF_ROLE

pytestmark = pytest.mark.gui


def _type_query(qtbot, window: MainWindow, text: str) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.search.edit.hasFocus)
    window.search.edit.clear()
    qtbot.keyClicks(window.search.edit, text)


def test_results_list_by_keys(qtbot, bundled_window: MainWindow) -> None:
    window = bundled_window
    features = window.features
    features.results_dock.hide()
    _type_query(qtbot, window, "C-13/85")
    assert features.results_dock.isVisible()  # Ctrl+F shows the results
    results = features.results
    model = results.model
    assert model.index(0, 0).data().startswith("Documents")  # grouped by kind
    first = model.index(0, 0, model.index(0, 0))
    assert first.data(REF_ROLE) == RecordRef(RecordType.DOCUMENT, "C13/85")
    assert not first.data(Qt.ItemDataRole.DecorationRole).isNull()  # its icon
    assert "<b " in first.data(HTML_ROLE)  # the matched text is highlighted (HTML_ROLE)
    qtbot.keyClick(window.search.edit, Qt.Key.Key_Down)  # into the list, on the first hit
    assert results.tree.hasFocus()
    assert window.current == RecordRef(RecordType.DOCUMENT, "C13/85")
    assert "C13/85" in window.detail.text()
    qtbot.keyClick(results.tree, Qt.Key.Key_Down)  # the next hit: an event
    assert window.current == RecordRef(RecordType.EVENT, "council-2013")
    assert window.timeline.selected() == "council-2013"
    x0, x1 = window.timeline.view_range()
    assert x1 - x0 < 400 * 86400  # framed on it, not the whole 2003–2015 span
    qtbot.keyClick(results.tree, Qt.Key.Key_Up)
    assert window.current == RecordRef(RecordType.DOCUMENT, "C13/85")
    window.clear_selection()
    qtbot.keyClick(results.tree, Qt.Key.Key_Return)  # Enter goes to the current hit
    assert window.current == RecordRef(RecordType.DOCUMENT, "C13/85")


def test_no_matches_is_said_and_dims_nothing(qtbot, bundled_window: MainWindow,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    window = bundled_window
    calls: list[object] = []
    original = window.timeline.set_emphasis

    def spy(emphasis) -> None:
        calls.append(None if emphasis.highlight is None else set(emphasis.highlight))
        original(emphasis)

    monkeypatch.setattr(window.timeline, "set_emphasis", spy)
    _type_query(qtbot, window, "Busan")
    assert calls[-1] == {"council-2014", "pp-14"}  # the event hits stand out
    _type_query(qtbot, window, "zzzz no such thing")
    assert calls[-1] is None  # nothing dimmed: "no matches" is not "no data"
    model = window.features.results.model
    assert model.rowCount() == 1 and "No matches" in model.index(0, 0).data()
    assert window.features.results.summary.text() == "no matches"


def test_every_kind_in_results(qtbot, bundled_window: MainWindow) -> None:
    _type_query(qtbot, bundled_window, "Minkin")
    hit = bundled_window.features.results.hits()[0]
    assert (hit.kind, hit.id) == ("person", "vladimir-minkin")
    bundled_window.search.set_text("釜山")  # QTest cannot type Chinese: as an input method
    assert bundled_window.features.results.hits()[0].id == "pp-14"


def test_documents_table_filter_sort_and_csv(qtbot, bundled_window: MainWindow,
                                            tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    window = bundled_window
    window.choose_language("zh")
    table = window.features.show_table("documents")
    assert table.model.rowCount() == 28
    qtbot.keyClicks(table.filter_edit, "C13")
    symbols = [row[0] for row in table.visible_rows()]
    assert symbols == ["C13/57", "C13/66", "C13/66(Add.)", "C13/85"]  # natural order
    out = tmp_path / "docs.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "")))
    qtbot.mouseClick(table.export_button, Qt.MouseButton.LeftButton)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets read UTF-8
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "文号" and len(rows) == 5
    assert rows[-1][:2] == ["C13/85", "波兰共和国关于信息社会世界峰会（WSIS）指标的文稿"]


def test_natural_sort_and_year_filter(qtbot, bundled_window: MainWindow) -> None:
    table = bundled_window.features.show_table("documents")
    table.filter_edit.setText("WG-WSIS-2")
    assert [r[0] for r in table.visible_rows()][:3] == ["WG-WSIS-20/23", "WG-WSIS-21/22",
                                                        "WG-WSIS-22/39"]
    table.filter_edit.clear()
    table.year_box.setCurrentIndex(table.year_box.findData(2013))
    assert table.visible_rows() and all(r[5].startswith("2013") for r in table.visible_rows())


def test_chair_reached_in_a_few_clicks(qtbot, bundled_window: MainWindow) -> None:
    window = bundled_window
    window.features.act_show_tables["people"].trigger()  # View ▸ Tables ▸ People
    people = window.features.tables["people"]
    assert window.features.table_docks["people"].isVisible()
    qtbot.keyClicks(people.filter_edit, "chair")
    row = next(r for r, cells in enumerate(people.visible_rows()) if cells[0] ==
               "Vladimir Minkin")
    assert "Chair, CWG-WSIS (2010–2014)" in people.visible_rows()[row][1]
    index = people.proxy.index(row, 0)
    people.table.scrollTo(index)
    qtbot.mouseClick(people.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=people.table.visualRect(index).center())
    assert window.current == RecordRef(RecordType.PERSON, "vladimir-minkin")
    assert "Chair" in window.detail.text()
    # An event's panel names who chaired it, marked as inferred.
    window.navigate_to(RecordRef(RecordType.EVENT, "cwg-21"))
    text = window.detail.text()
    assert "Vladimir Minkin" in text and "inferred" in text
    assert "1 and 4 February 2013" in text  # two sittings, not "1–4 February"


def test_trust_fund_contributors_in_a_few_clicks(qtbot, bundled_window: MainWindow) -> None:
    window = bundled_window
    window.features.act_show_tables["contributors"].trigger()
    table = window.features.tables["contributors"]
    assert table.model.rowCount() == 22
    kinds = [table.group_box.itemData(i) for i in range(1, table.group_box.count())]
    assert "member-state" in kinds
    table.group_box.setCurrentIndex(table.group_box.findData("member-state"))
    assert 0 < len(table.visible_rows()) < 22
    table.table.setFocus()
    qtbot.keyClick(table.table, Qt.Key.Key_Down)  # keyboard: first row selects its record
    assert window.current is not None and window.current.type is RecordType.CONTRIBUTOR


def test_context_menu_copy_link_and_citation(qtbot, bundled_window: MainWindow,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    window = bundled_window
    table = window.features.show_table("documents")
    table.filter_edit.setText("C-13/108")
    shown: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda self, *a: shown.append(self))
    index = table.proxy.index(0, 0)
    table.table.customContextMenuRequested.emit(table.table.visualRect(index).center())
    menu = shown[-1]
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["Copy Citation", "Copy Link", "Open Source", "Zoom To"]
    menu.actions()[0].trigger()
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == "C-13/108 — Council 2013 — report §2.3.3"
    menu.actions()[1].trigger()
    assert parse_link(clipboard.text()) == RecordRef(RecordType.DOCUMENT, "C-13/108")
    next(a for a in menu.actions() if a.text() == "Zoom To").trigger()
    assert window.current == RecordRef(RecordType.DOCUMENT, "C-13/108")
    next(a for a in menu.actions() if a.text() == "Open Source").trigger()
    assert window.detail.current_source() == "§2.3.3"  # the paragraph's Source page
    window.detail.browser.customContextMenuRequested.emit(QPoint(5, 5))  # the panel too
    texts = [a.text() for a in shown[-1].actions() if a.text()]
    assert texts[-4:] == ["Copy Citation", "Copy Link", "Open Source", "Zoom To"]
    assert any("Copy" in t and t != "Copy Citation" and t != "Copy Link" for t in texts)


def test_context_menu_on_the_resolutions_list(bundled_window: MainWindow,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda self, *a: shown.append(self))
    table = bundled_window.resolutions.table
    index = table.model().index(0, 0)
    table.customContextMenuRequested.emit(table.visualRect(index).center())
    next(a for a in shown[-1].actions() if a.text() == "Copy Link").trigger()
    link = parse_link(QGuiApplication.clipboard().text())
    assert link is not None and link.type is RecordType.RESOLUTION


def test_timeline_context_menu_on_the_item_under_the_mouse(
        qtbot, bundled_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QContextMenuEvent

    window = bundled_window
    shown: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda self, *a: shown.append(self))
    window.timeline.hoveredChanged.emit("pp-14")  # what the widget says while hovering
    viewport = window.timeline._plot.viewport()
    QApplication.sendEvent(viewport, QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(300, 200), viewport.mapToGlobal(QPoint(300, 200))))
    assert shown, "right-click on the timeline shows no menu"
    next(a for a in shown[-1].actions() if a.text() == "Copy Link").trigger()
    assert QGuiApplication.clipboard().text() == "wsis-viewer:record/event/pp-14"


def test_link_opens_the_window_on_the_record(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}
    monkeypatch.setattr("wsis_viewer.ui.app.run_app", lambda **kw: seen.update(kw) or 0)
    ref = RecordRef(RecordType.DOCUMENT, "C13/66(Add.)")
    assert cli.main([record_link(ref)]) == 0
    assert seen["select"] == ref and seen["db"] is None
    seen.clear()  # the desktop entry (Exec=wsis-viewer %u) passes files as file:// URLs
    assert cli.main(["file:///tmp/my%20data/wsis.sqlite"]) == 0
    assert seen["db"] == "/tmp/my data/wsis.sqlite" and seen.get("select") is None


def test_legend_toggles_and_names_lanes(qtbot, bundled_window: MainWindow) -> None:
    window = bundled_window
    assert not window.features.legend_dock.isVisible()
    window.features.act_show_legend.trigger()
    assert window.features.legend_dock.isVisible()
    texts = window.features.legend.texts()
    assert "CWG-WSIS" in texts and "a one-day sitting" in texts
    window.features.act_show_legend.trigger()
    assert not window.features.legend_dock.isVisible()


def test_about(bundled_window: MainWindow) -> None:
    from wsis_viewer import __version__

    text = bundled_window.features.about_text()
    assert __version__ in text and "wsis.sqlite" in text
    assert "36 events" in text and "22 contributors" in text and "report to PP-14" in text
    help_menu = bundled_window.findChild(QMenu, "helpMenu")
    assert help_menu is not None and bundled_window.features.act_about in help_menu.actions()
    assert [m.objectName() for m in bundled_window.findChildren(QMenu, "helpMenu")] == \
        ["helpMenu"]  # one Help menu, shared with Keyboard Shortcuts
    bundled_window.features.act_about.trigger()
    box = bundled_window.features._about_box
    assert box.isVisible() and "36 events" in box.text()
    box.close()


def test_previous_next_event_say_when_at_an_end(qtbot, bundled_window: MainWindow) -> None:
    window = bundled_window
    index = window.db.index
    window.timeline.setFocus()
    window.timeline.select(index.ids[len(index) - 1])
    window.act_next_event.trigger()
    assert window.statusBar().currentMessage() == "This is the last event."
    window.timeline.select(index.ids[0])
    window.act_prev_event.trigger()
    assert window.statusBar().currentMessage() == "This is the first event."
    QApplication.processEvents()


def test_broken_search_index_is_refused_in_one_line(qtbot, bundled_window: MainWindow,
                                                    tmp_path: Path, warnings_shown) -> None:
    """An altered search table is an altered file (store/integrity.py): the window says so in
    one line naming the table and keeps showing the database it had."""
    import sqlite3

    from wsis_viewer import paths

    db = tmp_path / "broken.sqlite"
    db.write_bytes(paths.bundled_database().read_bytes())
    con = sqlite3.connect(db)
    with con:
        con.execute("DROP TABLE search_docs")
        con.execute("CREATE TABLE search_docs (nonsense TEXT)")
    con.close()
    window = bundled_window
    before = window.db
    assert not window.open_database(db)
    assert warnings_shown and "search_docs" in warnings_shown[-1][1]
    assert "\n" not in warnings_shown[-1][1].strip()
    assert window.db is before


def test_the_bundled_window_never_reads_the_whole_database_for_panels(
        bundled_window: MainWindow) -> None:
    """Every record's panel and a Source page come from records read by key."""
    window = bundled_window
    db = window.db
    assert db is not None and not db.dataset_read
    for rec in window.relations.ds.recommendations:
        window.navigate_to(RecordRef(RecordType.RECOMMENDATION, rec.id))
        assert window.detail.current() == RecordRef(RecordType.RECOMMENDATION, rec.id)
    window.navigate_to(RecordRef(RecordType.DOCUMENT, "C-13/108"))
    assert "C-13/108" in window.detail.browser.toPlainText()
    assert window.detail.show_source("§2.3.3")
    assert "C-13/108" in window.detail.browser.toPlainText()  # among the records citing it
    assert not db.dataset_read
