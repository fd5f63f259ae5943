"""GUI fixtures shared by several test files."""

from __future__ import annotations

import pytest

from wsis_viewer import paths
from wsis_viewer.ui.main_window import MainWindow
from wsis_viewer.ui.settings import ViewerSettings


@pytest.fixture
def bundled_window(qtbot, isolated_settings) -> MainWindow:
    """An English window, shown at 1600×900, on the bundled database, with its own settings."""
    w = MainWindow(ViewerSettings(isolated_settings()), lang="en")
    qtbot.addWidget(w)
    w.resize(1600, 900)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_database(paths.bundled_database())
    return w
