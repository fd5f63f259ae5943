"""Hostile and broken source files: every shape ends in problems naming file, record and field
(never a traceback), and `check` accepts only what `build-db` builds and the viewer opens."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wsis_viewer import paths
from wsis_viewer.session.loaded_database import LoadedDatabase
from wsis_viewer.store.build import write_database
from wsis_viewer.store.problems import DataError
from wsis_viewer.store.source_files import load_source_files

HEAD = {
    "events.toml": '[[event]]\nid = "x-1"\nkind = "consultation"\nprecision = "day"\n'
                   'title = { zh = "x", en = "x" }\nstart = "2013-01-01"\nsources = ["§1.4"]\n',
    "documents.toml": '[[document]]\nsymbol = "X/1"\nkind = "report"\n'
                      'title = { zh = "x", en = "x" }\nsources = ["§1.4"]\n',
    "people.toml": '[[person]]\nid = "p-x"\nname = "X"\nsources = ["§1.4"]\n',
    "recommendations.toml": '[[recommendation]]\nid = "rec-x"\nref = "X"\n'
                            'text = { zh = "x", en = "x" }\nsources = ["§1.4"]\n',
    "figures.toml": '[[figure]]\nid = "fig-x"\nqualifier = "about"\n'
                    'text = { zh = "x", en = "x" }\nsources = ["§1.4"]\n',
    "resolutions.toml": '[[resolution]]\nid = "res-x"\nbody = "council"\nnumber = "1"\n'
                        'title = { zh = "x", en = "x" }\nsources = ["§1.4"]\n',
}

CASES = {
    # name: (file, text appended to a new record of that file, what the problem names)
    "considered-at-number": ("documents.toml", "considered_at = 5\n", "considered_at"),
    "role-string": ("people.toml", 'role = "chair"\n', "role"),
    "link-string": ("recommendations.toml", 'link = "x"\n', "link"),
    "session-numbers": ("events.toml", "session = [1, 2]\n", "session[1]"),
    "integer-beyond-64-bits": ("figures.toml", "value = 99999999999999999999\n", "value"),
    "fullwidth-digits": ("events.toml", 'end = "２０１３-01-02"\n', "end"),
    "underscore-in-date": ("events.toml", 'end = "2013-0_1-02"\n', "end"),
    "unknown-lane": ("events.toml", 'lane = "moon"\n', "lane"),
    "toml-date-not-text": ("events.toml", "end = 2013-01-02\n", "end"),
    "nesting": ("events.toml", "date_note = [[[[[[[[[[1]]]]]]]]]]\n", ""),
    "step-year-huge": ("resolutions.toml", '[[resolution.step]]\naction = "adopted"\n'
                       "year = 99999\n", "step[1].year"),
    "bool-as-number": ("events.toml", "number = true\n", "number"),
    "title-list": ("events.toml", 'description = ["a"]\n', "description"),
}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(paths.data_dir(), target)
    return target


def _append(data: Path, name: str, text: str) -> None:
    path = data / name
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text, encoding="utf-8")


def _problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_source_files(data)
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize("case", sorted(CASES))
def test_wrong_shapes_are_problems_not_tracebacks(data: Path, case: str) -> None:
    name, text, fld = CASES[case]
    _append(data, name, HEAD[name] + text)
    found = _problems(data)
    assert any(p.startswith(f"{name}: ") and (f"field '{fld}" in p if fld else True)
               for p in found), found


def test_year_precision_0001_to_9999_is_refused(data: Path) -> None:
    """Once passed check and build-db, then crashed the window on its first paint."""
    _append(data, "events.toml", HEAD["events.toml"].replace(
        'precision = "day"', 'precision = "year"').replace('"2013-01-01"', '"0001"')
        + 'end = "9999"\n')
    found = _problems(data)
    assert any("event 'x-1'" in p and "field 'start'" in p and "outside" in p for p in found)
    assert any("event 'x-1'" in p and "field 'end'" in p and "outside" in p for p in found)


@pytest.mark.parametrize("kind", ["folder", "huge", "binary", "deep", "top-level-number"])
def test_unreadable_files(data: Path, kind: str) -> None:
    path = data / "events.toml"
    path.unlink()
    if kind == "folder":
        path.mkdir()
    elif kind == "huge":
        path.write_text("# x\n" * 3_000_000, encoding="utf-8")
    elif kind == "binary":
        path.write_bytes(os.urandom(4096))
    elif kind == "deep":
        path.write_text("a = " + "[" * 200_000 + "]" * 200_000 + "\n", encoding="utf-8")
    else:
        path.write_text("event = 5\n", encoding="utf-8")
    found = _problems(data)
    assert any(p.startswith("events.toml") for p in found), found


def test_commands_give_one_problem_a_line_and_write_nothing(data: Path, tmp_path: Path) -> None:
    _append(data, "documents.toml", HEAD["documents.toml"] + "considered_at = 5\n")
    _append(data, "people.toml", HEAD["people.toml"] + 'role = "chair"\n')
    out = tmp_path / "out.sqlite"
    for argv in (["check", "--data", str(data)], ["build-db", "--data", str(data), "-o",
                                                  str(out)]):
        proc = subprocess.run([sys.executable, "-m", "wsis_viewer", *argv], capture_output=True,
                              text=True, timeout=120)
        assert proc.returncode == 1, proc.stderr
        assert "Traceback" not in proc.stderr
        assert "documents.toml: document 'X/1'" in proc.stderr
        assert "people.toml: person 'p-x'" in proc.stderr
    assert not out.exists()


# --- fuzz: any record the loader accepts, build-db builds and the viewer opens ----------------

def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return "nan" if value != value else ("inf" if value > 0 else "-inf") \
            if value in (float("inf"), float("-inf")) else repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{ " + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + " }"


KEYS = ["id", "kind", "precision", "start", "end", "title", "session", "lane", "number",
        "description", "sources", "location", "date_note", "resolutions", "extraordinary",
        "basis", "source", "quote", "zh", "en", "time", "x"]
scalars = st.one_of(
    st.text(max_size=20), st.sampled_from(["2013-01-01", "2013", "2013-02", "0001", "9999",
                                           "２０１３", "§1.4", "stated", "day", "year", "cwg-19",
                                           "consultation", "council", "09:30"]),
    st.integers(), st.booleans(), st.floats(), st.dates())
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(KEYS), inner, max_size=4)),
    max_leaves=8)


@settings(max_examples=int(os.environ.get("WSIS_FUZZ_EXAMPLES", "60")), deadline=None,
          derandomize=not os.environ.get("WSIS_FUZZ_RANDOM"),
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields=st.dictionaries(st.sampled_from(KEYS), values, max_size=6))
def test_check_accepts_only_what_build_db_builds(tmp_path_factory: pytest.TempPathFactory,
                                                 fields: dict[str, object]) -> None:
    data = tmp_path_factory.mktemp("src") / "data"
    shutil.copytree(paths.data_dir(), data)
    record = dict.fromkeys(["id"], "x-1") | fields
    text = "[[event]]\n" + "".join(f"{json.dumps(k)} = {_toml(v)}\n" for k, v in record.items())
    _append(data, "events.toml", text)
    try:
        ds = load_source_files(data)
    except DataError as exc:
        assert all(p.file for p in exc.problems)
        return
    out = data.parent / "built.sqlite"
    write_database(ds, out)
    db = LoadedDatabase.open(out)  # a DatabaseError here: check accepted what cannot be used
    try:
        assert len(db.dataset.events) == len(ds.events)
    finally:
        db.close()
