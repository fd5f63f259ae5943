"""File ▸ Export View (PNG 1×/2×/3×, SVG, PDF), Edit ▸ Copy Image and File ▸ Print.

What is exported is what is on screen: the window's ViewState (range, lanes, years, selection,
chain, search, language, theme) drawn by the same headless scene as `wsis-viewer screenshot`
(wsis_viewer.report.export), so the same state gives the same picture in both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication, QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from wsis_viewer.domain.notes import Note
from wsis_viewer.domain.view_state import ViewState
from wsis_viewer.report.export import export_view, paint_fitted, render_image
from wsis_viewer.report.view_spec import RenderOptions, caption_date_from_env
from wsis_viewer.session.loaded_database import LoadedDatabase
from wsis_viewer.ui import messages

EXPORT_SIZE = (1600, 900)
# lupdate extracts bare translate("Context", "…") calls as well as QCoreApplication's.
translate = QCoreApplication.translate


def export_options(scale: float = 1.0, notes: Sequence[Note] | None = None) -> RenderOptions:
    """`notes`: the window's notes when File ▸ Export ▸ Include Notes is on, else None."""
    return RenderOptions(*EXPORT_SIZE, scale=scale, caption_date=caption_date_from_env(),
                         notes=tuple(notes) if notes is not None else None)


def _default_name(db: LoadedDatabase, suffix: str) -> str:
    return f"{Path(db.label).stem or 'wsis'}-timeline-{dt.date.today().isoformat()}.{suffix}"


def _status(parent: QWidget, text: str) -> None:
    if isinstance(parent, QMainWindow):
        parent.statusBar().showMessage(text, 5000)


def export_to_file(db: LoadedDatabase, state: ViewState, path: Path, scale: float = 1.0,
                   notes: Sequence[Note] | None = None) -> None:
    """Write `state` to `path` (.png, .svg or .pdf)."""
    fmt = path.suffix.lower().lstrip(".")
    export_view(db, state, path, fmt if fmt in ("svg", "pdf") else "png",
                export_options(scale, notes))


def ask_and_export(parent: QWidget, db: LoadedDatabase, state: ViewState, fmt: str,
                   scale: float = 1.0, notes: Sequence[Note] | None = None) -> Path | None:
    """Ask where to save, then export; errors are shown, never raised."""
    filters = {"png": translate("ViewExport", "PNG image (*.png)"),
               "svg": translate("ViewExport", "SVG drawing (*.svg)"),
               "pdf": translate("ViewExport", "PDF document (*.pdf)")}
    path, _ = QFileDialog.getSaveFileName(parent, translate("ViewExport", "Export View"),
                                          _default_name(db, fmt), filters[fmt])
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() != f".{fmt}":
        target = target.with_name(target.name + f".{fmt}")
    try:
        export_to_file(db, state, target, scale, notes)
    except OSError as exc:
        messages.warn(parent, translate("ViewExport", "Export failed"),
                      translate("ViewExport", "Cannot write %1: %2")
                      .replace("%1", str(target)).replace("%2", exc.strerror or str(exc)))
        return None
    _status(parent, translate("ViewExport", "Exported %1").replace("%1", str(target)))
    return target


def copy_image(parent: QWidget, db: LoadedDatabase, state: ViewState,
               notes: Sequence[Note] | None = None) -> None:
    """The current view, at 2× for crisp pasting into documents."""
    image = render_image(db, state, export_options(2.0, notes))
    QGuiApplication.clipboard().setImage(image)
    _status(parent, translate("ViewExport", "View copied as an image"))


def paint_on_printer(db: LoadedDatabase, state: ViewState, printer: QPrinter,
                     notes: Sequence[Note] | None = None) -> None:
    painter = QPainter(printer)
    try:
        paint_fitted(db, state, export_options(1.0, notes), painter,
                     printer.pageLayout().paintRectPixels(printer.resolution()))
    finally:
        painter.end()


class PrintPreview(QPrintPreviewDialog):
    """The preview owns its printer: QPrintPreviewDialog does not, and a printer freed while
    the non-modal dialog is open makes its first paint crash (QPicture::play)."""

    def __init__(self, printer: QPrinter, parent: QWidget) -> None:
        super().__init__(printer, parent)
        self.owned_printer = printer


def print_with_preview(parent: QWidget, db: LoadedDatabase, state: ViewState,
                       notes: Sequence[Note] | None = None) -> PrintPreview:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    dialog = PrintPreview(printer, parent)
    dialog.setWindowTitle(translate("ViewExport", "Print Preview"))
    dialog.paintRequested.connect(lambda p: paint_on_printer(db, state, p, notes))
    dialog.open()
    return dialog
