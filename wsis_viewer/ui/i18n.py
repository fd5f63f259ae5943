"""Translation helpers shared by the window's widgets.

Every user-visible string goes through Qt's translator (a later issue ships zh_CN/en .qm
files); these helpers keep the few places that need more than `self.tr()` in one spot.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from wsis_viewer.domain.lanes import Lane

LANGUAGES = ("en", "zh")


def tr(context: str, text: str, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, None, n)


def lane_label(lane: Lane, lang: str) -> str:
    """A lane's name in `lang`: the data's Chinese label, or the English one via the translator."""
    if lang == "zh":
        return lane.label_zh
    return tr("Lanes", lane.label_en)


def count_text(context: str, n: int, singular: str, plural: str) -> str:
    """'1 event' / '62 events'. Both forms are source strings, so English reads right without a
    .qm file; %n lets translators use Qt's plural forms."""
    return tr(context, singular if n == 1 else plural, n)
