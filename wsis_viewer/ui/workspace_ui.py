"""The window's team workspace: the Notes dock, notes in the record's panel, note marks on the
timeline, View ▸ Views (named views and `wsis-viewer:` links) and live updates from a server.

Attached to the main window by one call, `install_workspace(window)`; the window only emits
`databaseChanged` and `recordChanged`. Which workspace: the team server's when the window shows
a dataset from a server (the same URL), else the user's own file (store/workspace.py).

Threads: every workspace call (SQL, maybe over the network) runs on one worker thread, in
order; results come back through a queued signal, so the GUI thread never waits on the
network. A server's announcements (LISTEN/NOTIFY) arrive on the listener's own thread and are
handed over the same way. When the server is lost, a banner says so, the last notes and data
stay on screen, writing is disabled (nothing is queued to be sent later without the user
knowing) and the listener keeps trying; once back, everything is read again.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wsis_viewer.domain.notes import (
    NamedView,
    Note,
    NoteError,
    note_matches,
    parse_view_link,
    view_link,
    view_state_from_json,
    view_state_to_json,
)
from wsis_viewer.domain.relations import RecordRef
from wsis_viewer.panels.note_hits import notes_html
from wsis_viewer.store.problems import DatabaseError
from wsis_viewer.store.urls import is_server_url
from wsis_viewer.store.workspace import Workspace, open_workspace
from wsis_viewer.timeline.note_marks import NoteMarks, add_note_marks

if TYPE_CHECKING:
    from wsis_viewer.session.loaded_database import LoadedDatabase
    from wsis_viewer.store.live import ChangeListener
    from wsis_viewer.ui.main_window import MainWindow

# --- the dock ---------------------------------------------------------------------------------


class NotesDock(QDockWidget):
    """Notes on the selected record (or on every record), and an editor to add or change one."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("notesDock")
        body = QWidget(self)
        self.heading = QLabel(body)
        self.heading.setObjectName("notesHeading")
        self.heading.setWordWrap(True)
        self.all_records = QCheckBox(body)
        self.all_records.setObjectName("allNotesCheck")
        self.filter = QLineEdit(body)
        self.filter.setObjectName("notesFilter")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(body)
        self.list.setObjectName("notesList")
        self.list.setWordWrap(True)
        self.editor = QPlainTextEdit(body)
        self.editor.setObjectName("noteEditor")
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(44)
        self.list.setMinimumHeight(44)
        self.add_button = QPushButton(body)
        self.add_button.setObjectName("addNoteButton")
        self.save_button = QPushButton(body)
        self.save_button.setObjectName("saveNoteButton")
        self.edit_button = QPushButton(body)
        self.edit_button.setObjectName("editNoteButton")
        self.delete_button = QPushButton(body)
        self.delete_button.setObjectName("deleteNoteButton")
        self.status = QLabel(body)
        self.status.setObjectName("notesStatus")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.save_button, self.edit_button, self.delete_button):
            buttons.addWidget(b)
        # Wide and short, as a bottom dock is: the notes on the left, the editor on the right.
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.all_records)
        top.addWidget(self.filter, 1)
        layout.addLayout(top)
        columns = QHBoxLayout()
        columns.addWidget(self.list, 3)
        writing = QVBoxLayout()
        writing.addWidget(self.editor, 1)
        writing.addLayout(buttons)
        writing.addWidget(self.status)
        columns.addLayout(writing, 2)
        layout.addLayout(columns, 1)
        self.setWidget(body)
        self.on_language_change: Callable[[], None] = self.retranslate_ui
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.on_language_change()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Notes"))
        self.all_records.setText(self.tr("Notes on all records"))
        self.filter.setPlaceholderText(self.tr("Search the notes…"))
        self.filter.setAccessibleName(self.tr("Search the notes"))
        self.editor.setPlaceholderText(self.tr("Write a note on the selected record…"))
        self.editor.setAccessibleName(self.tr("Note text"))
        self.list.setAccessibleName(self.tr("Notes"))
        self.add_button.setText(self.tr("&Add Note"))
        self.save_button.setText(self.tr("&Save Changes"))
        self.edit_button.setText(self.tr("&Edit"))
        self.delete_button.setText(self.tr("&Delete"))


# --- bridging threads -------------------------------------------------------------------------


class _Relay(QObject):
    """Signals emitted from worker and listener threads, received in the GUI thread."""

    result = Signal(object, object)       # (callback, result or exception)
    announced = Signal(str)                # a server's NOTIFY payload
    connection = Signal(bool, str)         # connected?, reason


class WorkspaceController(QObject):
    notesChanged = Signal()  # the notes were read again (after a write or an announcement)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("workspaceController")
        self.window = window
        self.workspace: Workspace | None = None
        self.target: str | None = None  # None: the user's own file
        self.notes: list[Note] = []
        self.views: list[NamedView] = []
        self.connected = True
        self.record: RecordRef | None = None
        self._editing: int | None = None
        self._listener: ChangeListener | None = None
        self._pool = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="wsis-ws")
        self._relay = _Relay()
        self._relay.result.connect(self._deliver)
        self._relay.announced.connect(self._on_announcement)
        self._relay.connection.connect(self._on_connection)
        self._reloading = False
        self._closed = False
        self._opening: object | None = None  # token of the open under way

        self.dock = NotesDock(window)
        # With the record lists at the bottom (a list, like them), so the detail panel keeps
        # its height; the record's notes also show in that panel.
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        window.tabifyDockWidget(window.resolutions_dock, self.dock)
        window.recommendations_dock.raise_()
        self.marks: NoteMarks = add_note_marks(window.timeline)
        self.banner = QToolBar(window)
        self.banner.setObjectName("serverBanner")
        self.banner.setMovable(False)
        self.banner_label = QLabel(self.banner)
        self.banner_label.setObjectName("serverBannerText")
        self.banner_label.setStyleSheet("QLabel { background: #fff3cd; color: #664d03; "
                                        "padding: 4px 8px; }")
        self.banner.addWidget(self.banner_label)

        window.addToolBarBreak()
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner)
        self.banner.hide()
        self._create_views_menu()
        self.dock.on_language_change = self.retranslate_ui
        window.detail.extra_html = self._panel_html

        d = self.dock
        d.add_button.clicked.connect(self.add_note)
        d.save_button.clicked.connect(self.save_edit)
        d.edit_button.clicked.connect(self.start_edit)
        d.delete_button.clicked.connect(self.delete_note)
        d.all_records.toggled.connect(self._show_notes)
        d.filter.textChanged.connect(self._show_notes)
        d.list.currentItemChanged.connect(self._update_buttons)
        d.list.itemActivated.connect(self._go_to_note)
        d.editor.textChanged.connect(self._update_buttons)
        window.databaseChanged.connect(self._on_database)
        window.recordChanged.connect(self._on_record)
        window.destroyed.connect(self._shutdown)
        window.installEventFilter(self)
        self._update_buttons()

    # --- running work off the GUI thread ------------------------------------------------------

    def _run(self, work: Callable[[], Any], then: Callable[[Any], None]) -> None:
        def job() -> None:
            try:
                result: Any = work()
            except Exception as exc:  # delivered to the GUI thread, shown there
                result = exc
            self._relay.result.emit(then, result)

        if not self._closed:
            self._pool.submit(job)

    def run(self, work: Callable[[], Any], then: Callable[[Any], None]) -> None:
        """`work` on the workspace's worker thread (after what is queued), `then(result or
        exception)` on the GUI thread: for other parts of the window (ui/note_search.py)."""
        self._run(work, then)

    def _deliver(self, then: object, result: object) -> None:
        assert callable(then)
        then(result)


    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self._shutdown()
        return False

    def _shutdown(self, *_: object) -> None:
        """Stop listening and close the workspace (on its own thread); safe to call twice."""
        if self._closed:
            return
        self._closed = True
        if self._listener is not None:
            self._listener.stop(timeout=0)
            self._listener = None
        ws = self.workspace
        self.workspace = None
        if ws is not None:
            try:
                self._pool.submit(ws.close)  # after the calls still queued
            except RuntimeError:  # the interpreter is exiting: no worker runs any more
                ws.close()
        self._pool.shutdown(wait=False)

    # --- which workspace ----------------------------------------------------------------------

    def _on_database(self) -> None:
        db = self.window.db
        target = db.path if db is not None and is_server_url(db.path) else None
        opening = self._opening is not None and self.target == target
        if db is not None and not opening and (self.workspace is None
                                               or target != self.target):
            self._open(target)
        self.marks.set_records({n.record for n in self.notes})

    def _open(self, target: str | None) -> None:
        if self._listener is not None:
            self._listener.stop(timeout=0)
            self._listener = None
        old = self.workspace
        self.workspace = None
        self.target = target
        self._opening = token = object()

        def work() -> Workspace:
            if old is not None:
                old.close()
            return open_workspace(target)

        self._run(work, lambda result: self._opened(result, token))
        if target is not None:
            from wsis_viewer.store.live import ChangeListener

            relay = self._relay
            self._listener = ChangeListener(target, relay.announced.emit, relay.connection.emit)
            self._listener.start()

    def _opened(self, result: object, token: object = None) -> None:
        if token is not None and token is not self._opening:
            if isinstance(result, Workspace):  # superseded by a later open: let it go
                self._pool.submit(result.close)
            return
        self._opening = None
        if isinstance(result, Workspace) and self.workspace is not None:
            stale = self.workspace
            self._pool.submit(stale.close)
        if isinstance(result, Exception):
            self.workspace = None
            self._set_status(self.tr("Notes are not available: %1").replace("%1", str(result)))
            self._update_buttons()
            return
        assert isinstance(result, Workspace)
        self.workspace = result
        self._set_status("")
        self.refresh()

    # --- reading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        ws = self.workspace
        if ws is None:
            return
        self._run(lambda: (ws.notes(), ws.views()), self._refreshed)

    def _refreshed(self, result: object) -> None:
        if isinstance(result, Exception):
            self._set_status(self.tr("Could not read the notes: %1").replace("%1", str(result)))
            return
        assert isinstance(result, tuple)
        self.notes, self.views = result
        self.marks.set_records({n.record for n in self.notes})
        self._show_notes()
        self._rebuild_views_menu()
        self.notesChanged.emit()
        current = self.window.detail.current()
        if current is not None:
            self.window.detail.show_record(current)

    def notes_on(self, record: str) -> list[Note]:
        return [n for n in self.notes if n.record == record]

    # --- the dock -----------------------------------------------------------------------------

    def _on_record(self, ref: object) -> None:
        self.record = ref if isinstance(ref, RecordRef) else None
        self._cancel_edit()
        self._show_notes()

    def _show_notes(self) -> None:
        d = self.dock
        every = d.all_records.isChecked()
        if every:
            d.heading.setText(self.tr("All notes (%1)").replace("%1", str(len(self.notes))))
            shown = self.notes
        elif self.record is None:
            d.heading.setText(self.tr("Select a record to see and add its notes."))
            shown = []
        else:
            shown = self.notes_on(self.record.id)
            d.heading.setText(self.tr("Notes on %1").replace("%1", self.record.id))
        query = d.filter.text()
        if query.strip():
            shown = [n for n in shown if note_matches(n, query)]
        d.list.clear()
        for n in shown:
            when = n.created.astimezone().strftime("%Y-%m-%d %H:%M")
            edited = self.tr(" (edited)") if n.edited else ""
            prefix = f"{n.record} · " if every else ""
            item = QListWidgetItem(f"{prefix}{n.author} · {when}{edited}\n{n.text}")
            item.setData(Qt.ItemDataRole.UserRole, n.id)
            d.list.addItem(item)
        self._update_buttons()

    def _selected_note(self) -> Note | None:
        item = self.dock.list.currentItem()
        if item is None:
            return None
        note_id = item.data(Qt.ItemDataRole.UserRole)
        return next((n for n in self.notes if n.id == note_id), None)

    def _writable(self) -> bool:
        return self.workspace is not None and self.connected

    def _update_buttons(self, *_: object) -> None:
        d = self.dock
        note = self._selected_note()
        own = note is not None and self.workspace is not None \
            and note.author == self.workspace.user
        has_text = bool(d.editor.toPlainText().strip())
        d.add_button.setEnabled(self._writable() and self.record is not None and has_text
                                and self._editing is None)
        d.save_button.setVisible(self._editing is not None)
        d.save_button.setEnabled(self._writable() and has_text)
        d.edit_button.setEnabled(self._writable() and own and self._editing is None)
        d.delete_button.setEnabled(self._writable() and own)
        # Drafting goes on while the server is away; only saving waits for it.
        d.editor.setEnabled(self.workspace is not None)

    def _set_status(self, text: str) -> None:
        self.dock.status.setText(text)

    def add_note(self) -> None:
        ws, ref = self.workspace, self.record
        text = self.dock.editor.toPlainText()
        if ws is None or ref is None or not self.connected:
            return
        self._set_status(self.tr("Saving…"))
        self.dock.add_button.setEnabled(False)
        self._run(lambda: ws.add_note(ref.id, text), self._written)

    def start_edit(self) -> None:
        note = self._selected_note()
        if note is None:
            return
        self._editing = note.id
        self.dock.editor.setPlainText(note.text)
        self.dock.editor.setFocus()
        self._update_buttons()

    def _cancel_edit(self) -> None:
        if self._editing is not None:
            self._editing = None
            self.dock.editor.clear()

    def save_edit(self) -> None:
        ws, note_id = self.workspace, self._editing
        text = self.dock.editor.toPlainText()
        if ws is None or note_id is None or not self.connected:
            return
        self._set_status(self.tr("Saving…"))
        self._run(lambda: ws.edit_note(note_id, text), self._written)

    def delete_note(self) -> None:
        ws, note = self.workspace, self._selected_note()
        if ws is None or note is None or not self.connected:
            return
        self._run(lambda: ws.delete_note(note.id), self._written)

    def _written(self, result: object) -> None:
        if isinstance(result, NoteError | DatabaseError):
            # The text stays in the editor: nothing typed is lost, nothing is retried unseen.
            self._set_status(self.tr("Not saved: %1").replace("%1", str(result)))
            self._update_buttons()
            return
        if isinstance(result, Exception):
            raise result
        self._editing = None
        self.dock.editor.clear()
        self._set_status(self.tr("Saved."))
        self.refresh()

    def _go_to_note(self, item: QListWidgetItem) -> None:
        note = next((n for n in self.notes if n.id == item.data(Qt.ItemDataRole.UserRole)),
                    None)
        if note is None:
            return
        ref = self.window.find_record(note.record)
        if ref is not None:
            self.window.navigate_to(ref)

    # --- the record's panel -------------------------------------------------------------------

    def _panel_html(self, ref: RecordRef) -> str:
        return notes_html(self.notes_on(ref.id), self.tr("Notes"))

    # --- named views --------------------------------------------------------------------------

    def _create_views_menu(self) -> None:
        w = self.window
        self.views_menu = QMenu(w)
        self.views_menu.setObjectName("viewsMenu")
        self.delete_views_menu = QMenu(self.views_menu)
        self.delete_views_menu.setObjectName("deleteViewMenu")
        w.view_menu.addSeparator()
        self.act_show_notes = self.dock.toggleViewAction()
        self.act_show_notes.setObjectName("showNotes")
        w.view_menu.addAction(self.act_show_notes)
        w.view_menu.addMenu(self.views_menu)
        self.act_save_view = QAction(w)
        self.act_save_view.setObjectName("saveView")
        self.act_save_view.triggered.connect(self.ask_save_view)
        self.act_copy_link = QAction(w)
        self.act_copy_link.setObjectName("copyViewLink")
        self.act_copy_link.triggered.connect(self.copy_view_link)
        self.act_open_link = QAction(w)
        self.act_open_link.setObjectName("openViewLink")
        self.act_open_link.triggered.connect(self.ask_open_link)
        # File ▸ Export ▸ Include Notes: Export, Copy Image and Print draw the notes (marks,
        # and the panel's notes with details) or none, as `screenshot/report --notes`.
        self.act_include_notes = QAction(w)
        self.act_include_notes.setObjectName("includeNotesInExports")
        self.act_include_notes.setCheckable(True)
        self.act_include_notes.setChecked(w.settings.include_notes())
        self.act_include_notes.toggled.connect(w.settings.set_include_notes)
        w.export_menu.addSeparator()
        w.export_menu.addAction(self.act_include_notes)
        w.notes_for_export = self.notes_for_export
        self.retranslate_ui()
        self._rebuild_views_menu()

    def retranslate_ui(self) -> None:
        self.banner.setWindowTitle(self.tr("Team server status"))
        self.banner.setAccessibleName(self.tr("Team server status"))
        # A tool bar (so it spans the window above the timeline) brings an overflow button
        # that screen readers list: it gets the name the main tool bar's has.
        extension = self.banner.findChild(QToolButton, "qt_toolbar_ext_button")
        if extension is not None:
            extension.setAccessibleName(
                QCoreApplication.translate("Accessibility", "More toolbar buttons"))
        self.views_menu.setTitle(self.tr("Vie&ws"))
        self.act_save_view.setText(self.tr("&Save Current View…"))
        self.act_copy_link.setText(self.tr("&Copy Link to Current View"))
        self.act_open_link.setText(self.tr("&Open View Link…"))
        self.delete_views_menu.setTitle(self.tr("&Delete View"))
        self.act_include_notes.setText(self.tr("Include &Notes"))
        self.act_include_notes.setToolTip(self.tr(
            "Exports, Copy Image and Print show the note marks (and the notes of the selected "
            "record in its panel)"))
        self.dock.retranslate_ui()

    def _rebuild_views_menu(self) -> None:
        m = self.views_menu
        m.clear()
        m.addActions([self.act_save_view, self.act_copy_link, self.act_open_link])
        if self.views:
            m.addSeparator()
        user = self.workspace.user if self.workspace else None
        for v in self.views:
            label = v.name if v.owner == user else f"{v.name} ({v.owner})"
            action = m.addAction(label)
            action.setObjectName(f"view:{v.owner}:{v.name}")
            action.triggered.connect(lambda _=False, v=v: self.apply_view(v.state))
        own = [v for v in self.views if v.owner == user]
        self.delete_views_menu.clear()
        if own:
            m.addMenu(self.delete_views_menu)
            self.delete_views_menu.setEnabled(self._writable())
            for v in own:
                action = self.delete_views_menu.addAction(v.name)
                action.setObjectName(f"deleteView:{v.name}")
                action.triggered.connect(lambda _=False, v=v: self.delete_view(v.name))
        self.act_save_view.setEnabled(self._writable())

    def delete_view(self, name: str) -> None:
        ws = self.workspace
        if ws is None or not self.connected:
            return
        self._run(lambda: ws.delete_view(name), self._written)

    def notes_for_export(self) -> tuple[Note, ...] | None:
        """The notes an export draws: all of them while Include Notes is on, else None."""
        return tuple(self.notes) if self.act_include_notes.isChecked() else None

    def current_state(self) -> dict[str, Any]:
        """The window's ViewState (with the time range on screen) as a JSON object."""
        return view_state_to_json(self.window.view_state())

    def apply_view(self, data: dict[str, Any]) -> None:
        """Show a stored view: its language first (records, lanes and dates follow it), then
        the rest of its ViewState, as Back/Forward restores a state."""
        w = self.window
        state = view_state_from_json(data)
        if state.lang != w.lang:
            w.set_language(state.lang)
        if state.selected is not None:
            w.read_around(state.selected)  # the window holds only the records it has shown
        if state.selected is not None and not w.relations.exists(state.selected):
            state = state.with_changes(selected=None)  # not in this dataset (any more)
        w._restore_state(state)

    def ask_save_view(self) -> None:
        name, ok = QInputDialog.getText(self.window, self.tr("Save View"),
                                        self.tr("Name of this view:"))
        if ok and name.strip():
            self.save_view(name)

    def save_view(self, name: str) -> None:
        ws = self.workspace
        if ws is None or not self.connected:
            return
        state = self.current_state()
        self._run(lambda: ws.save_view(name, state), self._written)

    def copy_view_link(self) -> str:
        link = view_link(self.tr("Shared view"), self.current_state())
        QGuiApplication.clipboard().setText(link)
        self.window.statusBar().showMessage(self.tr("Link to this view copied"), 4000)
        return link

    def ask_open_link(self) -> None:
        link, ok = QInputDialog.getText(self.window, self.tr("Open View Link"),
                                        self.tr("wsis-viewer: link:"))
        if ok and link.strip():
            self.open_link(link)

    def open_link(self, link: str) -> bool:
        try:
            _name, state = parse_view_link(link)
        except NoteError as exc:
            self.window.show_error(self.tr("Cannot open this link"), str(exc))
            return False
        self.apply_view(state)
        return True

    # --- live updates -------------------------------------------------------------------------

    def _on_announcement(self, payload: str) -> None:
        kind, _, _what = payload.partition(":")
        if kind in ("notes", "views"):
            self.refresh()
        elif kind == "dataset":
            self._reload_dataset()

    def _on_connection(self, connected: bool, reason: str) -> None:
        was = self.connected
        self.connected = connected
        if connected:
            self.banner.hide()
            if self.workspace is None and self.target is not None and self._opening is None:
                target = self.target  # opening it failed while the server was away
                self._opening = token = object()
                self._run(lambda: open_workspace(target),
                          lambda result: self._opened(result, token))
            elif not was:  # announcements sent while away are lost: read everything again
                self.refresh()
            if not was:
                self._reload_dataset()
        else:
            self.banner_label.setText(self.tr(
                "The team server cannot be reached (%1). The last data stays on screen; "
                "notes cannot be saved until it is back. Reconnecting…").replace("%1", reason))
            self.banner.show()
        self._update_buttons()
        self.act_save_view.setEnabled(self._writable())

    def _reload_dataset(self) -> None:
        """Open the server's current version in the worker thread, then show it keeping the
        view, the lanes, the years, the search and the selection."""
        db = self.window.db
        if db is None or not is_server_url(db.path) or self._reloading:
            return
        self._reloading = True
        path = db.path
        state = self.current_state()

        def work() -> LoadedDatabase | None:
            from wsis_viewer.session.loaded_database import LoadedDatabase
            from wsis_viewer.store.server_dataset import server_version

            if shown_version(db.label) == server_version(path):
                return None
            return LoadedDatabase.open(path)

        def then(result: object) -> None:
            from wsis_viewer.session.loaded_database import LoadedDatabase

            self._reloading = False
            if not isinstance(result, LoadedDatabase):  # unchanged, or the server is away
                return
            if self.window.db is not db:  # the user opened something else meanwhile
                with contextlib.suppress(Exception):
                    result.close()
                return
            self.window._set_database(result)
            # The version shown before: its store pins that version on the server (which a
            # later publish then cannot drop) and holds a connection.
            with contextlib.suppress(Exception):
                db.close()
            self.apply_view(state)

        self._run(work, then)


def shown_version(label: str) -> int | None:
    """The published version a server dataset's label names ("wsis@host (version 3)")."""
    _head, sep, tail = label.rpartition("(version ")
    return int(tail.rstrip(")")) if sep and tail.rstrip(")").isdigit() else None


def open_view_link(window: MainWindow, link: str) -> bool:
    """Show the view of a `wsis-viewer:` link in `window` (explained in a message if bad)."""
    controller = window.findChild(WorkspaceController, "workspaceController")
    return controller is not None and controller.open_link(link)


def install_workspace(window: MainWindow) -> WorkspaceController:
    """Add the Notes dock, the note marks, View ▸ Views, live updates, the notes in the main
    search and the exports' "include notes" choice to `window`."""
    from wsis_viewer.ui.note_search import install_note_search

    controller = WorkspaceController(window)
    install_note_search(window, controller)
    return controller
