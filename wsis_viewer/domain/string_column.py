"""A column of strings kept as one UTF-8 buffer and an offsets array: no object per string.

A million event ids or titles as Python `str` objects cost about 60 bytes each plus a list
slot, and creating them is most of the time a big database takes to open. The timeline only
ever reads a few hundred of them per frame (the labels and the tooltip on screen), so it keeps
them packed and decodes one when it is asked for. Qt-free.

`SortedLookup` answers "which position holds this string?" by binary search over a stored
permutation that sorts the column, instead of a dict of a million keys. The permutation may
come from an untrusted file: every answer is checked against the column itself, so a wrong
permutation can make a lookup miss, never return a wrong position.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import overload

import numpy as np
import numpy.typing as npt

OffsetArray = npt.NDArray[np.int64]


class StringColumn(Sequence[str]):
    """Read-only sequence of str over `data` (UTF-8) cut at `offsets` (n + 1 positions)."""

    __slots__ = ("_data", "_ends", "_offsets", "_starts")

    def __init__(self, data: bytes, offsets: OffsetArray) -> None:
        self._data = data
        self._offsets = offsets
        # Python ints, cut once: indexing numpy scalars costs more than the decode itself.
        self._starts = np.ascontiguousarray(offsets[:-1]).data
        self._ends = np.ascontiguousarray(offsets[1:]).data

    @classmethod
    def from_strings(cls, values: Sequence[str]) -> StringColumn:
        """Pack `values` (the cache writer and tests use this)."""
        encoded = [v.encode("utf-8", "surrogatepass") for v in values]
        offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
        if encoded:
            np.cumsum([len(b) for b in encoded], out=offsets[1:])
        return cls(b"".join(encoded), offsets)

    @property
    def data(self) -> bytes:
        return self._data

    @property
    def offsets(self) -> OffsetArray:
        return self._offsets

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("StringColumn index out of range")
        # A damaged buffer shows replacement characters rather than failing a paint.
        return self._data[self._starts[i]:self._ends[i]].decode("utf-8", "replace")

    def fixed_width(self) -> npt.NDArray[np.bytes_]:
        """The strings as one numpy bytes array ('S<longest>'), built from the buffer with no
        Python object per string: what bulk look-ups search."""
        n = len(self)
        lengths = np.diff(self._offsets)
        width = max(1, int(lengths.max()) if n else 1)
        out = np.zeros(n * width, dtype=np.uint8)
        total = int(self._offsets[-1] - self._offsets[0])
        if total:
            rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
            cols = np.arange(total, dtype=np.int64) - np.repeat(self._offsets[:-1] -
                                                                 self._offsets[0], lengths)
            out[rows * width + cols] = np.frombuffer(
                self._data, dtype=np.uint8, count=total, offset=int(self._offsets[0]))
        return out.view(f"S{width}")

    def __iter__(self) -> Iterator[str]:
        data = self._data
        for a, b in zip(self._starts, self._ends, strict=True):
            yield data[a:b].decode("utf-8", "replace")

    def __eq__(self, other: object) -> bool:
        if isinstance(other, StringColumn):
            return self._data == other._data and np.array_equal(self._offsets, other._offsets)
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other,
                                                                           strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"StringColumn({len(self)} strings, {len(self._data)} bytes)"


def sort_order(values: Sequence[str]) -> npt.NDArray[np.int32]:
    """Positions of `values` in code-point order (what `SortedLookup` searches)."""
    if not len(values):
        return np.zeros(0, dtype=np.int32)
    return np.argsort(np.array(list(values), dtype=str), kind="stable").astype(np.int32)


class SortedLookup(Mapping[str, int]):
    """string → position in `column`, through `order` (positions in code-point order)."""

    def __init__(self, column: Sequence[str], order: npt.NDArray[np.int32]) -> None:
        self._column = column
        self._order = np.ascontiguousarray(order).data  # plain ints on indexing
        self._sorted: npt.NDArray[np.bytes_] | None = None

    def __getitem__(self, key: str) -> int:
        column, order = self._column, self._order
        lo, hi = 0, len(order)
        while lo < hi:  # the first position whose string is >= key
            mid = (lo + hi) // 2
            if column[order[mid]] < key:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(order) and column[order[lo]] == key:
            return int(order[lo])
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._column)

    def __len__(self) -> int:
        return len(self._column)

    def positions(self, keys: Sequence[str]) -> npt.NDArray[np.int64]:
        """Position of each key (-1: not there), vectorised: a million keys (a search that
        matches every event) in well under a second, with no dict of the column."""
        column = self._column
        if not len(keys) or not len(column):
            return np.full(len(keys), -1, dtype=np.int64)
        if not isinstance(column, StringColumn):
            return np.fromiter((self.get(k, -1) for k in keys), dtype=np.int64,
                               count=len(keys))
        if self._sorted is None:  # once per column
            order = np.frombuffer(self._order, dtype=np.int32)
            self._sorted = column.fixed_width()[order]
        sorted_keys = self._sorted
        wanted = np.array([k.encode("utf-8", "surrogatepass") for k in keys],
                          dtype=sorted_keys.dtype if max(map(len, keys)) <= sorted_keys.itemsize
                          else None)
        # Searching keys in sorted order is several times faster (the comparisons stay in
        # cache): sort them, search, put the answers back in the keys' order.
        by_key = np.argsort(wanted, kind="stable")
        at = np.empty(len(wanted), dtype=np.int64)
        at[by_key] = np.searchsorted(sorted_keys, wanted[by_key])
        at = np.minimum(at, len(sorted_keys) - 1)
        found = sorted_keys[at] == wanted
        order = np.frombuffer(self._order, dtype=np.int32)
        return np.where(found, order[at].astype(np.int64), -1)
