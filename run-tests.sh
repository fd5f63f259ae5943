#!/usr/bin/env bash
# The test command: set-up, lint, type check, then the whole test suite offscreen.
# CI (.ci/run) runs exactly this. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/bootstrap.sh
echo "== ruff" && .venv/bin/ruff check .
echo "== mypy" && .venv/bin/mypy
echo "== import contracts" && .venv/bin/lint-imports --no-cache >/dev/null \
    || { .venv/bin/lint-imports --no-cache; exit 1; }
echo "== pytest"
QT_QPA_PLATFORM=offscreen exec .venv/bin/python -m pytest "$@"
