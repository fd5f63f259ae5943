"""Fixtures for tests against a real PostgreSQL server.

`./run-tests.sh` starts a throwaway cluster (scripts/pg_test_server.sh) and exports its URL as
WSIS_TEST_PG_URL. A targeted pytest run without it starts one itself, for the session. When no
server can start the tests skip and say why — except in CI (CI=true), where that is a failure:
a CI run must never pass by skipping the server tests.

Every test gets a database of its own (`pg_db`). Login roles for the role tests (alice and bob
read, carol curates) are cluster-wide and created once.
"""

from __future__ import annotations

import os
import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "pg_test_server.sh"
READERS = ("alice", "bob")
CURATORS = ("carol",)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"PostgreSQL test server unavailable in CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL test server unavailable: {reason}")


def with_database(url: str, database: str, user: str | None = None) -> str:
    from sqlalchemy.engine import make_url

    u = make_url(url).set(database=database)
    if user:
        u = u.set(username=user)
    return u.render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The admin (superuser) URL of the test cluster's `postgres` database."""
    url = os.environ.get("WSIS_TEST_PG_URL")
    folder = None
    if not url:
        reason = os.environ.get("WSIS_TEST_PG_UNAVAILABLE")
        if reason:
            _unavailable(reason)
        done = subprocess.run(["bash", str(SCRIPT), "start"], capture_output=True, text=True,
                              check=False)
        if done.returncode != 0:
            _unavailable(done.stderr.strip().splitlines()[-1] if done.stderr.strip()
                         else "scripts/pg_test_server.sh start failed")
        url, folder = done.stdout.strip().splitlines()
    from sqlalchemy import create_engine

    from wsis_viewer.store.urls import server_url

    try:
        engine = create_engine(server_url(url), isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            for role in (*READERS, *CURATORS):
                if not conn.exec_driver_sql(
                        f"SELECT 1 FROM pg_roles WHERE rolname = '{role}'").first():
                    conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN")
        engine.dispose()
        yield url
    finally:
        if folder:
            subprocess.run(["bash", str(SCRIPT), "stop", folder], check=False)


@pytest.fixture
def pg_db(pg_server: str) -> Iterator[str]:
    """A fresh, empty database of its own on the test server (admin URL)."""
    from sqlalchemy import create_engine

    from wsis_viewer.store.urls import server_url

    name = f"t_{secrets.token_hex(5)}"
    engine = create_engine(server_url(pg_server), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    try:
        yield with_database(pg_server, name)
    finally:
        with engine.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        engine.dispose()


@pytest.fixture
def team_server(pg_db: str) -> str:
    """`pg_db` after `admin init`, with alice and bob readers and carol a curator."""
    from wsis_viewer.store.server_admin import add_member, admin_init

    admin_init(pg_db)
    for user in READERS:
        add_member(pg_db, user, "reader", create_login=False)
    for user in CURATORS:
        add_member(pg_db, user, "curator", create_login=False)
    return pg_db
