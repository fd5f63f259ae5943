"""The marker for translatable strings that are not translated where they are written.

`QT_TRANSLATE_NOOP("Context", "text")` returns `text` unchanged; pyside6-lupdate finds the
call by its name and files "text" under "Context", and the code translates it later with
`QCoreApplication.translate("Context", text)` (tables of labels for data keys, column names).

Ours rather than PySide6's: it keeps the Qt-free layers (domain, panels) free of Qt, and it is
typed `-> str` (PySide6's returns `object`).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    del context  # only for lupdate
    return text
