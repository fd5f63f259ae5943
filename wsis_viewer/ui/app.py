"""Application start-up: QApplication, fonts, settings identity, the first database.

`run_app` is what `wsis-viewer` without a sub-command calls. Nothing here hard-codes colours:
Qt's platform theme gives the system's light or dark palette, and the widgets read the palette
(DetailView redraws on a palette change).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from wsis_viewer import __version__, paths
from wsis_viewer.store.database import open_database
from wsis_viewer.store.problems import DatabaseError
from wsis_viewer.ui.fonts import install_cjk_fallback
from wsis_viewer.ui.i18n import LANGUAGES, tr
from wsis_viewer.ui.main_window import MainWindow
from wsis_viewer.ui.settings import (
    APPLICATION,
    ORGANIZATION,
    ViewerSettings,
    normalise_location,
)

_CTX = "App"


def configure_app(app: QApplication) -> None:
    """Names (they locate QSettings) and the bundled CJK font as the app font's fallback."""
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(tr(_CTX, "WSIS Timeline Viewer"))
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("wsis-viewer")
    install_cjk_fallback(app)


def create_app(argv: Sequence[str]) -> QApplication:
    """The QApplication (reusing one that already exists, as under pytest-qt), configured."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    configure_app(app)
    return app


def default_language() -> str:
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def _opens(target: str) -> bool:
    try:
        open_database(target).close()
    except DatabaseError:
        return False
    return True


def choose_start_database(db: str | None, settings: ViewerSettings) -> tuple[str, str | None]:
    """(database to open, error to show first).

    An explicit `db` that fails is reported, then the bundled one opens. Without `db`, the
    last database is used if it still opens, silently otherwise (it may have been moved).
    """
    bundled = str(paths.bundled_database())
    if db is not None:
        try:
            open_database(db).close()
        except DatabaseError as exc:
            return bundled, str(exc)
        return db, None
    last = settings.last_database()
    if last and _opens(last):
        return last, None
    return bundled, None


def start_window(db: str | None, lang: str | None,
                 settings: ViewerSettings | None = None) -> MainWindow:
    """Build the main window on the first database (what run_app shows)."""
    settings = settings or ViewerSettings()
    target, error = choose_start_database(db, settings)
    window = MainWindow(settings, lang=lang if lang in LANGUAGES else default_language())
    if error is not None:
        window.show_error(tr(_CTX, "Cannot open database"),
                          error + "\n\n" + tr(_CTX, "Showing the bundled database instead."))
    # The saved view, lanes and years belong to the database they were saved with.
    last = settings.last_database()
    window.open_database(target, restore_view=normalise_location(target) == last)
    return window


def run_app(db: str | None, lang: str | None, qt_args: list[str]) -> int:
    app = create_app(["wsis-viewer", *qt_args])
    window = start_window(db, lang)
    window.show()
    return app.exec()
