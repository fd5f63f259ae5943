"""The bundled CJK font subset exists, is small, and covers every character we display.

If a coverage test fails after editing resources/data/, regenerate the font:
``python tools/subset_font.py`` (see resources/fonts/README.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wsis_viewer import paths
from wsis_viewer.fontcoverage import missing_glyphs

FONT_NAMES = ["NotoSansSC-WSIS-subset.otf", "NotoSansSC-WSIS-subset-Bold.otf"]
REGULAR = paths.fonts_dir() / FONT_NAMES[0]
MAX_BYTES = 8 * 1024 * 1024

SAMPLES = [
    "理事会信息社会世界峰会工作组",
    "第22次会议",
    "Résolution 1334",
    "“WSIS+10”（2010年，瓜达拉哈拉）、《战略规划》：",
]


def _fonts() -> list[Path]:
    """The Regular face always; the Bold face when it is bundled."""
    bold = paths.fonts_dir() / FONT_NAMES[1]
    return [REGULAR, bold] if bold.is_file() else [REGULAR]


def _describe(missing: set[str]) -> str:
    return ", ".join(f"{c!r} U+{ord(c):04X}" for c in sorted(missing))


def test_font_exists_and_is_small() -> None:
    assert REGULAR.is_file(), f"{REGULAR} missing; run tools/subset_font.py"
    for font in _fonts():
        assert font.stat().st_size < MAX_BYTES, f"{font.name} is larger than 8 MB"


def test_licence_ships_with_font() -> None:
    licence = paths.fonts_dir() / "LICENSE-OFL.txt"
    assert licence.is_file()
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence.read_text(encoding="utf-8")


def test_font_is_renamed_and_declares_simplified_chinese() -> None:
    ttlib = pytest.importorskip("fontTools.ttLib")
    for font_path in _fonts():
        with ttlib.TTFont(str(font_path), lazy=True) as font:
            assert font["name"].getDebugName(1) == "Noto Sans SC WSIS"
            assert "Open Font License" in (font["name"].getDebugName(13) or "")
            # Qt derives the SimplifiedChinese writing system from this OS/2 bit.
            assert 18 in font["OS/2"].getCodePageRanges()


@pytest.mark.parametrize("sample", SAMPLES)
def test_sample_strings_covered(sample: str) -> None:
    for font in _fonts():
        missing = missing_glyphs(font, sample)
        assert not missing, f"{font.name} lacks {_describe(missing)}"


def test_missing_glyphs_reports_uncovered_characters() -> None:
    # Hangul and a private-use bullet are deliberately not in the subset; whitespace and
    # controls are ignored.
    assert missing_glyphs(REGULAR, "会 \t\n\u200b한\uf0b7") == {"한", "\uf0b7"}


def test_data_files_covered() -> None:
    data_dir = paths.data_dir()
    toml_files = sorted(data_dir.rglob("*.toml")) if data_dir.is_dir() else []
    if not toml_files:
        pytest.skip(f"no .toml files under {data_dir} yet")
    problems = []
    for font in _fonts():
        for toml_file in toml_files:
            missing = missing_glyphs(font, toml_file.read_text(encoding="utf-8"))
            if missing:
                rel = toml_file.relative_to(data_dir)
                problems.append(f"{font.name}: {rel}: {_describe(missing)}")
    assert not problems, "regenerate with tools/subset_font.py:\n" + "\n".join(problems)
