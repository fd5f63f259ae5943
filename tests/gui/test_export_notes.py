"""File ▸ Export ▸ Include Notes and `screenshot --notes`: an export with notes shows the note
marks (and, with details, the selected record's notes in its panel), one without shows none;
the window's choice is remembered, and the window and the command give the same picture."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from wsis_viewer import paths
from wsis_viewer.domain.timeline_index import date_to_x
from wsis_viewer.report.export import _scene
from wsis_viewer.report.view_spec import RenderOptions, ViewSpec
from wsis_viewer.session.loaded_database import LoadedDatabase
from wsis_viewer.store.workspace import open_workspace
from wsis_viewer.timeline.note_marks import NoteMarks
from wsis_viewer.ui.main_window import MainWindow
from wsis_viewer.ui.settings import ViewerSettings
from wsis_viewer.ui.workspace_ui import WorkspaceController

pytestmark = pytest.mark.gui
NOTE = "Part 2 on 10 June: the addendum came from WG-WSIS-22/43"


def _pixels(path: Path) -> np.ndarray:
    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    bits = np.frombuffer(image.constBits(), np.uint32)
    return bits.reshape(image.height(), image.width()).copy()


@pytest.fixture
def window(qtbot, isolated_settings, monkeypatch) -> MainWindow:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    with open_workspace() as ws:
        ws.add_note("cwg-22", NOTE)
    store = isolated_settings()
    w = MainWindow(ViewerSettings(store), lang="en")
    w.settings_store = store  # kept for the test below
    qtbot.addWidget(w)
    w.resize(1600, 900)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_database(paths.bundled_database())
    c = w.findChild(WorkspaceController, "workspaceController")
    assert c is not None
    qtbot.waitUntil(lambda: len(c.notes) == 1)
    w.timeline.set_view_range(date_to_x(dt.date(2013, 1, 1)), date_to_x(dt.date(2014, 1, 1)))
    return w


def _export(w: MainWindow, monkeypatch, out: Path) -> np.ndarray:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(out), "")))
    w.act_export_png[1].trigger()
    return _pixels(out)


def test_include_notes_adds_only_the_marks_and_is_remembered(window, monkeypatch,
                                                            tmp_path: Path) -> None:
    w = window
    c = w.findChild(WorkspaceController, "workspaceController")
    assert c is not None
    choice = c.act_include_notes
    assert choice in w.export_menu.actions() and not choice.isChecked()
    without = _export(w, monkeypatch, tmp_path / "without.png")
    choice.trigger()  # File ▸ Export ▸ Include Notes
    assert ViewerSettings(w.settings_store).include_notes()  # remembered for next time
    with_notes = _export(w, monkeypatch, tmp_path / "with.png")
    with _scene(w.db, w.view_state(), RenderOptions(notes=tuple(c.notes))) as scene:
        [marks] = [i for i in scene.timeline._plot.getPlotItem().items
                   if isinstance(i, NoteMarks)]
        assert marks.marked() == [scene.timeline.index().index_of("cwg-22")]
        scene.view.layout().activate()
        legend_top = scene.view.layout().itemAt(3).widget().y()  # title, caption, middle, legend
        assert 600 < legend_top < 900
    changed = without != with_notes
    rows, cols = np.nonzero(changed[:legend_top])
    assert len(rows) > 20  # the mark is drawn …
    # … and nothing else above the legend changes: one small flag (9 px, antialiased).
    assert rows.max() - rows.min() <= 14 and cols.max() - cols.min() <= 14
    assert changed[legend_top:].any()  # the legend explains the mark ("has notes")
    choice.trigger()
    assert not ViewerSettings(w.settings_store).include_notes()
    again = _export(w, monkeypatch, tmp_path / "again.png")
    assert np.array_equal(again, without)


def test_the_panel_shows_the_records_notes_only_with_notes() -> None:
    db = LoadedDatabase.open(paths.bundled_database())
    with open_workspace() as ws:
        note = ws.add_note("cwg-22", NOTE)
    spec = ViewSpec(select="cwg-22", details=True)
    try:
        with _scene(db, spec, RenderOptions(details=True, notes=(note,))) as scene:
            assert NOTE in scene.view.details.toPlainText()
            assert "Notes" in scene.view.details.toPlainText()
        with _scene(db, spec, RenderOptions(details=True)) as scene:
            assert NOTE not in scene.view.details.toPlainText()
        with _scene(db, ViewSpec(select="council-2013", details=True),
                    RenderOptions(details=True, notes=(note,))) as scene:
            assert NOTE not in scene.view.details.toPlainText()  # another record's note
    finally:
        db.close()


def test_the_window_and_screenshot_notes_give_the_same_picture(window, monkeypatch,
                                                               tmp_path: Path) -> None:
    w = window
    c = w.findChild(WorkspaceController, "workspaceController")
    assert c is not None
    c.act_include_notes.trigger()
    w.timeline.set_view_range(date_to_x(dt.date(2012, 6, 1)), date_to_x(dt.date(2013, 9, 1)))
    mine = _export(w, monkeypatch, tmp_path / "window.png")
    theirs = tmp_path / "cli.png"
    plain = tmp_path / "cli-plain.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for out, extra in ((theirs, ["--notes"]), (plain, [])):
        proc = subprocess.run(
            [sys.executable, "-m", "wsis_viewer", "screenshot", str(out), "--from",
             "2012-06-01", "--to", "2013-08-31", *extra],
            capture_output=True, text=True, env=env, check=False, timeout=120)
        assert proc.returncode == 0, proc.stderr
    differ = float(np.mean(mine != _pixels(theirs)))
    assert differ < 0.002, f"{differ:.4%} of pixels differ"
    assert float(np.mean(_pixels(plain) != _pixels(theirs))) > 0  # --notes drew something
