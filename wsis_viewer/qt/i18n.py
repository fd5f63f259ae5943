"""The application's languages: which translators are installed, and the helpers around them.

Every user-visible string is a source string in Qt's translation system, written so that
`pyside6-lupdate` finds it: `self.tr("…")` inside a class (context = the class name),
`QCoreApplication.translate("Context", "…")` or `QT_TRANSLATE_NOOP("Context", "…")` with a
*literal* context (lupdate reads the source text; a context held in a variable is invisible to
it). The catalogues are resources/translations/wsis_viewer_{en,zh_CN}.ts, compiled to .qm by
tools/update_translations.py.

Three UI languages:

- "en": English. Its .qm is installed too: it holds the English plural forms of "%n …(s)"
  strings and the readable labels of data keys (e.g. "led-to-resolution").
- "zh": Simplified Chinese (wsis_viewer_zh_CN.qm plus Qt's own qtbase_zh_CN.qm, so standard
  dialog buttons and context menus follow).
- "pseudo": pseudo-localisation for layout testing (`--lang pseudo` or WSIS_PSEUDO=1): every
  string comes back longer and accented, so clipped or untranslated text stands out.

The *data* language (which title of a bilingual record is shown) follows: zh for "zh", en
otherwise (`data_language`).
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QTranslator,
    qWarning,
)
from PySide6.QtGui import QGuiApplication

from wsis_viewer import paths
from wsis_viewer.domain.lanes import Lane
from wsis_viewer.domain.translation import QT_TRANSLATE_NOOP

LANGUAGES = ("en", "zh")  # data languages, and the languages of View > Language
PSEUDO = "pseudo"
UI_LANGUAGES = (*LANGUAGES, PSEUDO)
PSEUDO_ENV = "WSIS_PSEUDO"
QM_NAMES = {"en": "wsis_viewer_en", "zh": "wsis_viewer_zh_CN"}

# Lane names by lane id. The database also stores a Chinese label per lane; the UI takes the
# name from the catalogue so a lane reads the same in menus, axis, legend and report.
LANE_NAMES: dict[str, str] = {
    "cwg-wsis": QT_TRANSLATE_NOOP("Lanes", "CWG-WSIS"),
    "council": QT_TRANSLATE_NOOP("Lanes", "Council"),
    "plenipotentiary": QT_TRANSLATE_NOOP("Lanes", "Plenipotentiary"),
    "wsis-forum": QT_TRANSLATE_NOOP("Lanes", "WSIS Forum & HLE"),
    "unga": QT_TRANSLATE_NOOP("Lanes", "UN General Assembly"),
    "consultation": QT_TRANSLATE_NOOP("Lanes", "Consultations"),
    "other": QT_TRANSLATE_NOOP("Lanes", "Other"),
}


def data_language(ui_lang: str) -> str:
    """Which text of a bilingual record to show in UI language `ui_lang`."""
    return "zh" if ui_lang == "zh" else "en"


def locale_for(lang: str) -> QLocale:
    if lang == "zh":
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def system_language() -> str:
    """The language a first start uses: Chinese for a Chinese system locale, else English."""
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def pseudo_requested() -> bool:
    return os.environ.get(PSEUDO_ENV, "") not in ("", "0")


def lane_label(lane: Lane, lang: str | None = None) -> str:
    """A lane's name in the installed language.

    Lanes unknown to the catalogue (synthetic or future databases) use the database's own
    label in the data language `lang` (default: the current UI language's).
    """
    source = LANE_NAMES.get(lane.id)
    if source is not None:
        return QCoreApplication.translate("Lanes", source)
    lang = lang or data_language(current_language())
    return lane.label_zh if lang == "zh" else lane.label_en


# --- pseudo-localisation ------------------------------------------------------------------------

# Only Latin-1 accents: the bundled font (used alone for exports) covers Latin-1 but not
# Latin Extended-A, and pseudo text must never turn into tofu boxes itself.
_ACCENTS = str.maketrans("aceinouyACEINOUYD", "áçéîñöüýÅÇÉÎÑÖÜÝÐ")
# Kept verbatim: Qt and Python placeholders, HTML tags and entities, file patterns of dialog
# filters, and a mnemonic's letter (so the shortcut key stays typeable).
_PROTECTED = re.compile(r"%L?\d+|%n|<[^>]*>|&[a-z]+;|&&|&\w|\{[^}]*\}|\*\.\w+|\n")


def pseudo_localise(text: str) -> str:
    """'Search titles' -> '[!! Séárçh tîtléš ·· !!]': about 40% longer, accented, bracketed,
    so clipped ends and strings that bypass the translator are easy to see."""
    if not text.strip():
        return text
    parts: list[str] = []
    last = 0
    for m in _PROTECTED.finditer(text):
        parts.append(text[last:m.start()].translate(_ACCENTS))
        parts.append(m.group(0))
        last = m.end()
    parts.append(text[last:].translate(_ACCENTS))
    padding = "·" * max(0, math.ceil(0.4 * len(text)) - 8)
    return f"[!! {''.join(parts)}{' ' + padding if padding else ''} !!]"


class PseudoTranslator(QTranslator):
    """A translator that 'translates' every string of every context by pseudo-localising it.

    It starts from the English catalogue when one is given, so plurals read "3 events", not
    "3 event(s)". QCoreApplication.translate replaces %n after we return.
    """

    def __init__(self, english: QTranslator | None = None) -> None:
        super().__init__()
        self._english = english

    def translate(self, context: str, source_text: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        english = self._english.translate(context, source_text, disambiguation, n) \
            if self._english is not None else ""
        return pseudo_localise(english or source_text)

    def isEmpty(self) -> bool:
        return False

    def language(self) -> str:
        return "en_XA"  # the conventional pseudo-locale tag


# --- installing translators ---------------------------------------------------------------------

class _State:
    language: str | None = None  # None: nothing installed yet (plain source strings)
    installed: list[QTranslator] = []  # noqa: RUF012 (class-level state of one module)
    cache: dict[str, list[QTranslator]] = {}  # noqa: RUF012


def _load(name: str, folder: str) -> QTranslator | None:
    translator = QTranslator()
    if translator.load(name, folder):
        return translator
    return None


def translators_for(lang: str) -> list[QTranslator]:
    """Our catalogue for `lang` (and Qt's own for Chinese), loaded once per process."""
    if lang in _State.cache:
        return _State.cache[lang]
    found: list[QTranslator] = []
    if lang == PSEUDO:
        english = translators_for("en")
        found.append(PseudoTranslator(english[0] if english else None))
    else:
        ours = _load(QM_NAMES[lang], str(paths.translations_dir()))
        if ours is None:
            # Without it English loses its plural forms and Chinese is not shown: say so.
            qWarning(f"wsis-viewer: no translations for {lang!r} in {paths.translations_dir()}")
        else:
            found.append(ours)
        if lang == "zh":
            # Qt's own strings (OK/Cancel, the line edits' context menu, the print dialog).
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            qtbase = _load("qtbase_zh_CN", qt_dir)
            if qtbase is not None:
                found.append(qtbase)
    _State.cache[lang] = found
    return found


def current_language() -> str:
    """The installed UI language ("en" when none was installed yet)."""
    return _State.language or "en"


def set_app_language(lang: str) -> None:
    """Install the translators of `lang` (en, zh or pseudo) in place of the current ones.

    Qt then posts QEvent.LanguageChange to every widget; widgets that show text retranslate
    themselves in changeEvent. Requires a QCoreApplication.
    """
    if lang not in UI_LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (expected one of {UI_LANGUAGES})")
    if lang == _State.language:
        return
    _uninstall()
    for translator in translators_for(lang):
        QCoreApplication.installTranslator(translator)
        _State.installed.append(translator)
    _State.language = lang
    # Qt's locale-aware widgets (spin boxes, calendars, dialogs) follow the UI language.
    QLocale.setDefault(locale_for(data_language(lang)))
    if isinstance(QCoreApplication.instance(), QGuiApplication):
        QGuiApplication.setApplicationDisplayName(
            QCoreApplication.translate("App", "WSIS Timeline Viewer"))


def _uninstall() -> None:
    for translator in _State.installed:
        QCoreApplication.removeTranslator(translator)
    _State.installed = []
    _State.language = None


@contextmanager
def app_language(lang: str) -> Iterator[None]:
    """Use `lang` for the duration (a headless export), then restore what was installed."""
    previous = _State.language
    set_app_language(lang)
    try:
        yield
    finally:
        if previous is None:
            _uninstall()
            QLocale.setDefault(locale_for("en"))
        else:
            set_app_language(previous)
