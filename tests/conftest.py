"""Shared fixtures: offscreen Qt, isolated QSettings, and a small hand-made database.

Kept small on purpose; GUI-specific helpers live next to the GUI tests.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Before any Qt import: no display on CI machines, and no user's platform theme in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from wsis_viewer.domain.model import (
    Bilingual,
    Consideration,
    Dataset,
    Document,
    Event,
    Precision,
    Recommendation,
    Resolution,
    ResolutionStep,
    Session,
    Source,
    SourceType,
)

# The offscreen platform cannot pass size hints to a window system and says so whenever a
# window with size constraints (a dock, a minimum width) is shown. Harmless and offscreen-only;
# every other Qt warning still fails the test (qt_log_level_fail = WARNING).
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def small_dataset() -> Dataset:
    """Five events in four lanes: a two-session meeting, a year-only event, and a resolution."""
    report = Source(SourceType.REPORT, "§2.2.5")
    events = (
        Event(
            id="summit-2005", kind="summit", lane="other",
            title=Bilingual("信息社会世界峰会突尼斯阶段", "WSIS Tunis phase"),
            start=_day("2005-01-01"), end=_day("2005-12-31"), precision=Precision.YEAR,
            sessions=(Session(_day("2005-01-01"), _day("2005-12-31")),),
            sources=(report,)),
        Event(
            id="cwg-21", kind="cwg-wsis-meeting", lane="cwg-wsis", number=21,
            title=Bilingual("理事会WSIS工作组第21次会议", "21st meeting of CWG-WSIS"),
            start=_day("2013-01-30"), end=_day("2013-02-01"), precision=Precision.DAY,
            sessions=(Session(_day("2013-01-30"), _day("2013-02-01"), room="Popov",
                              location="Geneva"),),
            location="Geneva", sources=(report,)),
        Event(
            id="wsis-forum-2013", kind="wsis-forum", lane="wsis-forum",
            title=Bilingual("2013年WSIS论坛", "WSIS Forum 2013"),
            start=_day("2013-05-13"), end=_day("2013-05-17"), precision=Precision.DAY,
            sessions=(Session(_day("2013-05-13"), _day("2013-05-17"), location="Geneva"),),
            sources=(Source(SourceType.EXTERNAL, "ITU press release",
                            "https://www.itu.int/net/pressoffice/press_releases/2013/19.aspx",
                            "WSIS Forum 2013 opens"),)),
        Event(
            id="cwg-22", kind="cwg-wsis-meeting", lane="cwg-wsis", number=22,
            title=Bilingual("理事会WSIS工作组第22次会议", "22nd meeting of CWG-WSIS",
                            en_is_translation=True),
            start=_day("2013-06-06"), end=_day("2013-06-10"), precision=Precision.DAY,
            sessions=(
                Session(_day("2013-06-06"), _day("2013-06-07"), time="09:30", end_time="17:30",
                        room="Room L", location="Geneva", label="Part 1"),
                Session(_day("2013-06-10"), _day("2013-06-10"), time="14:30",
                        room="Room L", location="Geneva", label="Part 2"),
            ),
            location="Geneva",
            description=Bilingual("审议了第1334号决议的修订。", "Reviewed the revision of "
                                  "Resolution 1334."),
            documents=("CWG-WSIS-22/5",), sources=(report,)),
        Event(
            id="council-2013", kind="council-session", lane="council",
            title=Bilingual("2013年理事会会议", "Council 2013"),
            start=_day("2013-06-11"), end=_day("2013-06-20"), precision=Precision.DAY,
            sessions=(Session(_day("2013-06-11"), _day("2013-06-20"), location="Geneva"),),
            documents=("C13/85",), sources=(report,)),
    )
    documents = (
        Document("C13/85", "report", Bilingual("CWG-WSIS活动报告", "Report on CWG-WSIS activities"),
                 event="council-2013"),
        Document("CWG-WSIS-22/5", "meeting-summary",
                 Bilingual("第22次会议总结", "Summary of the 22nd meeting"), event="cwg-22",
                 considered_at=(Consideration("council-2013", "noted"),)),
    )
    resolutions = (
        Resolution("council-1334", "council", "1334",
                   Bilingual("国际电联在WSIS成果落实总体审议中的作用",
                             "ITU's role in the overall review of the implementation of the "
                             "outcomes of the WSIS"),
                   history=(ResolutionStep("modified", 2013, event="council-2013"),)),
    )
    recommendations = (
        Recommendation("rec-1", "R1", Bilingual("建议一", "Recommendation one"), "noted",
                       event="cwg-22"),
    )
    return Dataset(events=events, documents=documents, resolutions=resolutions,
                   recommendations=recommendations)


@pytest.fixture(scope="session")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny WSIS database file built from `small_dataset()` (read-only use only)."""
    from wsis_viewer.store.build import write_database

    path = tmp_path_factory.mktemp("db") / "small.sqlite"
    write_database(small_dataset(), path, built_from="tests/conftest.py")
    return path


@pytest.fixture
def isolated_settings(tmp_path: Path) -> Iterator[Callable[[], object]]:
    """Route every QSettings of the test into tmp_path; yields a factory for the test's store.

    Sets the default format and INI paths so even a bare `QSettings()` (as run_app uses) never
    reads or writes the user's real settings.
    """
    from PySide6.QtCore import QSettings

    folder = tmp_path / "settings"
    folder.mkdir()
    previous = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))

    def make() -> QSettings:
        return QSettings(str(folder / "wsis-viewer.ini"), QSettings.Format.IniFormat)

    yield make
    QSettings.setDefaultFormat(previous)


@pytest.fixture
def warnings_shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Record QMessageBox.warning calls (title, text) instead of blocking on a modal dialog."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def record(_parent: object, title: str, text: str, *_args: object) -> object:
        # The app escapes every message (ui/messages.py); tests read the text as shown.
        if text.startswith("<p>") and text.endswith("</p>"):
            text = html.unescape(text[3:-4].replace("<br>", "\n"))
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(record))
    return shown


# PostgreSQL fixtures (pg_server, pg_db, team_server) for the team-server tests.
from pg_server import pg_db, pg_server, team_server  # noqa: E402, F401


@pytest.fixture(autouse=True)
def _own_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every test gets its own platform data folder: the window's notes workspace (a file in
    that folder) never touches the real user's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
