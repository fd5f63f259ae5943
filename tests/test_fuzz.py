"""Property-based fuzzing of the database opener and everything that reads an opened file.

Whatever is done to a valid file — a value of any storage class in any column, bytes flipped,
a region overwritten, the file cut short, the schema changed — opening and using it ends in
"opened" or a one-line DatabaseError, and the file's bytes are never changed.

About a minute in CI. For longer runs: WSIS_FUZZ_EXAMPLES=2000 (examples per test), or the
crash-isolated long run: python tools/fuzz_databases.py --count 10000.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
from pathlib import Path

import pytest
from fuzz_targets import (
    NASTY_NUMBERS,
    NASTY_TEXT,
    columns,
    exercise,
    flip_bytes,
    random_mutation,
    set_value,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("WSIS_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not os.environ.get(
    "WSIS_FUZZ_RANDOM"), suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                 HealthCheck.too_slow])
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[str, str]]]:
    from hostile_corpus import payload_dataset

    from wsis_viewer.domain.model import Dataset
    from wsis_viewer.store.build import write_database

    path = tmp_path_factory.mktemp("fuzz") / "template.sqlite"
    ds = payload_dataset()
    assert isinstance(ds, Dataset)
    write_database(ds, path, built_from="fuzz")
    return path, columns(path)


def _checked(template: Path, work: Path, mutate: object) -> str:
    path = work / "case.sqlite"
    shutil.copyfile(template, path)
    mutate(path)  # type: ignore[operator]
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    outcome = exercise(path)
    assert sorted(p.name for p in work.iterdir()) == ["case.sqlite"]  # no -wal, -shm, copy
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    path.unlink()
    return outcome


values = st.one_of(
    st.none(), st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=60),
    st.binary(max_size=40), st.sampled_from(NASTY_TEXT), st.sampled_from(NASTY_NUMBERS),
    st.binary(min_size=1, max_size=12).map(lambda b: ("text-bytes", b)))


@FUZZ
@given(data=st.data())
def test_any_value_in_any_column(template: tuple[Path, list[tuple[str, str]]],
                                 tmp_path_factory: pytest.TempPathFactory,
                                 data: st.DataObject) -> None:
    path, cols = template
    changes = data.draw(st.lists(st.tuples(st.sampled_from(cols), values,
                                           st.integers(0, 1000)), min_size=1, max_size=4))

    def mutate(p: Path) -> None:
        for (table, column), value, row in changes:
            set_value(p, table, column, value, row)

    _checked(path, tmp_path_factory.mktemp("v"), mutate)


@FUZZ
@given(flips=st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), min_size=1,
                      max_size=30))
def test_flipped_bytes(template: tuple[Path, list[tuple[str, str]]],
                       tmp_path_factory: pytest.TempPathFactory,
                       flips: list[tuple[int, int]]) -> None:
    _checked(template[0], tmp_path_factory.mktemp("b"), lambda p: flip_bytes(p, flips))


@FUZZ
@given(seed=st.integers(0, 2**32 - 1))
def test_random_mutations(template: tuple[Path, list[tuple[str, str]]],
                          tmp_path_factory: pytest.TempPathFactory, seed: int) -> None:
    rng = random.Random(seed)
    _checked(template[0], tmp_path_factory.mktemp("m"),
             lambda p: random_mutation(p, rng))
