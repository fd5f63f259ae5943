"""View ▸ Theme: the system's colours, or the fixed Light, Dark and High Contrast palettes.

The fixed palettes are the exports' own (report/scene.py `palette_for`), so the window and
File ▸ Export / Copy Image / Print show the same colours; with "System" the window keeps the
palette the desktop gave it at start, and exports take light or dark by its lightness. A
chosen theme also switches to the Fusion style, the one style that draws every widget from the
palette (native styles keep their own colours, which would defeat high contrast).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from wsis_viewer.domain.view_state import THEMES
from wsis_viewer.report.scene import palette_for
from wsis_viewer.ui.settings import ViewerSettings

SYSTEM = "system"
CHOICES = (SYSTEM, *THEMES)
SETTINGS_KEY = "view/theme"
_desktop: tuple[QPalette, str] | None = None  # the palette and style name at the first window


def saved_choice(settings: ViewerSettings) -> str:
    value = str(settings.store.value(SETTINGS_KEY, SYSTEM))
    return value if value in CHOICES else SYSTEM


def theme_of(palette: QPalette) -> str:
    """The fixed theme an export of a window with this palette uses."""
    return "dark" if palette.color(QPalette.ColorRole.Window).lightness() < 128 else "light"


class ThemeSwitch(QObject):
    """Applies a theme choice to the application and remembers it in the settings."""

    def __init__(self, settings: ViewerSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.choice = SYSTEM
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self._app = app
        # What the desktop gave, before any window changed it: "System" goes back to it.
        global _desktop
        if _desktop is None:
            style = app.style()
            _desktop = (QPalette(app.palette()), style.name() if style is not None else "")
        self._system_palette, self._system_style = _desktop

    def effective(self, palette: QPalette) -> str:
        """The fixed theme that matches what is on screen (the ViewState's theme)."""
        return self.choice if self.choice != SYSTEM else theme_of(palette)

    def apply(self, choice: str, *, remember: bool = True) -> None:
        if choice not in CHOICES:
            raise ValueError(f"unknown theme {choice!r} (one of {', '.join(CHOICES)})")
        if choice == SYSTEM and self.choice == SYSTEM:
            # Nothing was changed yet (a start with "System"): leave the desktop's style and
            # palette alone rather than setting them again (a platform theme may tune both).
            if remember:
                self.settings.store.setValue(SETTINGS_KEY, choice)
            return
        self.choice = choice
        if choice == SYSTEM:
            if self._system_style:
                self._app.setStyle(self._system_style)
            self._app.setPalette(self._system_palette)
        else:
            self._app.setStyle(QStyleFactory.create("Fusion"))
            self._app.setPalette(palette_for(choice))
        if remember:
            self.settings.store.setValue(SETTINGS_KEY, choice)
