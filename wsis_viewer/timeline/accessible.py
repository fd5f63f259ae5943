"""The timeline for screen readers: the canvas is a chart, each visible event its child.

Qt exposes widgets to AT-SPI (Orca), UI Automation and macOS through QAccessibleInterface. A
pyqtgraph canvas is one QGraphicsView drawing every event itself, so by default a screen reader
finds an empty, unnamed box there. Here:

* `TimelineAccessible` (a QAccessibleWidget for TimelineWidget, installed with
  QAccessible.installFactory) has role Chart, the name "Timeline, <visible range>" and, as
  children, the events in view (time order, at most MAX_CHILDREN);
* `EventAccessible` (a QAccessibleInterface) is one event: its name says what, when (every
  sitting) and in which lane; its description the chain arrows that start or end there
  ("leads to Council 2013 (+27 days)"); its actions (Press, SetFocus) select it; its state says
  selected / focused, and its rectangle is the drawn bar, so a magnifier can follow it;
* moving the selection (arrow keys, clicks, the lists) sends a Focus event for the new event,
  which is what a screen reader announces.

PySide6 6.11 allows all this from Python (measured: a Python factory is called, Python
subclasses of QAccessibleInterface / QAccessibleWidget / QAccessibleActionInterface are used by
Qt's AT-SPI bridge). Traps, each a segfault when tried: `interface_cast` returns a C++
`void*`, and must be given as `shiboken6.VoidPtr(python_object)` (the wrapped C++ pointer) or
`shiboken6.VoidPtr(0)` for "not supported" — returning None, 0 or an integer address crashes as
soon as the AT-SPI bridge asks which interfaces the event has; and an interface Qt has
registered must be deleted by Qt
(QAccessible.deleteAccessibleInterface), never by dropping the last Python reference, or Qt's
cache keeps a dangling pointer. So event interfaces live in a cache here, one per event id, and
are handed back to Qt for deletion when the data changes or the cache grows too big.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, QTimer
from PySide6.QtGui import (
    QAccessible,
    QAccessibleActionInterface,
    QAccessibleEvent,
    QAccessibleInterface,
    QWindow,
)
from PySide6.QtWidgets import QAccessibleWidget, QWidget

from wsis_viewer.domain.model import Precision
from wsis_viewer.domain.spoken_dates import spoken_sittings
from wsis_viewer.domain.timeline_index import x_to_date
from wsis_viewer.domain.translation import QT_TRANSLATE_NOOP
from wsis_viewer.timeline.dates import translate_dates

if TYPE_CHECKING:
    from wsis_viewer.timeline.widget import TimelineWidget

CONTEXT = "TimelineAccessible"
MAX_CHILDREN = 300  # events in view exposed as children; more than a listener can go through
MAX_CACHED = 2000  # event interfaces kept before the ones out of view are handed back to Qt
NAME_DELAY_MS = 400  # the chart's name (its range) is re-announced once panning has stopped

TIMELINE = QT_TRANSLATE_NOOP("TimelineAccessible", "Timeline")
TIMELINE_RANGE = QT_TRANSLATE_NOOP("TimelineAccessible", "Timeline, %1")
TIMELINE_HELP = QT_TRANSLATE_NOOP(
    "TimelineAccessible",
    "Events in view, in time order. Left and Right arrows: previous and next event; Up and "
    "Down: the lane above and below; Enter: details; plus and minus: zoom; Home: fit all.")
EVENT_NAME = QT_TRANSLATE_NOOP("TimelineAccessible", "%1, %2, %3 lane")
LEADS_TO = QT_TRANSLATE_NOOP("TimelineAccessible", "leads to %1 (%2)")
FOLLOWS = QT_TRANSLATE_NOOP("TimelineAccessible", "follows %1 (%2)")
INFERRED = QT_TRANSLATE_NOOP("TimelineAccessible", "%1, inferred")  # %1: "+27 days"

_factory_installed = False


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    helper = getattr(obj, "_a11y", None)
    if isinstance(helper, TimelineAccessibility) and isinstance(obj, QWidget):
        return helper.interface()
    return None


def install_factory() -> None:
    """Once per process: Qt asks the factory for every object's interface."""
    global _factory_installed
    if not _factory_installed:
        QAccessible.installFactory(_factory)
        _factory_installed = True


# The stubs type these returns as never None; Qt's C++ API returns nullptr for "none", which
# PySide6 maps from None (hence the type: ignore[override] on them below).


def _release(events: dict[str, EventAccessible], ids: Iterable[str] | None = None,
             *_: object) -> None:
    """Hand event interfaces back to Qt, which deletes them and forgets their ids."""
    for event_id in list(events) if ids is None else list(ids):
        iface = events.pop(event_id, None)
        if iface is not None and shiboken6.isValid(iface):
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(iface))


class _EventActions(QAccessibleActionInterface):
    def __init__(self, owner: EventAccessible) -> None:
        super().__init__()
        self._owner = owner

    def actionNames(self) -> list[str]:
        return [self.pressAction(), self.setFocusAction()]

    def doAction(self, name: str) -> None:
        if name in (self.pressAction(), self.setFocusAction()):
            self._owner.activate()

    def keyBindingsForAction(self, name: str) -> list[str]:
        return []


class EventAccessible(QAccessibleInterface):
    """One event of the timeline, for as long as its id is in the widget's data."""

    def __init__(self, helper: TimelineAccessibility, event_id: str) -> None:
        super().__init__()
        self.helper = helper
        self.event_id = event_id
        self._actions = _EventActions(self)

    def isValid(self) -> bool:
        return self.helper.position(self.event_id) is not None

    def object(self) -> QObject | None:  # type: ignore[override]
        return None

    def window(self) -> QWindow | None:  # type: ignore[override]
        return self.helper.widget.window().windowHandle()

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.ListItem

    def text(self, t: QAccessible.Text) -> str:
        if t == QAccessible.Text.Name:
            return self.helper.event_name(self.event_id)
        if t == QAccessible.Text.Description:
            return self.helper.event_description(self.event_id)
        return ""

    def setText(self, t: QAccessible.Text, text: str) -> None:
        pass

    def state(self) -> QAccessible.State:
        s = QAccessible.State()
        s.focusable = True
        s.selectable = True
        selected = self.helper.widget.selected() == self.event_id
        s.selected = selected
        s.focused = selected and self.helper.widget.hasFocus()
        if self.helper.child_index(self.event_id) < 0:
            s.invisible = True
            s.offscreen = True
        return s

    def rect(self) -> QRect:
        return self.helper.screen_rect(self.event_id)

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return QAccessible.queryAccessibleInterface(self.helper.widget)

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def relations(self, match: Any = None) -> list[Any]:
        return []

    def interface_cast(self, t: QAccessible.InterfaceType) -> Any:
        # void* both ways through shiboken6.VoidPtr (see the module docstring).
        if t == QAccessible.InterfaceType.ActionInterface:
            return shiboken6.VoidPtr(self._actions)  # type: ignore[arg-type]  # any wrapper
        return shiboken6.VoidPtr(0)

    def activate(self) -> None:
        """Press / SetFocus: select the event, as a click or the arrow keys do."""
        widget = self.helper.widget
        widget.setFocus()
        widget.select(self.event_id, ensure_visible=True)


class TimelineAccessible(QAccessibleWidget):
    """The canvas: role Chart, named after the range in view, the events in view as children."""

    def __init__(self, helper: TimelineAccessibility) -> None:
        super().__init__(helper.widget, QAccessible.Role.Chart)
        self.helper = helper

    def text(self, t: QAccessible.Text) -> str:
        if t == QAccessible.Text.Name:
            return self.helper.timeline_name()
        if t == QAccessible.Text.Description:
            return tr(TIMELINE_HELP)
        return str(super().text(t))

    def childCount(self) -> int:
        return len(self.helper.child_ids())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        ids = self.helper.child_ids()
        return self.helper.event_interface(ids[index]) if 0 <= index < len(ids) else None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        event_id = getattr(child, "event_id", None)
        return self.helper.child_index(event_id) if isinstance(event_id, str) else -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        event_id = self.helper.event_at_screen(QPoint(x, y))
        return None if event_id is None else self.helper.event_interface(event_id)

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        selected = self.helper.widget.selected()
        if selected is not None and self.helper.child_index(selected) >= 0:
            return self.helper.event_interface(selected)
        return None


class TimelineAccessibility(QObject):
    """Owns the timeline's accessible interfaces and tells Qt when what they say changes."""

    def __init__(self, widget: TimelineWidget) -> None:
        # No Qt parent: a QWidget deletes its children before it emits `destroyed`, and the
        # cleanup below must still run then. The widget holds the only reference.
        super().__init__()
        self.widget = widget
        self._iface: TimelineAccessible | None = None
        self._events: dict[str, EventAccessible] = {}
        self._children_key: object = None
        self._children: list[str] = []
        self._child_pos: dict[str, int] = {}
        self._name_timer = QTimer(self)
        self._name_timer.setSingleShot(True)
        self._name_timer.setInterval(NAME_DELAY_MS)
        self._name_timer.timeout.connect(self._announce_range)
        widget.installEventFilter(self)
        widget.viewRangeChanged.connect(self._on_view_changed)
        widget.destroyed.connect(functools.partial(_release, self._events, None))
        install_factory()

    # --- interfaces -------------------------------------------------------------------------

    def interface(self) -> TimelineAccessible:
        if self._iface is None or not shiboken6.isValid(self._iface):
            self._iface = TimelineAccessible(self)
        return self._iface

    def event_interface(self, event_id: str) -> EventAccessible:
        iface = self._events.get(event_id)
        if iface is None or not shiboken6.isValid(iface):
            if len(self._events) >= MAX_CACHED:
                self._forget(set(self._events) - set(self._children))
            iface = self._events[event_id] = EventAccessible(self, event_id)
        return iface

    def data_changed(self) -> None:
        """A new index: positions changed, every old event interface goes back to Qt."""
        self._forget_all()
        self._children_key = None

    def _forget(self, ids: set[str]) -> None:
        _release(self._events, ids)

    def _forget_all(self) -> None:
        _release(self._events)

    # --- what the interfaces say --------------------------------------------------------------

    def position(self, event_id: str) -> int | None:
        ix = self.widget.index()
        return None if ix is None else ix.index_of(event_id)

    def child_ids(self) -> list[str]:
        """The events in view that the filters show, in time order (at most MAX_CHILDREN)."""
        w = self.widget
        ix = w.index()
        if ix is None:
            return []
        x0, x1 = w.view_range()
        shown = w._item.state.shown  # the drawn mask: same package, read-only
        key = (id(ix), x0, x1, hash(shown.tobytes()))
        if key != self._children_key:
            in_view = ix.events_in_range(x0, x1)
            if len(shown) == len(ix):
                in_view = in_view[shown[in_view]]
            order = sorted(in_view.tolist(), key=lambda i: (float(ix.start[i]), i))
            self._children = [ix.ids[i] for i in order[:MAX_CHILDREN]]
            self._child_pos = {e: k for k, e in enumerate(self._children)}
            self._children_key = key
        return self._children

    def child_index(self, event_id: str) -> int:
        self.child_ids()
        return self._child_pos.get(event_id, -1)

    def _lang(self) -> str:
        return "zh" if self.widget._settings.title_lang == "zh" else "en"

    def timeline_name(self) -> str:
        ix = self.widget.index()
        if ix is None or not len(ix):
            return tr(TIMELINE)
        x0, x1 = self.widget.view_range()
        span = spoken_sittings([(x_to_date(x0), x_to_date(x1 - 1))], lang=self._lang())
        return tr(TIMELINE_RANGE).replace("%1", span)

    def event_name(self, event_id: str) -> str:
        ix, i = self.widget.index(), self.position(event_id)
        if ix is None or i is None:
            return ""
        lang = self._lang()
        first, second = (ix.title_zh, ix.title_en) if lang == "zh" else (ix.title_en,
                                                                         ix.title_zh)
        title = first[i] or second[i] or event_id
        precision = Precision(ix.precision_name(i))
        sittings: list[tuple[dt.date, dt.date]] = (
            [(x_to_date(a), x_to_date(b - 1)) for a, b in ix.sessions_of(i)]
            if precision is Precision.DAY else [])
        if not sittings:
            sittings = [(x_to_date(float(ix.start[i])), x_to_date(float(ix.end[i]) - 1))]
        when = spoken_sittings(sittings, precision, lang, translate_dates)
        lane_id = ix.lane_ids[int(ix.lane[i])]
        lane = self.widget._settings.lane_labels.get(lane_id, lane_id)
        return tr(EVENT_NAME).replace("%1", title).replace("%2", when).replace("%3", lane)

    def event_description(self, event_id: str) -> str:
        """The chain arrows drawn at this event, as words (only while its chain is shown)."""
        ix, i = self.widget.index(), self.position(event_id)
        if ix is None or i is None:
            return ""
        parts = []
        lang = self._lang()
        for edge in self.widget._item.state.edges:
            if i not in (edge.source, edge.target):
                continue
            other = edge.target if edge.source == i else edge.source
            first, second = (ix.title_zh, ix.title_en) if lang == "zh" else (ix.title_en,
                                                                             ix.title_zh)
            pattern = tr(LEADS_TO) if edge.source == i else tr(FOLLOWS)
            label = tr(INFERRED).replace("%1", edge.label) if edge.inferred else edge.label
            parts.append(pattern.replace("%1", first[other] or second[other])
                         .replace("%2", label))
        return ("；" if lang == "zh" else "; ").join(parts)  # punctuation, not words

    def screen_rect(self, event_id: str) -> QRect:
        i = self.position(event_id)
        rect = None if i is None else self.widget.event_rect(i)
        if rect is None:
            return QRect()
        rect = rect.intersected(self.widget.rect())  # the part on screen (a long bar runs off)
        return QRect(self.widget.mapToGlobal(rect.topLeft()), rect.size())

    def event_at_screen(self, point: QPoint) -> str | None:
        local = self.widget.mapFromGlobal(point)
        for event_id in self.child_ids():
            i = self.position(event_id)
            rect = None if i is None else self.widget.event_rect(i)
            if rect is not None and rect.contains(local):
                return event_id
        return None

    # --- telling the screen reader --------------------------------------------------------

    def selection_changed(self, event_id: str | None) -> None:
        """The selection moved (keys, click, list, history): announce the event it is on."""
        self.widget.update()  # the focus ring moves with it
        if not QAccessible.isActive() or event_id is None:
            return
        iface = self.event_interface(event_id)
        QAccessible.updateAccessibility(QAccessibleEvent(iface, QAccessible.Event.Selection))
        if self.widget.hasFocus():
            QAccessible.updateAccessibility(QAccessibleEvent(iface, QAccessible.Event.Focus))

    def _on_view_changed(self, *_: object) -> None:
        if QAccessible.isActive():
            self._name_timer.start()

    def _announce_range(self) -> None:
        if QAccessible.isActive():
            QAccessible.updateAccessibility(
                QAccessibleEvent(self.widget, QAccessible.Event.NameChanged))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        focus = (QEvent.Type.FocusIn, QEvent.Type.FocusOut)
        if watched is getattr(self, "widget", None) and kind in focus:
            self.widget.set_focus_ring(kind == QEvent.Type.FocusIn)
            if kind == QEvent.Type.FocusIn and QAccessible.isActive():
                # After Qt's own Focus event for the canvas, so the event is what is read.
                QTimer.singleShot(0, self._announce_focused_event)
        return False

    def _announce_focused_event(self) -> None:
        selected = self.widget.selected()
        if (self.widget.hasFocus() and selected is not None
                and self.child_index(selected) >= 0):
            QAccessible.updateAccessibility(QAccessibleEvent(
                self.event_interface(selected), QAccessible.Event.Focus))
