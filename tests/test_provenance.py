"""Claims in the model, the database, the chains and the export; "stated only"."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from wsis_viewer import paths
from wsis_viewer.domain.model import Basis, Bilingual, Claim, Dataset, LinkClaim, RecordType
from wsis_viewer.domain.provenance import (
    UNSTATED_STATUS,
    inferred_count,
    iter_claims,
    stated_only,
)
from wsis_viewer.domain.relations import RecordRef, Relations
from wsis_viewer.store.database import open_database
from wsis_viewer.store.export_json import dataset_to_json
from wsis_viewer.store.source_files import load_source_files

SCHEMA = json.loads((Path(__file__).parent.parent / "resources" / "schema" /
                     "export.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def ds() -> Dataset:
    with open_database(paths.bundled_database()) as store:
        return store.load()


def test_the_database_keeps_every_claim_of_the_source_files(ds: Dataset) -> None:
    """Read back from SQLite, every claim is the one the TOML files wrote."""
    source = load_source_files(paths.data_dir())
    assert sorted(iter_claims(ds), key=repr) == sorted(iter_claims(source), key=repr)
    assert {e.id: e.title for e in ds.events} == {e.id: e.title for e in source.events}


def test_the_issue_s_examples_are_fixed(ds: Dataset) -> None:
    # The Council reports are tied to a meeting only as an inference, with the reason.
    for symbol in ("C11/33", "C12/55", "C13/66", "C14/38"):
        d = ds.document(symbol)
        assert d is not None and d.event is not None
        [lc] = [lc for lc in d.claims if lc.relation == "event"]
        assert lc.claim.basis is Basis.INFERRED and lc.claim.note
        assert "names no producing meeting" in lc.claim.note.en
    # For C13/66 the report ties only the addendum to the 22nd meeting: that one is stated.
    add = ds.document("C13/66(Add.)")
    assert add is not None
    assert add.claims[0].claim.basis is Basis.STATED and "第22次会议第二节会议" in (
        add.claims[0].claim.quote or "")
    # §4.5.10 is quoted whole, not spliced.
    rec = ds.recommendation("rec-4.5.10")
    assert rec is not None and rec.text.quoted_from == "§4.5.10"
    assert rec.text.zh.startswith("理事会2014年会议在批准理事会WSIS工作组的报告时")
    assert "WSIS+10高级别活动及其成果文件未具体探讨这一问题。" in rec.text.zh
    # The open consultations are not dated to their Forum's year as if known.
    for eid in ("consult-forum-2011-venue", "consult-forum-2012", "consult-forum-2013"):
        e = ds.event(eid)
        assert e is not None and e.start.year < e.end.year
        assert "not known" in (e.date_note or "")
    # No resolution followed the MPP modalities.
    mpp = ds.recommendation("rec-mpp-modalities")
    assert mpp is not None and mpp.status == "proposed"
    # No source cites our working notes; every external source is a public page or document.
    text = "".join(p.read_text(encoding="utf-8") for p in paths.data_dir().glob("*.toml"))
    assert "external-facts" not in text and "shared/reference" not in text


def test_stated_only_removes_every_inferred_link(ds: Dataset) -> None:
    assert inferred_count(ds) > 30
    plain = stated_only(ds)
    assert inferred_count(plain) == 0
    assert all(not u.claim.inferred for u in iter_claims(plain))
    assert len(plain.events) == len(ds.events)  # records stay; only links go
    c1133 = plain.document("C11/33")
    assert c1133 is not None and c1133.event is None
    assert [c.event for c in c1133.considered_at] == ["council-2011"]  # stated: kept
    rec = plain.recommendation("rec-council-2011")
    assert rec is not None and rec.event is None
    assert "cwg-19" not in rec.links.events and "council-2011" in rec.links.events
    assert rec.status == "led-to-resolution"  # a stated status stays
    cwg19 = plain.event("cwg-19")
    assert cwg19 is not None and "C11/33" not in cwg19.documents
    c1336 = next(r for r in plain.resolutions if r.id == "res-c1336")
    assert c1336.history[0].year == 2011 and c1336.history[0].event is None


def test_an_inferred_status_becomes_not_stated() -> None:
    why = Bilingual("因为", "because")
    claim = Claim(Basis.INFERRED, "§4.3", None, why)
    src = load_source_files(paths.data_dir())
    m = src.recommendation("rec-mpp-modalities")
    assert m is not None
    m2 = replace(m, claims=tuple(lc if lc.relation != "status"
                                 else LinkClaim("status", m.status, claim) for lc in m.claims))
    ds = replace(src, recommendations=(m2,))
    out = stated_only(ds).recommendations[0]
    assert out.status == UNSTATED_STATUS


def test_chain_edges_carry_their_basis(ds: Dataset) -> None:
    rel = Relations(ds)
    chain = rel.chain_for(RecordRef(RecordType.RESOLUTION, "res-c1334"))
    edges = {(e.source, e.target): e for e in chain.edges}
    assert edges[("cwg-19", "council-2011")].basis is Basis.INFERRED
    assert edges[("cwg-19", "council-2011")].note is not None
    assert edges[("council-2011", "council-2012")].basis is Basis.STATED
    assert edges[("council-2013", "cwg-extra-2013")].basis is Basis.STATED
    plain = Relations(stated_only(ds)).chain_for(RecordRef(RecordType.RESOLUTION, "res-c1334"))
    assert plain.edges and not any(e.inferred for e in plain.edges)
    assert ("cwg-19", "council-2011") not in {(e.source, e.target) for e in plain.edges}


def _links(data: dict) -> list[dict]:  # type: ignore[type-arg]
    out = []
    for e in data["events"]:
        out += e["resolution_links"]
    for d in data["documents"]:
        out += [c["claim"] for c in d["considerations"]]
        out += [d["event_claim"]] if d["event"] else []
    for r in data["resolutions"]:
        out += [h["claim"] for h in r["history"]]
    for m in data["recommendations"]:
        out += m["link_claims"] + [m["status_claim"]] + ([m["event_claim"]] if m["event"] else [])
    for p in data["people"]:
        out += [ro["claim"] for ro in p["roles"]]
    for t in data["topics"]:
        out += t["event_links"]
    return out


def test_export_carries_a_basis_on_every_link_status_and_text(ds: Dataset) -> None:
    data = dataset_to_json(ds)
    jsonschema.validate(data, SCHEMA)
    assert data["schema_version"] == 2 and data["stated_only"] is False
    links = _links(data)
    assert len(links) > 150
    assert all(x["basis"] in ("stated", "inferred") and x["source"] for x in links)
    assert all(x["quote"] for x in links if x["basis"] == "stated"
               and x["source"].startswith("§"))
    assert all(x["note"]["en"] and x["note"]["zh"] for x in links if x["basis"] == "inferred")
    rec = next(m for m in data["recommendations"] if m["id"] == "rec-4.5.3")
    assert rec["text"]["wording"] == "report" and rec["text"]["quoted_from"] == "§4.5.3"
    assert {"type": "event", "id": "council-2014", "basis": "inferred"}.items() <= next(
        x for x in rec["link_claims"] if x["id"] == "council-2014").items()
    c = next(e for e in data["events"] if e["id"] == "council-2011")
    assert c["description"]["wording"] == "composed"


def test_schema_rejects_an_inferred_link_without_reason(ds: Dataset) -> None:
    data = dataset_to_json(ds)
    doc = next(d for d in data["documents"] if d["symbol"] == "C11/33")
    doc["event_claim"]["note"] = None
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_cli_export_stated_only(tmp_path: Path) -> None:
    out = tmp_path / "stated.json"
    proc = subprocess.run([sys.executable, "-m", "wsis_viewer", "export", "--stated-only",
                           "-o", str(out)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert data["stated_only"] is True
    links = _links(data)
    assert links and all(x["basis"] == "stated" for x in links if x["basis"] is not None)
    # A step whose place was inferred keeps its year but no event, and so no claim.
    c1336 = next(r for r in data["resolutions"] if r["id"] == "res-c1336")
    assert c1336["history"][0]["event"] is None and c1336["history"][0]["claim"]["basis"] is None
    doc = next(d for d in data["documents"] if d["symbol"] == "C11/33")
    assert doc["event"] is None and doc["event_claim"] is None


def test_no_page_of_the_stated_only_dataset_shows_an_inference(ds: Dataset) -> None:
    from wsis_viewer.panels.record_html import INFERRED_COLOUR, RecordPage

    full, plain = RecordPage(Relations(ds), "en"), RecordPage(Relations(stated_only(ds)), "en")
    refs = ([RecordRef(RecordType.EVENT, e.id) for e in ds.events]
            + [RecordRef(RecordType.DOCUMENT, d.symbol) for d in ds.documents]
            + [RecordRef(RecordType.RESOLUTION, r.id) for r in ds.resolutions]
            + [RecordRef(RecordType.RECOMMENDATION, m.id) for m in ds.recommendations]
            + [RecordRef(RecordType.TOPIC, t.id) for t in ds.topics])
    marked = [r for r in refs if INFERRED_COLOUR in full.render(r)]
    assert len(marked) > 20
    assert not [r for r in refs if INFERRED_COLOUR in plain.render(r) or "[inferred" in
                plain.render(r)]
