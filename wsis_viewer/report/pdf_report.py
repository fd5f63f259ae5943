"""The multi-page PDF report: `wsis-viewer report OUT.pdf [--lang] [--from --to] [--sections]
[--lanes]`.

Pages: a title page (what was chosen, the dataset's provenance and the report's conventions),
a table of contents, the whole period as a figure, one figure per year that has enough events
(sparse years pooled, empty years named in one line; wsis_viewer.domain.report_selection), then
the flowing text of the chosen sections (report_text). Every page has a running header (title,
database and data version) and "n of N" at its foot.

Figures are drawn as vectors; only the bundled font is used and Qt's PDF engine embeds its
subset, so Chinese renders in any viewer. Flowing text is laid out once by QTextDocument,
headings are kept with what follows (pagination), and the contents page is filled in from where
each heading landed. pdf_metadata then adds subject, language and bookmarks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from wsis_viewer.domain import provenance
from wsis_viewer.domain.dates import format_span
from wsis_viewer.domain.notes import Note
from wsis_viewer.domain.report_selection import (
    SECTIONS,
    FigureSpan,
    ReportChoice,
    figure_spans,
    select_content,
)
from wsis_viewer.qt.i18n import app_language, lane_label
from wsis_viewer.report.pagination import (
    first_split_row,
    headings,
    keep_headings_with_next,
)
from wsis_viewer.report.pdf_metadata import PdfInfo, finish_pdf
from wsis_viewer.report.render import write_page_view
from wsis_viewer.report.report_text import (
    ReportText,
    mark_for,
    section_title,
)
from wsis_viewer.report.scene import build_scene, export_font, headless_app, palette_for
from wsis_viewer.report.typography import for_language
from wsis_viewer.report.view_spec import ViewSpec
from wsis_viewer.session.loaded_database import LoadedDatabase
from wsis_viewer.store.export_json import dumps

DPI = 96  # layout unit: 1 px = 1/96 inch; text and figures stay vector whatever this is
MARGIN_MM = 14.0
HEADER_H = 22.0
FOOTER_H = 22.0
AUTHOR = "WSIS Timeline Viewer"
TEXT_PT, TEXT_PT_MIN, TEXT_PT_STEP = 8.5, 7.9, 0.15  # flowing text size and how far it may shrink
WIDOW_PAGE_SHARE = 0.2  # a last page filled less than this is a widow page
MAX_ROW_MOVES = 60  # layouts tried while moving split table rows to the next page

ProgressFn = Callable[[str], None]


@dataclass
class ReportResult:
    pages: int
    figure_pages: int
    text_pages: int
    contents: list[tuple[str, int]] = field(default_factory=list)
    data_version: str = ""


# Every text of the report is a source string of the "Report" context (plus the record words
# of "RecordPage" and "RecordLists"), in the language write_report installs.
translate = QCoreApplication.translate  # lupdate extracts translate("Report", "…") calls


def _title() -> str:
    return translate("Report", "ITU's work on the World Summit on the Information Society, "
                               "2010–2014")


def data_version(db: LoadedDatabase) -> str:
    """A short fingerprint of the dataset's content (its canonical JSON export): two reports
    with the same version were made from the same data, whatever the file was called."""
    return hashlib.sha256(dumps(db.dataset).encode("utf-8")).hexdigest()[:10]


def write_report(db: LoadedDatabase, out: Path, *, lang: str = "en",
                 start: dt.date | None = None, end: dt.date | None = None,
                 sections: Sequence[str] = SECTIONS, lanes: frozenset[str] | None = None,
                 generated: dt.date | None = None, stated_only: bool = False,
                 progress: ProgressFn | None = None,
                 notes: Sequence[Note] | None = None) -> ReportResult:
    """Write the report in `lang`: its translators are installed while it is written.
    `stated_only`: leave out every link and status we inferred (domain.provenance). With
    `notes`, a chapter lists the analysts' notes on the records the report covers."""
    headless_app()
    choice = ReportChoice(start or dt.date(2010, 1, 1), end or dt.date(2015, 12, 31),
                          tuple(sections), lanes)
    with app_language(lang):
        result = _ReportWriter(db, out, lang, choice, generated or dt.date.today(),
                               stated_only, progress, notes).write()
    return result


class _ReportWriter:
    def __init__(self, db: LoadedDatabase, out: Path, lang: str, choice: ReportChoice,
                 generated: dt.date, stated_only: bool,
                 progress: ProgressFn | None, notes: Sequence[Note] | None) -> None:
        self.db, self.out, self.lang, self.choice = db, out, lang, choice
        self.generated = generated
        self.note = progress or (lambda _msg: None)
        self.font = for_language(export_font(), lang)
        self.palette = palette_for("light")
        self.version = data_version(db)
        self.stated_only = stated_only
        ds = provenance.stated_only(db.dataset) if stated_only else db.dataset
        self.content = select_content(ds, choice)
        self.text = ReportText(ds, self.content, lang)
        self.notes = notes
        self.page_no = 0
        self.total = 0

    # --- the whole document --------------------------------------------------------------

    def write(self) -> ReportResult:
        writer = QPdfWriter(str(self.out))
        writer.setResolution(DPI)
        writer.setTitle(_title())
        writer.setAuthor(AUTHOR)
        writer.setCreator(AUTHOR)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Landscape,
                                         QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                         QPageLayout.Unit.Millimeter))
        area = writer.pageLayout().paintRectPixels(DPI)
        self.width, self.height = float(area.width()), float(area.height())
        self.body = QRectF(0, HEADER_H, self.width, self.height - HEADER_H - FOOTER_H)

        # Lay the flowing text out first: the contents page needs its page numbers.
        doc = self._text_document()
        text_pages = doc.pageCount() if self.choice.sections or self.notes is not None else 0
        figures = self._figures()
        first_text_page = 2 + len(figures) + 1  # title, contents, figures; 1-based
        self.total = first_text_page - 1 + text_pages
        heads = headings(doc, self.body.height()) if text_pages else []
        contents: list[tuple[str, int]] = []
        outline: list[tuple[str, int, int]] = [
            (translate("Report", "Title page"), 0, 1), (translate("Report", "Contents"), 1, 1)]
        if figures:
            contents.append((translate("Report", "Figures"), 3))
            outline.append((translate("Report", "Figures"), 2, 1))
            for i, (title, _spec) in enumerate(figures):
                contents.append((f"  {title}", 3 + i))
                outline.append((title, 2 + i, 2))
        for h in heads:
            page = first_text_page + h.page
            if h.level == 1:
                contents.append((h.text, page))
            outline.append((h.text, page - 1, min(h.level, 2)))

        painter = QPainter(writer)
        painter.setFont(self.font)
        try:
            self._page(painter, writer, "title",
                       lambda: self._title_page(painter, figures))
            self._page(painter, writer, "contents",
                       lambda: self._contents_page(painter, contents))
            for i, (title, spec) in enumerate(figures):
                self._page(painter, writer, f"figure {i + 1}/{len(figures)}",
                           lambda t=title, s=spec: self._figure(painter, t, s))  # type: ignore[misc]
            for i in range(text_pages):
                self._page(painter, writer, f"text {i + 1}/{text_pages}",
                           lambda k=i: self._text_page(painter, doc, k))  # type: ignore[misc]
        finally:
            painter.end()
        subject = translate("Report", "CWG-WSIS meetings, Council sessions, conferences, "
                                      "recommendations and resolutions — a timeline report")
        finish_pdf(self.out, PdfInfo(
            title=_title(), author=AUTHOR, subject=subject,
            keywords="ITU, WSIS, CWG-WSIS, Council, PP-14",
            lang="zh-CN" if self.lang == "zh" else "en", outline=outline))
        return ReportResult(pages=self.page_no, figure_pages=len(figures),
                            text_pages=text_pages, contents=contents,
                            data_version=self.version)

    def _page(self, painter: QPainter, writer: QPdfWriter, what: str,
              draw: Callable[[], None]) -> None:
        if self.page_no:
            writer.newPage()
        self.page_no += 1
        self.note(f"page {self.page_no}/{self.total}: {what}")
        draw()
        self._header_footer(painter)

    def _header_footer(self, painter: QPainter) -> None:
        painter.save()
        small = QFont(self.font)
        small.setPointSizeF(7.5)
        painter.setFont(small)
        painter.setPen(self.palette.color(self.palette.ColorRole.PlaceholderText))
        top = QRectF(0, 0, self.width, HEADER_H - 6)
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft, _title())
        painter.drawText(top, Qt.AlignmentFlag.AlignRight, self._data_line())
        painter.drawLine(QPointF(0, HEADER_H - 5), QPointF(self.width, HEADER_H - 5))
        foot = QRectF(0, self.height - FOOTER_H + 6, self.width, FOOTER_H - 6)
        painter.drawText(foot, Qt.AlignmentFlag.AlignRight,
                         translate("Report", "Page %1 of %2").replace("%1", str(self.page_no))
                         .replace("%2", str(self.total)))
        painter.restore()

    def _data_line(self) -> str:
        # %1 the database's name, %2 the data version (a fingerprint of its content)
        line = translate("Report", "%1 · data version %2")
        values = {"%1": self.db.label, "%2": self.version}
        return "".join(values.get(part, part) for part in _placeholders(line))

    # --- flowing text --------------------------------------------------------------------

    def _text_document(self) -> QTextDocument:
        """The flowing text, paginated. A last page holding only a few lines (a "widow
        page") is avoided by setting the text a little smaller, down to TEXT_PT_MIN."""
        page_h = self.body.height()
        size = TEXT_PT
        while True:
            doc = self._layout_text(size)
            used = doc.documentLayout().documentSize().height() - (doc.pageCount() - 1) * page_h
            if doc.pageCount() < 2 or used >= WIDOW_PAGE_SHARE * page_h \
                    or size - TEXT_PT_STEP < TEXT_PT_MIN:
                return doc
            size -= TEXT_PT_STEP

    def _layout_text(self, size: float) -> QTextDocument:
        doc = QTextDocument()
        text_font = QFont(self.font)
        text_font.setPointSizeF(size)
        doc.setDefaultFont(text_font)
        doc.setDefaultStyleSheet("h1 { font-size: 16pt; } h2 { font-size: 11pt; } "
                                 "th { background-color: #eeeeee; }")
        page_h = self.body.height()
        self.text.row_breaks.clear()
        for _ in range(MAX_ROW_MOVES):
            doc.setHtml(self.text.html(self.choice.sections)
                        + (self.text.notes(self.notes, self.choice.start, self.choice.end)
                           if self.notes is not None else ""))
            doc.setPageSize(QSizeF(self.width, page_h))
            keep_headings_with_next(doc, page_h)
            # A table row that runs over a page foot: cut the table before it and start the
            # rest on a new page under its header (Qt's layout would split the row's lines).
            split = first_split_row(doc, page_h)
            if split is None:
                break
            table, row = split
            number, first = self.text.printed_tables[table]
            self.text.row_breaks.add((number, first + row))
        return doc

    def _text_page(self, painter: QPainter, doc: QTextDocument, i: int) -> None:
        ctx = QAbstractTextDocumentLayout.PaintContext()
        h = self.body.height()
        painter.save()
        painter.translate(0, self.body.top() - i * h)
        clip = QRectF(0, i * h, self.width, h)
        painter.setClipRect(clip)
        ctx.clip = clip
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    # --- figures -------------------------------------------------------------------------

    def _figures(self) -> list[tuple[str, ViewSpec]]:
        c = self.choice
        spans, self.empty_years = figure_spans(self.content.events, c.start, c.end)

        def spec(a: dt.date, b: dt.date) -> ViewSpec:
            return ViewSpec(start=a, end=b, lanes=c.lanes, lang=self.lang,
                            width=int(self.width), height=int(self.body.height()),
                            caption_date=self.generated, stated_only=self.stated_only)

        if not self.content.events:
            return []
        out = [(translate("Report", "The whole period"), spec(c.start, c.end))]
        if len(spans) == 1 and (spans[0].start, spans[0].end) == (c.start, c.end):
            return out  # one year chosen: its figure is the whole period's
        out += [(self._span_title(s), spec(s.start, s.end)) for s in spans]
        return out

    @staticmethod
    def _span_title(s: FigureSpan) -> str:
        if s.start.year == s.end.year:
            return translate("Report", "The year %1").replace("%1", str(s.start.year))
        return (translate("Report", "The years %1–%2").replace("%1", str(s.start.year))
                .replace("%2", str(s.end.year)))

    def _figure(self, painter: QPainter, title: str, spec: ViewSpec) -> None:
        scene = build_scene(self.db, spec, title=title)
        try:
            write_page_view(scene.view, painter, self.body)
        finally:
            scene.view.close()
            scene.view.deleteLater()

    # --- title and contents --------------------------------------------------------------

    def _title_page(self, painter: QPainter, figures: list[tuple[str, ViewSpec]]) -> None:
        ds = self.db.dataset
        counts = translate(
            "Report", "%1 events, %2 documents, %3 resolutions, %4 recommendations, "
                      "%5 people, %6 trust-fund contributors")
        for key, records in (("%1", ds.events), ("%2", ds.documents), ("%3", ds.resolutions),
                             ("%4", ds.recommendations), ("%5", ds.people),
                             ("%6", ds.contributors)):
            counts = counts.replace(key, str(len(records)))
        provenance = translate(
            "Report",
            "Built from the ITU Council's report to the 2014 Plenipotentiary Conference on the "
            "outcomes of CWG-WSIS since PP-10 (PP-14/20(Add.1), Chinese text), completed with "
            "dates, places and official titles from public ITU and UN pages. Every record cites "
            "its source (a report paragraph or an external page); English titles that are our "
            "own translation are marked as such.")
        subtitle = translate("Report", "CWG-WSIS meetings, Council sessions, conferences, "
                                       "recommendations and resolutions — a timeline report")
        c = self.choice
        lanes = [lane_label(lane, self.lang) for lane in self.db.lanes
                 if c.lanes is None or lane.id in c.lanes]
        lanes_text = (translate("Report", "all (%1)").replace("%1", "、".join(lanes)
                                                               if self.lang == "zh"
                                                               else ", ".join(lanes))
                      if c.lanes is None else ("、" if self.lang == "zh" else ", ").join(lanes))
        sep = "、" if self.lang == "zh" else ", "
        sections_text = sep.join(section_title(s) for s in c.sections) or "—"
        rows = [(translate("Report", "Period covered:"),
                 escape(format_span(c.start, c.end, lang=self.lang))),
                (translate("Report", "Lanes:"), escape(lanes_text)),
                (translate("Report", "Sections:"), escape(sections_text)),
                (translate("Report", "Database:"), escape(self._data_line())),
                (translate("Report", "Contents of the database:"), escape(counts)),
                (translate("Report", "Provenance:"), escape(provenance)),
                (translate("Report", "Conventions:"), escape(self._conventions())),
                (translate("Report", "Generated:"),
                 escape(format_span(self.generated, self.generated, lang=self.lang)))]
        if not figures:
            rows.insert(3, (translate("Report", "Figures:"),
                            escape(translate("Report", "none: no events in the chosen dates "
                                                       "and lanes"))))
        html = (f"<p style='font-size:22pt'><b>{escape(_title())}</b></p>"
                f"<p style='font-size:12pt'>{escape(subtitle)}</p><br/>"
                + "".join(f"<p><b>{escape(label)}</b> {value}</p>" for label, value in rows))
        self._draw_html(painter, html, QRectF(self.width * 0.08, self.body.top() + 30,
                                              self.width * 0.84, self.body.height() - 30), 10.5)

    def _conventions(self) -> str:
        if self.lang == "zh":
            marks = translate("Report", "Texts are in Chinese where the data has Chinese; a "
                                        "value followed by %1 exists only in English.")
        else:
            marks = translate("Report", "Texts are in English; %1 marks an English title that "
                                        "is our translation of the report's Chinese, or a "
                                        "value that exists only in Chinese.")
        if self.stated_only:
            links = translate("Report", "Only what the report states: links and statuses we "
                                        "inferred are left out of this report.")
        else:
            links = translate("Report", "Links and statuses are printed plainly where the "
                                        "report (or a cited public page) states them; those we "
                                        "inferred — from dates, document symbols or the order "
                                        "of a list — are set in italics and followed by "
                                        "“(inferred)”, and dashed in the figures. "
                                        "The option --stated-only leaves them out.")
        return marks.replace("%1", mark_for(self.lang)) + " " + links

    def _contents_page(self, painter: QPainter, contents: list[tuple[str, int]]) -> None:
        rows = "".join(
            f"<tr><td>{'&nbsp;&nbsp;&nbsp;&nbsp;' if t.startswith('  ') else ''}"
            f"{escape(t.strip())}</td><td align='right'>{p}</td></tr>" for t, p in contents)
        heading = translate("Report", "Contents")
        notes = ""
        if self.empty_years:
            years = ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in self.empty_years)
            notes = ("<p style='font-size:9pt'>"
                     + escape(translate("Report", "No events in %1: no figure for these "
                                                  "years.").replace("%1", years)) + "</p>")
        html = (f"<p style='font-size:18pt'><b>{escape(heading)}</b></p>"
                f"<table width='100%' cellpadding='3'>{rows}</table>{notes}")
        self._draw_html(painter, html, QRectF(self.width * 0.15, self.body.top() + 10,
                                              self.width * 0.7, self.body.height() - 10), 11)

    def _draw_html(self, painter: QPainter, html: str, rect: QRectF, size: float) -> None:
        doc = QTextDocument()
        f = QFont(self.font)
        f.setPointSizeF(size)
        doc.setDefaultFont(f)
        doc.setTextWidth(rect.width())
        doc.setHtml(html)
        painter.save()
        painter.translate(rect.topLeft())
        doc.drawContents(painter, QRectF(QPointF(0, 0), rect.size()))
        painter.restore()


def _placeholders(text: str) -> list[str]:
    """'%1 · data version %2' -> ['%1', ' · data version ', '%2']: filled in one pass, so a
    database name containing "%2" stays as it is."""
    return [p for p in re.split(r"(%[1-9])", text) if p]


def print_progress(message: str) -> None:
    """One line, rewritten in place on a terminal; plain lines when piped."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\r\x1b[K{message}")
    else:
        sys.stderr.write(message + "\n")
    sys.stderr.flush()
