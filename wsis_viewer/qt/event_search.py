"""Find a big database's matching events in a thread, so typing never waits for the answer.

The results list asks for 50 hits and answers in milliseconds, but the timeline's highlight
needs *every* matching event: a one- or two-character query can match all of a million, which
takes seconds even in the database's index. On a big database the window asks here; the
search runs on the operations layer's thread pool and the answer arrives on the GUI thread
(`found`), with the ids already mapped to timeline positions in the thread (mapping a million
takes most of a second: session/matches.py); one that takes over 300 ms shows "Searching…" in
the status bar. Queries typed
while one runs are coalesced: only the latest is run next, and the window ignores answers to
queries no longer in the box.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from wsis_viewer.qt.operations import Operations
from wsis_viewer.session.loaded_database import LoadedDatabase
from wsis_viewer.session.matches import find_matches


class EventSearch(QObject):
    """Runs on the window's operations layer (qt/operations.py), one query at a time."""

    # (database, query, SearchMatches or the Exception that stopped the search)
    found = Signal(object, str, object)

    def __init__(self, parent: QObject | None = None, *,
                 operations: Operations | None = None) -> None:
        super().__init__(parent)
        self._operations = operations if operations is not None else Operations(self)
        self._latest: tuple[LoadedDatabase, str] | None = None
        self._running = False

    def find(self, db: LoadedDatabase, query: str) -> None:
        self._latest = (db, query)
        if not self._running:
            self._start()

    def busy(self) -> bool:
        return self._running

    def _start(self) -> None:
        assert self._latest is not None
        db, query = self._latest
        self._latest = None
        self._running = True
        self._operations.run(
            lambda _report: find_matches(db, query), label=self.tr("Searching…"),
            on_done=lambda ids: self._on_done(db, query, ids),
            on_error=lambda exc: self._on_done(db, query, exc))  # a database gone bad

    def _on_done(self, db: object, query: str, result: object) -> None:
        self._running = False
        if self._latest is not None:
            self._start()  # a newer query is waiting; this answer is already stale
            return
        self.found.emit(db, query, result)
