"""The search box: a line edit with a match count, filtering as the user types.

It only reports what the user wants (query, next, previous); the window owns the search index
and tells the bar how many matches there are. Enter steps to the next match (Shift+Enter the
previous) and Esc clears, all handled here so the window's single-key shortcuts never see them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget


class SearchBar(QWidget):
    queryChanged = Signal(str)
    nextRequested = Signal()
    previousRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchBar")
        self.edit = QLineEdit(self)
        self.edit.setObjectName("searchEdit")
        self.edit.setClearButtonEnabled(True)
        # Wide enough for a Chinese query and the placeholder, but the toolbar can shrink it.
        self.edit.setMinimumWidth(180)
        self.edit.setMaximumWidth(360)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("searchCount")
        self._count: int | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count_label)
        self.edit.textChanged.connect(self.queryChanged)
        self.edit.installEventFilter(self)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.edit.setPlaceholderText(self.tr("Search titles, symbols, resolutions…"))
        self.edit.setToolTip(self.tr(
            "Search event titles in English and Chinese, document symbols (C13/85) and "
            "resolution numbers (1334).\nEnter or F3: next match · Shift+F3: previous · "
            "Esc: clear"))
        # Room for the longest count in this language, so the box does not jump as one types.
        self.count_label.setMinimumWidth(
            self.fontMetrics().horizontalAdvance(self.tr("%n match(es)", None, 888)))
        self.set_match_count(self._count)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def focus(self) -> None:
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def set_match_count(self, count: int | None) -> None:
        """Show `count` matches, or nothing (None) when there is no query."""
        self._count = count
        if count is None:
            self.count_label.clear()
        elif count == 0:
            self.count_label.setText(self.tr("no matches"))
        else:
            self.count_label.setText(self.tr("%n match(es)", None, count))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() in (QEvent.Type.ShortcutOverride,
                                                     QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
                # Claim the key before any shortcut can (ShortcutOverride), then act on it.
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    self._on_key(key, event.modifiers())
                return True
        return super().eventFilter(watched, event)

    def _on_key(self, key: int, modifiers: Qt.KeyboardModifier) -> None:
        if key == Qt.Key.Key_Escape:
            self.edit.clear()
        elif modifiers & Qt.KeyboardModifier.ShiftModifier:
            self.previousRequested.emit()
        else:
            self.nextRequested.emit()
