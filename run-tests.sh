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

# A throwaway PostgreSQL server for the team-server tests (installed from the system's
# packages if missing), stopped on every way out of this script, failures included. When it
# cannot start, those tests skip with the reason, except in CI (CI=true), where they fail.
PG_DIR=""
stop_pg() { [[ -z "$PG_DIR" ]] || bash scripts/pg_test_server.sh stop "$PG_DIR"; }
trap stop_pg EXIT
if PG_INFO="$(bash scripts/pg_test_server.sh start)"; then
    export WSIS_TEST_PG_URL="${PG_INFO%%$'\n'*}"
    PG_DIR="${PG_INFO##*$'\n'}"
    echo "== PostgreSQL test server in $PG_DIR"
else
    export WSIS_TEST_PG_UNAVAILABLE="scripts/pg_test_server.sh start failed (see above)"
    echo "== PostgreSQL test server could not start: server tests will skip (fail if CI=true)"
fi

echo "== pytest"
status=0
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest "$@" || status=$?
exit "$status"
