"""Labels that show data (file names, search text, counts) as plain text, never rich text.

QLabel's default text format is Qt::AutoText: a text that *looks like* HTML (a file named
`<font size=7>BIG<img src=x>.sqlite`, a search for `<b>`) is rendered as rich text, images and
all. Every label of the window is switched to PlainText once it is built; labels meant to hold
markup must say so explicitly (setTextFormat(RichText)) and escape what they interpolate.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def make_labels_plain(root: QWidget) -> int:
    """Switch every AutoText QLabel under `root` to PlainText; returns how many."""
    count = 0
    for label in root.findChildren(QLabel):
        if label.textFormat() == Qt.TextFormat.AutoText:
            label.setTextFormat(Qt.TextFormat.PlainText)
            count += 1
    return count
