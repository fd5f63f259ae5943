"""The main window: the timeline in the middle, details in a dock, search and filters on top.

The window wires widgets together and owns the opened database; each widget does one job
(DetailView, SearchBar, LaneToggles, YearRangeFilter) and the TimelineWidget draws.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QToolBar,
    QWidget,
)

from wsis_viewer.domain.bounds import MAX_TOOLTIP_SITTINGS, elide
from wsis_viewer.domain.dataset_union import union
from wsis_viewer.domain.dates import format_span
from wsis_viewer.domain.history import NavigationHistory
from wsis_viewer.domain.model import Dataset, Event, Precision, RecordType
from wsis_viewer.domain.notes import Note
from wsis_viewer.domain.provenance import stated_only
from wsis_viewer.domain.relations import RecordRef, Relations
from wsis_viewer.domain.timeline_index import DAY, date_to_x
from wsis_viewer.domain.view_state import (
    Emphasis,
    ViewState,
    default_range,
    emphasis_for,
    shown_mask,
    years_range,
)
from wsis_viewer.qt import gui_thread_gc
from wsis_viewer.qt.event_search import EventSearch
from wsis_viewer.qt.i18n import current_language, data_language, lane_label, set_app_language
from wsis_viewer.qt.operations import Operations, StatusBarProgress
from wsis_viewer.session.loaded_database import SYNC_DATASET_LIMIT, LoadedDatabase
from wsis_viewer.session.matches import SearchMatches
from wsis_viewer.store.problems import DatabaseError
from wsis_viewer.store.urls import server_name
from wsis_viewer.timeline.dates import axis_formatter, translate_dates
from wsis_viewer.timeline.widget import TimelineWidget
from wsis_viewer.ui import messages
from wsis_viewer.ui.accessibility import install_accessibility
from wsis_viewer.ui.actions import make_action, set_action_text
from wsis_viewer.ui.detail_view import DetailView
from wsis_viewer.ui.filters import LaneToggles, YearRangeFilter, menu_text
from wsis_viewer.ui.main_actions import NEEDS_EVENTS, create_actions, retranslate_actions
from wsis_viewer.ui.navigation import Navigation
from wsis_viewer.ui.plain_text import make_labels_plain
from wsis_viewer.ui.record_lists import RecordListPanel
from wsis_viewer.ui.search_bar import SearchBar
from wsis_viewer.ui.server_open import ServerSearchReadiness, is_server, search_is_pending
from wsis_viewer.ui.settings import ViewerSettings
from wsis_viewer.ui.themes import ThemeSwitch
from wsis_viewer.ui.view_export import ask_and_export, copy_image, print_with_preview

ZOOM_STEP = 1.5
DEFAULT_SIZE = (1400, 850)
MIN_DETAIL_WIDTH_SMALL = 220  # what the detail dock gives way to in a small window
DEFAULT_DETAIL_WIDTH = 420  # a bilingual title and a document title fit on a line or two
DEFAULT_LIST_HEIGHT = 230
# Up to this many events the records are read at once; above, in a background thread.
VIEW_MARGIN = 0.12  # share of the span added on each side when a link brings records into view
MIN_TIMELINE_SHARE = 0.55  # of the window's height and width, kept for the timeline


def open_for_window(target: str | Path) -> LoadedDatabase:
    """Open `target` for the window: a small file checked whole at once (milliseconds); a big
    one drawn from its checked timeline cache first and its values checked afterwards, off the
    GUI thread (seconds at a million events), by `MainWindow._check_values_later`."""
    db = LoadedDatabase.open(target, check_values=False)
    if db.counts.get("events", 0) <= SYNC_DATASET_LIMIT:
        try:
            db.check_values()
        except BaseException:
            db.close()
            raise
    return db


class MainWindow(QMainWindow):
    """Holds one ViewState and changes it only through intent methods (select_record,
    clear_selection, set_search, the filters, the language); `_render` then redraws the
    timeline, the detail panel, the lists and the status bar from it."""

    databaseChanged = Signal()       # another database (or none) is shown
    recordChanged = Signal(object)   # the selected record shown: a RecordRef, or None
    # The records behind the panels or the data language changed (issue 13's tables follow).
    recordsChanged = Signal()

    def __init__(self, settings: ViewerSettings | None = None, *, lang: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.settings = settings or ViewerSettings()
        # The window owns the application's language: it installs the translators before
        # building any text, and View > Language switches them (set_language).
        set_app_language(lang)
        self.ui_lang = lang  # en, zh or pseudo: the translator installed
        self.state = ViewState(lang=data_language(lang))
        self.db: LoadedDatabase | None = None
        self.relations = Relations(Dataset())  # what is shown: all, or the stated only
        self._all_relations = self.relations
        self._records_pending = False  # a big database's records are being read
        self._around_read: set[RecordRef] = set()  # records whose surroundings are read
        self._citing_read: set[str] = set()  # paragraphs whose citing records are read
        self._pending_selection: RecordRef | None = None
        app = QApplication.instance()
        if app is not None:  # garbage only ever collected in this thread (see gui_thread_gc)
            gui_thread_gc.install(app)
        # Slow work (reading a big database's records) runs off the GUI thread; anything over
        # 300 ms shows its progress in the status bar.
        self.operations = Operations(self, progress=StatusBarProgress(self.statusBar()))
        # A big database's event matches are found in a thread (qt/event_search.py).
        self._event_search = EventSearch(self, operations=self.operations)
        self._event_search.found.connect(self._on_events_found)
        self._matches = SearchMatches()
        self._found = SearchMatches()  # the dataset's own matches (without the notes')
        self._extra_matches: tuple[str, tuple[str, ...]] = ("", ())  # by notes (issue 15)
        # The notes File ▸ Export, Copy Image and Print draw (None: none); the workspace
        # (ui/workspace_ui.py) answers with its notes while Export ▸ Include Notes is on.
        self.notes_for_export: Callable[[], Sequence[Note] | None] = lambda: None
        self.navigation = Navigation(self, self.view_state, self._restore_state)

        self.timeline = TimelineWidget(self)
        self.timeline.setObjectName("timeline")
        self.setCentralWidget(self.timeline)
        self.detail = DetailView(self, lang=self.lang)
        self.detail.before_source = self._read_citing
        self.detail_dock = QDockWidget(self)
        self.detail_dock.setObjectName("detailDock")
        self.detail_dock.setWidget(self.detail)
        self.detail_dock.setMinimumWidth(MIN_DETAIL_WIDTH_SMALL)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.detail_dock)
        self.recommendations = RecordListPanel("recommendations", self)
        self.resolutions = RecordListPanel("resolutions", self)
        self.recommendations_dock = self._list_dock(self.recommendations, "recommendationsDock")
        self.resolutions_dock = self._list_dock(self.resolutions, "resolutionsDock")
        self.tabifyDockWidget(self.recommendations_dock, self.resolutions_dock)
        self.recommendations_dock.raise_()

        self.search = SearchBar(self)
        self.years = YearRangeFilter(self)
        self.theme_switch = ThemeSwitch(self.settings, self)
        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self._create_status_bar()
        make_labels_plain(self)  # file names and search text are data, not markup
        self._connect()
        self.retranslate_ui()
        self._check_language_action()
        self._set_database(None)
        # Search results, record tables, legend, About, record menu (ui/search_features.py).
        from wsis_viewer.ui.search_features import install_search_features

        self.features = install_search_features(self)
        # Notes dock, note marks, View > Views, live updates (issue 15): one hook, before the
        # saved window state is restored (it places the Notes dock too).
        from wsis_viewer.ui.workspace_ui import install_workspace

        install_workspace(self)
        # A server's search index arriving after the window opened (ui/server_open.py).
        self.server_search = ServerSearchReadiness(self)
        self._restore_window()
        self._show_overview(self.act_show_overview.isChecked())
        # Accessible names, tab order, View ▸ Theme, Help ▸ Keyboard Shortcuts.
        self.accessibility = install_accessibility(self)
        self.features.add_to_help(self.accessibility.help_menu)

    # --- the view state -----------------------------------------------------------------------

    @property
    def lang(self) -> str:
        """en or zh: which text of bilingual records is shown."""
        return self.state.lang

    @property
    def current(self) -> RecordRef | None:
        return self.state.selected

    @property
    def history(self) -> NavigationHistory[ViewState]:
        return self.navigation.history

    def view_state(self) -> ViewState:
        """The state with what is on screen now (time range, theme): what File ▸ Export,
        Copy Image, Print and the history use, and what `wsis-viewer screenshot` reproduces."""
        return self.state.with_changes(time_range=self.timeline.view_range(),
                                       theme=self._theme())

    def _theme(self) -> str:
        return self.theme_switch.effective(self.palette())

    def set_theme(self, choice: str, *, remember: bool = True) -> None:
        """View ▸ Theme: system, light, dark or high-contrast (ui/themes.py); the ViewState
        records the fixed theme on screen, so exports match the window."""
        self.theme_switch.apply(choice, remember=remember)
        self._update_state(theme=self._theme())

    def _update_state(self, **changes: object) -> None:
        old, new = self.state, self.state.with_changes(**changes)
        if new != old:
            self.state = new
            if new.stated_only != old.stated_only:
                self._show_relations()  # the panel, lists and chains read these
            self._render(old, new)

    def _render(self, old: ViewState, new: ViewState) -> None:
        """Redraw what depends on the parts of the state that changed."""
        if new.search != old.search:
            self._find(new.search)
        if self.db is not None:
            self.timeline.show_state(new, self._emphasis())
        if new.selected != old.selected or new.stated_only != old.stated_only:
            self._show_selection(new.selected)
        if new.lang != old.lang:
            self.recordsChanged.emit()  # the tables show titles in the data language
        if (new.search, new.hidden_lanes, new.years) != (old.search, old.hidden_lanes,
                                                           old.years):
            self._show_match_count()

    def _emphasis(self) -> Emphasis:
        return emphasis_for(self.state, self.relations, self._matches.id_set)

    def _show_selection(self, ref: RecordRef | None) -> None:
        if ref is None:
            self.detail.clear()
        else:
            self.detail.show_record(ref)
        self.recommendations.show_record(ref)
        self.resolutions.show_record(ref)
        self.recordChanged.emit(ref)

    # --- construction -------------------------------------------------------------------------

    def _list_dock(self, panel: QWidget, name: str) -> QDockWidget:
        dock = QDockWidget(self)
        dock.setObjectName(name)
        dock.setWidget(panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        return dock

    def _create_actions(self) -> None:
        # Texts are set by retranslate_ui, so a language switch sets them the same way.
        self.action_table = create_actions(self, timeline=self.timeline)
        a = self.action_table
        self.act_open, self.act_clear_recent = a["open"], a["clearRecent"]
        self.act_quit = a["quit"]
        self.act_find, self.act_find_next = a["find"], a["findNext"]
        self.act_find_previous = a["findPrevious"]
        self.act_fit, self.act_zoom_in = a["fitAll"], a["zoomIn"]
        self.act_zoom_out = a["zoomOut"]
        self.act_years, self.act_all_years = a["yearRange"], a["allYears"]
        self.act_show_overview = a["showOverview"]
        self.act_show_overview.setChecked(self.settings.overview_visible())
        self.act_stated_only = a["statedOnly"]
        self.act_prev_event, self.act_next_event = a["previousEvent"], a["nextEvent"]
        self.act_prev_lane, self.act_next_lane = a["previousLane"], a["nextLane"]
        self.act_open_details, self.act_clear_selection = a["openDetails"], a["clearSelection"]
        self.act_back, self.act_forward = a["back"], a["forward"]
        self.navigation.actions = (self.act_back, self.act_forward)
        self.act_export_png = {scale: a[f"exportPng{scale}x"] for scale in (1, 2, 3)}
        self.act_export_svg, self.act_export_pdf = a["exportSvg"], a["exportPdf"]
        self.act_copy_image, self.act_print = a["copyImage"], a["print"]
        # Dock toggles come from the docks themselves.
        self.act_show_details = self.detail_dock.toggleViewAction()
        self.act_show_details.setObjectName("showDetails")
        self.act_show_recommendations = self.recommendations_dock.toggleViewAction()
        self.act_show_recommendations.setObjectName("showRecommendations")
        self.act_show_resolutions = self.resolutions_dock.toggleViewAction()
        self.act_show_resolutions.setObjectName("showResolutions")
        # View > Language: each language is named in itself (an endonym, never translated),
        # so a user who cannot read the current language still finds their own.
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        self.act_language: dict[str, QAction] = {}
        for code, name in (("en", "English"), ("zh", "中文")):
            action = make_action(self, name, self._language_choice(code),
                                 checkable=True, name=f"language_{code}")
            self.language_group.addAction(action)
            self.act_language[code] = action

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
        retranslate_actions(self.action_table)
        for action, text in ((self.act_show_details, self.tr("Show &Details")),
                             (self.act_show_recommendations, self.tr("Show &Recommendations")),
                             (self.act_show_resolutions, self.tr("Show Re&solutions"))):
            set_action_text(action, text)
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
        view_menu.addActions([self.act_years, self.act_all_years, self.act_stated_only])
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
        for label in (self.status_database, self.status_counts, self.status_matches):
            # File names and search text come from outside: never rich text.
            label.setTextFormat(Qt.TextFormat.PlainText)
        status = self.statusBar()
        status.addWidget(self.status_database)
        status.addWidget(self.status_counts)
        status.addPermanentWidget(self.status_matches)

    def _connect(self) -> None:
        self.timeline.selectionChanged.connect(self._on_timeline_selection)
        self.timeline.clearRequested.connect(self.clear_selection)
        self.timeline.activated.connect(lambda _id: self.open_details())
        self.search.queryChanged.connect(self.set_search)
        self.search.nextRequested.connect(self.next_match)
        self.search.previousRequested.connect(self.previous_match)
        self.lane_toggles.changed.connect(self._apply_lanes)
        self.years.changed.connect(self._apply_years)
        self.act_show_overview.toggled.connect(self._show_overview)
        self.act_stated_only.toggled.connect(self.set_stated_only)
        self.recent_menu.aboutToShow.connect(self._rebuild_recent_menu)
        self.detail.recordActivated.connect(self.navigate_to)
        self.recommendations.recordSelected.connect(self.navigate_to)
        self.resolutions.recordSelected.connect(self.navigate_to)

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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_timeline_usable()

    def _keep_timeline_usable(self) -> None:
        """Docks give way in a small window: the timeline keeps at least MIN_TIMELINE_SHARE
        of the height and width (at 800×500 the lists would otherwise squeeze it to a strip
        where lane labels overprint)."""
        height, width = self.height(), self.width()
        docks = [d for d in (self.recommendations_dock, self.resolutions_dock)
                 if d.isVisible() and not d.isFloating()
                 and self.dockWidgetArea(d) == Qt.DockWidgetArea.BottomDockWidgetArea]
        if docks and self.timeline.height() < MIN_TIMELINE_SHARE * height:
            room = self.timeline.height() + sum(d.height() for d in docks[:1])
            self.resizeDocks(docks[:1], [max(90, room - int(MIN_TIMELINE_SHARE * height))],
                             Qt.Orientation.Vertical)
        if (self.detail_dock.isVisible() and not self.detail_dock.isFloating()
                and self.timeline.width() < MIN_TIMELINE_SHARE * width):
            room = self.timeline.width() + self.detail_dock.width()
            self.resizeDocks([self.detail_dock],
                             [max(220, room - int(MIN_TIMELINE_SHARE * width))],
                             Qt.Orientation.Horizontal)

    # --- databases ----------------------------------------------------------------------------

    def open_database(self, target: str | Path, *, restore_view: bool = False) -> bool:
        """Show `target`; on failure explain in a message box and keep the current database.

        A big file's values are checked after its first frame, in the background
        (`_check_values_later`); a bad one is then refused the same way."""
        try:
            db = open_for_window(target)
        except DatabaseError as exc:
            self.show_error(self.tr("Cannot open database"), str(exc))
            return False
        return self._show_opened(db, target, restore_view=restore_view)

    def open_database_in_background(self, target: str | Path,
                                    on_failure: Callable[[], None] | None = None) -> None:
        """Like `open_database`, with the reading done off the GUI thread (File > Open and the
        recent files: a big database's timeline takes up to a second to read)."""
        def failed(exc: Exception) -> None:
            self.show_error(self.tr("Cannot open database"), str(exc))
            if on_failure is not None:
                on_failure()

        def opened(db: LoadedDatabase) -> None:
            if not self._show_opened(db, target) and on_failure is not None:
                on_failure()

        self.operations.run(
            lambda _report: open_for_window(target),
            label=self.tr("Opening %1…").replace("%1", server_name(str(target)) if is_server(
                str(target)) else Path(str(target)).name),  # a server: never its password
            on_done=opened, on_error=failed)

    def _show_opened(self, db: LoadedDatabase, target: str | Path, *,
                     restore_view: bool = False) -> bool:
        """Show an opened database, all or nothing: on failure, the one shown before."""
        previous = self.db
        try:
            self._set_database(db, restore_view=restore_view)
        except DatabaseError as exc:
            db.close()
            self._set_database(previous)
            self.show_error(self.tr("Cannot open database"), str(exc))
            return False
        path = str(target)
        self.settings.set_last_database(path)
        self.settings.add_recent_file(path)
        self._rebuild_recent_menu()
        if not db.values_checked:
            self._check_values_later(db, previous, path)
        elif previous is not None and previous is not db:
            previous.close()  # its records are read by key while shown: a handle stays open
        return True

    def _check_values_later(self, db: LoadedDatabase, previous: LoadedDatabase | None,
                            path: str) -> None:
        """Check every value of a big database shown from its (checked) timeline cache; a bad
        value refuses it as opening would have: one line, and the database shown before."""
        def refused(exc: Exception) -> None:
            if db is not self.db:
                return  # another database is shown already: this one is gone anyway
            self.settings.forget_database(path)
            self._rebuild_recent_menu()
            self._set_database(previous)
            db.close()
            self.show_error(self.tr("Cannot open database"), str(exc))

        def accepted(_result: object) -> None:
            if previous is not None and previous is not self.db:
                previous.close()

        self.operations.run(lambda _report: db.check_values(),
                            label=self.tr("Checking %1…").replace("%1", db.label),
                            on_done=accepted, on_error=refused)

    def choose_database(self) -> None:
        start = str(Path(self.db.path).parent) if self.db and "://" not in self.db.path else ""
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Open WSIS Database"), start,
            self.tr("WSIS databases (*.sqlite *.db);;All files (*)"))
        if path:
            self.open_database_in_background(path)

    def show_error(self, title: str, text: str) -> None:
        messages.warn(self, title, text)  # escaped: messages quote file names and data

    def _set_database(self, db: LoadedDatabase | None, *, restore_view: bool = False) -> None:
        self.db = db
        self.navigation.clear()
        self._pending_selection = None
        # The timeline only needs the index. The whole dataset is never read here: the lists'
        # records now (at once for a small database; in a thread for a big one, whose lists
        # can hold tens of thousands of resolutions), and the records around each selection
        # when it is made (`read_around`).
        self._records_pending = False
        self._around_read = set()
        self._citing_read = set()
        if db is None or db.counts.get("events", 0) <= SYNC_DATASET_LIMIT:
            self._use_relations(Relations(db.list_records() if db else Dataset()))
        else:
            self._use_relations(Relations(Dataset()))
            self._records_pending = True
            self.detail.show_message(self.tr("Reading the records of this database…"))
            self.operations.run(
                lambda _report: Relations(db.list_records()),
                label=self.tr("Reading the records…"),
                on_done=lambda rel: self._on_dataset_read(db, rel),
                on_error=lambda exc: self._on_dataset_read(db, exc))
        lanes = db.lanes if db else ()
        hidden = self.settings.hidden_lanes() if restore_view else set()
        with QSignalBlocker(self.lane_toggles), QSignalBlocker(self.years):
            self.lane_toggles.set_lanes(lanes, hidden)
            self.years.set_bounds(db.year_bounds() if db else None)
            if restore_view and db is not None:
                self.years.set_years(self.settings.year_range())
        self.state = ViewState(lang=self.lang, stated_only=self.state.stated_only,
                               hidden_lanes=frozenset(self.lane_toggles.hidden()),
                               years=self.years.years())
        self._find(self.search.text())
        self.state = self.state.with_changes(search=self.search.text())
        if db is not None:
            self.timeline.set_data(db.index, self._lane_labels())
            self.timeline.set_tooltip_provider(self._tooltip)
            self.timeline.set_markers(db.period)
            self._apply_timeline_language()
            self.timeline.show_state(self.state, self._emphasis())
            saved = self.settings.view_range() if restore_view else None
            self.timeline.set_view_range(*(saved or default_range(db.index, db.period)))
        self._show_selection(None)
        self._show_match_count()
        self._update_status()
        self._update_enabled()
        self.databaseChanged.emit()

    def _use_relations(self, relations: Relations) -> None:
        """Hand the records to the panel and the lists (empty while not read yet); with
        "Show only what the report states", a copy without any inferred link or status."""
        self._all_relations = relations
        self._show_relations()

    def _grow_records(self, extra: Dataset) -> None:
        """Add records read by key (around a selection, a Source page's) to those the panel
        and the chains draw from; the lists keep theirs (they hold every record they show)."""
        grown = union(self._all_relations.ds, extra)
        if grown is self._all_relations.ds:
            return
        self._all_relations = Relations(grown)
        self.relations = (Relations(stated_only(grown)) if self.state.stated_only
                          else self._all_relations)
        self.detail.add_records(self.relations)

    def read_around(self, ref: RecordRef) -> None:
        """Read what the panel and chain of `ref` need, once per record and database (a few
        queries by key: milliseconds on a local file)."""
        if self.db is not None:
            self._read_once(self._around_read, ref,
                            lambda db: db.records_around([(ref.type, ref.id)]))

    def _read_once(self, done: set[RecordRef] | set[str], key: Any,
                   read: Callable[[LoadedDatabase], Dataset]) -> None:
        """`read` the shown database's records for `key` unless done already (`done` holds the
        keys read from this database), and add them to those the window holds."""
        db = self.db
        if db is None or self._records_pending or key in done:
            return
        try:
            extra = read(db)
        except DatabaseError as exc:
            self.show_error(self.tr("Cannot read the record"), str(exc))
            return
        done.add(key)
        self._grow_records(extra)

    def _read_around_first(self, ref: RecordRef, *, move_view: bool, remember: bool) -> bool:
        """For a big database, read the records around `ref` in a thread and select it when
        they arrive (True: that is under way). Tens of milliseconds at a million events,
        which a click, a key held down or a list scrolled row by row should not wait for; the
        timeline marks an event at once meanwhile."""
        db = self.db
        if (db is None or self._records_pending or ref in self._around_read
                or db.counts.get("events", 0) <= SYNC_DATASET_LIMIT):
            return False
        self._pending_selection = ref
        if ref.type is RecordType.EVENT:
            self.timeline.select(ref.id, ensure_visible=not move_view)

        def arrived(extra: Dataset) -> None:
            if db is not self.db:
                return
            self._around_read.add(ref)
            self._grow_records(extra)
            if self._pending_selection == ref:  # not overtaken by another selection
                self._pending_selection = None
                self.select_record(ref, move_view=move_view, remember=remember)

        def failed(exc: Exception) -> None:
            if db is self.db and self._pending_selection == ref:
                self._pending_selection = None
                self.show_error(self.tr("Cannot read the record"), str(exc))

        self.operations.run(lambda _report: db.records_around([(ref.type, ref.id)]),
                            label=self.tr("Reading the records…"),
                            on_done=arrived, on_error=failed)
        return True

    def hold_records(self, record_ids: list[str]) -> None:
        """Make sure the records with these ids are among those the window holds (a list of
        notes names them by id and shows their titles); one query per kind of record."""
        missing = [rid for rid in dict.fromkeys(record_ids)
                   if self.relations.ref_of_id(rid) is None]
        if not missing or self.db is None or self._records_pending:
            return
        try:
            self._grow_records(self.db.records_named(missing))
        except DatabaseError as exc:
            self.show_error(self.tr("Cannot read the record"), str(exc))

    def find_record(self, record_id: str) -> RecordRef | None:
        """The record with this id, of whichever kind (a note names only the id)."""
        held = self.relations.ref_of_id(record_id)
        if held is not None or self.db is None:
            return held
        try:
            return self.db.find_record(record_id)
        except DatabaseError as exc:
            self.show_error(self.tr("Cannot read the record"), str(exc))
            return None

    def _read_citing(self, paragraph: str) -> None:
        """Read the records a Source page lists, once per paragraph and database."""
        self._read_once(self._citing_read, paragraph,
                        lambda db: db.records_citing(paragraph))

    def _show_relations(self) -> None:
        all_rel = self._all_relations
        relations = (Relations(stated_only(all_rel.ds)) if self.state.stated_only
                     else all_rel)
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
        self._use_relations(result)
        pending, self._pending_selection = self._pending_selection, None
        if pending is not None:
            self.select_record(pending, move_view=False, remember=False)

    def _update_status(self) -> None:
        db = self.db
        if db is None:
            self.setWindowTitle(self.tr("WSIS Timeline Viewer"))
            self.status_database.setText(self.tr("No database"))
            self.status_counts.clear()
            return
        self.setWindowTitle(self.tr("%1 — WSIS Timeline Viewer").replace("%1", db.label))
        self.status_database.setText(db.label)
        self.status_database.setToolTip(html.escape(db.path))
        counts = db.counts  # counted by SQL: the status bar need not read every record
        self.status_counts.setText(" · ".join([
            self.tr("%n event(s)", None, counts.get("events", 0)),
            self.tr("%n document(s)", None, counts.get("documents", 0)),
            self.tr("%n resolution(s)", None, counts.get("resolutions", 0)),
            self.tr("%n recommendation(s)", None, counts.get("recommendations", 0)),
        ]))

    def _update_enabled(self) -> None:
        has_data = self.db is not None and self.db.has_events()
        for name in NEEDS_EVENTS:
            self.action_table[name].setEnabled(has_data)
        self.search.setEnabled(has_data)
        self.navigation.update_actions()

    # --- language -----------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Switch the whole window to `lang` (en, zh or pseudo) now, without a restart.

        Installs the translators (Qt then sends LanguageChange, which retranslates every
        widget's own texts) and switches what the data shows: record titles and texts, lane
        names, the axis dates, the detail panel and the lists.
        """
        set_app_language(lang)
        self._sync_language()

    def _language_choice(self, lang: str) -> Callable[[], None]:
        def choose() -> None:
            self.choose_language(lang)
        return choose

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
        self.ui_lang = ui_lang
        lang = data_language(ui_lang)
        self.retranslate_ui()
        self._check_language_action()
        self.detail.set_language(lang)
        self.recommendations.set_language(lang)
        self.resolutions.set_language(lang)
        if self.db is not None:
            self.timeline.set_lane_labels(self._lane_labels(lang))
        self._update_state(lang=lang)  # connector labels ("+4 months") are in this language
        if self.db is not None:
            self._apply_timeline_language()

    def _check_language_action(self) -> None:
        action = self.act_language.get(self.ui_lang)
        if action is not None:
            action.setChecked(True)
        else:  # pseudo: neither language is the one shown
            for other in self.act_language.values():
                self.language_group.setExclusive(False)
                other.setChecked(False)
                self.language_group.setExclusive(True)

    def _lane_labels(self, lang: str | None = None) -> dict[str, str]:
        lanes = self.db.lanes if self.db is not None else ()
        return {lane.id: lane_label(lane, lang or self.lang) for lane in lanes}

    def _apply_timeline_language(self) -> None:
        self.timeline.set_title_language(self.lang)
        self.timeline.set_axis_formatter(axis_formatter(self.lang))

    # --- recent files -------------------------------------------------------------------------

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files()
        for number, path in enumerate(recent, start=1):
            name = Path(path).name if "://" not in path else path
            action = self.recent_menu.addAction(f"&{number} {menu_text(name)}")
            action.setStatusTip(path)
            action.setToolTip(html.escape(path))
            action.triggered.connect(lambda _checked=False, p=path: self._open_recent(p))
        if recent:
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.act_clear_recent)
        self.act_clear_recent.setEnabled(bool(recent))

    def _open_recent(self, path: str) -> None:
        def forget() -> None:  # the message box said why; a file that no longer opens leaves
            self.settings.remove_recent_file(path)
            self._rebuild_recent_menu()

        self.open_database_in_background(path, on_failure=forget)

    def clear_recent_files(self) -> None:
        for path in self.settings.recent_files():
            self.settings.remove_recent_file(path)
        self._rebuild_recent_menu()

    # --- selection (intents) ------------------------------------------------------------------

    def _on_timeline_selection(self, event_id: str) -> None:
        """The user selected (or cleared) an event on the timeline."""
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
        if self._read_around_first(ref, move_view=move_view, remember=remember):
            return  # selected when its records arrive (big database: read in a thread)
        self.read_around(ref)
        if not self.relations.exists(ref):
            if self._records_pending and ref.type is RecordType.EVENT:
                # A big database's records are still being read: select it on the timeline
                # now; the panel shows it when the read is done (_on_dataset_read).
                self._pending_selection = ref
                self.timeline.select(ref.id, ensure_visible=not move_view)
                self.detail.show_message(self.tr("Reading the records of this database…"))
            return
        if remember:
            self.navigation.remember_view()
        self._update_state(selected=ref)
        if move_view:
            self._bring_into_view(ref)
        elif ref.type is RecordType.EVENT:
            self.timeline.reveal(ref.id)
        if remember:
            self.navigation.visit(self.view_state())

    def clear_selection(self) -> None:
        """Esc, Go ▸ Clear Selection, a click on empty timeline: whatever kind of record is
        selected, nothing is afterwards."""
        self._pending_selection = None
        self._update_state(selected=None)
        self.timeline.select(None)

    def set_search(self, text: str) -> None:
        self._update_state(search=text)

    def set_stated_only(self, on: bool) -> None:
        """View ▸ Show Only What the Report States."""
        self._update_state(stated_only=on)
        if self.act_stated_only.isChecked() != on:
            with QSignalBlocker(self.act_stated_only):
                self.act_stated_only.setChecked(on)

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

    def go_back(self) -> None:
        self.navigation.back()

    def go_forward(self) -> None:
        self.navigation.forward()

    def _restore_state(self, state: ViewState) -> None:
        """Show a state from the history: the widgets that edit its parts follow quietly."""
        with QSignalBlocker(self.search), QSignalBlocker(self.lane_toggles), \
                QSignalBlocker(self.years):
            self.search.set_text(state.search)
            if self.db is not None:
                self.lane_toggles.set_lanes(self.db.lanes, set(state.hidden_lanes))
            self.years.set_years(state.years)
        self._update_state(selected=state.selected, search=state.search,
                           hidden_lanes=state.hidden_lanes, years=state.years,
                           stated_only=state.stated_only)
        if state.time_range is not None:
            self.timeline.set_view_range(*state.time_range)

    def open_details(self) -> None:
        if self.current is None:
            return
        self.detail.show_record(self.current)
        self.detail_dock.show()
        self.detail_dock.raise_()

    def step_event(self, step: int) -> None:
        self.timeline.select_adjacent_in_time(step)

    def step_lane(self, step: int) -> None:
        self.timeline.select_adjacent_lane(step)

    def _tooltip(self, event_id: str) -> str:
        event = self.relations.events.get(event_id)
        if event is None:  # records not read yet (big database): the index's own titles
            return self.timeline.default_tooltip(event_id)
        return _tooltip_text(event, self.lang)

    # --- search -------------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.focus()

    def _find(self, query: str) -> None:
        db = self.db
        if search_is_pending(self):  # asked again when a server's index is in (server_open.py)
            self._use_found(SearchMatches(query))  # none yet (never another database's)
            return
        if db is not None and query.strip() and (
                db.counts.get("events", 0) > SYNC_DATASET_LIMIT or is_server(db.path)):
            # Every matching event of a short query can be a million, and a server's search
            # index may still be on its way (ui/server_open.py): found in a thread, the
            # highlight follows (_on_events_found); the previous one stays meanwhile.
            self._event_search.find(db, query)
            return
        try:
            ids = db.find(query) if db is not None else []
        except DatabaseError as exc:  # an untrusted file's search index: one line
            ids = []
            self.statusBar().showMessage(str(exc), 8000)
        self._set_matches(query, ids)

    def _set_matches(self, query: str, ids: list[str]) -> None:
        db = self.db
        # Vectorised: a short query can match every one of a million events.
        positions = db.index.positions_of(ids) if db is not None else np.zeros(0, np.int64)
        self._use_found(SearchMatches.of(query, ids, positions))

    def _use_found(self, found: SearchMatches) -> None:
        """The dataset's own matches (`found`), joined by the events its notes matched."""
        self._found = found
        extra_query, extra = self._extra_matches
        db = self.db
        new = [i for i in extra if i not in found.id_set] \
            if extra and extra_query == found.query and db is not None else []
        if not new:
            self._matches = found
            return
        assert db is not None
        # Only the extra ids are mapped: the search's own were mapped in its thread.
        self._matches = SearchMatches.of(
            found.query, [*found.ids, *new],
            np.concatenate([found.position_array, db.index.positions_of(new)]))

    def set_extra_matches(self, query: str, ids: Sequence[str]) -> None:
        """Events found for `query` outside the dataset's index — by their notes
        (ui/note_search.py) — join its matches: lit up, counted, stepped through with F3."""
        self._extra_matches = (query, tuple(ids))
        found = self._found
        if query != self.state.search or found.query != query:
            return  # the dataset's matches of this query are not in yet: merged on arrival
        self._use_found(found)
        if self.db is not None:
            self.timeline.show_state(self.state, self._emphasis())
        self._show_match_count()

    def _on_events_found(self, db: object, query: str, result: object) -> None:
        if db is not self.db or query != self.state.search:
            return  # another database, or the box holds another query by now
        # Mapped to positions in the search's thread (session/matches.py).
        self._use_found(result if isinstance(result, SearchMatches) else SearchMatches(query))
        if isinstance(result, Exception):
            self.statusBar().showMessage(str(result), 8000)
        if self.db is not None:
            self.timeline.show_state(self.state, self._emphasis())
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
        return shown_mask(self.db.index, self.state)

    # --- filters and view ---------------------------------------------------------------------

    def _apply_lanes(self) -> None:
        self._update_state(hidden_lanes=frozenset(self.lane_toggles.hidden()))

    def _apply_years(self) -> None:
        """The Years filter hides other years and moves the view to the chosen ones."""
        years = self.years.years()
        self._update_state(years=years)
        if self.db is None:
            return
        if years is None:
            self.fit_all()
        else:
            self.timeline.set_view_range(*years_range(years))

    def focus_years(self) -> None:
        self.years.first.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.years.first.selectAll()

    def show_all_years(self) -> None:
        self.years.set_years(None)

    def fit_all(self) -> None:
        self.timeline.fit_all()

    def zoom_in(self) -> None:
        self.timeline.zoom(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.timeline.zoom(1 / ZOOM_STEP)

    def _show_overview(self, visible: bool) -> None:
        self.timeline.set_overview_visible(visible)
        self.settings.set_overview_visible(visible)

    # --- export and print ----------------------------------------------------------------------

    def export(self, fmt: str, scale: float = 1.0) -> None:
        if self.db is not None:
            ask_and_export(self, self.db, self.view_state(), fmt, scale,
                           self.notes_for_export())

    def copy_image(self) -> None:
        if self.db is not None:
            copy_image(self, self.db, self.view_state(), self.notes_for_export())

    def print_view(self) -> None:
        if self.db is not None:
            # Kept: the dialog is non-modal, and its printer must outlive this call.
            self._print_dialog = print_with_preview(self, self.db, self.view_state(),
                                                    self.notes_for_export())

    # --- persistence --------------------------------------------------------------------------

    def save_state(self) -> None:
        self.settings.set_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        if self.db is not None:
            self.settings.set_view_range(*self.timeline.view_range())
            self.settings.set_hidden_lanes(set(self.state.hidden_lanes))
            self.settings.set_year_range(self.state.years)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.navigation.detach()
        self.save_state()
        if self.db is not None:  # its store stays open for reading records: a server's
            self.db.close()      # connections are closed here, not left to the collector
        super().closeEvent(event)


def _tooltip_text(event: Event, lang: str) -> str:
    """Rich text: the titles, then each sitting (dates, time, room, place)."""
    titles = [f"<b>{html.escape(elide(event.title.get(lang)))}</b>"]
    other = event.title.zh if lang == "en" else event.title.en
    if other and other != event.title.get(lang):
        titles.append(html.escape(elide(other)))
    lines = list(titles)
    sittings = event.sessions if event.precision is Precision.DAY else ()
    for session in sittings[:MAX_TOOLTIP_SITTINGS]:
        parts = [format_span(session.start, session.end, event.precision, lang,
                             translate=translate_dates)]
        if session.time:
            parts.append(session.time + (f"–{session.end_time}" if session.end_time else ""))
        parts += [elide(x) for x in (session.room, session.location) if x]
        lines.append(html.escape(" · ".join(parts)))
    if len(sittings) > MAX_TOOLTIP_SITTINGS:
        lines.append(html.escape(f"… +{len(sittings) - MAX_TOOLTIP_SITTINGS}"))
    if not sittings:
        lines.append(html.escape(format_span(event.start, event.end, event.precision, lang,
                                             translate=translate_dates)))
    if event.location and not any(s.location for s in sittings[:MAX_TOOLTIP_SITTINGS]):
        lines.append(html.escape(elide(event.location)))
    return "<br>".join(lines)
