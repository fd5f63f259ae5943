"""Application start-up: QApplication, fonts, settings identity, the first database.

`run_app` is what `wsis-viewer` without a sub-command calls. Nothing here hard-codes colours:
Qt's platform theme gives the system's light or dark palette, and the widgets read the palette
(DetailView redraws on a palette change).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from wsis_viewer import __version__, paths
from wsis_viewer.domain.relations import RecordRef
from wsis_viewer.qt import gui_thread_gc
from wsis_viewer.qt.app_icon import APP_ID, application_icon
from wsis_viewer.qt.fonts import install_cjk_fallback
from wsis_viewer.qt.i18n import (
    PSEUDO,
    UI_LANGUAGES,
    pseudo_requested,
    set_app_language,
    system_language,
)
from wsis_viewer.session.loaded_database import SYNC_DATASET_LIMIT
from wsis_viewer.store.database import open_database
from wsis_viewer.store.problems import DatabaseError
from wsis_viewer.ui.main_window import MainWindow
from wsis_viewer.ui.report_text_setting import install_report_text
from wsis_viewer.ui.server_open import is_server, open_server_in_background
from wsis_viewer.ui.settings import (
    APPLICATION,
    ORGANIZATION,
    ViewerSettings,
    normalise_location,
)


def configure_app(app: QApplication) -> None:
    """Names (they locate QSettings), desktop identity and window icon, and the bundled CJK
    font as the app font's fallback.

    The display name is translated: i18n.set_app_language sets it again on every switch.
    """
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "WSIS Timeline Viewer"))
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(application_icon())
    install_cjk_fallback(app)


def create_app(argv: Sequence[str]) -> QApplication:
    """The QApplication (reusing one that already exists, as under pytest-qt), configured."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    gui_thread_gc.install(app)
    configure_app(app)
    return app


def default_language() -> str:
    """The system locale's language (Chinese or else English): what a first start shows."""
    return system_language()


def start_language(lang: str | None, settings: ViewerSettings) -> str:
    """The window's language: `--lang`, else WSIS_PSEUDO=1, else the one chosen in
    View > Language last time, else the system locale's.

    `--lang` and WSIS_PSEUDO apply to this run only; they are not saved.
    """
    if lang in UI_LANGUAGES:
        return lang
    if pseudo_requested():
        return PSEUDO
    return settings.language() or default_language()


def _open_error(target: str) -> str | None:
    """None when `target` opens; else the one-line reason. Never raises for bad data.

    The values of a big file are not checked here: the window checks them in the
    background after its first frame, and refuses it the same way (seconds at a million
    events, which the start would otherwise wait for, twice)."""
    try:
        with open_database(target, check_values=False) as store:
            if "://" in str(target) or store.count("events") <= SYNC_DATASET_LIMIT:
                store.check_values()
    except DatabaseError as exc:
        return str(exc)
    return None


def choose_start_database(db: str | None, settings: ViewerSettings) -> tuple[str, str | None]:
    """(database to open, error to show first).

    An explicit `db` that fails is reported, then the bundled one opens. The last database
    that no longer opens (moved, damaged, replaced by a hostile file) is reported once and
    forgotten, so the next start does not meet it again; the bundled one opens.
    """
    bundled = str(paths.bundled_database())
    if db is not None:
        error = _open_error(db)
        return (bundled, error) if error is not None else (db, None)
    last = settings.last_database()
    if not last:
        return bundled, None
    error = _open_error(last)
    if error is None:
        return last, None
    settings.forget_database(last)
    if not Path(last).exists() and "://" not in last:
        return bundled, None  # moved or deleted: nothing to report
    return bundled, error


def start_window(db: str | None, lang: str | None,
                 settings: ViewerSettings | None = None,
                 report_text: str | None = None,
                 view_link: str | None = None,
                 select: RecordRef | None = None) -> MainWindow:
    """Build the main window on the first database (what run_app shows).

    A team server (given, or the last database) is opened off the GUI thread: the window is
    returned at once and shows the data when it arrives (ui/server_open.py); `then` runs
    once the first database is shown."""
    settings = settings or ViewerSettings()
    then = _after_open(view_link, select)
    last = settings.last_database()
    server = db if db is not None else last
    if is_server(server):
        assert server is not None
        window = _new_window(settings, lang, report_text)
        open_server_in_background(window, server, restore_view=normalise_location(server) == last,
                                  then=then)
        return window
    target, error = choose_start_database(db, settings)
    window = _new_window(settings, lang, report_text)
    if error is not None:
        window.show_error(
            QCoreApplication.translate("App", "Cannot open database"),
            error + "\n\n" + QCoreApplication.translate(
                "App", "Showing the bundled database instead."))
    # The saved view, lanes and years belong to the database they were saved with.
    window.open_database(target, restore_view=normalise_location(target) == last)
    if then is not None:
        then(window)
    return window


def _new_window(settings: ViewerSettings, lang: str | None,
                report_text: str | None) -> MainWindow:
    window = MainWindow(settings, lang=start_language(lang, settings))
    text_error = install_report_text(window.detail, settings, report_text)
    if text_error is not None:
        window.show_error(QCoreApplication.translate("App", "Report text"), text_error)
    return window


def _after_open(view_link: str | None,
                select: RecordRef | None) -> Callable[[MainWindow], None] | None:
    """What a link on the command line asks for, once the first database is shown."""
    if view_link is None and select is None:
        return None

    def show(window: MainWindow) -> None:
        if view_link is not None:  # `wsis-viewer 'wsis-viewer:view?…'`: show the shared view
            from wsis_viewer.ui.workspace_ui import open_view_link

            open_view_link(window, view_link)
        if select is not None:  # opened from a wsis-viewer:record/… link
            window.navigate_to(select)

    return show


def run_app(db: str | None, lang: str | None, qt_args: list[str],
            report_text: str | None = None, view_link: str | None = None,
            select: RecordRef | None = None) -> int:
    app = create_app(["wsis-viewer", *qt_args])
    settings = ViewerSettings()
    # Translators first (this also translates the display name), so even the first texts
    # are in the right language.
    set_app_language(start_language(lang, settings))
    window = start_window(db, lang, settings, report_text, view_link, select)
    window.show()
    return app.exec()
