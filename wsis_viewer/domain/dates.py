"""Dates as people read them, honest about precision, in English or Chinese.

A year-precision event prints as "2013 (year only)", never as "1 January – 31 December 2013".

The date patterns are locale data, kept here (Qt-free) for both languages: 30 May 2013,
2013年5月30日. The precision notes around them are words, so the UI passes Qt's translator
(`translate`, context "Dates") and they come from the .ts catalogues; without it (Qt-free
callers, tests) the built-in English/Chinese notes are used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Literal

from wsis_viewer.domain.model import Precision
from wsis_viewer.domain.translation import QT_TRANSLATE_NOOP

# %1 is the date text (2013, 2013–2014年, May 2013 …).
YEAR_ONLY = QT_TRANSLATE_NOOP("Dates", "%1 (year only)")
MONTH_ONLY = QT_TRANSLATE_NOOP("Dates", "%1 (month only)")
_BUILT_IN_ZH = {YEAR_ONLY: "%1（仅知年份）", MONTH_ONLY: "%1（仅知月份）"}

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


MONTHS_EN_SHORT = tuple(m[:3] for m in MONTHS_EN)

# The parts of a date a text shows: the axis asks for pieces ("May", "30 May"), panels and
# captions for whole dates.
DateStyle = Literal["year", "month", "month_year", "day", "day_month", "day_month_year"]


def date_text(day: dt.date, style: DateStyle, lang: str = "en", *,
              short_months: bool = False) -> str:
    """The one formatter of dates for both languages: 2013年5月30日 / 30 May 2013 (the axis
    uses `short_months`: 30 May, Jan 2013)."""
    if lang == "zh":
        return {"year": f"{day.year}年", "month": f"{day.month}月",
                "month_year": f"{day.year}年{day.month}月", "day": f"{day.day}日",
                "day_month": f"{day.month}月{day.day}日",
                "day_month_year": f"{day.year}年{day.month}月{day.day}日"}[style]
    mon = (MONTHS_EN_SHORT if short_months else MONTHS_EN)[day.month - 1]
    return {"year": str(day.year), "month": mon, "month_year": f"{mon} {day.year}",
            "day": str(day.day), "day_month": f"{day.day} {mon}",
            "day_month_year": f"{day.day} {mon} {day.year}"}[style]


def format_date(day: dt.date, precision: Precision = Precision.DAY, lang: str = "en") -> str:
    style: DateStyle = ("year" if precision is Precision.YEAR
                        else "month_year" if precision is Precision.MONTH else "day_month_year")
    return date_text(day, style, lang)


def format_span(start: dt.date, end: dt.date, precision: Precision = Precision.DAY,
                lang: str = "en", translate: Callable[[str], str] | None = None) -> str:
    """'30–31 May 2013', '30 May – 10 June 2013', '2013–2014 (years only)' …

    `translate` (the UI's, context "Dates") gives the precision notes; without it they are
    the built-in ones of `lang`.
    """
    zh = lang == "zh"

    def note(source: str, text: str) -> str:
        pattern = translate(source) if translate else _BUILT_IN_ZH[source] if zh else source
        return pattern.replace("%1", text)

    if precision is Precision.YEAR:
        years = str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
        return note(YEAR_ONLY, f"{years}年" if zh else years)
    if precision is Precision.MONTH:
        if (start.year, start.month) == (end.year, end.month):
            text = format_date(start, precision, lang)
        else:
            text = f"{format_date(start, precision, lang)} – {format_date(end, precision, lang)}"
        return note(MONTH_ONLY, text)
    if start == end:
        return format_date(start, precision, lang)
    if zh:
        if start.year != end.year:
            return f"{format_date(start, precision, lang)} – {format_date(end, precision, lang)}"
        if start.month != end.month:
            return f"{start.year}年{start.month}月{start.day}日 – {end.month}月{end.day}日"
        return f"{start.year}年{start.month}月{start.day}–{end.day}日"
    if start.year != end.year:
        return f"{format_date(start, precision, lang)} – {format_date(end, precision, lang)}"
    if start.month != end.month:
        return (f"{start.day} {MONTHS_EN[start.month - 1]} – "
                f"{end.day} {MONTHS_EN[end.month - 1]} {end.year}")
    return f"{start.day}–{end.day} {MONTHS_EN[start.month - 1]} {start.year}"
