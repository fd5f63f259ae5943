"""Every validation rule, each proven by breaking a copy of the real source files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wsis_viewer import paths
from wsis_viewer.store.build import build_database
from wsis_viewer.store.problems import DataError
from wsis_viewer.store.source_files import load_source_files


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(paths.data_dir(), target)
    return target


def edit(data: Path, name: str, old: str, new: str) -> None:
    path = data / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_source_files(data)
    return [str(p) for p in info.value.problems]


def test_real_sources_are_valid() -> None:
    ds = load_source_files(paths.data_dir())
    assert ds.events and ds.documents and ds.resolutions and ds.recommendations


def test_duplicate_id(data: Path) -> None:
    edit(data, "events.toml", 'id = "cwg-19"', 'id = "cwg-18"')
    [msg] = [p for p in problems(data) if "duplicate" in p]
    assert msg.startswith("events.toml: event 'cwg-18' (#")
    assert "field 'id'" in msg and "first defined as #" in msg


def test_dangling_reference(data: Path) -> None:
    edit(data, "resolutions.toml", 'document = "C-12/101"', 'document = "C-12/999"')
    msgs = problems(data)
    assert ("resolutions.toml: resolution 'res-c1334': field 'step[2].document': "
            "dangling reference: no document 'C-12/999'") in msgs


def test_dangling_recommendation_link(data: Path) -> None:
    edit(data, "recommendations.toml", 'type = "resolution"\n  id = "res-c1334"',
         'type = "resolution"\n  id = "res-c9999"')
    assert any("recommendation 'rec-council-2011'" in m and "field 'link'" in m
               and "res-c9999" in m for m in problems(data))


# --- claims: every link says whether the report states it ------------------------------------


def test_a_link_without_basis_is_refused(data: Path) -> None:
    edit(data, "documents.toml",
         'event = { id = "cwg-19", basis = "stated", source = "§2.2.2", ',
         'event = { id = "cwg-19", source = "§2.2.2", ')
    assert any("document 'WG-WSIS-19/7'" in m and "field 'event.basis'" in m
               and "missing or unknown basis" in m for m in problems(data))


def test_a_plain_string_link_is_refused(data: Path) -> None:
    """The version-1 form (a bare id) would hide whether the link is stated or inferred."""
    edit(data, "documents.toml",
         'event = { id = "cwg-19", basis = "stated", source = "§2.2.2", quote = '
         '"2011年10月10日CWG-WSIS第19次会议主要结果概要（WG-WSIS-19/7号文件）" }',
         'event = "cwg-19"')
    assert any("document 'WG-WSIS-19/7'" in m and "field 'event'" in m
               and "every link says its basis" in m for m in problems(data))


def test_a_stated_link_must_quote_the_report(data: Path) -> None:
    edit(data, "events.toml", '  quote = "非常会议：对经修订的第1334号决议予以跟进"\n', "")
    assert any("event 'cwg-extra-2013'" in m and "field 'resolutions[1].quote'" in m
               and "must quote" in m for m in problems(data))


def test_an_inferred_link_must_say_why(data: Path) -> None:
    text = (data / "documents.toml").read_text(encoding="utf-8")
    start = text.index('event = { id = "cwg-20", basis = "inferred"')
    end = text.index("\n", start)
    edit(data, "documents.toml", text[start:end],
         'event = { id = "cwg-20", basis = "inferred", source = "§2.3.2" }')
    assert any("document 'C12/55'" in m and "field 'event.why'" in m and "must say why" in m
               for m in problems(data))


def test_claim_source_must_exist_and_quotes_only_from_the_report(data: Path) -> None:
    edit(data, "resolutions.toml", '  source = "§1.1"\n', '  source = "§1.9"\n')
    edit(data, "documents.toml", 'event = { id = "unga-hlm-2015", basis = "stated", '
         'source = "ext:unga-70-125" }', 'event = { id = "unga-hlm-2015", basis = "stated", '
         'source = "ext:unga-70-125", quote = "words" }')
    msgs = problems(data)
    assert any("resolution 'res-c1196'" in m and "step[1].source" in m
               and "'§1.9' is not a paragraph" in m for m in msgs)
    assert any("document 'A/RES/70/125'" in m and "event.quote" in m
               and "must come from a report paragraph" in m for m in msgs)


def test_unknown_basis_and_quoted_from_paragraph(data: Path) -> None:
    edit(data, "people.toml", 'basis = "stated"\n  source = "§6.4"',
         'basis = "likely"\n  source = "§6.4"')
    edit(data, "topics.toml", 'quoted_from = "§2.4.6"', 'quoted_from = "§2.4.66"')
    msgs = problems(data)
    assert any("person 'vladimir-minkin'" in m and "role[1].basis" in m and "'likely'" in m
               for m in msgs)
    assert any("topic 'init-targets-review'" in m and "title.quoted_from" in m
               and "'§2.4.66' is not a paragraph" in m for m in msgs)


def test_recommendation_status_is_a_claim(data: Path) -> None:
    edit(data, "recommendations.toml", 'status = { value = "approved", basis = "stated", ',
         'status = { value = "adopted", basis = "stated", ')
    assert any("recommendation 'rec-council-2014'" in m and "unknown value 'adopted'" in m
               for m in problems(data))


def test_end_before_start(data: Path) -> None:
    edit(data, "events.toml", 'start = "2012-07-04"\nend = "2012-07-12"',
         'start = "2012-07-04"\nend = "2012-07-01"')
    assert any("event 'council-2012'" in m and "field 'end'" in m and "before start" in m
               for m in problems(data))


def test_session_outside_its_event(data: Path) -> None:
    edit(data, "events.toml", '  start = "2013-06-10"\n  time = "10:00"',
         '  start = "2013-06-12"\n  time = "10:00"')
    assert any("event 'cwg-22'" in m and "field 'session[2]'" in m and "outside its event" in m
               for m in problems(data))


def test_unknown_kind(data: Path) -> None:
    edit(data, "events.toml", 'id = "cwg-19"\nkind = "cwg-wsis-meeting"',
         'id = "cwg-19"\nkind = "party"')
    assert any("event 'cwg-19'" in m and "field 'kind'" in m and "unknown kind 'party'" in m
               for m in problems(data))


def test_unknown_precision(data: Path) -> None:
    edit(data, "events.toml", 'precision = "year"\nstart = "2006"',
         'precision = "week"\nstart = "2006"')
    assert any("event 'pp-06'" in m and "field 'precision'" in m and "unknown precision 'week'" in m
               for m in problems(data))


def test_date_must_match_precision(data: Path) -> None:
    edit(data, "events.toml", 'precision = "year"\nstart = "2006"',
         'precision = "year"\nstart = "2006-05-01"')
    assert any("event 'pp-06'" in m and "field 'start'" in m and "year-precision" in m
               for m in problems(data))


def test_missing_source(data: Path) -> None:
    edit(data, "people.toml", 'sources = ["§6.2", "§3.1.1"]', "")
    assert any("person 'houlin-zhao'" in m and "field 'sources'" in m and "missing source" in m
               for m in problems(data))


def test_unknown_paragraph_and_external_source(data: Path) -> None:
    edit(data, "events.toml", 'sources = ["§2.2.2"]', 'sources = ["§2.2.22", "ext:nowhere"]')
    msgs = problems(data)
    assert any("event 'cwg-19'" in m and "'§2.2.22' is not a paragraph" in m for m in msgs)
    assert any("event 'cwg-19'" in m and "unknown external source 'ext:nowhere'" in m
               for m in msgs)


def test_missing_title_language(data: Path) -> None:
    edit(data, "documents.toml", 'title = { zh = "CWG-WSIS第19次会议主要结果概要", ',
         'title = { ')
    assert any("document 'WG-WSIS-19/7'" in m and "field 'title.zh'" in m
               and "missing title language" in m for m in problems(data))


def test_bad_time_and_unknown_field(data: Path) -> None:
    edit(data, "events.toml", 'time = "16:45"', 'time = "4:45pm"')
    edit(data, "events.toml", 'id = "cwg-24"', 'id = "cwg-24"\nlocaton = "Geneva"')
    msgs = problems(data)
    assert any("event 'cwg-extra-2013'" in m and "session[1].time" in m for m in msgs)
    assert any("event 'cwg-24'" in m and "field 'locaton'" in m and "unknown field" in m
               for m in msgs)


def test_every_problem_is_reported_at_once(data: Path) -> None:
    edit(data, "events.toml", 'id = "cwg-19"', 'id = "cwg-18"')
    edit(data, "documents.toml", 'event = { id = "cwg-20"', 'event = { id = "cwg-99"')
    edit(data, "contributors.toml", 'type = "city"', 'type = "village"')
    msgs = problems(data)
    assert len(msgs) >= 3
    assert {m.split(":")[0] for m in msgs} >= {"events.toml", "documents.toml",
                                               "contributors.toml"}


def test_broken_toml_names_the_file(data: Path) -> None:
    (data / "figures.toml").write_text("[[figure]\nid = ", encoding="utf-8")
    assert any(m.startswith("figures.toml: not valid TOML") for m in problems(data))


def test_failed_build_leaves_existing_database_untouched(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "wsis.sqlite"
    build_database(data, out)
    before = out.read_bytes()
    edit(data, "events.toml", 'id = "cwg-19"', 'id = "cwg-18"')
    with pytest.raises(DataError):
        build_database(data, out)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "wsis.sqlite"]  # no temp left
