"""Turn whatever reading an untrusted database raises into one DatabaseError line.

SQLAlchemy wraps driver errors with a multi-line SQL dump; a damaged page surfaces on whatever
query first touches it; a value of the wrong kind surfaces in Python as ValueError, TypeError,
OverflowError or UnicodeDecodeError. `database_errors(label)` wraps every read so each of them
ends as `<file>: <one sentence>` and never as a traceback.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import SQLAlchemyError

from wsis_viewer.store.problems import DatabaseError
from wsis_viewer.store.safe_open import MAX_VALUE_BYTES, QUERY_SECONDS

_SQLITE_CORRUPT, _SQLITE_NOTADB, _SQLITE_TOOBIG, _SQLITE_INTERRUPT = 11, 26, 18, 9


def one_line(text: str, limit: int = 300) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[:limit - 1] + "…"


def describe_sqlite_error(exc: BaseException) -> str:
    """A sentence for a driver error (no SQL, no parameters)."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    message = one_line(str(exc), 120)
    if code == _SQLITE_TOOBIG or "too big" in message:
        return f"holds a value longer than {MAX_VALUE_BYTES // 1024} KiB, which is refused"
    if code == _SQLITE_INTERRUPT or message == "interrupted":
        return (f"a query ran longer than {QUERY_SECONDS:g} seconds and was stopped "
                "(a damaged or crafted file)")
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in message \
            or "not a database" in message:
        return f"the file is damaged ({message})"
    return f"cannot be read ({message})"


def translate(label: str, exc: BaseException, context: str = "") -> DatabaseError:
    """The DatabaseError for `exc`, raised while reading `label` (`context`: e.g. a table)."""
    where = f"{label}: {context}: " if context else f"{label}: "
    if isinstance(exc, DatabaseError):
        return exc
    if isinstance(exc, SQLAlchemyError):
        orig = getattr(exc, "orig", None)
        if isinstance(orig, BaseException):
            return translate(label, orig, context)
        return DatabaseError(where + "cannot be read (" + one_line(
            str(exc).split("\n", 1)[0], 120) + ")")
    if isinstance(exc, sqlite3.Error):
        return DatabaseError(where + describe_sqlite_error(exc))
    if isinstance(exc, UnicodeDecodeError):
        return DatabaseError(where + "holds text that is not valid UTF-8")
    if isinstance(exc, MemoryError):
        return DatabaseError(where + "too large to read into memory")
    return DatabaseError(where + "holds a value this viewer cannot read ("
                         + one_line(f"{type(exc).__name__}: {exc}", 120) + ")")


# What reading can raise from bad data; anything else is a bug in the viewer and stays loud.
READ_ERRORS = (SQLAlchemyError, sqlite3.Error, UnicodeDecodeError, ValueError, TypeError,
               OverflowError, KeyError, IndexError, MemoryError)


@contextmanager
def database_errors(label: str, context: str = "") -> Iterator[None]:
    try:
        yield
    except DatabaseError:
        raise
    except READ_ERRORS as exc:
        raise translate(label, exc, context) from exc
