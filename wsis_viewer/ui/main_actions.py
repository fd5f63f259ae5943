"""The main window's actions, as data: name, text, tip, shortcuts, what they do.

One row per action. `create_actions` builds them, `retranslate_actions` sets their texts in the
installed language (texts are marked with QT_TRANSLATE_NOOP so lupdate files them under the
"MainWindow" context, where the window's own `self.tr` texts live too). Single-key shortcuts are
`timeline` scoped: they act only while the timeline has focus, so typing in the search box or a
year box never moves the selection.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from wsis_viewer.domain.translation import QT_TRANSLATE_NOOP
from wsis_viewer.ui.actions import Shortcut, make_action, set_action_text

CONTEXT = "MainWindow"
SK = QKeySequence.StandardKey
K = Qt.Key


@dataclass(frozen=True, slots=True)
class ActionSpec:
    name: str  # objectName, and the key in the window's `actions`
    text: str
    slot: str  # the window method it calls ("" for toggles wired elsewhere)
    tip: str = ""
    shortcuts: tuple[Shortcut, ...] = ()
    args: tuple[object, ...] = ()
    timeline: bool = False  # shortcut only while the timeline has focus
    checkable: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "open",
        QT_TRANSLATE_NOOP("MainWindow", "&Open…"),
        "choose_database",
        QT_TRANSLATE_NOOP("MainWindow", "Open a WSIS database file"),
        (SK.Open,),
    ),
    ActionSpec(
        "clearRecent", QT_TRANSLATE_NOOP("MainWindow", "Clear Recent Files"), "clear_recent_files"
    ),
    ActionSpec("quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "close", shortcuts=("Ctrl+Q",)),
    ActionSpec(
        "find", QT_TRANSLATE_NOOP("MainWindow", "&Find"), "focus_search", shortcuts=(SK.Find,)
    ),
    ActionSpec(
        "findNext", QT_TRANSLATE_NOOP("MainWindow", "Find &Next"), "next_match", shortcuts=("F3",)
    ),
    ActionSpec(
        "findPrevious",
        QT_TRANSLATE_NOOP("MainWindow", "Find &Previous"),
        "previous_match",
        shortcuts=("Shift+F3",),
    ),
    ActionSpec(
        "fitAll",
        QT_TRANSLATE_NOOP("MainWindow", "&Fit All"),
        "fit_all",
        QT_TRANSLATE_NOOP("MainWindow", "Show the whole time span"),
        (K.Key_Home,),
        timeline=True,
    ),
    ActionSpec(
        "zoomIn",
        QT_TRANSLATE_NOOP("MainWindow", "Zoom &In"),
        "zoom_in",
        shortcuts=("+", "=", SK.ZoomIn),
        timeline=True,
    ),
    ActionSpec(
        "zoomOut",
        QT_TRANSLATE_NOOP("MainWindow", "Zoom &Out"),
        "zoom_out",
        shortcuts=("-", SK.ZoomOut),
        timeline=True,
    ),
    ActionSpec(
        "yearRange",
        QT_TRANSLATE_NOOP("MainWindow", "&Year Range…"),
        "focus_years",
        QT_TRANSLATE_NOOP("MainWindow", "Show only some years"),
    ),
    ActionSpec("allYears", QT_TRANSLATE_NOOP("MainWindow", "Show &All Years"), "show_all_years"),
    ActionSpec(
        "showOverview", QT_TRANSLATE_NOOP("MainWindow", "Show &Overview"), "", checkable=True
    ),
    ActionSpec(
        "statedOnly",
        QT_TRANSLATE_NOOP("MainWindow", "Show Only What the Report &States"),
        "",
        QT_TRANSLATE_NOOP("MainWindow", "Hide every link and status that is our inference"),
        checkable=True,
    ),
    ActionSpec(
        "previousEvent",
        QT_TRANSLATE_NOOP("MainWindow", "&Previous Event"),
        "step_event",
        args=(-1,),
        shortcuts=(K.Key_Left,),
        timeline=True,
    ),
    ActionSpec(
        "nextEvent",
        QT_TRANSLATE_NOOP("MainWindow", "&Next Event"),
        "step_event",
        args=(1,),
        shortcuts=(K.Key_Right,),
        timeline=True,
    ),
    ActionSpec(
        "previousLane",
        QT_TRANSLATE_NOOP("MainWindow", "Previous &Lane"),
        "step_lane",
        args=(-1,),
        shortcuts=(K.Key_Up,),
        timeline=True,
    ),
    ActionSpec(
        "nextLane",
        QT_TRANSLATE_NOOP("MainWindow", "Next L&ane"),
        "step_lane",
        args=(1,),
        shortcuts=(K.Key_Down,),
        timeline=True,
    ),
    ActionSpec(
        "openDetails",
        QT_TRANSLATE_NOOP("MainWindow", "Open &Details"),
        "open_details",
        shortcuts=(K.Key_Enter, K.Key_Return),
        timeline=True,
    ),
    ActionSpec(
        "clearSelection",
        QT_TRANSLATE_NOOP("MainWindow", "&Clear Selection"),
        "clear_selection",
        shortcuts=(K.Key_Escape,),
        timeline=True,
    ),
    ActionSpec(
        "back",
        QT_TRANSLATE_NOOP("MainWindow", "&Back"),
        "go_back",
        QT_TRANSLATE_NOOP("MainWindow", "Back to the previous selection"),
        ("Alt+Left", K.Key_Back),
    ),
    ActionSpec(
        "forward",
        QT_TRANSLATE_NOOP("MainWindow", "&Forward"),
        "go_forward",
        QT_TRANSLATE_NOOP("MainWindow", "Forward to the next selection"),
        ("Alt+Right", K.Key_Forward),
    ),
    ActionSpec(
        "exportPng1x",
        QT_TRANSLATE_NOOP("MainWindow", "PNG Image (%1×)…"),
        "export",
        args=("png", 1),
        shortcuts=("Ctrl+E",),
    ),
    ActionSpec(
        "exportPng2x",
        QT_TRANSLATE_NOOP("MainWindow", "PNG Image (%1×)…"),
        "export",
        args=("png", 2),
    ),
    ActionSpec(
        "exportPng3x",
        QT_TRANSLATE_NOOP("MainWindow", "PNG Image (%1×)…"),
        "export",
        args=("png", 3),
    ),
    ActionSpec(
        "exportSvg", QT_TRANSLATE_NOOP("MainWindow", "SVG Drawing…"), "export", args=("svg", 1)
    ),
    ActionSpec(
        "exportPdf", QT_TRANSLATE_NOOP("MainWindow", "PDF Document…"), "export", args=("pdf", 1)
    ),
    ActionSpec(
        "copyImage",
        QT_TRANSLATE_NOOP("MainWindow", "Copy &Image"),
        "copy_image",
        QT_TRANSLATE_NOOP("MainWindow", "Copy the view as a picture"),
        ("Ctrl+Shift+C",),
    ),
    ActionSpec(
        "print", QT_TRANSLATE_NOOP("MainWindow", "&Print…"), "print_view", shortcuts=(SK.Print,)
    ),
)

# View ▸ Theme (ui/themes.py): one checkable action per choice, exclusive; the window's
# set_theme intent applies the palette and records the theme in its ViewState.
THEME_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "themeSystem",
        QT_TRANSLATE_NOOP("MainWindow", "&System"),
        "set_theme",
        QT_TRANSLATE_NOOP("MainWindow", "Follow the desktop's colours"),
        args=("system",),
        checkable=True,
    ),
    ActionSpec(
        "themeLight", QT_TRANSLATE_NOOP("MainWindow", "&Light"), "set_theme", args=("light",),
        checkable=True,
    ),
    ActionSpec(
        "themeDark", QT_TRANSLATE_NOOP("MainWindow", "&Dark"), "set_theme", args=("dark",),
        checkable=True,
    ),
    ActionSpec(
        "themeHighContrast",
        QT_TRANSLATE_NOOP("MainWindow", "&High Contrast"),
        "set_theme",
        QT_TRANSLATE_NOOP("MainWindow", "White and yellow on black, for low vision"),
        args=("high-contrast",),
        checkable=True,
    ),
)

# Panning without a mouse (ui/accessibility.py): a quarter of the visible span per press.
PAN_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "panEarlier",
        QT_TRANSLATE_NOOP("MainWindow", "Pan &Earlier"),
        "pan",
        args=(-1,),
        shortcuts=("Shift+Left", K.Key_PageUp),
        timeline=True,
    ),
    ActionSpec(
        "panLater",
        QT_TRANSLATE_NOOP("MainWindow", "Pan La&ter"),
        "pan",
        args=(1,),
        shortcuts=("Shift+Right", K.Key_PageDown),
        timeline=True,
    ),
)

# Help (ui/accessibility.py).
HELP_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "keyboardShortcuts",
        QT_TRANSLATE_NOOP("MainWindow", "&Keyboard Shortcuts"),
        "show_keyboard_shortcuts",
        QT_TRANSLATE_NOOP("MainWindow", "Every keyboard shortcut of the window"),
        ("F1",),
    ),
)

# Actions that need an opened database with events.
NEEDS_EVENTS = frozenset(
    {
        "fitAll",
        "zoomIn",
        "zoomOut",
        "previousEvent",
        "nextEvent",
        "previousLane",
        "nextLane",
        "openDetails",
        "clearSelection",
        "find",
        "findNext",
        "findPrevious",
        "yearRange",
        "allYears",
        "copyImage",
        "print",
        "exportSvg",
        "exportPdf",
        "exportPng1x",
        "exportPng2x",
        "exportPng3x",
    }
)


def _slot(owner: QObject, spec: ActionSpec) -> Callable[[], object] | None:
    if not spec.slot:
        return None
    method: Callable[..., object] = getattr(owner, spec.slot)
    args = spec.args
    return (lambda: method(*args)) if args else method


def create_actions(
    owner: QObject, specs: Sequence[ActionSpec] = ACTIONS, timeline: QObject | None = None
) -> dict[str, QAction]:
    """The actions of `specs`, parented to `owner` and calling its methods; the `timeline`
    scoped ones are added to `timeline` with a widget-with-children shortcut context."""
    actions: dict[str, QAction] = {}
    for spec in specs:
        action = make_action(
            owner,
            "",
            _slot(owner, spec),
            shortcuts=spec.shortcuts,
            name=spec.name,
            checkable=spec.checkable,
        )
        if spec.timeline and timeline is not None:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            timeline.addAction(action)  # type: ignore[attr-defined]
        actions[spec.name] = action
    return actions


def retranslate_actions(actions: dict[str, QAction], specs: Sequence[ActionSpec] = ACTIONS) -> None:
    for spec in specs:
        action = actions.get(spec.name)
        if action is None:
            continue
        text = QCoreApplication.translate(CONTEXT, spec.text)
        if spec.args and spec.name.startswith("exportPng"):
            text = text.replace("%1", str(spec.args[1]))
        tip = QCoreApplication.translate(CONTEXT, spec.tip) if spec.tip else ""
        set_action_text(action, text, tip)
