"""Find anything in the window: the search results dock, the record tables, the legend,
Help ▸ About, the record context menu, and end-of-timeline notices for Previous/Next Event.

`install_search_features(window)` adds them all through the window's public surface
(`navigate_to`, `search`, `timeline`, `relations`, `db`, `lang`, the dock areas and menus),
so the window itself only carries one call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QMenu, QWidget

from wsis_viewer.domain.model import Dataset, RecordType
from wsis_viewer.domain.relations import RecordRef
from wsis_viewer.lists.models import REF_ROLE as LIST_REF_ROLE
from wsis_viewer.qt.i18n import lane_label
from wsis_viewer.session.loaded_database import SYNC_DATASET_LIMIT
from wsis_viewer.store.problems import DatabaseError
from wsis_viewer.store.search_index import SearchBackend
from wsis_viewer.ui.about import about_html, file_date, show_about
from wsis_viewer.ui.context_menu import RecordMenu
from wsis_viewer.ui.legend import LegendPanel
from wsis_viewer.ui.record_tables import REF_ROLE, TABLE_KINDS, RecordTablePanel
from wsis_viewer.ui.search_results import REF_ROLE as HIT_REF_ROLE
from wsis_viewer.ui.search_results import SearchResultsPanel
from wsis_viewer.ui.server_open import search_is_pending

if TYPE_CHECKING:
    from wsis_viewer.ui.main_window import MainWindow

# The tables listing every event and every document: filled from a whole read of the database,
# made the first time one of them is shown (the others list records the window always holds).
WHOLE_READ_KINDS = ("events", "documents")


class SearchFeatures(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("searchFeatures")
        self.window = window
        self.record_menu = RecordMenu(lambda: window.relations, lambda: window.lang,
                                      window.navigate_to, self._show_paragraph, self)
        # Search results: a dock beside the timeline, shown by Ctrl+F.
        self.results = SearchResultsPanel(self._backend, window)
        self.results_dock = self._dock(self.results, "searchResultsDock",
                                       Qt.DockWidgetArea.LeftDockWidgetArea)
        self.results.hitChosen.connect(window.navigate_to)
        # The line edit's signal, not the bar's: Back/Forward and named views restore a search
        # with the bar's signals blocked, and the list must follow them too.
        window.search.edit.textChanged.connect(self.results.set_query)
        window.act_find.triggered.connect(self.show_results)
        window.search.edit.installEventFilter(self)
        self._context_menu(self.results.tree, lambda ix: ix.data(HIT_REF_ROLE))
        # Tables of every kind, tabbed with the Recommendations and Resolutions lists.
        self.tables: dict[str, RecordTablePanel] = {}
        self._stale: set[str] = set()  # whole-read tables not filled for the current records
        self._reading_whole: object | None = None  # the database being read for them
        self.table_docks: dict[str, QDockWidget] = {}
        for kind in TABLE_KINDS:
            panel = RecordTablePanel(kind, window)
            dock = self._dock(panel, f"{kind}Dock", Qt.DockWidgetArea.BottomDockWidgetArea)
            window.tabifyDockWidget(window.resolutions_dock, dock)
            panel.recordSelected.connect(window.navigate_to)
            if kind in WHOLE_READ_KINDS:
                dock.visibilityChanged.connect(
                    lambda shown, k=kind: self._fill_whole_read_table(k) if shown else None)
            self._context_menu(panel.table, lambda ix: ix.data(REF_ROLE))
            self.tables[kind], self.table_docks[kind] = panel, dock
        window.recommendations_dock.raise_()
        for table in (window.recommendations.table, window.resolutions.table):  # lists too
            self._context_menu(table, lambda ix: ix.data(LIST_REF_ROLE))
        # The legend.
        self.legend = LegendPanel(window)
        self.legend_dock = self._dock(self.legend, "legendDock",
                                      Qt.DockWidgetArea.RightDockWidgetArea)
        self.legend_dock.hide()
        # Until Ctrl+F (or a saved layout) shows it, the timeline keeps the room.
        self.results_dock.hide()
        # Menus: View gets the new docks, Help gets About.
        self.act_show_results = self.results_dock.toggleViewAction()
        self.act_show_results.setObjectName("showSearchResults")
        self.act_show_legend = self.legend_dock.toggleViewAction()
        self.act_show_legend.setObjectName("showLegend")
        # Not the docks' toggle actions: a table tabbed behind another counts as shown, and
        # its toggle would close it. These show the table and bring its tab to the front.
        self.act_show_tables = {}
        for kind in TABLE_KINDS:
            action = QAction(window)
            action.setObjectName(f"show_{kind}")
            action.triggered.connect(lambda _c=False, k=kind: self.show_table(k))
            self.act_show_tables[kind] = action
        self.tables_menu = QMenu(window)
        self.tables_menu.setObjectName("tablesMenu")
        self.tables_menu.addActions(list(self.act_show_tables.values()))
        window.view_menu.addSeparator()
        window.view_menu.addActions([self.act_show_results, self.act_show_legend])
        window.view_menu.addMenu(self.tables_menu)
        # Help ▸ About joins the window's Help menu (ui/accessibility.py makes it: add_to_help).
        self.act_about = QAction(window)
        self.act_about.setObjectName("about")
        self.act_about.triggered.connect(self.show_about)
        # The detail panel (its text's Copy / Select All, then the record's actions) and the
        # timeline item under the mouse (else the selected one) get the record menu too.
        browser = window.detail.browser
        browser.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        browser.customContextMenuRequested.connect(self._detail_menu)
        self._hovered = ""
        window.timeline.hoveredChanged.connect(self._on_hovered)
        window.timeline.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        window.timeline.customContextMenuRequested.connect(self._timeline_menu)
        # Previous/Next Event say when they reach either end.
        window.act_prev_event.triggered.connect(lambda: self._announce_end(-1))
        window.act_next_event.triggered.connect(lambda: self._announce_end(1))
        window.recordsChanged.connect(self.refresh)
        window.recordChanged.connect(self._mark_current)
        self.retranslate_ui()
        self.refresh()

    # --- building blocks ----------------------------------------------------------------------

    def _dock(self, widget: QWidget, name: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.window.addDockWidget(area, dock)
        return dock

    def _context_menu(self, view: QAbstractItemView,
                      ref_of: Callable[[QModelIndex], object]) -> None:
        """Right-click on a row: the record menu for the row's record (`ref_of(index)`)."""
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        def popup(pos: QPoint) -> None:
            index = view.indexAt(pos)
            ref = ref_of(index) if index.isValid() else None
            self._popup(ref if isinstance(ref, RecordRef) else None, view.viewport(), pos)

        view.customContextMenuRequested.connect(popup)

    def _popup(self, ref: RecordRef | None, widget: QWidget, pos: QPoint) -> None:
        if ref is None:
            return
        self.window.read_around(ref)  # its citation names its meeting: read it if not held
        menu = self.record_menu.menu(ref, widget)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(widget.mapToGlobal(pos))

    def _on_hovered(self, event_id: str) -> None:
        self._hovered = event_id

    def _timeline_menu(self, pos: QPoint) -> None:
        event_id = self._hovered or self.window.timeline.selected()
        if event_id:
            self._popup(RecordRef(RecordType.EVENT, event_id), self.window.timeline, pos)

    def _detail_menu(self, pos: QPoint) -> None:
        browser = self.window.detail.browser
        menu = browser.createStandardContextMenu(pos)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ref = self.window.detail.current()
        if ref is not None:
            menu.addSeparator()
            self.record_menu.add_actions(menu, ref)
        menu.popup(browser.viewport().mapToGlobal(pos))

    def _backend(self) -> SearchBackend | None:
        if self.window.db is None or search_is_pending(self.window):
            return None  # a server's index on its way: asked again once in (ui/server_open.py)
        return self.window.db.search

    # --- texts --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.results_dock.setWindowTitle(self.tr("Search Results"))
        self.legend_dock.setWindowTitle(self.tr("Legend"))
        titles = {"events": self.tr("Events"), "documents": self.tr("Documents"),
                  "people": self.tr("People"), "contributors": self.tr("Contributors"),
                  "topics": self.tr("Topics"), "figures": self.tr("Figures")}
        for kind, dock in self.table_docks.items():
            dock.setWindowTitle(titles[kind])
            self.act_show_tables[kind].setText(titles[kind])
        self.act_show_results.setText(self.tr("Show Search &Results"))
        self.act_show_legend.setText(self.tr("Show Le&gend"))
        self.tables_menu.setTitle(self.tr("&Tables"))
        self.act_about.setText(self.tr("&About WSIS Timeline Viewer"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and watched is self.window:
            self.retranslate_ui()
        if watched is self.window.search.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.results.hits():
                self.show_results()
                self.results.focus_first_hit()
                return True
        return super().eventFilter(watched, event)

    # --- actions ------------------------------------------------------------------------------

    def add_to_help(self, help_menu: QMenu) -> None:
        """Put Help ▸ About at the end of the window's Help menu."""
        help_menu.addSeparator()
        help_menu.addAction(self.act_about)

    def refresh(self) -> None:
        """The records or the data language changed: tables, legend and results follow."""
        window = self.window
        lanes = {lane.id: lane_label(lane, window.lang) for lane in window.db.lanes} \
            if window.db is not None else {}
        for kind, panel in self.tables.items():
            if kind in WHOLE_READ_KINDS:
                self._stale.add(kind)
                if self._on_screen(kind):
                    self._fill_whole_read_table(kind)
                continue
            panel.set_dataset(window.relations.ds, window.lang, lanes)
            panel.show_record(window.current)
        self.legend.set_lanes(window.db.lanes if window.db else (), window.lang)
        self.results.set_language(window.lang)
        self.results.set_query(window.search.text())

    def _fill_whole_read_table(self, kind: str) -> None:
        """Fill the Events or Documents table, which list every such record: the window holds
        only the records around what it shows, so the first time one of these tables is shown
        the whole dataset is read (in a thread for a big database, where it takes seconds)."""
        window, db = self.window, self.window.db
        if kind not in self._stale:
            return
        if db is None:
            self._fill(kind, Dataset())
            return
        if db.dataset_read or db.counts.get("events", 0) <= SYNC_DATASET_LIMIT:
            try:
                self._fill(kind, db.dataset)
            except DatabaseError as exc:
                window.show_error(self.tr("Cannot read the records"), str(exc))
            return
        if self._reading_whole is db:
            return
        self._reading_whole = db

        def done(ds: Dataset) -> None:
            self._reading_whole = None
            if db is window.db:
                for k in WHOLE_READ_KINDS:
                    if self._on_screen(k):
                        self._fill(k, ds)

        def failed(exc: Exception) -> None:
            self._reading_whole = None
            window.show_error(self.tr("Cannot read the records"), str(exc))

        window.operations.run(lambda _report: db.dataset, label=self.tr("Reading the records…"),
                              on_done=done, on_error=failed)

    def _on_screen(self, kind: str) -> bool:
        """Is the table shown (not closed, not a tab behind another)?"""
        dock = self.table_docks[kind]
        return dock.isVisible() and not dock.visibleRegion().isEmpty()

    def _fill(self, kind: str, ds: Dataset) -> None:
        window = self.window
        lanes = {lane.id: lane_label(lane, window.lang) for lane in window.db.lanes} \
            if window.db is not None else {}
        panel = self.tables[kind]
        panel.set_dataset(ds, window.lang, lanes)
        panel.show_record(window.current)
        self._stale.discard(kind)

    def _mark_current(self, ref: object) -> None:
        for panel in self.tables.values():
            panel.show_record(ref if isinstance(ref, RecordRef) else None)

    def show_results(self) -> None:
        self.results_dock.show()
        self.results_dock.raise_()

    def show_table(self, kind: str) -> RecordTablePanel:
        self.table_docks[kind].show()
        self.table_docks[kind].raise_()
        if kind in WHOLE_READ_KINDS:
            self._fill_whole_read_table(kind)
        return self.tables[kind]

    def about_text(self) -> str:
        window = self.window
        db = window.db
        ds = window.relations.ds
        counted = db.counts if db is not None else {}  # the window holds only some of these
        counts = [(self.tr("events"), counted.get("events", 0)),
                  (self.tr("documents"), counted.get("documents", 0)),
                  (self.tr("resolutions"), len(ds.resolutions)),
                  (self.tr("recommendations"), len(ds.recommendations)),
                  (self.tr("people"), len(ds.people)),
                  (self.tr("contributors"), len(ds.contributors)),
                  (self.tr("topics"), len(ds.topics)), (self.tr("figures"), len(ds.figures))]
        from wsis_viewer import __version__

        rows = [(self.tr("Version"), __version__),
                (self.tr("Database"), db.path if db else ""),
                (self.tr("File modified"), file_date(db.path) if db else ""),
                (self.tr("Search"), db.search.description if db else ""),
                (self.tr("Records"), ", ".join(f"{n} {name}" for name, n in counts))]
        provenance = self.tr(
            "Data: the ITU Council's report to PP-14 on the Council Working Group on WSIS "
            "(Chinese text; English version PP-14/20(Add.1)), with dates and places from public "
            "ITU and UN pages. Every record cites its source (a report paragraph such as §2.2.5, "
            "or a public page) and says whether the source states it or it is inferred.")
        return about_html(self.tr("WSIS Timeline Viewer"), rows, provenance)

    def show_about(self) -> None:
        self._about_box = show_about(self.window, self.about_text(),
                                     self.tr("About WSIS Timeline Viewer"))

    def _show_paragraph(self, paragraph: str) -> None:
        """Open Source of a report paragraph: the detail panel's Source page for it."""
        window = self.window
        if window.detail.show_source(paragraph):
            window.detail_dock.show()
            window.detail_dock.raise_()
            return
        window.statusBar().showMessage(
            self.tr("Source: paragraph %1 of the report to PP-14 (PP-14/20(Add.1))")
            .replace("%1", paragraph), 8000)

    def _announce_end(self, step: int) -> None:
        """Say so when Previous/Next Event stays on the first or last event."""
        window = self.window
        if window.db is None:
            return
        selected = window.timeline.selected()
        at = window.db.index.index_of(selected) if selected else None
        if at is None:
            return
        if step < 0 and at == 0:
            window.statusBar().showMessage(self.tr("This is the first event."), 5000)
        elif step > 0 and at == len(window.db.index) - 1:
            window.statusBar().showMessage(self.tr("This is the last event."), 5000)


def install_search_features(window: MainWindow) -> SearchFeatures:
    features = SearchFeatures(window)
    window.installEventFilter(features)
    return features
