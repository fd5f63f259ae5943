"""Building QActions in one line each, with the shortcut shown in menus and tooltips.

Texts can be set again (`set_action_text`) when the language changes: the tooltip is rebuilt
from the new text and the action's own shortcuts, so it never keeps the old language.
"""

from __future__ import annotations

import re
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
    set_action_text(action, text, tip)
    action.setCheckable(checkable)
    if name:
        action.setObjectName(name)
    if slot is not None:
        action.triggered.connect(slot)
    return action


def set_action_text(action: QAction, text: str, tip: str = "") -> None:
    """Text, tooltip ("Zoom In (+)") and status tip of `action`, in the current language."""
    action.setText(text)
    # "Zoom &In" -> "Zoom In"; "放大(&I)" -> "放大" (CJK menus append the mnemonic key).
    plain = re.sub(r"\(&\w\)", "", text)
    plain = plain.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()
    tooltip = tip or plain
    keys = action.shortcuts()
    if keys:
        key_text = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
        tooltip = f"{tooltip} ({key_text})"
    action.setToolTip(tooltip)
    action.setStatusTip(tip or plain)
    # Toolbar buttons show the icon text: without it Qt derives one from the menu text and
    # keeps a CJK mnemonic's brackets ("打开(O)").
    action.setIconText(plain)
