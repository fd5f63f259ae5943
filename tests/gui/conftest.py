"""GUI fixtures shared by several test files."""

from __future__ import annotations

import pytest

from wsis_viewer import paths
from wsis_viewer.ui.main_window import MainWindow
from wsis_viewer.ui.settings import ViewerSettings


def open_bundled_window(qtbot, settings: ViewerSettings,
                        size: tuple[int, int] | None = (1600, 900)) -> MainWindow:
    """An English window on the bundled database, shown (at `size`, or as restored)."""
    w = MainWindow(settings, lang="en")
    qtbot.addWidget(w)
    if size is not None:
        w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    assert w.open_database(paths.bundled_database())
    return w


@pytest.fixture
def open_bundled(qtbot, isolated_settings):
    """open_bundled(size): a new English window on the bundled database, own settings."""
    return lambda size=(1600, 900): open_bundled_window(
        qtbot, ViewerSettings(isolated_settings()), size)


@pytest.fixture
def bundled_window(qtbot, isolated_settings) -> MainWindow:
    """An English window, shown at 1600×900, on the bundled database, with its own settings."""
    return open_bundled_window(qtbot, ViewerSettings(isolated_settings()))
