"""The operations layer: work off the GUI thread, results and errors on it, progress shown
in the status bar only for what takes longer than PROGRESS_DELAY_MS."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QMainWindow

from wsis_viewer.qt.operations import PROGRESS_DELAY_MS, Operations, StatusBarProgress

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot) -> QMainWindow:
    w = QMainWindow()
    qtbot.addWidget(w)
    w.show()
    return w


def test_result_arrives_on_the_gui_thread_and_work_runs_elsewhere(qtbot, window) -> None:
    ops = Operations(window)
    worker: list[int] = []
    delivered: list[tuple[int, bool]] = []

    def work(_report) -> int:
        worker.append(threading.get_ident())
        return 42

    ops.run(work, label="x", on_done=lambda r: delivered.append(
        (r, QThread.currentThread() is QApplication.instance().thread())))
    qtbot.waitUntil(lambda: bool(delivered))
    assert delivered == [(42, True)]
    assert worker and worker[0] != threading.get_ident()
    assert not ops.is_running()


def test_an_exception_goes_to_on_error_not_on_done(qtbot, window) -> None:
    ops = Operations(window)
    errors: list[Exception] = []
    done: list[object] = []

    def work(_report) -> None:
        raise ValueError("the file is damaged")

    ops.run(work, label="x", on_done=done.append, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert str(errors[0]) == "the file is damaged" and not done


def test_slow_work_shows_progress_in_the_status_bar_then_hides_it(qtbot, window) -> None:
    progress = StatusBarProgress(window.statusBar())
    ops = Operations(window, progress=progress)
    release = threading.Event()
    reported = threading.Event()
    done: list[object] = []

    def work(report) -> str:
        report(3, 10)
        reported.set()
        release.wait(10)
        return "ok"

    ops.run(work, label="Reading the records…", on_done=done.append)
    assert reported.wait(5)
    qtbot.wait(PROGRESS_DELAY_MS + 200)
    assert progress.is_shown() and progress.label.text() == "Reading the records…"
    assert (progress.bar.value(), progress.bar.maximum()) == (3, 10)
    release.set()
    qtbot.waitUntil(lambda: bool(done))
    assert not progress.is_shown()


def test_quick_work_never_flashes_progress(qtbot, window) -> None:
    progress = StatusBarProgress(window.statusBar())
    ops = Operations(window, progress=progress)
    done: list[object] = []
    ops.run(lambda _report: 1, label="quick", on_done=done.append)
    qtbot.waitUntil(lambda: bool(done))
    qtbot.wait(PROGRESS_DELAY_MS + 100)
    assert not progress.is_shown()


def test_file_open_reads_the_database_off_the_gui_thread_with_progress(
        qtbot, isolated_settings, small_db, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    from wsis_viewer.session.loaded_database import LoadedDatabase
    from wsis_viewer.ui.main_window import MainWindow
    from wsis_viewer.ui.settings import ViewerSettings

    window = MainWindow(ViewerSettings(isolated_settings()), lang="en")
    qtbot.addWidget(window)
    window.show()
    real_open = LoadedDatabase.open
    threads: list[int] = []
    release = threading.Event()

    def slow_open(target, **options):  # type: ignore[no-untyped-def]
        threads.append(threading.get_ident())
        release.wait(10)  # a big database: the window must stay usable meanwhile
        return real_open(target, **options)

    monkeypatch.setattr(LoadedDatabase, "open", staticmethod(slow_open))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *_a, **_k: (str(small_db), "")))
    window.act_open.trigger()
    qtbot.waitUntil(lambda: bool(threads))
    assert threads[0] != threading.get_ident()
    qtbot.wait(PROGRESS_DELAY_MS + 200)  # the GUI thread keeps running events meanwhile
    label = window.findChild(type(window.status_database), "operationLabel")
    assert label is not None and label.isVisible()
    assert label.text() == "Opening small.sqlite…"
    release.set()
    qtbot.waitUntil(lambda: window.db is not None and window.db.path == str(small_db))
    assert not label.isVisible()
    assert len(window.timeline.index()) == window.db.counts["events"]
