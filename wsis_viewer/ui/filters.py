"""Which part of the data the timeline shows: lane toggles and a year range.

Both only describe the user's choice and signal it; the window forwards it to the timeline
(as changes of its ViewState) and to the settings.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QSpinBox, QWidget

from wsis_viewer.domain.lanes import Lane
from wsis_viewer.domain.view_state import year_dates
from wsis_viewer.qt.i18n import lane_label


def menu_text(name: str) -> str:
    """A data value as a menu item's text: "&" would otherwise start a mnemonic and vanish
    ("WSIS Forum & HLE" would read "WSIS Forum  HLE")."""
    return name.replace("&", "&&")


class LaneToggles(QObject):
    """One checkable action per lane, in a menu (View ▸ Lanes)."""

    changed = Signal()

    def __init__(self, menu: QMenu, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = menu
        self._actions: dict[str, QAction] = {}
        self._lanes: tuple[Lane, ...] = ()
        self.show_all = QAction(self)
        self.show_all.setObjectName("showAllLanes")
        self.show_all.triggered.connect(self.show_all_lanes)
        self.retranslate()

    def retranslate(self) -> None:
        """Lane names and 'Show All Lanes' in the installed language (a QObject gets no
        LanguageChange: the window calls this)."""
        self.show_all.setText(self.tr("Show All Lanes"))
        for lane in self._lanes:
            self._actions[lane.id].setText(menu_text(lane_label(lane)))

    def set_lanes(self, lanes: tuple[Lane, ...], hidden: set[str]) -> None:
        self.menu.clear()
        for action in self._actions.values():
            action.deleteLater()
        self._actions = {}
        self._lanes = tuple(lanes)
        for lane in lanes:
            action = QAction(menu_text(lane_label(lane)), self)
            action.setObjectName(f"lane:{lane.id}")
            action.setCheckable(True)
            action.setChecked(lane.id not in hidden)
            action.toggled.connect(self.changed)
            self.menu.addAction(action)
            self._actions[lane.id] = action
        self.menu.addSeparator()
        self.menu.addAction(self.show_all)
        self.menu.setEnabled(bool(lanes))

    def action(self, lane_id: str) -> QAction:
        return self._actions[lane_id]

    def visible(self) -> set[str]:
        return {lane for lane, action in self._actions.items() if action.isChecked()}

    def hidden(self) -> set[str]:
        return set(self._actions) - self.visible()

    def show_all_lanes(self) -> None:
        for action in self._actions.values():
            action.blockSignals(True)
            action.setChecked(True)
            action.blockSignals(False)
        self.changed.emit()


class YearRangeFilter(QWidget):
    """'Years 2010 – 2014': two spin boxes bounded by the dataset's first and last year."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("yearRangeFilter")
        self.first = QSpinBox(self)
        self.first.setObjectName("yearFrom")
        self.last = QSpinBox(self)
        self.last.setObjectName("yearTo")
        for box in (self.first, self.last):
            # Filter once the user has finished typing a year, not at "2" and "20".
            box.setKeyboardTracking(False)
            box.valueChanged.connect(self._on_value)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        self.label = QLabel(self)
        self.label.setObjectName("yearsLabel")
        self.label.setBuddy(self.first)
        layout.addWidget(self.label)
        layout.addWidget(self.first)
        layout.addWidget(QLabel("\u2013", self))
        layout.addWidget(self.last)
        self._bounds = (0, 0)
        self.set_bounds(None)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.label.setText(self.tr("Years"))
        self.first.setToolTip(self.tr("First year shown"))
        self.last.setToolTip(self.tr("Last year shown"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_bounds(self, bounds: tuple[int, int] | None) -> None:
        """The dataset's years; the selection resets to all of them."""
        self._bounds = bounds or (0, 0)
        for box in (self.first, self.last):
            box.blockSignals(True)
            box.setRange(*self._bounds)
        self.first.setValue(self._bounds[0])
        self.last.setValue(self._bounds[1])
        for box in (self.first, self.last):
            box.blockSignals(False)
        self.setEnabled(bounds is not None)

    def set_years(self, years: tuple[int, int] | None) -> None:
        """Select `years` (clamped to the bounds); None selects every year."""
        first, last = years or self._bounds
        for box in (self.first, self.last):
            box.blockSignals(True)
        self.first.setValue(first)
        self.last.setValue(max(last, self.first.value()))
        for box in (self.first, self.last):
            box.blockSignals(False)
        self.changed.emit()

    def years(self) -> tuple[int, int] | None:
        """The selected years, or None when they are all of the dataset's (no filter)."""
        selected = (self.first.value(), self.last.value())
        return None if selected == self._bounds else selected

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        return year_dates(self.years())

    def _on_value(self) -> None:
        # Keep first <= last by moving the other box, so every state is a valid range.
        sender = self.sender()
        if self.first.value() > self.last.value():
            other = self.last if sender is self.first else self.first
            other.blockSignals(True)
            other.setValue(self.first.value() if other is self.last else self.last.value())
            other.blockSignals(False)
        self.changed.emit()
