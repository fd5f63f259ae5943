"""Background operations: run work off the GUI thread, report progress, deliver on the GUI thread.

The one way the window does slow work (in the spirit of anki's `aqt/operations`): a function
runs on a worker of a `QThreadPool`; it may report `(done, total)` progress; its result (or the
exception that stopped it) is handed to a callback *on the GUI thread*, through a queued signal,
so no callback ever touches a widget from another thread. Anything still running after
`PROGRESS_DELAY_MS` shows in the status bar (`StatusBarProgress`): a label and a progress bar,
busy while the total is unknown; quick operations never flash it.

    ops = Operations(parent=window, progress=StatusBarProgress(window.statusBar()))
    ops.run(lambda report: read_records(db, report), label=tr("Reading records…"),
            on_done=show_records, on_error=show_problem)

Callers decide whether a late result still applies (e.g. the database it was read from is still
the one shown): operations are not cancelled, their results are only ignored.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

log = logging.getLogger(__name__)

T = TypeVar("T")
ProgressFn = Callable[[int, int], None]  # (done, total); total 0: unknown

PROGRESS_DELAY_MS = 300  # shorter operations show no progress at all


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the call to this thread."""

    finished = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, int, int)


class _Job(QRunnable, Generic[T]):
    def __init__(self, key: int, work: Callable[[ProgressFn], T], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._key = key
        self._work = work
        self._relay = relay  # kept alive by the Operations' table until delivery

    def run(self) -> None:  # on a pool thread
        relay, key = self._relay, self._key

        def report(done: int, total: int) -> None:
            relay.progressed.emit(key, done, total)

        try:
            result: Any = self._work(report)
        except Exception as exc:  # delivered to on_error on the GUI thread
            relay.failed.emit(key, exc)
        else:
            relay.finished.emit(key, result)


class StatusBarProgress:
    """A label and a progress bar at the right of a status bar, for the running operation."""

    def __init__(self, status_bar: QStatusBar) -> None:
        self.label = QLabel(status_bar)
        self.label.setObjectName("operationLabel")
        self.bar = QProgressBar(status_bar)
        self.bar.setObjectName("operationProgress")
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        status_bar.addPermanentWidget(self.label)
        status_bar.addPermanentWidget(self.bar)
        self.hide()

    def show(self, label: str, done: int, total: int) -> None:
        self.label.setText(label)
        self.bar.setAccessibleName(label)
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)  # busy indicator
        self.label.show()
        self.bar.show()

    def hide(self) -> None:
        self.label.hide()
        self.bar.hide()

    def is_shown(self) -> bool:
        return not self.bar.isHidden()


class _Running:
    __slots__ = ("done", "label", "on_done", "on_error", "started", "total")

    def __init__(self, label: str, on_done: Callable[[Any], None],
                 on_error: Callable[[Exception], None] | None) -> None:
        self.label = label
        self.on_done = on_done
        self.on_error = on_error
        self.started = time.monotonic()
        self.done = 0
        self.total = 0


class Operations(QObject):
    """Runs operations on its own thread pool and delivers their results on the GUI thread."""

    def __init__(self, parent: QObject | None = None, *,
                 progress: StatusBarProgress | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._relay.progressed.connect(self._on_progress)
        self._progress = progress
        self._running: dict[int, _Running] = {}
        self._keys = itertools.count(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_progress)

    def run(self, work: Callable[[ProgressFn], T], *, label: str,
            on_done: Callable[[T], None],
            on_error: Callable[[Exception], None] | None = None) -> int:
        """Start `work(report_progress)` off the GUI thread; `on_done(result)` or
        `on_error(exception)` is called later on the GUI thread. Returns the operation's key."""
        key = next(self._keys)
        self._running[key] = _Running(label, on_done, on_error)
        self._pool.start(_Job(key, work, self._relay))
        if self._progress is not None and not self._timer.isActive():
            self._timer.start(PROGRESS_DELAY_MS)
        return key

    def is_running(self) -> bool:
        return bool(self._running)

    def wait(self, timeout_ms: int = -1) -> bool:
        """Wait for the pool's work (tests, closing); results arrive with the next events."""
        return self._pool.waitForDone(timeout_ms)

    # --- on the GUI thread ----------------------------------------------------------------

    def _show_progress(self) -> None:
        if self._progress is None or not self._running:
            return
        op = self._running[min(self._running)]  # the oldest still running
        self._progress.show(op.label, op.done, op.total)

    @Slot(int, int, int)
    def _on_progress(self, key: int, done: int, total: int) -> None:
        op = self._running.get(key)
        if op is None:
            return
        op.done, op.total = done, total
        if self._progress is not None and self._progress.is_shown():
            self._show_progress()

    def _end(self, key: int) -> _Running | None:
        op = self._running.pop(key, None)
        if op is not None:
            log.debug("%s: %.3f s", op.label, time.monotonic() - op.started)
        if self._progress is not None:
            if self._running:
                if self._progress.is_shown():
                    self._show_progress()
            else:
                self._timer.stop()
                self._progress.hide()
        return op

    @Slot(int, object)
    def _on_finished(self, key: int, result: object) -> None:
        op = self._end(key)
        if op is not None:
            op.on_done(result)

    @Slot(int, object)
    def _on_failed(self, key: int, exc: object) -> None:
        op = self._end(key)
        if op is None:
            return
        assert isinstance(exc, Exception)
        if op.on_error is not None:
            op.on_error(exc)
        else:
            log.error("%s failed: %s", op.label, exc)
