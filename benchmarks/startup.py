"""Process start → first painted frame of the real window (run by `python -m benchmarks`).

`python -m benchmarks.startup [DB]` is started as a fresh process by `measure()`, which notes
the wall-clock time just before starting it. The child does what `wsis-viewer` does
(`ui.app.create_app`, `start_window`, `show`) with settings in a temporary folder, waits for
the timeline item's first paint, prints the wall-clock time when that paint returned and
exits. So the figure includes the interpreter's start, every import, opening the database and
the first frame; the window is a real one (offscreen: `QT_QPA_PLATFORM=offscreen`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _child(db: str | None) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QTimer

    from wsis_viewer.ui.app import create_app, start_window
    from wsis_viewer.ui.settings import ViewerSettings

    folder = tempfile.mkdtemp(prefix="wsis-startup-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, folder)
    app = create_app(["wsis-viewer"])
    window = start_window(db, "en", ViewerSettings())
    window.resize(1600, 900)
    window.show()
    item = window.timeline._item  # the one item that paints every event

    def check() -> None:
        if item.paint_count > 0:
            print(json.dumps({"painted_at": time.time()}), flush=True)
            app.quit()
        else:
            QTimer.singleShot(1, check)

    QTimer.singleShot(0, check)
    app.exec()


def measure(db: Path | None = None, runs: int = 3) -> float:
    """Median seconds from starting `python -m benchmarks.startup` to its first frame."""
    samples = []
    for _ in range(runs):
        t0 = time.time()
        out = subprocess.run([sys.executable, "-m", "benchmarks.startup",
                              *([str(db)] if db else [])],
                             check=True, capture_output=True, text=True,
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        painted = json.loads(out.stdout.strip().splitlines()[-1])["painted_at"]
        samples.append(painted - t0)
    return sorted(samples)[len(samples) // 2]


if __name__ == "__main__":
    _child(sys.argv[1] if len(sys.argv) > 1 else None)
