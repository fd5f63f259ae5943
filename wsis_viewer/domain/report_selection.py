"""What a printed report contains: the chosen sections, dates and lanes, and the records in them.

Qt-free, so the rules are tested without rendering anything. The PDF writer asks this module
which records to print and which periods deserve a figure of their own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from wsis_viewer.domain.model import (
    Dataset,
    Document,
    Event,
    Recommendation,
    Resolution,
    ResolutionStep,
    Source,
    SourceType,
)

# In the order the report prints them, whatever order `--sections` names them in.
SECTIONS: tuple[str, ...] = ("events", "documents", "recommendations", "resolutions", "sources")

# A year with fewer events than this gets no figure page of its own: it is merged with its
# neighbours (a figure with one bar on seven empty lanes tells the reader nothing).
MIN_FIGURE_EVENTS = 3


class ChoiceError(ValueError):
    """A bad `--sections` / `--lanes` value; the message names the option."""


def parse_sections(text: str | None) -> tuple[str, ...]:
    """'events,documents' -> ('events', 'documents'); None or '' -> every section."""
    if not text or not text.strip():
        return SECTIONS
    wanted = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [w for w in wanted if w not in SECTIONS]
    if unknown:
        raise ChoiceError(f"--sections: unknown section(s) {', '.join(unknown)} "
                          f"(choose from {','.join(SECTIONS)})")
    return tuple(s for s in SECTIONS if s in wanted)


def parse_lanes(text: str | None, known: Iterable[str]) -> frozenset[str] | None:
    """'council,cwg-wsis' -> those lane ids; None or '' -> None (every lane)."""
    if not text or not text.strip():
        return None
    wanted = frozenset(part.strip() for part in text.split(",") if part.strip())
    known_ids = list(known)
    unknown = sorted(wanted - set(known_ids))
    if unknown:
        raise ChoiceError(f"--lanes: unknown lane(s) {', '.join(unknown)} "
                          f"(this database has: {', '.join(known_ids)})")
    return wanted


@dataclass(frozen=True, slots=True)
class ReportChoice:
    start: dt.date
    end: dt.date
    sections: tuple[str, ...] = SECTIONS
    lanes: frozenset[str] | None = None  # None: every lane

    def event_chosen(self, e: Event) -> bool:
        return (e.end >= self.start and e.start <= self.end
                and (self.lanes is None or e.lane in self.lanes))


@dataclass(frozen=True, slots=True)
class ResolutionHistory:
    resolution: Resolution
    steps: tuple[ResolutionStep, ...]  # the steps inside the chosen years and lanes


@dataclass(frozen=True, slots=True)
class ReportContent:
    events: tuple[Event, ...]
    documents: tuple[Document, ...]
    recommendations: tuple[Recommendation, ...]
    resolutions: tuple[ResolutionHistory, ...]
    sources: tuple[Source, ...]  # external pages cited by the chosen records, by ref


def select_content(ds: Dataset, choice: ReportChoice) -> ReportContent:
    """The records a report with `choice` prints.

    Events: those overlapping the dates, in the chosen lanes. Documents: those produced or
    considered at a chosen event (a document linked to no event cannot be placed in time and
    is always kept). Recommendations: those made at a chosen event, or at none recorded.
    Resolutions: the steps of their history in the chosen years at chosen events (or at no
    recorded event), and a resolution only when at least one step remains.
    """
    events = tuple(e for e in ds.events if choice.event_chosen(e))
    chosen = {e.id for e in events}
    by_id = {e.id: e for e in ds.events}

    def linked(ids: Iterable[str | None]) -> bool:
        present = [i for i in ids if i]
        return not present or any(i in chosen for i in present)

    documents = tuple(d for d in ds.documents
                      if linked([d.event, *(c.event for c in d.considered_at)]))
    recommendations = tuple(m for m in ds.recommendations if linked([m.event]))

    def step_chosen(st: ResolutionStep) -> bool:
        if not choice.start.year <= st.year <= choice.end.year:
            return False
        if st.event is None or st.event not in by_id:
            return True
        return choice.lanes is None or by_id[st.event].lane in choice.lanes

    histories = []
    for r in ds.resolutions:
        steps = tuple(st for st in r.history if step_chosen(st))
        if steps:
            histories.append(ResolutionHistory(r, steps))

    sources: dict[str, Source] = {}
    for group in (events, documents, recommendations, [h.resolution for h in histories]):
        for rec in group:
            for s in rec.sources:
                if s.type is SourceType.EXTERNAL:
                    sources.setdefault(s.ref, s)
    return ReportContent(events, documents, recommendations, tuple(histories),
                         tuple(sorted(sources.values(), key=lambda s: (s.title or s.ref))))


@dataclass(frozen=True, slots=True)
class FigureSpan:
    """The dates of one figure page and how many chosen events it shows."""

    start: dt.date
    end: dt.date
    events: int


def figure_spans(events: Iterable[Event], start: dt.date, end: dt.date,
                 min_events: int = MIN_FIGURE_EVENTS
                 ) -> tuple[list[FigureSpan], list[tuple[int, int]]]:
    """Year figures for `start`..`end`, and the runs of years (first, last) without events.

    Each year with at least `min_events` events gets its own figure. Consecutive sparser years
    are pooled; a pool that reaches `min_events` becomes a figure ("2016–2018"), a smaller one
    joins the figure before it (or after it, at the start). Years with no event at all get no
    figure: they are returned so the report can say so in one line.
    """
    evs = list(events)

    def count(first: int, last: int) -> int:
        return sum(1 for e in evs if e.start.year <= last and e.end.year >= first)

    # Runs of years: each dense year alone, consecutive sparse or empty years pooled.
    runs: list[list[int]] = []  # [first, last, dense]
    for y in range(start.year, end.year + 1):
        dense = count(y, y) >= min_events
        if runs and not dense and not runs[-1][2]:
            runs[-1][1] = y
        else:
            runs.append([y, y, int(dense)])
    groups: list[list[int]] = []  # [first, last] of each figure
    empty: list[tuple[int, int]] = []
    pending: list[int] | None = None  # a small pool waiting for the next figure
    for first, last, dense_flag in runs:
        dense = bool(dense_flag)
        trailing: list[int] = []
        if not dense:  # trim empty years off both ends of a pool: they get no figure
            while first <= last and count(first, first) == 0:
                _extend(empty, first)
                first += 1
            while last >= first and count(last, last) == 0:
                trailing.insert(0, last)
                last -= 1
            if first > last:
                continue
        n = count(first, last)
        if dense or n >= min_events:
            groups.append([pending[0] if pending else first, last])
            pending = None
        elif groups:
            groups[-1][1] = last
        elif pending is None:
            pending = [first, last]
        else:
            pending[1] = last
        if not dense:
            for y in trailing:
                _extend(empty, y)
    if pending:
        groups.append(pending)
    spans = []
    for first, last in groups:
        a, b = max(start, dt.date(first, 1, 1)), min(end, dt.date(last, 12, 31))
        spans.append(FigureSpan(a, b, count(first, last)))
    return spans, empty


def _extend(runs: list[tuple[int, int]], year: int) -> None:
    """Add `year` to a list of (first, last) runs, joining it to the last run if adjacent."""
    if runs and runs[-1][1] == year - 1:
        runs[-1] = (runs[-1][0], year)
    else:
        runs.append((year, year))
