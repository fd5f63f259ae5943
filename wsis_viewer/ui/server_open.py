"""Opening a team server's dataset without ever blocking the window.

A server can be slow, far away or down; a connection attempt can take as long as the network's
timeout. So a server given at start-up (`wsis-viewer --db postgresql://…`, or the last database
restored from the settings being a server) is opened off the GUI thread, on the window's
operations layer, like File ▸ Open: the window appears at once, saying in the status bar
which server it is connecting to (and, after 300 ms, the operation's progress), and stays
usable meanwhile. A failure is one line in a message box; the bundled database is shown
instead, and a server stays the last database (unlike a damaged file, a server that is down
today is usually back tomorrow).

Search on a server is also never waited for on the GUI thread: `install_server_search`
re-asks the results list once the published index has arrived (store/server_search.py);
until then the results list is empty and the status bar says the index is being prepared,
and the timeline's highlight is found on the operations layer (which waits for the index
there), so a query typed early gets its answer when the index is ready.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from wsis_viewer import paths
from wsis_viewer.session.loaded_database import LoadedDatabase
from wsis_viewer.store.server_search import BackgroundSearch
from wsis_viewer.store.urls import is_server_url, server_name
from wsis_viewer.ui.settings import normalise_location

if TYPE_CHECKING:
    from wsis_viewer.ui.main_window import MainWindow


def open_server_in_background(window: MainWindow, target: str, *, restore_view: bool,
                              then: Callable[[MainWindow], None] | None = None) -> None:
    """Open the server `target` off the GUI thread and show it; `then(window)` once shown.
    On failure: one line, and the bundled database."""
    name = server_name(target)  # never the password
    window.status_database.setText(
        QCoreApplication.translate("ServerOpen", "Connecting to %1…").replace("%1", name))

    def opened(db: LoadedDatabase) -> None:
        if window._show_opened(db, target, restore_view=restore_view):
            if then is not None:
                then(window)
        else:
            _show_bundled(window)

    def failed(exc: Exception) -> None:
        last = window.settings.last_database()
        _show_bundled(window)
        if last is not None and last == normalise_location(target):
            window.settings.set_last_database(last)  # tried again next time (see the module)
        window.show_error(
            QCoreApplication.translate("ServerOpen", "Cannot open database"),
            str(exc) + "\n\n" + QCoreApplication.translate(
                "ServerOpen", "Showing the bundled database instead."))

    window.operations.run(lambda _report: LoadedDatabase.open(target),
                          label=QCoreApplication.translate("ServerOpen", "Opening %1…").replace(
                              "%1", name),
                          on_done=opened, on_error=failed)


def _show_bundled(window: MainWindow) -> None:
    if window.db is None:
        window.open_database(paths.bundled_database())


def is_server(target: str | None) -> bool:
    return target is not None and is_server_url(target)


class ServerSearchReadiness(QObject):
    """Re-asks the search once a server's published index has arrived (see the module)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.databaseChanged.connect(self._on_database)

    def _on_database(self) -> None:
        db = self.window.db
        search = db.search if db is not None else None
        if not isinstance(search, BackgroundSearch) or search.ready():
            return
        # Waits on a pool thread (never the GUI's), with the operations layer's progress in
        # the status bar after 300 ms; the answer arrives on the GUI thread.
        self.window.operations.run(
            lambda _report: search.wait(), label=self.tr("Preparing the search index…"),
            on_done=lambda _ok: self._ready(db), on_error=lambda _exc: self._ready(db))

    def _ready(self, db: object) -> None:
        window = self.window
        if db is not window.db:
            return  # another database by now
        features = getattr(window, "features", None)
        if features is not None:
            features.results.set_query(window.search.text())


def search_is_pending(window: MainWindow) -> bool:
    """True while the shown database's search index is still on its way (a server's)."""
    search = window.db.search if window.db is not None else None
    return isinstance(search, BackgroundSearch) and not search.ready()
