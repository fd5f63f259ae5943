"""The window reads records by key (the lists' records at open, the records around each
selection, a Source page's records) instead of the whole database. Held here to the whole read:
every panel, chain and Source page of the bundled database comes out identical, in both
languages, with and without "show only what the report states"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_record_panels import all_refs

from benchmarks.synthetic import generate
from wsis_viewer import paths
from wsis_viewer.domain.dataset_union import union
from wsis_viewer.domain.model import Dataset, RecordType
from wsis_viewer.domain.provenance import stated_only
from wsis_viewer.domain.relations import Relations
from wsis_viewer.panels.record_html import RecordPage
from wsis_viewer.session.loaded_database import LoadedDatabase
from wsis_viewer.store.database import open_database


@pytest.fixture(scope="module")
def bundled() -> Iterator[LoadedDatabase]:
    db = LoadedDatabase.open(paths.bundled_database())
    yield db
    db.close()


@pytest.fixture(scope="module")
def full() -> Dataset:
    """The whole read, which everything read by key is held to."""
    with open_database(paths.bundled_database()) as store:
        return store.load()


def _relations(ds: Dataset, stated: bool) -> Relations:
    return Relations(stated_only(ds) if stated else ds)


def test_opening_and_the_lists_read_no_event_or_document_beyond_the_lists(
        bundled: LoadedDatabase, full: Dataset) -> None:
    lists = bundled.list_records()
    assert bundled._dataset is None  # the whole dataset was never read
    assert lists.documents == ()
    assert {e.id for e in lists.events} == {m.event for m in full.recommendations if m.event}
    assert lists.recommendations == full.recommendations
    assert lists.resolutions == full.resolutions
    assert (lists.people, lists.topics, lists.figures) == (full.people, full.topics,
                                                           full.figures)


@pytest.mark.parametrize("stated", [False, True], ids=["all", "stated-only"])
def test_every_panel_and_chain_read_around_the_record_equals_the_whole_read(
        bundled: LoadedDatabase, full: Dataset, stated: bool) -> None:
    whole = _relations(full, stated)
    lists = bundled.list_records()
    refs = all_refs(Relations(full))  # every record of every kind
    assert len(refs) > 100
    for ref in refs:
        around = union(lists, bundled.records_around([(ref.type, ref.id)]))
        rel = _relations(around, stated)
        assert rel.chain_for(ref) == whole.chain_for(ref), ref
        assert rel.referrers(ref) == whole.referrers(ref), ref
        assert rel.events_of(ref) == whole.events_of(ref), ref
        for lang in ("en", "zh"):
            assert RecordPage(rel, lang).render(ref) == RecordPage(whole, lang).render(ref), \
                (ref, lang)


def test_every_source_page_read_by_paragraph_equals_the_whole_read(
        bundled: LoadedDatabase, full: Dataset) -> None:
    whole = Relations(full)
    paragraphs = sorted({s.ref for rec in (*full.events, *full.documents, *full.resolutions,
                                            *full.recommendations, *full.topics)
                         for s in rec.sources if s.ref.startswith("§")})
    assert len(paragraphs) > 20
    lists = bundled.list_records()
    for paragraph in paragraphs:
        rel = Relations(union(lists, bundled.records_citing(paragraph)))
        for lang in ("en", "zh"):
            assert (RecordPage(rel, lang).source_page(paragraph)
                    == RecordPage(whole, lang).source_page(paragraph)), (paragraph, lang)


def test_records_around_on_a_big_database_stay_few(tmp_path: Path) -> None:
    """At 30,000 events the records around one are a handful, not the database."""
    path = tmp_path / "big.sqlite"
    generate(path, 30_000, with_search_index=False)
    db = LoadedDatabase.open(path)
    try:
        lists = db.list_records()
        assert lists.documents == () and len(lists.events) <= len(lists.recommendations)
        first = db.event_ids[0]
        around = db.records_around([(RecordType.EVENT, first)])
        assert first in {e.id for e in around.events}
        assert len(around.events) + len(around.documents) < 100
        assert db._dataset is None
    finally:
        db.close()
