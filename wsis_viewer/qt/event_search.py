"""Find a big database's matching events in a thread, so typing never waits for the answer.

The results list asks for 50 hits and answers in milliseconds, but the timeline's highlight
needs *every* matching event: a one- or two-character query can match all of a million, which
takes seconds even in the database's index. On a big database the window asks here; the
answer arrives on the GUI thread (`found`). Queries typed while one runs are coalesced: only
the latest is run next, and the window ignores answers to queries no longer in the box.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal

from wsis_viewer.session.loaded_database import LoadedDatabase


class EventSearch(QObject):
    # (database, query, list of event ids or the Exception that stopped the search)
    found = Signal(object, str, object)
    _done = Signal(object, str, object)  # from the worker; queued to the GUI thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest: tuple[LoadedDatabase, str] | None = None
        self._thread: threading.Thread | None = None
        self._done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)

    def find(self, db: LoadedDatabase, query: str) -> None:
        self._latest = (db, query)
        if self._thread is None:
            self._start()

    def busy(self) -> bool:
        return self._thread is not None

    def _start(self) -> None:
        assert self._latest is not None
        db, query = self._latest
        self._latest = None
        self._thread = threading.Thread(target=self._run, args=(db, query),
                                        name="wsis-event-search", daemon=True)
        self._thread.start()

    def _run(self, db: LoadedDatabase, query: str) -> None:
        try:
            result: object = db.find(query)
        except Exception as exc:  # a database gone bad: the window says so
            result = exc
        self._done.emit(db, query, result)

    def _on_done(self, db: object, query: str, result: object) -> None:
        self._thread = None
        if self._latest is not None:
            self._start()  # a newer query is waiting; this answer is already stale
            return
        self.found.emit(db, query, result)
