"""Refresh the translation catalogues and compile them.

    python tools/update_translations.py            # lupdate, fill English, lrelease
    python tools/update_translations.py --check    # exit 1 if anything is stale or unfinished

Steps:

1. `pyside6-lupdate` scans every .py file under wsis_viewer/ and merges the source strings
   into resources/translations/wsis_viewer_{zh_CN,en}.ts (new strings arrive as
   type="unfinished"; strings no longer in the code are dropped, -no-obsolete). Locations are
   not stored (-locations none), so moving code does not rewrite the catalogues.
2. The English catalogue is filled in: an unfinished English message gets its source as
   translation, and a plural ("%n event(s)") gets the forms "%n event" / "%n events". English
   translations someone wrote by hand (finished messages) are kept.
3. `pyside6-lrelease` compiles both into .qm files next to them (committed, loaded at run time).

The Chinese catalogue is never filled automatically: new strings stay unfinished until
translated (in Qt Linguist, `pyside6-linguist resources/translations/wsis_viewer_zh_CN.ts`, or
by editing the XML), and tests/test_translations.py fails while any is.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "wsis_viewer"
TRANSLATIONS = REPO / "resources" / "translations"
CATALOGUES = {"zh_CN": TRANSLATIONS / "wsis_viewer_zh_CN.ts",
              "en": TRANSLATIONS / "wsis_viewer_en.ts"}


def qt_tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease: next to this Python, else on PATH, else the binary
    inside the PySide6 package (they ship with PySide6-Essentials)."""
    exe = f"pyside6-{name}"
    beside = Path(sys.executable).parent / exe
    if beside.is_file():
        return str(beside)
    found = shutil.which(exe)
    if found:
        return found
    import PySide6

    for candidate in (Path(PySide6.__file__).parent / name,
                      Path(PySide6.__file__).parent / "Qt" / "libexec" / name):
        if candidate.is_file():
            return str(candidate)
    raise SystemExit(f"{exe} not found (it comes with PySide6-Essentials)")


def sources() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(ts_files: list[Path], language: str | None = None) -> None:
    """Merge the package's strings into `ts_files` (created when missing)."""
    args = [qt_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
            "-source-language", "en"]
    if language:
        args += ["-target-language", language]
    # A list file keeps the command line short and the file order stable.
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False, encoding="utf-8") as lst:
        lst.write("\n".join(str(p) for p in sources()) + "\n")
    try:
        subprocess.run([*args, f"@{lst.name}", "-ts", *map(str, ts_files)], check=True,
                       cwd=REPO)
    finally:
        os.unlink(lst.name)


def run_lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([qt_tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)],
                   check=True, cwd=REPO)


_PLURAL = re.compile(r"\((e?s)\)")


def english_forms(source: str) -> tuple[str, str]:
    """'%n event(s)' -> ('%n event', '%n events'); '%n match(es)' -> ('%n match', '%n matches')."""
    return _PLURAL.sub("", source), _PLURAL.sub(r"\1", source)


def fill_english(ts_file: Path) -> int:
    """Finish every unfinished English message from its source; returns how many."""
    tree: ET.ElementTree[ET.Element] = ET.parse(ts_file)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") != "unfinished":
            continue
        del translation.attrib["type"]
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            for text in english_forms(source):
                ET.SubElement(translation, "numerusform").text = text
        else:
            translation.text = source
        filled += 1
    if filled:
        write_ts(tree, ts_file)
    return filled


def write_ts(tree: ET.ElementTree[ET.Element], path: Path) -> None:
    """Write as an XML .ts file; main() runs lupdate over it afterwards, which puts it back
    in lupdate's own layout."""
    root = tree.getroot()
    assert root is not None
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def unfinished(ts_file: Path) -> list[str]:
    """'context: source' of every message without a finished, non-empty translation."""
    out = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            texts = ([f.text or "" for f in translation.iter("numerusform")]
                     if translation is not None and message.get("numerus") == "yes"
                     else [translation.text or ""] if translation is not None else [""])
            if translation is None or translation.get("type") in ("unfinished", "vanished",
                                                                   "obsolete") \
                    or not all(t.strip() for t in texts):
                out.append(f"{name}: {message.findtext('source')}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a catalogue or .qm is stale")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language, ts_file in CATALOGUES.items():
        run_lupdate([ts_file], language)
    print(f"English: {fill_english(CATALOGUES['en'])} message(s) filled from their source")
    run_lupdate([CATALOGUES["en"]], "en")  # back to lupdate's own XML layout
    status = 0
    for ts_file in CATALOGUES.values():
        run_lrelease(ts_file, ts_file.with_suffix(".qm"))
        missing = unfinished(ts_file)
        print(f"{ts_file.relative_to(REPO)}: {len(missing)} unfinished")
        for item in missing:
            print(f"  {item}")
        status |= bool(missing)
    return status


def check() -> int:
    """What tests/test_translations.py checks, for use without pytest."""
    with tempfile.TemporaryDirectory() as tmp:
        problems = []
        for ts_file in CATALOGUES.values():
            copy = Path(tmp) / ts_file.name
            shutil.copy(ts_file, copy)
            run_lupdate([copy])
            if copy.read_bytes() != ts_file.read_bytes():
                problems.append(f"{ts_file.name}: out of date with the code (run this tool)")
            qm = Path(tmp) / ts_file.with_suffix(".qm").name
            run_lrelease(ts_file, qm)
            if qm.read_bytes() != ts_file.with_suffix(".qm").read_bytes():
                problems.append(f"{ts_file.with_suffix('.qm').name}: stale")
            problems += [f"{ts_file.name}: unfinished {m}" for m in unfinished(ts_file)]
    print("\n".join(problems) or "translations are up to date")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
