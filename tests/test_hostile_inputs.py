"""The hostile-input suite: every case of the corpus (tests/hostile_corpus.py) through `export`,
`screenshot`, `report` and the window (offscreen), each run time-limited in a subprocess.

Asserted for every run: no traceback, no signal, no hang; a refused file gives exactly one line
(exit code 4) and no output file; a good file (even with HTML in every column, a hostile file
name or a million sittings) renders with no markup of its own interpreted; and the bytes (and
names) of every file in the corpus are unchanged afterwards — no journal rolled back, no
-wal/-shm/new file created.

WSIS_HOSTILE_SITTINGS sets the sittings of the many-sittings case (default 200,000 in the
suite; the long fuzz run in tools/fuzz_databases.py uses 1,000,000).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest
from hostile_corpus import Case, build_corpus

HERE = Path(__file__).resolve().parent
RUN_SECONDS = 90  # per command and case; a hang is killed by faulthandler in the runner
SITTINGS = int(os.environ.get("WSIS_HOSTILE_SITTINGS", "200000"))

SUFFIX = {"export": "json", "screenshot": "png", "report": "pdf"}

pytestmark = pytest.mark.slow


def snapshot(root: Path) -> dict[str, str]:
    """Every entry under `root`: its kind and, for files, a digest of its bytes."""
    out = {}
    for path in sorted(root.rglob("*")):
        mode = path.lstat().st_mode
        if stat.S_ISREG(mode):
            out[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            out[str(path.relative_to(root))] = stat.filemode(mode)[0]
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Case], dict[str, str]]:
    root = tmp_path_factory.mktemp("hostile") / "corpus"
    cases = build_corpus(root, sittings=SITTINGS)
    return root, cases, snapshot(root)


def run(mode: str, cases: list[Case], work: Path) -> tuple[list[dict[str, object]], str]:
    work.mkdir(parents=True, exist_ok=True)
    cases_file = work / "cases.json"
    cases_file.write_text(json.dumps([asdict(c) for c in cases]), encoding="utf-8")
    results = work / "results.jsonl"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(HERE.parent)}
    proc = subprocess.run(
        [sys.executable, str(HERE / "hostile_runner.py"), mode, str(cases_file),
         str(work / "out"), str(results), str(RUN_SECONDS)],
        capture_output=True, text=True, timeout=1500, env=env, cwd=work)
    records = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    started = [(r["case"], r["command"]) for r in records if r["event"] == "start"]
    done = [(r["case"], r["command"]) for r in records if r["event"] == "done"]
    unfinished = [s for s in started if s not in done]
    assert proc.returncode == 0 and not unfinished, (
        f"runner ended with {proc.returncode} (negative: a signal) during {unfinished}:\n"
        f"{proc.stderr[-3000:]}")
    return [r for r in records if r["event"] == "done"], proc.stderr


def test_commands_on_hostile_databases(corpus: tuple[Path, list[Case], dict[str, str]],
                                       tmp_path: Path) -> None:
    root, cases, before = corpus
    results, _stderr = run("cli", cases, tmp_path)
    by_name = {c.name: c for c in cases}
    assert {r["case"] for r in results} == set(by_name)
    failures = []
    for r in results:
        case, command = by_name[str(r["case"])], str(r["command"])
        where = f"{case.name} / {command}"
        err = str(r["stderr"])
        if r["exception"]:
            failures.append(f"{where}: traceback\n{r['exception']}")
            continue
        if "Traceback" in err or "internal error" in err:
            failures.append(f"{where}: {err[-500:]}")
        out = tmp_path / "out" / f"{case.name}.{SUFFIX[command]}"
        if case.expect == "ok":
            if r["rc"] != 0 or not out.is_file() or out.stat().st_size == 0:
                failures.append(f"{where}: expected success, got {r['rc']}: {err[-300:]}")
        else:
            lines = [line for line in err.splitlines() if line.strip()]
            if r["rc"] != 4 or len(lines) != 1 or len(lines[0]) > 400:
                failures.append(f"{where}: expected one line and exit code 4, got "
                                f"{r['rc']}: {err[-500:]!r}")
            if out.exists():
                failures.append(f"{where}: refused, yet {out.name} was written")
    assert not failures, "\n".join(failures)
    assert snapshot(root) == before, "a file of the corpus was changed, created or removed"


def _first_part(message: str) -> str | None:
    """The error of a start-up message box ("title: error, blank line, what happens next"),
    if it is one line of at most 600 characters. The box may be plain or escaped rich text."""
    for gap in ("<br><br>", "\n\n"):
        if gap in message:
            first = message.split(gap)[0]
            return first if "<br" not in first and "\n" not in first and len(first) <= 600 \
                else None
    return None


def test_window_on_hostile_databases(corpus: tuple[Path, list[Case], dict[str, str]],
                                     tmp_path: Path) -> None:
    root, cases, before = corpus
    results, _stderr = run("window", cases, tmp_path)
    by_name = {c.name: c for c in cases}
    failures = []
    for r in results:
        case = by_name[str(r["case"])]
        if r["exception"]:
            failures.append(f"{case.name}: {r['exception']}")
            continue
        problems = list(r["problems"])  # type: ignore[call-overload]
        messages = list(r["messages"])  # type: ignore[call-overload]
        if problems:
            failures.append(f"{case.name}: " + "; ".join(problems[:5]))
        if case.expect == "ok" and "://" not in case.target:
            if not r["opened"] or messages:
                failures.append(f"{case.name}: did not open: {messages}")
        elif case.expect == "refused" and (
                r["opened"] or len(messages) != 1 or _first_part(messages[0]) is None):
            failures.append(f"{case.name}: expected one message, got {messages}")
    assert not failures, "\n".join(failures)
    assert snapshot(root) == before, "a file of the corpus was changed, created or removed"
