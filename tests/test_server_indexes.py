"""A published version carries its timeline cache and search index (issues 15 and 16): opening
it from the server reads the cache (identical to the columns computed from the server's rows)
and searches the published index (the same answers as the same data in a file), and readers
may read both. Needs the throwaway PostgreSQL server (tests/pg_server.py)."""

from __future__ import annotations

import time
from pathlib import Path

import psycopg
import pytest
from pg_server import with_database
from sqlalchemy.engine import make_url
from test_timeline_cache import _assert_identical

from wsis_viewer import paths
from wsis_viewer.session.loaded_database import LoadedDatabase
from wsis_viewer.store.live import libpq_conninfo
from wsis_viewer.store.server_dataset import publish_database_file, publish_dataset
from wsis_viewer.store.server_search import BackgroundSearch
from wsis_viewer.store.source_files import load_source_files

pytestmark = pytest.mark.server

QUERIES = ("C13/85", "c13 85", "WSIS", "会议", "Geneva", "council 2013", "1334", "§2.2", "zz-none")


def _as(url: str, user: str) -> str:
    return with_database(url, str(make_url(url).database), user=user)


def _hits(db: LoadedDatabase, query: str) -> list[tuple[str, str, str, int]]:
    return [(h.kind, h.id, h.matched, int(h.tier)) for h in db.search.search(query)]


@pytest.mark.parametrize("how", ["dataset", "file"])
def test_a_published_version_opens_from_its_cache_and_searches_its_index(
        team_server: str, small_db: Path, how: str) -> None:
    curator = _as(team_server, "carol")
    if how == "dataset":
        publish_dataset(load_source_files(paths.data_dir()), curator, built_from="tests")
        local_path = paths.bundled_database()
    else:
        publish_database_file(small_db, curator)
        local_path = small_db
    reader = _as(team_server, "alice")  # a reader: the GRANTs cover the new tables
    db = LoadedDatabase.open(reader)
    rows = LoadedDatabase.open(reader, use_cache=False)
    local = LoadedDatabase.open(local_path)
    try:
        assert db.timeline_source == "cache"
        assert rows.timeline_source == "rows"
        _assert_identical(db.index, rows.index)
        assert db.year_bounds() == rows.year_bounds() == local.year_bounds()
        assert db.period == rows.period == local.period
        assert db.counts == rows.counts == local.counts
        search = db.search
        assert isinstance(search, BackgroundSearch)
        assert search.wait(30) and search.ready()
        assert "published" in search.description
        for query in QUERIES:
            assert _hits(db, query) == _hits(local, query), query
            assert db.find(query) == local.find(query), query
    finally:
        db.close()
        rows.close()
        local.close()


def test_the_derived_tables_live_and_die_with_their_version(team_server: str,
                                                           small_db: Path) -> None:
    curator = _as(team_server, "carol")
    first = publish_database_file(small_db, curator)
    second = publish_database_file(small_db, curator)
    assert first.dropped == () and second.dropped == (first.schema,)
    with psycopg.connect(libpq_conninfo(team_server), autocommit=True) as admin:
        tables = admin.execute(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE "
            "table_name IN ('timeline_cache', 'search_image') ORDER BY 2").fetchall()
        # A reader may only read them, like the rest of the dataset.
        privileges = admin.execute(
            "SELECT table_name, string_agg(privilege_type, ',' ORDER BY privilege_type) FROM "
            "information_schema.role_table_grants WHERE grantee = 'wsis_reader' AND "
            "table_name IN ('timeline_cache', 'search_image') GROUP BY 1 ORDER BY 1").fetchall()
    assert tables == [(second.schema, "search_image"), (second.schema, "timeline_cache")]
    assert privileges == [("search_image", "SELECT"), ("timeline_cache", "SELECT")]


def test_a_version_without_a_published_index_is_still_searched(team_server: str,
                                                                small_db: Path,
                                                                caplog: pytest.LogCaptureFixture
                                                                ) -> None:
    """A version published by an older viewer (no search_image): the index is built from the
    rows, on the background thread, and the log says so."""
    result = publish_database_file(small_db, _as(team_server, "carol"))
    with psycopg.connect(libpq_conninfo(team_server), autocommit=True) as admin:
        admin.execute(f'DROP TABLE "{result.schema}".search_image')
    db = LoadedDatabase.open(_as(team_server, "bob"))
    local = LoadedDatabase.open(small_db)
    try:
        t = time.monotonic()
        while not db.search.ready() and time.monotonic() - t < 30:  # type: ignore[attr-defined]
            time.sleep(0.02)
        assert "built from the server's records" in db.search.description
        for query in QUERIES:
            assert _hits(db, query) == _hits(local, query), query
        assert "no published search index" in caplog.text
    finally:
        db.close()
        local.close()


def test_a_damaged_published_index_is_one_clear_line(team_server: str, small_db: Path) -> None:
    from wsis_viewer.store.problems import DatabaseError

    result = publish_database_file(small_db, _as(team_server, "carol"))
    with psycopg.connect(libpq_conninfo(team_server), autocommit=True) as admin:
        admin.execute(f"UPDATE \"{result.schema}\".search_image SET data = '\\x00'::bytea "
                      "WHERE name = 'sqlite#0'")
    db = LoadedDatabase.open(_as(team_server, "bob"))
    try:
        with pytest.raises(DatabaseError, match="stored search index is damaged"):
            db.search.search("WSIS")
        assert db.timeline_source == "cache"  # the timeline is not affected
    finally:
        db.close()


def test_a_published_index_holding_anything_else_is_refused(team_server: str,
                                                            small_db: Path,
                                                            tmp_path: Path) -> None:
    """The image is a database file from the server: untrusted. One with a table (or view,
    trigger) of its own besides the search tables is refused in one line."""
    import sqlite3

    from sqlalchemy import create_engine, text

    from wsis_viewer.store.problems import DatabaseError
    from wsis_viewer.store.server_search import build_search_image, write_search_image
    from wsis_viewer.store.urls import server_url

    result = publish_database_file(small_db, _as(team_server, "carol"))
    source = sqlite3.connect(small_db)
    image = build_search_image(source, tmp_path)
    source.close()
    with sqlite3.connect(image) as con:
        con.execute("CREATE VIEW search_docs_all AS SELECT * FROM search_docs")
    con.close()
    engine = create_engine(server_url(team_server))
    with engine.begin() as conn:
        conn.execute(text(f'DROP TABLE "{result.schema}".search_image'))
        write_search_image(conn.execution_options(
            schema_translate_map={None: result.schema}), image)
        conn.execute(text(f'GRANT SELECT ON "{result.schema}".search_image TO wsis_reader'))
    engine.dispose()
    db = LoadedDatabase.open(_as(team_server, "bob"))
    try:
        with pytest.raises(DatabaseError, match="holds something else than the search tables"):
            db.search.search("WSIS")
    finally:
        db.close()
