"""Who chaired an event, and the dates of a meeting held in several sittings (Qt-free)."""

from __future__ import annotations

from wsis_viewer.domain.dates import MONTHS_EN, format_span
from wsis_viewer.domain.model import Event, Person, Precision, Role

# The body a role names ↔ the lane of the events that body held.
_BODY_LANES = {"CWG-WSIS": "cwg-wsis"}


def chairs_of(event: Event, people: tuple[Person, ...] | list[Person]) -> list[tuple[Person, Role]]:
    """People whose role was Chair of the body that held `event`, in the event's year.

    An inference from the role and its period (the report names the Group's Chair, not the
    chair of each meeting): the panel says so.
    """
    out = []
    lane = event.lane
    for person in people:
        for role in person.roles:
            if role.role != "Chair" or _BODY_LANES.get(role.body) != lane:
                continue
            first = role.start_year or event.start.year
            last = role.end_year or first
            if first <= event.start.year <= last:
                out.append((person, role))
    return out


def format_sittings(event: Event, lang: str = "en") -> str:
    """"1 and 4 February 2013" for a meeting of separate sittings; its span otherwise.

    A span "1–4 February 2013" would read as four days of meetings.
    """
    sittings = event.sessions
    if event.precision is not Precision.DAY or len(sittings) < 2:
        return format_span(event.start, event.end, event.precision, lang)
    one_month = len({(s.start.year, s.start.month, s.end.year, s.end.month)
                     for s in sittings}) == 1
    if one_month:
        first = sittings[0].start
        days = [f"{s.start.day}" if s.start == s.end else f"{s.start.day}–{s.end.day}"
                for s in sittings]
        if lang == "zh":
            return f"{first.year}年{first.month}月" + "和".join(f"{d}日" for d in days)
        return f"{_join(days, lang)} {MONTHS_EN[first.month - 1]} {first.year}"
    parts = [format_span(s.start, s.end, Precision.DAY, lang) for s in sittings]
    return _join(parts, lang)


def _join(parts: list[str], lang: str) -> str:
    if lang == "zh":
        return "和".join(parts)
    if len(parts) == 2:
        return f"{parts[0]} and {parts[1]}"
    return ", ".join(parts[:-1]) + f" and {parts[-1]}"
