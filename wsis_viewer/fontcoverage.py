"""Which characters of a text a font file cannot draw (Qt-free, uses fontTools).

The viewer ships a subset of Noto Sans SC (resources/fonts/, built by
tools/subset_font.py). When the data gains a character outside that subset, Qt silently
falls back to another font -- or, on a machine without CJK fonts, to empty boxes. This
module lets tests and diagnostics find such characters before users do.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

# Characters that never need a glyph of their own: C0/C1 controls and invisible format
# characters (ZWSP, ZWJ, bidi marks, BOM...). Whitespace is handled by str.isspace().
_IGNORED_CATEGORIES = frozenset({"Cc", "Cf"})


@cache
def _mapped_codepoints(font_path: Path, mtime_ns: int, size: int) -> frozenset[int]:
    """Code points in the font's best Unicode cmap (cached per file version)."""
    del mtime_ns, size  # only part of the cache key
    with TTFont(str(font_path), lazy=True, fontNumber=0) as font:
        cmap = font.getBestCmap()
        if cmap is None:
            raise ValueError(f"{font_path}: no Unicode cmap subtable")
        return frozenset(cmap)


def missing_glyphs(font_path: Path, text: str) -> set[str]:
    """Return the characters of ``text`` that ``font_path`` has no glyph for.

    Whitespace and control/format characters are ignored; everything else -- including
    private-use characters, which a shipped font is not expected to cover -- is checked
    against the font's Unicode cmap. For a .ttc/.otc collection the first face is used.
    Raises ``OSError`` if the file cannot be read.
    """
    stat = font_path.stat()
    mapped = _mapped_codepoints(font_path.resolve(), stat.st_mtime_ns, stat.st_size)
    return {
        char
        for char in set(text)
        if not char.isspace()
        and unicodedata.category(char) not in _IGNORED_CATEGORIES
        and ord(char) not in mapped
    }
