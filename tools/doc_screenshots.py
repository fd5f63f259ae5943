"""Regenerate the pictures under docs/ (offscreen, isolated settings).

    .venv/bin/python tools/doc_screenshots.py [OUTPUT_DIR]

Window screenshots, a sample exported figure, and a sample PDF report with PNGs of some of its
pages (those need pdftoppm, from Debian's poppler-utils; skipped with a note without it).

Look at every picture after running it: tests cannot see overlapping labels or tofu boxes.
The language pictures docs/img/i18n-{en,zh,pseudo}.png come from the language tests:
`WSIS_DOC_SCREENSHOTS=1 pytest tests/gui/test_i18n.py`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from wsis_viewer import paths
from wsis_viewer.domain.model import RecordType
from wsis_viewer.domain.relations import RecordRef
from wsis_viewer.domain.report_text import load_report_text
from wsis_viewer.domain.timeline_index import date_to_x
from wsis_viewer.ui.app import create_app
from wsis_viewer.ui.main_window import MainWindow
from wsis_viewer.ui.settings import ViewerSettings


def output_folder() -> Path:
    """The folder named on the command line, else docs/img (created)."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else paths.resources_dir().parent / "docs/img")
    out.mkdir(parents=True, exist_ok=True)
    return out


def window_factory(settings_dir: str) -> Callable[[str], MainWindow]:
    """window(lang): a 1600×1000 window on the bundled database, with settings of its own
    (in `settings_dir`), as a user sees it on a first start."""

    def window(lang: str) -> MainWindow:
        settings = QSettings(f"{settings_dir}/{lang}.ini", QSettings.Format.IniFormat)
        w = MainWindow(ViewerSettings(settings), lang=lang)
        w.resize(1600, 1000)
        w.show()
        assert w.open_database(paths.bundled_database())
        return w

    return window


def settler(app: QApplication, rounds: int) -> Callable[[], None]:
    """settle(): let layouts and paints happen before a picture is taken."""

    def settle() -> None:
        for _ in range(rounds):
            app.processEvents()

    return settle


def main() -> None:
    out = output_folder()
    app = create_app(["doc-screenshots"])
    window = window_factory(tempfile.mkdtemp())
    settle = settler(app, 5)

    w = window("en")
    settle()
    w.grab().save(str(out / "window-full.png"))
    w.timeline.set_view_range(date_to_x(dt.date(2013, 5, 25)), date_to_x(dt.date(2013, 6, 24)))
    w.timeline.select("cwg-22", ensure_visible=False)
    settle()
    w.grab().save(str(out / "window-2013-days.png"))
    w.navigate_to(RecordRef(RecordType.RESOLUTION, "res-c1334"))
    settle()
    w.grab().save(str(out / "chain-resolution-1334.png"))
    w.navigate_to(RecordRef(RecordType.RECOMMENDATION, "rec-4.5.3"))
    settle()
    w.grab().save(str(out / "chain-recommendation-4.5.3.png"))
    w.close()

    z = window("zh")
    z.navigate_to(RecordRef(RecordType.RESOLUTION, "res-c1334"))
    settle()
    z.grab().save(str(out / "chain-resolution-1334-zh.png"))
    z.close()


def report_text_file() -> Path | None:
    """The report's text: $WSIS_REPORT_TEXT, else ../shared/seed/ beside the repository."""
    candidates = [Path(os.environ.get("WSIS_REPORT_TEXT", "")),
                  paths.resources_dir().parent.parent / "shared/seed/000_82b41a7465f77ec1.txt"]
    return next((p for p in candidates if p.is_file()), None)


def provenance(out: Path) -> None:
    """The detail panel with an inferred link, and the Source page of a paragraph."""
    create_app(["doc-screenshots"])
    settings = QSettings(f"{tempfile.mkdtemp()}/provenance.ini", QSettings.Format.IniFormat)
    w = MainWindow(ViewerSettings(settings), lang="en")
    w.resize(1600, 1000)
    w.show()
    assert w.open_database(paths.bundled_database())
    w.resizeDocks([w.detail_dock], [640], Qt.Orientation.Horizontal)
    w.navigate_to(RecordRef(RecordType.DOCUMENT, "C12/55"))
    QApplication.processEvents()
    w.detail.grab().save(str(out / "panel-inferred-link.png"))
    text = report_text_file()
    if text is None:
        print("the report's text was not found: Source page pictured without it")
    else:
        w.detail.set_report_text(load_report_text(text))
    w.detail.show_source("§2.3.3")
    QApplication.processEvents()
    w.detail.grab().save(str(out / "source-panel.png"))
    w.detail.set_report_text(None)
    w.detail.show_source("§2.2.6")
    QApplication.processEvents()
    w.detail.grab().save(str(out / "source-panel-without-text.png"))
    w.close()


def samples(out: Path) -> None:
    """A figure and a report made by the command line, as a user would script them."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SOURCE_DATE_EPOCH": "1732752000"}

    def cli(*args: str) -> None:
        subprocess.run([sys.executable, "-m", "wsis_viewer", *args], check=True, env=env)

    cli("screenshot", str(out / "sample-figure.png"), "--from", "2011-01", "--to", "2014-12",
        "--select", "res-c1334", "--details", "--size", "1600x900")
    cli("screenshot", str(out / "sample-figure-zh-dark.png"), "--from", "2013", "--to", "2014",
        "--lang", "zh", "--theme", "dark", "--search", "WSIS+10", "--size", "1600x900")
    if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        print("pdftoppm/pdftotext not found: no sample report (apt-get install poppler-utils)")
        return
    for old in out.glob("report-page-*.png"):
        old.unlink()
    for lang, report in (("en", out.parent / "sample-report.pdf"),
                         ("zh", out.parent / "sample-report-zh.pdf")):
        cli("report", str(report), "--lang", lang)
        # Pages chosen by what is on them (page numbers move as the data grows).
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(report), "-"], check=True,
                              capture_output=True, text=True).stdout.split("\f")
        documents = "Documents" if lang == "en" else "文件"
        wanted = {"title": 1, "whole-period": 3,
                  "documents": next(i for i, t in enumerate(text, 1)
                                    if i > 2 and re.search(rf"^{documents}$", t, re.M))}
        if lang == "zh":
            wanted = {k: v for k, v in wanted.items() if k != "title"}
        for name, page in wanted.items():
            stem = f"report-{name}" if lang == "en" else f"report-zh-{name}"
            subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", str(page),
                            "-l", str(page), str(report), str(out / stem)], check=True)

if __name__ == "__main__":
    if sys.argv[1:2] == ["--provenance"]:  # only the provenance pictures
        provenance(paths.resources_dir().parent / "docs/img")
        raise SystemExit(0)
    main()
    target = Path(sys.argv[1] if len(sys.argv) > 1 else paths.resources_dir().parent / "docs/img")
    provenance(target)
    samples(target)
