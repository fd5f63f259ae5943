"""The bundled database: fresh, and faithful to the report (counts and spot checks)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from wsis_viewer import paths
from wsis_viewer.domain.model import Dataset, Precision, SourceType
from wsis_viewer.store.build import build_database
from wsis_viewer.store.database import open_database
from wsis_viewer.store.export_json import dataset_to_json

D = dt.date


@pytest.fixture(scope="module")
def ds() -> Dataset:
    with open_database(paths.bundled_database()) as store:
        return store.load()


def test_committed_database_equals_a_fresh_build(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.sqlite"
    build_database(paths.data_dir(), fresh)
    with open_database(fresh) as a, open_database(paths.bundled_database()) as b:
        assert list(a.dump_sql()) == list(b.dump_sql()), (
            "db/wsis.sqlite is stale: run 'wsis-viewer build-db' and commit it")


def test_build_is_deterministic(tmp_path: Path) -> None:
    one, two = tmp_path / "1.sqlite", tmp_path / "2.sqlite"
    build_database(paths.data_dir(), one)
    build_database(paths.data_dir(), two)
    assert one.read_bytes() == two.read_bytes()


def test_every_record_cites_a_source(ds: Dataset) -> None:
    groups = [ds.events, ds.documents, ds.resolutions, ds.recommendations, ds.people,
              ds.contributors, ds.topics, ds.figures]
    for group in groups:
        for rec in group:
            assert rec.sources, rec


def test_cwg_meetings_and_their_sessions(ds: Dataset) -> None:
    meetings = {e.number: e for e in ds.events if e.kind == "cwg-wsis-meeting" and e.number}
    assert sorted(meetings) == list(range(18, 26))  # §2.2: eight meetings, 18th to 25th
    expected = {  # §2.2.1-§2.2.9, each separate sitting its own session
        18: [(D(2011, 5, 25), D(2011, 5, 26))],
        19: [(D(2011, 10, 10), D(2011, 10, 10))],
        20: [(D(2012, 6, 6), D(2012, 6, 7))],
        21: [(D(2013, 2, 1), D(2013, 2, 1)), (D(2013, 2, 4), D(2013, 2, 4))],
        22: [(D(2013, 5, 30), D(2013, 5, 31)), (D(2013, 6, 10), D(2013, 6, 10))],
        23: [(D(2014, 2, 19), D(2014, 2, 20))],
        24: [(D(2014, 5, 5), D(2014, 5, 5))],
        25: [(D(2014, 10, 2), D(2014, 10, 3))],
    }
    for number, spans in expected.items():
        event = meetings[number]
        assert [(s.start, s.end) for s in event.sessions] == spans, number
        assert event.precision is Precision.DAY
        assert f"第{number}次" in event.title.zh
    second = meetings[22].sessions[1]
    assert (second.time, second.end_time) == ("10:00", "13:00")  # §2.3.3
    extra = next(e for e in ds.events if e.id == "cwg-extra-2013")
    [sitting] = extra.sessions
    assert (sitting.start, sitting.time, sitting.room) == (D(2013, 6, 20), "16:45", "Room A")


def test_meeting_summaries(ds: Dataset) -> None:
    summaries = {d.symbol: d.event for d in ds.documents if d.kind == "meeting-summary"}
    assert summaries == {
        "WG-WSIS-18/18": "cwg-18", "WG-WSIS-19/7": "cwg-19", "WG-WSIS-20/23": "cwg-20",
        "WG-WSIS-21/22": "cwg-21", "WG-WSIS-22/39": "cwg-22", "WG-WSIS-23/17": "cwg-23",
        "WG-WSIS-24/4": "cwg-24", "WG-WSIS-25/26": "cwg-25"}
    assert ds.document("WG-WSIS-22/43").event == "cwg-22"  # type: ignore[union-attr]


def test_every_symbol_the_report_names_is_a_document(ds: Dataset) -> None:
    named = ["WG-WSIS-18/18", "WG-WSIS-19/7", "WG-WSIS-20/23", "WG-WSIS-21/22",
             "WG-WSIS-22/39", "WG-WSIS-22/43", "WG-WSIS-23/17", "WG-WSIS-24/4",
             "WG-WSIS-25/26", "WG-WSIS-23/14", "WG-WSIS-23/03", "C11/33", "C11/74", "C-11/95",
             "C-11/97", "C12/55", "C-12/101", "C13/66", "C13/85", "C13/57", "C-13/108",
             "C14/38"]
    symbols = {d.symbol for d in ds.documents}
    assert set(named) <= symbols
    by = {d.symbol: d for d in ds.documents}
    assert by["C13/85"].submitted_by == "Republic of Poland"
    assert by["C11/74"].submitted_by == "Russian Federation"
    assert by["WG-WSIS-23/14"].submitted_by == "Chair of CWG-WSIS"
    assert [c.event for c in by["C12/55"].considered_at] == ["council-2012"]


def test_council_sessions_and_conferences_dated_from_external_facts(ds: Dataset) -> None:
    def span(event_id: str) -> tuple[dt.date, dt.date]:
        e = ds.event(event_id)
        assert e is not None
        assert any(s.type is SourceType.EXTERNAL for s in e.sources), event_id
        return e.start, e.end

    assert span("pp-10") == (D(2010, 10, 4), D(2010, 10, 22))
    assert span("council-2011") == (D(2011, 10, 11), D(2011, 10, 21))
    assert span("council-2012") == (D(2012, 7, 4), D(2012, 7, 12))
    assert span("council-2013") == (D(2013, 6, 11), D(2013, 6, 20))
    assert span("pp-14") == (D(2014, 10, 20), D(2014, 11, 7))
    assert span("wsis-forum-2011") == (D(2011, 5, 16), D(2011, 5, 20))
    assert span("wsis10-hle")[1] == D(2014, 6, 13)
    council_2014 = ds.event("council-2014")
    assert council_2014 is not None
    assert [(s.start, s.end) for s in council_2014.sessions] == [
        (D(2014, 5, 6), D(2014, 5, 15)), (D(2014, 10, 18), D(2014, 10, 18))]
    tdag = ds.event("tdag-2013")
    assert tdag is not None and tdag.precision is Precision.YEAR  # the report gives only 2013
    kinds = Counter(e.kind for e in ds.events)
    assert kinds["council-session"] == 6 and kinds["wsis-forum"] == 3
    assert kinds["plenipotentiary-conference"] == 3 and kinds["consultation"] == 5


def test_resolution_1334_history(ds: Dataset) -> None:
    r = ds.resolution("res-c1334")
    assert r is not None and r.body == "council" and r.number == "1334"
    assert [(s.action, s.year, s.event, s.document) for s in r.history] == [
        ("adopted", 2011, "council-2011", "C-11/97"),
        ("modified", 2012, "council-2012", "C-12/101"),
        ("modified", 2013, "council-2013", "C-13/108"),
    ]


def test_all_resolutions_the_issue_names(ds: Dataset) -> None:
    numbers = {r.number for r in ds.resolutions}
    assert {"1196", "1332", "1334", "1336", "102", "140", "172", "A/68/302",
            "WSIS+10 Statement", "WSIS+10 Vision"} <= numbers
    c1332 = ds.resolution("res-c1332")
    assert c1332 is not None
    assert [(s.event, s.document) for s in c1332.history] == [("council-2011", "C-11/95")]
    assert ds.resolution("res-pp172").history[0].event == "pp-10"  # type: ignore[union-attr]


def test_recommendations_and_links(ds: Dataset) -> None:
    section_45 = [r for r in ds.recommendations if r.ref.startswith("§4.5.")]
    assert sorted(r.ref for r in section_45) == sorted(f"§4.5.{i}" for i in range(1, 13))
    assert all(r.event == "cwg-25" for r in section_45)
    rec = ds.recommendation("rec-council-2011")
    assert rec is not None and rec.status == "led-to-resolution"
    assert set(rec.links.resolutions) == {"res-c1332", "res-c1334"}
    ict = ds.recommendation("rec-ict-definition")
    assert ict is not None and ict.status == "forwarded" and "pp-14" in ict.links.events
    endorsed = next(f for f in ds.figures if f.id == "recommendations-endorsed")
    assert (endorsed.value, endorsed.qualifier) == (150, "more-than")  # §2.3


def test_people_and_contributors(ds: Dataset) -> None:
    chair = next(p for p in ds.people if p.id == "vladimir-minkin")
    assert chair.country == "Russian Federation" and chair.roles[0].role == "Chair"
    vice = [p.name for p in ds.people if any(r.role == "Vice-Chair" for r in p.roles)]
    assert sorted(vice) == ["Frederick Riehl", "Majed Al Mazyed", "Nermine El Saadany"]
    types = Counter(c.type for c in ds.contributors)
    assert types == {"member-state": 16, "city": 1, "company": 2, "organization": 3}  # §6.3


def test_topics(ds: Dataset) -> None:
    cats = Counter(t.category for t in ds.topics)
    assert cats == {"initiative": 4, "adjustment": 9, "input": 14}
    stock = next(t for t in ds.topics if t.id == "init-stocktaking")
    assert (stock.start_year, stock.end_year) == (2011, 2014)


def test_titles_are_bilingual_and_translations_flagged(ds: Dataset) -> None:
    for e in ds.events:
        assert e.title.zh and e.title.en, e.id
    assert ds.event("council-2011").title.en_is_translation is False  # type: ignore[union-attr]
    assert ds.event("cwg-18").title.en_is_translation is True  # type: ignore[union-attr]


def test_export_validates_against_schema(ds: Dataset) -> None:
    schema = json.loads(paths.export_schema_path().read_text(encoding="utf-8"))
    data = dataset_to_json(ds)
    jsonschema.validate(data, schema)
    # The schema is not vacuous: a broken record fails it.
    data["events"][0]["precision"] = "week"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_cli_export_writes_file(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    proc = subprocess.run([sys.executable, "-m", "wsis_viewer", "export", "--output", str(out)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {e["id"] for e in data["events"]} >= {"cwg-18", "pp-14"}


def test_cli_build_db_reports_problems(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(paths.data_dir(), data)
    events = data / "events.toml"
    events.write_text(events.read_text(encoding="utf-8").replace('id = "cwg-19"', 'id = "cwg-18"'),
                      encoding="utf-8")
    out = tmp_path / "x.sqlite"
    proc = subprocess.run([sys.executable, "-m", "wsis_viewer", "build-db", "--data", str(data),
                           "--output", str(out)], capture_output=True, text=True, check=False)
    assert proc.returncode == 1
    assert "events.toml: event 'cwg-18'" in proc.stderr and "duplicate" in proc.stderr
    assert not out.exists()


def test_build_does_not_depend_on_hash_seed(tmp_path: Path) -> None:
    """Index creation order once followed Python's set order; two seeds must give one file."""
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}.sqlite"
        subprocess.run([sys.executable, "-m", "wsis_viewer", "build-db", "--output", str(out)],
                       check=True, capture_output=True, env={**__import__("os").environ,
                                                             "PYTHONHASHSEED": seed})
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
