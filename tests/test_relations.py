"""Links, back-links and chains, on the real dataset (Qt-free)."""

from __future__ import annotations

import pytest

from wsis_viewer import paths
from wsis_viewer.domain.model import RecordType as T
from wsis_viewer.domain.relations import RecordRef, Relations, format_elapsed
from wsis_viewer.store.database import open_database


@pytest.fixture(scope="module")
def rel() -> Relations:
    with open_database(paths.bundled_database()) as store:
        return Relations(store.load())


@pytest.mark.parametrize(("days", "approx", "en", "zh"), [
    (0, False, "same day", "同日"),
    (1, False, "+1 day", "+1天"),
    (27, False, "+27 days", "+27天"),
    (122, False, "+4 months", "+4个月"),
    (365, False, "+1 year", "+1年"),
    (480, True, "≈ +1 year 4 months", "约+1年4个月"),
])
def test_format_elapsed(days: int, approx: bool, en: str, zh: str) -> None:
    assert format_elapsed(days, approx, "en") == en
    assert format_elapsed(days, approx, "zh") == zh


def test_record_ref_url_round_trip() -> None:
    ref = RecordRef(T.DOCUMENT, "C-11/95")
    assert RecordRef.from_url(ref.to_url()) == ref
    assert RecordRef.from_url("https://www.itu.int") is None
    assert RecordRef.from_url("record:nonsense/x") is None


def test_resolution_1334_chain(rel: Relations) -> None:
    chain = rel.chain_for(RecordRef(T.RESOLUTION, "res-c1334"))
    edges = [(e.source, e.target, e.label(), e.via) for e in chain.edges]
    assert edges == [
        ("cwg-19", "council-2011", "+1 day", "C11/33"),
        ("council-2011", "council-2012", "+8 months", "next step"),
        ("cwg-20", "council-2012", "+27 days", "C12/55"),
        ("council-2012", "council-2013", "+11 months", "next step"),
        ("cwg-22", "council-2013", "+1 day", "C13/66"),
        ("council-2013", "cwg-extra-2013", "same day", "follow-up"),
    ]
    assert chain.events[0] == "cwg-19" and chain.events[-1] == "cwg-extra-2013"


def test_chain_follows_the_later_sitting(rel: Relations) -> None:
    """§4.5 went from the 25th meeting (2-3 Oct 2014) to Council 2014's 18 October sitting."""
    chain = rel.chain_for(RecordRef(T.RECOMMENDATION, "rec-4.5.3"))
    by_pair = {(e.source, e.target): e.label() for e in chain.edges}
    assert by_pair[("cwg-25", "council-2014")] == "+15 days"
    assert by_pair[("wsis10-hle", "cwg-25")] == "+4 months"


def test_year_precision_makes_the_label_approximate(rel: Relations) -> None:
    chain = rel.chain_for(RecordRef(T.RECOMMENDATION, "rec-ict-definition"))
    tdag = next(e for e in chain.edges if e.source == "tdag-2013")
    assert tdag.approximate and tdag.label().startswith("≈")
    assert not next(e for e in chain.edges if e.source == "cwg-23").approximate


def test_recommendation_to_resolution_and_back(rel: Relations) -> None:
    rec = rel.recommendations["rec-council-2011"]
    assert "res-c1332" in rec.links.resolutions
    back = rel.referrers(RecordRef(T.RESOLUTION, "res-c1332"))
    assert RecordRef(T.RECOMMENDATION, "rec-council-2011") in back


def test_events_of_records_without_a_place(rel: Relations) -> None:
    assert rel.events_of(RecordRef(T.DOCUMENT, "C12/55")) == ["cwg-20", "council-2012"]
    assert rel.events_of(RecordRef(T.RESOLUTION, "res-c1334")) == [
        "council-2011", "council-2012", "council-2013"]
    assert rel.events_of(RecordRef(T.PERSON, "vladimir-minkin")) == []


def test_every_link_resolves(rel: Relations) -> None:
    """No dead links: every reference from any record points to an existing record."""
    ds = rel.ds
    refs: list[RecordRef] = []
    for e in ds.events:
        refs += [RecordRef(T.DOCUMENT, d) for d in e.documents]
        refs += [RecordRef(T.RESOLUTION, r) for r in e.resolutions]
    for d in ds.documents:
        refs += [RecordRef(T.EVENT, c.event) for c in d.considered_at]
        refs += [RecordRef(T.EVENT, d.event)] if d.event else []
    for r in ds.resolutions:
        for st in r.history:
            refs += [RecordRef(T.EVENT, st.event)] if st.event else []
            refs += [RecordRef(T.DOCUMENT, st.document)] if st.document else []
    for m in ds.recommendations:
        refs += [RecordRef(T.RESOLUTION, x) for x in m.links.resolutions]
        refs += [RecordRef(T.EVENT, x) for x in m.links.events]
        refs += [RecordRef(T.DOCUMENT, x) for x in m.links.documents]
    assert refs
    assert [r for r in refs if not rel.exists(r)] == []
    for ref in {x for r in refs for x in rel.referrers(r)}:
        assert rel.exists(ref)
