"""Free-text search over events (Qt-free)."""

from __future__ import annotations

import numpy as np
import pytest

from wsis_viewer.domain.search import SearchIndex, normalise, query_terms

IDS = ["cwg-22", "council-2013", "pp-14", "empty"]
ROWS = [
    ("cwg-22", "22nd meeting of CWG-WSIS 理事会WSIS工作组第22次会议"),
    ("cwg-22", "C13/85 Report of the 22nd meeting"),
    ("council-2013", "Council 2013 理事会2013年会议"),
    ("council-2013", "1334 Resolution 1334 (modified 2013) ITU's role in WSIS"),
    ("pp-14", "PP-14, Plenipotentiary Conference (Busan) 全权代表大会"),
    ("pp-14", "Ångström Straße test"),
    ("unknown-event", "C13/85 should not matter"),
]


@pytest.fixture
def index() -> SearchIndex:
    return SearchIndex(ROWS, IDS)


def ids(index_result: np.ndarray) -> list[str]:
    return [IDS[i] for i in index_result.tolist()]


def test_case_insensitive_substrings(index: SearchIndex):
    assert ids(index.find("cwg-wsis")) == ["cwg-22"]
    assert ids(index.find("COUNCIL")) == ["council-2013"]
    assert ids(index.find("c13/85")) == ["cwg-22"]
    assert ids(index.find("1334")) == ["council-2013"]


def test_terms_are_anded_across_texts(index: SearchIndex):
    # "22nd" is in the title row, "c13/85" in a document row of the same event.
    assert ids(index.find("22nd c13/85")) == ["cwg-22"]
    assert ids(index.find("council busan")) == []
    assert ids(index.find("  wsis   2013 ")) == ["council-2013"]


def test_chinese(index: SearchIndex):
    assert ids(index.find("第22次")) == ["cwg-22"]
    assert ids(index.find("理事会")) == ["cwg-22", "council-2013"]
    assert ids(index.find("全权 busan")) == ["pp-14"]


def test_nfkc_and_unicode_case(index: SearchIndex):
    assert ids(index.find("Ｃ１３／８５")) == ["cwg-22"]  # full-width forms
    assert ids(index.find("ÅNGSTRÖM")) == ["pp-14"]
    assert ids(index.find("strasse")) == ["pp-14"]  # casefold: ß → ss
    assert normalise("ＡＢＣ") == b"abc"


def test_query_is_data_not_a_pattern(index: SearchIndex):
    assert ids(index.find(".*")) == []
    assert ids(index.find("(busan)")) == ["pp-14"]
    assert ids(index.find("' OR 1=1 --")) == []
    assert ids(index.find("\x1f1")) == ids(index.find("1"))  # a forged marker is dropped


def test_empty_query_matches_all(index: SearchIndex):
    assert ids(index.find("")) == IDS
    assert ids(index.find("   ")) == IDS
    assert query_terms(" a  B ") == [b"a", b"b"]


def test_control_characters_in_data_cannot_forge_lines():
    index = SearchIndex([("x", "evil\n\x1f1\nline"), ("y", "fine")], ["x", "y"])
    assert index.find("evil").tolist() == [0]
    assert index.find("line").tolist() == [0]
    assert index.find("fine").tolist() == [1]


def test_many_events():
    n = 20_000
    rows = [(f"e{i}", f"Meeting {i} 第{i}次会议") for i in range(n)]
    index = SearchIndex(rows, [f"e{i}" for i in range(n)])
    assert index.find("第12345次").tolist() == [12345]
    assert len(index.find("meeting")) == n
    assert index.find("meeting 1999").tolist() == [i for i in range(n) if "1999" in str(i)]


def test_rows_may_be_a_stream_read_in_chunks(monkeypatch):
    from wsis_viewer.domain import search

    monkeypatch.setattr(search, "_CHUNK", 2)  # every chunk boundary case with a few rows
    streamed = SearchIndex((row for row in ROWS), IDS)  # a generator, as the store streams
    assert streamed._text == SearchIndex(list(ROWS), IDS)._text
    assert ids(streamed.find("1334")) == ["council-2013"]
    evil = SearchIndex(iter([("x", "ok"), ("y", ""), ("x", "evil\n\x1f1\nline"), ("y", "fine")]),
                       ["x", "y"])
    assert evil.find("line").tolist() == [0] and evil.find("fine").tolist() == [1]
    assert len(SearchIndex(iter([]), IDS).find("x")) == 0


def test_background_index_answers_like_the_index():
    from wsis_viewer.domain.search import BackgroundSearchIndex

    deferred = BackgroundSearchIndex(lambda: SearchIndex(ROWS, IDS))
    assert ids(deferred.find("c13/85")) == ["cwg-22"]  # waits for the build if needed
    assert deferred.ready() and len(deferred) == len(IDS)
