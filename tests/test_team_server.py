"""A real PostgreSQL team server: admin init, roles enforced by the server, atomic publish,
reading the dataset from the server, notes under concurrency, live announcements.

Needs the throwaway server (tests/pg_server.py); every test gets a database of its own.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import psycopg
import pytest
from pg_server import with_database
from sqlalchemy.engine import make_url

from wsis_viewer import paths
from wsis_viewer.cli import main
from wsis_viewer.domain.model import Dataset
from wsis_viewer.store.database import open_database
from wsis_viewer.store.export_json import dumps
from wsis_viewer.store.live import ChangeListener, libpq_conninfo
from wsis_viewer.store.problems import DatabaseError
from wsis_viewer.store.server_admin import admin_init
from wsis_viewer.store.server_dataset import publish_dataset, server_version
from wsis_viewer.store.source_files import load_source_files
from wsis_viewer.store.workspace import open_workspace

pytestmark = pytest.mark.server


@pytest.fixture
def small_ds(small_db: Path) -> Dataset:
    """The tests' small dataset, as read back from its database file."""
    with open_database(small_db) as store:
        return store.load()


def _as(url: str, user: str) -> str:
    return with_database(url, str(make_url(url).database), user=user)


def _raw(url: str) -> psycopg.Connection:
    return psycopg.connect(libpq_conninfo(url), autocommit=True)


def test_admin_init_is_idempotent_and_creates_roles(pg_db: str) -> None:
    first = admin_init(pg_db)
    assert any("created role" in line for line in first) or first  # roles may pre-exist
    assert admin_init(pg_db)  # a second run succeeds and changes nothing that matters
    with _raw(pg_db) as conn:
        roles = {r[0] for r in conn.execute(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE 'wsis_%'")}
        assert roles == {"wsis_reader", "wsis_curator"}
        assert conn.execute("SELECT count(*) FROM wsis.workspace_meta").fetchone() == (1,)


def test_workspace_on_a_server_without_init_says_what_to_do(pg_db: str) -> None:
    with pytest.raises(DatabaseError, match="admin init"):
        open_workspace(pg_db)


def test_export_from_the_server_equals_export_of_the_bundled_file(
        team_server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["publish", "--to", _as(team_server, "carol")]) == 0
    err = capsys.readouterr().err
    assert "copied" in err and "published version 1" in err
    assert main(["export", "--db", _as(team_server, "alice")]) == 0
    from_server = capsys.readouterr().out
    assert main(["export"]) == 0
    from_file = capsys.readouterr().out
    assert json.loads(from_server)["events"]  # not two empty exports
    assert from_server == from_file


def test_publish_validates_like_build_db_and_leaves_the_server_unchanged(
        team_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    curator = _as(team_server, "carol")
    assert main(["publish", "--to", curator]) == 0
    capsys.readouterr()
    bad = tmp_path / "data"
    import shutil

    shutil.copytree(paths.data_dir(), bad)
    events = next(bad.rglob("events*.toml"))
    events.write_text(events.read_text(encoding="utf-8").replace(
        'start = "', 'start = "not-a-date', 1), encoding="utf-8")
    assert main(["publish", "--to", curator, "--data", str(bad)]) == 1
    publish_err = capsys.readouterr().err
    assert main(["build-db", "--data", str(bad), "-o", str(tmp_path / "x.sqlite")]) == 1
    build_err = capsys.readouterr().err
    first_problem = build_err.splitlines()[1]
    assert first_problem in publish_err and "field 'start'" in first_problem
    assert "was not changed" in publish_err
    assert server_version(curator) == 1


def test_a_reader_cannot_publish_nor_change_the_dataset(small_ds: Dataset,
                                                        team_server: str) -> None:
    publish_dataset(small_ds, _as(team_server, "carol"), built_from="tests")
    reader = _as(team_server, "alice")
    with pytest.raises(DatabaseError, match="needs the wsis_curator role"):
        publish_dataset(small_ds, reader, built_from="tests")
    with _raw(team_server) as admin:
        schema = admin.execute("SELECT schema_name FROM wsis.dataset_versions").fetchone()[0]
    with _raw(reader) as conn:
        assert conn.execute(f"SELECT count(*) FROM {schema}.events").fetchone() == (5,)
        for sql in (f"DELETE FROM {schema}.events", f"UPDATE {schema}.events SET lane = 'x'",
                    f"DROP TABLE {schema}.sessions", "CREATE SCHEMA mine",
                    "UPDATE wsis.current_dataset SET version = version"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
        assert conn.execute(f"SELECT count(*) FROM {schema}.events").fetchone() == (5,)


def test_the_server_keeps_notes_to_their_authors(team_server: str) -> None:
    with open_workspace(_as(team_server, "alice")) as alice:
        note = alice.add_note("cwg-22", "alice's")
        assert note.author == "alice"
        alice.save_view("mine", {"x0": 1.0})
    with open_workspace(_as(team_server, "bob")) as bob:
        assert [n.text for n in bob.notes()] == ["alice's"]  # the team reads every note
        with pytest.raises(Exception, match="only its author"):
            bob.edit_note(note.id, "bob was here")
        with pytest.raises(Exception, match="not yours"):
            bob.delete_note(note.id)
        assert [v.owner for v in bob.views()] == ["alice"]
    with _raw(_as(team_server, "bob")) as conn:  # around the app, straight SQL
        assert conn.execute("UPDATE wsis.notes SET text = 'x'").rowcount == 0
        assert conn.execute("DELETE FROM wsis.notes").rowcount == 0
        assert conn.execute("UPDATE wsis.views SET state = '{}'").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO wsis.notes (uid, record_id, text, author, created) "
                         "VALUES ('u1', 'cwg-22', 'forged', 'alice', now())")
    with open_workspace(_as(team_server, "alice")) as alice:
        assert [(n.text, n.author) for n in alice.notes()] == [("alice's", "alice")]


def test_eight_writers_at_once_store_every_note_exactly_once(team_server: str) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def write(k: int) -> None:
        try:
            with open_workspace(_as(team_server, ("alice", "bob")[k % 2])) as w:
                start.wait()
                for i in range(200):
                    w.add_note(f"rec-{i % 7}", f"writer {k} note {i}")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_workspace(_as(team_server, "alice")) as w:
        notes = w.notes()
    texts = [n.text for n in notes]
    assert len(notes) == 1600
    assert set(texts) == {f"writer {k} note {i}" for k in range(8) for i in range(200)}
    assert len({n.id for n in notes}) == len({n.uid for n in notes}) == 1600


# One reader process: `wsis-viewer export --db URL` in a loop (the CLI's own code, each export
# a new connection to the server) until the stop file appears; export k goes to OUT/k.json.
_READER = """
import sys
from pathlib import Path

from wsis_viewer.cli import main

url, out, stop = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
k = 0
while not stop.exists():
    if main(["export", "--db", url, "--output", str(out / f"{k}.json")]) != 0:
        sys.exit(1)
    k += 1
"""


def test_readers_exporting_during_publishes_always_get_one_complete_version(
        small_ds: Dataset, team_server: str, small_db: Path, tmp_path: Path) -> None:
    """Four reader processes export in a loop while two versions are published in turn:
    every export is exactly one of them."""
    import subprocess
    import sys

    curator = _as(team_server, "carol")
    small, bundled = small_ds, load_source_files(paths.data_dir())
    publish_dataset(small, curator, built_from="tests")
    expected = set()
    for local in (small_db, paths.bundled_database()):  # the exports of the same data in files
        out = tmp_path / f"{local.stem}.json"
        assert main(["export", "--db", str(local), "--output", str(out)]) == 0
        expected.add(out.read_text(encoding="utf-8"))
    assert len(expected) == 2
    stop = tmp_path / "stop"
    folders = [tmp_path / f"reader{i}" for i in range(4)]
    readers = []
    for folder in folders:
        folder.mkdir()
        readers.append(subprocess.Popen(
            [sys.executable, "-c", _READER, _as(team_server, "alice"), str(folder), str(stop)],
            stderr=subprocess.PIPE, text=True))
    try:
        deadline = time.monotonic() + 120
        while not all(any(f.iterdir()) for f in folders):  # every reader is exporting
            assert time.monotonic() < deadline, "the readers did not start"
            assert all(r.poll() is None for r in readers), "a reader stopped"
            time.sleep(0.05)
        for i in range(6):
            publish_dataset(bundled if i % 2 == 0 else small, curator, built_from="tests")
            time.sleep(0.2)
    finally:
        stop.touch()
        errors = [r.communicate(timeout=120)[1] for r in readers]
    assert [r.returncode for r in readers] == [0, 0, 0, 0], errors
    seen = [f.read_text(encoding="utf-8") for folder in folders
            for f in sorted(folder.iterdir()) if f.stat().st_size]
    assert len(seen) >= 8
    assert set(seen) <= expected, "an export mixed two versions"
    assert set(seen) == expected  # both versions were actually read during the test
    with _raw(team_server) as admin:  # old versions were dropped once nobody read them
        kept = admin.execute("SELECT count(*) FROM wsis.dataset_versions WHERE NOT dropped"
                             ).fetchone()
        schemas = admin.execute("SELECT count(*) FROM pg_namespace "
                                "WHERE nspname LIKE 'wsis_data_%'").fetchone()
    assert kept == schemas == (1,)


def test_an_open_reader_keeps_its_version_until_it_closes(small_ds: Dataset, team_server: str,
                                                          small_db: Path) -> None:
    """A publish while a store is open: the store still reads its version in full, the new
    one is current for the next reader, and the old one is dropped at the next publish."""
    curator = _as(team_server, "carol")
    publish_dataset(small_ds, curator, built_from="tests")
    store = open_database(_as(team_server, "alice"))
    assert store.label == f"{make_url(team_server).database} (version 1)"
    bundled = load_source_files(paths.data_dir())
    result = publish_dataset(bundled, curator, built_from="tests", drop_wait_s=0.2)
    assert result.version == 2 and result.kept  # in use: not dropped
    with open_database(small_db) as local:
        assert dumps(store.load()) == dumps(local.load())
    store.close()
    result = publish_dataset(small_ds, curator, built_from="tests")
    assert len(result.dropped) == 2 and not result.kept


def test_passwords_never_reach_the_output(team_server: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    url = make_url(_as(team_server, "carol")).set(password="hunter2-secret")
    text = url.render_as_string(hide_password=False)
    assert "hunter2-secret" in text  # (the test server trusts the socket: any password works)
    record = load_source_files(paths.data_dir()).events[0].id
    assert main(["publish", "--to", text]) == 0
    assert main(["notes", "add", record, "x", "--db", text]) == 0
    assert main(["notes", "list", "--db", text]) == 0
    assert main(["export", "--db", text.replace("/t_", "/no_such_db_")]) == 4  # DATABASE
    out = capsys.readouterr()
    assert "published version 1 to postgresql://carol@/t_" in out.out
    assert "cannot read the dataset" in out.err
    assert "hunter2-secret" not in out.out + out.err


def test_notes_cli_on_the_server(small_ds: Dataset, team_server: str,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    publish_dataset(small_ds, _as(team_server, "carol"), built_from="tests")
    alice = _as(team_server, "alice")
    assert main(["notes", "add", "cwg-22", "Part 2 on 10 June", "--db", alice]) == 0
    assert main(["notes", "add", "no-such-record", "x", "--db", alice]) == 1
    assert "no record 'no-such-record'" in capsys.readouterr().err
    assert main(["notes", "list", "--json", "--db", _as(team_server, "bob")]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(n["record"], n["text"], n["author"]) for n in listed] == [
        ("cwg-22", "Part 2 on 10 June", "alice")]
    assert {"record", "text", "author", "created"} <= set(listed[0])


def test_search_on_the_server_finds_the_teams_notes(small_ds: Dataset, team_server: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    publish_dataset(small_ds, _as(team_server, "carol"), built_from="tests")
    assert main(["notes", "add", "cwg-22", "补遗 came from WG-WSIS-22/43", "--db",
                 _as(team_server, "alice")]) == 0
    capsys.readouterr()
    assert main(["search", "补遗", "--json", "--db", _as(team_server, "bob")]) == 0
    [hit] = json.loads(capsys.readouterr().out)["notes"]
    assert (hit["record"], hit["author"], hit["record_title"]) == (
        "cwg-22", "alice", "22nd meeting of CWG-WSIS")
    assert main(["search", "ALICE", "--json", "--db", _as(team_server, "bob")]) == 0
    assert [n["author"] for n in json.loads(capsys.readouterr().out)["notes"]] == ["alice"]


def test_changes_are_announced_to_listeners(small_ds: Dataset, team_server: str) -> None:
    got: list[str] = []
    states: list[bool] = []
    listener = ChangeListener(_as(team_server, "bob"), got.append,
                              lambda ok, _why: states.append(ok))
    listener.start()
    try:
        deadline = time.monotonic() + 10
        while not states and time.monotonic() < deadline:
            time.sleep(0.02)
        assert states == [True]
        with open_workspace(_as(team_server, "alice")) as w:
            w.add_note("cwg-22", "hello")
            w.save_view("v", {})
        publish_dataset(small_ds, _as(team_server, "carol"), built_from="tests")
        deadline = time.monotonic() + 2  # the bound for a refresh
        while len(got) < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert got == ["notes:cwg-22", "views:v", "dataset:1"]
    finally:
        listener.stop()


def test_a_built_database_file_publishes_as_is(team_server: str, small_db: Path) -> None:
    from wsis_viewer.store.server_dataset import publish_database_file

    result = publish_database_file(small_db, _as(team_server, "carol"))
    assert result.version == 1
    with open_database(small_db) as local, open_database(_as(team_server, "bob")) as remote:
        assert dumps(remote.load()) == dumps(local.load())
        assert remote.meta() == local.meta()


def test_screenshot_and_report_read_from_the_server(team_server: str, tmp_path: Path) -> None:
    """The drawing commands through the real headless path (a subprocess), on the server's data:
    the same picture as from the bundled file."""
    import subprocess
    import sys

    assert main(["publish", "--to", _as(team_server, "carol")]) == 0
    reader = _as(team_server, "alice")

    def cli(*args: str) -> None:
        done = subprocess.run([sys.executable, "-m", "wsis_viewer", *args], check=False,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr

    view = ("--from", "2013-01", "--to", "2013-12", "--select", "cwg-22", "--size",
            "800x450")
    cli("screenshot", str(tmp_path / "server.png"), "--db", reader, *view)
    cli("screenshot", str(tmp_path / "file.png"), *view)
    from PySide6.QtGui import QImage

    server, file = QImage(str(tmp_path / "server.png")), QImage(str(tmp_path / "file.png"))
    assert server.size() == file.size()
    # Below the caption line (which names the database) the two pictures are the same.
    body = (0, 60, server.width(), server.height() - 60)
    assert server.copy(*body) == file.copy(*body)
    assert server.copy(0, 0, server.width(), 60) != file.copy(0, 0, server.width(), 60)
    cli("report", str(tmp_path / "server.pdf"), "--db", reader, "--from", "2013",
        "--to", "2013")
    from pypdf import PdfReader

    assert len(PdfReader(tmp_path / "server.pdf").pages) >= 2
