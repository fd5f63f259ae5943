"""Contrast and colour-blindness, computed from the palettes the app draws with.

WCAG 2.x AA: 4.5:1 for text, 3:1 for the marks needed to read the timeline (bars, diamonds,
the selection, the focus ring, chain arrows). The high-contrast theme must meet both; the
fixed light and dark palettes must meet the text ratio. Lane colours must stay apart under
the three common colour-vision deficiencies.
"""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtGui import QColor, QPalette

from wsis_viewer import paths
from wsis_viewer.domain.contrast import (
    DEFICIENCIES,
    blend,
    contrast_ratio,
    delta_e,
    relative_luminance,
)
from wsis_viewer.domain.view_state import THEMES
from wsis_viewer.lists.models import INFERRED_COLOUR
from wsis_viewer.report.scene import palette_for
from wsis_viewer.session.loaded_database import LoadedDatabase
from wsis_viewer.timeline.colors import OKABE_ITO, Theme

R = QPalette.ColorRole
TEXT_PAIRS = ((R.Text, R.Base), (R.WindowText, R.Window), (R.ButtonText, R.Button),
              (R.HighlightedText, R.Highlight), (R.Link, R.Base), (R.ToolTipText, R.ToolTipBase),
              (R.PlaceholderText, R.Base))


def hex_of(colour: QColor) -> str:
    return colour.name(QColor.NameFormat.HexRgb)


def test_the_wcag_formula() -> None:
    assert relative_luminance("#000000") == 0 and relative_luminance("#ffffff") == 1
    assert contrast_ratio("#ffffff", "#000000") == pytest.approx(21)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # just fails AA
    assert blend("#ffffff", 128, "#000000") == "#808080"


@pytest.mark.parametrize("theme", THEMES)
def test_text_meets_aa_in_every_fixed_palette(theme: str) -> None:
    palette = palette_for(theme)
    minimum = 7.0 if theme == "high-contrast" else 4.5  # high contrast: AAA
    for front, back in TEXT_PAIRS:
        ratio = contrast_ratio(hex_of(palette.color(front)), hex_of(palette.color(back)))
        assert ratio >= minimum, (theme, front, back, round(ratio, 2))


@pytest.mark.parametrize("theme", ["dark", "high-contrast"])
def test_timeline_marks_meet_three_to_one(theme: str) -> None:
    t = Theme.from_palette(palette_for(theme))
    background = hex_of(t.background)
    marks = {**{f"lane {c}": c for c in OKABE_ITO},
             "selection": hex_of(t.selection), "focus ring": hex_of(t.focus),
             "chain arrow": hex_of(t.connector), "today": hex_of(t.today)}
    for what, colour in marks.items():
        assert contrast_ratio(colour, background) >= 3.0, (theme, what, colour)
    # Text drawn on the timeline: lane names, axis dates (muted: blended over the background).
    assert contrast_ratio(hex_of(t.text), background) >= 4.5
    muted = blend(hex_of(t.muted_text), t.muted_text.alpha(), background)
    assert contrast_ratio(muted, background) >= 4.5, (theme, muted)


def test_high_contrast_inferred_text_is_readable() -> None:
    # Inferred statuses are italic, say "(inferred)" and are coloured: the colour must read.
    assert contrast_ratio(INFERRED_COLOUR, hex_of(palette_for("high-contrast").color(R.Base))) \
        >= 4.5


def test_simulation_really_confuses_red_and_green() -> None:
    # The check below means something only if the simulation removes what it should.
    red, green = "#d62728", "#2ca02c"
    assert delta_e(red, green) > 60
    for deficiency in ("protanopia", "deuteranopia"):
        assert delta_e(red, green, deficiency) < delta_e(red, green) / 2
    blue, yellow = "#1f77b4", "#ffd92f"
    assert delta_e(blue, yellow, "tritanopia") < delta_e(blue, yellow) / 2


@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_lane_colours_stay_apart_for_colour_blind_readers(deficiency: str | None) -> None:
    db = LoadedDatabase.open(paths.bundled_database())
    used = [OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(db.index.lane_ids))]
    assert len(set(used)) == len(used)  # every lane of the bundled data has its own colour
    closest = min(delta_e(a, b, deficiency) for a, b in itertools.combinations(used, 2))
    # Measured: 26 (normal vision), 21 (protanopia), 17 (deuteranopia), 16 (tritanopia).
    assert closest >= 15, (deficiency, round(closest, 1))


@pytest.mark.parametrize("theme", THEMES)
def test_inferred_and_secondary_text_read_in_the_window(theme: str) -> None:
    from wsis_viewer.lists import models
    from wsis_viewer.panels import record_html

    base = hex_of(palette_for(theme).color(R.Base))
    dark = palette_for(theme).color(R.Base).lightness() < 128
    for module in (models, record_html):
        colour = module.INFERRED_ON_DARK if dark else module.INFERRED_ON_LIGHT
        assert contrast_ratio(colour, base) >= 4.5, (theme, module.__name__, colour)
    # The panel's secondary text ("our translation"): 65 % text over the base.
    text = palette_for(theme).color(R.Text)
    b = palette_for(theme).color(R.Base)
    dim = QColor(round(0.65 * text.red() + 0.35 * b.red()),
                 round(0.65 * text.green() + 0.35 * b.green()),
                 round(0.65 * text.blue() + 0.35 * b.blue()))
    assert contrast_ratio(hex_of(dim), base) >= 4.5, theme


@pytest.mark.parametrize("theme", THEMES)
def test_every_bar_has_an_edge_at_three_to_one(theme: str) -> None:
    """Yellow, orange, sky blue and grey are below 3:1 on white: their outline carries it."""
    from wsis_viewer.timeline.colors import edge_colour

    background = Theme.from_palette(palette_for(theme)).background
    for colour in OKABE_ITO:
        fill = QColor(colour)
        edge = edge_colour(fill, background)
        best = max(contrast_ratio(colour, hex_of(background)),
                   contrast_ratio(hex_of(edge), hex_of(background)))
        assert best >= 3.0, (theme, colour, hex_of(edge))
        if contrast_ratio(colour, hex_of(background)) >= 3.0:
            assert edge == fill.darker(135)  # unchanged where the fill already stands out
