"""Run by tests/xvfb/test_real_window.py in a real X server: start the app's window on the
bundled database, press Ctrl+P, wait for the print preview to paint its page, save a picture of
it, close it, and check the window is still alive. Exit 0 when all of that happened."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from wsis_viewer import paths
from wsis_viewer.ui.app import create_app, start_window
from wsis_viewer.ui.view_export import PrintPreview

OUT = Path(sys.argv[1])


def main() -> int:
    app = create_app(["wsis-viewer"])
    window = start_window(str(paths.bundled_database()), "en")
    window.resize(1200, 800)
    window.show()
    result = {"code": 3}

    def preview() -> PrintPreview | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, PrintPreview) and widget.isVisible():
                return widget
        return None

    def press() -> None:
        window.activateWindow()
        window.timeline.setFocus()
        # Through the window system's key path (the QWindow), as a real key press: shortcuts
        # are matched there, not for events sent straight to a widget.
        handle = window.windowHandle()
        assert handle is not None
        QTest.keyClick(handle, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        QTimer.singleShot(3000, look)

    def look() -> None:
        dialog = preview()
        if dialog is None:
            print("no print preview after Ctrl+P", file=sys.stderr)
            result["code"] = 1
            app.quit()
            return
        QApplication.processEvents()
        picture = dialog.grab()
        picture.save(str(OUT / "print-preview.png"))
        dialog.close()
        QTimer.singleShot(500, after)

    def after() -> None:
        alive = isinstance(window, QWidget) and window.isVisible() and preview() is None
        QApplication.processEvents()
        result["code"] = 0 if alive else 2
        window.close()
        app.quit()

    QTimer.singleShot(1500, press)
    QTimer.singleShot(60_000, app.quit)  # never hang the test run
    app.exec()
    return result["code"]


if __name__ == "__main__":
    sys.exit(main())
