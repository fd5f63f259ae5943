"""File > Export View (PNG 1×/2×/3×, SVG, PDF), Edit > Copy Image and File > Print.

What is exported is what is on screen: the window's timeline is copied with its range, lanes,
filters, selection and chain (TimelineWidget.export_copy) and laid out with the same caption
and legend as the headless `wsis-viewer screenshot` (wsis_viewer.report.render).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, QRect
from PySide6.QtGui import QGuiApplication, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox

from wsis_viewer.domain.timeline_index import x_to_date
from wsis_viewer.qt.i18n import lane_label
from wsis_viewer.report.render import (
    Caption,
    ExportView,
    caption_extra,
    default_title,
    legend_entries,
    render_png,
    settle,
    write_pdf,
    write_svg,
)
from wsis_viewer.report.view_spec import caption_date_from_env

if TYPE_CHECKING:
    from wsis_viewer.ui.main_window import MainWindow

EXPORT_SIZE = (1600, 900)
# lupdate extracts bare translate("Context", "…") calls as well as QCoreApplication's.
translate = QCoreApplication.translate


def build_export_view(window: MainWindow, size: tuple[int, int] = EXPORT_SIZE) -> ExportView:
    """The window's current timeline with a caption and a legend, ready to render."""
    db = window.db
    assert db is not None
    timeline = window.timeline.export_copy()
    x0, x1 = window.timeline.view_range()
    start, end = x_to_date(x0), x_to_date(x1 - 1)
    lang = window.lang
    extra = caption_extra(window.current.id if window.current is not None else None,
                          window.search.text())
    caption = Caption(default_title(), db.label, start, end, caption_date_from_env(), lang,
                      extra=extra)
    visible = window.timeline.visible_lanes()
    lanes = [(lane_label(lane, lang), db.index.lane_ids.index(lane.id))
             for lane in db.lanes if lane.id in visible and lane.id in db.index.lane_ids]
    view = ExportView(timeline, caption, legend_entries(lanes))
    view.setPalette(window.palette())
    view.setFont(window.font())
    view.resize(*size)
    timeline.set_view_range(x0, x1)
    return view


def _default_name(window: MainWindow, suffix: str) -> str:
    stem = Path(window.db.label).stem if window.db else "wsis"
    return f"{stem}-timeline-{dt.date.today().isoformat()}.{suffix}"


def export_to_file(window: MainWindow, path: Path, scale: float = 1.0) -> None:
    """Write the current view to `path` (.png, .svg or .pdf)."""
    view = build_export_view(window)
    width, height = EXPORT_SIZE
    try:
        fmt = path.suffix.lower()
        title = translate("ViewExport", "WSIS timeline")
        if fmt == ".svg":
            write_svg(view, path, width, height, title)
        elif fmt == ".pdf":
            write_pdf(view, path, width, height, title)
        else:
            image = render_png(view, width, height, scale)
            if not image.save(str(path), "PNG"):
                raise OSError(0, "the PNG writer failed", str(path))
    finally:
        view.close()
        view.deleteLater()


def ask_and_export(window: MainWindow, fmt: str, scale: float = 1.0) -> Path | None:
    """Ask where to save, then export; errors are shown, never raised."""
    filters = {"png": translate("ViewExport", "PNG image (*.png)"),
               "svg": translate("ViewExport", "SVG drawing (*.svg)"),
               "pdf": translate("ViewExport", "PDF document (*.pdf)")}
    path, _ = QFileDialog.getSaveFileName(window, translate("ViewExport", "Export View"),
                                          _default_name(window, fmt), filters[fmt])
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != f".{fmt}":
        target = target.with_name(target.name + f".{fmt}")
    try:
        export_to_file(window, target, scale)
    except OSError as exc:
        QMessageBox.warning(window, translate("ViewExport", "Export failed"),
                            translate("ViewExport", "Cannot write %1: %2")
                            .replace("%1", str(target))
                            .replace("%2", exc.strerror or str(exc)))
        return None
    window.statusBar().showMessage(
        translate("ViewExport", "Exported %1").replace("%1", str(target)), 5000)
    return target


def copy_image(window: MainWindow) -> None:
    """The current view, at 2× for crisp pasting into documents."""
    view = build_export_view(window)
    try:
        image = render_png(view, *EXPORT_SIZE, 2.0)
    finally:
        view.close()
        view.deleteLater()
    QGuiApplication.clipboard().setImage(image)
    window.statusBar().showMessage(translate("ViewExport", "View copied as an image"),
                                   5000)


def paint_fitted(window: MainWindow, painter: QPainter, page: QRect) -> None:
    """The export view scaled to fit `page` (keeping its proportions) on any painter."""
    view = build_export_view(window)
    try:
        settle(view)
        factor = min(page.width() / view.width(), page.height() / view.height())
        painter.save()
        painter.scale(factor, factor)
        view.render(painter, QPoint(0, 0))
        painter.restore()
    finally:
        view.close()
        view.deleteLater()


def paint_on_printer(window: MainWindow, printer: QPrinter) -> None:
    painter = QPainter(printer)
    try:
        paint_fitted(window, painter, printer.pageLayout().paintRectPixels(printer.resolution()))
    finally:
        painter.end()


def print_with_preview(window: MainWindow) -> QPrintPreviewDialog:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    dialog = QPrintPreviewDialog(printer, window)
    dialog.setWindowTitle(translate("ViewExport", "Print Preview"))
    dialog.paintRequested.connect(lambda p: paint_on_printer(window, p))
    dialog.open()
    return dialog

