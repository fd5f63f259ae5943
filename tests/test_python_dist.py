"""The sdist and wheel build anywhere (here: a copy of the tree under the temporary folder,
which a `/tmp/` line in .gitignore once emptied), hold what they should, and the wheel works
when installed into a fresh virtual environment.

Slow (about a minute: pip installs PySide6 and numpy into the new venv, from pip's cache when
warm), but it is the only test that proves the published artefacts, so CI runs it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
VERSION = version("wsis-viewer")
# What the sdist must start with (pyproject.toml, [tool.hatch.build.targets.sdist]).
SDIST_TOP = {"wsis_viewer", "resources", "db", "tests", "docs", "tools", "benchmarks",
             "packaging", "scripts", ".ci", "README.md", "LICENSE", "pyproject.toml",
             "run-tests.sh", "run-app.sh", "PKG-INFO",
             ".gitignore"}  # hatchling always adds .gitignore

pytestmark = pytest.mark.slow


def _copy_tree(dest: Path) -> None:
    junk = shutil.ignore_patterns(".git", ".venv", "venv", "build", "dist", "__pycache__",
                                  "*.pyc", ".*_cache", "*.egg-info")
    shutil.copytree(ROOT, dest, ignore=junk, symlinks=True)
    # What a working tree accumulates and no artefact may carry.
    for decoy in ("build/pkg-venv/lib/decoy.py", "dist/decoy.txt", ".venv/bin/decoy",
                  "wsis_viewer/__pycache__/cli.cpython-311.pyc", "notes.txt"):
        (dest / decoy).parent.mkdir(parents=True, exist_ok=True)
        (dest / decoy).write_text("must not be packaged\n")


def _run(cmd: list[str | Path], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    full_env.update(QT_QPA_PLATFORM="offscreen", SOURCE_DATE_EPOCH="1417392000", **env)
    result = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True,
                            env=full_env, timeout=600, check=False)
    assert result.returncode == 0, f"{cmd}:\n{result.stdout}\n{result.stderr}"
    return result


def test_sdist_and_wheel_build_under_tmp_and_the_wheel_works(tmp_path: Path) -> None:
    assert str(tmp_path).startswith("/tmp/") or not Path("/tmp").is_dir()
    src = tmp_path / "src"
    _copy_tree(src)
    out = tmp_path / "out"
    # The sdist first, then the wheel built from the unpacked sdist: so the sdist is complete.
    _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", out, src], cwd=tmp_path)
    sdist = out / f"wsis_viewer-{VERSION}.tar.gz"
    wheel = out / f"wsis_viewer-{VERSION}-py3-none-any.whl"

    with tarfile.open(sdist) as tar:
        names = [m.name.split("/", 1)[1] for m in tar.getmembers() if "/" in m.name]
    tops = {n.split("/", 1)[0] for n in names}
    assert tops <= SDIST_TOP, tops - SDIST_TOP
    assert {"wsis_viewer/cli.py", "db/wsis.sqlite", "pyproject.toml",
            "resources/icons/wsis-viewer-48.png", "packaging/build.sh"} <= set(names)
    assert not [n for n in names if "decoy" in n or "__pycache__" in n or n == "notes.txt"]

    with zipfile.ZipFile(wheel) as whl:
        wnames = whl.namelist()
    assert "wsis_viewer/_bundled/db/wsis.sqlite" in wnames
    assert "wsis_viewer/_bundled/resources/icons/wsis-viewer-256.png" in wnames
    assert not [n for n in wnames if n.startswith(("tests/", "packaging/", "build/"))]
    assert not [n for n in wnames if "decoy" in n or "__pycache__" in n]

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", venv], cwd=tmp_path)
    _run([venv / "bin" / "python", "-m", "pip", "install", "--quiet",
          "--disable-pip-version-check", wheel], cwd=tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    installed = venv / "bin" / "wsis-viewer"
    where = _run([venv / "bin" / "python", "-c",
                  "import wsis_viewer; print(wsis_viewer.__file__)"], cwd=work).stdout
    assert where.startswith(str(venv)), where

    _run([installed, "export", "-o", "export.json"], cwd=work)
    _run([sys.executable, "-m", "wsis_viewer", "export", "-o", "source.json"], cwd=work)
    assert (work / "export.json").read_bytes() == (work / "source.json").read_bytes()

    _run([installed, "screenshot", "--lang", "zh", "shot.png"], cwd=work)
    _run([sys.executable, "-m", "wsis_viewer", "screenshot", "--lang", "zh", "source.png"],
         cwd=work)
    assert (work / "shot.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (work / "shot.png").read_bytes() == (work / "source.png").read_bytes()

    # An installed copy never rewrites its own database: build-db writes ./wsis.sqlite.
    packaged = next(venv.glob("lib/python*/site-packages/wsis_viewer/_bundled/db/wsis.sqlite"))
    before = hashlib.sha256(packaged.read_bytes()).hexdigest()
    _run([installed, "build-db"], cwd=work)
    assert (work / "wsis.sqlite").is_file()
    assert hashlib.sha256(packaged.read_bytes()).hexdigest() == before
