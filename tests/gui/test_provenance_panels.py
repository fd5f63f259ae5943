"""The detail panel as a user meets provenance: clicking "§" links opens the Source page (with
and without the report's text), inferred links are marked with their reason on hover, and only
http(s) addresses ever leave the application."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QUrl
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from wsis_viewer import paths
from wsis_viewer.domain.model import RecordType
from wsis_viewer.domain.relations import RecordRef, Relations
from wsis_viewer.domain.report_text import load_report_text
from wsis_viewer.panels.record_html import INFERRED_ON_LIGHT
from wsis_viewer.qt.i18n import set_app_language
from wsis_viewer.store.database import open_database
from wsis_viewer.ui.detail_view import DetailView

REPO = Path(__file__).resolve().parents[2]
SEED = "000_82b41a7465f77ec1.txt"


def seed_path() -> Path:
    for p in (REPO.parent / "shared" / "seed" / SEED, Path("/work/shared/seed") / SEED):
        if p.is_file():
            return p
    pytest.skip(f"the report's text ({SEED}) is not beside the repository (../shared/seed/)")


@pytest.fixture(scope="module")
def rel() -> Relations:
    with open_database(paths.bundled_database()) as store:
        return Relations(store.load())


@pytest.fixture
def view(qtbot, rel: Relations) -> tuple[DetailView, list[str]]:
    set_app_language("en")  # whatever an earlier test installed
    opened: list[str] = []
    v = DetailView(open_url=lambda url: opened.append(url.toString()))
    qtbot.addWidget(v)
    v.resize(700, 900)
    v.set_dataset(rel.ds, rel)
    v.show()
    qtbot.waitExposed(v)
    return v, opened


def anchor_point(view: DetailView, href: str) -> QPoint:
    """Where on screen the link to `href` is drawn (its first character), scrolled into view."""
    doc = view.browser.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.isValid() and frag.charFormat().anchorHref() == href:
                cursor = QTextCursor(doc)
                cursor.setPosition(frag.position() + max(0, frag.length() // 2))
                view.browser.setTextCursor(cursor)
                view.browser.ensureCursorVisible()
                return view.browser.cursorRect(cursor).center()
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href} on the page")


def click_link(qtbot, view: DetailView, href: str) -> None:
    point = anchor_point(view, href)
    qtbot.mouseClick(view.browser.viewport(), Qt.MouseButton.LeftButton, pos=point)


def fragments_with_tooltip(view: DetailView, needle: str) -> list[tuple[str, str]]:
    """(text, tooltip) of every text fragment whose tooltip contains `needle`."""
    out = []
    block = view.browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.isValid() and needle in frag.charFormat().toolTip():
                out.append((frag.text(), frag.charFormat().toolTip()))
            it += 1
        block = block.next()
    return out


def test_inferred_link_is_marked_with_its_reason(view) -> None:
    v, _ = view
    v.show_record(RecordRef(RecordType.DOCUMENT, "C11/33"))
    text = v.text()
    assert "Produced at\t19th meeting of CWG-WSIS [inferred §2.3.1]" in text.replace(
        "\n", "\t") or "[inferred §2.3.1]" in text
    tips = fragments_with_tooltip(v, "The report names no producing meeting")
    assert any("inferred" in t for t, _ in tips), tips  # the marker carries the reason
    assert any("19th meeting" in t for t, _ in tips), tips  # and so does the link itself
    # Drawn differently from a stated link: italic, in the inferred colour.
    fmt = next(
        frag.charFormat()
        for block in _blocks(v) for frag in _fragments(block)
        if frag.text() == "19th meeting of CWG-WSIS")
    assert fmt.fontItalic()
    # The considered-at link is stated: its hover text is the report's words.
    assert fragments_with_tooltip(v, "理事会2011年会议注意到CWG-WSIS的报告（C11/33号文件）")


# Showing a tooltip raises its window, which the offscreen platform reports it cannot do.
@pytest.mark.qt_log_ignore(r"This plugin does not support (raise|propagateSizeHints)\(\)")
def test_hovering_an_inferred_link_shows_why(qtbot, view) -> None:
    v, _ = view
    v.show_record(RecordRef(RecordType.DOCUMENT, "C12/55"))
    point = anchor_point(v, "record:event/cwg-20")
    viewport = v.browser.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point,
                                                viewport.mapToGlobal(point)))
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text().startswith("Inferred, not stated by the report (§2.3.2)")
    assert "only meeting between the 2011 and 2012 Council sessions" in QToolTip.text()
    QToolTip.hideText()


def test_stated_status_shows_the_report_words(view) -> None:
    v, _ = view
    v.show_record(RecordRef(RecordType.RECOMMENDATION, "rec-4.5.3"))
    assert "[inferred" in v.text()  # council-2014: the session is inferred (§6.1)
    assert fragments_with_tooltip(v, "向理事会提出了以下建议")  # status: proposed, stated
    assert "(the report's words, §4.5.3)" in v.text()


def test_paragraph_link_opens_the_source_page_with_the_report_text(qtbot, view) -> None:
    v, opened = view
    v.set_report_text(load_report_text(seed_path()))
    v.show_record(RecordRef(RecordType.DOCUMENT, "C13/66(Add.)"))
    with qtbot.waitSignal(v.sourceActivated) as signal:
        click_link(qtbot, v, "source:2.3.3")
    assert signal.args == ["§2.3.3"]
    assert v.current_source() == "§2.3.3"
    text = v.text()
    assert "Report, paragraph §2.3.3" in text
    # The whole paragraph, with the quoted words highlighted.
    assert "理事会2013年会议还审议了C13/85号文件" in text and "并修改了第1334号决议" in text
    assert "background-color:#ffe08a" in v.browser.toHtml().lower()
    assert "Quotations the dataset holds from it" in text
    assert "C13/66(Add.)" in text and "Records citing it" in text
    assert opened == []
    # From the Source page back to a record, by a click.
    with qtbot.waitSignal(v.recordActivated) as signal:
        click_link(qtbot, v, "record:document/C13/85")
    assert signal.args == [RecordRef(RecordType.DOCUMENT, "C13/85")]


def test_source_page_without_the_text_offers_the_official_page(qtbot, view) -> None:
    v, opened = view
    v.show_record(RecordRef(RecordType.EVENT, "cwg-extra-2013"))
    click_link(qtbot, v, "source:2.2.6")
    text = v.text()
    assert "Report, paragraph §2.2.6" in text
    assert "not loaded" in text and "非常会议" not in text.split("Quotations")[0]
    assert "“非常会议：对经修订的第1334号决议予以跟进”" in text  # the quotation is still shown
    click_link(qtbot, v, "https://www.itu.int/wg-wsis")
    assert opened == ["https://www.itu.int/wg-wsis"]


def test_choosing_the_report_text_from_the_source_page(qtbot, view, tmp_path: Path) -> None:
    v, _ = view
    bad = tmp_path / "notes.txt"
    bad.write_text("nothing numbered here\n", encoding="utf-8")
    answers = [str(bad), str(seed_path())]
    v._choose_file = lambda _parent: answers.pop(0)
    v.show_source("§4.5.10")
    click_link(qtbot, v, "app:choose-report-text")
    assert "no numbered paragraphs" in v.text() and str(bad) in v.text()  # one clear line
    assert v.report_text() is None
    with qtbot.waitSignal(v.reportTextChosen) as signal:
        click_link(qtbot, v, "app:choose-report-text")
    assert signal.args == [str(seed_path())]
    assert "PP-14也许要考虑的事实是" in v.text()  # the whole paragraph now


@pytest.mark.parametrize("url", [
    "file:///etc/passwd", "javascript:alert(1)", "mailto:x@example.org", "smb://host/share",
    "https:relative-without-host", "ftp://example.org/x",
])
def test_only_http_addresses_leave_the_application(view, url: str) -> None:
    v, opened = view
    v.show_record(RecordRef(RecordType.EVENT, "wsis-forum-2013"))
    v.browser.anchorClicked.emit(QUrl(url))
    assert opened == []
    v.browser.anchorClicked.emit(QUrl("http://example.org/x"))
    assert opened == ["http://example.org/x"]


def test_chain_edges_say_when_they_are_inferred(view) -> None:
    v, _ = view
    v.show_record(RecordRef(RecordType.RESOLUTION, "res-c1334"))
    html = v.browser.toHtml()
    assert INFERRED_ON_LIGHT.lower() in html.lower()  # the window: AA on its light palette
    tips = fragments_with_tooltip(v, "Inferred connector")
    assert any("inferred" in t for t, _ in tips)


def _blocks(view: DetailView):  # type: ignore[no-untyped-def]
    block = view.browser.document().begin()
    while block.isValid():
        yield block
        block = block.next()


def _fragments(block):  # type: ignore[no-untyped-def]
    it = block.begin()
    while not it.atEnd():
        if it.fragment().isValid():
            yield it.fragment()
        it += 1
