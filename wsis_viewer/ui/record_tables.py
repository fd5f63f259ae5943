"""Tables of every kind of record the timeline cannot show by itself: Events, Documents,
People, Contributors, Topics and Figures (Recommendations and Resolutions have their lists).

Each is a model/view table with natural sort ("C13/9" before "C13/85"), a filter box that
searches every column, one filter by kind / lane / type / category and one by year, and
"Export CSV…" of the rows as shown (filtered, in their sort order), written as UTF-8 with a
byte-order mark so spreadsheet programs read the Chinese text. Activating a row selects that
record in the window, like a click on the timeline.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wsis_viewer.domain.dates import format_span
from wsis_viewer.domain.model import Dataset, RecordType
from wsis_viewer.domain.relations import RecordRef
from wsis_viewer.lists.models import natural_key

Index = QModelIndex | QPersistentModelIndex
REF_ROLE = Qt.ItemDataRole.UserRole + 20
SORT_ROLE = Qt.ItemDataRole.UserRole + 21


@dataclass(frozen=True, slots=True)
class TableRow:
    ref: RecordRef | None  # None: a row about a record not in the dataset shown (a note's)
    cells: tuple[str, ...]
    sort_keys: tuple[str, ...]
    group: str  # the value the kind/lane/type filter looks at
    years: tuple[int, ...]  # the years the year filter looks at (empty: always shown)


def _row(ref: RecordRef, cells: Sequence[str], group: str, years: Sequence[int],
         sort_keys: Sequence[str] | None = None) -> TableRow:
    keys = tuple(sort_keys) if sort_keys else tuple(natural_key(c.casefold()) for c in cells)
    return TableRow(ref, tuple(cells), keys, group, tuple(years))


def _span_years(a: int | None, b: int | None) -> tuple[int, ...]:
    if a is None:
        return ()
    return tuple(range(a, (b or a) + 1))


def event_rows(ds: Dataset, lang: str, lanes: dict[str, str] | None = None) -> list[TableRow]:
    """`lanes`: lane id → its name in the interface language (else the id is shown)."""
    rows = []
    for e in ds.events:
        when = format_span(e.start, e.end, e.precision, lang)
        sittings = str(len(e.sessions)) if len(e.sessions) > 1 else ""
        lane = (lanes or {}).get(e.lane, e.lane)
        rows.append(_row(RecordRef(RecordType.EVENT, e.id),
                         [when, e.title.get(lang), lane, e.kind, e.location or "", sittings],
                         lane, _span_years(e.start.year, e.end.year),
                         [e.start.isoformat(), *(natural_key(x.casefold()) for x in (
                             e.title.get(lang), lane, e.kind, e.location or "")),
                          sittings.zfill(3)]))
    return rows


def document_rows(ds: Dataset, lang: str, _lanes: dict[str, str] | None = None
                  ) -> list[TableRow]:
    events = {e.id: e for e in ds.events}
    rows = []
    for d in ds.documents:
        event_id = d.event or (d.considered_at[0].event if d.considered_at else None)
        event = events.get(event_id or "")
        rows.append(_row(RecordRef(RecordType.DOCUMENT, d.symbol),
                         [d.symbol, d.title.get(lang), d.kind, d.submitted_by or "",
                          event.title.get(lang) if event else "",
                          event.start.isoformat() if event else ""],
                         d.kind, (event.start.year,) if event else ()))
    return rows


def people_rows(ds: Dataset, lang: str, _lanes: dict[str, str] | None = None
                ) -> list[TableRow]:
    rows = []
    for p in ds.people:
        name = (p.name_zh or p.name) if lang == "zh" else p.name
        roles = "; ".join(
            f"{r.role}, {r.body}" + (f" ({r.start_year}–{r.end_year or ''})" if r.start_year
                                     else "") for r in p.roles)
        years = tuple(y for r in p.roles for y in _span_years(r.start_year, r.end_year))
        rows.append(_row(RecordRef(RecordType.PERSON, p.id), [name, roles, p.country or ""],
                         p.roles[0].role if p.roles else "", years))
    return rows


def contributor_rows(ds: Dataset, lang: str, _lanes: dict[str, str] | None = None
                     ) -> list[TableRow]:
    return [_row(RecordRef(RecordType.CONTRIBUTOR, c.id),
                 [c.name.get(lang), c.type, c.country or ""], c.type, ())
            for c in ds.contributors]


def topic_rows(ds: Dataset, lang: str, _lanes: dict[str, str] | None = None
               ) -> list[TableRow]:
    return [_row(RecordRef(RecordType.TOPIC, t.id),
                 [t.ref, t.title.get(lang), t.category,
                  f"{t.start_year or ''}–{t.end_year or ''}".strip("–")],
                 t.category, _span_years(t.start_year, t.end_year))
            for t in ds.topics]


def figure_rows(ds: Dataset, lang: str, _lanes: dict[str, str] | None = None
                ) -> list[TableRow]:
    events = {e.id: e for e in ds.events}
    rows = []
    for f in ds.figures:
        event = events.get(f.event or "")
        rows.append(_row(RecordRef(RecordType.FIGURE, f.id),
                         [str(f.value), f.qualifier, f.text.get(lang),
                          event.title.get(lang) if event else ""],
                         f.qualifier, (event.start.year,) if event else (),
                         [str(f.value).zfill(12), f.qualifier, natural_key(f.text.get(lang)),
                          natural_key(event.title.get(lang)) if event else ""]))
    return rows


class RecordTableModel(QAbstractTableModel):
    def __init__(self, headers: Callable[[], list[str]]) -> None:
        super().__init__()
        self._headers = headers
        self.rows: list[TableRow] = []

    def set_rows(self, rows: list[TableRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self._headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.cells[index.column()]
        if role == SORT_ROLE:
            return row.sort_keys[index.column()]
        if role == REF_ROLE:
            return row.ref
        return None

    def row_of(self, ref: RecordRef) -> int:
        return next((k for k, r in enumerate(self.rows) if r.ref == ref), -1)


class RecordTableProxy(QSortFilterProxyModel):
    """Text in any column (case-insensitive), one group value and one year."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self._text = ""
        self._group: str | None = None
        self._year: int | None = None

    def set_filters(self, text: str, group: str | None, year: int | None) -> None:
        # begin/endFilterChange replace invalidateFilter (deprecated since Qt 6.10).
        self.beginFilterChange()
        self._text, self._group, self._year = text.casefold().strip(), group, year
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RecordTableModel)
        row = model.rows[source_row]
        if self._group is not None and row.group != self._group:
            return False
        if self._year is not None and row.years and self._year not in row.years:
            return False
        if self._year is not None and not row.years:
            return False
        if self._text:
            words = self._text.split()
            hay = " ".join(row.cells).casefold() + " " + (row.ref.id.casefold()
                                                          if row.ref else "")
            return all(w in hay for w in words)
        return True


def write_csv(path: Path, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """UTF-8 with a byte-order mark: Excel and LibreOffice then read Chinese correctly."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(list(headers))
        writer.writerows([list(r) for r in rows])


class RecordTablePanel(QWidget):
    """One table with its filter box, filters, count and CSV export."""

    recordSelected = Signal(object)  # RecordRef

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"{kind}Table")
        # A table of another kind (the search's Notes table) fills itself through set_rows.
        self._rows_for: RowsFn = _ROWS.get(kind, _no_rows)
        self.model = RecordTableModel(self.headers)
        self.proxy = RecordTableProxy()
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName(f"{kind}Filter")
        self.filter_edit.setClearButtonEnabled(True)
        self.group_box = QComboBox(self)
        self.group_box.setObjectName(f"{kind}GroupFilter")
        self.year_box = QComboBox(self)
        self.year_box.setObjectName(f"{kind}YearFilter")
        self.count_label = QLabel(self)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName(f"{kind}ExportCsv")
        self.table = QTableView(self)
        self.table.setObjectName(f"{kind}TableView")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.group_box)
        bar.addWidget(self.year_box)
        bar.addWidget(self.count_label)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.filter_edit.textChanged.connect(self._apply_filters)
        self.group_box.currentIndexChanged.connect(self._apply_filters)
        self.year_box.currentIndexChanged.connect(self._apply_filters)
        self.export_button.clicked.connect(self.choose_csv)
        self.table.activated.connect(self._on_activated)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self._showing: RecordRef | None = None
        self.retranslate_ui()

    def headers(self) -> list[str]:
        if self.kind == "events":
            return [self.tr("When"), self.tr("Title"), self.tr("Lane"), self.tr("Kind"),
                    self.tr("Place"), self.tr("Sittings")]
        if self.kind == "documents":
            return [self.tr("Symbol"), self.tr("Title"), self.tr("Kind"),
                    self.tr("Submitted by"), self.tr("Event"), self.tr("Date")]
        if self.kind == "people":
            return [self.tr("Name"), self.tr("Roles"), self.tr("Country")]
        if self.kind == "contributors":
            return [self.tr("Name"), self.tr("Type"), self.tr("Country")]
        if self.kind == "topics":
            return [self.tr("Paragraph"), self.tr("Title"), self.tr("Category"),
                    self.tr("Years")]
        return [self.tr("Value"), self.tr("Qualifier"), self.tr("Text"), self.tr("Event")]

    def title(self) -> str:
        return {"events": self.tr("Events"), "documents": self.tr("Documents"),
                "people": self.tr("People"), "contributors": self.tr("Contributors"),
                "topics": self.tr("Topics"), "figures": self.tr("Figures")}[self.kind]

    def retranslate_ui(self) -> None:
        # Names for screen readers: which table a box or a list belongs to.
        title = self.title()
        self.filter_edit.setAccessibleName(self.tr("Filter %1").replace("%1", title))
        self.table.setAccessibleName(self.tr("%1 table").replace("%1", title))
        self.group_box.setAccessibleName(self.tr("Show only one kind"))
        self.year_box.setAccessibleName(self.tr("Show only one year"))
        for box in (self.group_box, self.year_box):  # its popup list is a list of its own
            view = box.view()
            if view is not None:
                view.setAccessibleName(self.tr("%1 choices").replace("%1", box.accessibleName()))
        self.filter_edit.setPlaceholderText(self.tr("Filter…"))
        self.export_button.setText(self.tr("Export CSV…"))
        self.export_button.setToolTip(self.tr("Save the rows shown as a CSV file"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                          max(0, len(self.headers()) - 1))
        self._fill_filters()
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_dataset(self, ds: Dataset, lang: str, lanes: dict[str, str] | None = None) -> None:
        self.model.set_rows(self._rows_for(ds, lang, lanes))
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 320))
        self._fill_filters()
        self._update_count()

    def _fill_filters(self) -> None:
        group, year = self.group_box.currentData(), self.year_box.currentData()
        groups = sorted({r.group for r in self.model.rows if r.group}, key=natural_key)
        years = sorted({y for r in self.model.rows for y in r.years})
        for box, values, everything, keep in (
                (self.group_box, groups, self.tr("All kinds"), group),
                (self.year_box, years, self.tr("All years"), year)):
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, None)
            for value in values:
                box.addItem(str(value), value)
            at = box.findData(keep) if keep is not None else 0
            box.setCurrentIndex(max(0, at))
            box.blockSignals(False)
        self.group_box.setVisible(len(groups) > 1)
        self.year_box.setVisible(bool(years))
        self._apply_filters()

    def _apply_filters(self) -> None:
        self.proxy.set_filters(self.filter_edit.text(), self.group_box.currentData(),
                               self.year_box.currentData())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(self.tr("%1 of %2").replace("%1", str(shown))
                                 .replace("%2", str(total)) if shown != total else str(total))

    def visible_rows(self) -> list[list[str]]:
        """The rows as shown: filtered, in the table's sort order."""
        return [[str(self.proxy.index(r, c).data() or "") for c in range(self.proxy.columnCount())]
                for r in range(self.proxy.rowCount())]

    def export_csv(self, path: Path) -> None:
        write_csv(path, self.headers(), self.visible_rows())

    def choose_csv(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export CSV"), f"{self.kind}.csv",
                                              self.tr("CSV files (*.csv)"))
        if name:
            self.export_csv(Path(name))

    def _on_activated(self, index: QModelIndex) -> None:
        ref = index.data(REF_ROLE)
        if isinstance(ref, RecordRef):
            self.recordSelected.emit(ref)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        ref = current.data(REF_ROLE)
        if isinstance(ref, RecordRef) and ref != self._showing:
            self._showing = ref
            self.recordSelected.emit(ref)

    def show_record(self, ref: RecordRef | None) -> None:
        """Mark the window's selection in the table without emitting it back."""
        self._showing = ref
        row = self.model.row_of(ref) if ref is not None else -1
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            if row < 0:
                self.table.clearSelection()
                # No current row either: a click on the row that was current selects it again.
                selection.setCurrentIndex(QModelIndex(),
                                          QItemSelectionModel.SelectionFlag.NoUpdate)
            else:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                if index.isValid():
                    self.table.setCurrentIndex(index)
                    self.table.scrollTo(index)
        finally:
            selection.blockSignals(False)
        self.table.viewport().update()


RowsFn = Callable[[Dataset, str, dict[str, str] | None], list[TableRow]]


def _no_rows(_ds: Dataset, _lang: str, _lanes: dict[str, str] | None = None) -> list[TableRow]:
    return []

_ROWS: dict[str, RowsFn] = {
    "events": event_rows, "documents": document_rows, "people": people_rows,
    "contributors": contributor_rows, "topics": topic_rows, "figures": figure_rows,
}
TABLE_KINDS: tuple[str, ...] = tuple(_ROWS)
