"""The server tests may skip only outside CI: in CI an unavailable server is a failure."""

from __future__ import annotations

import pytest
from pg_server import _unavailable


@pytest.mark.parametrize("ci", ["true", "1", "TRUE"])
def test_in_ci_a_missing_server_fails(monkeypatch: pytest.MonkeyPatch, ci: str) -> None:
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception, match="unavailable in CI: no initdb"):
        _unavailable("no initdb")


def test_elsewhere_it_skips_with_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="unavailable: no initdb"):
        _unavailable("no initdb")
