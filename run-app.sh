#!/usr/bin/env bash
# Run the WSIS Timeline Viewer on the bundled database (or pass a database path / sub-command).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/bootstrap.sh
exec .venv/bin/wsis-viewer "$@"
