"""Colour arithmetic for accessibility checks: WCAG contrast and colour-vision simulation.

* `contrast_ratio`: WCAG 2.x (relative luminance of sRGB colours); AA asks 4.5:1 for text and
  3:1 for the marks one needs to read a chart (success criteria 1.4.3 and 1.4.11).
* `simulate`: how a colour looks with protanopia, deuteranopia or tritanopia, with the
  full-severity matrices of Machado, Oliveira & Fernandes (2009), "A physiologically-based
  model for simulation of color vision deficiency", applied in linear RGB.
* `delta_e`: CIE76 distance in CIELAB (D65): about 2 is a just-noticeable difference, above
  about 10 two swatches read as different colours at a glance.

Qt-free (numpy only), so the palettes can be checked by tests and tools alike.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Colour = str  # "#rrggbb"

MACHADO_2009: dict[str, tuple[tuple[float, float, float], ...]] = {
    "protanopia": ((0.152286, 1.052583, -0.204868),
                   (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968),
                     (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779),
                   (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
DEFICIENCIES = tuple(MACHADO_2009)

_RGB_TO_XYZ = np.array([[0.4124, 0.3576, 0.1805],
                        [0.2126, 0.7152, 0.0722],
                        [0.0193, 0.1192, 0.9505]])
_D65 = np.array([0.95047, 1.0, 1.08883])

FloatArray = npt.NDArray[np.float64]


def rgb(colour: Colour) -> tuple[int, int, int]:
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def linear(colour: Colour) -> FloatArray:
    c = np.array(rgb(colour), dtype=np.float64) / 255
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def relative_luminance(colour: Colour) -> float:
    r, g, b = linear(colour)
    return float(0.2126 * r + 0.7152 * g + 0.0722 * b)


def contrast_ratio(a: Colour, b: Colour) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def blend(front: Colour, alpha: int, back: Colour) -> Colour:
    """`front` drawn with `alpha` (0–255) over `back`, as the screen shows it."""
    f, b = np.array(rgb(front), float), np.array(rgb(back), float)
    mixed = np.round(f * alpha / 255 + b * (1 - alpha / 255)).astype(int)
    return "#" + "".join(f"{int(v):02x}" for v in mixed)


def _lab(lin: FloatArray) -> FloatArray:
    xyz = (_RGB_TO_XYZ @ lin) / _D65
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def simulate(colour: Colour, deficiency: str | None) -> FloatArray:
    """The colour (linear RGB, 0–1) as seen with `deficiency` (None: as it is)."""
    lin = linear(colour)
    if deficiency is None:
        return lin
    return np.clip(np.array(MACHADO_2009[deficiency]) @ lin, 0.0, 1.0)


def delta_e(a: Colour, b: Colour, deficiency: str | None = None) -> float:
    """How different `a` and `b` look (CIE76), with `deficiency` simulated on both."""
    return float(np.linalg.norm(_lab(simulate(a, deficiency)) - _lab(simulate(b, deficiency))))
