"""Help ▸ Keyboard Shortcuts: every shortcut of the window, read from the action table.

Generated from the ActionSpec rows (ui/main_actions.py) and the live QActions, so the list can
never disagree with what the keys do: a shortcut added to the table appears here, in the
current language, with the platform's key names. Keys that are not actions (Tab between the
panes, the arrow keys inside a list) are listed after them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wsis_viewer.domain.translation import QT_TRANSLATE_NOOP
from wsis_viewer.ui.main_actions import ActionSpec

CONTEXT = "ShortcutsDialog"

# Keys handled by Qt's widgets themselves, not by actions.
OTHER_KEYS: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Next / previous pane (toolbar boxes, timeline, "
                                          "details, lists)"), "Tab, Shift+Tab"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Open the menus"), "Alt, F10"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Follow the next link in the details"), "Tab, Enter"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Move in a list; select its record"),
     "↑ ↓, Space"),
)


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def plain(text: str) -> str:
    """A menu text without its mnemonic: "Zoom &In" → "Zoom In", "放大(&I)" → "放大"."""
    text = re.sub(r"\(&\w\)", "", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _media_key(keys: QKeySequence) -> bool:
    """Keys of multimedia keyboards ("Open", "Back", "Zoom In" keys) that the platform's
    standard bindings add: real, but listing them as "Open" next to Ctrl+O only confuses."""
    return keys.count() == 1 and keys[0].key().value >= FIRST_MEDIA_KEY  # type: ignore[index]


FIRST_MEDIA_KEY = Qt.Key.Key_Back.value  # after Esc, Tab, arrows, Home, F1…F35


def shortcut_rows(specs: Iterable[ActionSpec],
                  actions: dict[str, QAction]) -> list[tuple[str, str, str]]:
    """(what, keys, where) for every action of `specs` that has a shortcut."""
    rows = []
    for spec in specs:
        action = actions.get(spec.name)
        if action is None or not action.shortcuts():
            continue
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                         for k in action.shortcuts() if not _media_key(k))
        where = tr(QT_TRANSLATE_NOOP("ShortcutsDialog", "timeline")) if spec.timeline \
            else tr(QT_TRANSLATE_NOOP("ShortcutsDialog", "anywhere"))
        rows.append((plain(action.text()), keys, where))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, specs: Sequence[ActionSpec], actions: dict[str, QAction],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(tr(QT_TRANSLATE_NOOP("ShortcutsDialog", "Keyboard Shortcuts")))
        rows = shortcut_rows(specs, actions)
        rows += [(tr(what), keys, tr(QT_TRANSLATE_NOOP("ShortcutsDialog", "anywhere")))
                 for what, keys in OTHER_KEYS]
        intro = QLabel(tr(QT_TRANSLATE_NOOP(
            "ShortcutsDialog", "Keys marked “timeline” act while the timeline has the keyboard "
                               "focus (Tab moves it there).")), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([
            tr(QT_TRANSLATE_NOOP("ShortcutsDialog", "Action")),
            tr(QT_TRANSLATE_NOOP("ShortcutsDialog", "Keys")),
            tr(QT_TRANSLATE_NOOP("ShortcutsDialog", "Where"))])
        self.table.setAccessibleName(self.windowTitle())
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 60,
                    self.fontMetrics().height() * 30)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def rows(self) -> list[tuple[str, str, str]]:
        def cell(r: int, c: int) -> str:
            item = self.table.item(r, c)
            return item.text() if item is not None else ""
        return [(cell(r, 0), cell(r, 1), cell(r, 2)) for r in range(self.table.rowCount())]
