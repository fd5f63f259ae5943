#!/usr/bin/env bash
# Prove the artefacts of packaging/build.sh work, by running them:
#
#  1. dist/wsis-viewer (the frozen folder), headless (QT_QPA_PLATFORM=offscreen):
#     --version is the package's; `export` is byte-for-byte the source install's; `check` reads
#     the data from _internal/wsis_viewer/_bundled/ (wsis_viewer/paths.py unchanged); the window
#     starts and keeps running (offscreen, and on Xvfb through the xcb plugin when xvfb-run is
#     installed); `screenshot` (en, zh) equals the source's byte for byte and every page of the
#     Chinese `report` renders the same as the source's (each once the command exists).
#  2. the tar.gz, unpacked elsewhere (so nothing depends on the build path): `export` again.
#  3. the .deb in a clean Debian 12 root (debootstrap --variant=minbase, cached in $PKGROOT and
#     copied fresh for every run): `apt-get install ./wsis-viewer_*.deb` pulls the Depends; then
#     wsis-viewer (the /usr/bin link) runs `export`, the window, `screenshot --lang zh` and
#     `report --lang zh` there, compared with the host's; fc-list then shows the clean system
#     has no CJK font (so the Chinese came from the bundled font); `apt-get purge` removes
#     /opt/wsis-viewer again.
#
# Usage: packaging/smoke_test.sh        (as root for part 3; SKIP_CHROOT=1 to skip it)
# Environment: PKGROOT (default /work/pkgroot-bookworm), SOURCE_WSIS (the source install's
# command, default build/pkg-venv/bin/wsis-viewer: the working tree, installed editable).
# Outputs land in dist/smoke/. The last line is "N passed, N failed".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DIST="$ROOT/dist"
APP="$DIST/wsis-viewer"
OUT="$DIST/smoke"
PKGROOT="${PKGROOT:-/work/pkgroot-bookworm}"
SOURCE_WSIS="${SOURCE_WSIS:-$ROOT/build/pkg-venv/bin/wsis-viewer}"
export QT_QPA_PLATFORM=offscreen

PASSED=0
FAILED=0
pass() { echo "PASS: $*"; PASSED=$((PASSED + 1)); }
fail() { echo "FAIL: $*"; FAILED=$((FAILED + 1)); }
note() { echo "NOTE: $*"; }
check() {  # check "description" command...: PASS when the command succeeds
    local what="$1"
    shift
    if "$@" > "$OUT/last.log" 2>&1; then pass "$what"; else fail "$what"; sed 's/^/      /' "$OUT/last.log"; fi
}

[[ -x "$APP/wsis-viewer" ]] || { echo "no $APP: run packaging/build.sh first" >&2; exit 1; }
[[ -x "$SOURCE_WSIS" ]] || { echo "no source install at $SOURCE_WSIS (SOURCE_WSIS=...)" >&2; exit 1; }
VERSION="$("$SOURCE_WSIS" --version | awk '{print $2}')"
TARBALL="$DIST/wsis-viewer-$VERSION-linux-x86_64.tar.gz"
DEB="$(ls "$DIST"/wsis-viewer_*_amd64.deb 2>/dev/null | head -1 || true)"
rm -rf "$OUT" && mkdir -p "$OUT"

# The reference outputs, from the source install.
"$SOURCE_WSIS" export -o "$OUT/source-export.json"
# Reports carry the date from SOURCE_DATE_EPOCH; pin it so every run draws the same pages.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1417392000}"  # 2014-12-01
HAS_SCREENSHOT=0
if "$SOURCE_WSIS" screenshot --help >/dev/null 2>&1; then
    HAS_SCREENSHOT=1
    "$SOURCE_WSIS" screenshot "$OUT/source-screenshot.png"
    "$SOURCE_WSIS" screenshot --lang zh "$OUT/source-screenshot-zh.png"
else
    note "'wsis-viewer screenshot' does not exist yet: screenshot checks skipped"
fi
HAS_REPORT=0
if "$SOURCE_WSIS" report --help >/dev/null 2>&1; then
    HAS_REPORT=1
    "$SOURCE_WSIS" report --lang zh "$OUT/source-report-zh.pdf" >/dev/null
else
    note "'wsis-viewer report' does not exist yet: report checks skipped"
fi
# Two PDFs of the same report are never byte-equal: Qt stamps the wall-clock time and a random
# UUID, and orders the embedded fonts by a hash of their file path (which differs between the
# source tree, dist/ and /opt). So compare what they show: every page rendered by poppler.
if ((HAS_REPORT)) && ! command -v pdftoppm >/dev/null 2>&1 && [[ $(id -u) -eq 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null 2>&1 || true
fi
same_pdf() {
    local d status=0 page
    d="$(mktemp -d)"
    pdftoppm -r 50 -png "$1" "$d/a" && pdftoppm -r 50 -png "$2" "$d/b" || status=1
    [[ $(ls "$d" | grep -c '^a-') -eq $(ls "$d" | grep -c '^b-') ]] || status=1
    for page in "$d"/a-*.png; do
        cmp -s "$page" "$d/b-${page##*/a-}" || { echo "differs: page ${page##*/a-}"; status=1; }
    done
    rm -rf "$d"
    return $status
}

# Starts the window offscreen; passes if it is still running after 10 s with no traceback.
window_stays_up() {
    local rc=0
    timeout 10 "$@" > "$OUT/window.log" 2>&1 || rc=$?
    cat "$OUT/window.log"
    [[ $rc -eq 124 ]] && ! grep -q Traceback "$OUT/window.log"
}

# --- 1. the folder --------------------------------------------------------------------------
echo "== frozen folder: $APP"
check "frozen --version is $VERSION" bash -c "[[ \"\$('$APP/wsis-viewer' --version)\" == 'wsis-viewer $VERSION' ]]"
"$APP/wsis-viewer" export -o "$OUT/frozen-export.json"
check "frozen export == source export (byte for byte)" \
    cmp "$OUT/frozen-export.json" "$OUT/source-export.json"
check "frozen export to stdout == source export" \
    bash -c "'$APP/wsis-viewer' export | cmp - '$OUT/source-export.json'"
check "frozen 'check' reads _internal/wsis_viewer/_bundled/resources" \
    bash -c "'$APP/wsis-viewer' check | grep -q '$APP/_internal/wsis_viewer/_bundled/resources/data: OK'"
check "frozen window starts offscreen and keeps running" window_stays_up "$APP/wsis-viewer"
check "frozen window starts in Chinese (--lang zh)" window_stays_up "$APP/wsis-viewer" --lang zh
# A real X11 window through the bundled xcb plugin, on Debian's Xvfb when it is installed.
if command -v xvfb-run >/dev/null 2>&1; then
    check "frozen window on X11 (Xvfb, xcb plugin) keeps running" window_stays_up \
        xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb "$APP/wsis-viewer"
else
    note "xvfb-run not installed (apt-get install xvfb xauth): X11 window check skipped"
fi
if ((HAS_SCREENSHOT)); then
    "$APP/wsis-viewer" screenshot "$OUT/frozen-screenshot.png"
    check "frozen screenshot == source screenshot (byte for byte)" \
        cmp "$OUT/frozen-screenshot.png" "$OUT/source-screenshot.png"
    "$APP/wsis-viewer" screenshot --lang zh "$OUT/frozen-screenshot-zh.png"
    check "frozen Chinese screenshot == source (byte for byte)" \
        cmp "$OUT/frozen-screenshot-zh.png" "$OUT/source-screenshot-zh.png"
fi
if ((HAS_REPORT)); then
    "$APP/wsis-viewer" report --lang zh "$OUT/frozen-report-zh.pdf" >/dev/null
    check "frozen Chinese PDF report looks the same as the source's (every page rendered)" \
        same_pdf "$OUT/frozen-report-zh.pdf" "$OUT/source-report-zh.pdf"
fi

# --- 2. the tar.gz ----------------------------------------------------------------------------
echo "== tarball: $TARBALL"
if [[ -f "$TARBALL" ]]; then
    mkdir -p "$OUT/untar"
    tar -C "$OUT/untar" -xzf "$TARBALL"
    UNTAR="$OUT/untar/wsis-viewer-$VERSION-linux-x86_64"
    check "tarball has README.txt, licences and the fonts" test -f "$UNTAR/README.txt" \
        -a -f "$UNTAR/licenses/README.txt" -a -f "$UNTAR/licenses/wsis-viewer-MIT.txt" \
        -a -f "$UNTAR/licenses/NotoSansSC-OFL.txt" \
        -a -f "$UNTAR/_internal/wsis_viewer/_bundled/resources/fonts/NotoSansSC-WSIS-subset.otf"
    check "unpacked tarball: export == source export" \
        bash -c "'$UNTAR/wsis-viewer' export | cmp - '$OUT/source-export.json'"
    rm -rf "$OUT/untar"
else
    fail "tarball $TARBALL missing"
fi

# --- 3. the .deb in a clean Debian root ---------------------------------------------------------
CHROOT_WORK="$OUT/chroot"
cleanup_chroot() {
    local r="$CHROOT_WORK/root"
    if mountpoint -q "$r/proc" 2>/dev/null; then umount "$r/proc" || true; fi
    # Never delete through a mount point that is still there.
    if [[ -d "$CHROOT_WORK" ]] && ! grep -q " $CHROOT_WORK/" /proc/mounts; then
        rm -rf "$CHROOT_WORK"
    fi
}
trap cleanup_chroot EXIT

run_chroot_checks() {
    local work="$CHROOT_WORK" r
    r="$work/root"
    if [[ ! -d "$PKGROOT/usr" ]]; then
        command -v debootstrap >/dev/null || { apt-get update -qq
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
        echo "   creating the clean root $PKGROOT (debootstrap --variant=minbase bookworm)"
        debootstrap --variant=minbase bookworm "$PKGROOT" http://deb.debian.org/debian >/dev/null
    fi
    # A fresh copy each run: the cached root stays clean, so every run installs from scratch.
    mkdir -p "$work"
    cp -a "$PKGROOT" "$r"
    # /proc: the PyInstaller bootloader finds itself via /proc/self/exe. (debootstrap made the
    # few /dev nodes needed; binding the host's /dev is not worth its risk.)
    mount -t proc proc "$r/proc"
    cp /etc/resolv.conf "$r/etc/resolv.conf"
    cp "$DEB" "$r/tmp/"
    local in=(chroot "$r" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8
              QT_QPA_PLATFORM=offscreen DEBIAN_FRONTEND=noninteractive
              SOURCE_DATE_EPOCH="$SOURCE_DATE_EPOCH")
    "${in[@]}" apt-get update -qq
    check "clean bookworm root: apt-get install ./$(basename "$DEB")" \
        "${in[@]}" apt-get install -y -q --no-install-recommends "/tmp/$(basename "$DEB")"
    sed -n '/NEW packages/,/upgraded/p' "$OUT/last.log" | head -20 | sed 's/^/      /'
    check "chroot: wsis-viewer on PATH is the /usr/bin link to /opt" \
        bash -c "[[ \"\$(readlink '$r/usr/bin/wsis-viewer')\" == /opt/wsis-viewer/wsis-viewer ]]"
    check "chroot: desktop entry, AppStream file and icons installed" test \
        -f "$r/usr/share/applications/wsis-viewer.desktop" \
        -a -f "$r/usr/share/metainfo/wsis-viewer.metainfo.xml" \
        -a -f "$r/usr/share/icons/hicolor/256x256/apps/wsis-viewer.png" \
        -a -f "$r/usr/share/icons/hicolor/scalable/apps/wsis-viewer.svg"
    check "chroot: wsis-viewer --version" \
        bash -c "[[ \"\$(${in[*]} wsis-viewer --version)\" == 'wsis-viewer $VERSION' ]]"
    "${in[@]}" wsis-viewer export -o /tmp/export.json || true
    check "chroot: export == source export (byte for byte)" \
        cmp "$r/tmp/export.json" "$OUT/source-export.json"
    check "chroot: window starts offscreen and keeps running" window_stays_up "${in[@]}" wsis-viewer
    if ((HAS_SCREENSHOT)); then
        "${in[@]}" wsis-viewer screenshot --lang zh /tmp/screenshot-zh.png >/dev/null || true
        cp "$r/tmp/screenshot-zh.png" "$OUT/chroot-screenshot-zh.png" 2>/dev/null || true
        check "chroot: Chinese screenshot == the host's frozen one (byte for byte)" \
            cmp "$OUT/chroot-screenshot-zh.png" "$OUT/frozen-screenshot-zh.png"
    fi
    if ((HAS_REPORT)); then
        "${in[@]}" wsis-viewer report --lang zh \
            /tmp/report-zh.pdf >/dev/null || true
        cp "$r/tmp/report-zh.pdf" "$OUT/chroot-report-zh.pdf" 2>/dev/null || true
        check "chroot: Chinese PDF report looks the same as the host's (every page rendered)" \
            same_pdf "$OUT/chroot-report-zh.pdf" "$OUT/frozen-report-zh.pdf"
    fi
    # Only now, after the app ran on exactly what its Depends brought: the fontconfig CLI (it
    # adds no font) to list the fonts of the clean system.
    "${in[@]}" apt-get install -y -qq --no-install-recommends fontconfig >/dev/null
    {
        echo "fonts in the clean root after installing the .deb (fc-list):"
        "${in[@]}" fc-list : family file
        echo "CJK fonts (fc-list :lang=zh):"
        "${in[@]}" fc-list :lang=zh family
    } > "$OUT/chroot-fonts.txt" 2>&1
    if [[ -z "$("${in[@]}" fc-list :lang=zh)" ]]; then
        pass "chroot: no CJK font on the system ($("${in[@]}" fc-list | wc -l) fonts, none" \
             "Chinese), so the Chinese above was drawn with the bundled font"
    else
        fail "chroot: the clean root has a CJK font, the bundled-font check proves nothing" \
             "(see dist/smoke/chroot-fonts.txt)"
    fi
    check "chroot: apt-get purge removes /opt/wsis-viewer" bash -c \
        "${in[*]} apt-get purge -y -q wsis-viewer && test ! -e '$r/opt/wsis-viewer'"
}

echo "== .deb in a clean Debian root"
if [[ -z "$DEB" ]]; then
    fail "no dist/wsis-viewer_*_amd64.deb"
elif [[ "${SKIP_CHROOT:-0}" == 1 ]]; then
    note "SKIP_CHROOT=1: .deb install test skipped"
elif [[ $(id -u) -ne 0 ]]; then
    note "not root: .deb install test in a chroot skipped"
else
    run_chroot_checks
fi

rm -f "$OUT/last.log"
echo "$PASSED passed, $FAILED failed"
((FAILED == 0))
