"""The window carries the app's icon and desktop ID from start-up (X11's _NET_WM_ICON comes
from QGuiApplication.windowIcon), and the packaged desktop files use that same ID."""

from __future__ import annotations

import configparser
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from wsis_viewer.qt.app_icon import APP_ID
from wsis_viewer.ui import app as app_module

pytestmark = pytest.mark.gui

LINUX = Path(__file__).resolve().parents[2] / "packaging" / "linux"


def test_window_icon_set_at_start_up(qapp: QApplication, qtbot) -> None:
    app_module.configure_app(qapp)
    icon = qapp.windowIcon()
    assert not icon.isNull()
    sizes = {s.width() for s in icon.availableSizes()}
    assert {16, 32, 48, 64, 128, 256} <= sizes
    window = QWidget()
    qtbot.addWidget(window)
    assert window.windowIcon().cacheKey() == icon.cacheKey()
    assert not window.windowIcon().pixmap(QSize(48, 48)).isNull()


def test_desktop_file_name_is_the_packaged_reverse_dns_id(qapp: QApplication) -> None:
    app_module.configure_app(qapp)
    assert qapp.desktopFileName() == APP_ID
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Icon"] == APP_ID
    assert "x-scheme-handler/wsis-viewer" in desktop["MimeType"].split(";")
    metainfo = (LINUX / f"{APP_ID}.metainfo.xml.in").read_text(encoding="utf-8")
    assert f"<id>{APP_ID}</id>" in metainfo
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in metainfo
