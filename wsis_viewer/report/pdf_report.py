"""The multi-page PDF report: `wsis-viewer report OUT.pdf [--lang] [--from --to]`.

Pages: a title page with the dataset's provenance, a table of contents, the whole period as a
figure, one figure per year, then flowing text (events, recommendations → resolutions,
resolution histories, sources). Figures are drawn as vectors; only the bundled font is used,
and Qt's PDF engine embeds its subset, so Chinese renders in any PDF viewer.

Flowing text is laid out once by QTextDocument; the contents page is filled in afterwards from
where each heading landed.
"""

from __future__ import annotations

import datetime as dt
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

from wsis_viewer.domain.dates import format_span
from wsis_viewer.domain.model import Dataset, SourceType
from wsis_viewer.domain.notes import Note
from wsis_viewer.domain.relations import Relations
from wsis_viewer.lists.models import natural_key, status_label, status_summary, translate_lists
from wsis_viewer.panels.record_html import CONTEXT, TERMS
from wsis_viewer.qt.i18n import app_language
from wsis_viewer.report.render import write_page_view
from wsis_viewer.report.scene import build_scene, export_font, headless_app, palette_for
from wsis_viewer.report.view_spec import ViewSpec
from wsis_viewer.session.loaded_database import LoadedDatabase

DPI = 96  # layout unit: 1 px = 1/96 inch; text and figures stay vector whatever this is
MARGIN_MM = 14.0

ProgressFn = Callable[[str], None]


@dataclass
class ReportResult:
    pages: int
    figure_pages: int
    text_pages: int
    contents: list[tuple[str, int]] = field(default_factory=list)


# Every text of the report is a source string of the "Report" context (plus the record words
# of "RecordPage" and "RecordLists"), in the language write_report installs.
translate = QCoreApplication.translate  # lupdate extracts translate("Report", "…") calls


def _title() -> str:
    return translate("Report", "ITU's work on the World Summit on the Information Society, "
                               "2010–2014")


def _action(action: str) -> str:
    source = TERMS.get(action)
    return translate(CONTEXT, source) if source else action


def _record_name(rel: Relations, record: str, lang: str) -> str | None:
    """How the report names the record a note is about; None when it is not in the dataset."""
    if record in rel.events:
        return rel.events[record].title.get(lang)
    if record in rel.resolutions:
        r = rel.resolutions[record]
        return f"{r.number} — {r.title.get(lang)}"
    if record in rel.documents:
        return record
    if record in rel.recommendations:
        return rel.recommendations[record].ref
    return None


def _notes_html(rel: Relations, notes: Sequence[Note], lang: str, start: dt.date,
                end: dt.date) -> str:
    """The analysts' notes on the records the report covers (events within its period, and
    every other record), as a chapter of their own: workspace content, not the dataset's."""
    rows = []
    for n in notes:
        name = _record_name(rel, n.record, lang)
        event = rel.events.get(n.record)
        if name is None or (event is not None and (event.end < start or event.start > end)):
            continue
        when = n.created.strftime("%Y-%m-%d")
        rows.append(f"<tr><td>{escape(name)}</td><td>{escape(n.text)}</td>"
                    f"<td>{escape(n.author)}<br/>{when}</td></tr>")
    heading = translate("Report", "Analysts' notes")
    if not rows:
        empty = translate("Report", "No notes on the records of this report.")
        return f"<h1>{escape(heading)}</h1><p>{escape(empty)}</p>"
    return f"<h1>{escape(heading)}</h1>" + _table(
        [translate("Report", "Record"), translate("Report", "Note"),
         translate("Report", "Author")], rows, widths=(30, 55, 15))


def _text_html(ds: Dataset, lang: str, start: dt.date, end: dt.date,
               notes: Sequence[Note] | None = None) -> str:
    """Flowing part of the report as HTML; h1/h2 headings feed the contents page."""
    rel = Relations(ds)
    out: list[str] = []
    events = [e for e in ds.events if e.end >= start and e.start <= end]
    # (lupdate does not look inside f-strings: translations are taken out of them first.)
    events_heading = translate("Report", "Events")
    out.append(f"<h1>{escape(events_heading)}</h1>")
    rows = []
    for e in events:
        sessions = "<br/>".join(
            escape(format_span(s.start, s.end, e.precision, lang)
                   + (f" {s.time}" + (f"–{s.end_time}" if s.end_time else "") if s.time else "")
                   + (f", {s.room}" if s.room else ""))
            for s in e.sessions) if len(e.sessions) > 1 or e.sessions[0].time else ""
        rows.append(
            f"<tr><td>{escape(format_span(e.start, e.end, e.precision, lang))}</td>"
            f"<td>{escape(e.title.get(lang))}</td><td>{sessions}</td>"
            f"<td>{escape(e.location or '')}</td></tr>")
    out.append(_table([translate("Report", "Dates"), translate("Report", "Event"),
                       translate("Report", "Sessions"), translate("Report", "Place")], rows,
                      widths=(18, 47, 20, 15)))

    recs = translate("Report", "Recommendations and the resolutions they led to")
    out.append(f"<h1>{escape(recs)}</h1>")
    out.append(f"<p>{escape(status_summary(ds.recommendations, translate_lists))}</p>")
    rows = []
    for m in sorted(ds.recommendations, key=lambda m: natural_key(m.ref)):
        res = ", ".join(rel.resolutions[r].number for r in m.links.resolutions
                        if r in rel.resolutions)
        made = rel.events[m.event].title.get(lang) if m.event in rel.events else ""
        text = m.text.get(lang)
        text = text if len(text) < 220 else text[:218] + "…"
        rows.append(f"<tr><td>{escape(m.ref)}</td><td>{escape(text)}</td>"
                    f"<td><b>{escape(status_label(m.status))}</b></td><td>{escape(res)}</td>"
                    f"<td>{escape(made)}</td></tr>")
    out.append(_table([translate("Report", "Ref"), translate("Report", "Recommendation"),
                       translate("Report", "Status"), translate("Report", "Resolutions"),
                       translate("Report", "Made at")],
                      rows, widths=(8, 52, 14, 10, 16)))

    histories = translate("Report", "Resolution histories")
    out.append(f"<h1>{escape(histories)}</h1>")
    for r in ds.resolutions:
        out.append(f"<h2>{escape(r.number)} — {escape(r.title.get(lang))}</h2><ol>")
        for st in r.history:
            where = rel.events[st.event].title.get(lang) if st.event in rel.events else ""
            parts = [str(st.year), _action(st.action), where, st.document or ""]
            out.append("<li>" + escape(" · ".join(p for p in parts if p)) + "</li>")
        out.append("</ol>")

    if notes is not None:
        out.append(_notes_html(rel, notes, lang, start, end))

    sources_heading = translate("Report", "Sources")
    out.append(f"<h1>{escape(sources_heading)}</h1><ul>")
    external: dict[str, tuple[str, str | None]] = {}
    for group in (ds.events, ds.documents, ds.resolutions, ds.recommendations):
        for rec in group:
            for s in rec.sources:
                if s.type is SourceType.EXTERNAL:
                    external[s.ref] = (s.title or s.ref, s.url)
    report = translate("Report", "ITU PP-14 Document 20 (Add.1): Report on the outcomes of the "
                                 "CWG-WSIS activities since PP-10 (Chinese text) — cited by "
                                 "paragraph, e.g. §2.2.5")
    out.append(f"<li>{escape(report)}</li>")
    for _key, (title, url) in sorted(external.items()):
        out.append(f"<li>{escape(title)}" + (f" — {escape(url)}" if url else "") + "</li>")
    out.append("</ul>")
    return "".join(out)


def _table(headers: list[str], rows: list[str], widths: tuple[int, ...]) -> str:
    head = "".join(f'<th width="{w}%" align="left">{escape(h)}</th>'
                   for h, w in zip(headers, widths, strict=True))
    return ('<table width="100%" cellspacing="0" cellpadding="3" border="1" '
            f'style="border-collapse:collapse;border-color:#bbb"><thead><tr>{head}</tr></thead>'
            + "".join(rows) + "</table>")


def _headings(doc: QTextDocument, page_height: float) -> list[tuple[int, str, int]]:
    """(level, text, page index within the text part) of every h1/h2."""
    layout = doc.documentLayout()
    out = []
    block = doc.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level in (1, 2):
            # The first line's position, not the block's: a heading's top margin may end a
            # page while its text starts the next one.
            line = block.layout().lineAt(0)
            top = layout.blockBoundingRect(block).top() + (line.y() if line.isValid() else 0)
            out.append((level, block.text(), int(top // page_height)))
        block = block.next()
    return out


def write_report(db: LoadedDatabase, out: Path, *, lang: str = "en",
                 start: dt.date | None = None, end: dt.date | None = None,
                 generated: dt.date | None = None,
                 progress: ProgressFn | None = None,
                 notes: Sequence[Note] | None = None) -> ReportResult:
    """Write the report in `lang`: its translators are installed while it is written. With
    `notes`, a chapter lists the analysts' notes on the records the report covers."""
    headless_app()
    with app_language(lang):
        return _write_report(db, out, lang, start, end, generated, progress, notes)


def _write_report(db: LoadedDatabase, out: Path, lang: str, start: dt.date | None,
                  end: dt.date | None, generated: dt.date | None,
                  progress: ProgressFn | None,
                  notes: Sequence[Note] | None = None) -> ReportResult:
    note = progress or (lambda _msg: None)
    generated = generated or dt.date.today()
    start = start or dt.date(2010, 1, 1)
    end = end or dt.date(2015, 12, 31)
    font = export_font()
    palette = palette_for("light")

    writer = QPdfWriter(str(out))
    writer.setResolution(DPI)
    writer.setTitle(_title())
    writer.setCreator("WSIS Timeline Viewer")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Landscape,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    area = writer.pageLayout().paintRectPixels(DPI)
    width, height = area.width(), area.height()
    footer_h = 22
    body_h = height - footer_h

    # Lay the flowing text out first: the contents page needs its page numbers.
    doc = QTextDocument()
    text_font = QFont(font)
    text_font.setPointSizeF(8.5)
    doc.setDefaultFont(text_font)
    doc.setDefaultStyleSheet("h1 { font-size: 16pt; } h2 { font-size: 11pt; } "
                             "th { background-color: #eeeeee; }")
    doc.setHtml(_text_html(db.dataset, lang, start, end, notes))
    doc.setPageSize(QSizeF(width, body_h))
    text_pages = doc.pageCount()

    years = list(range(start.year, end.year + 1))
    figures: list[tuple[str, ViewSpec]] = [(translate("Report", "The whole period"), ViewSpec(
        start=start, end=end, lang=lang, width=width, height=body_h, caption_date=generated))]
    figures += [(translate("Report", "The year %1").replace("%1", str(y)), ViewSpec(
        start=max(start, dt.date(y, 1, 1)), end=min(end, dt.date(y, 12, 31)), lang=lang,
        width=width, height=body_h, caption_date=generated)) for y in years]
    first_text_page = 2 + len(figures) + 1  # title, contents, figures; 1-based
    total = first_text_page - 1 + text_pages

    contents = [(translate("Report", "Figures"), 3)] + [(f"  {t}", 3 + i) for i, (t, _) in
                                             enumerate(figures)]
    contents += [(("  " if level == 2 else "") + text, first_text_page + page)
                 for level, text, page in _headings(doc, body_h) if level == 1]

    painter = QPainter(writer)
    painter.setFont(font)
    page_no = 0

    def footer() -> None:
        nonlocal page_no
        page_no += 1
        painter.save()
        small = QFont(font)
        small.setPointSizeF(7.5)
        painter.setFont(small)
        painter.setPen(palette.color(palette.ColorRole.PlaceholderText))
        rect = QRectF(0, height - footer_h + 6, width, footer_h - 6)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft, _title())
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight,
                         translate("Report", "Page %1 of %2").replace("%1", str(page_no))
                         .replace("%2", str(total)))
        painter.restore()

    def new_page() -> None:
        writer.newPage()

    try:
        note(f"page 1/{total}: title")
        _title_page(painter, db, lang, start, end, generated, width, body_h, font)
        footer()
        new_page()
        note(f"page 2/{total}: contents")
        _contents_page(painter, contents, width, font)
        footer()
        for i, (title, spec) in enumerate(figures):
            new_page()
            note(f"page {page_no + 1}/{total}: figure {i + 1}/{len(figures)}")
            scene = build_scene(db, spec, title=title)
            try:
                write_page_view(scene.view, painter, QRectF(0, 0, width, body_h))
            finally:
                scene.view.close()
                scene.view.deleteLater()
            footer()
        ctx = QAbstractTextDocumentLayout.PaintContext()
        for i in range(text_pages):
            new_page()
            note(f"page {page_no + 1}/{total}: text {i + 1}/{text_pages}")
            painter.save()
            painter.translate(0, -i * body_h)
            clip = QRectF(0, i * body_h, width, body_h)
            painter.setClipRect(clip)
            ctx.clip = clip
            doc.documentLayout().draw(painter, ctx)
            painter.restore()
            footer()
    finally:
        painter.end()
    return ReportResult(pages=page_no, figure_pages=len(figures), text_pages=text_pages,
                        contents=contents)


def _title_page(painter: QPainter, db: LoadedDatabase, lang: str, start: dt.date,
                end: dt.date, generated: dt.date, width: float, height: float,
                font: QFont) -> None:
    ds = db.dataset
    counts = translate(
        "Report", "%1 events, %2 documents, %3 resolutions, %4 recommendations, %5 people, "
                  "%6 trust-fund contributors")
    for key, records in (("%1", ds.events), ("%2", ds.documents), ("%3", ds.resolutions),
                         ("%4", ds.recommendations), ("%5", ds.people),
                         ("%6", ds.contributors)):
        counts = counts.replace(key, str(len(records)))
    provenance = translate(
        "Report",
        "Built from the ITU Council's report to the 2014 Plenipotentiary Conference on the "
        "outcomes of CWG-WSIS since PP-10 (PP-14/20(Add.1), Chinese text), completed with dates, "
        "places and official titles from public ITU and UN pages. Every record cites its source "
        "(a report paragraph or an external page); English titles that are our own translation "
        "are marked as such.")
    subtitle = translate("Report", "CWG-WSIS meetings, Council sessions, conferences, "
                                   "recommendations and resolutions — a timeline report")
    rows = [(translate("Report", "Period covered:"), format_span(start, end, lang=lang)),
            (translate("Report", "Database:"), db.label),
            (translate("Report", "Contents of the database:"), counts),
            (translate("Report", "Provenance:"), provenance),
            (translate("Report", "Generated:"), format_span(generated, generated, lang=lang))]
    html = (f"<p style='font-size:22pt'><b>{escape(_title())}</b></p>"
            f"<p style='font-size:12pt'>{escape(subtitle)}</p><br/>"
            + "".join(f"<p><b>{escape(label)}</b> {escape(value)}</p>" for label, value in rows))
    _draw_html(painter, html, QRectF(width * 0.08, height * 0.18, width * 0.84, height * 0.8),
               font, 11)


def _contents_page(painter: QPainter, contents: list[tuple[str, int]], width: float,
                   font: QFont) -> None:
    rows = "".join(
        f"<tr><td>{'&nbsp;&nbsp;&nbsp;&nbsp;' if t.startswith('  ') else ''}"
        f"{escape(t.strip())}</td><td align='right'>{p}</td></tr>" for t, p in contents)
    heading = translate("Report", "Contents")
    html = (f"<p style='font-size:18pt'><b>{escape(heading)}</b></p>"
            f"<table width='100%' cellpadding='3'>{rows}</table>")
    _draw_html(painter, html, QRectF(width * 0.15, 20, width * 0.7, 700), font, 11)


def _draw_html(painter: QPainter, html: str, rect: QRectF, font: QFont, size: float) -> None:
    doc = QTextDocument()
    f = QFont(font)
    f.setPointSizeF(size)
    doc.setDefaultFont(f)
    doc.setTextWidth(rect.width())
    doc.setHtml(html)
    painter.save()
    painter.translate(rect.topLeft())
    doc.drawContents(painter, QRectF(QPointF(0, 0), rect.size()))
    painter.restore()


def print_progress(message: str) -> None:
    """One line, rewritten in place on a terminal; plain lines when piped."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\r\x1b[K{message}")
    else:
        sys.stderr.write(message + "\n")
    sys.stderr.flush()

