"""Collect Python's cyclic garbage in the GUI thread only.

Background threads read a big database and build the search index. Python's cyclic collector
runs in whichever thread happens to allocate, so it could free Qt wrappers (a closed window's
widgets caught in a reference cycle) from a worker thread, and Qt then crashes (seen here: a
segfault in QApplication::notify while a worker thread was freeing shiboken objects).
pyqtgraph's GarbageCollector switches automatic collection off and collects on a GUI-thread
timer instead.
"""

from __future__ import annotations

from pyqtgraph.util.garbage_collector import GarbageCollector
from PySide6.QtCore import QCoreApplication

_collector: GarbageCollector | None = None


def install(app: QCoreApplication, interval_s: float = 1.0) -> GarbageCollector:
    """Idempotent; call once the QApplication exists, from the GUI thread."""
    global _collector
    if _collector is None:
        _collector = GarbageCollector(interval=interval_s)
        # The timer must outlive nothing but the application: parent it there.
        _collector.timer.setParent(app)
    return _collector
