"""Browser-like Back/Forward over selections (Qt-free).

Each entry is what was shown (the window stores whole ViewStates, time range included), so Back
restores it.
Visiting from the middle of the history drops the forward entries, as browsers do.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Visit(Generic[T]):
    target: T
    view: tuple[float, float] | None = None


class NavigationHistory(Generic[T]):
    def __init__(self, limit: int = 200) -> None:
        self._entries: list[Visit[T]] = []
        self._pos = -1
        self._limit = limit

    def visit(self, target: T, view: tuple[float, float] | None = None) -> None:
        """Record a new selection (ignored when it repeats the current one)."""
        if self.current is not None and self.current.target == target:
            return
        del self._entries[self._pos + 1:]
        self._entries.append(Visit(target, view))
        if len(self._entries) > self._limit:
            del self._entries[0]
        self._pos = len(self._entries) - 1

    def replace_current(self, target: T) -> None:
        """The current entry now stands for `target` (e.g. the same selection, panned)."""
        if self.current is not None:
            self._entries[self._pos] = Visit(target, self.current.view)

    def update_view(self, view: tuple[float, float]) -> None:
        """Remember where the user panned to while on the current entry."""
        if self.current is not None:
            self._entries[self._pos] = Visit(self.current.target, view)

    @property
    def current(self) -> Visit[T] | None:
        return self._entries[self._pos] if self._pos >= 0 else None

    def can_go_back(self) -> bool:
        return self._pos > 0

    def can_go_forward(self) -> bool:
        return self._pos < len(self._entries) - 1

    def back(self) -> Visit[T] | None:
        if not self.can_go_back():
            return None
        self._pos -= 1
        return self._entries[self._pos]

    def forward(self) -> Visit[T] | None:
        if not self.can_go_forward():
            return None
        self._pos += 1
        return self._entries[self._pos]

    def clear(self) -> None:
        self._entries.clear()
        self._pos = -1
