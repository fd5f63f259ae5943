"""Two interface languages, switched at run time; the choice remembered; pseudo-localisation.

Every test leaves English installed again (the `english_afterwards` fixture), because the
translators are application-wide and the other tests read English texts.
"""

from __future__ import annotations

import datetime as dt
import os
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from wsis_viewer import paths
from wsis_viewer.domain.model import RecordType
from wsis_viewer.domain.relations import RecordRef
from wsis_viewer.domain.timeline_index import date_to_x
from wsis_viewer.qt import i18n
from wsis_viewer.ui import app as app_module
from wsis_viewer.ui.main_window import MainWindow
from wsis_viewer.ui.settings import ViewerSettings

pytestmark = pytest.mark.gui

BUNDLED_DB = paths.bundled_database()
DOC_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
MAY_30 = dt.date(2013, 5, 30)
ENGLISH_MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                  "Dec"}


@pytest.fixture(autouse=True)
def english_afterwards(qapp: QApplication) -> Iterator[None]:
    yield
    i18n.set_app_language("en")
    QApplication.processEvents()


@pytest.fixture
def make_window(qtbot, isolated_settings) -> Callable[..., MainWindow]:
    def make(lang: str = "en", db: Path | None = BUNDLED_DB) -> MainWindow:
        window = MainWindow(ViewerSettings(isolated_settings()), lang=lang)
        qtbot.addWidget(window)
        window.resize(1600, 1000)
        window.show()
        qtbot.waitExposed(window)
        if db is not None:
            assert window.open_database(db)
        return window

    return make


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def axis_labels(window: MainWindow) -> list[str]:
    """The labels the time axis would draw now (it computes them while painting)."""
    axis = window.timeline._time_axis
    x0, x1 = window.timeline.view_range()
    axis.tickValues(x0, x1, float(axis.width() or 1200))
    return [text for text in axis._labels.values() if text]


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def assert_english(window: MainWindow) -> None:
    assert menu_titles(window) == ["&File", "&Edit", "&View", "&Go", "&Help"]
    assert window.act_open.text() == "&Open…"
    assert window.act_zoom_in.toolTip().startswith("Zoom In (")
    assert window.lanes_menu.title() == "&Lanes"
    assert window.lane_toggles.action("council").text() == "Council"
    assert window.lane_toggles.show_all.text() == "Show All Lanes"
    assert window.timeline._settings.lane_labels["cwg-wsis"] == "CWG-WSIS"
    assert window.detail_dock.windowTitle() == "Details"
    assert window.search.edit.placeholderText() == "Search titles, symbols, resolutions…"
    assert window.years.label.text() == "Years"
    assert "events" in window.status_counts.text()
    assert window.timeline._settings.formatter(MAY_30, "day_month_year") == "30 May 2013"
    assert window.timeline._settings.title_lang == "en"
    assert window.resolutions.proxy.headerData(0, Qt.Orientation.Horizontal) == "Number"
    assert window.act_language["en"].isChecked()


def assert_chinese(window: MainWindow) -> None:
    assert menu_titles(window) == ["文件(&F)", "编辑(&E)", "视图(&V)", "转到(&G)", "帮助(&H)"]
    assert window.act_open.text() == "打开(&O)…"
    assert window.act_zoom_in.toolTip().startswith("放大 (+")
    assert window.lanes_menu.title() == "泳道(&L)"
    assert window.lane_toggles.action("council").text() == "理事会"
    assert window.lane_toggles.show_all.text() == "显示全部泳道"
    assert window.timeline._settings.lane_labels["cwg-wsis"] == "理事会WSIS工作组"
    assert window.detail_dock.windowTitle() == "详情"
    assert window.search.edit.placeholderText() == "搜索标题、文号、决议…"
    assert window.years.label.text() == "年份"
    assert "项活动" in window.status_counts.text()
    assert window.timeline._settings.formatter(MAY_30, "day_month_year") == "2013年5月30日"
    assert window.timeline._settings.title_lang == "zh"
    assert window.resolutions.proxy.headerData(0, Qt.Orientation.Horizontal) == "编号"
    assert window.act_language["zh"].isChecked()


def test_switch_language_at_runtime(make_window) -> None:
    window = make_window("en")
    window.navigate_to(RecordRef(RecordType.RESOLUTION, "res-c1334"))
    window.search.set_text("WSIS+10")
    settle()
    assert_english(window)
    assert "History" in window.detail.text()
    assert window.search.count_label.text().endswith("matches")
    english = axis_labels(window)
    assert english and all(label.isdigit() or label[:3] in ENGLISH_MONTHS for label in english)

    window.act_language["zh"].trigger()  # View > Language > 中文
    settle()
    assert_chinese(window)
    # The open record follows: Chinese title, Chinese headings and dates.
    text = window.detail.text()
    assert "沿革" in text and "History" not in text and "理事会决议 1334" in text
    assert window.search.count_label.text().endswith("个匹配项")
    assert window.recommendations.status.itemText(0) == "所有状态"
    assert window.windowTitle().endswith("WSIS时间线查看器")
    labels = axis_labels(window)
    assert labels and all("年" in label or "月" in label for label in labels), labels
    window.timeline.set_view_range(date_to_x(dt.date(2013, 5, 25)),
                                   date_to_x(dt.date(2013, 6, 24)))
    assert any(label.endswith("月1日") or label.endswith("日") for label in axis_labels(window))

    window.act_language["en"].trigger()
    settle()
    assert_english(window)
    assert "History" in window.detail.text()


def test_language_is_remembered_after_a_restart(qtbot, isolated_settings) -> None:
    settings = ViewerSettings(isolated_settings())
    first = app_module.start_window(str(BUNDLED_DB), "en", settings)
    qtbot.addWidget(first)
    first.choose_language("zh")
    first.close()
    assert ViewerSettings(isolated_settings()).language() == "zh"

    i18n.set_app_language("en")  # as a new process would start
    second = app_module.start_window(None, None, ViewerSettings(isolated_settings()))
    qtbot.addWidget(second)
    settle()
    assert second.ui_lang == "zh"
    assert_chinese(second)


def test_command_line_language_overrides_the_saved_one(qtbot, isolated_settings) -> None:
    settings = ViewerSettings(isolated_settings())
    settings.set_language("zh")
    window = app_module.start_window(str(BUNDLED_DB), "en", settings)
    qtbot.addWidget(window)
    settle()
    assert_english(window)
    assert settings.language() == "zh"  # --lang is for this run only


def test_first_start_follows_the_system_locale(qtbot, isolated_settings,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "system_language", lambda: "zh")
    monkeypatch.delenv(i18n.PSEUDO_ENV, raising=False)
    settings = ViewerSettings(isolated_settings())
    assert app_module.start_language(None, settings) == "zh"
    settings.set_language("en")
    assert app_module.start_language(None, settings) == "en"
    monkeypatch.setenv(i18n.PSEUDO_ENV, "1")
    assert app_module.start_language(None, settings) == i18n.PSEUDO
    assert app_module.start_language("zh", settings) == "zh"


def test_record_missing_the_language_is_marked(make_window) -> None:
    from wsis_viewer.domain.model import Bilingual, Dataset
    from wsis_viewer.domain.relations import Relations
    from wsis_viewer.panels.record_html import RecordPage
    from wsis_viewer.ui.detail_view import _translate

    make_window("zh", db=None)
    page = RecordPage(Relations(Dataset()), "zh", _translate)
    assert page.text(Bilingual("", "Only English")).endswith("[仅有英文]</span>")
    i18n.set_app_language("en")
    page = RecordPage(Relations(Dataset()), "en", _translate)
    assert page.text(Bilingual("只有中文", "")).endswith("[only in 中文]</span>")


def test_exports_follow_their_language(tmp_path: Path) -> None:
    """screenshot --lang installs its translators only while it draws."""
    from wsis_viewer.report.export import export_view
    from wsis_viewer.report.view_spec import ViewSpec
    from wsis_viewer.session.loaded_database import LoadedDatabase

    db = LoadedDatabase.open(BUNDLED_DB)
    out = tmp_path / "zh.svg"
    export_view(db, ViewSpec(lang="zh", width=900, height=500,
                             caption_date=dt.date(2024, 1, 1)), out, "svg")
    root = ET.parse(out).getroot()
    texts = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "数据库" in texts and "多日会议" in texts and "工作组" in texts
    assert i18n.current_language() == "en"  # restored afterwards


def test_pseudo_localisation(make_window) -> None:
    window = make_window(i18n.PSEUDO)
    window.navigate_to(RecordRef(RecordType.RESOLUTION, "res-c1334"))
    settle()
    # Every action the window names: pseudo text, except the languages' own names (endonyms)
    # and the recent files (file names).
    skipped = set(window.act_language.values())
    recent = set(window.recent_menu.actions())
    texts = [a.text() for a in window.findChildren(QAction)
             if a.text() and a not in skipped and a not in recent and not a.isSeparator()]
    assert len(texts) > 40
    plain = [t for t in texts if not t.startswith("[!! ")]
    assert not plain, plain
    assert all(m.title().startswith("[!! ") for m in window.findChildren(QMenu) if m.title())
    assert window.detail.text().count("[!! ") > 3  # headings of the record page
    assert window.search.edit.placeholderText().startswith("[!! ")
    assert window.lang == "en"  # records show their English text
    image = window.grab()
    assert not image.isNull() and image.width() >= 1600
    if os.environ.get("WSIS_DOC_SCREENSHOTS") == "1":
        image.save(str(DOC_IMG / "i18n-pseudo.png"))


def test_pseudo_localise_keeps_placeholders() -> None:
    text = i18n.pseudo_localise("Cannot write %1: %2 &Open <b>x</b> (*.png) %n")
    assert text.startswith("[!! ") and text.endswith(" !!]")
    for kept in ("%1", "%2", "&O", "<b>", "</b>", "*.png", "%n"):
        assert kept in text
    assert "Çáññöt" in text or "Çáññöt".lower() in text.lower()
    assert all(ord(c) < 0x100 for c in text if c != "·")  # Latin-1: the bundled font has it
    source = "Search titles, symbols, resolutions…"
    assert len(i18n.pseudo_localise(source)) >= 1.3 * len(source)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_window_screenshots(make_window, lang: str) -> None:
    """Both languages render; WSIS_DOC_SCREENSHOTS=1 saves them as docs/img/i18n-*.png."""
    window = make_window(lang)
    window.navigate_to(RecordRef(RecordType.RESOLUTION, "res-c1334"))
    settle()
    image = window.grab()
    assert not image.isNull()
    if os.environ.get("WSIS_DOC_SCREENSHOTS") == "1":
        image.save(str(DOC_IMG / f"i18n-{lang}.png"))
