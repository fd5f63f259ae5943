"""Building QActions in one line each, with the shortcut shown in menus and tooltips."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

Shortcut = QKeySequence | QKeySequence.StandardKey | str | Qt.Key


def make_action(
    parent: QObject, text: str, slot: Callable[[], object] | None = None, *,
    shortcuts: Sequence[Shortcut] = (), tip: str = "", name: str = "",
    checkable: bool = False,
) -> QAction:
    """A QAction whose tooltip and status tip repeat its first shortcut."""
    action = QAction(text, parent)
    keys: list[QKeySequence] = []
    for shortcut in shortcuts:
        if isinstance(shortcut, QKeySequence.StandardKey):
            keys += QKeySequence.keyBindings(shortcut)
        else:
            keys.append(QKeySequence(shortcut))
    if keys:
        action.setShortcuts(keys)
    plain = text.replace("&", "").rstrip("…").strip()
    tooltip = tip or plain
    if keys:
        key_text = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
        tooltip = f"{tooltip} ({key_text})"
    action.setToolTip(tooltip)
    action.setStatusTip(tip or plain)
    action.setCheckable(checkable)
    if name:
        action.setObjectName(name)
    if slot is not None:
        action.triggered.connect(slot)
    return action
