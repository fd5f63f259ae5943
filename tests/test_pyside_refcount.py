"""Regression test for the PySide6 6.12.0 refcount bug on None (see known pitfalls).

6.12.0 on CPython 3.11 decrements None's reference count in calls like setObjectName; after
enough calls the interpreter aborts with "Fatal Python error: none_dealloc". The loop runs in a
subprocess so that such an abort fails this test instead of killing the whole pytest run.
"""

from __future__ import annotations

import subprocess
import sys

import PySide6

LOOP = """
from PySide6 import QtCore
o = QtCore.QObject()
for _ in range(200_000):
    o.setObjectName("x")
print("survived")
"""


def test_pyside_is_not_the_broken_release() -> None:
    assert PySide6.__version__ != "6.12.0", "PySide6 6.12.0 aborts CPython 3.11; see pyproject"


def test_set_object_name_loop_survives() -> None:
    result = subprocess.run([sys.executable, "-c", LOOP], capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "survived"
