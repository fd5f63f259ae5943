"""What the user is looking at, as one immutable value, and the rules that derive the picture.

The window, its File ▸ Export / Copy Image / Print, the headless `wsis-viewer screenshot` and the
PDF report all draw from a `ViewState`: the same state gives the same picture everywhere, and
the rule for "what stands out" exists once (`emphasis_for`), not once per caller. Back/Forward
history stores ViewStates. Qt-free: the timeline widget receives only what these functions
return (a shown mask, the emphasised ids, the connectors).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from wsis_viewer.domain.model import RecordType
from wsis_viewer.domain.relations import RecordRef, Relations
from wsis_viewer.domain.timeline_index import DAY, TimelineIndex, date_to_x

THEMES = ("light", "dark", "high-contrast")  # the fixed palettes exports draw with
LANGUAGES = ("en", "zh")


@dataclass(frozen=True, slots=True)
class ViewState:
    """Everything that decides what the timeline and the panel show.

    `time_range` is in timeline x units (UTC seconds, see timeline_index) so a picture of the
    window reproduces its range to the pixel; None means "the default frame" (`default_range`).
    `hidden_lanes` rather than visible ones: a lane new to a database shows by default.
    """

    selected: RecordRef | None = None
    search: str = ""
    hidden_lanes: frozenset[str] = field(default_factory=frozenset)
    years: tuple[int, int] | None = None  # inclusive; None: every year
    time_range: tuple[float, float] | None = None
    lang: str = "en"  # the language of the data shown (titles, dates, labels)
    theme: str = "light"
    stated_only: bool = False  # hide links and statuses that are our inference

    def with_changes(self, **changes: object) -> ViewState:
        return replace(self, **changes)  # type: ignore[arg-type]

    def same_place(self, other: ViewState) -> bool:
        """True when only the time range differs (history keeps one entry for both)."""
        return replace(self, time_range=None) == replace(other, time_range=None)


@dataclass(frozen=True, slots=True)
class Connector:
    """One arrow of a chain as the timeline draws it.

    `target_day` is the first day of the sitting the step leads to: Council 2014 sat in May and
    again in October, and a step from an October meeting points at the October sitting.
    """

    source: str
    target: str
    label: str
    target_day: dt.date | None = None
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class Emphasis:
    """What stands out: `highlight` None dims nothing; else everything else is dimmed."""

    highlight: frozenset[str] | None = None
    connectors: tuple[Connector, ...] = ()


@dataclass(frozen=True, slots=True)
class Period:
    """A shaded stretch of the timeline with a label at each edge (PP-10 … PP-14)."""

    start: dt.date
    end: dt.date
    labels: tuple[str, str]


# --- the rules --------------------------------------------------------------------------------


def year_dates(years: tuple[int, int] | None) -> tuple[dt.date | None, dt.date | None]:
    """The Years filter as inclusive first and last days (None: open)."""
    if years is None:
        return None, None
    first, last = sorted(years)
    return dt.date(max(first, 1), 1, 1), dt.date(min(last, 9999), 12, 31)


def visible_lane_indices(index: TimelineIndex, state: ViewState) -> list[int]:
    return [k for k, lane in enumerate(index.lane_ids) if lane not in state.hidden_lanes]


def shown_mask(index: TimelineIndex, state: ViewState) -> npt.NDArray[np.bool_]:
    """Events the lane and year filters leave visible: what the timeline draws."""
    start, end = year_dates(state.years)
    return index.lane_mask(visible_lane_indices(index, state)) & index.date_mask(
        None if start is None else date_to_x(start),
        None if end is None else date_to_x(end) + DAY)


def connectors_for(relations: Relations, ref: RecordRef, lang: str, *,
                   stated_only: bool = False) -> tuple[Connector, ...]:
    """The arrows of `ref`'s chain (inferred ones left out with `stated_only`; callers that
    hold stated-only Relations have none to leave out)."""
    chain = relations.chain_for(ref)
    return tuple(Connector(e.source, e.target, e.label(lang), e.target_day, e.inferred)
                 for e in chain.edges if not (stated_only and e.inferred))


def emphasis_for(state: ViewState, relations: Relations,
                 matches: Iterable[str] = ()) -> Emphasis:
    """The one rule for what stands out (the timeline dims the rest):

    - a selected resolution, recommendation, document (any record that is not an event): its
      chain, or the events it belongs to when it has no chain — that selection is the question;
    - otherwise an active search with matching events: those events (a search that matches no
      event dims nothing: the results list says "no matches", the timeline is not emptied);
    - otherwise a selected event: the links of its documents to other events.
    """
    ref = state.selected
    if ref is not None and not relations.exists(ref):
        ref = None
    if ref is not None and ref.type is not RecordType.EVENT:
        connectors = connectors_for(relations, ref, state.lang, stated_only=state.stated_only)
        if connectors:
            return Emphasis(_ends(connectors), connectors)
        events = frozenset(relations.events_of(ref))
        return Emphasis(events or None, ())
    hits = frozenset(matches) if state.search.strip() else frozenset()
    if hits:
        return Emphasis(hits, ())
    if ref is not None:
        connectors = connectors_for(relations, ref, state.lang, stated_only=state.stated_only)
        return Emphasis(_ends(connectors) if connectors else None, connectors)
    return Emphasis()


def _ends(connectors: Sequence[Connector]) -> frozenset[str]:
    return frozenset(x for c in connectors for x in (c.source, c.target))


# --- framing ----------------------------------------------------------------------------------

CONTEXT_SHARE = 0.08  # of the framed span, added on each side
MIN_MARGIN_DAYS = 30


def padded(x0: float, x1: float, share: float = CONTEXT_SHARE,
           min_days: float = MIN_MARGIN_DAYS) -> tuple[float, float]:
    margin = max((x1 - x0) * share, min_days * DAY)
    return x0 - margin, x1 + margin


def default_range(index: TimelineIndex, period: Period | None) -> tuple[float, float]:
    """The first view of a database: its reporting period with some context around it, or
    everything when the data names no period (or has nothing inside it)."""
    if period is not None:
        a, b = date_to_x(period.start), date_to_x(period.end) + DAY
        if len(index.events_in_range(a, b)):
            return padded(a, b)
    return fit_range(index, None)


def fit_range(index: TimelineIndex, shown: npt.NDArray[np.bool_] | None,
              years: tuple[int, int] | None = None) -> tuple[float, float]:
    """Fit All: the extent of what the filters show (everything when `shown` is None), no
    wider than the chosen years (a consultation spanning 2011–2012 does not widen "2012")."""
    if not len(index):
        today = date_to_x(dt.date(2014, 1, 1))
        return today - 365 * DAY, today + 365 * DAY
    if shown is None or not shown.any():
        a, b = index.extent()
    else:
        a, b = float(index.start[shown].min()), float(index.end[shown].max())
    a, b = padded(a, b, share=0.03)
    if years is not None:
        y0, y1 = years_range(years)
        a, b = max(a, y0), min(b, y1)
        if b <= a:
            return y0, y1
    return a, b


def years_range(years: tuple[int, int]) -> tuple[float, float]:
    """The view the Years filter moves to: the chosen years, a little context either side."""
    first, last = year_dates(years)
    assert first is not None and last is not None
    return padded(date_to_x(first), date_to_x(last) + DAY, share=0.02, min_days=10)


def reporting_period(conferences: Iterable[tuple[dt.date, dt.date]]) -> Period | None:
    """The period a report to a Plenipotentiary Conference covers: from the opening of the
    previous conference to the close of the one it is written for (the report's "since PP-10").

    `conferences` are the (start, end) of the plenipotentiary conferences in the data; the
    labels follow ITU's usual short names (PP-10, PP-14).
    """
    spans = sorted(conferences)
    if len(spans) < 2:
        return None
    (a, _), (_, b) = spans[-2], spans[-1]
    return Period(a, b, (f"PP-{a.year % 100:02d}", f"PP-{spans[-1][0].year % 100:02d}"))
