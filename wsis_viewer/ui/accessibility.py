"""The window's accessibility, installed by one call (`install_accessibility(window)`):

* an accessible name and description, in the current language, for every dock, toolbar
  box, filter box, list and the detail panel (screen readers read these; without them Orca
  says "text" or "table" and nothing else);
* a logical tab order: the toolbar's boxes, the timeline, the detail panel, then each list's
  filter, status and table;
* View ▸ Theme (System, Light, Dark, High Contrast: ui/themes.py) and Help ▸ Keyboard
  Shortcuts (ui/shortcuts_dialog.py), both from ActionSpec rows (ui/main_actions.py).

The timeline canvas and its events have their own accessible interfaces
(timeline/accessible.py).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLineEdit, QMenu, QToolButton, QWidget

from wsis_viewer.domain.translation import QT_TRANSLATE_NOOP
from wsis_viewer.ui.main_actions import (
    ACTIONS,
    HELP_ACTIONS,
    PAN_ACTIONS,
    THEME_ACTIONS,
    create_actions,
    retranslate_actions,
)
from wsis_viewer.ui.shortcuts_dialog import ShortcutsDialog
from wsis_viewer.ui.themes import CHOICES, saved_choice

if TYPE_CHECKING:
    from wsis_viewer.ui.main_window import MainWindow

CONTEXT = "Accessibility"
PAN_SHARE = 0.25


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# (attribute path from the window, name, description). Names are short (what it is);
# descriptions say what it does and how to use it from the keyboard.
NAMES: tuple[tuple[str, str, str], ...] = (
    ("toolbar", QT_TRANSLATE_NOOP("Accessibility", "Main toolbar"),
     QT_TRANSLATE_NOOP("Accessibility", "Open, history, zoom, event steps, years and search")),
    ("detail_dock", QT_TRANSLATE_NOOP("Accessibility", "Details"),
     QT_TRANSLATE_NOOP("Accessibility", "The selected record")),
    ("detail.browser", QT_TRANSLATE_NOOP("Accessibility", "Details of the selected record"),
     QT_TRANSLATE_NOOP("Accessibility",
                       "Titles, dates, sources and links to related records. Tab moves "
                       "between the links; Enter follows one.")),
    ("recommendations_dock", QT_TRANSLATE_NOOP("Accessibility", "Recommendations"),
     QT_TRANSLATE_NOOP("Accessibility", "The report's recommendations and their status")),
    ("resolutions_dock", QT_TRANSLATE_NOOP("Accessibility", "Resolutions"),
     QT_TRANSLATE_NOOP("Accessibility", "The resolutions and the steps that led to them")),
    ("recommendations.filter", QT_TRANSLATE_NOOP("Accessibility", "Filter recommendations"),
     QT_TRANSLATE_NOOP("Accessibility", "Shows only the recommendations containing this text")),
    ("recommendations.status", QT_TRANSLATE_NOOP("Accessibility", "Recommendation status"),
     QT_TRANSLATE_NOOP("Accessibility", "Shows only recommendations with this status")),
    ("recommendations.table", QT_TRANSLATE_NOOP("Accessibility", "Recommendations list"),
     QT_TRANSLATE_NOOP("Accessibility",
                       "Arrow keys move; the selected recommendation opens in the details")),
    ("resolutions.filter", QT_TRANSLATE_NOOP("Accessibility", "Filter resolutions"),
     QT_TRANSLATE_NOOP("Accessibility", "Shows only the resolutions containing this text")),
    ("resolutions.status", QT_TRANSLATE_NOOP("Accessibility", "Resolution status"),
     QT_TRANSLATE_NOOP("Accessibility", "Shows only resolutions with this status")),
    ("resolutions.table", QT_TRANSLATE_NOOP("Accessibility", "Resolutions list"),
     QT_TRANSLATE_NOOP("Accessibility",
                       "Arrow keys move; the selected resolution opens in the details")),
    ("search.edit", QT_TRANSLATE_NOOP("Accessibility", "Search"),
     QT_TRANSLATE_NOOP("Accessibility",
                       "Titles in English and Chinese, document symbols and resolution "
                       "numbers. Enter or F3: next match; Shift+F3: previous; Esc: clear")),
    ("search.count_label", QT_TRANSLATE_NOOP("Accessibility", "Matches"), ""),
    ("years.first", QT_TRANSLATE_NOOP("Accessibility", "First year shown"),
     QT_TRANSLATE_NOOP("Accessibility", "Events before this year are hidden")),
    ("years.last", QT_TRANSLATE_NOOP("Accessibility", "Last year shown"),
     QT_TRANSLATE_NOOP("Accessibility", "Events after this year are hidden")),
    ("status_database", QT_TRANSLATE_NOOP("Accessibility", "Database"), ""),
    ("status_counts", QT_TRANSLATE_NOOP("Accessibility", "Records"), ""),
    ("status_matches", QT_TRANSLATE_NOOP("Accessibility", "Search matches"), ""),
)
CLEAR_BUTTON = QT_TRANSLATE_NOOP("Accessibility", "Clear")
MORE_TOOLS = QT_TRANSLATE_NOOP("Accessibility", "More toolbar buttons")
POPUP_LIST = QT_TRANSLATE_NOOP("Accessibility", "%1 choices")


def _resolve(window: QObject, path: str) -> QWidget | None:
    obj: object = window
    for part in path.split("."):
        obj = getattr(obj, part, None)
    return obj if isinstance(obj, QWidget) else None


def tab_chain(window: MainWindow) -> list[QWidget]:
    """The order Tab visits: toolbar boxes, timeline, details, then each list's parts."""
    chain: list[QWidget] = [window.years.first, window.years.last, window.search.edit,
                            window.timeline, window.detail.browser]
    for panel in (window.recommendations, window.resolutions):
        chain += [panel.filter, panel.status, panel.table]
    return chain


class AccessibilityFeatures(QObject):
    """What install_accessibility adds to the window; keeps the texts in its language."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._dialog: ShortcutsDialog | None = None
        self.theme_actions = create_actions(self, THEME_ACTIONS)
        self.theme_group = QActionGroup(self)
        self.theme_group.setExclusive(True)
        for action in self.theme_actions.values():
            self.theme_group.addAction(action)
        self.help_actions = create_actions(self, HELP_ACTIONS)
        self.pan_actions = create_actions(self, PAN_ACTIONS, timeline=window.timeline)
        zoom_index = window.view_menu.actions().index(window.act_zoom_out)
        after = window.view_menu.actions()[zoom_index + 1]
        window.view_menu.insertActions(after, list(self.pan_actions.values()))
        self.theme_menu = QMenu(window)
        self.theme_menu.setObjectName("themeMenu")
        self.theme_menu.addActions(list(self.theme_actions.values()))
        window.view_menu.addMenu(self.theme_menu)
        self.help_menu = window.menuBar().addMenu("")
        self.help_menu.setObjectName("helpMenu")
        self.help_menu.addActions(list(self.help_actions.values()))
        for panel in (window.recommendations, window.resolutions):
            # Tab leaves a list (the arrows move inside it) instead of walking its cells:
            # otherwise a keyboard user is caught in the table (WCAG 2.1.2, no keyboard trap).
            panel.table.setTabKeyNavigation(False)
        chain = tab_chain(window)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        # Ctrl+F in a narrow (or scaled-up) window, where the search box sits in the toolbar's
        # overflow: open the overflow, so the box the keys go to is on screen.
        window.act_find.triggered.connect(self.reveal_search)
        window.installEventFilter(self)
        self.retranslate()
        self.set_theme(saved_choice(window.settings), remember=False)

    # --- intents the actions call ---------------------------------------------------------

    def set_theme(self, choice: str, *, remember: bool = True) -> None:
        self.window.set_theme(choice, remember=remember)
        action = self.theme_actions.get(_THEME_ACTION[choice])
        if action is not None:
            action.setChecked(True)  # toggled, not triggered: the group unchecks the others

    def pan(self, step: int) -> None:
        """Pan Earlier / Later: a quarter of the visible span, as a drag would."""
        x0, x1 = self.window.timeline.view_range()
        shift = (x1 - x0) * PAN_SHARE * step
        self.window.timeline.set_view_range(x0 + shift, x1 + shift)

    def reveal_search(self) -> None:
        window = self.window
        if window.search.isVisible():
            return
        extension = window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
        if extension is not None and extension.isVisible():
            extension.click()
            window.search.focus()

    def show_keyboard_shortcuts(self) -> ShortcutsDialog:
        specs = (*ACTIONS, *PAN_ACTIONS, *THEME_ACTIONS, *HELP_ACTIONS)
        actions: dict[str, QAction] = {**self.window.action_table, **self.pan_actions,
                                       **self.theme_actions, **self.help_actions}
        if self._dialog is not None:
            self._dialog.close()
        dialog = self._dialog = ShortcutsDialog(specs, actions, self.window)
        dialog.open()
        return dialog

    # --- texts ------------------------------------------------------------------------------

    def retranslate(self) -> None:
        window = self.window
        retranslate_actions(self.theme_actions, THEME_ACTIONS)
        retranslate_actions(self.help_actions, HELP_ACTIONS)
        retranslate_actions(self.pan_actions, PAN_ACTIONS)
        self.theme_menu.setTitle(tr(QT_TRANSLATE_NOOP("Accessibility", "&Theme")))
        self.help_menu.setTitle(tr(QT_TRANSLATE_NOOP("Accessibility", "&Help")))
        for path, name, description in NAMES:
            widget = _resolve(window, path)
            if widget is None:
                continue
            widget.setAccessibleName(tr(name))
            widget.setAccessibleDescription(tr(description) if description else "")
        for edit in window.findChildren(QLineEdit):
            # The clear button Qt puts in a line edit is a tool button with no text.
            for button in edit.findChildren(QToolButton):
                button.setAccessibleName(tr(CLEAR_BUTTON))
                button.setAccessibleDescription(edit.accessibleName())
        for panel in (window.recommendations, window.resolutions):
            view = panel.status.view()
            if view is not None:
                view.setAccessibleName(tr(POPUP_LIST).replace("%1",
                                                                panel.status.accessibleName()))
        # Toolbar buttons: Qt names them after their action; the description repeats the
        # action's tip (with its shortcut), as the tooltip shows it.
        for button in window.toolbar.findChildren(QToolButton):
            action = button.defaultAction()
            if action is not None:
                button.setAccessibleDescription(action.toolTip())
            elif not button.text():  # the » button a narrow window shows
                button.setAccessibleName(tr(MORE_TOOLS))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            # After the window's own retranslation (the tooltips copied here come from it).
            QTimer.singleShot(0, self.retranslate)
        return False


_THEME_ACTION = {spec.args[0]: spec.name for spec in THEME_ACTIONS}
assert set(_THEME_ACTION) == set(CHOICES)


def install_accessibility(window: MainWindow) -> AccessibilityFeatures:
    return AccessibilityFeatures(window)
