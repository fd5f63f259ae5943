"""Lane colours and the timeline's theme colours, for light and dark palettes.

Lanes use the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies).
Text is never drawn in a lane colour: labels use the palette's text colour, or black/white by
luminance when they sit on a bar, so every lane stays readable on light and dark backgrounds.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from wsis_viewer.domain.contrast import contrast_ratio

# Okabe & Ito (2008), without black (invisible on dark backgrounds), plus a neutral grey.
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#999999",  # grey
)


def lane_colour(i: int) -> QColor:
    return QColor(OKABE_ITO[i % len(OKABE_ITO)])


MARK_CONTRAST = 3.0  # WCAG 1.4.11: a mark one needs to read the chart, against its background


@functools.lru_cache(maxsize=256)
def _stands_out(fill: str, background: str) -> bool:
    return contrast_ratio(fill, background) >= MARK_CONTRAST


@functools.lru_cache(maxsize=256)
def _edge(fill: str, background: str, darker: int) -> str:
    base = QColor(fill).darker(darker)
    # A light lane colour on a light background (yellow, orange, sky blue on white): its edge
    # carries the 3:1, darkened (or, on a dark background, lightened) until it does.
    dark_background = QColor(background).lightness() < 128
    edge = base
    for _ in range(12):
        if contrast_ratio(edge.name(), background) >= MARK_CONTRAST:
            break
        edge = edge.lighter(115) if dark_background else edge.darker(115)
    return edge.name()


def edge_colour(fill: QColor, background: QColor, darker: int = 135) -> QColor:
    """The outline of a bar or diamond of colour `fill`: at least 3:1 against `background`."""
    if _stands_out(fill.name(), background.name()):
        return fill.darker(darker)  # the fill stands out: the usual, slightly darker edge
    return QColor(_edge(fill.name(), background.name(), darker))


def text_colour_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on `background` (relative luminance)."""
    r, g, b = (c / 255 for c in (background.red(), background.green(), background.blue()))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return QColor("#000000") if luminance > 0.45 else QColor("#ffffff")


def with_alpha(colour: QColor, alpha: int) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    return c


@dataclass(frozen=True)
class Theme:
    background: QColor
    band: QColor          # every other lane
    separator: QColor
    text: QColor
    muted_text: QColor
    selection: QColor
    hover: QColor
    dimmed: QColor        # items that do not match a search
    period: QColor        # PP-10 .. PP-14 band
    today: QColor
    connector: QColor
    dark: bool
    focus: QColor  # the keyboard focus ring: the palette's Highlight

    @classmethod
    def from_palette(cls, palette: QPalette) -> Theme:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dark = base.lightness() < 128
        band = base.lighter(135) if dark else base.darker(104)
        if dark and base.lightness() < 20:
            band = QColor(38, 38, 42)
        return cls(
            background=base,
            band=band,
            separator=with_alpha(text, 45),
            text=text,
            muted_text=with_alpha(text, 150),
            selection=QColor("#ffffff") if dark else QColor("#000000"),
            hover=with_alpha(text, 160),
            dimmed=QColor(110, 110, 110, 70) if dark else QColor(150, 150, 150, 70),
            period=QColor(120, 160, 255, 28) if dark else QColor(0, 90, 200, 18),
            today=QColor("#D55E00"),
            connector=QColor("#f5f5f5") if dark else QColor("#202020"),
            dark=dark,
            focus=palette.color(QPalette.ColorRole.Highlight),
        )
