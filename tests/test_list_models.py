"""The Recommendations and Resolutions table models, without a window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from wsis_viewer import paths
from wsis_viewer.domain.model import RecordType as T
from wsis_viewer.domain.relations import RecordRef, Relations
from wsis_viewer.lists.models import (
    REF_ROLE,
    RecommendationsModel,
    RecordFilterProxy,
    ResolutionsModel,
    natural_key,
    status_summary,
)
from wsis_viewer.store.database import open_database


@pytest.fixture(scope="module")
def rel() -> Relations:
    with open_database(paths.bundled_database()) as store:
        return Relations(store.load())


def column(model, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_natural_key() -> None:
    assert sorted(["§4.5.10", "§4.5.9", "§2.3.1"], key=natural_key) == [
        "§2.3.1", "§4.5.9", "§4.5.10"]


def test_recommendations_sort_and_filter(qapp, rel: Relations) -> None:
    model = RecommendationsModel(rel)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == len(rel.ds.recommendations) == 18
    proxy.sort(RecommendationsModel.REF, Qt.SortOrder.AscendingOrder)
    refs = column(proxy, RecommendationsModel.REF)
    assert refs.index("§4.5.9") < refs.index("§4.5.10")
    proxy.sort(RecommendationsModel.REF, Qt.SortOrder.DescendingOrder)
    assert column(proxy, RecommendationsModel.REF)[0] == "§5.1"

    proxy.setFilterFixedString("1334")  # matches the Resolutions column
    assert set(column(proxy, RecommendationsModel.REF)) == {"§2.3.1", "§2.3.2", "§2.3.3"}
    proxy.setFilterFixedString("")
    proxy.set_status("forwarded")
    assert set(column(proxy, RecommendationsModel.REF)) == {"§5.1"}
    proxy.set_status("noted")  # §4.5.10: Council 2014 took the Group's view into account
    assert set(column(proxy, RecommendationsModel.REF)) == {"§4.5.10"}
    proxy.set_status(None)
    assert proxy.rowCount() == 18
    row = model.row_of(RecordRef(T.RECOMMENDATION, "rec-4.5.3"))
    assert model.index(row, 0).data(REF_ROLE) == RecordRef(T.RECOMMENDATION, "rec-4.5.3")


def test_status_summary(rel: Relations) -> None:
    assert status_summary(rel.ds.recommendations) == (
        "4 led to a decision · 1 forwarded · 12 proposed, outcome not recorded · 1 noted")


def test_resolutions_model(qapp, rel: Relations) -> None:
    model = ResolutionsModel(rel)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    row = [model.index(r, 0).data() for r in range(model.rowCount())].index("1334")
    assert model.index(row, ResolutionsModel.FIRST).data() == "2011"
    assert model.index(row, ResolutionsModel.LAST).data() == "2013"
    assert model.index(row, ResolutionsModel.STEPS).data() == "3"
    proxy.sort(ResolutionsModel.STEPS, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, ResolutionsModel.NUMBER).data() == "1334"
    proxy.setFilterFixedString("plenipotentiary")
    assert sorted(column(proxy, ResolutionsModel.NUMBER)) == ["102", "140", "172"]
