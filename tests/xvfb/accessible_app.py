"""Run by tests/xvfb/atspi_probe.py on an AT-SPI bus under Xvfb: the app's real window on the
bundled database, with the keyboard focus in the timeline, until the probe ends it (or a
safety timer does, so a broken probe never leaves it running)."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer

from wsis_viewer import paths
from wsis_viewer.ui.app import create_app, start_window


def main() -> int:
    app = create_app(["wsis-viewer"])
    window = start_window(str(paths.bundled_database()), sys.argv[1] if len(sys.argv) > 1
                          else "en")
    window.resize(1400, 900)
    window.show()
    window.activateWindow()
    window.timeline.setFocus(Qt.FocusReason.OtherFocusReason)
    QTimer.singleShot(120_000, app.quit)  # never hang the test run
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
