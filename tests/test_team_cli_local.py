"""The team commands without a server: notes in the user's own workspace, URL hygiene."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wsis_viewer.cli import main
from wsis_viewer.store.urls import display_url, is_server_url, server_url


@pytest.fixture
def data_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data"


def test_notes_add_and_list_in_the_own_workspace(data_home: Path, small_db: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", "add", "cwg-22", "Check WG-WSIS-22/43", "--dataset",
                 str(small_db)]) == 0
    assert main(["notes", "add", "C13/85", "第二条", "--dataset", str(small_db)]) == 0
    assert "added note 1 on cwg-22" in capsys.readouterr().out
    assert main(["notes", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(n["record"], n["text"]) for n in listed] == [
        ("cwg-22", "Check WG-WSIS-22/43"), ("C13/85", "第二条")]
    assert {"record", "text", "author", "created"} <= set(listed[0])
    assert main(["notes", "list", "--record", "C13/85"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and lines[0].endswith("on C13/85: 第二条")
    assert main(["notes", "list", "--search", "wg-wsis CHECK", "--json"]) == 0
    assert [n["record"] for n in json.loads(capsys.readouterr().out)] == ["cwg-22"]
    assert main(["notes", "list", "--search", "check 第二条", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert (data_home / "wsis-viewer" / "workspace.sqlite").is_file()


def test_search_finds_notes_in_the_own_workspace_text_and_json(
        data_home: Path, small_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`wsis-viewer search` lists the notes it finds next to the records, from the same
    workspace `notes` writes to; `--workspace` searches another file's."""
    assert main(["search", "addendum", "--db", str(small_db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["notes"] == []  # no workspace yet: none made
    assert not (data_home / "wsis-viewer" / "workspace.sqlite").exists()
    assert main(["notes", "add", "cwg-22", "The ADDENDUM came from WG-WSIS-22/43",
                 "--dataset", str(small_db)]) == 0
    assert main(["notes", "add", "C13/85", "补遗在第二部分", "--dataset", str(small_db)]) == 0
    capsys.readouterr()
    assert main(["search", "addendum", "--db", str(small_db), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["results"] == []  # no record says "addendum": only the note does
    [hit] = data["notes"]
    assert hit["record"] == "cwg-22" and hit["record_kind"] == "event"
    assert hit["record_title"] == "22nd meeting of CWG-WSIS"
    assert hit["text"][hit["match"][0]:hit["match"][1]] == "ADDENDUM"
    assert {"author", "created", "edited"} <= set(hit)
    assert main(["search", "补遗", "--db", str(small_db), "--lang", "zh", "--json"]) == 0
    [zh] = json.loads(capsys.readouterr().out)["notes"]
    assert (zh["record"], zh["record_kind"], zh["record_title"]) == (
        "C13/85", "document", "C13/85")
    assert main(["search", "addendum", "--db", str(small_db)]) == 0
    text = capsys.readouterr().out
    assert "note" in text and "22nd meeting of CWG-WSIS" in text and "WG-WSIS-22/43" in text
    assert main(["search", "addendum", "--db", str(small_db), "--no-notes", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["notes"] == []
    other = data_home.parent / "other.sqlite"
    assert main(["notes", "add", "cwg-21", "addendum elsewhere", "--workspace", str(other),
                 "--dataset", str(small_db)]) == 0
    capsys.readouterr()
    assert main(["search", "addendum", "--db", str(small_db), "--workspace", str(other),
                 "--json"]) == 0
    assert [n["record"] for n in json.loads(capsys.readouterr().out)["notes"]] == ["cwg-21"]


def test_notes_on_unknown_records_or_blank_are_refused(data_home: Path, small_db: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notes", "add", "no-such", "text", "--dataset", str(small_db)]) == 1
    assert "no record 'no-such'" in capsys.readouterr().err
    assert main(["notes", "add", "cwg-22", "   ", "--dataset", str(small_db)]) == 1
    assert "needs some text" in capsys.readouterr().err
    assert main(["notes", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_notes_db_must_be_a_server(data_home: Path, small_db: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["notes", "list", "--db", str(small_db)])
    assert exc.value.code == 2
    assert "--db takes a team server URL" in capsys.readouterr().err


def test_publish_and_admin_refuse_files(capsys: pytest.CaptureFixture[str],
                                        small_db: Path) -> None:
    assert main(["publish", "--to", str(small_db)]) == 2
    assert main(["admin", "init", "--db", "sqlite:///x.sqlite"]) == 2
    assert capsys.readouterr().err.count("server URL") == 2


@pytest.mark.parametrize("url", [
    "postgresql://ana:s3cret@db.example.org:5432/wsis?sslmode=require",
    "postgresql://ana@/wsis?host=/run/pg&password=s3cret",
])
def test_display_url_never_shows_a_password(url: str) -> None:
    shown = display_url(url)
    assert "s3cret" not in shown and "ana" in shown
    assert is_server_url(url) and server_url(url).drivername == "postgresql+psycopg"


def test_service_urls_keep_libpq_parameters() -> None:
    assert not is_server_url("db/wsis.sqlite") and not is_server_url(Path("x://y"))
    url = server_url("postgresql:///?service=wsis-team&sslmode=verify-full")
    assert url.query == {"service": "wsis-team", "sslmode": "verify-full"}


def test_settings_keep_server_urls_without_their_password() -> None:
    from wsis_viewer.ui.settings import normalise_location

    kept = normalise_location("postgresql://ana:s3cret@db.example.org/wsis?sslmode=require")
    assert "s3cret" not in kept
    assert server_url(kept).password is None and server_url(kept).username == "ana"


@pytest.mark.parametrize(("url", "name"), [
    ("postgresql://ana:pw@db.example.org:5432/wsis?sslmode=require", "wsis@db.example.org"),
    ("postgresql://ana@/wsis?host=/run/postgresql", "wsis"),
    ("postgresql:///?service=wsis-team", "service wsis-team"),
])
def test_server_names_are_short_and_without_password(url: str, name: str) -> None:
    from wsis_viewer.store.urls import server_name

    assert server_name(url) == name


def test_export_with_notes_follows_the_schema(data_home: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """On the bundled database (whose export the schema describes)."""
    import jsonschema

    from wsis_viewer import paths

    assert main(["export", "--notes"]) == 0
    assert json.loads(capsys.readouterr().out)["notes"] == []  # no workspace yet: none
    assert not (data_home / "wsis-viewer").exists()  # and an export did not create one
    assert main(["notes", "add", "cwg-22", "Part 2: 10 June"]) == 0
    capsys.readouterr()
    assert main(["export"]) == 0
    assert "notes" not in json.loads(capsys.readouterr().out)
    assert main(["export", "--notes"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert [(n["record"], n["text"]) for n in exported["notes"]] == [("cwg-22", "Part 2: 10 June")]
    schema = json.loads(paths.export_schema_path().read_text(encoding="utf-8"))
    jsonschema.validate(exported, schema, format_checker=jsonschema.FormatChecker())
    exported["notes"][0]["created"] = 5
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(exported, schema)


def test_report_with_notes_has_a_notes_chapter(data_home: Path, small_db: Path,
                                               tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from pypdf import PdfReader

    assert main(["notes", "add", "cwg-22", "Ask about the addendum WG-WSIS-22/43",
                 "--dataset", str(small_db)]) == 0
    assert main(["notes", "add", "summit-2005", "Outside the report's years",
                 "--dataset", str(small_db)]) == 0
    env = {**os.environ, "XDG_DATA_HOME": str(data_home), "QT_QPA_PLATFORM": "offscreen"}
    for name, extra in (("with.pdf", ["--notes"]), ("without.pdf", [])):
        done = subprocess.run([sys.executable, "-m", "wsis_viewer", "report",
                               str(tmp_path / name), "--db", str(small_db), "--from", "2013",
                               "--to", "2013", *extra], capture_output=True, text=True,
                              env=env, timeout=300, check=False)
        assert done.returncode == 0, done.stderr

    def text(name: str) -> str:
        return " ".join((p.extract_text() or "") for p in PdfReader(tmp_path / name).pages)

    with_notes = " ".join(text("with.pdf").split())
    assert "Analysts' notes" in with_notes and "WG-WSIS-22/43" in with_notes
    assert "Outside the report's years" not in with_notes
    assert "Analysts' notes" not in text("without.pdf")


def test_a_view_link_argument_opens_the_window_on_that_view(monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    from wsis_viewer.domain.notes import view_link
    from wsis_viewer.ui import app

    seen: dict[str, object] = {}
    monkeypatch.setattr(app, "run_app", lambda **kw: seen.update(kw) or 0)
    link = view_link("shared", {"search": "1334"})
    assert main([link]) == 0
    assert seen["view_link"] == link and seen["db"] is None
    assert main(["/some/file.sqlite"]) == 0
    assert seen["view_link"] is None and seen["db"] == "/some/file.sqlite"
