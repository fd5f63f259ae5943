"""Which text an item's label gets in the room it has: the title, a short label, or nothing.

The painter asks `LabelFit.fit` instead of eliding the title: a short label chosen for meaning
("21", "PP-10", "2013"; wsis_viewer.domain.short_labels) beats "21st meeting of CWG-…", and
such a label may go where the title's ellipsis would not be worth drawing (below
MIN_LABEL_PX). What was drawn is kept in `drawn` (rectangle, text) for one paint, so tests and
the report can check that no two labels overlap.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF

from wsis_viewer.domain.short_labels import short_labels
from wsis_viewer.domain.timeline_index import TimelineIndex

MIN_LABEL_PX = 56.0  # below this an elided title is little more than an ellipsis
MAX_LANE_EVENTS = 2_000  # lanes with more events get no short labels (see _compute)


class LabelFit:
    def __init__(self) -> None:
        self._index: TimelineIndex | None = None
        self._alts: dict[str, list[tuple[str, ...]]] = {}  # per language
        self._shortest_px: dict[tuple[str, int], float] = {}
        self.drawn: list[tuple[QRectF, str]] = []

    @property
    def index(self) -> TimelineIndex | None:
        return self._index

    def reset(self, index: TimelineIndex | None) -> None:
        self._index = index
        self._alts.clear()
        self._shortest_px.clear()

    def font_changed(self) -> None:
        self._shortest_px.clear()

    def alternatives(self, i: int, lang: str) -> tuple[str, ...]:
        """Short labels of item `i`, longest first (computed for all items once per language:
        a short label must be unique in its lane)."""
        ix = self._index
        if ix is None:
            return ()
        alts = self._alts.get(lang)
        if alts is None:
            alts = self._alts[lang] = self._compute(ix, lang)
        return alts[i]

    @staticmethod
    def _compute(ix: TimelineIndex, lang: str) -> list[tuple[str, ...]]:
        # Lanes of thousands of events (synthetic benchmark data) get none: a bare "2013"
        # among thousands names nothing, and the pass over every title would stall the first
        # frame (about 14 µs a title).
        lanes = np.asarray(ix.lane)
        sizes = np.bincount(lanes.astype(np.int64)) if len(lanes) else np.zeros(0, np.int64)
        small = np.flatnonzero(sizes[lanes] <= MAX_LANE_EVENTS) if len(lanes) else lanes
        out: list[tuple[str, ...]] = [()] * len(lanes)
        first, second = (ix.title_zh, ix.title_en) if lang == "zh" else (ix.title_en,
                                                                        ix.title_zh)
        idx = small.tolist()
        found = short_labels([first[i] or second[i] for i in idx], lanes[small].tolist(), lang)
        for i, alts in zip(idx, found, strict=True):
            out[i] = alts
        return out

    def min_room(self, ev: npt.NDArray[np.int32], lang: str, fm: QFontMetricsF
                 ) -> npt.NDArray[np.float64]:
        """Per item, the least room worth a label: its shortest short label, else an elided
        title's MIN_LABEL_PX."""
        out = np.full(len(ev), MIN_LABEL_PX)
        for k, i in enumerate(ev.tolist()):
            key = (lang, i)
            w = self._shortest_px.get(key)
            if w is None:
                alts = self.alternatives(i, lang)
                w = fm.horizontalAdvance(alts[-1]) + 2 if alts else MIN_LABEL_PX
                self._shortest_px[key] = w
            out[k] = min(w, MIN_LABEL_PX)
        return out

    def fit(self, i: int, lang: str, text: str, room: float, fm: QFontMetricsF) -> str:
        """`text` if it fits in `room` px, else the longest short label that does, else the
        title elided (when that leaves enough to read), else ""."""
        if fm.horizontalAdvance(text) <= room:
            return text
        for alt in self.alternatives(i, lang):
            if fm.horizontalAdvance(alt) <= room:
                return alt
        if room < MIN_LABEL_PX:
            return ""
        # A title ending in its number or year ("… Society Day 2012") keeps that end: the
        # middle goes, not what tells it from its neighbours.
        mode = (Qt.TextElideMode.ElideMiddle
                if text.rstrip()[-1:].isdigit() and room >= 2 * MIN_LABEL_PX
                else Qt.TextElideMode.ElideRight)
        return fm.elidedText(text, mode, room)
