"""Validation problems: each names the file, the record and the field it is about."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    record: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.record}" if self.record else self.file
        if self.field:
            where += f": field '{self.field}'"
        return f"{where}: {self.message}"


class DataError(Exception):
    """Raised with every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the source data:\n{lines}")


class DatabaseError(Exception):
    """A database that cannot be opened: missing, not SQLite, not ours, or the wrong version."""
