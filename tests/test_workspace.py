"""The workspace store (notes and named views) on both back ends: the per-user SQLite file and a
PostgreSQL team server. The same tests run on both (parametrised); the server ones need the
throwaway server of scripts/pg_test_server.sh (see tests/pg_server.py)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_server import with_database
from sqlalchemy import text
from sqlalchemy.engine import make_url

from wsis_viewer.domain.notes import NoteError, parse_view_link, view_link
from wsis_viewer.store import workspace_schema as ws
from wsis_viewer.store.problems import DatabaseError
from wsis_viewer.store.workspace import (
    Workspace,
    _local_engine,
    default_workspace_path,
    migrate_local,
    open_local_workspace,
    open_workspace,
)


def _as(url: str, user: str) -> str:
    return with_database(url, str(make_url(url).database), user=user)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.server)])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A workspace target: a fresh local file, or a fresh team server opened as alice."""
    if request.param == "sqlite":
        return str(tmp_path / "workspace.sqlite")
    return _as(request.getfixturevalue("team_server"), "alice")


@pytest.fixture
def workspace(backend: str) -> Iterator[Workspace]:
    with open_workspace(backend) as w:
        yield w


def test_a_note_keeps_record_text_author_and_times(workspace: Workspace) -> None:
    before = dt.datetime.now(dt.UTC)
    note = workspace.add_note("cwg-22", "  The second part on 10 June: check WG-WSIS-22/43.  ")
    assert note.record == "cwg-22"
    assert note.text == "The second part on 10 June: check WG-WSIS-22/43."
    assert note.author == workspace.user
    assert note.created.tzinfo is not None
    assert before - dt.timedelta(seconds=5) <= note.created <= dt.datetime.now(dt.UTC)
    assert note.edited is None
    assert workspace.notes() == [note]

    edited = workspace.edit_note(note.id, "第二部分 (6月10日)")
    assert edited.text == "第二部分 (6月10日)" and edited.edited is not None
    assert edited.created == note.created
    assert workspace.notes("cwg-22") == [edited]


def test_notes_filter_by_record_and_count_per_record(workspace: Workspace) -> None:
    workspace.add_note("cwg-22", "one")
    workspace.add_note("council-2013", "two")
    workspace.add_note("cwg-22", "three")
    assert [n.text for n in workspace.notes("cwg-22")] == ["one", "three"]
    assert [n.text for n in workspace.notes()] == ["one", "two", "three"]
    assert workspace.note_counts() == {"cwg-22": 2, "council-2013": 1}
    assert workspace.notes("no-such-record") == []


def test_the_same_note_sent_twice_is_stored_once(workspace: Workspace) -> None:
    """A retry after a lost answer (same uid) must not duplicate the note."""
    first = workspace.add_note("cwg-22", "once", uid="9b1f7c3e-0000-4000-8000-000000000001")
    again = workspace.add_note("cwg-22", "once", uid="9b1f7c3e-0000-4000-8000-000000000001")
    assert again == first
    assert len(workspace.notes()) == 1


def test_blank_notes_are_refused_and_nothing_is_written(workspace: Workspace) -> None:
    with pytest.raises(NoteError, match="needs some text"):
        workspace.add_note("cwg-22", "   \n ")
    with pytest.raises(NoteError, match="id of the record"):
        workspace.add_note(" ", "text")
    with pytest.raises(NoteError, match="does not exist"):
        workspace.edit_note(12345, "text")
    assert workspace.notes() == []


def test_delete_removes_only_that_note(workspace: Workspace) -> None:
    keep = workspace.add_note("cwg-22", "keep")
    gone = workspace.add_note("cwg-22", "gone")
    workspace.delete_note(gone.id)
    assert workspace.notes() == [keep]
    with pytest.raises(NoteError):
        workspace.delete_note(gone.id)


def test_named_views_save_replace_list_and_delete(workspace: Workspace) -> None:
    state = {"x0": 15000.5, "x1": 16000.0, "hidden_lanes": ["unga"], "years": [2012, 2013],
             "selected": "cwg-22", "search": "决议 1334", "language": "zh"}
    saved = workspace.save_view("  June   2013 ", state)
    assert saved.name == "June 2013"
    workspace.save_view("June 2013", {**state, "search": "WSIS"})  # same name: replaced
    workspace.save_view("Another", {"x0": 1.0, "x1": 2.0})
    views = workspace.views()
    assert [v.name for v in views] == ["Another", "June 2013"]
    assert views[1].state == {**state, "search": "WSIS"}
    assert views[1].owner == workspace.user
    workspace.delete_view("Another")
    assert [v.name for v in workspace.views()] == ["June 2013"]
    with pytest.raises(NoteError, match="no view called"):
        workspace.delete_view("Another")
    with pytest.raises(NoteError, match="needs a name"):
        workspace.save_view("  ", state)
    with pytest.raises(NoteError, match="JSON object"):
        workspace.save_view("bad", ["not", "a", "dict"])  # type: ignore[arg-type]


def test_writers_in_parallel_lose_nothing(backend: str) -> None:
    """Four writers, each with its own connection (as the window and a terminal would be)."""
    errors: list[BaseException] = []

    def write(k: int) -> None:
        try:
            with open_workspace(backend) as w:
                for i in range(25):
                    w.add_note(f"rec-{k}", f"writer {k} note {i}")
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_workspace(backend) as w:
        texts = [n.text for n in w.notes()]
    assert len(texts) == 100 == len(set(texts))


def test_view_link_round_trip() -> None:
    state = {"x0": 15000.5, "hidden_lanes": ["unga", "council"], "search": "决议 & 1334?#"}
    link = view_link("June 2013 / Council", state)
    assert link.startswith("wsis-viewer:view?name=June%202013%20%2F%20Council&state=")
    assert " " not in link and "决" not in link
    assert parse_view_link(link) == ("June 2013 / Council", state)
    with pytest.raises(NoteError, match="not a view link"):
        parse_view_link("https://example.org/")
    with pytest.raises(NoteError, match="damaged"):
        parse_view_link("wsis-viewer:view?name=x&state=%%%")


# --- local file only --------------------------------------------------------------------------


def test_default_workspace_is_in_the_users_data_folder(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_workspace_path() == tmp_path / "data" / "wsis-viewer" / "workspace.sqlite"
    with open_workspace() as w:
        w.add_note("cwg-22", "kept in my own file")
    assert (tmp_path / "data" / "wsis-viewer" / "workspace.sqlite").is_file()


def _file_version(path: Path) -> tuple[int, int]:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return (con.execute("PRAGMA application_id").fetchone()[0],
                con.execute("PRAGMA user_version").fetchone()[0])
    finally:
        con.close()


def test_new_file_carries_its_own_version(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    open_local_workspace(path).close()
    assert _file_version(path) == (ws.WORKSPACE_APPLICATION_ID, ws.WORKSPACE_VERSION)


def test_a_newer_workspace_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with open_local_workspace(path) as w:
        w.add_note("cwg-22", "from the future")
    import sqlite3

    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {ws.WORKSPACE_VERSION + 1}")
    con.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="newer than this viewer's"):
        open_local_workspace(path)
    assert path.read_bytes() == before
    assert list(tmp_path.glob("*.bak")) == []


@pytest.mark.parametrize("content", [b"hello, not a database", b"SQLite format 3\x00" + bytes(84)])
def test_foreign_files_are_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "w.sqlite"
    path.write_bytes(content)
    with pytest.raises(DatabaseError, match=r"w\.sqlite"):
        open_local_workspace(path)
    assert path.read_bytes() == content


def test_another_applications_sqlite_file_is_refused(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "theirs.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE accounts (id INTEGER)")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="tables of its own"):
        open_local_workspace(path)
    assert path.read_bytes() == before


def _add_tag_column(conn: object) -> None:
    conn.exec_driver_sql("ALTER TABLE notes ADD COLUMN tag TEXT")  # type: ignore[attr-defined]


def _broken(conn: object) -> None:
    conn.exec_driver_sql("ALTER TABLE notes ADD COLUMN tag TEXT")  # type: ignore[attr-defined]
    conn.exec_driver_sql("THIS IS NOT SQL")  # type: ignore[attr-defined]


def test_migration_backs_up_first_then_migrates(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with open_local_workspace(path) as w:
        w.add_note("cwg-22", "written by version 1")
    engine = _local_engine(path)
    steps = {**ws.MIGRATIONS, ws.WORKSPACE_VERSION: _add_tag_column}
    backup = migrate_local(engine, path, steps, target_version=ws.WORKSPACE_VERSION + 1)
    engine.dispose()
    assert backup is not None and backup.parent == tmp_path
    assert backup.name.startswith(f"w.sqlite.v{ws.WORKSPACE_VERSION}-")
    assert _file_version(backup)[1] == ws.WORKSPACE_VERSION
    assert _file_version(path)[1] == ws.WORKSPACE_VERSION + 1
    import sqlite3

    con = sqlite3.connect(path)
    assert con.execute("SELECT text, tag FROM notes").fetchall() == [
        ("written by version 1", None)]
    con.close()
    con = sqlite3.connect(backup)
    assert con.execute("SELECT text FROM notes").fetchall() == [("written by version 1",)]
    con.close()


def test_a_failed_migration_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with open_local_workspace(path) as w:
        w.add_note("cwg-22", "must survive")
    engine = _local_engine(path)
    steps = {**ws.MIGRATIONS, ws.WORKSPACE_VERSION: _broken}
    with pytest.raises(DatabaseError, match=r"unchanged, and a copy is in .*\.bak"):
        migrate_local(engine, path, steps, target_version=ws.WORKSPACE_VERSION + 1)
    engine.dispose()
    assert _file_version(path)[1] == ws.WORKSPACE_VERSION
    with open_local_workspace(path) as w:  # still opens, column not half-added
        assert [n.text for n in w.notes()] == ["must survive"]
        with w.engine.connect() as conn:
            cols = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(notes)")]
    assert "tag" not in cols


def test_a_crash_in_the_middle_of_a_write_loses_nothing_saved(tmp_path: Path) -> None:
    """A process dies inside its transaction: notes saved before are there, the file is sound,
    and the half-written note is not."""
    path = tmp_path / "w.sqlite"
    script = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from wsis_viewer.store.workspace import open_local_workspace
        w = open_local_workspace(Path({str(path)!r}))
        for i in range(20):
            w.add_note("cwg-22", f"saved {{i}}")
        conn = w.engine.connect()
        conn.begin()
        conn.exec_driver_sql(
            "INSERT INTO notes (uid, record_id, text, author, created) "
            "VALUES ('x', 'cwg-22', 'half written', 'me', '2013-06-10 00:00:00')")
        os._exit(3)  # no commit, no cleanup: as if the power went
    """)
    done = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True,
                          text=True)
    assert done.returncode == 3, done.stderr
    with open_local_workspace(path) as w:
        assert [n.text for n in w.notes()] == [f"saved {i}" for i in range(20)]
        with w.engine.connect() as conn:
            assert conn.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        w.add_note("cwg-22", "after the crash")
        assert len(w.notes()) == 21


def test_a_view_state_survives_json_and_a_link() -> None:
    from wsis_viewer.domain.model import RecordType
    from wsis_viewer.domain.notes import view_state_from_json, view_state_to_json
    from wsis_viewer.domain.relations import RecordRef
    from wsis_viewer.domain.view_state import ViewState

    state = ViewState(selected=RecordRef(RecordType.DOCUMENT, "C13/85"), search="决议 1334",
                      hidden_lanes=frozenset({"unga", "council"}), years=(2012, 2013),
                      time_range=(1.3e9, 1.4e9), lang="zh", theme="dark", stated_only=True)
    data = view_state_to_json(state)
    assert view_state_from_json(data) == state
    assert view_state_from_json(parse_view_link(view_link("v", data))[1]) == state


@pytest.mark.parametrize("bad", [
    {"years": [2013], "time_range": [5, 1], "lang": "fr", "theme": 3, "hidden_lanes": "unga",
     "selected": "not a ref", "search": None, "stated_only": "yes"},
    {},
])
def test_a_damaged_view_falls_back_to_defaults(bad: dict) -> None:
    from wsis_viewer.domain.notes import view_state_from_json
    from wsis_viewer.domain.view_state import ViewState

    assert view_state_from_json(bad) == ViewState()


# --- the notes in the main search (both back ends) --------------------------------------------


def test_search_finds_notes_by_text_and_author_any_case(workspace: Workspace) -> None:
    a = workspace.add_note("cwg-22", "The addendum came from WG-WSIS-22/43")
    b = workspace.add_note("council-2013", "Nothing about that here")
    assert workspace.search_notes("ADDENDUM") == [a]
    assert workspace.search_notes("wg-wsis-22/43") == [a]
    # every word, anywhere in the text or the author
    assert workspace.search_notes("addendum came") == [a]
    assert workspace.search_notes("addendum nowhere") == []
    assert set(workspace.search_notes(workspace.user.upper())) == {a, b}
    assert workspace.search_notes("   ") == []


def test_search_finds_chinese_notes_by_any_substring(workspace: Workspace) -> None:
    zh = workspace.add_note("cwg-22", "第二部分会议的补遗来自WG-WSIS-22/43号文件")
    workspace.add_note("cwg-21", "an English note")
    assert workspace.search_notes("补遗") == [zh]     # two characters, mid-sentence
    assert workspace.search_notes("会") == [zh]       # one character
    assert workspace.search_notes("部分 文件") == [zh]
    assert workspace.search_notes("补充") == []


def test_search_treats_like_wildcards_as_text(workspace: Workspace) -> None:
    pct = workspace.add_note("cwg-22", "100% of the budget")
    under = workspace.add_note("cwg-23", "see file a_b.pdf")
    slash = workspace.add_note("cwg-24", r"path C:\wsis")
    workspace.add_note("cwg-25", "1000 of the budget, aXb")
    assert workspace.search_notes("100%") == [pct]
    assert workspace.search_notes("a_b") == [under]
    assert workspace.search_notes("%") == [pct]
    assert workspace.search_notes("_") == [under]
    assert workspace.search_notes("\\") == [slash]


def test_search_lists_the_latest_change_first_and_honours_the_limit(
        workspace: Workspace) -> None:
    first = workspace.add_note("cwg-22", "budget one")
    second = workspace.add_note("cwg-23", "budget two")
    assert workspace.search_notes("budget") == [second, first]
    edited = workspace.edit_note(first.id, "budget one, revised")
    assert workspace.search_notes("budget") == [edited, second]
    assert workspace.search_notes("budget", limit=1) == [edited]


def test_local_search_folds_case_beyond_ascii(tmp_path: Path) -> None:
    with open_workspace(tmp_path / "w.sqlite") as w:
        note = w.add_note("cwg-22", "Réunion à GENÈVE, ΣΥΝΕΔΡΊΑΣΗ")
        assert w.search_notes("genève") == [note]
        assert w.search_notes("συνεδρίαση") == [note]
