"""open_database: read-only, and a clear message for every kind of bad file."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from wsis_viewer import paths
from wsis_viewer.store.database import open_database
from wsis_viewer.store.problems import DatabaseError
from wsis_viewer.store.schema import SCHEMA_VERSION


@pytest.fixture
def db_copy(tmp_path: Path) -> Path:
    target = tmp_path / "copy.sqlite"
    shutil.copy(paths.bundled_database(), target)
    return target


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_open_is_read_only(db_copy: Path) -> None:
    before = digest(db_copy)
    with open_database(db_copy) as store:
        assert store.load().events
        with pytest.raises(OperationalError, match="readonly"), store.engine.begin() as conn:
            conn.execute(text("DELETE FROM events"))
    assert digest(db_copy) == before
    assert sorted(p.name for p in db_copy.parent.iterdir()) == ["copy.sqlite"]  # no journal


def test_open_by_sqlalchemy_url_is_read_only_too(db_copy: Path) -> None:
    with open_database(f"sqlite:///{db_copy}") as store:
        assert len(store.load().events) > 0
        with pytest.raises(OperationalError), store.engine.begin() as conn:
            conn.execute(text("DELETE FROM events"))


def test_open_read_only_file(db_copy: Path) -> None:
    db_copy.chmod(0o444)
    with open_database(db_copy) as store:
        assert store.count("events") > 0


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        (b"", "not an SQLite database"),
        (b"id,title\n1,hello\n", "not an SQLite database"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, "the file is damaged"),
    ],
    ids=["missing", "empty", "csv", "corrupt"],
)
def test_bad_files(tmp_path: Path, content: bytes | None, expected: str) -> None:
    path = tmp_path / "bad.sqlite"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DatabaseError, match=expected) as info:
        open_database(path)
    assert str(path) in str(info.value)
    if content is not None:
        assert path.read_bytes() == content


def test_folder(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder"):
        open_database(tmp_path)


def test_foreign_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER, body TEXT)")
    with pytest.raises(DatabaseError, match="not a WSIS viewer database"):
        open_database(path)


@pytest.mark.parametrize(("version", "expected"), [
    (SCHEMA_VERSION - 1, "older than this viewer"),
    (SCHEMA_VERSION + 1, "newer than this viewer"),
    ("garbage", "older than this viewer"),
])
def test_other_schema_versions(db_copy: Path, version: object, expected: str) -> None:
    with sqlite3.connect(db_copy) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
    with pytest.raises(DatabaseError, match=expected):
        open_database(db_copy)


V1_FIXTURE = Path(__file__).parent / "data" / "wsis-schema-v1.sqlite"


def test_a_version_1_database_gets_a_clear_message_and_is_left_untouched(tmp_path: Path) -> None:
    """tests/data/wsis-schema-v1.sqlite is the bundled database as the last version-1 viewer
    built it (kept as it was: never regenerate it)."""
    copy = tmp_path / "old.sqlite"
    shutil.copy(V1_FIXTURE, copy)
    with sqlite3.connect(copy) as conn:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    assert row == ("1",)
    before = digest(copy)
    with pytest.raises(DatabaseError) as info:
        open_database(copy)
    message = str(info.value)
    assert message.startswith(f"{copy}: built for schema version 1, older than this viewer's")
    assert "stated by the report or inferred" in message and "wsis-viewer build-db" in message
    assert digest(copy) == before


def test_cli_reports_bad_database_without_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    bad = tmp_path / "notes.txt"
    bad.write_text("hello", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "wsis_viewer", "export", "--db", str(bad)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 4  # ExitCode.DATABASE
    assert "not an SQLite database" in proc.stderr
    assert "Traceback" not in proc.stderr
