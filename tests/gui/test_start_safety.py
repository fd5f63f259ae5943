"""The window can always start, and switches databases completely or not at all."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from wsis_viewer import paths
from wsis_viewer.domain.timeline_index import TimelineIndex, x_to_date
from wsis_viewer.store.database import EventRowTuple, Store
from wsis_viewer.store.problems import DatabaseError
from wsis_viewer.timeline.widget import TimelineWidget
from wsis_viewer.ui import app as app_module
from wsis_viewer.ui.settings import ViewerSettings

pytestmark = pytest.mark.gui


def _start(qtbot, settings: ViewerSettings, db: str | None = None):
    window = app_module.start_window(db, "en", settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.grab()  # the first paint
    return window


def test_failing_last_database_is_reported_once_and_forgotten(
        qtbot, isolated_settings, small_db: Path, tmp_path: Path,
        warnings_shown: list[tuple[str, str]]) -> None:
    last = tmp_path / "last.sqlite"
    shutil.copyfile(small_db, last)
    with sqlite3.connect(last) as con:  # valid file once, now a value the viewer refuses
        con.execute("UPDATE events SET \"end\" = '9999-12-31', precision = 'year'")
    settings = ViewerSettings(isolated_settings())
    settings.set_last_database(str(last))
    settings.add_recent_file(str(last))
    window = _start(qtbot, settings)
    assert window.db is not None and Path(window.db.path) == paths.bundled_database()
    assert len(warnings_shown) == 1 and "last.sqlite" in warnings_shown[0][1]
    assert settings.last_database() != str(last.resolve())
    assert str(last.resolve()) not in settings.recent_files()
    window.close()
    second = _start(qtbot, ViewerSettings(isolated_settings()))
    assert len(warnings_shown) == 1  # not again
    second.close()


@pytest.mark.parametrize("x0, x1", [("-inf", "inf"), ("nan", "1"), ("0", "1e300"),
                                    ("1e18", "2e18"), ("x", "y")])
def test_broken_saved_view_is_ignored(qtbot, isolated_settings, x0: str, x1: str) -> None:
    store = isolated_settings()
    store.setValue("view/x0", x0)
    store.setValue("view/x1", x1)
    store.setValue("view/year_from", "-99999999")
    store.setValue("view/year_to", "99999999")
    settings = ViewerSettings(store)
    settings.set_last_database(str(paths.bundled_database()))
    window = _start(qtbot, settings)
    a, b = window.timeline.view_range()
    assert x_to_date(a).year >= 1900 and x_to_date(b).year <= 2100
    assert store.value("view/x0") is None and store.value("view/year_from") is None
    window.close()


def test_open_that_fails_while_switching_keeps_the_old_database(
        qtbot, isolated_settings, small_db: Path, monkeypatch: pytest.MonkeyPatch,
        warnings_shown: list[tuple[str, str]]) -> None:
    window = _start(qtbot, ViewerSettings(isolated_settings()), str(paths.bundled_database()))
    before = (window.db, window.windowTitle(), window.timeline.index(),
              window.status_database.text(), len(window.relations.events))

    def damaged(self: Store, only: object = None) -> object:
        raise DatabaseError(f"{self.label}: the file is damaged (database disk image is "
                            "malformed)")

    monkeypatch.setattr(Store, "load", damaged)
    assert not window.open_database(small_db)
    assert (window.db, window.windowTitle(), window.timeline.index(),
            window.status_database.text(), len(window.relations.events)) == before
    assert len(warnings_shown) == 1 and "damaged" in warnings_shown[0][1]
    window.close()


def test_file_name_and_search_text_are_plain_text(qtbot, isolated_settings, small_db: Path,
                                                  tmp_path: Path) -> None:
    hostile = tmp_path / "<font color=red size=7>BIG<img src=x>.sqlite"
    shutil.copyfile(small_db, hostile)
    window = _start(qtbot, ViewerSettings(isolated_settings()), str(hostile))
    assert window.status_database.text() == hostile.name
    assert window.status_database.textFormat() == Qt.TextFormat.PlainText
    window.search.edit.setText("<b>x</b>")
    for label in (window.status_matches, window.search.count_label):
        assert label.textFormat() == Qt.TextFormat.PlainText
    window.close()


@pytest.mark.parametrize("start, end", [("0001-01-01", "9999-12-31"), ("2013-01-01", "9999-12-31"),
                                        ("0001-01-01", "2013-01-01")])
def test_timeline_paints_dates_at_the_ends_of_the_calendar(qtbot, start: str, end: str) -> None:
    """The window's first paint once segfaulted here (OverflowError inside paint)."""
    rows = [EventRowTuple("a", "council", "x", start, end, "year", "T", "T")]
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(800, 400)
    widget.set_data(TimelineIndex.from_rows(rows), {})
    widget.show()
    qtbot.waitExposed(widget)
    assert not widget.grab().isNull()
    widget.fit_all()
    widget.zoom(0.01)
    widget.grab()


def test_x_to_date_never_raises() -> None:
    for x in (float("inf"), float("-inf"), float("nan"), 1e300, -1e300):
        assert isinstance(x_to_date(x), type(x_to_date(0.0)))
