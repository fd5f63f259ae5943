"""Search over every kind of record, in the database's own index (store/search_index.py)."""

from __future__ import annotations

import json
import logging
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.synthetic import generate
from wsis_viewer import paths
from wsis_viewer.domain.search_text import Tier, compact_key, excerpt, query_terms
from wsis_viewer.store.database import open_database
from wsis_viewer.store.search_index import SearchBackend, SqliteSearch, open_search


@pytest.fixture(scope="module")
def search() -> Iterator[SearchBackend]:
    with open_database(paths.bundled_database()) as store:
        backend = open_search(store.engine, store.label)
        assert isinstance(backend, SqliteSearch)  # the bundled database carries its index
        yield backend


# query → (kind, id) of the expected first hit. Symbols three ways, numbers, places, people,
# words of titles and descriptions, paragraphs, and Chinese (also two-character words).
FIRST_HITS = [
    ("C13/85", "document", "C13/85"),
    ("C-13/85", "document", "C13/85"),
    ("c13 85", "document", "C13/85"),
    ("Ｃ１３／８５", "document", "C13/85"),              # full-width, as typed with a CJK IME
    ("c-13/108", "document", "C-13/108"),
    ("C13/108", "document", "C-13/108"),
    ("A/RES/68/302", "document", "A/RES/68/302"),
    ("1334", "resolution", "res-c1334"),
    ("Resolution 140", "resolution", "res-pp140"),
    ("第1334号决议", "resolution", "res-c1334"),
    ("4.5.10", "recommendation", "rec-4.5.10"),
    ("§4.5.10", "recommendation", "rec-4.5.10"),
    ("§2.3.3", "recommendation", "rec-council-2013"),
    ("Poland", "contributor", "poland"),
    ("波兰", "document", "C13/85"),                     # two characters, in a document title
    ("WSIS indicators", "document", "C13/85"),           # words of a document title
    ("Busan", "event", "council-2014"),                  # a place (its final meeting there)
    ("釜山", "event", "pp-14"),
    ("BEXCO", "event", "pp-14"),
    ("Guadalajara", "event", "pp-10"),
    ("Council 2013", "event", "council-2013"),
    ("理事会2013年", "event", "council-2013"),
    ("第22次", "event", "cwg-22"),
    ("会议", "event", "wsis-2003-geneva"),               # two-character word: first in time
    ("Minkin", "person", "vladimir-minkin"),
    ("图埃", "person", "hamadoun-toure"),
    ("Deputy Secretary-General", "person", "houlin-zhao"),  # a role (body text)
    ("Azerbaijan", "contributor", "azerbaijan"),
    ("列日", "contributor", "liege"),
    ("Liège", "contributor", "liege"),
    ("trust fund", "topic", "input-trust-fund"),
    ("十年期国家报告", "topic", "init-national-reports"),
    ("150", "figure", "recommendations-endorsed"),
    ("120多份文件", "figure", "documents-considered"),
    ("(Busan)", "event", "council-2014"),                # brackets around a term are dropped
]


@pytest.mark.parametrize(("query", "kind", "rid"), FIRST_HITS)
def test_first_hit(search: SearchBackend, query: str, kind: str, rid: str) -> None:
    hits = search.search(query, limit=5)
    assert hits, query
    assert (hits[0].kind, hits[0].id) == (kind, rid), [(h.kind, h.id) for h in hits]


def test_every_kind_is_found(search: SearchBackend) -> None:
    kinds = {kind for _q, kind, _id in FIRST_HITS}
    assert kinds == {"event", "document", "resolution", "recommendation", "person",
                     "contributor", "topic", "figure"}


def test_ranking_exact_then_title_then_body(search: SearchBackend) -> None:
    hits = search.search("1334", limit=50)
    assert hits[0].tier is Tier.EXACT and hits[0].id == "res-c1334"
    tiers = [h.tier for h in hits]
    assert tiers == sorted(tiers, reverse=True)
    assert Tier.TITLE in tiers and Tier.BODY in tiers  # documents named after it, then events
    assert hits[0].matched == "1334" and hits[0].score == 4.0


def test_kinds_and_limit(search: SearchBackend) -> None:
    docs = search.search("WSIS", kinds=["document"], limit=3)
    assert len(docs) == 3 and {h.kind for h in docs} == {"document"}
    assert search.search("C13/85", kinds=["event"], limit=5)[0].id == "council-2013"
    assert search.search("zzzz-no-such-thing") == []
    assert search.search("   ") == []


def test_query_is_data(search: SearchBackend) -> None:
    for hostile in ("' OR 1=1 --", '"', "*", "NEAR(a b)", "title:x", "a AND", "\x00\x1f"):
        search.search(hostile)  # never an FTS5 syntax error
    assert search.search("' OR 1=1 --") == []


def test_matched_text_is_highlightable(search: SearchBackend) -> None:
    hit = search.search("Poland", kinds=["event"])[0]
    assert hit.matched[hit.match_start:hit.match_end] == "Poland"
    zh = search.search("釜山", limit=1)[0]
    assert zh.matched[zh.match_start:zh.match_end] == "釜山"


def test_event_ids_in_time_order(search: SearchBackend) -> None:
    ids = search.event_ids("Geneva")
    with open_database(paths.bundled_database()) as store:
        events = {e.id: e for e in store.load().events}
    assert len(ids) > 5 and ids[0] == "wsis-2003-geneva"
    assert ids == sorted(ids, key=lambda i: (events[i].start, i))  # time order
    assert search.event_ids("1334") == [h.id for h in search.search("1334", kinds=["event"])]
    assert search.event_ids("") == []


def test_text_helpers() -> None:
    assert compact_key("C13/85") == compact_key("C-13/85") == compact_key("c13 85") == "c1385"
    assert compact_key("4.5.10") == "4.5.10" and compact_key("§4.5.10") == "4.5.10"
    assert compact_key("C13/66(Add.)") == "c1366add"
    assert query_terms(" (Busan)  busan ") == ["busan"]
    text, a, b = excerpt(["x" * 200 + "Busan" + "y" * 200], ["busan"])
    assert text[a:b] == "Busan" and len(text) < 100 and text.startswith("…")


def test_database_without_index_still_searches(tmp_path: Path,
                                               caplog: pytest.LogCaptureFixture) -> None:
    db = tmp_path / "old.sqlite"
    generate(db, 300, with_search_index=False)
    with open_database(db) as store:
        backend = open_search(store.engine, store.label)
        assert not isinstance(backend, SqliteSearch)
        with caplog.at_level(logging.WARNING):
            hits = backend.search("meeting 7", kinds=["event"], limit=3)
        assert hits and "has no search index" in caplog.text and str(db) in caplog.text
        assert "in-memory" in backend.description
    fresh = tmp_path / "new.sqlite"
    generate(fresh, 300)
    with open_database(fresh) as store:
        indexed = open_search(store.engine, store.label)
        assert [h.id for h in indexed.search("meeting 7", kinds=["event"], limit=3)] == \
            [h.id for h in hits]


def test_database_opened_read_only_is_not_modified(tmp_path: Path) -> None:
    db = tmp_path / "copy.sqlite"
    db.write_bytes(paths.bundled_database().read_bytes())
    before = db.read_bytes()
    with open_database(db) as store:
        open_search(store.engine, store.label).search("Busan")
    assert db.read_bytes() == before
    con = sqlite3.connect(db)
    assert con.execute("SELECT value FROM meta WHERE key = 'search_index'").fetchone()
    con.close()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wsis_viewer", "search", *args],
                          capture_output=True, text=True, timeout=60, check=False)


def test_cli_json() -> None:
    out = _cli("c13 85", "--json", "--limit", "2")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["query"] == "c13 85"
    first = data["results"][0]
    assert set(first) >= {"kind", "id", "title", "matched", "score"}
    assert (first["kind"], first["id"]) == ("document", "C13/85")
    zh = json.loads(_cli("釜山", "--json", "--lang", "zh", "--kind", "event").stdout)
    assert zh["results"][0]["title"] == "2014年全权代表大会（PP-14，釜山）"


def test_cli_no_hits_and_bad_database(tmp_path: Path) -> None:
    out = _cli("zzzz-nothing", "--json")
    assert out.returncode == 0 and json.loads(out.stdout) == {"query": "zzzz-nothing",
                                                              "results": [], "notes": []}
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database")
    out = _cli("x", "--db", str(bad))
    assert out.returncode != 0 and out.stderr.strip().count("\n") == 0
    assert "not an SQLite database" in out.stderr
    text = _cli("1334", "--limit", "1")
    assert text.returncode == 0 and text.stdout.startswith("resolution")


def test_opening_indexes_nothing(tmp_path: Path) -> None:
    """Zero start-up time spent indexing: the window's database answers from its own tables,
    and an old database builds its fallback only when first searched."""
    from wsis_viewer.session.loaded_database import LoadedDatabase
    from wsis_viewer.store.search_index import LazySearch

    fresh = LoadedDatabase.open(paths.bundled_database())
    assert isinstance(fresh.search, SqliteSearch)
    assert not any("search" in k for k in fresh.timings)
    old = tmp_path / "old.sqlite"
    generate(old, 200, with_search_index=False)
    db = LoadedDatabase.open(old)
    assert isinstance(db.search, LazySearch) and db.search._backend is None
    assert db.find("meeting")  # built now, on the first search
    assert db.search._backend is not None


def test_a_broken_search_index_is_one_line(tmp_path: Path) -> None:
    """An untrusted file whose search tables hold something else is an altered file: refused
    at open with a DatabaseError naming the file and the table (the CLI prints it as one line),
    never a traceback."""
    from wsis_viewer.store.problems import DatabaseError

    db = tmp_path / "broken.sqlite"
    db.write_bytes(paths.bundled_database().read_bytes())
    con = sqlite3.connect(db)
    with con:
        con.execute("DROP TABLE search_keys")
        con.execute("CREATE TABLE search_keys (nonsense TEXT)")
    con.close()
    with pytest.raises(DatabaseError, match=r"broken\.sqlite.*search_keys"):
        open_database(db)
    out = _cli("C13/85", "--db", str(db))
    assert out.returncode != 0 and out.stderr.count("\n") == 1 and "broken.sqlite" in out.stderr


def test_a_team_server_searches_like_the_file(team_server: str) -> None:
    """A PostgreSQL team server has no FTS5 tables: publish stores the same index, built from
    the same records, and the reader holds it in memory (store/server_search.py); it answers as
    the file does. (Without it, the index is built from the records: test_server_indexes.py.)"""
    from pg_server import with_database
    from sqlalchemy.engine import make_url

    from wsis_viewer.cli import main

    def as_user(user: str) -> str:
        return with_database(team_server, str(make_url(team_server).database), user=user)

    assert main(["publish", "--to", as_user("carol")]) == 0
    with open_database(as_user("alice")) as store:
        server = open_search(store.engine, store.label)
        with open_database(paths.bundled_database()) as local:
            file = open_search(local.engine, local.label)
            for query, _kind, _rid in FIRST_HITS:
                got = [(h.kind, h.id) for h in server.search(query, limit=5)]
                assert got == [(h.kind, h.id) for h in file.search(query, limit=5)], query
            assert server.event_ids("Geneva") == file.event_ids("Geneva")
        assert "published with the dataset" in server.description
