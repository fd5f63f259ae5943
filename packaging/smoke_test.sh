#!/usr/bin/env bash
# Prove the artefacts of packaging/build.sh work, by running them:
#
#  1. dist/wsis-viewer (the frozen folder), headless (QT_QPA_PLATFORM=offscreen):
#     --version is the package's; `export` is byte-for-byte the source install's; `check` reads
#     the data from _internal/wsis_viewer/_bundled/ (wsis_viewer/paths.py unchanged); the window
#     starts and keeps running (offscreen, and on Xvfb through the xcb plugin when xvfb-run is
#     installed); `screenshot` (en, zh) equals the source's byte for byte and every page of the
#     Chinese `report` renders the same as the source's (each once the command exists).
#     No build paths: no shipped file (folder, tar.gz, .deb) contains the build folder or the
#     builder's home; no ELF file has a RUNPATH outside the bundle; the bootloader is PIE.
#     An installed copy never writes into itself: `build-db` writes ./wsis.sqlite, an
#     --output inside the bundle is refused with one line.
#  2. the tar.gz, unpacked elsewhere (so nothing depends on the build path): `export` again;
#     `install.sh --user` into a scratch HOME (menu entry, icons, MIME type, man page,
#     completions; desktop-file-validate) and `--uninstall`.
#  3. the .deb in a clean Debian 12 root (debootstrap --variant=minbase, cached in $PKGROOT and
#     copied fresh for every run): `apt-get install ./wsis-viewer_*.deb` pulls the Depends; then
#     wsis-viewer (the /usr/bin link) runs `export`, the window, `screenshot --lang zh` and
#     `report --lang zh` there, compared with the host's; fc-list then shows the clean system
#     has no CJK font (so the Chinese came from the bundled font). Then, as a desktop sees
#     it: desktop-file-validate, the menu entry's icon in the hicolor theme, the app's database
#     type recognised (shared-mime-info, gio) with this app as its handler, and - on Xvfb
#     inside the root - the desktop entry launched on a copied .sqlite file opens a window
#     titled with that file, carrying _NET_WM_ICON. `apt-get purge` removes /opt/wsis-viewer
#     and leaves /opt.
#
# Usage: packaging/smoke_test.sh        (as root for part 3; SKIP_CHROOT=1 to skip it)
# Environment: SUITE (Debian release of the clean root: bookworm, the default, or trixie),
# PKGROOT (default /var/tmp/wsis-viewer-pkgroot-$SUITE), SOURCE_WSIS (the source install's
# command, default build/pkg-venv/bin/wsis-viewer: the working tree, installed editable).
# Outputs land in dist/smoke/. The last line is "N passed, N failed".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DIST="$ROOT/dist"
APP="$DIST/wsis-viewer"
OUT="$DIST/smoke"
SUITE="${SUITE:-bookworm}"
PKGROOT="${PKGROOT:-/var/tmp/wsis-viewer-pkgroot-$SUITE}"
APT_CACHE="${APT_CACHE:-/var/tmp/wsis-viewer-apt-archives-$SUITE}"  # .debs kept between runs
APP_ID="org.wsis_viewer.WSISViewer"
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
DEB="$(ls "$DIST"/wsis-viewer_"$VERSION"-*_amd64.deb 2>/dev/null | head -1 || true)"
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

# No build-machine paths in anything shipped: the build folder and the builder's home.
no_build_paths() {  # no_build_paths DIR...: lists offending files
    local hits
    hits="$(grep -rlaF -e "$ROOT" -e "$HOME/" "$@" 2>/dev/null || true)"
    [[ -z "$hits" ]] || { echo "$hits" | head -20; return 1; }
}
check "frozen folder: no file contains $ROOT or $HOME/" no_build_paths "$APP"
runpaths_inside() {
    local elf bad=0 rp
    while IFS= read -r -d '' elf; do
        head -c4 "$elf" | grep -q $'\x7fELF' || continue
        rp="$(patchelf --print-rpath "$elf" 2>/dev/null || true)"
        [[ -z "$rp" ]] && continue
        if tr ':' '\n' <<<"$rp" | grep -qv '^\$ORIGIN'; then echo "$elf: $rp"; bad=1; fi
    done < <(find "$APP" -type f -print0)
    return $bad
}
check "frozen folder: no RUNPATH points outside the bundle" runpaths_inside
check "bootloader is a PIE executable" bash -c \
    "readelf -h '$APP/wsis-viewer' | grep -q 'Type:.*DYN' && readelf -d '$APP/wsis-viewer' | grep -q 'Flags: PIE'"
# An installed copy never writes into itself.
installed_build_db() {
    local work before
    work="$(mktemp -d)"
    before="$(sha256sum "$APP/_internal/wsis_viewer/_bundled/db/wsis.sqlite")"
    (cd "$work" && "$APP/wsis-viewer" build-db) || return 1
    test -s "$work/wsis.sqlite" \
        && [[ "$(sha256sum "$APP/_internal/wsis_viewer/_bundled/db/wsis.sqlite")" == "$before" ]]
    local rc=$?
    rm -rf "$work"
    return $rc
}
check "frozen build-db without --output writes ./wsis.sqlite, not the bundled one" \
    installed_build_db
refuses_bundle() {
    local err rc=0
    err="$("$APP/wsis-viewer" build-db --output "$APP/_internal/wsis_viewer/_bundled/db/wsis.sqlite" 2>&1)" || rc=$?
    echo "$err"
    [[ $rc -eq 2 && $(wc -l <<<"$err") -eq 1 && "$err" == *"will not write into the installed"* ]]
}
check "frozen build-db --output into the bundle: refused in one line" refuses_bundle

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
    check "unpacked tarball: no file contains $ROOT or $HOME/" no_build_paths "$UNTAR"
    user_install() {
        local home="$OUT/home" data
        data="$home/.local/share"
        rm -rf "$home" && mkdir -p "$home"
        env -u XDG_DATA_HOME HOME="$home" "$UNTAR/install.sh" --user || return 1
        test -L "$home/.local/bin/wsis-viewer" -a -f "$data/applications/$APP_ID.desktop" \
            -a -f "$data/icons/hicolor/256x256/apps/$APP_ID.png" \
            -a -f "$data/icons/hicolor/scalable/apps/$APP_ID.svg" \
            -a -f "$data/mime/packages/wsis-viewer.xml" -a -f "$data/man/man1/wsis-viewer.1" \
            -a -f "$data/bash-completion/completions/wsis-viewer" \
            -a -f "$data/zsh/site-functions/_wsis-viewer" || { echo "files missing"; return 1; }
        desktop-file-validate "$data/applications/$APP_ID.desktop" || return 1
        grep -qx "Exec=\"$UNTAR/wsis-viewer\" %u" "$data/applications/$APP_ID.desktop" \
            || { echo "Exec not this folder's program"; return 1; }
        [[ "$("$home/.local/bin/wsis-viewer" --version)" == "wsis-viewer $VERSION" ]] || return 1
        env -u XDG_DATA_HOME HOME="$home" "$UNTAR/install.sh" --user --uninstall || return 1
        [[ -z "$(find "$home" -type f -name '*wsis*' -o -type l -name 'wsis*')" ]] \
            || { echo "left behind:"; find "$home" -name '*wsis*'; return 1; }
    }
    check "tarball: install.sh --user puts menu entry, icons, MIME, man page in ~/.local; --uninstall removes them" user_install
    check "man page (from the argparse definitions) renders without warnings" bash -c \
        "MANWIDTH=80 man --warnings -l '$UNTAR/share/man/man1/wsis-viewer.1' 2>&1 >/dev/null | (! grep .) && man -l '$UNTAR/share/man/man1/wsis-viewer.1' | grep -q screenshot"
    check "bash completion offers the sub-commands" bash -c \
        "source '$UNTAR/share/bash-completion/completions/wsis-viewer'; COMP_WORDS=(wsis-viewer s); COMP_CWORD=1; COMP_LINE='wsis-viewer s'; COMP_POINT=13; \$(complete -p wsis-viewer | sed -E 's/.*-F ([^ ]+).*/\\1/') wsis-viewer s wsis-viewer; printf '%s\\n' \"\${COMPREPLY[@]}\" | grep -qx screenshot"
    rm -rf "$OUT/untar" "$OUT/home"
else
    fail "tarball $TARBALL missing"
fi

# --- 3. the .deb in a clean Debian root ---------------------------------------------------------
CHROOT_WORK="$OUT/chroot"
cleanup_chroot() {
    local r="$CHROOT_WORK/root"
    if [[ -n "${CHROOT_XVFB_PID:-}" ]]; then kill "$CHROOT_XVFB_PID" 2>/dev/null || true; fi
    if mountpoint -q "$r/var/cache/apt/archives" 2>/dev/null; then
        umount "$r/var/cache/apt/archives" || true
    fi
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
        echo "   creating the clean root $PKGROOT (debootstrap --variant=minbase $SUITE)"
        debootstrap --variant=minbase "$SUITE" "$PKGROOT" http://deb.debian.org/debian >/dev/null
    fi
    # A fresh copy each run: the cached root stays clean, so every run installs from scratch.
    mkdir -p "$work"
    cp -a "$PKGROOT" "$r"
    # /proc: the PyInstaller bootloader finds itself via /proc/self/exe. (debootstrap made the
    # few /dev nodes needed; binding the host's /dev is not worth its risk.)
    mount -t proc proc "$r/proc"
    # Downloaded .debs survive between runs (not the installed state: the root is fresh).
    mkdir -p "$APT_CACHE/partial"
    mount --bind "$APT_CACHE" "$r/var/cache/apt/archives"
    cp /etc/resolv.conf "$r/etc/resolv.conf"
    cp "$DEB" "$r/tmp/"
    local in=(chroot "$r" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8
              QT_QPA_PLATFORM=offscreen DEBIAN_FRONTEND=noninteractive
              SOURCE_DATE_EPOCH="$SOURCE_DATE_EPOCH")
    "${in[@]}" apt-get update -qq
    check "clean $SUITE root: apt-get install ./$(basename "$DEB")" \
        "${in[@]}" apt-get install -y -q --no-install-recommends "/tmp/$(basename "$DEB")"
    sed -n '/NEW packages/,/upgraded/p' "$OUT/last.log" | head -20 | sed 's/^/      /'
    check "chroot: wsis-viewer on PATH is the /usr/bin link to /opt" \
        bash -c "[[ \"\$(readlink '$r/usr/bin/wsis-viewer')\" == /opt/wsis-viewer/wsis-viewer ]]"
    check "chroot: desktop entry, AppStream file, icons, MIME type, man page, completions" test \
        -f "$r/usr/share/applications/$APP_ID.desktop" \
        -a -f "$r/usr/share/metainfo/$APP_ID.metainfo.xml" \
        -a -f "$r/usr/share/icons/hicolor/256x256/apps/$APP_ID.png" \
        -a -f "$r/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" \
        -a -f "$r/usr/share/mime/packages/wsis-viewer.xml" \
        -a -f "$r/usr/share/man/man1/wsis-viewer.1.gz" \
        -a -f "$r/usr/share/bash-completion/completions/wsis-viewer"
    check "chroot: no installed file contains $ROOT or $HOME/" no_build_paths "$r/opt/wsis-viewer" \
        "$r/usr/share/applications" "$r/usr/share/metainfo" "$r/usr/share/doc/wsis-viewer"
    check "chroot: wsis-viewer --version" \
        bash -c "[[ \"\$(${in[*]} wsis-viewer --version)\" == 'wsis-viewer $VERSION' ]]"
    "${in[@]}" wsis-viewer export -o /tmp/export.json || true
    check "chroot: export == source export (byte for byte)" \
        cmp "$r/tmp/export.json" "$OUT/source-export.json"
    check "chroot: window starts offscreen and keeps running" window_stays_up "${in[@]}" wsis-viewer
    # build-db never writes into the installation, for root or a normal user (nobody here).
    local sum_before
    sum_before="$(sha256sum < "$r/opt/wsis-viewer/_internal/wsis_viewer/_bundled/db/wsis.sqlite")"
    check "chroot, as nobody in /tmp: build-db writes /tmp/wsis.sqlite" bash -c \
        "chroot --userspec=65534:65534 '$r' env -i PATH=/usr/bin:/bin HOME=/tmp sh -c 'cd /tmp && wsis-viewer build-db' && test -s '$r/tmp/wsis.sqlite'"
    nobody_in_root() {
        local err rc=0
        err="$(chroot --userspec=65534:65534 "$r" env -i PATH=/usr/bin:/bin HOME=/tmp \
            sh -c 'cd / && wsis-viewer build-db' 2>&1)" || rc=$?
        echo "rc=$rc: $err"
        [[ $rc -ne 0 && $(wc -l <<<"$err") -eq 1 && "$err" == *"permission denied"* \
           && "$err" != *Traceback* ]]
    }
    check "chroot, as nobody in /: build-db says 'permission denied' in one line" nobody_in_root
    root_into_opt() {
        local err rc=0
        err="$("${in[@]}" sh -c 'cd /opt/wsis-viewer && wsis-viewer build-db' 2>&1)" || rc=$?
        echo "rc=$rc: $err"
        [[ $rc -eq 2 && "$err" == *"will not write into the installed application"* ]]
    }
    check "chroot, as root in /opt/wsis-viewer: build-db refuses to write into the package" \
        root_into_opt
    check "chroot: the packaged database is unchanged" bash -c \
        "[[ \"\$(sha256sum < '$r/opt/wsis-viewer/_internal/wsis_viewer/_bundled/db/wsis.sqlite')\" == '$sum_before' ]]"
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
    desktop_checks
    check "chroot: apt-get purge removes /opt/wsis-viewer and leaves /opt" bash -c \
        "${in[*]} apt-get purge -y -q wsis-viewer && test ! -e '$r/opt/wsis-viewer' -a -d '$r/opt'"
}

# The menu as a desktop reads it, inside the clean root: the tools a desktop brings
# (desktop-file-utils, shared-mime-info, GLib's gio, the hicolor theme, Xvfb) are installed
# only now, after the app ran on what its Depends alone brought.
desktop_checks() {
    local r="$CHROOT_WORK/root"
    local in=(chroot "$r" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8
              DEBIAN_FRONTEND=noninteractive)
    "${in[@]}" apt-get install -y -qq --no-install-recommends desktop-file-utils \
        shared-mime-info libglib2.0-bin hicolor-icon-theme xvfb xauth x11-utils >/dev/null
    check "chroot: desktop-file-validate /usr/share/applications/$APP_ID.desktop" \
        "${in[@]}" desktop-file-validate "/usr/share/applications/$APP_ID.desktop"
    check "chroot: the menu entry's icon is in the hicolor theme (Icon=$APP_ID)" bash -c \
        "grep -qx 'Icon=$APP_ID' '$r/usr/share/applications/$APP_ID.desktop' && test -f '$r/usr/share/icons/hicolor/index.theme' -a -f '$r/usr/share/icons/hicolor/48x48/apps/$APP_ID.png'"
    cp "$APP/_internal/wsis_viewer/_bundled/db/wsis.sqlite" "$r/tmp/my data.sqlite"
    check "chroot: a copied .sqlite of the app is application/x-wsis-viewer-database (gio)" \
        bash -c "${in[*]} gio info -a standard::content-type '/tmp/my data.sqlite' | grep -q 'content-type: application/x-wsis-viewer-database'"
    check "chroot: this app is the handler of that type (gio mime)" bash -c \
        "${in[*]} gio mime application/x-wsis-viewer-database | grep -q '$APP_ID.desktop'"
    # A real X server inside the root; the desktop entry launched on that file as a menu or a
    # file manager does (gio launch expands Exec=... %u).
    "${in[@]}" Xvfb :97 -screen 0 1600x1000x24 -nolisten tcp > "$OUT/chroot-xvfb.log" 2>&1 &
    CHROOT_XVFB_PID=$!
    sleep 3
    "${in[@]}" DISPLAY=:97 gio launch "/usr/share/applications/$APP_ID.desktop" \
        "/tmp/my data.sqlite" > "$OUT/chroot-launch.log" 2>&1 || true
    local win="" tries
    for tries in $(seq 30); do
        win="$("${in[@]}" DISPLAY=:97 xwininfo -root -tree 2>/dev/null \
            | grep -m1 'my data.sqlite' | awk '{print $1}')" || true
        [[ -n "$win" ]] && break
        sleep 1
    done
    "${in[@]}" DISPLAY=:97 xwininfo -root -tree > "$OUT/chroot-windows.txt" 2>&1 || true
    check "chroot, Xvfb: the desktop entry opens the given .sqlite (window title names it)" \
        test -n "$win"
    if [[ -n "$win" ]]; then
        "${in[@]}" DISPLAY=:97 xprop -id "$win" _NET_WM_ICON WM_CLASS _NET_WM_PID \
            > "$OUT/chroot-xprop.txt" 2>&1 || true
        check "chroot, Xvfb: the window has its icon (_NET_WM_ICON)" \
            grep -q '^_NET_WM_ICON(CARDINAL) = ' "$OUT/chroot-xprop.txt"
        local pid
        pid="$(awk -F' = ' '/_NET_WM_PID/ {print $2}' "$OUT/chroot-xprop.txt")"
        [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
    fi
    kill "$CHROOT_XVFB_PID" 2>/dev/null || true
    wait "$CHROOT_XVFB_PID" 2>/dev/null || true
    CHROOT_XVFB_PID=""
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
