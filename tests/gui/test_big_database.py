"""A database far bigger than ours opens at once; its records arrive in the background."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.synthetic import generate
from wsis_viewer.domain.model import RecordType as T
from wsis_viewer.domain.relations import RecordRef
from wsis_viewer.ui.main_window import SYNC_DATASET_LIMIT, MainWindow
from wsis_viewer.ui.settings import ViewerSettings

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.sqlite"
    generate(path, SYNC_DATASET_LIMIT + 5_000)
    return path


def test_big_database_reads_records_in_background(qtbot, isolated_settings,
                                                  big_db: Path) -> None:
    window = MainWindow(ViewerSettings(isolated_settings()), lang="en")
    qtbot.addWidget(window)
    window.show()
    assert window.open_database(big_db)
    # Usable at once: the timeline has every event, the status bar counts them by SQL.
    assert len(window.timeline.index()) == SYNC_DATASET_LIMIT + 5_000
    assert "25,000" in window.status_counts.text() or "25000" in window.status_counts.text()
    window.timeline.select_adjacent_in_time(1)
    first = window.timeline.selected()
    assert first
    # The panel and the lists fill in when the background read finishes.
    qtbot.waitUntil(lambda: window.relations.exists(RecordRef(T.EVENT, first)), timeout=60_000)
    qtbot.waitUntil(lambda: window.detail.current() == RecordRef(T.EVENT, first))
    assert window.recommendations.proxy.rowCount() > 0


def test_garbage_is_collected_only_in_the_gui_thread(qtbot, isolated_settings) -> None:
    """Automatic collection would run in the reading threads and free Qt objects there."""
    import gc

    window = MainWindow(ViewerSettings(isolated_settings()), lang="en")
    qtbot.addWidget(window)
    assert not gc.isenabled()


def test_big_database_finds_events_in_background(qtbot, isolated_settings,
                                                 big_db: Path) -> None:
    """Typing never waits for every matching event of a big database; the latest query's
    answer is the one shown, earlier ones are dropped."""
    window = MainWindow(ViewerSettings(isolated_settings()), lang="en")
    qtbot.addWidget(window)
    window.show()
    assert window.open_database(big_db)
    db = window.db
    assert db is not None
    expected = db.find("meeting 12")
    assert expected
    window.search.set_text("m")  # matches nearly everything
    window.search.set_text("meeting 12")
    qtbot.waitUntil(lambda: not window._event_search.busy() and window.matches() == expected,
                    timeout=60_000)
    assert window.search.count_label.text().replace(",", "") == f"{len(expected)} matches"
    window.search.set_text("")
    assert window.matches() == []  # clearing is immediate


def test_records_are_read_around_selections_never_the_whole_database(
        qtbot, isolated_settings, big_db: Path) -> None:
    """Opening, selecting and reading panels read records by key; only the Events table,
    which lists every event, reads the whole database, when it is first shown."""
    window = MainWindow(ViewerSettings(isolated_settings()), lang="en")
    qtbot.addWidget(window)
    window.show()
    assert window.open_database(big_db)
    db = window.db
    assert db is not None
    qtbot.waitUntil(lambda: not window._records_pending, timeout=60_000)
    for _ in range(3):
        window.timeline.select_adjacent_in_time(1)
        chosen = window.timeline.selected()
        qtbot.waitUntil(lambda c=chosen: window.detail.current() == RecordRef(T.EVENT, c),
                        timeout=30_000)
    assert "Dates" in window.detail.browser.toPlainText()  # the panel shows the event
    assert not db.dataset_read
    table = window.features.show_table("events")
    qtbot.waitUntil(lambda: table.model.rowCount() == SYNC_DATASET_LIMIT + 5_000,
                    timeout=120_000)
    assert db.dataset_read


def test_a_big_database_with_a_bad_value_is_refused_after_its_first_frame(
        qtbot, isolated_settings, big_db: Path, tmp_path: Path,
        warnings_shown: list[tuple[str, str]]) -> None:
    """A big file is drawn from its (checked) timeline cache at once and its values checked
    in the background; a bad one is then refused as opening would: one line naming table,
    record and column, and the database shown before is back."""
    import shutil
    import sqlite3

    from wsis_viewer import paths

    bad = tmp_path / "bad.sqlite"
    shutil.copyfile(big_db, bad)
    con = sqlite3.connect(bad)
    with con:
        con.execute("UPDATE events SET precision = 'century' WHERE id = (SELECT max(id) "
                    "FROM events)")
    con.close()
    settings = ViewerSettings(isolated_settings())
    window = MainWindow(settings, lang="en")
    qtbot.addWidget(window)
    window.show()
    assert window.open_database(paths.bundled_database())
    bundled = window.db
    assert window.open_database(bad)  # shown from its cache; its values are being checked
    assert window.db is not bundled
    qtbot.waitUntil(lambda: window.db is bundled, timeout=120_000)
    assert len(warnings_shown) == 1
    line = warnings_shown[0][1]
    assert "events" in line and "precision" in line and "century" in line
    assert "\n" not in line.strip()
    assert settings.last_database() != str(bad)
    assert str(bad) not in settings.recent_files()
