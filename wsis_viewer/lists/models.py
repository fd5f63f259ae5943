"""Table models for the Recommendations and Resolutions lists (Qt model/view).

Plain data in, Qt roles out: the models hold domain objects, name their columns with constants
and sort through SORT_ROLE keys (so "§4.5.10" sorts after "§4.5.9"). Tested without a window.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from wsis_viewer.domain.model import Claim, Recommendation, RecordType, Resolution, claim_for
from wsis_viewer.domain.relations import RecordRef, Relations

# natural_key is re-exported: the report sorts recommendations with it too.
from wsis_viewer.domain.sorting import natural_key as natural_key
from wsis_viewer.domain.translation import QT_TRANSLATE_NOOP

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
REF_ROLE = Qt.ItemDataRole.UserRole + 2  # the row's RecordRef
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
# "stated" or "inferred": the basis of the claim a cell shows (status, "made at"); None when the
# cell shows no claim or none is recorded.
BASIS_ROLE = Qt.ItemDataRole.UserRole + 4
# The colour of an inferred claim, as on the detail panel (record_html.INFERRED_COLOUR).
INFERRED_COLOUR = "#D55E00"
# Its text shades at 4.5:1 on light and dark palettes (as record_html.INFERRED_ON_LIGHT/DARK).
INFERRED_ON_LIGHT = "#B84F00"
INFERRED_ON_DARK = "#E8742A"

Index = QModelIndex | QPersistentModelIndex


def inferred_text_colour() -> str:
    """The inferred colour at 4.5:1 on the application's palette (see record_html)."""
    if not isinstance(QGuiApplication.instance(), QGuiApplication):
        return INFERRED_COLOUR
    dark = QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    return INFERRED_ON_DARK if dark else INFERRED_ON_LIGHT

# Statuses grouped the way an analyst asks: did it reach a decision, or not (yet)?
DECISION_STATUSES = ("led-to-resolution", "approved", "endorsed")


# Labels of data keys, English source strings of the "RecordLists" context.
STATUS_LABELS: dict[str, str] = {
    "led-to-resolution": QT_TRANSLATE_NOOP("RecordLists", "led to a resolution"),
    "endorsed": QT_TRANSLATE_NOOP("RecordLists", "endorsed"),
    "approved": QT_TRANSLATE_NOOP("RecordLists", "approved"),
    "forwarded": QT_TRANSLATE_NOOP("RecordLists", "forwarded"),
    "proposed": QT_TRANSLATE_NOOP("RecordLists", "proposed"),
    "noted": QT_TRANSLATE_NOOP("RecordLists", "noted"),
    "not-stated": QT_TRANSLATE_NOOP("RecordLists", "status not stated"),
}
# Appended to a cell whose claim is our inference: "proposed (inferred)".
_INFERRED = QT_TRANSLATE_NOOP("RecordLists", "%1 (inferred)")
_INFERRED_TIP = QT_TRANSLATE_NOOP("RecordLists", "Inferred, not stated by the report (%1): %2")
_STATED_TIP = QT_TRANSLATE_NOOP("RecordLists", "The report, %1: “%2”")
BODY_LABELS: dict[str, str] = {
    "council": QT_TRANSLATE_NOOP("RecordLists", "Council"),
    "plenipotentiary": QT_TRANSLATE_NOOP("RecordLists", "Plenipotentiary"),
    "unga": QT_TRANSLATE_NOOP("RecordLists", "UN General Assembly"),
    "wsis+10": QT_TRANSLATE_NOOP("RecordLists", "WSIS+10"),
}
# The summary line under the Recommendations list; %1 is a count.
_SUMMARY_DECIDED = QT_TRANSLATE_NOOP("RecordLists", "%1 led to a decision")
_SUMMARY = {
    "forwarded": QT_TRANSLATE_NOOP("RecordLists", "%1 forwarded"),
    "proposed": QT_TRANSLATE_NOOP("RecordLists", "%1 proposed, outcome not recorded"),
    "noted": QT_TRANSLATE_NOOP("RecordLists", "%1 noted"),
}


def status_label(status: str, tr: Callable[[str], str] | None = None) -> str:
    """A recommendation status as words ('led to a resolution'); unknown keys as they are."""
    source = STATUS_LABELS.get(status)
    if source is None:
        return status
    return (tr or _tr)(source)


def status_summary(recs: Sequence[Recommendation], tr: Callable[[str], str] = str) -> str:
    """'5 led to a decision · 2 forwarded · 11 proposed, outcome not recorded'.

    `tr` translates the "RecordLists" source strings (the default keeps them English).
    """
    counts = Counter(r.status for r in recs)
    decided = sum(counts.pop(s, 0) for s in DECISION_STATUSES)
    parts = [tr(_SUMMARY_DECIDED).replace("%1", str(decided))] if decided else []
    for status, pattern in _SUMMARY.items():
        if counts.get(status):
            parts.append(tr(pattern).replace("%1", str(counts.pop(status))))
    parts += [f"{n} {status_label(s, tr)}" for s, n in sorted(counts.items())]
    return " · ".join(parts)


def translate_lists(text: str) -> str:
    """Qt's translation in the "RecordLists" context."""
    return QCoreApplication.translate("RecordLists", text)


_tr = translate_lists


class _RecordTable(QAbstractTableModel):
    COLUMNS: tuple[str, ...] = ()

    def __init__(self, rel: Relations, lang: str = "en") -> None:
        super().__init__()
        self.rel = rel
        self.lang = lang

    def set_language(self, lang: str) -> None:
        """Show titles and texts in `lang`; also call after a translator change (headers and
        status words are looked up again)."""
        self.lang = lang
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.rowCount() - 1, len(self.COLUMNS) - 1))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt signature)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _tr(self.COLUMNS[section])
        return None

    def row_of(self, ref: RecordRef) -> int:
        for row in range(self.rowCount()):
            if self.data(self.index(row, 0), REF_ROLE) == ref:
                return row
        return -1


class RecommendationsModel(_RecordTable):
    REF, TEXT, STATUS, RESOLUTIONS, MADE_AT = range(5)
    COLUMNS = (QT_TRANSLATE_NOOP("RecordLists", "Ref"),
               QT_TRANSLATE_NOOP("RecordLists", "Recommendation"),
               QT_TRANSLATE_NOOP("RecordLists", "Status"),
               QT_TRANSLATE_NOOP("RecordLists", "Resolutions"),
               QT_TRANSLATE_NOOP("RecordLists", "Made at"))

    def __init__(self, rel: Relations, lang: str = "en") -> None:
        super().__init__(rel, lang)
        self.rows = sorted(rel.ds.recommendations, key=lambda r: natural_key(r.ref))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def _resolutions(self, rec: Recommendation) -> str:
        return ", ".join(self.rel.resolutions[x].number for x in rec.links.resolutions
                         if x in self.rel.resolutions)

    def _made_at(self, rec: Recommendation) -> str:
        e = self.rel.events.get(rec.event or "")
        return e.title.get(self.lang) if e else ""

    def claim(self, rec: Recommendation, col: int) -> Claim | None:
        """The claim behind a cell: the status, or where the recommendation was made."""
        if col == self.STATUS:
            return claim_for(rec.claims, "status", rec.status)
        if col == self.MADE_AT and rec.event:
            return claim_for(rec.claims, "event", rec.event)
        return None

    def _claim_tip(self, claim: Claim) -> str:
        if claim.inferred:
            reason = claim.note.get(self.lang) if claim.note else ""
            return _tr(_INFERRED_TIP).replace("%1", claim.source).replace("%2", reason)
        if claim.quote:
            return _tr(_STATED_TIP).replace("%1", claim.source).replace("%2", claim.quote)
        return claim.source

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rec = self.rows[index.row()]
        col = index.column()
        if role == REF_ROLE:
            return RecordRef(RecordType.RECOMMENDATION, rec.id)
        if role == STATUS_ROLE:
            return rec.status
        claim = self.claim(rec, col)
        if role == BASIS_ROLE:
            return claim.basis.value if claim else None
        if claim is not None and claim.inferred:
            # Inferred: italic and coloured, and said in words (colour alone is not enough).
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(inferred_text_colour())
        if role == Qt.ItemDataRole.ToolTipRole and claim is not None:
            return self._claim_tip(claim)
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            value = {
                self.REF: rec.ref,
                self.TEXT: _short(rec.text.get(self.lang)),
                self.STATUS: status_label(rec.status),
                self.RESOLUTIONS: self._resolutions(rec),
                self.MADE_AT: self._made_at(rec),
            }[col]
            if role == Qt.ItemDataRole.DisplayRole and claim is not None and claim.inferred:
                value = _tr(_INFERRED).replace("%1", value)
            if role == SORT_ROLE:
                if col == self.MADE_AT and rec.event in self.rel.events:
                    return self.rel.events[rec.event].start.isoformat()
                return natural_key(value)
            return value
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TEXT:
            return rec.text.get(self.lang)
        return None


class ResolutionsModel(_RecordTable):
    NUMBER, BODY, TITLE, FIRST, LAST, STEPS = range(6)
    COLUMNS = (QT_TRANSLATE_NOOP("RecordLists", "Number"),
               QT_TRANSLATE_NOOP("RecordLists", "Body"),
               QT_TRANSLATE_NOOP("RecordLists", "Title"),
               QT_TRANSLATE_NOOP("RecordLists", "First adopted"),
               QT_TRANSLATE_NOOP("RecordLists", "Last modified"),
               QT_TRANSLATE_NOOP("RecordLists", "Steps"))

    def __init__(self, rel: Relations, lang: str = "en") -> None:
        super().__init__(rel, lang)
        self.rows: list[Resolution] = sorted(
            rel.ds.resolutions, key=lambda r: (r.history[0].year if r.history else 0, r.number))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == REF_ROLE:
            return RecordRef(RecordType.RESOLUTION, r.id)
        first = next((st.year for st in r.history if st.action in ("adopted", "revised")),
                     r.history[0].year if r.history else None)
        changes = [st.year for st in r.history if st.action in ("modified", "revised")]
        last = max(changes) if changes else None
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            display = {
                self.NUMBER: r.number,
                self.BODY: _tr(BODY_LABELS[r.body]) if r.body in BODY_LABELS else r.body,
                self.TITLE: _short(r.title.get(self.lang)),
                self.FIRST: str(first) if first else "",
                self.LAST: str(last) if last else "—",
                self.STEPS: str(len(r.history)),
            }[col]
            if role == SORT_ROLE:
                if col == self.STEPS:
                    return len(r.history)
                if col in (self.FIRST, self.LAST):
                    return (first if col == self.FIRST else last) or 0
                return natural_key(display)
            return display
        if role == Qt.ItemDataRole.ToolTipRole and col == self.TITLE:
            return r.title.get(self.lang)
        return None


class RecordFilterProxy(QSortFilterProxyModel):
    """Case-insensitive text filter over every column, plus an optional status filter."""

    def __init__(self) -> None:
        super().__init__()
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self._status: str | None = None

    def set_status(self, status: str | None) -> None:
        # begin/endFilterChange replace invalidateFilter (deprecated since Qt 6.10).
        self.beginFilterChange()
        self._status = status or None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        if self._status is not None:
            src = self.sourceModel().index(row, 0, parent)
            if self.sourceModel().data(src, STATUS_ROLE) != self._status:
                return False
        return super().filterAcceptsRow(row, parent)


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"

