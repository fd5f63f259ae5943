"""The record context menu: Copy Citation, Copy Link, Open Source, Zoom To.

Shared by the timeline, the result list, the tables and the detail panel, so the same record
gives the same menu wherever it is right-clicked.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from wsis_viewer.domain.app_links import citation, record_link, source_target
from wsis_viewer.domain.relations import RecordRef, Relations


class RecordMenu(QObject):
    """Builds the menu for one record; `zoom_to` selects it and frames it on the timeline,
    `show_paragraph` tells the user where a report paragraph is (no URL exists for one)."""

    def __init__(self, relations: Callable[[], Relations], lang: Callable[[], str],
                 zoom_to: Callable[[RecordRef], None], show_paragraph: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relations = relations
        self._lang = lang
        self._zoom_to = zoom_to
        self._show_paragraph = show_paragraph

    def menu(self, ref: RecordRef, parent: QWidget) -> QMenu:
        menu = QMenu(parent)
        menu.setObjectName("recordMenu")
        self.add_actions(menu, ref)
        return menu

    def add_actions(self, menu: QMenu, ref: RecordRef) -> None:
        """Add the record's actions to `menu` (e.g. after a text view's Copy / Select All)."""
        rel = self._relations()
        menu.addAction(self.tr("Copy Citation"), lambda: copy_text(
            citation(rel, ref, self._lang())))
        menu.addAction(self.tr("Copy Link"), lambda: copy_text(record_link(ref)))
        target = source_target(rel, ref)
        source = menu.addAction(self.tr("Open Source"), lambda: self.open_source(ref))
        source.setEnabled(target is not None)
        menu.addSeparator()
        menu.addAction(self.tr("Zoom To"), lambda: self._zoom_to(ref))

    def open_source(self, ref: RecordRef) -> None:
        target = source_target(self._relations(), ref)
        if target is None:
            return
        if "://" in target:
            QDesktopServices.openUrl(QUrl(target))
        else:
            self._show_paragraph(target)


def copy_text(text: str) -> None:
    clipboard = QGuiApplication.clipboard()
    if clipboard is not None:
        clipboard.setText(text)
