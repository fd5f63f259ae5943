"""Build the bundled CJK font subset, resources/fonts/NotoSansSC-WSIS-subset.otf.

Why this exists
---------------
The viewer shows Chinese (Simplified) titles and text from the CWG-WSIS documents. Many
machines -- minimal Linux installs, CI containers, some Windows/macOS language setups --
have no CJK font at all, so Qt falls back to empty boxes ("tofu"). We therefore ship our
own font. A full Noto Sans CJK face is ~16 MB per weight and covers Japanese, Korean and
Traditional Chinese glyphs we never show, so this script extracts the Simplified-Chinese
face from the Debian ``fonts-noto-cjk`` collection (SIL Open Font License 1.1) and
subsets it with ``fontTools.subset`` to:

* printable ASCII, Latin-1, General Punctuation, CJK Symbols and Punctuation
  (U+3000-303F) and Halfwidth/Fullwidth Forms (U+FF00-FFEF);
* all of GB2312 -- the 6,763 hanzi of rows 0xB0-0xF7 and the 682 symbols of rows
  0xA1-0xA9 (CJK punctuation, circled numbers, Greek, Cyrillic, kana, bopomofo, box
  drawing) -- enumerated by decoding each two-byte code with Python's ``gb2312`` codec.
  The symbol rows are cheap (~115 KB per weight) and make the font genuinely
  GB2312-complete, which is what the OS/2 "Chinese: Simplified" code-page bit claims;
  fontTools only keeps that bit when bopomofo is present, and Qt derives the font's
  writing systems from it (without it Qt lists the font as Latin-only);
* every character found in the text files under ``resources/data/`` (the TOML data set);
* extra characters from ``tools/extra_font_chars.txt`` and ``--extra-chars``.

The result is a Modified Version under the OFL, so it is renamed ("Noto Sans SC WSIS");
the copyright, licence and licence-URL name records are kept. Noto CJK declares no
Reserved Font Name (see resources/fonts/README.md).

The output is deterministic: the same source font and the same character set give the
same bytes (``head.modified`` is taken from the source font, not from the clock).

Regenerate (needs ``apt-get install fonts-noto-cjk`` and fontTools)::

    python tools/subset_font.py

Re-run it whenever resources/data/ gains characters; tests/test_font_subset.py fails
if the data uses a character the font lacks.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCES = {
    "Regular": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    "Bold": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
}
DEFAULT_DATA_DIR = REPO_ROOT / "resources" / "data"
DEFAULT_EXTRA_FILE = REPO_ROOT / "tools" / "extra_font_chars.txt"
DEFAULT_OUTPUT_DIR = REPO_ROOT / "resources" / "fonts"

NEW_FAMILY = "Noto Sans SC WSIS"
NEW_PS_PREFIX = "NotoSansSCWSIS"
SUBSET_NOTE = "subset for WSIS Timeline Viewer"

# Name records kept from the source: copyright (0), names (1-6), trademark (7),
# manufacturer/designer (8-12), licence description and URL (13, 14), typographic
# family/subfamily (16, 17).
KEEP_NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17]

# OS/2 ulCodePageRange bit for "Chinese: Simplified chars--PRC and Singapore" (cp936).
GB2312_CODEPAGE_BIT = 18

FIXED_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # printable ASCII
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
)


def output_name(style: str) -> str:
    """File name of the subset for ``style`` (Regular has no style suffix)."""
    suffix = "" if style == "Regular" else f"-{style}"
    return f"NotoSansSC-WSIS-subset{suffix}.otf"


def gb2312_chars(first_row: int = 0xA1, last_row: int = 0xF7) -> Iterator[str]:
    """Yield every character GB2312 assigns in rows ``first_row``..``last_row``.

    The defaults give the whole standard; rows 0xB0-0xF7 alone are the hanzi (level 1 and
    level 2). Unassigned cells (rows 0xAA-0xAF, gaps in the symbol rows, the end of row
    0xD7) do not decode and are skipped.
    """
    for row in range(first_row, last_row + 1):
        for col in range(0xA1, 0xFF):
            try:
                yield bytes((row, col)).decode("gb2312")
            except UnicodeDecodeError:
                continue


def is_wanted(char: str) -> bool:
    """True for characters worth a glyph: not whitespace, controls or private use."""
    return not char.isspace() and unicodedata.category(char) not in {"Cc", "Cf", "Co", "Cs"}


def data_chars(data_dir: Path) -> set[str]:
    """Every wanted character of every file below ``data_dir`` (empty if it is missing)."""
    chars: set[str] = set()
    if not data_dir.is_dir():
        return chars
    for path in sorted(data_dir.rglob("*")):
        if path.is_file():
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                print(f"warning: skipping non-UTF-8 file {path}", file=sys.stderr)
                continue
            chars.update(c for c in text if is_wanted(c))
    return chars


def extra_file_chars(path: Path) -> set[str]:
    """Characters of ``path``; lines starting with '#' are comments."""
    if not path.is_file():
        return set()
    lines = path.read_text(encoding="utf-8").splitlines()
    return {c for line in lines if not line.lstrip().startswith("#") for c in line if is_wanted(c)}


def requested_chars(data_dir: Path, extra_file: Path, extra_chars: Iterable[str]) -> set[str]:
    """Characters asked for individually: the data files and the extra lists."""
    wanted = data_chars(data_dir) | extra_file_chars(extra_file)
    wanted.update(c for chunk in extra_chars for c in chunk if is_wanted(c))
    return wanted


def build_charset(data_dir: Path, extra_file: Path, extra_chars: Iterable[str]) -> set[int]:
    """The code points the subset must cover."""
    codepoints = {cp for lo, hi in FIXED_RANGES for cp in range(lo, hi + 1)}
    codepoints.update(ord(c) for c in gb2312_chars())
    codepoints.update(ord(c) for c in requested_chars(data_dir, extra_file, extra_chars))
    return codepoints


def find_face(source: Path, style: str) -> int:
    """Index of the Simplified-Chinese face (PostScript name NotoSansCJKsc-<style>)."""
    if source.suffix.lower() not in {".ttc", ".otc"}:
        return -1  # a single-font file
    want = f"NotoSansCJKsc-{style}"
    collection = TTCollection(str(source), lazy=True)
    try:
        for index, face in enumerate(collection.fonts):
            if face["name"].getDebugName(6) == want:
                return index
        found = [face["name"].getDebugName(6) for face in collection.fonts]
    finally:
        collection.close()
    raise SystemExit(f"{source}: no face named {want}; faces are {found}")


def rename(font: TTFont, style: str) -> None:
    """Give the Modified Version its own names, as the OFL asks of derivatives."""
    name = font["name"]
    ps_name = f"{NEW_PS_PREFIX}-{style}"
    full_name = NEW_FAMILY if style == "Regular" else f"{NEW_FAMILY} {style}"
    version = name.getDebugName(5) or "Version unknown"
    source_ps = name.getDebugName(6) or "unknown"
    for record_id in (16, 17):  # typographic names would otherwise keep "Noto Sans CJK SC"
        name.removeNames(nameID=record_id)
    new_records = {
        1: NEW_FAMILY,
        2: style,
        3: f"{version.removeprefix('Version ').split(';')[0]};{ps_name};{SUBSET_NOTE}",
        4: full_name,
        5: f"{version}; {SUBSET_NOTE} from {source_ps}",
        6: ps_name,
    }
    for name_id, value in new_records.items():
        name.removeNames(nameID=name_id)
        name.setName(value, name_id, 3, 1, 0x409)
    cff = font["CFF "].cff
    cff.fontNames = [ps_name]
    top = cff[ps_name]
    for attr, value in (("FullName", full_name), ("FamilyName", NEW_FAMILY)):
        if hasattr(top, attr):
            setattr(top, attr, value)
    # CID-keyed: the font dicts are named "<ps name>-<group>", and in the Debian collection
    # all faces share one CFF whose names start with the JP face's "NotoSansCJKjp-...".
    for fd in getattr(top, "FDArray", []):
        parts = str(getattr(fd, "FontName", "")).split("-", 2)
        if len(parts) == 3:
            fd.FontName = f"{ps_name}-{parts[2]}"


# Code points that share a glyph with a more common one. A PDF writer can give a glyph only
# one code point in its ToUnicode map, and Qt's takes the lowest: text drawn with EN DASH
# would copy out of a PDF as FIGURE DASH, FULLWIDTH TILDE as WAVE DASH. Unmapping the rarer
# twin (none of them is in GB2312 or in the data) keeps copied text what was written.
COPY_ALIASES_DROPPED = {
    0x2012: "FIGURE DASH (shares EN DASH's glyph)",
    0x2035: "REVERSED PRIME (shares FULLWIDTH GRAVE ACCENT's glyph)",
    0x301C: "WAVE DASH (shares FULLWIDTH TILDE's glyph)",
}


def make_copy_clean(font: TTFont) -> None:
    """Unmap COPY_ALIASES_DROPPED from every cmap subtable (see there why)."""
    for table in font["cmap"].tables:
        for cp in COPY_ALIASES_DROPPED:
            table.cmap.pop(cp, None)


def make_subset(
    source: Path,
    style: str,
    codepoints: set[int],
    output: Path,
    drop_features: Iterable[str] = (),
) -> set[int]:
    """Extract the SC face of ``source``, subset it to ``codepoints`` and save ``output``.

    Layout features are fontTools' defaults (kern, liga, locl, the CJK width and
    punctuation-spacing features, ...) minus ``drop_features``. Returns the requested
    code points the source font has no glyph for.
    """
    index = find_face(source, style)
    font = TTFont(str(source), fontNumber=index, recalcTimestamp=False, lazy=False)
    absent = codepoints - set(font.getBestCmap())
    options = subset.Options()
    dropped = set(drop_features)
    options.layout_features = [tag for tag in options.layout_features if tag not in dropped]
    options.name_IDs = KEEP_NAME_IDS
    options.name_languages = [0x409]
    options.notdef_outline = True
    options.recalc_timestamp = False
    options.drop_tables = [*options.drop_tables, "DSIG"]
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    make_copy_clean(font)
    rename(font, style)
    codepages = font["OS/2"].getCodePageRanges()
    if GB2312_CODEPAGE_BIT not in codepages:
        raise SystemExit(f"OS/2 code-page bit {GB2312_CODEPAGE_BIT} (GB2312) lost: {codepages}")
    output.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(output), reorderTables=True)
    font.close()
    return absent


def describe(path: Path) -> str:
    """One-line summary: size, glyph count, mapped code points and sha256."""
    with TTFont(str(path), lazy=True) as font:
        glyphs = font["maxp"].numGlyphs
        mapped = len(font.getBestCmap())
        family = font["name"].getDebugName(1)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    size = path.stat().st_size
    return (
        f"{path.name}: {family!r}, {size:,} bytes, {glyphs} glyphs, "
        f"{mapped} code points, sha256 {digest}"
    )


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--style",
        action="append",
        choices=sorted(DEFAULT_SOURCES),
        help="weight(s) to build (repeatable; default: Regular and Bold)",
    )
    parser.add_argument(
        "--source",
        type=Path,
        help="source .ttc/.otf (default: the Debian fonts-noto-cjk file for the style)",
    )
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--extra-file", type=Path, default=DEFAULT_EXTRA_FILE)
    parser.add_argument(
        "--extra-chars", action="append", default=[], help="extra characters (repeatable)"
    )
    parser.add_argument("--output-dir", type=Path, default=DEFAULT_OUTPUT_DIR)
    parser.add_argument(
        "--drop-feature",
        action="append",
        # 'locl' is dropped by default: its Japanese/Korean/Traditional regional forms are
        # ~40% of the glyphs, and Qt may pick them from the user's locale, drawing Japanese
        # shapes for characters of a Simplified Chinese report. 'liga' too: its fi/ffi
        # ligature glyphs have no code points, so "official" copied out of a PDF or SVG
        # export came back as "o cial".
        default=["locl", "liga"],
        metavar="TAG",
        help="OpenType feature to remove from fontTools' default list (repeatable; "
        "default: locl, the JP/KR/TC regional forms, and liga)",
    )
    args = parser.parse_args(argv)

    styles: list[str] = args.style or ["Regular", "Bold"]
    if args.source is not None and len(styles) != 1:
        parser.error("--source needs exactly one --style")
    codepoints = build_charset(args.data_dir, args.extra_file, args.extra_chars)
    individually = requested_chars(args.data_dir, args.extra_file, args.extra_chars)
    print(f"{len(codepoints)} code points requested")
    status = 0
    for style in styles:
        source: Path = args.source or DEFAULT_SOURCES[style]
        if not source.is_file():
            parser.error(f"{source} not found (apt-get install fonts-noto-cjk)")
        output = args.output_dir / output_name(style)
        absent = make_subset(source, style, codepoints, output, args.drop_feature)
        print(describe(output))
        # Gaps in the fixed ranges are expected (the source lacks e.g. U+2000 EN QUAD);
        # a data or extra character the source cannot draw is not.
        lost = sorted(c for c in individually if ord(c) in absent)
        if lost:
            listed = ", ".join(f"{c} U+{ord(c):04X}" for c in lost)
            print(f"error: {source.name} has no glyph for: {listed}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
