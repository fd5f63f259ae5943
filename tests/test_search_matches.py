"""Search matches at scale: mapped once, in the search's thread; stepping and counting vectorised
(session/matches.py), and the highlight reusing the mapping (TimelineIndex.positions_of_set)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from wsis_viewer.session.loaded_database import LoadedDatabase
from wsis_viewer.session.matches import SearchMatches, find_matches


def test_find_matches_maps_once_and_the_highlight_reuses_it(small_db: Path,
                                                            monkeypatch) -> None:
    db = LoadedDatabase.open(small_db)
    matches = find_matches(db, "CWG-WSIS")
    assert matches.ids and list(matches.ids) == db.find("CWG-WSIS")
    expected = sorted(db.index.index_of(i) for i in matches.ids)
    assert matches.position_array.tolist() == expected == list(matches.positions)
    assert frozenset(matches.id_set) is matches.id_set  # what emphasis_for keeps as is

    def no_second_mapping(_ids: object) -> None:
        raise AssertionError("mapped again")

    monkeypatch.setattr(db.index, "positions_of", no_second_mapping)
    hits = db.index.positions_of_set(matches.id_set)
    assert sorted(hits[hits >= 0].tolist()) == expected
    monkeypatch.undo()
    other = frozenset(matches.ids)  # an equal but other set: mapped, then remembered
    assert sorted(db.index.positions_of_set(other).tolist()) == expected
    db.close()


def test_stepping_and_hidden_counts_are_array_operations() -> None:
    matches = SearchMatches.of("q", ["a", "b", "c", "x"], np.array([9, 2, 5, -1]))
    assert matches.position_array.tolist() == [2, 5, 9]
    shown = np.ones(12, dtype=bool)
    shown[5] = False
    assert matches.hidden_count(shown) == 1
    assert matches.hidden_count(None) == 0
    assert matches.step(None, 1, shown) == 2
    assert matches.step(2, 1, shown) == 9      # 5 is hidden
    assert matches.step(9, 1, shown) == 2      # wraps
    assert matches.step(None, -1, shown) == 9
    assert matches.step(2, -1, shown) == 9     # wraps back
    assert matches.step(3, -1) == 2
    assert SearchMatches("q").step(None, 1) is None
    assert SearchMatches("q").hidden_count(shown) == 0
