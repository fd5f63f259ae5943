"""A headless timeline drawn from a ViewState: the engine of the window's File ▸ Export, Copy
Image and Print, of `screenshot` and of the report's figures.

Determinism: the same database and ViewSpec give the same pixels. So the offscreen platform,
the Fusion style, a fixed palette per theme and only the bundled font are used, never the
machine's fonts or desktop theme; and the caption's date comes from the spec.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from wsis_viewer.domain.model import RecordType
from wsis_viewer.domain.notes import note_found_by
from wsis_viewer.domain.provenance import stated_only
from wsis_viewer.domain.relations import RecordRef, Relations
from wsis_viewer.domain.timeline_index import date_to_x, x_to_date
from wsis_viewer.domain.view_state import ViewState, default_range, emphasis_for
from wsis_viewer.panels.note_hits import notes_html
from wsis_viewer.panels.record_html import CONTEXT, RecordPage
from wsis_viewer.qt import gui_thread_gc
from wsis_viewer.qt.fonts import bundled_families
from wsis_viewer.qt.i18n import lane_label
from wsis_viewer.report.render import (
    Caption,
    ExportView,
    caption_extra,
    default_title,
    legend_entries,
)
from wsis_viewer.report.typography import for_language
from wsis_viewer.report.view_spec import RenderOptions, SpecError, ViewSpec, options_of
from wsis_viewer.session.loaded_database import LoadedDatabase
from wsis_viewer.timeline.dates import axis_formatter, translate_dates
from wsis_viewer.timeline.note_marks import add_note_marks
from wsis_viewer.timeline.widget import TimelineWidget

_DONT_SHOW = Qt.WidgetAttribute.WA_DontShowOnScreen
POINT_SIZE = 9.0


def _quiet_offscreen(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Drop the offscreen platform's harmless 'propagateSizeHints' notice; print the rest."""
    if "propagateSizeHints" in message:
        return
    sys.stderr.write(message + "\n")


def headless_app() -> QApplication:
    """A QApplication for rendering without a display (offscreen unless one already exists)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    qInstallMessageHandler(_quiet_offscreen)
    app = QApplication(["wsis-viewer"])
    gui_thread_gc.install(app)  # the search index is built in a thread
    return app


def palette_for(theme: str) -> QPalette:
    """Fixed light, dark and high-contrast palettes, so an export does not depend on the
    desktop theme; View ▸ Theme applies the same ones to the window.

    High contrast: white and yellow on black (text at least 7:1, WCAG AAA; marks in the
    Okabe–Ito lane colours all above 3:1 on black; tests/test_contrast.py computes them)."""
    pal = QPalette()
    if theme == "high-contrast":
        colours = {"Window": "#000000", "WindowText": "#ffffff", "Base": "#000000",
                   "AlternateBase": "#1a1a1a", "Text": "#ffffff", "Button": "#000000",
                   "ButtonText": "#ffffff", "Highlight": "#ffff00",
                   "HighlightedText": "#000000", "Link": "#ffff00",
                   "LinkVisited": "#ffd700", "PlaceholderText": "#c8c8c8",
                   "ToolTipBase": "#000000", "ToolTipText": "#ffffff", "Mid": "#ffffff",
                   "Dark": "#ffffff", "Light": "#ffffff", "Shadow": "#ffffff",
                   "BrightText": "#ffff00"}
    elif theme == "dark":
        colours = {"Window": "#202124", "WindowText": "#e8eaed", "Base": "#1b1b1d",
                   "AlternateBase": "#26272a", "Text": "#e8eaed", "Button": "#2d2e31",
                   "ButtonText": "#e8eaed", "Highlight": "#8ab4f8",
                   "HighlightedText": "#202124", "Link": "#8ab4f8",
                   "PlaceholderText": "#9aa0a6", "ToolTipBase": "#303134",
                   "ToolTipText": "#e8eaed"}
    else:
        colours = {"Window": "#ffffff", "WindowText": "#1f1f1f", "Base": "#ffffff",
                   "AlternateBase": "#f4f4f6", "Text": "#1f1f1f", "Button": "#f0f0f0",
                   "ButtonText": "#1f1f1f", "Highlight": "#0b57d0",
                   "HighlightedText": "#ffffff", "Link": "#0b57d0",
                   "PlaceholderText": "#5f6368", "ToolTipBase": "#ffffe1",
                   "ToolTipText": "#1f1f1f"}
    for role, colour in colours.items():
        pal.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    return pal


def export_font() -> QFont:
    """Only the bundled font: the same glyphs on every machine, Chinese included."""
    families = bundled_families()
    font = QFont(families[0] if families else "Sans")
    font.setFamilies(families or ["Sans"])
    font.setPointSizeF(POINT_SIZE)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def resolve_record(rel: Relations, text: str) -> RecordRef:
    """`--select` accepts any id or symbol, or a resolution number such as 1334."""
    for kind in RecordType:
        ref = RecordRef(kind, text)
        if rel.exists(ref):
            return ref
    by_number = [r for r in rel.ds.resolutions if r.number == text]
    if len(by_number) == 1:
        return RecordRef(RecordType.RESOLUTION, by_number[0].id)
    by_ref = [m for m in rel.ds.recommendations if m.ref == text.lstrip("§")]
    if len(by_ref) == 1:
        return RecordRef(RecordType.RECOMMENDATION, by_ref[0].id)
    raise SpecError(f"--select: no record with id, symbol, resolution number or paragraph "
                    f"{text!r}")


@dataclass
class Scene:
    """The widgets of one export, kept alive until rendered."""

    view: ExportView
    timeline: TimelineWidget
    selected: RecordRef | None
    state: ViewState


def state_from_spec(db: LoadedDatabase, rel: Relations, spec: ViewSpec) -> ViewState:
    """The ViewState a command line's request names (lane ids, a record id, dates)."""
    hidden: frozenset[str] = frozenset()
    if spec.lanes is not None:
        known = {lane.id for lane in db.lanes}
        unknown = spec.lanes - known
        if unknown:
            raise SpecError(f"--lanes: unknown lane(s) {', '.join(sorted(unknown))} "
                            f"(this database has: {', '.join(lane.id for lane in db.lanes)})")
        hidden = frozenset(known - spec.lanes)
    selected = resolve_record(rel, spec.select) if spec.select else None
    time_range = None
    if spec.start is not None or spec.end is not None:
        first, last = _range(db, spec)
        time_range = (date_to_x(first), date_to_x(last + dt.timedelta(days=1)))
    return ViewState(selected=selected, search=spec.search, hidden_lanes=hidden,
                     time_range=time_range, lang=spec.lang, theme=spec.theme,
                     stated_only=spec.stated_only)


def build_scene(db: LoadedDatabase, request: ViewSpec | ViewState,
                options: RenderOptions | None = None, *, title: str | None = None) -> Scene:
    """The export's widgets for a ViewState (the window's) or a ViewSpec (a command line's).

    Texts come from the installed translator: callers install the state's language first
    (export_view and write_report do, with i18n.app_language)."""
    if isinstance(request, ViewSpec):
        options = options or options_of(request)
        state = state_from_spec(db, Relations(db.dataset), request)
    else:
        state, options = request, options or RenderOptions()
    return _build(db, state, options, title)


def _build(db: LoadedDatabase, state: ViewState, options: RenderOptions,
           title: str | None) -> Scene:
    app = headless_app()
    app.setStyle(QStyleFactory.create("Fusion"))
    palette = palette_for(state.theme)
    font = for_language(export_font(), state.lang)  # Latin punctuation widths in English
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen" and not _has_windows(app):
        # Headless: pyqtgraph's axes and other children take the application font, so it
        # must be the bundled one too for the picture not to depend on the machine's fonts.
        app.setFont(font)
    lang = state.lang
    # The records the window would hold for this state: the lists' and those around the
    # selection (never the whole dataset: a million events would take seconds).
    records = db.records_for_view(state.selected)
    rel = Relations(stated_only(records) if state.stated_only else records)
    matches = db.find(state.search) if state.search.strip() else []
    notes = options.notes
    if notes is not None and state.search.strip():  # as the window: events found by notes
        matches = list(dict.fromkeys([*matches, *(n.record for n in notes
                                                  if db.index.index_of(n.record) is not None
                                                  and note_found_by(n, state.search))]))

    timeline = TimelineWidget(overview=False)
    timeline.setPalette(palette)
    timeline.setFont(font)
    timeline.set_data(db.index, {lane.id: lane_label(lane, lang) for lane in db.lanes})
    timeline.set_axis_formatter(axis_formatter(lang))
    timeline.set_markers(db.period, today=False)  # "today" would make exports unreproducible
    timeline.show_state(state, emphasis_for(state, rel, matches))
    if notes is not None:
        add_note_marks(timeline).set_records({n.record for n in notes})

    selected = state.selected if state.selected is not None and rel.exists(state.selected) \
        else None
    details_html: str | None = None
    if options.details:
        if selected is None:
            raise SpecError("--details needs --select (the record whose panel to show)")
        details_html = RecordPage(rel, lang, _translate_page,
                                  translate_dates=translate_dates).render(selected)
        if notes is not None:  # as the window's panel shows them, under the record
            details_html += notes_html([n for n in notes if n.record == selected.id],
                                       QCoreApplication.translate("WorkspaceController",
                                                                  "Notes"))

    x0, x1 = state.time_range or default_range(db.index, db.period)
    start, end = x_to_date(x0), x_to_date(x1 - 1)
    page = RecordPage(rel, lang, _translate_page)
    name = page.plain_label(selected) if selected is not None else None
    caption = Caption(title or default_title(), db.label, start, end, options.caption_date,
                      lang, extra=caption_extra(name, state.search))
    lane_entries = [(lane_label(lane, lang), db.index.lane_ids.index(lane.id))
                    for lane in db.lanes
                    if lane.id not in state.hidden_lanes and lane.id in db.index.lane_ids]
    view = ExportView(timeline, caption, legend_entries(lane_entries, notes=notes is not None),
                      details_html)
    view.setPalette(palette)
    view.setFont(font)
    view.resize(options.width, view.height_for(options.width, options.height))
    timeline.set_view_range(x0, x1)
    return Scene(view, timeline, selected, state)


def _has_windows(app: QApplication) -> bool:
    return any(w.isVisible() and not w.testAttribute(_DONT_SHOW) for w in app.topLevelWidgets())


def _range(db: LoadedDatabase, spec: ViewSpec) -> tuple[dt.date, dt.date]:
    """--from / --to, an open end taken from the default frame."""
    x0, x1 = default_range(db.index, db.period)
    return spec.start or x_to_date(x0), spec.end or x_to_date(x1 - 1)


def _translate_page(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)
