"""The translation catalogues: complete, in step with the code, compiled, drawable.

A fresh `pyside6-lupdate` over wsis_viewer/ must find exactly the messages of the committed
.ts files; every message must be finished in both; the committed .qm must be what
`pyside6-lrelease` makes of the .ts today. lupdate and lrelease ship with
PySide6-Essentials, so their absence is a broken install: these tests fail, never skip.

After changing a user-visible string: `python tools/update_translations.py`, translate what it
lists as unfinished in resources/translations/wsis_viewer_zh_CN.ts, run it again.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from wsis_viewer import paths
from wsis_viewer.fontcoverage import missing_glyphs

REPO = Path(__file__).resolve().parent.parent
TS = {"en": paths.translations_dir() / "wsis_viewer_en.ts",
      "zh_CN": paths.translations_dir() / "wsis_viewer_zh_CN.ts"}
PLURAL_FORMS = {"en": 2, "zh_CN": 1}  # Qt's plural rules for English and Chinese


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations",
                                                  REPO / "tools" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = _load_tool()

Message = tuple[str, str, bool]  # context, source, numerus


def messages(ts_file: Path) -> dict[Message, ET.Element]:
    out = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.get("numerus") == "yes")
            out[key] = message
    return out


def translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None:
        return []
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> dict[Message, ET.Element]:
    """What lupdate finds in the code today, in a new .ts file."""
    ts_file = tmp_path_factory.mktemp("lupdate") / "fresh.ts"
    tool.run_lupdate([ts_file])
    return messages(ts_file)


def test_lupdate_and_lrelease_are_installed() -> None:
    for name in ("lupdate", "lrelease"):
        result = subprocess.run([tool.qt_tool(name), "-version"], capture_output=True,
                                text=True, check=False)
        assert result.returncode == 0, result.stderr
        assert "6." in result.stdout + result.stderr


def test_fresh_lupdate_finds_a_plausible_number_of_strings(fresh) -> None:
    contexts = {context for context, _source, _numerus in fresh}
    assert {"MainWindow", "RecordPage", "Lanes", "Report", "Export", "CLI"} <= contexts
    assert len(fresh) > 200


@pytest.mark.parametrize("lang", sorted(TS))
def test_catalogue_matches_the_code(lang: str, fresh) -> None:
    committed = messages(TS[lang])
    new = sorted(f"{c}: {s!r}" for c, s, _n in set(fresh) - set(committed))
    gone = sorted(f"{c}: {s!r}" for c, s, _n in set(committed) - set(fresh))
    assert not new, "strings missing from the catalogue (run tools/update_translations.py):\n" \
                    + "\n".join(new)
    assert not gone, "strings no longer in the code:\n" + "\n".join(gone)


@pytest.mark.parametrize("lang", sorted(TS))
def test_every_message_is_finished(lang: str) -> None:
    root = ET.parse(TS[lang]).getroot()
    assert root.get("language") == lang and root.get("sourcelanguage") == "en"
    problems = []
    for (context, source, numerus), message in messages(TS[lang]).items():
        kind = message.find("translation")
        texts = translations(message)
        if kind is None or kind.get("type") in ("unfinished", "vanished", "obsolete"):
            state = kind.get("type") if kind is not None else "missing"
            problems.append(f"{context}: {source!r} is {state}")
        elif not texts or not all(t.strip() for t in texts):
            problems.append(f"{context}: {source!r} has an empty translation")
        elif numerus and len(texts) != PLURAL_FORMS[lang]:
            problems.append(f"{context}: {source!r} has {len(texts)} plural forms")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", sorted(TS))
def test_translations_keep_placeholders_and_mnemonics(lang: str) -> None:
    placeholder = re.compile(r"%L?[1-9n]")
    problems = []
    for (context, source, _numerus), message in messages(TS[lang]).items():
        for text in translations(message):
            if sorted(placeholder.findall(text)) != sorted(placeholder.findall(source)):
                problems.append(f"{context}: {source!r} -> {text!r}: placeholders differ")
            mnemonic = re.compile(r"&(?!&)\w")
            if bool(mnemonic.search(source)) != bool(mnemonic.search(text)):
                problems.append(f"{context}: {source!r} -> {text!r}: mnemonic lost or added")
            if source.count("\n") != text.count("\n"):
                problems.append(f"{context}: {source!r} -> {text!r}: line breaks differ")
    assert not problems, "\n".join(problems)


def test_chinese_translations_are_chinese() -> None:
    """Spot checks of the terms the report uses, and no message left in English."""
    zh = {(c, s): translations(m)[0] for (c, s, _n), m in messages(TS["zh_CN"]).items()}
    assert zh[("MainWindow", "&File")] == "文件(&F)"
    assert zh[("Lanes", "Council")] == "理事会"
    assert zh[("Lanes", "Plenipotentiary")] == "全权代表大会"
    assert zh[("RecordPage", "History")] == "沿革"
    assert zh[("Report", "Resolution histories")] == "决议沿革"
    han = re.compile(r"[\u4e00-\u9fff]")
    # Symbols, codes and names that read the same in Chinese.
    same = {"WSIS+10", "CWG-WSIS"}
    untranslated = [f"{c}: {s!r}" for (c, s), t in zh.items()
                    if not han.search(t) and t not in same]
    assert not untranslated, "\n".join(untranslated)


@pytest.mark.parametrize("lang", sorted(TS))
def test_qm_files_are_fresh(lang: str, tmp_path: Path) -> None:
    committed = TS[lang].with_suffix(".qm")
    assert committed.is_file(), f"{committed} missing: run tools/update_translations.py"
    rebuilt = tmp_path / committed.name
    tool.run_lrelease(TS[lang], rebuilt)
    assert rebuilt.read_bytes() == committed.read_bytes(), \
        f"{committed.name} is stale: run tools/update_translations.py"


def test_bundled_font_draws_every_chinese_translation() -> None:
    text = "".join(t for m in messages(TS["zh_CN"]).values() for t in translations(m))
    for font in sorted(paths.fonts_dir().glob("*.otf")):
        missing = missing_glyphs(font, text)
        assert not missing, f"{font.name} lacks {sorted(missing)}: see tools/subset_font.py"


def test_no_translation_call_hides_inside_an_f_string() -> None:
    """lupdate does not look into f-strings: a tr() there is never extracted, so it would
    stay English in every language without any other test noticing."""
    names = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
    hidden = []
    for path in sorted((REPO / "wsis_viewer").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for call in ast.walk(node):
                if isinstance(call, ast.Call):
                    func = call.func
                    name = func.attr if isinstance(func, ast.Attribute) else \
                        getattr(func, "id", None)
                    if name in names:
                        hidden.append(f"{path.relative_to(REPO)}:{call.lineno}")
    assert not hidden, "translation calls inside f-strings: " + ", ".join(hidden)


def test_english_plural_forms() -> None:
    assert tool.english_forms("%n event(s)") == ("%n event", "%n events")
    assert tool.english_forms("%n match(es)") == ("%n match", "%n matches")


# --- command-line help -----------------------------------------------------------------------


def _help(*args: str) -> str:
    result = subprocess.run([sys.executable, "-m", "wsis_viewer", *args], capture_output=True,
                            text=True, check=False, cwd=REPO,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin",
                                 "LANG": "C.UTF-8"})
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_cli_help_in_chinese() -> None:
    text = _help("--lang", "zh", "--help")
    assert "用法：" in text and "命令" in text and "将时间线渲染为PNG、SVG或PDF" in text
    screenshot = _help("screenshot", "--lang", "zh", "--help")
    assert "突出显示与TEXT匹配的项" in screenshot and "显示此帮助信息并退出" in screenshot


def test_cli_help_in_english_and_maintainer_commands_stay_english() -> None:
    assert "render the timeline to PNG" in _help("--lang", "en", "--help")
    # build-db, export and check: English whatever the locale, and no Qt needed for it.
    assert "folder of source TOML files" in _help("build-db", "--help")
