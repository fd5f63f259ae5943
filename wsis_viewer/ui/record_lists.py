"""The Recommendations and Resolutions lists: a filter box, a sortable table, a summary line.

Selecting a row asks the window to select that record (`recordSelected`); the window calls
`show_record` back when the selection comes from elsewhere, which marks the row without
emitting again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wsis_viewer.domain.model import RECOMMENDATION_STATUSES
from wsis_viewer.domain.relations import RecordRef, Relations
from wsis_viewer.lists.models import (
    REF_ROLE,
    RecommendationsModel,
    RecordFilterProxy,
    ResolutionsModel,
    status_label,
    status_summary,
    translate_lists,
)


class RecordListPanel(QWidget):
    recordSelected = Signal(object)  # RecordRef

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind  # "recommendations" | "resolutions"
        self.setObjectName(f"{kind}Panel")
        self._quiet = False
        self._shown: RecordRef | None = None  # the record the window has selected
        self._lang = "en"
        self.model: RecommendationsModel | ResolutionsModel | None = None
        self.proxy = RecordFilterProxy()
        self.filter = QLineEdit(self)
        self.filter.setObjectName(f"{kind}Filter")
        self.filter.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.setObjectName(f"{kind}Status")
        self.status.setVisible(kind == "recommendations")
        self.table = QTableView(self)
        self.table.setObjectName(f"{kind}Table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel(self)
        self.summary.setObjectName(f"{kind}Summary")
        self.summary.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)

        self.filter.textChanged.connect(self._apply_filter)
        self.status.currentIndexChanged.connect(self._apply_filter)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.retranslate_ui()

    def set_relations(self, rel: Relations, lang: str) -> None:
        self._lang = lang
        if self.kind == "recommendations":
            self.model = RecommendationsModel(rel, lang)
        else:
            self.model = ResolutionsModel(rel, lang)
        self.proxy.setSourceModel(self.model)
        self.status.blockSignals(True)
        self.status.clear()
        self.status.addItem("", "")
        present = {m.status for m in rel.ds.recommendations}
        for status in RECOMMENDATION_STATUSES:
            if status in present:
                self.status.addItem("", status)
        self.status.blockSignals(False)
        self._retranslate_statuses()
        first = 0 if self.kind == "recommendations" else ResolutionsModel.FIRST
        self.table.sortByColumn(first, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.resizeColumnsToContents()
        self._apply_filter()

    def set_language(self, lang: str) -> None:
        """Titles and texts of the rows in `lang` ("en" or "zh")."""
        self._lang = lang
        if self.model is not None:
            self.model.set_language(lang)
        self._update_summary()

    def retranslate_ui(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter…"))
        self._retranslate_statuses()
        if self.model is not None:
            # Headers and status words come from the translator: ask the views to re-read.
            self.model.set_language(self._lang)
        self._update_summary()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _retranslate_statuses(self) -> None:
        """Combo texts only; the item data (status keys) and the selection stay."""
        for i in range(self.status.count()):
            key = self.status.itemData(i)
            self.status.setItemText(i, status_label(key) if key else self.tr("All statuses"))

    def _apply_filter(self) -> None:
        """Filter the rows. Only the list changes: rows moving under the cursor must not
        select another record, move the timeline or add a history entry, so the current
        row is put back on the shown record without signalling."""
        self._quiet = True
        try:
            self.proxy.setFilterFixedString(self.filter.text())
            self.proxy.set_status(self.status.currentData() or None)
        finally:
            self._quiet = False
        self.show_record(self._shown)
        self._update_summary()

    def _update_summary(self) -> None:
        if self.model is None:
            self.summary.clear()
            return
        shown = self.proxy.rowCount()
        total = self.model.rowCount()
        if isinstance(self.model, RecommendationsModel):
            rows = [self.model.rows[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]
                    for r in range(shown)]
            text = status_summary(rows, translate_lists)
        else:
            text = self.tr("%n resolution(s)", None, shown)
        if shown != total:
            text += " " + self.tr("(filtered from %1)").replace("%1", str(total))
        self.summary.setText(text)

    def _on_row(self, current: object, _previous: object) -> None:
        if self._quiet or self.model is None:
            return
        index = self.table.currentIndex()
        if index.isValid():
            ref = self.proxy.data(index, REF_ROLE)
            if ref is not None:
                self.recordSelected.emit(ref)

    def show_record(self, ref: RecordRef | None) -> None:
        """Mark `ref`'s row (or none) without emitting recordSelected."""
        self._shown = ref
        self._quiet = True
        try:
            selection = self.table.selectionModel()
            row = self.model.row_of(ref) if (self.model is not None and ref is not None) else -1
            if row < 0:
                selection.clearSelection()
                selection.setCurrentIndex(self.proxy.index(-1, -1),
                                          QItemSelectionModel.SelectionFlag.NoUpdate)
                return
            index = self.proxy.mapFromSource(self.model.index(row, 0))  # type: ignore[union-attr]
            if index.isValid():
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
        finally:
            self._quiet = False
