"""Opening a team server's dataset without ever blocking the window.

A server can be slow, far away or down; a connection attempt can take as long as the network's
timeout. So a server given at start-up (`wsis-viewer --db postgresql://…`, or the last database
restored from the settings being a server) is opened off the GUI thread, on the window's
operations layer, like File ▸ Open: the window appears at once, saying in the status bar
which server it is connecting to (and, after 300 ms, the operation's progress), and stays
usable meanwhile. A failure is one line in a message box; the bundled database is shown
instead, and a server stays the last database (unlike a damaged file, a server that is down
today is usually back tomorrow).

Search on a server is never waited for, on any thread of the window: until the version's
published index has arrived (store/server_search.py) the results list is empty, the timeline's
highlight is not asked for and the status bar says the index is being prepared;
`ServerSearchReadiness` then asks both again, so a query typed early gets its answer when the
index is ready.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

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
        if not window._show_opened(db, target, restore_view=restore_view):
            _show_bundled(window)
        if then is not None:  # a link asked for: on whichever database is shown, as before
            then(window)

    def failed(exc: Exception) -> None:
        last = window.settings.last_database()
        _show_bundled(window)
        if last is not None and last == normalise_location(target):
            window.settings.set_last_database(last)  # tried again next time (see the module)
        window.show_error(
            QCoreApplication.translate("ServerOpen", "Cannot open database"),
            str(exc) + "\n\n" + QCoreApplication.translate(
                "ServerOpen", "Showing the bundled database instead."))
        if then is not None:
            then(window)

    from wsis_viewer.ui.main_window import open_for_window  # (main_window imports us)

    window.operations.run(lambda _report: open_for_window(target),
                          label=QCoreApplication.translate("ServerOpen", "Opening %1…").replace(
                              "%1", name),
                          on_done=opened, on_error=failed)


def _show_bundled(window: MainWindow) -> None:
    if window.db is None:
        window.open_database(paths.bundled_database())


def is_server(target: str | None) -> bool:
    return target is not None and is_server_url(target)


class ServerSearchReadiness(QObject):
    """Asks the search again once a server's published index has arrived (see the module).

    The index's own thread says when (BackgroundSearch.when_ready); a queued signal brings that
    to the GUI thread. Nothing waits on the operations layer's threads meanwhile, so opening
    another database or reading records is never queued behind a download."""

    arrived = Signal(object)  # the LoadedDatabase whose index is in (emitted on its thread)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.arrived.connect(self._ready, Qt.ConnectionType.QueuedConnection)
        window.databaseChanged.connect(self._on_database)

    def _on_database(self) -> None:
        db = self.window.db
        search = db.search if db is not None else None
        if not isinstance(search, BackgroundSearch) or search.ready():
            return
        self.window.statusBar().showMessage(self.tr("Preparing the search index…"))

        def announce() -> None:  # on the index's thread
            with contextlib.suppress(RuntimeError):  # the window is gone
                self.arrived.emit(db)

        search.when_ready(announce)

    def _ready(self, db: object) -> None:
        window = self.window
        if db is not window.db:
            return  # another database by now
        window.statusBar().clearMessage()
        features = getattr(window, "features", None)
        if features is not None:
            features.results.set_query(window.search.text())
        window._find(window.state.search)  # the highlight of what was typed meanwhile


def search_is_pending(window: MainWindow) -> bool:
    """True while the shown database's search index is still on its way (a server's)."""
    search = window.db.search if window.db is not None else None
    return isinstance(search, BackgroundSearch) and not search.ready()
