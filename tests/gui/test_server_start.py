"""A team server never blocks the window (issues 15 and 16): opened at start-up off the GUI
thread, and searched without waiting for its index on the GUI thread.

The first tests need no PostgreSQL: a fake server (a Unix socket that answers nothing for a
while, then hangs up) is what a slow or unreachable server looks like to libpq.
"""

from __future__ import annotations

import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_server import with_database
from sqlalchemy.engine import make_url

from wsis_viewer import paths
from wsis_viewer.store import server_search
from wsis_viewer.store.server_dataset import publish_database_file
from wsis_viewer.ui import app as app_module
from wsis_viewer.ui.settings import ViewerSettings, normalise_location

pytestmark = pytest.mark.gui

SILENT_S = 3.0  # how long the fake server keeps a connection without a word


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A postgresql:// URL whose server accepts, says nothing for SILENT_S, then hangs up."""
    folder = Path(tempfile.mkdtemp(prefix="wsis-fake-pg-", dir="/tmp"))  # short socket path
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(folder / ".s.PGSQL.5432"))
    listener.listen(8)
    listener.settimeout(0.1)
    stop = threading.Event()
    held: list[tuple[float, socket.socket]] = []

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
                held.append((time.monotonic(), conn))
            except OSError:
                pass
            for at, conn in list(held):
                if time.monotonic() - at > SILENT_S:
                    conn.close()
                    held.remove((at, conn))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"postgresql://analyst@/team?host={folder}&port=5432"
    finally:
        stop.set()
        thread.join()
        for _, conn in held:
            conn.close()
        listener.close()
        shutil.rmtree(folder, ignore_errors=True)


def _shown(qtbot, window) -> None:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.grab()  # the first paint


@pytest.mark.parametrize("how", ["argument", "last database"])
def test_a_slow_server_at_start_up_never_blocks_the_window(
        qtbot, isolated_settings, silent_server: str, how: str,
        warnings_shown: list[tuple[str, str]]) -> None:
    settings = ViewerSettings(isolated_settings())
    if how == "last database":
        settings.set_last_database(silent_server)
    t = time.monotonic()
    window = app_module.start_window(silent_server if how == "argument" else None, "en",
                                     settings)
    _shown(qtbot, window)
    # Up at once (a synchronous open waits SILENT_S per connection attempt), saying what it
    # is waiting for, and usable: the menus and the event loop answer.
    assert time.monotonic() - t < SILENT_S / 2
    assert window.db is None
    assert "Connecting to team" in window.status_database.text()
    assert window.operations.is_running()
    qtbot.wait(400)  # past the operations layer's 300 ms: its progress shows
    assert window.findChild(object, "operationLabel").text() == "Opening team…"
    assert not window.findChild(object, "operationLabel").isHidden()
    window.act_show_overview.trigger()
    window.act_show_overview.trigger()
    # The failure: one clear line, the bundled database instead, the server kept for next time.
    qtbot.waitUntil(lambda: bool(warnings_shown), timeout=4 * SILENT_S * 1000)
    assert len(warnings_shown) == 1
    title, text = warnings_shown[0]
    assert title == "Cannot open database"
    assert text.splitlines()[0].startswith("postgresql://analyst@/team")
    assert "Showing the bundled database instead." in text
    assert window.db is not None and Path(window.db.path) == paths.bundled_database()
    assert window.isVisible() and window.timeline.isEnabled()
    if how == "last database":
        assert settings.last_database() == normalise_location(silent_server)
    window.close()


@pytest.mark.server
def test_a_server_opens_in_the_background_and_searches_when_its_index_arrives(
        qtbot, isolated_settings, team_server: str, small_db: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    publish_database_file(small_db, with_database(team_server, str(
        make_url(team_server).database), user="carol"))
    reader = with_database(team_server, str(make_url(team_server).database), user="alice")
    # Hold the published index back until released: a slow network.
    release = threading.Event()
    real_read = server_search.read_search_image

    def slow_read(engine, label):
        release.wait(30)
        return real_read(engine, label)

    monkeypatch.setattr(server_search, "read_search_image", slow_read)
    window = app_module.start_window(reader, "en", ViewerSettings(isolated_settings()))
    _shown(qtbot, window)
    qtbot.waitUntil(lambda: window.db is not None, timeout=20_000)
    assert window.db.timeline_source == "cache"
    assert window.db.counts["events"] == len(window.db.index) > 0
    # A search typed before the index is there: typing returns at once, nothing waits.
    t = time.monotonic()
    qtbot.keyClicks(window.search.edit, "Geneva")
    assert time.monotonic() - t < 2.0
    assert not window.db.search.ready()
    assert window.features.results.hits() == []
    assert window.statusBar().currentMessage() == "Preparing the search index…"
    release.set()
    # … and its answers come when the index does: the results list and the highlight.
    qtbot.waitUntil(lambda: bool(window.features.results.hits()), timeout=20_000)
    qtbot.waitUntil(lambda: bool(window.matches()), timeout=20_000)
    expected = window.db.search.event_ids("Geneva")
    assert window.matches() == expected
    assert window.statusBar().currentMessage() == ""
    # The notes' live connection is up before the window closes (else it outlives the test).
    from wsis_viewer.ui.workspace_ui import WorkspaceController

    c = window.findChild(WorkspaceController, "workspaceController")
    qtbot.waitUntil(lambda: c.workspace is not None and c._listener is not None
                    and c._listener.connected, timeout=5000)
    window.close()
    window.db.close()  # the server connection it reads records through (kept while shown)


@pytest.mark.server
def test_a_record_link_on_a_server_is_followed_once_the_data_is_in(
        qtbot, isolated_settings, team_server: str, small_db: Path) -> None:
    from wsis_viewer.domain.model import RecordType
    from wsis_viewer.domain.relations import RecordRef

    database = str(make_url(team_server).database)
    publish_database_file(small_db, with_database(team_server, database, user="carol"))
    ref = RecordRef(RecordType.EVENT, "cwg-22")
    window = app_module.start_window(with_database(team_server, database, user="bob"), "en",
                                     ViewerSettings(isolated_settings()), select=ref)
    _shown(qtbot, window)
    assert window.current is None  # not yet: the data is on its way
    qtbot.waitUntil(lambda: window.current == ref, timeout=20_000)
    assert window.timeline.selected() == "cwg-22"
    from wsis_viewer.ui.workspace_ui import WorkspaceController

    c = window.findChild(WorkspaceController, "workspaceController")
    qtbot.waitUntil(lambda: c.workspace is not None and c._listener is not None
                    and c._listener.connected, timeout=5000)
    window.close()
    window.db.close()  # the server connection it reads records through (kept while shown)
