#!/usr/bin/env bash
# Pack "dist/WSIS Timeline Viewer.app" into a compressed .dmg with an Applications link.
# NOT VERIFIED: written on Linux; hdiutil exists only on macOS. See packaging/macos/README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
APP="$ROOT/dist/WSIS Timeline Viewer.app"
VERSION="$("$ROOT/build/pkg-venv/bin/python" -c \
    'from importlib.metadata import version; print(version("wsis-viewer"))')"
DMG="$ROOT/dist/wsis-viewer-$VERSION-macos-$(uname -m).dmg"
[[ -d "$APP" ]] || { echo "no $APP: run PyInstaller first (see README.md)" >&2; exit 1; }

STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"   # drag-to-install target
cp "$ROOT/dist/wsis-viewer/README.txt" "$STAGE/" 2>/dev/null || true
rm -f "$DMG"
hdiutil create -volname "WSIS Timeline Viewer $VERSION" -srcfolder "$STAGE" -fs HFS+ \
    -format UDZO -imagekey zlib-level=9 "$DMG"
hdiutil verify "$DMG"
echo "wrote $DMG"
