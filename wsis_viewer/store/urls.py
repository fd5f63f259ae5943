"""Database targets: a file path, an SQLite URL or a PostgreSQL server URL.

A plain `postgresql://…` URL is sent to psycopg (3), which goes through libpq: host, port,
`sslmode`, `service=` (pg_service.conf), `PGPASSFILE` and the PG* environment variables all work
as they do for psql. That is how a password stays out of the viewer: it lives in libpq's own
files, never in our settings. `display_url` is the only form of a URL that may be shown or
logged (password masked).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from wsis_viewer.store.problems import DatabaseError

SERVER_BACKENDS = ("postgresql",)


def is_server_url(target: str | Path) -> bool:
    if isinstance(target, Path) or "://" not in target:
        return False
    try:
        return make_url(target).get_backend_name() in SERVER_BACKENDS
    except ArgumentError:
        return False


def server_url(target: str) -> URL:
    """The SQLAlchemy URL for a server target, with the driver made explicit (psycopg 3)."""
    try:
        url = make_url(target)
    except ArgumentError as exc:
        raise DatabaseError(f"{mask_password(target)}: not a database URL ({exc})") from exc
    if url.get_backend_name() not in SERVER_BACKENDS:
        raise DatabaseError(f"{display_url(url)}: not a PostgreSQL URL (postgresql://…)")
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url


def display_url(url: URL | str) -> str:
    """The URL as it may appear in messages, logs and settings: no password."""
    if isinstance(url, str):
        raw = url
        try:
            url = make_url(raw)
        except ArgumentError:
            return mask_password(raw)
    # URL.set() ignores None, so the field is replaced directly.
    shown = url._replace(password=None) if url.password is not None else url
    if "password" in shown.query:  # libpq also takes ?password=…
        shown = shown.difference_update_query(["password"])
    text = shown.render_as_string(hide_password=True)
    return text.replace("postgresql+psycopg://", "postgresql://", 1)


def mask_password(text: str) -> str:
    """Best effort for text that is not even a URL: hide anything between ':' and '@'."""
    head, at, tail = text.rpartition("@")
    if not at:
        return text
    scheme, sep, rest = head.partition("://")
    user = rest.split(":", 1)[0]
    return f"{scheme}{sep}{user}@{tail}" if sep else text


def server_name(url: URL | str) -> str:
    """A short name for captions and title bars: `database@host`, or just the database when
    the server is reached through a local socket (a folder is no name for a reader)."""
    if isinstance(url, str):
        url = make_url(url)
    database = url.database or url.query.get("dbname") or url.username or "postgres"
    host = url.host or url.query.get("host") or ""
    if isinstance(host, tuple):
        host = host[0]
    if isinstance(database, tuple):
        database = database[0]
    if url.query.get("service") and not url.database:
        return f"service {url.query['service']}"
    return f"{database}@{host}" if host and not str(host).startswith("/") else str(database)
