"""A corpus of broken and malicious databases, as an attacker and a careless user would send.

`build_corpus(folder)` writes one file (or folder, FIFO …) per case and returns the cases with
what must happen: "ok" (opens and renders; the hostile part must show as inert text) or
"refused" (one clean line). Used by tests/test_hostile_inputs.py; runnable on its own to look
at the files:  python tests/hostile_corpus.py OUT_FOLDER
"""

from __future__ import annotations

import importlib.util
import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "db" / "wsis.sqlite"
PAYLOAD = '<h1 style="color:red">PWN</h1><a href="https://evil.example/">Official ITU source</a>'
IMG = '<img src="https://evil.example/x.png">'


@dataclass(frozen=True)
class Case:
    name: str
    target: str          # what is passed as --db (a path, or a URL)
    expect: str          # "ok" or "refused"
    why: str = ""


def _sql(path: Path, *statements: str, writable_schema: bool = False) -> None:
    con = sqlite3.connect(path)
    try:
        if writable_schema:
            con.execute("PRAGMA writable_schema = ON")
        for statement in statements:
            con.execute(statement)
        con.commit()
        if writable_schema:
            con.execute("PRAGMA writable_schema = OFF")
    finally:
        con.close()


def _relaxed(path: Path, table: str, statement: str) -> None:
    """Run `statement` with the NOT NULL constraints of `table` lifted, then put the original
    schema text back: the file then holds NULLs its own (unchanged) schema forbids."""
    con = sqlite3.connect(path)
    original = con.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    con.close()
    for sql, step in ((original.replace(" NOT NULL", ""), statement), (original, None)):
        _sql(path, "UPDATE sqlite_master SET sql = " + "'" + sql.replace("'", "''") + "'"
             f" WHERE name = '{table}'", writable_schema=True)
        if step:
            _sql(path, "PRAGMA foreign_keys = OFF", step)


def payload_dataset() -> object:
    """Every text field of every record kind holds HTML; ids stay usable as ids."""
    small_dataset = _small_dataset_function()

    from wsis_viewer.domain.model import (
        Bilingual,
        Contributor,
        Figure,
        Person,
        Role,
        Source,
        SourceType,
        Topic,
    )

    def bi(tag: str) -> Bilingual:
        return Bilingual(f"{tag}中{PAYLOAD}", f"{tag}{PAYLOAD}{IMG}")

    ds = small_dataset()
    bad_source = Source(SourceType.EXTERNAL, f"ref{PAYLOAD}", "https://evil.example/\"><b>x",
                        f"title{PAYLOAD}")
    events = tuple(replace(
        e, title=bi("T"), location=f"loc{PAYLOAD}", date_note=f"note{PAYLOAD}",
        description=bi("D"), sources=(*e.sources, bad_source),
        sessions=tuple(replace(s, room=f"room{PAYLOAD}", location=f"L{PAYLOAD}",
                               label=f"lab{PAYLOAD}") for s in e.sessions))
        for e in ds.events)
    documents = tuple(replace(d, title=bi("DT"), submitted_by=f"sub{PAYLOAD}",
                              description=bi("DD"), sources=(bad_source,))
                      for d in ds.documents)
    resolutions = tuple(replace(r, title=bi("RT"), description=bi("RD"),
                                history=tuple(replace(h, note=f"n{PAYLOAD}") for h in r.history),
                                sources=(bad_source,)) for r in ds.resolutions)
    recommendations = tuple(replace(m, text=bi("MT"), note=f"mn{PAYLOAD}", sources=(bad_source,))
                            for m in ds.recommendations)
    people = (Person(id="p1", name=f"N{PAYLOAD}", name_zh=f"名{PAYLOAD}", country=f"C{PAYLOAD}",
                     roles=(Role(f"r{PAYLOAD}", f"b{PAYLOAD}", 2011, 2013),),
                     sources=(bad_source,)),)
    contributors = (Contributor(id="c1", name=bi("CN"), type=f"t{PAYLOAD}",
                                country=f"cc{PAYLOAD}", sources=(bad_source,)),)
    topics = (Topic(id="t1", category=f"cat{PAYLOAD}", ref=f"§1{PAYLOAD}", title=bi("TT"),
                    start_year=2011, end_year=2012, events=("cwg-21",),
                    sources=(bad_source,)),)
    figures = (Figure(id="f1", value=5, qualifier="about", text=bi("FT"), event="cwg-21",
                      sources=(bad_source,)),)
    return replace(ds, events=events, documents=documents, resolutions=resolutions,
                   recommendations=recommendations, people=people, contributors=contributors,
                   topics=topics, figures=figures)


def _write(ds: object, path: Path) -> Path:
    from wsis_viewer.store.build import write_database

    write_database(ds, path, built_from="hostile corpus")  # type: ignore[arg-type]
    return path


def _copy(src: Path, dst: Path) -> Path:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)
    return dst


def _hot_journal(path: Path) -> None:
    """Leave `path` with a hot rollback journal (a writer killed mid-transaction)."""
    code = ("import sqlite3, os, sys\n"
            "c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA cache_size = 1')\n"
            "c.execute('BEGIN'); c.execute(\"UPDATE events SET title_en = 'ROLLED BACK?'\")\n"
            "c.execute(\"INSERT INTO meta VALUES ('junk', hex(randomblob(300000)))\")\n"
            "os._exit(0)\n")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True)


def build_corpus(root: Path, *, sittings: int = 1_000_000, seed: int = 12) -> list[Case]:
    """Write every case under `root` (which must be empty or missing)."""
    root.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    small = _write(_small(), root / "_small_template.bin")
    cases: list[Case] = []

    def db_case(name: str, expect: str, mutate: Callable[[Path], None] | None = None,
                *, base: Path = small, filename: str | None = None, why: str = "") -> Path:
        folder = root / name
        path = _copy(base, folder / (filename or "case.sqlite"))
        if mutate is not None:
            mutate(path)
        cases.append(Case(name, str(path), expect, why))
        return path

    # --- fine files, possibly with hostile names or contents --------------------------------
    db_case("ok-bundled", "ok", base=BUNDLED)
    db_case("ok-small", "ok")
    payload = _write(payload_dataset(), root / "_payload_template.bin")
    db_case("ok-html-in-every-text-column", "ok", base=payload)
    db_case("ok-rich-text-file-name", "ok", filename="<font color=red size=7>BIG<img src=x>.sqlite")
    db_case("ok-hash-in-name", "ok", filename="report#2.sqlite",
            why="'#' once cut the name and created a new file 'report'")
    db_case("ok-percent-in-name", "ok", filename="%41%2e%3f.sqlite")
    victim_dir = root / "ok-uri-in-name"
    victim = _copy(BUNDLED, victim_dir / "victim.sqlite")
    _hot_journal(victim)
    db_case("ok-uri-in-name", "ok", filename="victim.sqlite?mode=rw&x=",
            why="once opened victim.sqlite read-write and rolled back its hot journal")
    db_case("ok-hot-journal", "ok", _hot_journal, base=BUNDLED,
            why="read with immutable=1; the journal is never rolled back")
    db_case("ok-wal-mode", "ok", lambda p: _sql(p, "PRAGMA journal_mode = WAL"),
            why="WAL read immutably: no -wal/-shm files created")

    def many_sittings(p: Path) -> None:
        _sql(p, "DELETE FROM sessions WHERE event_id = 'cwg-21'",
             "INSERT INTO sessions (event_id, seq, start, \"end\") "
             "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n "
             f"WHERE i < {sittings - 1}) "
             "SELECT 'cwg-21', i, '2013-01-30', '2013-01-30' FROM n")
    db_case("ok-many-sittings", "ok", many_sittings,
            why=f"{sittings} sittings of one event: aggregated, lists cut")

    # --- not a database of ours -------------------------------------------------------------
    cases.append(Case("refused-missing", str(root / "refused-missing" / "nothing.sqlite"),
                      "refused"))
    (root / "refused-missing").mkdir()
    (root / "refused-folder" / "folder.sqlite").mkdir(parents=True)
    cases.append(Case("refused-folder", str(root / "refused-folder" / "folder.sqlite"),
                      "refused"))
    (root / "refused-fifo").mkdir()
    os.mkfifo(root / "refused-fifo" / "pipe.sqlite")
    cases.append(Case("refused-fifo", str(root / "refused-fifo" / "pipe.sqlite"), "refused",
                      "a FIFO blocked the first read for ever"))

    def raw(name: str, data: bytes) -> None:
        folder = root / name
        folder.mkdir()
        (folder / "case.sqlite").write_bytes(data)
        cases.append(Case(name, str(folder / "case.sqlite"), "refused"))

    bundled = BUNDLED.read_bytes()
    raw("refused-empty", b"")
    raw("refused-random-bytes", rng.randbytes(8192))
    raw("refused-csv", b"id,title\n1,<b>x</b>\n")
    raw("refused-truncated", bundled[:len(bundled) // 2])
    raw("refused-header-only", b"SQLite format 3\x00" + b"\xff" * 84)
    flipped = bytearray(bundled)
    flipped[16379] ^= 0xFF
    raw("refused-byte-16379-flipped", bytes(flipped))
    other = root / "refused-other-application"
    other.mkdir()
    _sql(other / "case.sqlite", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)",
         "INSERT INTO notes VALUES (1, 'hello')")
    cases.append(Case("refused-other-application", str(other / "case.sqlite"), "refused"))

    # --- ours, but altered ------------------------------------------------------------------
    db_case("refused-newer-version", "refused",
            lambda p: _sql(p, "UPDATE meta SET value = '99' WHERE key = 'schema_version'"))
    db_case("refused-version-text", "refused",
            lambda p: _sql(p, "UPDATE meta SET value = '<b>1</b>' WHERE key = 'schema_version'"))
    db_case("refused-application-id", "refused", lambda p: _sql(p, "PRAGMA application_id = 7"))
    db_case("refused-view-shadowing-events", "refused", lambda p: _sql(
        p, "ALTER TABLE events RENAME TO events_real",
        "CREATE VIEW events AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
        "SELECT e.* FROM events_real e, r"), why="an endless recursive view hung every read")
    db_case("refused-extra-trigger", "refused", lambda p: _sql(
        p, "CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM events; END"))
    db_case("refused-extra-view", "refused", lambda p: _sql(p, "CREATE VIEW v AS SELECT 1"))
    db_case("refused-extra-table", "refused", lambda p: _sql(p, "CREATE TABLE x (a)"))
    db_case("refused-altered-table", "refused",
            lambda p: _sql(p, "ALTER TABLE events ADD COLUMN extra TEXT"))
    db_case("refused-dropped-index", "refused", lambda p: _sql(p, "DROP INDEX ix_events_start"))
    db_case("refused-non-utf8-schema-name", "refused", lambda p: _sql(
        p, "UPDATE sqlite_master SET name = CAST(X'FFFE3C623E' AS TEXT) "
           "WHERE name = 'ix_events_lane'", writable_schema=True))

    # --- ours, with values the reader must not trust ----------------------------------------
    bad_values = {
        "year-9999-end": "UPDATE events SET start = '0001-01-01', \"end\" = '9999-12-31', "
                         "precision = 'year' WHERE id = 'summit-2005'",
        "date-without-dashes": "UPDATE events SET \"end\" = '20130101' WHERE id = 'cwg-21'",
        "february-30": "UPDATE sessions SET start = '2013-02-30' WHERE event_id = 'cwg-21'",
        "end-before-start": "UPDATE events SET \"end\" = '2000-01-01' WHERE id = 'cwg-21'",
        "text-in-figure-value": "INSERT INTO figures VALUES ('f1', "
                                f"'{PAYLOAD}', 'about', 'x', 'x', 0, NULL)",
        "text-in-step-year": f"UPDATE resolution_steps SET year = '{PAYLOAD}'",
        "text-year-sorting": "UPDATE resolution_steps SET year = '2013a'",
        "huge-year": "UPDATE resolution_steps SET year = 9223372036854775807",
        "real-in-integer": "UPDATE resolution_steps SET year = 2013.5",
        "blob-in-text": "UPDATE events SET title_en = X'00FF00FF' WHERE id = 'cwg-21'",
        "empty-id": "UPDATE documents SET symbol = '' WHERE symbol = 'C13/85'",
        "unknown-precision": "UPDATE events SET precision = 'decade' WHERE id = 'cwg-21'",
        "unknown-source-type": "UPDATE sources SET type = 'rumour'",
        "unknown-record-type": "UPDATE sources SET record_type = 'planet'",
        "javascript-url": "UPDATE sources SET url = 'javascript:alert(1)' WHERE url IS NOT NULL",
        "non-utf8-title": "UPDATE events SET title_en = CAST(X'C3283C623E' AS TEXT) "
                          "WHERE id = 'cwg-21'",
        "boolean-7": "UPDATE events SET title_en_is_translation = 7",
        "bad-time": "UPDATE sessions SET time = '25:99'",
        "orphan-session": "INSERT INTO sessions (event_id, seq, start, \"end\") "
                          "VALUES ('no-such-event', 0, '2013-01-01', '2013-01-02')",
        "ten-megabyte-title": "UPDATE events SET title_en = "
                              "(SELECT group_concat('x', '') FROM "
                              "(WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i+1 FROM n "
                              "WHERE i < 10000000) SELECT i FROM n)) WHERE id = 'cwg-21'",
    }
    for name, statement in bad_values.items():
        db_case(f"refused-{name}", "refused",
                lambda p, st=statement: _sql(p, "PRAGMA foreign_keys = OFF", st))

    db_case("refused-null-date", "refused", lambda p: _relaxed(
        p, "events", "UPDATE events SET start = NULL WHERE id = 'cwg-21'"))
    db_case("refused-null-id", "refused", lambda p: _relaxed(
        p, "events", "UPDATE events SET id = NULL WHERE id = 'summit-2005'"))
    db_case("refused-null-title", "refused", lambda p: _relaxed(
        p, "documents", "UPDATE documents SET title_en = NULL"))

    # --- URLs that ask SQLite for other modes -----------------------------------------------
    url_dir = root / "refused-url-modes"
    url_dir.mkdir()
    created = url_dir / "created.sqlite"
    cases.append(Case("refused-url-file-rwc", f"sqlite:///file:{created}?mode=rwc&uri=true",
                      "refused", "once created files"))
    target = _copy(small, url_dir / "existing.sqlite")
    cases.append(Case("refused-url-mode-rw", f"sqlite:///{target}?mode=rw", "refused"))
    cases.append(Case("refused-url-memory", "sqlite://", "refused"))
    (root / "_small_template.bin").unlink()
    (root / "_payload_template.bin").unlink()
    return cases


def _small_dataset_function() -> Callable[[], object]:
    """tests/conftest.py's small_dataset, loaded by path (under pytest, "conftest" may name
    tests/gui/conftest.py)."""
    spec = importlib.util.spec_from_file_location("wsis_tests_conftest",
                                                  ROOT / "tests" / "conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.small_dataset  # type: ignore[no-any-return]


def _small() -> object:
    return _small_dataset_function()()


if __name__ == "__main__":
    out = Path(sys.argv[1])
    for case in build_corpus(out, sittings=int(os.environ.get("SITTINGS", "1000000"))):
        print(f"{case.expect:8} {case.name:40} {case.target}")
