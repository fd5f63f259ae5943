"""The read-only description of the selected event: titles, sittings, documents, sources.

Rendered as HTML in a QTextBrowser whose links are handled here (setOpenLinks(False)): external
sources open in the user's browser, and only http(s) addresses are ever opened. A later issue
turns records into navigable links; they arrive through `linkActivated`.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QPalette
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from wsis_viewer.domain.lanes import Lane
from wsis_viewer.domain.model import (
    Bilingual,
    Dataset,
    Event,
    Precision,
    Session,
    Source,
    SourceType,
)
from wsis_viewer.ui.date_text import dates_text, day_range_text, time_text
from wsis_viewer.ui.i18n import lane_label

WEB_SCHEMES = ("http", "https")

UrlOpener = Callable[[QUrl], object]


class DetailView(QWidget):
    """Shows one event of a dataset; `show_event(id)` / `clear()`."""

    linkActivated = Signal(QUrl)  # every link the user clicks, after web links were opened

    def __init__(self, parent: QWidget | None = None, *, lang: str = "en",
                 open_url: UrlOpener = QDesktopServices.openUrl) -> None:
        super().__init__(parent)
        self.setObjectName("detailView")
        self._lang = lang
        self._open_url = open_url
        self._dataset = Dataset()
        self._lanes: dict[str, Lane] = {}
        self._event_id: str | None = None
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

    def set_dataset(self, dataset: Dataset, lanes: tuple[Lane, ...] = ()) -> None:
        self._dataset = dataset
        self._lanes = {lane.id: lane for lane in lanes}
        self.clear()

    def show_event(self, event_id: str) -> bool:
        """Show `event_id`; returns False (and clears) when the dataset has no such event."""
        event = self._dataset.event(event_id)
        if event is None:
            self.clear()
            return False
        self._event_id = event_id
        self.browser.setHtml(self._event_html(event))
        return True

    def clear(self) -> None:
        self._event_id = None
        hint = self.tr("Select an event on the timeline to see its details here.")
        self.browser.setHtml(f"<p style='color:{self._dim()}'>{escape(hint)}</p>")

    def event_id(self) -> str | None:
        return self._event_id

    def text(self) -> str:
        """The shown text as plain text (what tests and screen readers see)."""
        return self.browser.toPlainText()

    # --- Qt -----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        # Light/dark switches change the palette; the HTML bakes in the dim colour, so redraw.
        if event.type() == QEvent.Type.PaletteChange:
            self._rerender()
        super().changeEvent(event)

    def _rerender(self) -> None:
        if self._event_id is None:
            self.clear()
        else:
            self.show_event(self._event_id)

    def _on_anchor(self, url: QUrl) -> None:
        if url.scheme().lower() in WEB_SCHEMES:
            self._open_url(url)
        self.linkActivated.emit(url)

    # --- HTML ---------------------------------------------------------------------------------

    def _dim(self) -> str:
        """Secondary text: the palette's text colour blended towards its background.

        Blended rather than PlaceholderText, whose alpha rich text would drop; from the
        palette, so it works in light and dark themes alike.
        """
        palette = self.palette()  # ours: on a PaletteChange the browser may not have its yet
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        mixed = QColor(round(0.6 * text.red() + 0.4 * base.red()),
                       round(0.6 * text.green() + 0.4 * base.green()),
                       round(0.6 * text.blue() + 0.4 * base.blue()))
        return mixed.name()

    def _note(self, text: str) -> str:
        """A small, dimmed remark after a text ('our translation', a source reference)."""
        style = f"color:{self._dim()}; font-size:small; font-weight:normal"
        # Non-breaking spaces: a wrapped remark ("(our / translation)") reads as two.
        return f" <span style='{style}'>{escape(text).replace(' ', '&nbsp;')}</span>"

    def _bilingual_html(self, text: Bilingual, tag: str) -> str:
        """Both languages, the reader's first; English marked when it is our translation."""
        order = ("zh", "en") if self._lang == "zh" else ("en", "zh")
        parts: list[str] = []
        for lang in order:
            value = text.zh if lang == "zh" else text.en
            if not value:
                continue
            html = escape(value)
            if lang == "en" and text.en_is_translation:
                html += self._note(self.tr("(our translation)"))
            if parts and tag.startswith("h"):  # the other title: its own line, larger than text
                parts.append(f"<p style='font-size:large'>{html}</p>")
            elif parts:
                parts.append(f"<p>{html}</p>")
            else:
                parts.append(f"<{tag}>{html}</{tag}>")
        return "".join(parts)

    def _event_html(self, event: Event) -> str:
        lane = self._lanes.get(event.lane)
        lane_text = lane_label(lane, self._lang) if lane else event.lane
        html = [self._bilingual_html(event.title, "h2"),
                f"<p>{self._note(lane_text)}</p>"]
        html.append(f"<h3>{escape(self.tr('When and where'))}</h3>")
        html.append(self._dates_html(event))
        if event.date_note:
            html.append(f"<p>{self._note(event.date_note)}</p>")
        if event.documents:
            html.append(f"<h3>{escape(self.tr('Documents'))}</h3><ul>")
            for symbol in event.documents:
                doc = self._dataset.document(symbol)
                title = f" {escape(doc.title.get(self._lang))}" if doc else ""
                html.append(f"<li><b>{escape(symbol)}</b>{title}</li>")
            html.append("</ul>")
        if event.description:
            html.append(f"<h3>{escape(self.tr('Description'))}</h3>")
            html.append(self._bilingual_html(event.description, "p"))
        if event.sources:
            html.append(f"<h3>{escape(self.tr('Sources'))}</h3><ul>")
            html += [f"<li>{self._source_html(src)}</li>" for src in event.sources]
            html.append("</ul>")
        return "".join(html)

    def _dates_html(self, event: Event) -> str:
        if event.precision is not Precision.DAY or not event.sessions:
            # Sessions of a coarse event span its whole year or month: not a real sitting.
            where = f" · {escape(event.location)}" if event.location else ""
            text = dates_text(event.start, event.end, event.precision)
            return f"<p>{escape(text)}{where}</p>"
        rows = [self._session_html(s, event) for s in event.sessions]
        return "<ul>" + "".join(f"<li>{r}</li>" for r in rows) + "</ul>"

    def _session_html(self, session: Session, event: Event) -> str:
        parts = [day_range_text(session.start, session.end), time_text(session),
                 session.room or "", session.location or event.location or ""]
        text = " · ".join(escape(p) for p in parts if p)
        if session.label:
            text = f"<b>{escape(session.label)}</b>: {text}"
        return text

    def _source_html(self, src: Source) -> str:
        if src.type is SourceType.REPORT:
            return escape(self.tr("Report %1").replace("%1", src.ref))
        label = escape(src.title or src.ref)
        url = QUrl(src.url) if src.url else None
        if url is None or url.scheme().lower() not in WEB_SCHEMES:
            return label
        # The site after the link says where a click leads; the external ref is an internal
        # key of the source catalogue, not something a reader can use.
        return f"<a href='{escape(src.url or '', quote=True)}'>{label}</a>{self._note(url.host())}"
