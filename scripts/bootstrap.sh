#!/usr/bin/env bash
# Set up everything the viewer and its tests need, idempotently: the system libraries Qt loads
# even offscreen, and a virtual environment in .venv with the package and its test extras.
# Sourced by ./run-app.sh and ./run-tests.sh (and so by CI), so a fresh machine needs nothing
# done by hand.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

# Qt's libraries link these even with QT_QPA_PLATFORM=offscreen; the xcb ones are for a real
# window, and xvfb runs one in the tests that need a real X server (dialogs, print preview).
# at-spi2-core, python3-pyatspi and dbus-x11: the accessibility bus and the system python's
# client library, for the test that reads the window as a screen reader does
# (tests/xvfb/test_accessibility_tree.py). Debian/Ubuntu package names.
SYSTEM_PACKAGES=(libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libglib2.0-0
                 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
                 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0
                 xvfb xauth at-spi2-core python3-pyatspi dbus-x11)

missing_packages() {
    local pkg
    for pkg in "${SYSTEM_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || echo "$pkg"
    done
}

if command -v dpkg-query >/dev/null 2>&1; then
    mapfile -t MISSING < <(missing_packages)
    if ((${#MISSING[@]})); then
        echo "bootstrap: installing system libraries: ${MISSING[*]}" >&2
        SUDO=""
        [[ $(id -u) -ne 0 ]] && SUDO="sudo"
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
            "${MISSING[@]}" >/dev/null
    fi
else
    echo "bootstrap: not a Debian-like system; make sure Qt's runtime libraries" \
         "(${SYSTEM_PACKAGES[*]}) are installed" >&2
fi

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "bootstrap: Python 3.11 or newer is needed (found $("$PYTHON" --version 2>&1))" >&2
    exit 1
fi

if [[ ! -x "$VENV/bin/python" ]]; then
    echo "bootstrap: creating $VENV" >&2
    "$PYTHON" -m venv "$VENV"
fi

# Reinstall only when the dependency list changed: a stamp holds pyproject.toml's hash.
STAMP="$VENV/.wsis-viewer-installed"
WANT="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
if [[ ! -f "$STAMP" || "$(cat "$STAMP")" != "$WANT" ]]; then
    echo "bootstrap: installing wsis-viewer and its test tools into $VENV" >&2
    "$VENV/bin/python" -m pip install -q --upgrade pip 2>&1 | grep -v "^WARNING: Location" >&2 || true
    "$VENV/bin/python" -m pip install -q -e "$ROOT[test]" 2>&1 | grep -v "^WARNING: Location" >&2 || true
    "$VENV/bin/python" -c "import wsis_viewer, PySide6, pyqtgraph, sqlalchemy, pytestqt" \
        || { echo "bootstrap: installation failed" >&2; exit 1; }
    echo "$WANT" > "$STAMP"
fi
