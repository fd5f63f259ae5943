"""Calendar ticks for the time axis and localisable date texts.

Ticks fall on real calendar boundaries (1 January, the first of a month, given days), never on
multiples of seconds, and the tick step is chosen so the widest label of that step fits between
two ticks: month and day labels can never run together.

Texts come from a `DateFormatter`: a callable (date, style) -> str, built on the one Qt-free
date formatter of both languages (domain.dates.date_text); `axis_formatter(lang)` picks the one
for a data language. The words around dates ("(year)") are translated strings of the "Dates"
context.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol

from PySide6.QtCore import QCoreApplication

from wsis_viewer.domain.dates import date_text
from wsis_viewer.domain.timeline_index import DAY, date_to_x, x_to_date
from wsis_viewer.domain.translation import QT_TRANSLATE_NOOP

Style = Literal["year", "month", "month_year", "day", "day_month", "day_month_year",
                "approx_year", "approx_month"]


class DateFormatter(Protocol):
    def __call__(self, day: dt.date, style: Style, /) -> str: ...


# A date known only to its year or month, on the timeline's labels; %1 is the date.
APPROX_YEAR = QT_TRANSLATE_NOOP("Dates", "%1 (year)")
APPROX_MONTH = QT_TRANSLATE_NOOP("Dates", "%1 (month)")


def translate_dates(text: str) -> str:
    """Qt's translation in the "Dates" context (what domain.dates.format_span asks for)."""
    return QCoreApplication.translate("Dates", text)


def _approx(source: str, date_text: str) -> str:
    return translate_dates(source).replace("%1", date_text)


def formatter_for(lang: str) -> DateFormatter:
    """Date texts of the timeline in data language `lang`, from the one Qt-free formatter
    (domain.dates.date_text); only the precision notes ("(year)") are translated here."""

    def fmt(day: dt.date, style: Style, /) -> str:
        if style == "approx_year":
            return _approx(APPROX_YEAR, date_text(day, "year", lang, short_months=True))
        if style == "approx_month":
            return _approx(APPROX_MONTH, date_text(day, "month_year", lang, short_months=True))
        return date_text(day, style, lang, short_months=True)

    return fmt


# English: '2013', 'May', 'May 2013', '30', '30 May', '30 May 2013', '2013 (year)' …
english_formatter: DateFormatter = formatter_for("en")


def axis_formatter(lang: str) -> DateFormatter:
    """The timeline's date texts for data language `lang`: 30 May 2013 or 2013年5月30日."""
    return formatter_for("zh" if lang == "zh" else "en")


@dataclass(frozen=True)
class Step:
    unit: Literal["year", "month", "day"]
    count: int
    nominal: float  # approximate seconds between ticks, to discard hopeless steps quickly


STEPS: tuple[Step, ...] = (
    Step("day", 1, DAY), Step("day", 2, 2 * DAY), Step("day", 7, 7 * DAY),
    Step("day", 14, 14 * DAY),
    Step("month", 1, 30.4 * DAY), Step("month", 3, 91 * DAY), Step("month", 6, 182 * DAY),
    Step("year", 1, 365.25 * DAY), Step("year", 2, 730.5 * DAY), Step("year", 5, 1826 * DAY),
    Step("year", 10, 3652 * DAY), Step("year", 20, 7305 * DAY), Step("year", 50, 18262 * DAY),
)


def tick_dates(step: Step, x0: float, x1: float) -> list[dt.date]:
    """Calendar dates of `step` ticks in [x0, x1]."""
    first, last = x_to_date(max(x0, -2e11)), x_to_date(min(x1, 2e11))
    out: list[dt.date] = []
    if step.unit == "year":
        y = first.year - first.year % step.count
        while y <= last.year:
            d = dt.date(max(y, 1), 1, 1)
            if first <= d <= last:
                out.append(d)
            y += step.count
    elif step.unit == "month":
        m = (first.year * 12 + first.month - 1)
        m -= m % step.count
        while True:
            d = dt.date(m // 12, m % 12 + 1, 1)
            if d > last:
                break
            if d >= first:
                out.append(d)
            m += step.count
    else:
        # Day steps restart on the first of each month (1, 8, 15, 22 for weekly), so labels
        # stay on memorable days instead of drifting.
        d = dt.date(first.year, first.month, 1)
        while d <= last:
            nxt = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
            day = d
            while day < nxt and day <= last:
                # Drop a last tick that would crowd the next month's first.
                if day >= first and (step.count == 1
                                     or (nxt - day).days >= max(2, step.count // 2 + 1)):
                    out.append(day)
                day += dt.timedelta(days=step.count if step.count > 1 else 1)
            d = nxt
    return out


def tick_label(step: Step, day: dt.date, fmt: DateFormatter) -> str:
    if step.unit == "year":
        return fmt(day, "year")
    if step.unit == "month":
        return fmt(day, "month_year") if day.month == 1 else fmt(day, "month")
    return fmt(day, "day_month") if day.day == 1 else fmt(day, "day")


def context_label(step: Step, x0: float, x1: float, fmt: DateFormatter) -> str:
    """What the tick labels leave out: the year(s) at month level, month and year at day level."""
    a, b = x_to_date(x0), x_to_date(x1 - 1)
    if step.unit == "year":
        return ""
    if step.unit == "month":
        return fmt(a, "year") if a.year == b.year else f"{fmt(a, 'year')} – {fmt(b, 'year')}"
    if (a.year, a.month) == (b.year, b.month):
        return fmt(a, "month_year")
    # Day ticks name the month on each first of the month; the year is what is missing.
    if a.year == b.year:
        return fmt(a, "year")
    return f"{fmt(a, 'year')} – {fmt(b, 'year')}"


@dataclass(frozen=True)
class TickPlan:
    step: Step
    labelled: list[tuple[float, str]]
    minor: list[float]


def plan_ticks(x0: float, x1: float, width_px: float, measure: Callable[[str], float],
               fmt: DateFormatter, gap_px: float = 14.0) -> TickPlan:
    """The finest step whose labels fit without touching, plus unlabelled minor ticks."""
    if x1 <= x0 or width_px <= 0:
        return TickPlan(STEPS[-1], [], [])
    px_per_s = width_px / (x1 - x0)
    chosen = STEPS[-1]
    labelled: list[tuple[float, str]] = []
    for step in STEPS:
        if step.nominal * px_per_s < 24:  # not even a short number fits: skip without work
            continue
        dates = tick_dates(step, x0, x1)
        texts = [tick_label(step, d, fmt) for d in dates]
        xs = [date_to_x(d) for d in dates]
        widest = max((measure(t) for t in texts), default=0.0)
        spacings = [b - a for a, b in itertools.pairwise(xs)]
        tightest = min(spacings, default=step.nominal) * px_per_s
        if widest + gap_px <= tightest:
            chosen, labelled = step, list(zip(xs, texts, strict=True))
            break
    minor: list[float] = []
    finer = [s for s in STEPS if s.nominal < chosen.nominal and s.nominal * px_per_s >= 6]
    if finer:
        major = {x for x, _ in labelled}
        minor = [x for d in tick_dates(finer[-1], x0, x1) if (x := date_to_x(d)) not in major]
    return TickPlan(chosen, labelled, minor)
