"""The notes in the window's main search: typing in the search box (or Ctrl+F) also finds the
notes whose text or author holds the words, listed in a Notes table in the Search Results dock.

The query goes to the workspace store the Notes dock uses (the user's own file, or the team
server's: store/workspace.py `search_notes`) on the workspace's worker thread, so the GUI never
waits on the network; only the latest query is sent once the previous one is answered, and an
answer for a query the box no longer holds is dropped.

A row names the record the note is on (id and title), the author, the last change and the note
(the match highlighted); activating it selects and zooms to the record like any table's row; it
has the record menu and Export CSV… of the other tables. Events whose notes match count as
matches of the search (`MainWindow.set_extra_matches`): lit on the timeline, counted beside the
box, reached with F3. Notes on other kinds of record are listed only, as their records' hits are
(the timeline lights events).
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import (
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from wsis_viewer.domain.model import RecordType
from wsis_viewer.domain.notes import Note
from wsis_viewer.domain.relations import RecordRef
from wsis_viewer.lists.models import natural_key
from wsis_viewer.panels.note_hits import NoteHit, local_time, note_hits
from wsis_viewer.ui.record_tables import REF_ROLE, RecordTableModel, RecordTablePanel, TableRow
from wsis_viewer.ui.search_results import HTML_ROLE

if TYPE_CHECKING:
    from wsis_viewer.ui.main_window import MainWindow
    from wsis_viewer.ui.search_features import SearchFeatures
    from wsis_viewer.ui.workspace_ui import WorkspaceController

NOTE_COLUMN = 1  # beside the record: the match is what the reader looks for
EXCERPT_BEFORE, EXCERPT_AFTER = 16, 160  # characters: the match near the column's start


def excerpt_html(text: str, start: int, end: int, highlight: str) -> str:
    """The note around its match on one line, the match marked (as the record hits are)."""
    flat = re.sub(r"\s", " ", text)  # same length: the match offsets stay right
    a = max(0, start - EXCERPT_BEFORE)
    b = min(len(flat), max(end, a) + EXCERPT_AFTER)
    head = ("…" if a else "") + html.escape(flat[a:start])
    tail = html.escape(flat[end:b]) + ("…" if b < len(flat) else "")
    if end <= start:
        return head + tail
    return (f"{head}<b style='background-color:{highlight}'>{html.escape(flat[start:end])}</b>"
            f"{tail}")


class _ExcerptDelegate(QStyledItemDelegate):
    """The note's excerpt as one line of rich text (the match marked), clipped to its cell."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:  # background, selection, focus: as every other cell
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(0)
        text_option = QTextOption()
        text_option.setWrapMode(QTextOption.WrapMode.NoWrap)
        doc.setDefaultTextOption(text_option)
        doc.setHtml(str(index.data(HTML_ROLE) or ""))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        rect = opt.rect.adjusted(3, 0, -3, 0)
        painter.save()
        painter.setClipRect(rect)
        painter.translate(rect.left(), rect.top() + (rect.height() - doc.size().height()) / 2)
        doc.documentLayout().draw(painter, ctx)
        painter.restore()


class _NotesModel(RecordTableModel):
    """Rows as the other tables; the note column also has its excerpt as rich text."""

    def __init__(self, panel: NotesResultsTable) -> None:
        super().__init__(panel.headers)
        self.excerpts: list[str] = []

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == HTML_ROLE and index.isValid() and index.column() == NOTE_COLUMN:
            return self.excerpts[index.row()]
        return super().data(index, role)


class NotesResultsTable(RecordTablePanel):
    """The Notes table of the search results: record, note, record's title, author, edited."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.heading = QLabel()
        super().__init__("notes", parent)
        self.model = _NotesModel(self)
        self.proxy.setSourceModel(self.model)
        self.table.setItemDelegateForColumn(NOTE_COLUMN, _ExcerptDelegate(self.table))
        self.filter_edit.setObjectName("notesResultsFilter")  # the Notes dock has notesFilter
        self.heading.setParent(self)
        self.heading.setObjectName("notesResultsHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, self.heading)
        self.hits: list[NoteHit] = []

    def headers(self) -> list[str]:
        return [self.tr("Record"), self.tr("Note"), self.tr("Title"), self.tr("Author"),
                self.tr("Edited")]

    def title(self) -> str:
        return self.tr("Notes")

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.heading.setText(self.tr("Notes (%n)", None, len(getattr(self, "hits", []))))

    def set_hits(self, hits: list[NoteHit]) -> None:
        self.hits = hits
        highlight = self.palette().color(QPalette.ColorRole.Highlight).lighter(160).name()
        rows = []
        for h in hits:
            changed = local_time(h.changed)
            cells = (h.note.record, " ".join(h.note.text.split()), h.record_title,
                     h.note.author, changed)
            keys = (*(natural_key(c.casefold()) for c in cells[:4]), h.changed.isoformat())
            rows.append(TableRow(h.ref, cells, keys, "", ()))
        excerpts = [excerpt_html(h.note.text, h.match_start, h.match_end, highlight)
                    for h in hits]
        assert isinstance(self.model, _NotesModel)
        self.model.beginResetModel()
        self.model.rows, self.model.excerpts = rows, excerpts
        self.model.endResetModel()
        self.heading.setText(self.tr("Notes (%n)", None, len(hits)))
        self.setVisible(bool(hits))
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))
        self.table.setColumnWidth(NOTE_COLUMN, 320)  # its cells paint their own excerpt
        self._fill_filters()


class NoteSearch(QObject):
    def __init__(self, window: MainWindow, controller: WorkspaceController,
                 features: SearchFeatures) -> None:
        super().__init__(window)
        self.setObjectName("noteSearch")
        self.window = window
        self.controller = controller
        self.features = features
        self.table = NotesResultsTable()
        self.table.setObjectName("notesResults")
        features.results.add_section(self.table)
        self.table.hide()
        self.query = ""
        self.found: list[Note] = []  # the store's answer for self.query
        self._asking: str | None = None  # the query being answered by the store
        self.table.recordSelected.connect(window.navigate_to)
        features._context_menu(self.table.table, lambda ix: ix.data(REF_ROLE))
        # The line edit's own signal: it fires when Back/Forward or a named view restores a
        # search too (the window blocks the search bar's signals while it restores).
        window.search.edit.textChanged.connect(self.search)
        controller.notesChanged.connect(self._again)
        window.recordsChanged.connect(self._show)  # titles in the data language
        window.recordChanged.connect(self._mark_current)
        window.search.edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↓ from the search box goes into the results (ui/search_features.py); when only
        notes matched, into the Notes table, on its first row."""
        if (watched is self.window.search.edit and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down
                and not self.features.results.hits() and self.table.hits):
            self.features.show_results()
            self.table.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.table.setCurrentIndex(self.table.proxy.index(0, 0))
            return True
        return super().eventFilter(watched, event)

    def _mark_current(self, ref: object) -> None:
        self.table.show_record(ref if isinstance(ref, RecordRef) else None)

    def _again(self) -> None:
        """The notes changed (written here, or announced by the server): ask again."""
        self.search(self.window.search.text(), force=True)

    def search(self, query: str, *, force: bool = False) -> None:
        if query == self.query and not force:
            return
        self.query = query
        if not query.strip() or self.controller.workspace is None:
            self._answered(query, [])
            return
        if self._asking is None:
            self._ask(query)
        # else: asked when the answer in flight arrives (_on_answer), if still wanted

    def _ask(self, query: str) -> None:
        ws = self.controller.workspace
        if ws is None:
            self._asking = None
            return
        self._asking = query
        self.controller.run(lambda: ws.search_notes(query),
                            lambda result: self._on_answer(query, result))

    def _on_answer(self, query: str, result: object) -> None:
        self._asking = None
        if query != self.query:  # the user typed on: ask for what the box holds now
            self.search(self.query, force=True)
            return
        if isinstance(result, Exception):  # the server is away: the banner says so
            self.window.statusBar().showMessage(
                self.tr("Notes could not be searched: %1").replace("%1", str(result)), 8000)
            result = []
        assert isinstance(result, list)
        self._answered(query, result)

    def _answered(self, query: str, notes: list[Note]) -> None:
        self.found = notes
        self._show()

    def _show(self) -> None:
        window = self.window
        window.hold_records([n.record for n in self.found])  # their titles, read by id
        hits = note_hits(self.found, window.relations, window.lang, self.query)
        self.table.set_hits(hits)
        self.table.show_record(window.current)
        self.features.results.set_note_count(len(hits))
        events = [h.ref.id for h in hits if h.ref is not None
                  and h.ref.type is RecordType.EVENT]
        window.set_extra_matches(self.query, events)


def install_note_search(window: MainWindow, controller: WorkspaceController) -> NoteSearch:
    """The Notes table in the search results and the notes' part of the search's matches."""
    return NoteSearch(window, controller, window.features)
