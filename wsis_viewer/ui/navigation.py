"""Back and Forward through the views the user visited, like a browser.

Each history entry is a whole ViewState (what was selected, searched, filtered and framed), so
Back restores exactly what was on screen. Alt+←/→, the toolbar and the mouse's back/forward
buttons (anywhere in the window: child widgets would swallow them) all come here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from wsis_viewer.domain.history import NavigationHistory
from wsis_viewer.domain.view_state import ViewState


class Navigation(QObject):
    """Owns the history; `restore` is called with the state to show after Back/Forward."""

    def __init__(self, window: QWidget, current: Callable[[], ViewState],
                 restore: Callable[[ViewState], None]) -> None:
        super().__init__(window)
        self.window = window
        self.history: NavigationHistory[ViewState] = NavigationHistory()
        self._current = current
        self._restore = restore
        self.actions: tuple[QAction, QAction] | None = None  # (back, forward), to enable
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def detach(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def visit(self, state: ViewState) -> None:
        """A new selection: a new entry (dropping the forward ones), unless it repeats the
        current one, which then only takes the new time range."""
        current = self.history.current
        if current is not None and current.target.same_place(state):
            self.history.replace_current(state)
        else:
            self.history.visit(state)
        self.update_actions()

    def remember_view(self) -> None:
        """Keep where the user panned to on the current entry, before leaving it."""
        if self.history.current is not None:
            self.history.replace_current(self._current())

    def back(self) -> None:
        self.remember_view()
        visit = self.history.back()
        if visit is not None:
            self._restore(visit.target)
        self.update_actions()

    def forward(self) -> None:
        self.remember_view()
        visit = self.history.forward()
        if visit is not None:
            self._restore(visit.target)
        self.update_actions()

    def clear(self) -> None:
        self.history.clear()
        self.update_actions()

    def update_actions(self) -> None:
        if self.actions is not None:
            back, forward = self.actions
            back.setEnabled(self.history.can_go_back())
            forward.setEnabled(self.history.can_go_forward())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent) \
                and isinstance(watched, QWidget) and watched.window() is self.window:
            if event.button() == Qt.MouseButton.BackButton:
                self.back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.forward()
                return True
        return super().eventFilter(watched, event)
