"""Message boxes whose text is never interpreted: file names and data go in escaped.

QMessageBox guesses whether a text is rich text (Qt::mightBeRichText), so a file named
`<font size=7>x.sqlite` would render as markup. The text is escaped and wrapped in a paragraph,
which makes the guess "rich" and the content literal.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QMessageBox, QWidget


def as_rich_text(text: str) -> str:
    return "<p>" + html.escape(text, quote=False).replace("\n", "<br>") + "</p>"


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, as_rich_text(text))
