"""The application's identity on the desktop: its icon and its desktop-entry ID.

The window icon is set from the bundled PNGs at start-up. A desktop environment could find the
icon through the desktop entry alone, but only when the .deb installed it; from the tar.gz, a
wheel or a source checkout the theme has no entry, and X11 window lists and task bars read the
window's own _NET_WM_ICON, which Qt sets from QGuiApplication.windowIcon().
"""

from __future__ import annotations

from PySide6.QtGui import QIcon

from wsis_viewer import paths

# Reverse-DNS ID: the .desktop file name (without .desktop), the AppStream component ID and
# the icon name in the hicolor theme. packaging/build.sh installs the files under this name;
# Qt reports it to Wayland compositors and uses it for the X11 window class hint.
APP_ID = "org.wsis_viewer.WSISViewer"


def application_icon() -> QIcon:
    """Every shipped size of the icon, so each place (title bar, Alt+Tab) picks a sharp one."""
    icon = QIcon()
    for png in paths.app_icon_files():
        icon.addFile(str(png))
    return icon
