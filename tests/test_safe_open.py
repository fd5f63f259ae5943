"""The defensive open: paths never parsed as URIs, only regular files, SQLite's guards on,
and read errors as one line. Each test fails on the open that was here before."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from wsis_viewer.outputs import OutputError, atomic_output, write_text
from wsis_viewer.store import safe_open
from wsis_viewer.store.database import open_database
from wsis_viewer.store.problems import DatabaseError


def _digests(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("name", ["report#2.sqlite", "a?mode=rwc.sqlite", "%41%2e.sqlite",
                                  "victim.sqlite?mode=rw&x=", "sp ace&x=1.sqlite"])
def test_special_characters_in_file_names_open_that_file_read_only(
        tmp_path: Path, small_db: Path, name: str) -> None:
    path = tmp_path / name
    shutil.copyfile(small_db, path)
    before = _digests(tmp_path)
    with open_database(path) as store:
        assert store.count("events") == 5
    assert _digests(tmp_path) == before  # no file created ('report'), none changed


def test_uri_in_name_does_not_reach_the_neighbour_with_a_hot_journal(
        tmp_path: Path, small_db: Path) -> None:
    victim = tmp_path / "victim.sqlite"
    shutil.copyfile(small_db, victim)
    con = sqlite3.connect(victim)
    con.execute("PRAGMA cache_size = 1")
    con.execute("BEGIN")
    con.execute("UPDATE events SET title_en = 'x' || hex(randomblob(20000))")
    # Copy the file and its journal mid-transaction: the copy has a hot journal.
    hot = tmp_path / "hot"
    hot.mkdir()
    shutil.copyfile(victim, hot / "victim.sqlite")
    journal = Path(str(victim) + "-journal")
    if journal.exists():
        shutil.copyfile(journal, hot / "victim.sqlite-journal")
    con.rollback()
    con.close()
    shutil.copyfile(small_db, hot / "victim.sqlite?mode=rw&x=")
    before = _digests(hot)
    with open_database(hot / "victim.sqlite?mode=rw&x=") as store:
        store.load()
    with open_database(hot / "victim.sqlite") as store:  # the hot one: read, never rolled back
        store.count("events")
    assert _digests(hot) == before


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.sqlite"
    os.mkfifo(fifo)
    result: list[BaseException] = []
    thread = threading.Thread(target=lambda: _catch(result, fifo), daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), "opening a FIFO blocked"
    assert isinstance(result[0], DatabaseError) and "not a regular file" in str(result[0])


def _catch(out: list[BaseException], path: Path) -> None:
    try:
        open_database(path)
    except BaseException as exc:
        out.append(exc)


@pytest.mark.parametrize("url", [
    "sqlite:///file:{d}/new.sqlite?mode=rwc&uri=true",
    "sqlite:///{d}/new.sqlite?mode=rwc",
    "sqlite+pysqlite:///file:{d}/new.sqlite?mode=rw&uri=true",
    "sqlite://",
    "sqlite:///:memory:",
])
def test_sqlite_urls_asking_for_other_modes_are_refused(tmp_path: Path, url: str) -> None:
    with pytest.raises(DatabaseError):
        open_database(url.format(d=tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_plain_sqlite_url_is_opened_read_only(small_db: Path) -> None:
    with open_database(f"sqlite:///{small_db}") as store:
        raw = store.engine.raw_connection()
        try:
            with pytest.raises(sqlite3.OperationalError, match="readonly"):
                raw.cursor().execute("DELETE FROM events")
            assert raw.cursor().execute("PRAGMA trusted_schema").fetchone()[0] == 0
        finally:
            raw.close()


def test_wal_database_is_read_without_creating_files(tmp_path: Path, small_db: Path) -> None:
    path = tmp_path / "wal.sqlite"
    shutil.copyfile(small_db, path)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = WAL")
    con.close()
    before = _digests(tmp_path)
    with open_database(path) as store:
        assert len(store.load().events) == 5
    assert _digests(tmp_path) == before
    os.chmod(tmp_path, 0o555)  # read-only media (root ignores this; the line above does not)
    try:
        with open_database(path) as store:
            assert store.count("events") == 5
    finally:
        os.chmod(tmp_path, 0o755)


def test_slow_query_is_stopped_by_the_deadline(small_db: Path) -> None:
    engine = safe_open.engine_from_connector(
        lambda: sqlite3.connect(safe_open.file_uri(small_db, immutable=False), uri=True,
                                check_same_thread=False), seconds=0.3)
    t0 = time.monotonic()
    with pytest.raises(Exception, match="interrupted"), engine.connect() as conn:
        conn.exec_driver_sql("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
                             "SELECT count(*) FROM r").all()
    assert time.monotonic() - t0 < 10
    engine.dispose()


def test_damaged_page_on_a_later_query_is_one_line(tmp_path: Path, small_db: Path) -> None:
    """A page damaged where only a later read looks: the same one-line DatabaseError."""
    path = tmp_path / "late.sqlite"
    shutil.copyfile(small_db, path)
    con = sqlite3.connect(path)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ix_events_start'"
                       ).fetchone()[0]
    page = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page:(root - 1) * page + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))
    with open_database(path) as store, pytest.raises(DatabaseError) as info:
        store.event_rows()  # ORDER BY start walks the damaged index
    assert "damaged" in str(info.value) and "\n" not in str(info.value)


def test_atomic_output_leaves_nothing_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write"), atomic_output(target) as tmp:
        tmp.write_text("partial", encoding="utf-8")
        raise OSError(28, "No space left on device")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
    with pytest.raises(OutputError, match="nothing was written"), atomic_output(target):
        pass  # a Qt writer that silently wrote nothing
    assert target.read_text(encoding="utf-8") == "old"
    write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize("kind", ["folder", "fifo", "missing-folder"])
def test_atomic_output_refuses_what_is_not_a_file(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "x.pdf"
    if kind == "folder":
        target.mkdir()
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target = tmp_path / "no" / "x.pdf"
    with pytest.raises(OutputError), atomic_output(target):
        pass


def test_every_read_method_turns_damage_into_one_line(tmp_path: Path, small_db: Path) -> None:
    """Every public Store method, present and future, on a file whose pages are all damaged:
    a one-line DatabaseError (a method added without the translation once let SQLAlchemy's
    traceback through LoadedDatabase.open)."""
    import inspect

    from wsis_viewer.store.database import Store

    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(small_db.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = b"\xa5" * (len(data) - page)  # every page but the header page
    damaged.write_bytes(bytes(data))
    store = Store(safe_open.readonly_file_engine(damaged, str(damaged)), str(damaged))
    methods = [name for name, fn in inspect.getmembers(Store, inspect.isfunction)
               if not name.startswith("_") and name != "close"]
    assert "conference_spans" in methods and "load" in methods
    for name in methods:
        args = ["events"] if name == "count" else []
        with pytest.raises(DatabaseError) as info:
            result = getattr(store, name)(*args)
            if inspect.isgenerator(result):
                list(result)
        assert "\n" not in str(info.value), name
    store.close()
