"""Start-up: fonts, application identity, and which database the first window shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase, QGuiApplication, QRawFont
from PySide6.QtWidgets import QApplication

from wsis_viewer import paths
from wsis_viewer.qt.fonts import register_bundled_fonts
from wsis_viewer.store.database import open_database
from wsis_viewer.ui import app as app_module
from wsis_viewer.ui.settings import ORGANIZATION, ViewerSettings

pytestmark = pytest.mark.gui

BUNDLED_DB = paths.bundled_database()


def _regular_font_file() -> Path:
    files = [p for p in register_bundled_fonts() if "Bold" not in p.name]
    assert files, f"no regular font registered from {paths.fonts_dir()}"
    return files[0]


def test_app_font_falls_back_to_bundled_cjk_family(qapp: QApplication) -> None:
    app_module.configure_app(qapp)
    registered = register_bundled_fonts()
    family = registered[_regular_font_file()][0]
    assert family in QFontDatabase.families()
    families = QGuiApplication.font().families()
    assert families[-1] == family, families
    # The system's UI family stays first, so Latin text keeps the platform look.
    assert len(families) >= 2
    assert qapp.organizationName() == ORGANIZATION


def test_configure_twice_does_not_duplicate_fallbacks(qapp: QApplication) -> None:
    app_module.configure_app(qapp)
    app_module.configure_app(qapp)
    families = QGuiApplication.font().families()
    assert len(families) == len(set(families))


@pytest.mark.parametrize("db_path", [
    pytest.param(BUNDLED_DB, id="bundled"),
    pytest.param(None, id="small"),
])
def test_bundled_font_draws_every_event_title(qapp: QApplication, small_db: Path,
                                              db_path: Path | None) -> None:
    """The shipped font alone (not a system CJK font) has a glyph for every title character."""
    if db_path is not None and not db_path.is_file():
        pytest.skip("db/wsis.sqlite has not been built yet")
    with open_database(db_path or small_db) as store:
        dataset = store.load()
    raw = QRawFont(str(_regular_font_file()), 14)
    assert raw.isValid()
    missing = {
        char
        for event in dataset.events
        for char in event.title.zh + event.title.en
        # The ucs4 overload: supportsCharacter(str) goes through QChar and misreports.
        if not char.isspace() and not raw.supportsCharacter(ord(char))
    }
    assert not missing, f"bundled font lacks {sorted(missing)}"


def test_explicit_bad_database_shows_message_and_falls_back(
        qtbot, qapp: QApplication, isolated_settings, small_db: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, warnings_shown: list[tuple[str, str]]) -> None:
    monkeypatch.setattr(app_module.paths, "bundled_database", lambda: small_db)
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    window = app_module.start_window(str(bad), "en", ViewerSettings(isolated_settings()))
    qtbot.addWidget(window)
    assert len(warnings_shown) == 1
    _title, text = warnings_shown[0]
    assert "not an SQLite database" in text
    assert window.db is not None and Path(window.db.path) == small_db
    assert bad.read_text(encoding="utf-8") == "not a database"


def test_no_argument_reopens_last_database(qtbot, isolated_settings, small_db: Path,
                                           warnings_shown: list[tuple[str, str]]) -> None:
    settings = ViewerSettings(isolated_settings())
    settings.set_last_database(str(small_db))
    window = app_module.start_window(None, "en", settings)
    qtbot.addWidget(window)
    assert window.db is not None and window.db.path == str(small_db)
    assert not warnings_shown


def test_vanished_last_database_falls_back_silently(
        qtbot, isolated_settings, small_db: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, warnings_shown: list[tuple[str, str]]) -> None:
    monkeypatch.setattr(app_module.paths, "bundled_database", lambda: small_db)
    settings = ViewerSettings(isolated_settings())
    settings.set_last_database(str(tmp_path / "moved-away.sqlite"))
    window = app_module.start_window(None, "en", settings)
    qtbot.addWidget(window)
    assert window.db is not None and Path(window.db.path) == small_db
    assert not warnings_shown


def test_run_app_shows_window_and_returns_exit_code(
        qapp: QApplication, isolated_settings, small_db: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []

    def fake_exec() -> int:
        # Instead of blocking in the event loop: look at what the user would see, then quit.
        windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"
                   and w.isVisible()]
        shown.extend(w.windowTitle() for w in windows)
        for w in windows:
            w.close()
        return 0

    monkeypatch.setattr(qapp, "exec", fake_exec)
    assert app_module.run_app(str(small_db), "en", []) == 0
    assert shown == ["small.sqlite — WSIS Timeline Viewer"]


# --- the report's text (--report-text FILE, or the saved choice) --------------------------------

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_82b41a7465f77ec1.txt"
if not SEED.is_file():
    SEED = Path("/work/shared/seed/000_82b41a7465f77ec1.txt")


def test_report_text_from_the_command_line_is_used_not_saved(
        qtbot, isolated_settings, small_db: Path,
        warnings_shown: list[tuple[str, str]]) -> None:
    if not SEED.is_file():
        pytest.skip("the report's text is not beside the repository (../shared/seed/)")
    settings = ViewerSettings(isolated_settings())
    window = app_module.start_window(str(small_db), "en", settings, report_text=str(SEED))
    qtbot.addWidget(window)
    report = window.detail.report_text()
    assert report is not None and report.paragraph("§2.2.6") is not None
    assert settings.report_text_path() is None  # this run only, like --lang
    assert not warnings_shown
    window.detail.show_source("§2.2.6")
    assert "非常会议：对经修订的第1334号决议予以跟进" in window.detail.text()


def test_a_bad_report_text_file_is_one_clear_line(
        qtbot, isolated_settings, small_db: Path, tmp_path: Path,
        warnings_shown: list[tuple[str, str]]) -> None:
    settings = ViewerSettings(isolated_settings())
    missing = tmp_path / "nowhere.txt"
    window = app_module.start_window(str(small_db), "en", settings, report_text=str(missing))
    qtbot.addWidget(window)
    assert window.detail.report_text() is None
    [(_title, text)] = warnings_shown
    assert text == f"Cannot use the report's text: {missing}: no such file"


def test_the_chosen_report_text_is_remembered(
        qtbot, isolated_settings, small_db: Path, tmp_path: Path,
        warnings_shown: list[tuple[str, str]]) -> None:
    if not SEED.is_file():
        pytest.skip("the report's text is not beside the repository (../shared/seed/)")
    settings = ViewerSettings(isolated_settings())
    window = app_module.start_window(str(small_db), "en", settings)
    qtbot.addWidget(window)
    assert window.detail.report_text() is None
    window.detail._choose_file = lambda _parent: str(SEED)
    assert window.detail.choose_report_text()
    assert settings.report_text_path() == str(SEED.resolve())
    again = app_module.start_window(str(small_db), "en", settings)
    qtbot.addWidget(again)
    assert again.detail.report_text() is not None
    # A saved file that has since gone is forgotten quietly.
    settings.set_report_text_path(str(tmp_path / "gone.txt"))
    third = app_module.start_window(str(small_db), "en", settings)
    qtbot.addWidget(third)
    assert third.detail.report_text() is None and settings.report_text_path() is None
    assert not warnings_shown


def test_cli_passes_report_text_to_the_window(monkeypatch: pytest.MonkeyPatch) -> None:
    from wsis_viewer import cli

    seen: dict[str, object] = {}

    def fake_run_app(**kwargs: object) -> int:
        seen.update(kwargs)
        return 0

    monkeypatch.setattr(app_module, "run_app", fake_run_app)
    assert cli.main(["--report-text", "/tmp/report.txt", "--lang", "zh"]) == 0
    assert seen["report_text"] == "/tmp/report.txt" and seen["lang"] == "zh"
    assert "--report-text FILE" in cli.build_parser().format_help()
