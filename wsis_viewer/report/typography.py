"""Punctuation widths for the language of an export.

The bundled font is a Simplified Chinese one: its “ ” ‘ ’ † · … are full-width (one em, as a
hanzi), which is right in Chinese text and leaves holes in English ("marked  “inferred”",
"Resolution 1334 †", "wsis.sqlite  ·  data"). Its 'palt' feature (proportional alternate
widths) gives them their Latin widths; exports in English turn it on, Chinese ones keep the
full widths.
"""

from __future__ import annotations

from PySide6.QtGui import QFont


def for_language(font: QFont, lang: str) -> QFont:
    """A copy of `font` with punctuation widths suited to `lang`."""
    out = QFont(font)
    if lang != "zh":
        out.setFeature(QFont.Tag("palt"), 1)
    return out
