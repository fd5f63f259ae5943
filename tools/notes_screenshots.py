"""Pictures of the team workspace for the README: the Notes dock with a note in the record's
panel, the note marks on the timeline, a note found by the main search (the Notes table of the
Search Results dock) and an export with notes (`screenshot --notes --details`).

    .venv/bin/python tools/notes_screenshots.py [OUTPUT_DIR]      (default: docs/img)

Runs offscreen with a throwaway workspace (its own XDG_DATA_HOME), so the user's own notes are
never read or written. The notes shown are an analyst's kind of remark, written for the
picture: they are workspace content, not part of the dataset.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="wsis-notes-shots-")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget

from wsis_viewer import paths
from wsis_viewer.domain.timeline_index import date_to_x
from wsis_viewer.report.export import export_view
from wsis_viewer.report.view_spec import RenderOptions, ViewSpec
from wsis_viewer.store.workspace import open_workspace
from wsis_viewer.ui.app import create_app
from wsis_viewer.ui.main_window import MainWindow
from wsis_viewer.ui.settings import ViewerSettings
from wsis_viewer.ui.workspace_ui import WorkspaceController


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else paths.resources_dir().parent / "docs/img")
    out.mkdir(parents=True, exist_ok=True)
    app = create_app(["notes-screenshots"])
    with open_workspace() as ws:
        ws.add_note("cwg-22", "The second part on 10 June is where the addendum came from "
                              "- check WG-WSIS-22/43.")
        ws.add_note("council-2013", "Compare the revised Resolution 1334 text with the "
                                    "draft the meeting sent up.")
        ws.add_note("cwg-21", "Ask the secretariat for the attendance list.")
    settings = QSettings(f"{os.environ['XDG_DATA_HOME']}/shots.ini", QSettings.Format.IniFormat)
    w = MainWindow(ViewerSettings(settings), lang="en")
    w.resize(1600, 1000)
    w.show()
    assert w.open_database(paths.bundled_database())
    c = w.findChild(WorkspaceController, "workspaceController")
    assert c is not None

    def settle(rounds: int = 20) -> None:
        import time

        for _ in range(rounds):
            app.processEvents()
            time.sleep(0.02)

    while not c.notes:
        settle(1)
    w.timeline.set_view_range(date_to_x(dt.date(2013, 1, 1)), date_to_x(dt.date(2013, 7, 15)))
    w.timeline.select("cwg-22", ensure_visible=False)
    c.dock.show()
    c.dock.raise_()
    settle()
    w.grab().save(str(out / "notes-dock.png"))
    timeline = w.timeline.grab()
    timeline.copy(0, 0, timeline.width(), min(timeline.height(), 520)).save(
        str(out / "notes-timeline-marks.png"))
    # The main search finds the note: the Search Results dock's Notes table.
    w.features.show_results()
    w.resizeDocks([w.features.results_dock], [560], Qt.Orientation.Horizontal)
    w.search.set_text("addendum")
    while not w.features.results.findChild(QWidget, "notesResults").isVisible():
        settle(1)
    settle()
    w.grab().save(str(out / "notes-search.png"))
    # An export with notes: the marks, and the selected record's notes in its panel.
    export_view(w.db, ViewSpec(select="cwg-22", details=True, start=dt.date(2012, 10, 1),
                               end=dt.date(2013, 12, 31)),
                out / "notes-export.png", "png",
                RenderOptions(details=True, notes=tuple(c.notes)))
    print(f"wrote {out / 'notes-dock.png'}, {out / 'notes-timeline-marks.png'}, "
          f"{out / 'notes-search.png'} and {out / 'notes-export.png'}")
    w.close()


if __name__ == "__main__":
    main()
