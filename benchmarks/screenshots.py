"""Render the timeline PNGs under docs/img/ (python -m benchmarks.screenshots [--real])."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from benchmarks.synthetic import generate
from wsis_viewer.domain.lanes import ordered_lanes
from wsis_viewer.domain.timeline_index import TimelineIndex, date_to_x
from wsis_viewer.domain.view_state import Period
from wsis_viewer.paths import bundled_database, fonts_dir
from wsis_viewer.store.database import open_database
from wsis_viewer.timeline import TimelineWidget

OUT = Path(__file__).resolve().parent.parent / "docs" / "img"


def register_fonts() -> None:
    for font in sorted(fonts_dir().glob("*.otf")):
        QFontDatabase.addApplicationFont(str(font))


def load_widget(db: Path, size: tuple[int, int] = (1600, 900)) -> TimelineWidget:
    store = open_database(db)
    try:
        rows = store.event_rows()
        lanes = ordered_lanes({r.lane for r in rows})
        index = TimelineIndex.from_rows(rows, store.session_rows(), [lane.id for lane in lanes])
    finally:
        store.close()
    widget = TimelineWidget()
    widget.resize(*size)
    widget.set_data(index, {lane.id: lane.label_en for lane in lanes})
    # A fixed "today" keeps the pictures reproducible.
    widget.set_markers(Period(dt.date(2010, 10, 4), dt.date(2014, 11, 7), ("PP-10", "PP-14")),
                       today=dt.date(2014, 3, 1))
    return widget


def shoot(widget: TimelineWidget, name: str, x0: dt.date | None = None,
          x1: dt.date | None = None, size: tuple[int, int] = (1600, 900)) -> Path:
    if x0 is None or x1 is None:
        widget.fit_all()
    else:
        widget.set_view_range(date_to_x(x0), date_to_x(x1))
    path = OUT / name
    widget.render_image(*size).save(str(path))
    print(path)
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--real", action="store_true", help="also the bundled db/wsis.sqlite")
    ap.add_argument("--events", type=int, default=10_000, help="synthetic database size")
    args = ap.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv)
    register_fonts()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "synthetic.sqlite"
        generate(db, args.events)
        w = load_widget(db)
        shoot(w, "timeline-synthetic-full.png")
        shoot(w, "timeline-synthetic-month.png", dt.date(2013, 5, 1), dt.date(2013, 6, 1))
        w.close()
    if args.real:
        w = load_widget(bundled_database())
        shoot(w, "timeline-real-full.png")
        shoot(w, "timeline-real-2013.png", dt.date(2013, 1, 1), dt.date(2014, 1, 1))
        w.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
