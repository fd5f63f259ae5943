"""The real window under a real X server (Xvfb), for what offscreen cannot show: dialogs.

File ▸ Print once crashed the app in the print preview's first paint (its QPrinter was freed
while the non-modal dialog was open); the offscreen tests never opened the dialog.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent

pytestmark = pytest.mark.skipif(
    shutil.which("xvfb-run") is None and not os.environ.get("CI"),
    reason="xvfb-run is not installed (scripts/bootstrap.sh installs it)")


def run_under_xvfb(script: Path, *args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update({"QT_QPA_PLATFORM": "xcb", "XDG_CONFIG_HOME": str(tmp / "config"),
                "XDG_DATA_HOME": str(tmp / "data"), "HOME": str(tmp)})
    return subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable, str(script), *args],
        env=env, capture_output=True, text=True, timeout=120, check=False)


def test_ctrl_p_opens_the_preview_and_the_app_survives(tmp_path: Path) -> None:
    proc = run_under_xvfb(HERE / "print_preview_app.py", str(tmp_path), tmp=tmp_path)
    assert proc.returncode == 0, (proc.returncode, proc.stderr[-2000:])
    picture = tmp_path / "print-preview.png"
    assert picture.is_file()
    from PySide6.QtGui import QImage

    image = QImage(str(picture))
    assert image.width() > 400 and image.height() > 300
    # The page shows the timeline: many colours, not a blank or black preview.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 9)
               for y in range(0, image.height(), 9)}
    assert len(colours) > 30
