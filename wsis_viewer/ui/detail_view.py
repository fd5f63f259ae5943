"""The detail panel: any record (event, resolution, recommendation, document, person …).

The page itself is built by the Qt-free `RecordPage`; here it is shown in a QTextBrowser whose
links are handled by us (setOpenLinks(False)): `record:` links ask the window to navigate
(`recordActivated`), `source:` links (every "§2.2.5") show the Source page of that paragraph
here (and say so with `sourceActivated`), http(s) sources open in the user's browser, and
nothing else is ever opened — not `file:`, not any other scheme.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QPalette
from PySide6.QtWidgets import QFileDialog, QTextBrowser, QVBoxLayout, QWidget

from wsis_viewer.domain.model import Dataset, RecordType
from wsis_viewer.domain.relations import RecordRef, Relations
from wsis_viewer.domain.report_text import ReportText, ReportTextError, load_report_text
from wsis_viewer.panels.record_html import (
    CHOOSE_REPORT_TEXT_URL,
    CONTEXT,
    INFERRED_ON_DARK,
    INFERRED_ON_LIGHT,
    RecordPage,
    source_from_url,
)
from wsis_viewer.timeline.dates import translate_dates

WEB_SCHEMES = ("http", "https")

UrlOpener = Callable[[QUrl], object]
FileChooser = Callable[[QWidget], str]  # returns a path, or "" when the user cancels


def _choose_text_file(parent: QWidget) -> str:
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("DetailView", "The report's text file"), "",
        QCoreApplication.translate("DetailView", "Text files (*.txt);;All files (*)"))
    return path


def _translate(text: str) -> str:
    # CONTEXT is "RecordPage": the class whose self.tr(...) calls lupdate extracts.
    return QCoreApplication.translate(CONTEXT, text)


class DetailView(QWidget):
    """Shows one record of a dataset: `show_record(ref)`, `show_event(id)`, `clear()`."""

    linkActivated = Signal(QUrl)  # every link the user clicks, after web links were opened
    recordActivated = Signal(object)  # RecordRef of a clicked record link
    sourceActivated = Signal(str)  # "§2.3.3": a paragraph link was clicked and is shown
    reportTextChosen = Signal(str)  # the path of a report text file the user chose (and loaded)

    def __init__(self, parent: QWidget | None = None, *, lang: str = "en",
                 open_url: UrlOpener = QDesktopServices.openUrl,
                 choose_file: FileChooser = _choose_text_file) -> None:
        super().__init__(parent)
        self.setObjectName("detailView")
        self._lang = lang
        self._open_url = open_url
        self._choose_file = choose_file
        self._relations = Relations(Dataset())
        self._current: RecordRef | None = None
        # More HTML after a record's page (the workspace's notes on it, ui/workspace_ui.py).
        self.extra_html: Callable[[RecordRef], str] | None = None
        self._current_source: str | None = None
        # Called with a paragraph ("§2.3.3") before its Source page is drawn: the window reads
        # the records that cite it (it does not hold every record of a database).
        self.before_source: Callable[[str], None] | None = None
        self._report: ReportText | None = None
        self._report_error: str | None = None  # why the last chosen file could not be used
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("detailBrowser")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._on_anchor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.clear()

    # --- public API ---------------------------------------------------------------------------

    def set_dataset(self, dataset: Dataset, relations: Relations | None = None) -> None:
        self._relations = relations or Relations(dataset)
        self.clear()

    def add_records(self, relations: Relations) -> None:
        """The same records and more (the window read some by key): what is shown stays."""
        self._relations = relations

    def set_language(self, lang: str) -> None:
        """Which text of bilingual records to show ("en" or "zh"); headings follow the
        installed translator."""
        if lang != self._lang:
            self._lang = lang
            self._rerender()

    def language(self) -> str:
        return self._lang

    def set_report_text(self, report: ReportText | None) -> None:
        """The report's text (or None): Source pages then show whole paragraphs."""
        self._report = report
        if self._current_source is not None:
            self.show_source(self._current_source)

    def report_text(self) -> ReportText | None:
        return self._report

    def _page(self) -> RecordPage:
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        return RecordPage(self._relations, self._lang, _translate, dim=self._dim(),
                          translate_dates=translate_dates,
                          inferred=INFERRED_ON_DARK if dark else INFERRED_ON_LIGHT)

    def show_record(self, ref: RecordRef) -> bool:
        """Show `ref`; returns False (and clears) when the dataset has no such record."""
        if not self._relations.exists(ref):
            self.clear()
            return False
        self._current = ref
        self._current_source = None
        extra = self.extra_html(ref) if self.extra_html is not None else ""
        self.browser.setHtml(self._page().render(ref) + extra)
        return True

    def show_source(self, paragraph: str) -> bool:
        """Show the Source page of report paragraph `paragraph` ("§2.3.3")."""
        url = source_from_url(f"source:{paragraph}")
        if url is None:
            return False
        if self.before_source is not None:
            self.before_source(url)  # the window reads the records citing it first
        self._current_source = url
        error = ""
        if self._report_error:
            error = f"<p style='color:#D55E00'>{escape(self._report_error)}</p>"
        self.browser.setHtml(error + self._page().source_page(url, self._report))
        return True

    def current_source(self) -> str | None:
        """The paragraph whose Source page is shown, if one is."""
        return self._current_source

    def show_event(self, event_id: str) -> bool:
        return self.show_record(RecordRef(RecordType.EVENT, event_id))

    def clear(self) -> None:
        self._current = None
        self._current_source = None
        hint = self.tr("Select an event on the timeline, or a row in a list, to see its "
                       "details here.")
        self.browser.setHtml(f"<p style='color:{self._dim()}'>{escape(hint)}</p>")

    def show_message(self, text: str) -> None:
        """A note in place of a record (e.g. while a big database's records are read)."""
        self._current = None
        self._current_source = None
        self.browser.setHtml(f"<p style='color:{self._dim()}'>{escape(text)}</p>")

    def current(self) -> RecordRef | None:
        return self._current

    def event_id(self) -> str | None:
        ref = self._current
        return ref.id if ref is not None and ref.type is RecordType.EVENT else None

    def text(self) -> str:
        """The shown text as plain text (what tests and screen readers see)."""
        return self.browser.toPlainText()

    # --- Qt -----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        # Light/dark switches change the palette (the HTML bakes in the dim colour) and a
        # language switch changes the headings: both redraw the page.
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.LanguageChange):
            self._rerender()
        super().changeEvent(event)

    def _rerender(self) -> None:
        if self._current_source is not None:
            self.show_source(self._current_source)
        elif self._current is None:
            self.clear()
        else:
            self.show_record(self._current)

    def _on_anchor(self, url: QUrl) -> None:
        # Only web pages go to the system: never file:, never a scheme another program owns.
        text = url.toString()
        if url.scheme().lower() in WEB_SCHEMES and url.host():
            self._open_url(url)
        elif (paragraph := source_from_url(text)) is not None:
            if self.show_source(paragraph):
                self.sourceActivated.emit(paragraph)
        elif text == CHOOSE_REPORT_TEXT_URL:
            self.choose_report_text()
        else:
            ref = RecordRef.from_url(text)
            if ref is not None and self._relations.exists(ref):
                self.recordActivated.emit(ref)
        self.linkActivated.emit(url)

    def choose_report_text(self) -> bool:
        """Ask for the report's text file; load it, or say in one line (on the Source page,
        not in a dialog that would stop the user) why it cannot be used."""
        path = self._choose_file(self)
        if not path:
            return False
        try:
            report = load_report_text(Path(path))
        except ReportTextError as exc:
            self._report_error = str(exc)
            self._rerender()
            return False
        self._report_error = None
        self.set_report_text(report)
        self.reportTextChosen.emit(path)
        return True

    # --- HTML ---------------------------------------------------------------------------------

    def _dim(self) -> str:
        """Secondary text: the palette's text colour blended towards its background.

        Blended rather than PlaceholderText, whose alpha rich text would drop; from the
        palette, so it works in light and dark themes alike.
        """
        palette = self.palette()  # ours: on a PaletteChange the browser may not have its yet
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        # 65 % text: still 4.5:1 (WCAG AA) on the light palette, where 60 % gave 4.35:1.
        mixed = QColor(round(0.65 * text.red() + 0.35 * base.red()),
                       round(0.65 * text.green() + 0.35 * base.green()),
                       round(0.65 * text.blue() + 0.35 * base.blue()))
        return mixed.name()
