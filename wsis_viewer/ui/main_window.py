"""The main window: the timeline in the middle, details in a dock, search and filters on top.

The window wires widgets together and owns the opened database; each widget does one job
(DetailView, SearchBar, LaneToggles, YearRangeFilter) and the TimelineWidget draws.
"""

from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QToolBar,
    QWidget,
)

from wsis_viewer.domain.dates import format_span
from wsis_viewer.domain.history import NavigationHistory
from wsis_viewer.domain.model import Dataset, Event, Precision, RecordType
from wsis_viewer.domain.relations import RecordRef, Relations
from wsis_viewer.domain.timeline_index import DAY, date_to_x
from wsis_viewer.qt import gui_thread_gc
from wsis_viewer.qt.dataset_loader import DatasetLoader
from wsis_viewer.qt.i18n import current_language, data_language, lane_label, set_app_language
from wsis_viewer.session.loaded_database import LoadedDatabase
from wsis_viewer.session.matches import SearchMatches
from wsis_viewer.store.problems import DatabaseError
from wsis_viewer.timeline.dates import axis_formatter, translate_dates
from wsis_viewer.timeline.widget import TimelineWidget
from wsis_viewer.ui.actions import make_action, set_action_text
from wsis_viewer.ui.detail_view import DetailView
from wsis_viewer.ui.filters import LaneToggles, YearRangeFilter
from wsis_viewer.ui.record_lists import RecordListPanel
from wsis_viewer.ui.search_bar import SearchBar
from wsis_viewer.ui.settings import ViewerSettings

ZOOM_STEP = 1.5
DEFAULT_SIZE = (1400, 850)
MIN_DETAIL_WIDTH = 300
DEFAULT_DETAIL_WIDTH = 420  # a bilingual title and a document title fit on a line or two
DEFAULT_LIST_HEIGHT = 230
# Up to this many events the records are read at once; above, in a background thread.
SYNC_DATASET_LIMIT = 20_000
VIEW_MARGIN = 0.12  # share of the span added on each side when a link brings records into view


class MainWindow(QMainWindow):
    # The records behind the panels or the data language changed (issue 13's tables follow).
    recordsChanged = Signal()
    # The selected record (a RecordRef, or None when cleared), for views that mark it.
    currentRecordChanged = Signal(object)

    def __init__(self, settings: ViewerSettings | None = None, *, lang: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings or ViewerSettings()
        # The window owns the application's language: it installs the translators before
        # building any text, and View > Language switches them (set_language).
        set_app_language(lang)
        self.ui_lang = lang  # en, zh or pseudo: the translator installed
        self.lang = data_language(lang)  # en or zh: which text of bilingual records we show
        self.db: LoadedDatabase | None = None
        self.relations = Relations(Dataset())
        self.history: NavigationHistory[RecordRef] = NavigationHistory()
        self.current: RecordRef | None = None
        self._driving_timeline = False  # set while we move the timeline ourselves
        self._records_pending = False  # a big database's records are being read
        app = QApplication.instance()
        if app is not None:  # garbage only ever collected in this thread (see gui_thread_gc)
            gui_thread_gc.install(app)
        # No parent: a read still running when the window closes keeps its loader alive.
        self._dataset_loader = DatasetLoader()
        self._dataset_loader.finished.connect(self._on_dataset_read)
        self._matches = SearchMatches()

        self.timeline = TimelineWidget(self)
        self.timeline.setObjectName("timeline")
        self.setCentralWidget(self.timeline)
        self.detail = DetailView(self, lang=lang)
        self.detail_dock = QDockWidget(self)
        self.detail_dock.setObjectName("detailDock")
        self.detail_dock.setWidget(self.detail)
        self.detail_dock.setMinimumWidth(MIN_DETAIL_WIDTH)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.detail_dock)
        self.recommendations = RecordListPanel("recommendations", self)
        self.resolutions = RecordListPanel("resolutions", self)
        self.recommendations_dock = self._list_dock(self.recommendations, "recommendationsDock")
        self.resolutions_dock = self._list_dock(self.resolutions, "resolutionsDock")
        self.tabifyDockWidget(self.recommendations_dock, self.resolutions_dock)
        self.recommendations_dock.raise_()

        self.search = SearchBar(self)
        self.years = YearRangeFilter(self)
        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self._create_status_bar()
        self._connect()
        self.retranslate_ui()
        self._check_language_action()
        self._set_database(None)
        # Search results, record tables, legend, About, record menu (ui/search_features.py).
        from wsis_viewer.ui.search_features import install_search_features

        self.features = install_search_features(self)
        self._restore_window()
        self._show_overview(self.act_show_overview.isChecked())

    # --- construction -------------------------------------------------------------------------

    def _list_dock(self, panel: QWidget, name: str) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        return dock

    def _create_actions(self) -> None:
        # Texts are set by retranslate_ui, so a language switch sets them the same way.
        self.act_open = make_action(self, "", self.choose_database,
                                    shortcuts=[QKeySequence.StandardKey.Open], name="open")
        self.act_clear_recent = make_action(self, "", self._clear_recent_files,
                                            name="clearRecent")
        self.act_quit = make_action(self, "", self.close, shortcuts=["Ctrl+Q"], name="quit")
        self.act_find = make_action(self, "", self.search.focus,
                                    shortcuts=[QKeySequence.StandardKey.Find], name="find")
        self.act_find_next = make_action(self, "", self.next_match, shortcuts=["F3"],
                                         name="findNext")
        self.act_find_previous = make_action(self, "", self.previous_match,
                                             shortcuts=["Shift+F3"], name="findPrevious")
        # Single keys act on the timeline only (see _scope_to_timeline).
        self.act_fit = make_action(self, "", self._fit_all, shortcuts=[Qt.Key.Key_Home],
                                   name="fitAll")
        self.act_zoom_in = make_action(self, "", self._zoom_in,
                                       shortcuts=["+", "=", QKeySequence.StandardKey.ZoomIn],
                                       name="zoomIn")
        self.act_zoom_out = make_action(self, "", self._zoom_out,
                                        shortcuts=["-", QKeySequence.StandardKey.ZoomOut],
                                        name="zoomOut")
        self.act_years = make_action(self, "", self._focus_years, name="yearRange")
        self.act_all_years = make_action(self, "", lambda: self.years.set_years(None),
                                         name="allYears")
        self.act_show_details = self.detail_dock.toggleViewAction()
        self.act_show_details.setObjectName("showDetails")
        self.act_show_overview = make_action(self, "", None, checkable=True,
                                             name="showOverview")
        self.act_show_overview.setChecked(self.settings.overview_visible())
        self.act_prev_event = make_action(self, "",
                                          lambda: self.timeline.select_adjacent_in_time(-1),
                                          shortcuts=[Qt.Key.Key_Left], name="previousEvent")
        self.act_next_event = make_action(self, "",
                                          lambda: self.timeline.select_adjacent_in_time(1),
                                          shortcuts=[Qt.Key.Key_Right], name="nextEvent")
        self.act_prev_lane = make_action(self, "",
                                         lambda: self.timeline.select_adjacent_lane(-1),
                                         shortcuts=[Qt.Key.Key_Up], name="previousLane")
        self.act_next_lane = make_action(self, "",
                                         lambda: self.timeline.select_adjacent_lane(1),
                                         shortcuts=[Qt.Key.Key_Down], name="nextLane")
        self.act_open_details = make_action(self, "", self.open_details,
                                            shortcuts=[Qt.Key.Key_Enter, Qt.Key.Key_Return],
                                            name="openDetails")
        self.act_clear_selection = make_action(self, "", lambda: self.timeline.select(None),
                                               shortcuts=[Qt.Key.Key_Escape],
                                               name="clearSelection")
        self.act_back = make_action(self, "", self.go_back,
                                    shortcuts=["Alt+Left", Qt.Key.Key_Back], name="back")
        self.act_forward = make_action(self, "", self.go_forward,
                                       shortcuts=["Alt+Right", Qt.Key.Key_Forward],
                                       name="forward")
        self.act_show_recommendations = self.recommendations_dock.toggleViewAction()
        self.act_show_recommendations.setObjectName("showRecommendations")
        self.act_show_resolutions = self.resolutions_dock.toggleViewAction()
        self.act_show_resolutions.setObjectName("showResolutions")
        self.act_export_png = {
            scale: make_action(self, "", lambda _c=False, k=scale: self._export("png", k),
                               name=f"exportPng{scale}x")
            for scale in (1, 2, 3)}
        self.act_export_png[1].setShortcuts([QKeySequence("Ctrl+E")])
        self.act_export_svg = make_action(self, "", lambda: self._export("svg"),
                                          name="exportSvg")
        self.act_export_pdf = make_action(self, "", lambda: self._export("pdf"),
                                          name="exportPdf")
        self.act_copy_image = make_action(self, "", self._copy_image,
                                          shortcuts=["Ctrl+Shift+C"], name="copyImage")
        self.act_print = make_action(self, "", self._print,
                                     shortcuts=[QKeySequence.StandardKey.Print], name="print")
        # View > Language: each language is named in itself (an endonym, never translated),
        # so a user who cannot read the current language still finds their own.
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.act_language = {}
        for code, name in (("en", "English"), ("zh", "中文")):
            action = make_action(self, name, lambda _c=False, c=code: self.choose_language(c),
                                 checkable=True, name=f"language_{code}")
            self.language_group.addAction(action)
            self.act_language[code] = action
        self._scope_to_timeline([
            self.act_fit, self.act_zoom_in, self.act_zoom_out, self.act_prev_event,
            self.act_next_event, self.act_prev_lane, self.act_next_lane, self.act_open_details,
            self.act_clear_selection])

    def retranslate_ui(self) -> None:
        """Every text the window sets itself, in the installed language.

        Called on QEvent.LanguageChange (after View > Language or any translator change);
        child widgets with their own texts (search bar, year filter, lists, detail panel)
        handle the same event themselves.
        """
        # Dock titles first: a dock renames its toggle action after its title, and the
        # "Show …" texts below must win.
        self.detail_dock.setWindowTitle(self.tr("Details"))
        self.recommendations_dock.setWindowTitle(self.tr("Recommendations"))
        self.resolutions_dock.setWindowTitle(self.tr("Resolutions"))
        texts: list[tuple[QAction, str, str]] = [
            (self.act_open, self.tr("&Open…"), self.tr("Open a WSIS database file")),
            (self.act_clear_recent, self.tr("Clear Recent Files"), ""),
            (self.act_quit, self.tr("&Quit"), ""),
            (self.act_find, self.tr("&Find"), ""),
            (self.act_find_next, self.tr("Find &Next"), ""),
            (self.act_find_previous, self.tr("Find &Previous"), ""),
            (self.act_fit, self.tr("&Fit All"), self.tr("Show the whole time span")),
            (self.act_zoom_in, self.tr("Zoom &In"), ""),
            (self.act_zoom_out, self.tr("Zoom &Out"), ""),
            (self.act_years, self.tr("&Year Range…"), self.tr("Show only some years")),
            (self.act_all_years, self.tr("Show &All Years"), ""),
            (self.act_show_details, self.tr("Show &Details"), ""),
            (self.act_show_overview, self.tr("Show &Overview"), ""),
            (self.act_prev_event, self.tr("&Previous Event"), ""),
            (self.act_next_event, self.tr("&Next Event"), ""),
            (self.act_prev_lane, self.tr("Previous &Lane"), ""),
            (self.act_next_lane, self.tr("Next L&ane"), ""),
            (self.act_open_details, self.tr("Open &Details"), ""),
            (self.act_clear_selection, self.tr("&Clear Selection"), ""),
            (self.act_back, self.tr("&Back"), self.tr("Back to the previous selection")),
            (self.act_forward, self.tr("&Forward"), self.tr("Forward to the next selection")),
            (self.act_show_recommendations, self.tr("Show &Recommendations"), ""),
            (self.act_show_resolutions, self.tr("Show Re&solutions"), ""),
            (self.act_export_svg, self.tr("SVG Drawing…"), ""),
            (self.act_export_pdf, self.tr("PDF Document…"), ""),
            (self.act_copy_image, self.tr("Copy &Image"), self.tr("Copy the view as a picture")),
            (self.act_print, self.tr("&Print…"), ""),
        ]
        texts += [(action, self.tr("PNG Image (%1×)…").replace("%1", str(scale)), "")
                  for scale, action in self.act_export_png.items()]
        for action, text, tip in texts:
            set_action_text(action, text, tip)
        self.file_menu.setTitle(self.tr("&File"))
        self.recent_menu.setTitle(self.tr("Open &Recent"))
        self.export_menu.setTitle(self.tr("&Export View"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.lanes_menu.setTitle(self.tr("&Lanes"))
        self.language_menu.setTitle(self.tr("Lan&guage"))
        self.go_menu.setTitle(self.tr("&Go"))
        self.toolbar.setWindowTitle(self.tr("Main Toolbar"))
        self.lane_toggles.retranslate()
        self._update_status()
        self._show_match_count()

    def _scope_to_timeline(self, actions: list[QAction]) -> None:
        """Let single-key shortcuts fire only while the timeline (or a child) has focus.

        As window shortcuts, Left/Right/Enter/Esc/+/- would be taken from the search box and
        the year spin boxes while the user types there.
        """
        for action in actions:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.timeline.addAction(action)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = self.file_menu = bar.addMenu("")
        file_menu.setObjectName("fileMenu")
        file_menu.addAction(self.act_open)
        self.recent_menu = QMenu(self)
        self.recent_menu.setObjectName("recentMenu")
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        self.export_menu = file_menu.addMenu("")
        self.export_menu.setObjectName("exportMenu")
        self.export_menu.addActions([*self.act_export_png.values(), self.act_export_svg,
                                     self.act_export_pdf])
        file_menu.addAction(self.act_print)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)

        edit_menu = self.edit_menu = bar.addMenu("")
        edit_menu.setObjectName("editMenu")
        edit_menu.addAction(self.act_copy_image)
        edit_menu.addSeparator()
        edit_menu.addActions([self.act_find, self.act_find_next, self.act_find_previous])

        view_menu = self.view_menu = bar.addMenu("")
        view_menu.setObjectName("viewMenu")
        view_menu.addActions([self.act_fit, self.act_zoom_in, self.act_zoom_out])
        view_menu.addSeparator()
        self.lanes_menu = QMenu(self)
        self.lanes_menu.setObjectName("lanesMenu")
        view_menu.addMenu(self.lanes_menu)
        self.lane_toggles = LaneToggles(self.lanes_menu, self)
        view_menu.addActions([self.act_years, self.act_all_years])
        view_menu.addSeparator()
        view_menu.addActions([self.act_show_details, self.act_show_recommendations,
                              self.act_show_resolutions, self.act_show_overview])
        view_menu.addSeparator()
        self.language_menu = QMenu(self)
        self.language_menu.setObjectName("languageMenu")
        self.language_menu.addActions(list(self.act_language.values()))
        view_menu.addMenu(self.language_menu)

        go_menu = self.go_menu = bar.addMenu("")
        go_menu.setObjectName("goMenu")
        go_menu.addActions([self.act_back, self.act_forward])
        go_menu.addSeparator()
        go_menu.addActions([self.act_prev_event, self.act_next_event, self.act_prev_lane,
                            self.act_next_lane])
        go_menu.addSeparator()
        go_menu.addActions([self.act_open_details, self.act_clear_selection])
        self._rebuild_recent_menu()

    def _create_toolbar(self) -> None:
        toolbar = QToolBar(self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.act_open)
        toolbar.addSeparator()
        toolbar.addActions([self.act_back, self.act_forward])
        toolbar.addSeparator()
        toolbar.addActions([self.act_fit, self.act_zoom_in, self.act_zoom_out])
        toolbar.addSeparator()
        toolbar.addActions([self.act_prev_event, self.act_next_event])
        toolbar.addSeparator()
        toolbar.addWidget(self.years)
        toolbar.addSeparator()
        toolbar.addWidget(self.search)
        toolbar.addSeparator()
        toolbar.addAction(self.act_show_details)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.toolbar = toolbar

    def _create_status_bar(self) -> None:
        self.status_database = QLabel(self)
        self.status_database.setObjectName("statusDatabase")
        self.status_counts = QLabel(self)
        self.status_counts.setObjectName("statusCounts")
        self.status_matches = QLabel(self)
        self.status_matches.setObjectName("statusMatches")
        status = self.statusBar()
        status.addWidget(self.status_database)
        status.addWidget(self.status_counts)
        status.addPermanentWidget(self.status_matches)

    def _connect(self) -> None:
        self.timeline.selectionChanged.connect(self._on_selection)
        self.timeline.activated.connect(lambda _id: self.open_details())
        self.search.queryChanged.connect(self._on_query)
        self.search.nextRequested.connect(self.next_match)
        self.search.previousRequested.connect(self.previous_match)
        self.lane_toggles.changed.connect(self._apply_lanes)
        self.years.changed.connect(self._apply_years)
        self.act_show_overview.toggled.connect(self._show_overview)
        self.recent_menu.aboutToShow.connect(self._rebuild_recent_menu)
        self.detail.recordActivated.connect(self.navigate_to)
        self.recommendations.recordSelected.connect(self.navigate_to)
        self.resolutions.recordSelected.connect(self.navigate_to)
        # Mouse back/forward buttons anywhere in the window (children would swallow them).
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def _restore_window(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        state = self.settings.window_state()
        if state is None or not self.restoreState(state):
            self.resizeDocks([self.detail_dock], [DEFAULT_DETAIL_WIDTH],
                             Qt.Orientation.Horizontal)
            self.resizeDocks([self.recommendations_dock], [DEFAULT_LIST_HEIGHT],
                             Qt.Orientation.Vertical)

    # --- databases ----------------------------------------------------------------------------

    def open_database(self, target: str | Path, *, restore_view: bool = False) -> bool:
        """Show `target`; on failure explain in a message box and keep the current database."""
        try:
            db = LoadedDatabase.open(target)
        except DatabaseError as exc:
            self.show_error(self.tr("Cannot open database"), str(exc))
            return False
        self._set_database(db, restore_view=restore_view)
        path = str(target)
        self.settings.set_last_database(path)
        self.settings.add_recent_file(path)
        self._rebuild_recent_menu()
        return True

    def choose_database(self) -> None:
        start = str(Path(self.db.path).parent) if self.db and "://" not in self.db.path else ""
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open WSIS Database"), start,
            self.tr("WSIS databases (*.sqlite *.db);;All files (*)"))
        if path:
            self.open_database(path)

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def _set_database(self, db: LoadedDatabase | None, *, restore_view: bool = False) -> None:
        self.db = db
        self.history.clear()
        self.current = None
        # The timeline only needs the index. The records behind the panels and lists are read
        # at once for a small database, and in a thread for a big one (seconds at 100,000
        # events) so the window is usable meanwhile.
        self._records_pending = False
        if db is None or db.counts.get("events", 0) <= SYNC_DATASET_LIMIT:
            self._use_relations(db, Relations(db.dataset if db else Dataset()))
        else:
            self._use_relations(None, Relations(Dataset()))
            self._records_pending = True
            self.detail.show_message(self.tr("Reading the records of this database…"))
            self._dataset_loader.load(db)
        lanes = db.lanes if db else ()
        self.lane_toggles.set_lanes(lanes, self.settings.hidden_lanes())
        self.years.set_bounds(db.year_bounds() if db else None)
        if db is not None:
            self.timeline.set_data(db.index, self._lane_labels())
            self.timeline.set_tooltip_provider(self._tooltip)
            self._apply_timeline_language()
            if restore_view:
                self.years.set_years(self.settings.year_range())
        self._apply_lanes()
        self._apply_years()
        self._on_query(self.search.text())
        saved = self.settings.view_range() if restore_view and db else None
        if saved is not None:
            self.timeline.set_view_range(*saved)
        elif db is not None:
            self.timeline.fit_all()
        self._update_status()
        self._update_enabled()
        self._update_navigation()

    def _use_relations(self, db: LoadedDatabase | None, relations: Relations) -> None:
        """Hand the records to the panel and the lists (`db` None: not read yet)."""
        self.relations = relations
        self.detail.set_dataset(relations.ds, relations)
        self.recommendations.set_relations(relations, self.lang)
        self.resolutions.set_relations(relations, self.lang)
        self.recordsChanged.emit()

    def _on_dataset_read(self, db: object, result: object) -> None:
        """The background read finished (in the GUI thread, through a queued signal)."""
        if db is not self.db:
            return  # another database was opened meanwhile
        if isinstance(result, Exception):
            self.detail.show_message(
                self.tr("The records could not be read: %1").replace("%1", str(result)))
            return
        assert isinstance(result, Relations)
        self._records_pending = False
        self._use_relations(self.db, result)
        if self.current is not None:
            self.select_record(self.current, move_view=False, remember=False)

    def _update_status(self) -> None:
        db = self.db
        if db is None:
            self.setWindowTitle(self.tr("WSIS Timeline Viewer"))
            self.status_database.setText(self.tr("No database"))
            self.status_counts.clear()
            return
        self.setWindowTitle(self.tr("%1 — WSIS Timeline Viewer").replace("%1", db.label))
        self.status_database.setText(db.label)
        self.status_database.setToolTip(db.path)
        counts = db.counts  # counted by SQL: the status bar need not read every record
        self.status_counts.setText(" · ".join([
            self.tr("%n event(s)", None, counts.get("events", 0)),
            self.tr("%n document(s)", None, counts.get("documents", 0)),
            self.tr("%n resolution(s)", None, counts.get("resolutions", 0)),
            self.tr("%n recommendation(s)", None, counts.get("recommendations", 0)),
        ]))

    def _update_enabled(self) -> None:
        has_data = self.db is not None and self.db.has_events()
        for action in (self.act_fit, self.act_zoom_in, self.act_zoom_out, self.act_prev_event,
                       self.act_next_event, self.act_prev_lane, self.act_next_lane,
                       self.act_open_details, self.act_clear_selection, self.act_find,
                       self.act_find_next, self.act_find_previous, self.act_years,
                       self.act_all_years, self.act_copy_image, self.act_print,
                       self.act_export_svg, self.act_export_pdf,
                       *self.act_export_png.values()):
            action.setEnabled(has_data)
        self.search.setEnabled(has_data)

    # --- language -----------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Switch the whole window to `lang` (en, zh or pseudo) now, without a restart.

        Installs the translators (Qt then sends LanguageChange, which retranslates every
        widget's own texts) and switches what the data shows: record titles and texts, lane
        names, the axis dates, the detail panel and the lists.
        """
        set_app_language(lang)
        self._sync_language()

    def choose_language(self, lang: str) -> None:
        """View > Language: switch and remember the choice for the next start."""
        self.settings.set_language(lang)
        self.set_language(lang)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "language_menu"):
            self._sync_language()
        super().changeEvent(event)

    def _sync_language(self) -> None:
        """Make texts and data language match the installed translators (idempotent)."""
        ui_lang = current_language()
        data_changed = data_language(ui_lang) != self.lang
        self.ui_lang = ui_lang
        self.lang = data_language(ui_lang)
        self.retranslate_ui()
        self._check_language_action()
        self.detail.set_language(self.lang)
        self.recommendations.set_language(self.lang)
        self.resolutions.set_language(self.lang)
        if self.db is not None:
            self.timeline.set_lane_labels(self._lane_labels())
            self._apply_timeline_language()
            if data_changed:
                self._apply_emphasis()  # connector labels ("+4 months") are in the data language
        if data_changed:
            self.recordsChanged.emit()

    def _check_language_action(self) -> None:
        action = self.act_language.get(self.ui_lang)
        if action is not None:
            action.setChecked(True)
        else:  # pseudo: neither language is the one shown
            for other in self.act_language.values():
                self.language_group.setExclusive(False)
                other.setChecked(False)
                self.language_group.setExclusive(True)

    def _lane_labels(self) -> dict[str, str]:
        lanes = self.db.lanes if self.db is not None else ()
        return {lane.id: lane_label(lane, self.lang) for lane in lanes}

    def _apply_timeline_language(self) -> None:
        self.timeline.set_title_language(self.lang)
        self.timeline.set_axis_formatter(axis_formatter(self.lang))

    # --- recent files -------------------------------------------------------------------------

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for number, path in enumerate(recent, start=1):
            name = Path(path).name if "://" not in path else path
            action = self.recent_menu.addAction(f"&{number} {name}")
            action.setStatusTip(path)
            action.setToolTip(path)
            action.triggered.connect(lambda _checked=False, p=path: self._open_recent(p))
        if recent:
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.act_clear_recent)
        self.act_clear_recent.setEnabled(bool(recent))

    def _open_recent(self, path: str) -> None:
        if not self.open_database(path):
            # The message box said why; a file that no longer opens leaves the list.
            self.settings.remove_recent_file(path)
            self._rebuild_recent_menu()

    def _clear_recent_files(self) -> None:
        for path in self.settings.recent_files():
            self.settings.remove_recent_file(path)
        self._rebuild_recent_menu()

    # --- selection and details ----------------------------------------------------------------

    def _on_selection(self, event_id: str) -> None:
        """The user selected (or cleared) an event on the timeline."""
        if self._driving_timeline:
            return
        if event_id:
            self.select_record(RecordRef(RecordType.EVENT, event_id), move_view=False)
        else:
            self.clear_selection()

    def navigate_to(self, ref: RecordRef) -> None:
        """Follow a link (panel, list row): select `ref` and bring it into view."""
        self.select_record(ref, move_view=True)

    def select_record(self, ref: RecordRef, *, move_view: bool = True,
                      remember: bool = True) -> None:
        """Select any record: the panel shows it, the lists mark it, the timeline shows its
        chain; records without a place of their own highlight the events they belong to."""
        if not self.relations.exists(ref):
            if self._records_pending and ref.type is RecordType.EVENT:
                # A big database's records are still being read: select it on the timeline
                # now; the panel shows it when the read is done (_on_dataset_read).
                self.current = ref
                self.detail.show_message(self.tr("Reading the records of this database…"))
            return
        if remember and self.current is not None:
            self.history.update_view(self.timeline.view_range())
        self.current = ref
        self.detail.show_record(ref)
        self.recommendations.show_record(ref)
        self.resolutions.show_record(ref)
        self._driving_timeline = True
        try:
            self.timeline.select(ref.id if ref.type is RecordType.EVENT else None,
                                 ensure_visible=not move_view)
            if move_view:
                self._bring_into_view(ref)
        finally:
            self._driving_timeline = False
        self._apply_emphasis()
        if remember:
            self.history.visit(ref, self.timeline.view_range())
        self._update_navigation()
        self.currentRecordChanged.emit(ref)

    def clear_selection(self) -> None:
        self.current = None
        self.detail.clear()
        self.recommendations.show_record(None)
        self.resolutions.show_record(None)
        self._driving_timeline = True
        try:
            self.timeline.select(None)
        finally:
            self._driving_timeline = False
        self._apply_emphasis()
        self.currentRecordChanged.emit(None)

    def _bring_into_view(self, ref: RecordRef) -> None:
        """Pan and zoom so the record's events (and its chain) fill the view."""
        events = set(self.relations.events_of(ref)) | set(self.relations.chain_for(ref).events)
        spans = [(e.start, e.end) for e in (self.relations.events.get(i) for i in events) if e]
        if not spans:
            return
        x0 = date_to_x(min(a for a, _ in spans))
        x1 = date_to_x(max(b for _, b in spans)) + DAY
        margin = max((x1 - x0) * VIEW_MARGIN, 7 * DAY)
        self.timeline.set_view_range(x0 - margin, x1 + margin)

    def _apply_emphasis(self) -> None:
        """What stands out (the timeline dims the rest):

        - a selected resolution, recommendation or document: its chain, or the events it
          belongs to when it has no chain — that selection is the question being asked;
        - otherwise an active search: its matches;
        - otherwise a selected event: the links of its documents to other events.
        """
        ref = self.current
        # A search without matches dims nothing: a dimmed timeline reads as "no data".
        search = set(self._matches.ids) if self._matches.active and self._matches.ids else None
        if ref is not None and ref.type is not RecordType.EVENT:
            edges = self._chain_edges(ref)
            self.timeline.set_connectors(edges)
            self.timeline.set_highlight(search if edges else set(self.relations.events_of(ref)))
        elif search is not None:
            self.timeline.set_connectors([])
            self.timeline.set_highlight(search)
        else:
            self.timeline.set_highlight(None)
            self.timeline.set_connectors(self._chain_edges(ref) if ref is not None else [])

    def _chain_edges(self, ref: RecordRef) -> list[tuple[str, str, str]]:
        chain = self.relations.chain_for(ref)
        return [(e.source, e.target, e.label(self.lang)) for e in chain.edges]

    def go_back(self) -> None:
        self.history.update_view(self.timeline.view_range())
        self._restore_visit(self.history.back())

    def go_forward(self) -> None:
        self.history.update_view(self.timeline.view_range())
        self._restore_visit(self.history.forward())

    def _restore_visit(self, visit: object) -> None:
        from wsis_viewer.domain.history import Visit

        if not isinstance(visit, Visit):
            return
        self.select_record(visit.target, move_view=False, remember=False)
        if visit.view is not None:
            self.timeline.set_view_range(*visit.view)
        self._update_navigation()

    def _update_navigation(self) -> None:
        self.act_back.setEnabled(self.history.can_go_back())
        self.act_forward.setEnabled(self.history.can_go_forward())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent) \
                and isinstance(watched, QWidget) and watched.window() is self:
            if event.button() == Qt.MouseButton.BackButton:
                self.go_back()
                return True
            if event.button() == Qt.MouseButton.ForwardButton:
                self.go_forward()
                return True
        return super().eventFilter(watched, event)

    def open_details(self) -> None:
        event_id = self.timeline.selected()
        if not event_id:
            return
        self.detail.show_event(event_id)
        self.detail_dock.show()
        self.detail_dock.raise_()

    def _tooltip(self, event_id: str) -> str:
        event = self.relations.events.get(event_id)
        if event is None:  # records not read yet (big database): the index's own titles
            return self.timeline.default_tooltip(event_id)
        return _tooltip_text(event, self.lang)

    # --- search -------------------------------------------------------------------------------

    def _on_query(self, query: str) -> None:
        db = self.db
        ids = db.find(query) if db is not None else []
        positions = [] if db is None else [db.index.index_of(i) for i in ids]
        self._matches = SearchMatches(query, tuple(ids),
                                      tuple(sorted(p for p in positions if p is not None)))
        self._apply_emphasis()
        self._show_match_count()

    def _show_match_count(self) -> None:
        matches = self._matches
        self.search.set_match_count(len(matches) if matches.active else None)
        text = self.search.count_label.text()
        hidden = matches.hidden_count(self._shown_mask()) if matches.active else 0
        if hidden:
            text += " " + self.tr("(%n hidden by filters)", None, hidden)
        self.status_matches.setText(text)

    def matches(self) -> list[str]:
        return list(self._matches.ids)

    def next_match(self) -> None:
        self._step_match(1)

    def previous_match(self) -> None:
        self._step_match(-1)

    def _step_match(self, step: int) -> None:
        """Select the shown match after (before) the selection in time order, wrapping."""
        if self.db is None:
            return
        index = self.db.index
        selected = self.timeline.selected()
        current = index.index_of(selected) if selected else None
        target = self._matches.step(current, step, self._shown_mask())
        if target is not None:
            self.timeline.select(index.ids[target], ensure_visible=True)

    def _shown_mask(self) -> npt.NDArray[np.bool_] | None:
        """Events the lane and year filters leave visible (what the timeline draws)."""
        if self.db is None:
            return None
        index = self.db.index
        visible = self.lane_toggles.visible()
        lanes = [k for k, lane in enumerate(index.lane_ids) if lane in visible]
        start, end = self.years.date_range()
        return index.lane_mask(lanes) & index.date_mask(
            None if start is None else date_to_x(start),
            None if end is None else date_to_x(end) + DAY)

    # --- filters and view ---------------------------------------------------------------------

    def _apply_lanes(self) -> None:
        if self.db is not None:
            self.timeline.set_visible_lanes(self.lane_toggles.visible())
            self._show_match_count()

    def _apply_years(self) -> None:
        if self.db is not None:
            self.timeline.set_date_filter(*self.years.date_range())
            self._show_match_count()

    def _focus_years(self) -> None:
        self.years.first.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.years.first.selectAll()

    def _fit_all(self) -> None:
        self.timeline.fit_all()

    def _zoom_in(self) -> None:
        self.timeline.zoom(ZOOM_STEP)

    def _zoom_out(self) -> None:
        self.timeline.zoom(1 / ZOOM_STEP)

    def _show_overview(self, visible: bool) -> None:
        strip = overview_strip(self.timeline)
        if strip is not None:
            strip.setVisible(visible)
        self.settings.set_overview_visible(visible)

    # --- export and print ----------------------------------------------------------------------

    def _export(self, fmt: str, scale: float = 1.0) -> None:
        from wsis_viewer.ui.view_export import ask_and_export

        ask_and_export(self, fmt, scale)

    def _copy_image(self) -> None:
        from wsis_viewer.ui.view_export import copy_image

        copy_image(self)

    def _print(self) -> None:
        from wsis_viewer.ui.view_export import print_with_preview

        self._print_dialog = print_with_preview(self)

    # --- persistence --------------------------------------------------------------------------

    def save_state(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        if self.db is not None:
            self.settings.set_view_range(*self.timeline.view_range())
            self.settings.set_hidden_lanes(self.lane_toggles.hidden())
            self.settings.set_year_range(self.years.years())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.save_state()
        super().closeEvent(event)


def overview_strip(timeline: TimelineWidget) -> QWidget | None:
    """The overview strip under the timeline, to show or hide it.

    TimelineWidget has no public switch for it yet (asked for `set_overview_visible`): it is
    the second widget of the timeline's layout when the widget was built with one.
    """
    layout = timeline.layout()
    item = layout.itemAt(1) if layout is not None and layout.count() == 2 else None
    return item.widget() if item is not None else None


def _tooltip_text(event: Event, lang: str) -> str:
    """Rich text: the titles, then each sitting (dates, time, room, place)."""
    titles = [f"<b>{html.escape(event.title.get(lang))}</b>"]
    other = event.title.zh if lang == "en" else event.title.en
    if other and other != event.title.get(lang):
        titles.append(html.escape(other))
    lines = list(titles)
    sittings = event.sessions if event.precision is Precision.DAY else ()
    for session in sittings:
        parts = [format_span(session.start, session.end, event.precision, lang,
                             translate=translate_dates)]
        if session.time:
            parts.append(session.time + (f"–{session.end_time}" if session.end_time else ""))
        parts += [x for x in (session.room, session.location) if x]
        lines.append(html.escape(" · ".join(parts)))
    if not sittings:
        lines.append(html.escape(format_span(event.start, event.end, event.precision, lang,
                                             translate=translate_dates)))
    if event.location and not any(s.location for s in sittings):
        lines.append(html.escape(event.location))
    return "<br>".join(lines)
