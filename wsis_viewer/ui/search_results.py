"""The search results list: hits of every kind, grouped, each with its icon, date and the
matched text highlighted; ↑/↓ and Enter go to a hit.

The panel asks the database's search (`SearchBackend`, answered by the FTS5 tables inside the
database in a few milliseconds) for the query the search box holds; it never builds an index.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QIcon,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPixmap,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from wsis_viewer.domain.model import RecordType
from wsis_viewer.domain.relations import RecordRef
from wsis_viewer.domain.search_text import SearchHit
from wsis_viewer.store.problems import DatabaseError
from wsis_viewer.store.search_index import SearchBackend

RESULT_LIMIT = 200
HTML_ROLE = Qt.ItemDataRole.UserRole + 10
REF_ROLE = Qt.ItemDataRole.UserRole + 11

# One colour and shape per kind (Okabe–Ito colours, so they stay apart for colour-blind users).
_KIND_STYLE: dict[str, tuple[str, str]] = {
    "event": ("#0072B2", "diamond"), "document": ("#E69F00", "page"),
    "resolution": ("#009E73", "square"), "recommendation": ("#CC79A7", "circle"),
    "person": ("#56B4E9", "person"), "contributor": ("#D55E00", "circle"),
    "topic": ("#999999", "square"), "figure": ("#F0E442", "diamond"),
}


def kind_icon(kind: str, size: int = 16) -> QIcon:
    """A small coloured shape for a kind of record (drawn, so no image files are needed)."""
    colour, shape = _KIND_STYLE.get(kind, ("#999999", "circle"))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QColor("#333333"))
    p.setBrush(QColor(colour))
    m, s = 2, size - 4
    if shape == "diamond":
        path = QPainterPath()
        path.moveTo(size / 2, m)
        path.lineTo(size - m, size / 2)
        path.lineTo(size / 2, size - m)
        path.lineTo(m, size / 2)
        path.closeSubpath()
        p.drawPath(path)
    elif shape == "page":
        p.drawRect(m + 2, m, s - 4, s)
    elif shape == "square":
        p.drawRect(m, m, s, s)
    elif shape == "person":
        p.drawEllipse(size // 2 - 3, m, 6, 6)
        p.drawRoundedRect(m + 1, m + 7, s - 2, s - 7, 3, 3)
    else:
        p.drawEllipse(m, m, s, s)
    p.end()
    return QIcon(pixmap)


def hit_html(hit: SearchHit, lang: str, highlight: str) -> str:
    """Title and date on the first line, the matched text (match marked) on the second."""
    title = html.escape(hit.title(lang))
    date = f" <span style='color:gray'>{html.escape(hit.date)}</span>" if hit.date else ""
    matched = hit.matched
    if matched and matched != hit.title(lang):
        if 0 <= hit.match_start < hit.match_end <= len(matched):
            body = (html.escape(matched[:hit.match_start])
                    + f"<b style='background-color:{highlight}'>"
                    + html.escape(matched[hit.match_start:hit.match_end]) + "</b>"
                    + html.escape(matched[hit.match_end:]))
        else:
            body = html.escape(matched)
        return f"{title}{date}<br><small>{body}</small>"
    return f"{title}{date}"


class _HtmlDelegate(QStyledItemDelegate):
    """Paints an item's HTML_ROLE as rich text (the matched text in bold on a highlight)."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
                  ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        text = str(index.data(HTML_ROLE))
        if option.state & QStyle.StateFlag.State_Selected:  # gray on the highlight is unreadable
            text = text.replace("color:gray", "")
        doc.setHtml(text)
        width = option.rect.width()
        view = option.widget
        if width <= 0 and isinstance(view, QTreeView):  # sizeHint: no rect yet
            width = view.viewport().width() - 2 * view.indentation()
        doc.setTextWidth(max(100, width - option.decorationSize.width() - 8))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        if index.data(HTML_ROLE) is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        opt.text = ""
        opt.icon = QIcon()  # drawn below, beside the first line rather than centred
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(opt, index)
        size = opt.decorationSize
        if isinstance(icon, QIcon):
            icon.paint(painter, opt.rect.left() + 2, opt.rect.top() + 3, size.width(),
                       size.height())
        icon_width = size.width() + 6
        painter.save()
        painter.translate(opt.rect.left() + icon_width, opt.rect.top())
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        if index.data(HTML_ROLE) is None:
            return super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc = self._document(opt, index)
        return QSize(int(doc.idealWidth()) + opt.decorationSize.width() + 8,
                     int(doc.size().height()) + 2)


class SearchResultsPanel(QWidget):
    """Hits grouped by kind. Emits `hitChosen` when the user moves to or activates a hit."""

    hitChosen = Signal(object)  # RecordRef

    def __init__(self, search: Callable[[], SearchBackend | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchResults")
        self._search = search
        self._query = ""
        self._lang = "en"
        self._hits: list[SearchHit] = []
        self._error = ""
        self.summary = QLabel(self)
        self.summary.setObjectName("searchResultsSummary")
        self.summary.setWordWrap(True)
        self.model = QStandardItemModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("searchResultsTree")
        self.tree.setHeaderHidden(True)
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(_HtmlDelegate(self.tree))
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setRootIsDecorated(True)
        self.tree.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        # The records' hits on top; sections found elsewhere (the notes: add_section) below.
        self.sections = QSplitter(Qt.Orientation.Vertical, self)
        self.sections.setObjectName("searchResultsSections")
        self.sections.setChildrenCollapsible(False)
        self.sections.addWidget(self.tree)
        self._note_count = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.sections, 1)
        self.tree.activated.connect(self._on_activated)
        self.tree.installEventFilter(self)
        self.retranslate_ui()

    # --- texts --------------------------------------------------------------------------------

    def kind_label(self, kind: str, count: int) -> str:
        labels = {
            "event": self.tr("Events (%n)", None, count),
            "document": self.tr("Documents (%n)", None, count),
            "resolution": self.tr("Resolutions (%n)", None, count),
            "recommendation": self.tr("Recommendations (%n)", None, count),
            "person": self.tr("People (%n)", None, count),
            "contributor": self.tr("Contributors (%n)", None, count),
            "topic": self.tr("Topics (%n)", None, count),
            "figure": self.tr("Figures (%n)", None, count),
        }
        return labels.get(kind, kind)

    def retranslate_ui(self) -> None:
        self.tree.setAccessibleName(self.tr("Search results"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.tree.doItemsLayout()  # wrapped rows change height with the width

    # --- content ------------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._fill()

    def set_query(self, query: str) -> None:
        self._query = query
        backend = self._search()
        self._error = ""
        try:
            self._hits = backend.search(query, limit=RESULT_LIMIT) if backend else []
        except DatabaseError as exc:  # an untrusted file's index: said in the list
            self._hits, self._error = [], str(exc)
        self._fill()

    def add_section(self, widget: QWidget) -> None:
        """Another list of hits under the records' (the Notes table, ui/note_search.py)."""
        self.sections.addWidget(widget)

    def set_note_count(self, count: int) -> None:
        """How many notes match the query (shown in their own table): said in the summary."""
        if count != self._note_count:
            self._note_count = count
            self._fill()

    def hits(self) -> list[SearchHit]:
        return list(self._hits)

    def _fill(self) -> None:
        """Rebuild the list (query, language or texts changed), keeping the current hit."""
        keep = self.tree.currentIndex().data(REF_ROLE)
        self._rebuild()
        if isinstance(keep, RecordRef):
            for index in self._hit_indexes():
                if index.data(REF_ROLE) == keep:
                    self.tree.selectionModel().blockSignals(True)
                    self.tree.setCurrentIndex(index)
                    self.tree.selectionModel().blockSignals(False)
                    break

    def _rebuild(self) -> None:
        self.model.clear()
        query = self._query.strip()
        if not query:
            self.summary.setText(self.tr("Type in the search box (Ctrl+F): ids, symbols, "
                                         "numbers, titles, places, people."))
            return
        if self._error:
            self.summary.setText(self._error)
            return
        notes = self.tr("%n matching note(s)", None, self._note_count) \
            if self._note_count else ""
        if not self._hits:
            item = QStandardItem(self.tr("No records match “%1”").replace("%1", query)
                                 if notes else
                                 self.tr("No matches for “%1”").replace("%1", query))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.model.appendRow(item)
            self.summary.setText(notes or self.tr("no matches"))
            return
        more = len(self._hits) >= RESULT_LIMIT
        self.summary.setText(
            (self.tr("%n match(es)", None, len(self._hits)) if not more
             else self.tr("The first %n matches", None, len(self._hits)))
            + (f" · {notes}" if notes else ""))
        highlight = self.palette().color(QPalette.ColorRole.Highlight).lighter(160).name()
        # Groups in the order of their best hit, so the exact match's kind comes first.
        for kind in dict.fromkeys(h.kind for h in self._hits):
            hits = [h for h in self._hits if h.kind == kind]
            group = QStandardItem(kind_icon(kind), self.kind_label(kind, len(hits)))
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font()
            font.setBold(True)
            group.setFont(font)
            for hit in hits:
                item = QStandardItem(kind_icon(kind), hit.title(self._lang))
                item.setData(hit_html(hit, self._lang, highlight), HTML_ROLE)
                item.setData(RecordRef(RecordType(hit.kind), hit.id), REF_ROLE)
                item.setToolTip(f"{hit.id} — {hit.matched}")
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                group.appendRow(item)
            self.model.appendRow(group)
        self.tree.expandAll()

    # --- keys ---------------------------------------------------------------------------------

    def first_hit_index(self) -> QModelIndex:
        group = self.model.index(0, 0)
        return self.model.index(0, 0, group) if self.model.hasChildren(group) else QModelIndex()

    def focus_first_hit(self) -> None:
        """Move the keyboard into the list, on its first hit (from the search box's ↓)."""
        first = self.first_hit_index()
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        if first.isValid():
            self.tree.setCurrentIndex(first)
            self._on_activated(first)

    def _on_activated(self, index: QModelIndex) -> None:
        ref = index.data(REF_ROLE)
        if isinstance(ref, RecordRef):
            self.hitChosen.emit(ref)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """↑/↓ step over hits (group headings are skipped); Enter goes to the current hit."""
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._step(-1 if key == Qt.Key.Key_Up else 1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._on_activated(self.tree.currentIndex())
                return True
        return super().eventFilter(watched, event)

    def _hit_indexes(self) -> list[QModelIndex]:
        out = []
        for g in range(self.model.rowCount()):
            group = self.model.index(g, 0)
            out += [self.model.index(r, 0, group) for r in range(self.model.rowCount(group))]
        return out

    def _step(self, step: int) -> None:
        hits = self._hit_indexes()
        if not hits:
            return
        current = self.tree.currentIndex()
        at = next((k for k, ix in enumerate(hits) if ix == current), None)
        target = 0 if at is None else max(0, min(len(hits) - 1, at + step))
        self.tree.setCurrentIndex(hits[target])
        self.tree.scrollTo(hits[target])
        self._on_activated(hits[target])
