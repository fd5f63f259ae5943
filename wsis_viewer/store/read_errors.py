"""Turn whatever reading an untrusted database raises into one DatabaseError line.

SQLAlchemy wraps driver errors with a multi-line SQL dump; a damaged page surfaces on whatever
query first touches it; a value of the wrong kind surfaces in Python as ValueError, TypeError,
OverflowError or UnicodeDecodeError. `database_errors(label)` wraps every read so each of them
ends as `<file>: <one sentence>` and never as a traceback.
"""

from __future__ import annotations

import functools
import inspect
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

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


C = TypeVar("C", bound=type)


def guard_reads(cls: C) -> C:
    """Class decorator: every public method of `cls` (an object with a `label`) runs inside
    `database_errors(self.label)`, generators included.

    So a read method added later cannot forget the translation (one once let a damaged page
    end in SQLAlchemy's traceback); `close` and dunder methods are left alone.
    """
    for name, fn in list(vars(cls).items()):
        if name.startswith("_") or name == "close" or not inspect.isfunction(fn):
            continue
        setattr(cls, name, _guarded(fn))
    return cls


def _guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    if inspect.isgeneratorfunction(fn):
        @functools.wraps(fn)
        def generator(self: Any, *args: Any, **kwargs: Any) -> Iterator[Any]:
            with database_errors(self.label):
                yield from fn(self, *args, **kwargs)
        return generator

    @functools.wraps(fn)
    def method(self: Any, *args: Any, **kwargs: Any) -> Any:
        with database_errors(self.label):
            return fn(self, *args, **kwargs)
    return method
