"""The Recommendations and Resolutions table models, without a window."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from wsis_viewer import paths
from wsis_viewer.domain.model import Basis, Bilingual, Claim, LinkClaim
from wsis_viewer.domain.model import RecordType as T
from wsis_viewer.domain.relations import RecordRef, Relations
from wsis_viewer.lists.models import (
    BASIS_ROLE,
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


def test_inferred_claims_are_marked_in_the_list(qapp, rel: Relations) -> None:
    model = RecommendationsModel(rel)
    row = model.row_of(RecordRef(T.RECOMMENDATION, "rec-council-2011"))
    made_at = model.index(row, RecommendationsModel.MADE_AT)
    assert made_at.data() == "19th meeting of CWG-WSIS (inferred)"
    assert made_at.data(BASIS_ROLE) == "inferred"
    assert made_at.data(Qt.ItemDataRole.FontRole).italic()
    assert "the 19th was the Group's last meeting" in made_at.data(Qt.ItemDataRole.ToolTipRole)
    status = model.index(row, RecommendationsModel.STATUS)
    assert status.data() == "led to a resolution" and status.data(BASIS_ROLE) == "stated"
    assert "理事会2011年会议注意到" in status.data(Qt.ItemDataRole.ToolTipRole)
    assert status.data(Qt.ItemDataRole.FontRole) is None


def test_an_inferred_status_is_marked(qapp, rel: Relations) -> None:
    m = rel.recommendations["rec-mpp-modalities"]
    why = Bilingual("推断的理由", "the reason")
    m2 = replace(m, claims=tuple(
        LinkClaim("status", m.status, Claim(Basis.INFERRED, "§4.3", None, why))
        if lc.relation == "status" else lc for lc in m.claims))
    model = RecommendationsModel(Relations(replace(rel.ds, recommendations=(m2,))))
    cell = model.index(0, RecommendationsModel.STATUS)
    assert cell.data() == "proposed (inferred)"
    assert cell.data(BASIS_ROLE) == "inferred"
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == (
        "Inferred, not stated by the report (§4.3): the reason")
