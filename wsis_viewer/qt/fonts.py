"""The bundled CJK font: registered at start-up and made the application font's fallback.

Many machines (CI runners, minimal Linux installs, some Windows locales) have no Chinese font,
and Qt then draws empty boxes. We ship a subset of Noto Sans SC and append its family to the
application font's family list, so the system's own UI font still draws Latin text and ours
draws whatever it lacks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

from wsis_viewer import paths

FONT_SUFFIXES = (".otf", ".ttf", ".otc", ".ttc")

# path -> families; addApplicationFont registers a file again on every call, so remember it.
_registered: dict[Path, list[str]] = {}


def register_bundled_fonts(folder: Path | None = None) -> dict[Path, list[str]]:
    """Register every font file in `folder` (default: the bundled fonts) with Qt.

    Returns the families of each file that loaded. A file Qt cannot read is skipped: the
    window still works, only the fallback is missing, and the font test reports it.
    """
    folder = folder or paths.fonts_dir()
    loaded: dict[Path, list[str]] = {}
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.suffix.lower() not in FONT_SUFFIXES:
            continue
        if path not in _registered:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                continue
            _registered[path] = list(QFontDatabase.applicationFontFamilies(font_id))
        loaded[path] = _registered[path]
    return loaded


def bundled_families() -> list[str]:
    """Families of the registered bundled fonts, in file order, without duplicates."""
    families: list[str] = []
    for names in register_bundled_fonts().values():
        families += [n for n in names if n not in families]
    return families


def with_fallbacks(font: QFont, fallbacks: list[str]) -> QFont:
    """A copy of `font` drawing in its resolved family first, then in `fallbacks`.

    The resolved family (QFontInfo), not the requested one: Linux platform themes ask for the
    alias "Sans Serif", which is no installed family, and Qt would then skip it and draw all
    text, Latin too, in the first fallback.
    """
    resolved = QFontInfo(font).family()
    result = QFont(font)
    result.setFamilies([resolved] + [f for f in fallbacks if f != resolved])
    return result


def install_cjk_fallback(app: QGuiApplication) -> list[str]:
    """Register the bundled fonts and add them as fallbacks to the application font."""
    fallbacks = bundled_families()
    if fallbacks and fallbacks[-1] not in app.font().families():
        app.setFont(with_fallbacks(app.font(), fallbacks))
    return fallbacks
