"""Dates as people read them, honest about precision, in English or Chinese.

A year-precision event prints as "2013 (year only)", never as "1 January – 31 December 2013".
"""

from __future__ import annotations

import datetime as dt

from wsis_viewer.domain.model import Precision

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def format_date(day: dt.date, precision: Precision = Precision.DAY, lang: str = "en") -> str:
    if lang == "zh":
        if precision is Precision.YEAR:
            return f"{day.year}年"
        if precision is Precision.MONTH:
            return f"{day.year}年{day.month}月"
        return f"{day.year}年{day.month}月{day.day}日"
    if precision is Precision.YEAR:
        return str(day.year)
    if precision is Precision.MONTH:
        return f"{MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


def format_span(start: dt.date, end: dt.date, precision: Precision = Precision.DAY,
                lang: str = "en") -> str:
    """'30–31 May 2013', '30 May – 10 June 2013', '2013–2014 (years only)' …"""
    zh = lang == "zh"
    if precision is Precision.YEAR:
        years = str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
        return f"{years}年（仅知年份）" if zh else f"{years} (year only)"
    if precision is Precision.MONTH:
        if (start.year, start.month) == (end.year, end.month):
            text = format_date(start, precision, lang)
        else:
            text = f"{format_date(start, precision, lang)} – {format_date(end, precision, lang)}"
        return f"{text}（仅知月份）" if zh else f"{text} (month only)"
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
