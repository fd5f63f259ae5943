"""Read a big database's records in a thread, and hand them to the GUI thread when done.

The timeline needs only the columnar index (read in under a second at 100,000 events); the
panels and lists need every record as an object, which takes seconds there. The window stays
usable meanwhile and fills the panels when `finished` arrives.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from wsis_viewer.domain.relations import Relations
from wsis_viewer.session.loaded_database import LoadedDatabase


class DatasetLoader(QObject):
    # (database, Relations or the Exception that stopped the read). Emitted from the worker
    # thread; Qt queues it to the receiver's (GUI) thread.
    finished = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threads: list[threading.Thread] = []

    def load(self, db: LoadedDatabase) -> None:
        thread = threading.Thread(target=self._run, args=(db,), name="wsis-dataset",
                                  daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    def _run(self, db: LoadedDatabase) -> None:
        try:
            result: object = Relations(db.dataset)
        except Exception as exc:  # reported in the panel; the timeline keeps working
            result = exc
        self.finished.emit(db, result)

    def wait(self, timeout: float | None = None) -> None:
        """Join the running reads (tests, and closing the window)."""
        for thread in self._threads:
            thread.join(timeout)
