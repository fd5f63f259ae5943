"""Pictures of the window as low-vision users see it: scaled 1.5× and 2×, high contrast.

    .venv/bin/python tools/accessibility_screenshots.py [OUTPUT_DIR]

Each picture is taken in a fresh process (QT_SCALE_FACTOR must be set before Qt starts),
offscreen, with isolated settings, an event selected and the keyboard focus on the timeline
(so the focus ring shows):

    docs/img/a11y-scale-1.5.png    QT_SCALE_FACTOR=1.5, window 1200×780 logical
    docs/img/a11y-scale-2.png      QT_SCALE_FACTOR=2, window 1000×700 logical
    docs/img/a11y-high-contrast.png   View ▸ Theme ▸ High Contrast
    docs/img/a11y-high-contrast-zh.png   the same in Chinese, 2×
    docs/img/a11y-large-font.png   a 16 pt system font
    docs/img/a11y-shortcuts.png    Help ▸ Keyboard Shortcuts

Look at every one: clipped text, overlaps and unreadable colours are what they are for.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

SHOTS = {
    "a11y-scale-1.5.png": {"scale": "1.5", "theme": "system", "lang": "en", "size": "1200x780"},
    "a11y-scale-2.png": {"scale": "2", "theme": "system", "lang": "en", "size": "1000x700"},
    "a11y-high-contrast.png": {"scale": "1", "theme": "high-contrast", "lang": "en",
                               "size": "1500x900"},
    "a11y-high-contrast-zh.png": {"scale": "2", "theme": "high-contrast", "lang": "zh",
                                  "size": "1000x700"},
    "a11y-large-font.png": {"scale": "1", "theme": "system", "lang": "en", "size": "1600x1000",
                            "font": "16"},
    "a11y-shortcuts.png": {"scale": "1", "theme": "system", "lang": "en", "size": "1200x800",
                           "dialog": "1"},
}


def shoot(out: Path, spec: dict[str, str]) -> None:
    """In the child process: one window, one picture."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from wsis_viewer import paths
    from wsis_viewer.domain.model import RecordType
    from wsis_viewer.domain.relations import RecordRef
    from wsis_viewer.ui.app import create_app
    from wsis_viewer.ui.main_window import MainWindow
    from wsis_viewer.ui.settings import ViewerSettings

    app = create_app(["a11y-screenshots"])
    if spec.get("font"):  # a large system font size
        font = app.font()
        font.setPointSize(int(spec["font"]))
        app.setFont(font)
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
    w = MainWindow(ViewerSettings(settings), lang=spec["lang"])
    width, height = (int(v) for v in spec["size"].split("x"))
    w.resize(width, height)
    w.show()
    assert w.open_database(paths.bundled_database())
    w.set_theme(spec["theme"], remember=False)
    w.navigate_to(RecordRef(RecordType.RESOLUTION, "res-c1334"))
    w.select_record(RecordRef(RecordType.EVENT, "cwg-22"), move_view=False)
    w.activateWindow()
    w.timeline.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(8):
        app.processEvents()
    if spec.get("dialog"):
        dialog = w.accessibility.show_keyboard_shortcuts()
        dialog.resize(760, 720)
        for _ in range(5):
            app.processEvents()
        dialog.grab().save(str(out))
    else:
        w.grab().save(str(out))
    QApplication.processEvents()


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        shoot(Path(sys.argv[2]), dict(a.split("=", 1) for a in sys.argv[3:]))
        return
    root = Path(__file__).resolve().parent.parent
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    for name, spec in SHOTS.items():
        env = dict(os.environ, QT_SCALE_FACTOR=spec["scale"], QT_QPA_PLATFORM="offscreen")
        subprocess.run([sys.executable, __file__, "--one", str(out / name),
                        *(f"{k}={v}" for k, v in spec.items())], env=env, check=True)
        print(out / name)


if __name__ == "__main__":
    main()
