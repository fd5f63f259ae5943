"""Commands that write never write into an installed copy, and failed writes are one line.

An installed copy is simulated by pointing paths.installation_dir at a folder; the real thing
(a wheel in a fresh venv) is tests/test_python_dist.py.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wsis_viewer import cli, paths


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend this package is an installed copy living in tmp_path/install."""
    install = tmp_path / "install"
    install.mkdir()
    monkeypatch.setattr(paths, "installation_dir", lambda: install)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return install


def test_build_db_in_installed_copy_writes_current_folder(installed: Path, capsys) -> None:
    bundled = paths.bundled_database()
    before = _sha(bundled)
    assert cli.main(["build-db"]) == 0
    assert (Path.cwd() / "wsis.sqlite").stat().st_size > 0
    assert _sha(bundled) == before
    assert "wrote " + str(Path.cwd() / "wsis.sqlite") in capsys.readouterr().out


@pytest.mark.parametrize("argv", [
    ["build-db", "--output", "{install}/db/wsis.sqlite"],
    ["export", "--output", "{install}/export.json"],
    ["screenshot", "{install}/shot.png"],
    ["report", "{install}/report.pdf"],
])
def test_no_command_writes_into_the_installation(installed: Path, argv: list[str],
                                                 capsys) -> None:
    args = [a.format(install=installed) for a in argv]
    assert cli.main(args) == 2
    err = capsys.readouterr().err
    assert "will not write into the installed application" in err
    assert err.count("\n") == 1
    assert list(installed.iterdir()) == []


def test_build_db_default_run_inside_the_installation_is_refused(installed: Path,
                                                                 monkeypatch, capsys) -> None:
    monkeypatch.chdir(installed)
    assert cli.main(["build-db"]) == 2
    assert "will not write into the installed application" in capsys.readouterr().err
    assert list(installed.iterdir()) == []


def test_source_checkout_build_db_default_is_the_bundled_database() -> None:
    from wsis_viewer.write_policy import default_database_output

    assert paths.installation_dir() is None
    assert default_database_output() == paths.bundled_database()


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "wsis_viewer", *args], capture_output=True,
                          text=True, env=env, timeout=120, check=False)


@pytest.mark.parametrize("argv", [
    ["export", "-o", "{tmp}/missing/x.json"],
    ["export", "-o", "{tmp}/file/x.json"],
    ["build-db", "-o", "{tmp}/file/x.sqlite"],
    ["screenshot", "{tmp}/missing/x.png"],
    ["report", "{tmp}/missing/x.pdf"],
    ["export", "-o", "{tmp}/readonly/x.json"],
])
def test_unwritable_outputs_are_one_line_without_traceback(tmp_path: Path,
                                                           argv: list[str]) -> None:
    (tmp_path / "file").write_text("not a folder")
    readonly = tmp_path / "readonly"
    readonly.mkdir()
    readonly.chmod(0o555)
    if "readonly" in argv[-1] and os.access(readonly, os.W_OK):
        pytest.skip("running as root: a read-only folder is still writable")
    result = _run(*[a.format(tmp=tmp_path) for a in argv])
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"wsis-viewer {argv[0]}: {tmp_path}")
    assert not any(tmp_path.glob("*/x.*"))


def test_os_error_during_the_write_is_one_line(tmp_path: Path, monkeypatch, capsys) -> None:
    """An error the pre-check cannot foresee (disk full, a race) still gives one line."""

    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device", str(tmp_path / "x.json"))

    monkeypatch.setattr(Path, "write_text", fail)
    assert cli.main(["export", "-o", str(tmp_path / "x.json")]) == 1
    assert capsys.readouterr().err == (
        f"wsis-viewer export: {tmp_path / 'x.json'}: No space left on device\n")
