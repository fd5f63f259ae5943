"""File > Export View, Edit > Copy Image and Print: what is on screen, read back."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from wsis_viewer.domain.model import RecordType as T
from wsis_viewer.domain.relations import RecordRef
from wsis_viewer.ui.main_window import MainWindow
from wsis_viewer.ui.view_export import export_options, paint_fitted, paint_on_printer

pytestmark = pytest.mark.gui


@pytest.fixture
def window(bundled_window: MainWindow) -> MainWindow:
    w = bundled_window
    w.navigate_to(RecordRef(T.RESOLUTION, "res-c1334"))
    w.lane_toggles.action("unga").setChecked(False)
    return w


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))


def svg_texts(path: Path) -> list[str]:
    """The SVG's texts: glyph outlines keep theirs in aria-label (text as paths, the default)."""
    root = ET.parse(path).getroot()
    ns = "{http://www.w3.org/2000/svg}"
    return (["".join(t.itertext()).strip() for t in root.iter(f"{ns}text")]
            + [p.get("aria-label", "").strip() for p in root.iter(f"{ns}path")
               if p.get("aria-label")])


def test_export_png_scales(window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    for scale in (1, 2, 3):
        out = tmp_path / f"view{scale}.png"
        save_to(monkeypatch, out)
        window.act_export_png[scale].trigger()
        image = QImage(str(out))
        assert (image.width(), image.height()) == (1600 * scale, 900 * scale)


def test_export_svg_is_what_is_on_screen(window: MainWindow, monkeypatch, tmp_path) -> None:
    out = tmp_path / "view"  # no suffix: the format's is added
    save_to(monkeypatch, out)
    window.act_export_svg.trigger()
    texts = svg_texts(tmp_path / "view.svg")
    joined = " ".join(texts)
    # The caption names the selection as people do, never by an internal id.
    assert "selected: Council Resolution 1334" in joined and "res-c1334" not in joined
    assert "+27 days" in texts and "Council 2012" in texts  # the chain, drawn
    assert "UN General Assembly" not in texts  # the hidden lane is not in the legend either
    assert "CWG-WSIS" in texts


def test_export_pdf_and_print(window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    out = tmp_path / "view.pdf"
    save_to(monkeypatch, out)
    window.act_export_pdf.trigger()
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    assert "Council 2012" in " ".join(reader.pages[0].extract_text().split())

    # Print: the same picture fitted to the page. (Qt's printer PDF keeps no extractable
    # text here, so the page is checked as pixels, painted the way the printer is.)
    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    paint_on_printer(window.db, window.view_state(), printer)
    assert len(PdfReader(printed).pages) == 1
    page = QImage(1100, 800, QImage.Format.Format_RGB32)
    page.fill(0xFFFFFF)
    painter = QPainter(page)
    paint_fitted(window.db, window.view_state(), export_options(), painter,
                 QRect(0, 0, 1100, 800))
    painter.end()
    colours = {page.pixel(x, y) for x in range(0, 1100, 7) for y in range(0, 619, 7)}
    assert len(colours) > 20  # the timeline, not a blank page
    assert page.pixel(1099, 700) == QColor("white").rgb()  # fitted: 1600x900 → 1100x619


def test_copy_image(window: MainWindow) -> None:
    window.act_copy_image.trigger()
    image = QGuiApplication.clipboard().image()
    assert not image.isNull()
    assert (image.width(), image.height()) == (3200, 1800)


def test_export_error_is_shown_not_raised(window: MainWindow, monkeypatch, tmp_path) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, title, text: shown.append(text)))
    save_to(monkeypatch, tmp_path / "missing-folder" / "view.png")
    window.act_export_png[1].trigger()
    assert shown and "missing-folder" in shown[0]
