"""What the desktop passes to `wsis-viewer %u` becomes the right window argument."""

from __future__ import annotations

import pytest

from wsis_viewer.launch_args import database_argument


@pytest.mark.parametrize(("arg", "expected"), [
    (None, None),
    ("/home/a/wsis.sqlite", "/home/a/wsis.sqlite"),
    ("relative/db.sqlite", "relative/db.sqlite"),
    ("file:///home/a/my%20data%23%3F.sqlite", "/home/a/my data#?.sqlite"),
    ("file://localhost/srv/wsis.sqlite", "/srv/wsis.sqlite"),
    ("sqlite:///home/a/wsis.sqlite", "sqlite:///home/a/wsis.sqlite"),
    ("postgresql://u@host/db", "postgresql://u@host/db"),
])
def test_database_argument(arg: str | None, expected: str | None) -> None:
    assert database_argument(arg) == expected


def test_remote_file_uri_is_not_read_as_a_local_path() -> None:
    assert database_argument("file://otherhost/x.sqlite") == "file://otherhost/x.sqlite"


def test_link_is_not_taken_for_a_database(capsys) -> None:
    # (a link that names a record is followed before this: tests/gui/test_search_features.py)
    assert database_argument("wsis-viewer:record/C-13-108") is None
    assert "not a link to a record" in capsys.readouterr().err
