"""Pictures of the search features for docs/img (offscreen, isolated settings).

    .venv/bin/python tools/search_screenshots.py [OUTPUT_DIR]

search-results.png (the results list for "Busan", a hit selected and framed),
search-results-zh.png (the same in Chinese for "会议"), documents-table.png (the Documents
table filtered to "C13"), legend.png (the window with its legend shown). Look at each one.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt

from wsis_viewer.domain.model import RecordType
from wsis_viewer.domain.relations import RecordRef
from wsis_viewer.ui.app import create_app

sys.path.insert(0, str(Path(__file__).parent))
from doc_screenshots import output_folder, settler, window_factory


def main() -> None:
    out = output_folder()
    app = create_app(["search-screenshots"])
    window = window_factory(tempfile.mkdtemp())
    settle = settler(app, 8)

    w = window("en")
    w.resizeDocks([w.features.results_dock], [460], Qt.Orientation.Horizontal)
    w.search.set_text("Busan")
    w.features.show_results()
    w.features.results.focus_first_hit()
    settle()
    w.grab().save(str(out / "search-results.png"))
    w.search.set_text("")
    table = w.features.show_table("documents")
    table.filter_edit.setText("C13")
    w.navigate_to(RecordRef(RecordType.DOCUMENT, "C13/85"))
    settle()
    w.grab().save(str(out / "documents-table.png"))
    table.filter_edit.clear()
    w.features.act_show_legend.trigger()
    settle()
    w.grab().save(str(out / "legend.png"))
    w.close()

    z = window("zh")
    z.search.set_text("会议")
    z.features.show_results()
    settle()
    z.grab().save(str(out / "search-results-zh.png"))
    z.close()


if __name__ == "__main__":
    main()
