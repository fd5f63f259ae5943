"""Documented exit codes, one line each, and no output left behind (README, docs/security.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wsis_viewer.cli import main
from wsis_viewer.outputs import ExitCode


@pytest.mark.parametrize("argv, code, words", [
    (["screenshot", "{t}/x.png", "--to", "9999"], ExitCode.USAGE, "outside the dates"),
    (["screenshot", "{t}/x.png", "--from", "1899"], ExitCode.USAGE, "outside the dates"),
    (["screenshot", "{t}/x.png", "--size", "10000x10000", "--scale", "4"], ExitCode.USAGE,
     "megapixels"),
    (["screenshot", "{t}/x.png", "--scale", "nan"], ExitCode.USAGE, "--scale"),
    (["report", "{t}/x.pdf", "--from", "2014", "--to", "2011"], ExitCode.USAGE, "before"),
    (["screenshot", "{t}/folder.svg"], ExitCode.CANNOT_WRITE, "it is a folder"),
    (["report", "{t}/folder.pdf"], ExitCode.CANNOT_WRITE, "it is a folder"),
    (["export", "-o", "{t}/folder.pdf"], ExitCode.CANNOT_WRITE, "it is a folder"),
    (["export", "-o", "{t}/no/such/folder.json"], ExitCode.CANNOT_WRITE, "does not exist"),
    (["export", "--db", "{t}/missing.sqlite"], ExitCode.DATABASE, "no such file"),
    (["export", "--db", "sqlite:///file:{t}/new.sqlite?mode=rwc&uri=true"], ExitCode.DATABASE,
     "not accepted"),
])
def test_exit_code_and_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                argv: list[str], code: int, words: str) -> None:
    (tmp_path / "folder.svg").mkdir()
    (tmp_path / "folder.pdf").mkdir()
    before = sorted(p.name for p in tmp_path.iterdir())
    rc = main([a.format(t=tmp_path) for a in argv])
    err = capsys.readouterr().err
    assert rc == code, err
    assert words in err and "Traceback" not in err
    assert len([line for line in err.splitlines() if line.strip()]) == 1, err
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # nothing left behind
