"""The workspace's tables (notes, named views) and the migrations of its local SQLite file.

The same tables serve both back ends: in the per-user SQLite file they sit at the top level,
on a PostgreSQL server in the `wsis` schema (mapped with `schema_translate_map`, so the
definitions stay back-end neutral). Times are stored in UTC.

The local file carries its own version in `PRAGMA user_version` (independent of the dataset's
schema version). `MIGRATIONS[v]` takes a file from version v to v + 1; version 0 is a new,
empty file. To change the schema: append a migration and bump WORKSPACE_VERSION; the opener
backs the file up before running any migration on an existing workspace.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Column,
    DateTime,
    Identity,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Connection

WORKSPACE_VERSION = 1
# PRAGMA application_id of a workspace file ("WSWK"), distinct from a dataset file's "WSIS".
WORKSPACE_APPLICATION_ID = 0x5753574B
SERVER_SCHEMA = "wsis"  # the workspace and dataset catalogue on a PostgreSQL server

metadata = MetaData()

notes = Table(
    "notes", metadata,
    Column("id", Integer, Identity(), primary_key=True),
    # Made by the client: a write retried after a lost connection cannot store a note twice.
    Column("uid", String(36), nullable=False, unique=True),
    Column("record_id", Text, nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("created", DateTime(timezone=True), nullable=False),
    Column("edited", DateTime(timezone=True)),
)

views = Table(
    "views", metadata,
    Column("id", Integer, Identity(), primary_key=True),
    Column("owner", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("state", Text, nullable=False),  # JSON text: portable across both back ends
    Column("saved", DateTime(timezone=True), nullable=False),
    UniqueConstraint("owner", "name", name="uq_views_owner_name"),
)

workspace_meta = Table(
    "workspace_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)


def _create_v1(conn: Connection) -> None:
    metadata.create_all(conn, tables=[notes, views, workspace_meta])


Migration = Callable[[Connection], None]
MIGRATIONS: dict[int, Migration] = {0: _create_v1}
