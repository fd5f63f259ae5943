#!/bin/sh
# Install this unpacked folder for the current user, without root:
#   ~/.local/bin/wsis-viewer                     link to ./wsis-viewer in this folder
#   ~/.local/share/applications/, icons/, mime/, metainfo/, man/, bash-completion/,
#   zsh/site-functions/                          menu entry, icons, MIME type, man page, completions
# (XDG_DATA_HOME and the bin folder are respected). The folder stays where it is: move it
# first, then run this. `./install.sh --user --uninstall` removes what it added.
set -eu

usage() { echo "usage: ./install.sh --user [--uninstall]" >&2; exit 2; }
[ "${1:-}" = "--user" ] || usage
MODE=install
case "${2:-}" in "") ;; --uninstall) MODE=uninstall ;; *) usage ;; esac

HERE="$(cd "$(dirname "$0")" && pwd -P)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
BIN="$HOME/.local/bin"
ID=org.wsis_viewer.WSISViewer
FILES="applications/$ID.desktop metainfo/$ID.metainfo.xml mime/packages/wsis-viewer.xml
man/man1/wsis-viewer.1 bash-completion/completions/wsis-viewer"
for size in 16 32 48 64 128 256; do FILES="$FILES icons/hicolor/${size}x${size}/apps/$ID.png"; done
FILES="$FILES icons/hicolor/scalable/apps/$ID.svg"

refresh() {  # the caches desktops read; each tool is optional
    command -v update-desktop-database >/dev/null 2>&1 \
        && update-desktop-database -q "$DATA/applications" || true
    command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$DATA/mime" || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 \
        && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
}

if [ "$MODE" = uninstall ]; then
    for f in $FILES; do rm -f "$DATA/$f"; done
    rm -f "$DATA/zsh/site-functions/_wsis-viewer"
    if [ -L "$BIN/wsis-viewer" ] && [ "$(readlink "$BIN/wsis-viewer")" = "$HERE/wsis-viewer" ]; then
        rm -f "$BIN/wsis-viewer"
    fi
    refresh
    echo "removed WSIS Timeline Viewer's menu entry, icons and links from $DATA and $BIN"
    exit 0
fi

for f in $FILES; do
    mkdir -p "$(dirname "$DATA/$f")"
    cp "$HERE/share/$f" "$DATA/$f"
done
mkdir -p "$DATA/zsh/site-functions"
cp "$HERE/share/zsh/vendor-completions/_wsis-viewer" "$DATA/zsh/site-functions/_wsis-viewer"
# The menu may not have ~/.local/bin on its PATH: start this folder's program by its path
# (quoted, as the Desktop Entry specification asks for paths with spaces).
sed -e "s|^Exec=wsis-viewer |Exec=\"$HERE/wsis-viewer\" |" \
    -e "s|^TryExec=.*|TryExec=$HERE/wsis-viewer|" \
    "$HERE/share/applications/$ID.desktop" > "$DATA/applications/$ID.desktop"
mkdir -p "$BIN"
ln -sfn "$HERE/wsis-viewer" "$BIN/wsis-viewer"
refresh
echo "installed: menu entry $DATA/applications/$ID.desktop, command $BIN/wsis-viewer"
case ":$PATH:" in *":$BIN:"*) ;; *) echo "note: $BIN is not on your PATH" ;; esac
