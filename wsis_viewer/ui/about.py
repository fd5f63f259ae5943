"""Help ▸ About: version, database file, build date, record counts and the data's provenance.

The texts are translated by the caller (SearchFeatures.about_text), which lupdate reads.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget


def about_html(title: str, rows: Sequence[tuple[str, str]], provenance: str) -> str:
    table = "".join(f"<tr><td><b>{html.escape(k)}</b>&nbsp;</td><td>{html.escape(v)}</td></tr>"
                    for k, v in rows if v)
    return f"<h3>{html.escape(title)}</h3><table>{table}</table><p>{html.escape(provenance)}</p>"


def file_date(path: str | None) -> str:
    """The database file's modification time (when it was built), or "" for a URL."""
    if not path or "://" in path or not Path(path).is_file():
        return ""
    stamp = dt.datetime.fromtimestamp(Path(path).stat().st_mtime, tz=dt.UTC)
    return stamp.strftime("%Y-%m-%d %H:%M UTC")


def show_about(parent: QWidget, text: str, title: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("aboutBox")
    box.setWindowTitle(title)
    box.setIcon(QMessageBox.Icon.Information)
    box.setText(text)
    box.open()
    return box
