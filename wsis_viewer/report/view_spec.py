"""What a picture of the timeline is asked to show, as plain data (Qt-free).

A `ViewSpec` is what `wsis-viewer screenshot` (and the report's figures) ask for in the words of
the command line: dates, lane ids, a record id or number. The scene turns it into a `ViewState`
(domain.view_state) against the opened database, the same value the window holds, so the window's
File ▸ Export and the command line draw through one path. `RenderOptions` are the picture's own
settings (size, scale, the detail panel beside it, the caption's date, the notes or none).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from wsis_viewer.domain.date_range import describe as describe_range
from wsis_viewer.domain.date_range import in_range
from wsis_viewer.domain.notes import Note

FORMATS = ("png", "svg", "pdf")
# The largest picture drawn (width × height × scale²): at 4 bytes a pixel, 256 MB of memory;
# far above 3200×1800 at scale 2 (23 MP).
MAX_PIXELS = 64_000_000


class SpecError(ValueError):
    """A bad option value; the message names the option."""


@dataclass(frozen=True, slots=True)
class ViewSpec:
    start: dt.date | None = None  # None: fit the whole dataset
    end: dt.date | None = None
    lanes: frozenset[str] | None = None  # None: every lane
    select: str | None = None  # any record id (event, resolution, recommendation, symbol …)
    search: str = ""
    details: bool = False
    lang: str = "en"
    theme: str = "light"
    stated_only: bool = False
    width: int = 1600
    height: int = 900
    scale: float = 1.0
    caption_date: dt.date = field(default_factory=dt.date.today)


@dataclass(frozen=True, slots=True)
class RenderOptions:
    width: int = 1600
    height: int = 900
    scale: float = 1.0
    details: bool = False  # the selected record's panel beside the timeline
    caption_date: dt.date = field(default_factory=dt.date.today)
    # "Include notes" (File ▸ Export's choice, `screenshot --notes`, like `report --notes`):
    # None leaves every trace of notes out; otherwise these notes are drawn — a mark on each
    # event that has one, the selected record's notes in its panel (with details) — and the
    # events whose notes match the search are lit like the window lights them.
    notes: tuple[Note, ...] | None = None


def options_of(spec: ViewSpec) -> RenderOptions:
    return RenderOptions(spec.width, spec.height, spec.scale, spec.details, spec.caption_date)


def parse_date_bound(text: str, *, end: bool, option: str) -> dt.date:
    """'2012', '2012-01' or '2012-01-15': the first day, or with `end` the last day, covered."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", text.strip())
    if not m:
        raise SpecError(f"{option}: {text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(g) if g else None for g in m.groups())
    assert year is not None
    try:
        if month is None:
            value = dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        elif day is None:
            if not end:
                value = dt.date(year, month, 1)
            else:
                nxt = dt.date(year + month // 12, month % 12 + 1, 1)
                value = nxt - dt.timedelta(days=1)
        else:
            value = dt.date(year, month, day)
    except (ValueError, OverflowError) as exc:
        raise SpecError(f"{option}: {text!r} is not a valid date ({exc})") from exc
    if not in_range(value):
        raise SpecError(f"{option}: {text!r} is outside the dates this viewer shows "
                        f"({describe_range()})")
    return value


def parse_size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{2,5})[xX×](\d{2,5})", text.strip())
    if not m:
        raise SpecError(f"--size: {text!r} is not WIDTHxHEIGHT (e.g. 1600x900)")
    width, height = int(m.group(1)), int(m.group(2))
    if not (200 <= width <= 10000 and 150 <= height <= 10000):
        raise SpecError(f"--size: {text!r} is outside 200x150 .. 10000x10000")
    return width, height


def caption_date_from_env() -> dt.date:
    """SOURCE_DATE_EPOCH (the reproducible-builds convention) pins the caption's date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def output_format(path: Path) -> str:
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise SpecError(f"{path}: unknown picture format {path.suffix!r} (use .png, .svg or .pdf)")
    return fmt


def build_spec(*, from_: str | None, to: str | None, lanes: str | None, select: str | None,
               search: str | None, details: bool, lang: str, theme: str, size: str,
               scale: float, stated_only: bool = False) -> ViewSpec:
    start = parse_date_bound(from_, end=False, option="--from") if from_ else None
    end = parse_date_bound(to, end=True, option="--to") if to else None
    if start and end and end < start:
        raise SpecError(f"--to {to} is before --from {from_}")
    if not 0.5 <= scale <= 4:  # NaN fails this too
        raise SpecError(f"--scale: {scale} is outside 0.5 .. 4")
    width, height = parse_size(size)
    pixels = width * height * scale * scale
    if pixels > MAX_PIXELS:
        raise SpecError(
            f"--size {width}x{height} at --scale {scale:g} is {pixels / 1e6:.0f} megapixels; "
            f"the limit is {MAX_PIXELS / 1e6:.0f} (about {MAX_PIXELS * 4 // 2**20} MB of memory)")
    lane_set = frozenset(x.strip() for x in lanes.split(",") if x.strip()) if lanes else None
    return ViewSpec(start=start, end=end, lanes=lane_set, select=select, search=search or "",
                    details=details, lang=lang, theme=theme, stated_only=stated_only,
                    width=width, height=height,
                    scale=scale, caption_date=caption_date_from_env())
