#!/usr/bin/env bash
# Build every Linux artefact of WSIS Timeline Viewer with one command:
#
#   dist/wsis_viewer-<version>.tar.gz                  sdist (pyproject.toml lists its contents)
#   dist/wsis_viewer-<version>-py3-none-any.whl        wheel (built from that sdist)
#   dist/wsis-viewer/                                  PyInstaller one-folder build
#   dist/wsis-viewer-<version>-linux-x86_64.tar.gz     that folder + README, licences, install.sh
#                                                      and share/ (menu entry, icons, man page)
#   dist/wsis-viewer_<version>-<rev>_amd64.deb         /opt/wsis-viewer, /usr/bin link, menu
#                                                      entry, MIME type, man page, completions
#   dist/SHA256SUMS                                    the artefacts' SHA-256 (sign it: see
#                                                      docs/packaging.md, "Signed releases")
#   dist/build-info.txt                                versions, sizes, durations, glibc floor
#
# Usage: packaging/build.sh [--release] [--untrimmed] [--no-lintian]
#   --release     a build to publish: refuses uncommitted changes and the development
#                 defaults of WSIS_MAINTAINER and WSIS_HOMEPAGE (both must be set).
#   --untrimmed   also freeze without any trimming or stripping (build/untrimmed/) and report
#                 its size, to measure what the trimming in wsis-viewer.spec saves.
#   --no-lintian  skip lintian (check_reproducible.sh uses it: it builds twice).
#
# Reproducible: the same commit and SOURCE_DATE_EPOCH (default: the commit's time) give
# byte-identical wheel, sdist, tar.gz and .deb in any folder (packaging/check_reproducible.sh
# proves it): PYTHONHASHSEED is pinned, every timestamp is SOURCE_DATE_EPOCH, archives are
# sorted with fixed owners, and no file carries the build folder (smoke_test.sh greps).
#
# PyInstaller runs from its own virtual environment (build/pkg-venv) so the development venv
# never gets it; the app is installed there from the wheel built here (not editable: an
# editable install ships the build folder's path in its metadata). PyInstaller itself is
# installed from source so its bootloader is compiled here, as a PIE executable (the wheel's
# prebuilt one is not PIE); measured: the compiled bootloader is byte-identical between builds.
# Environment: PYTHON (interpreter for the build venv, default /usr/bin/python3, i.e. Debian's;
# not one under a home folder, whose path libpython would carry; the frozen app embeds
# this Python), WSIS_MAINTAINER (the .deb Maintainer and changelog signature), WSIS_HOMEPAGE
# (Homepage: and AppStream URLs), SOURCE_DATE_EPOCH. Then run packaging/smoke_test.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# The system's Python by default (Debian's /usr/bin/python3 with libpython3.X): its prefix is
# /usr and it has no RUNPATH, whereas a Python under a home folder (pyenv) would ship that
# folder's name inside libpython (its compiled-in prefix) and every extension module.
if [[ -z "${PYTHON:-}" && -x /usr/bin/python3 ]]; then PYTHON=/usr/bin/python3; fi
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/build/pkg-venv"
DIST="$ROOT/dist"
APP="$DIST/wsis-viewer"
PKG="$ROOT/packaging"
APP_ID="org.wsis_viewer.WSISViewer"  # = wsis_viewer/qt/app_icon.py APP_ID
DEV_MAINTAINER="WSIS Timeline Viewer developers <wsis-viewer@example.invalid>"
DEV_HOMEPAGE="https://wsis-viewer.example.invalid/"
MAINTAINER="${WSIS_MAINTAINER:-$DEV_MAINTAINER}"
HOMEPAGE="${WSIS_HOMEPAGE:-$DEV_HOMEPAGE}"
[[ "$HOMEPAGE" == */ ]] || HOMEPAGE="$HOMEPAGE/"
RELEASE=0 UNTRIMMED=0 LINTIAN=1
for arg in "$@"; do
    case "$arg" in
        --release) RELEASE=1 ;;
        --untrimmed) UNTRIMMED=1 ;;
        --no-lintian) LINTIAN=0 ;;
        *) echo "usage: packaging/build.sh [--release] [--untrimmed] [--no-lintian]" >&2; exit 2 ;;
    esac
done
die() { echo "build.sh: $*" >&2; exit 1; }
if ((RELEASE)); then
    [[ -n "${WSIS_MAINTAINER:-}" && "$MAINTAINER" != *example.invalid* ]] \
        || die "--release: set WSIS_MAINTAINER='Full Name <address>' (the .deb's Maintainer)"
    [[ "$MAINTAINER" =~ ^[^\<\>]+\ \<[^@\<\>]+@[^@\<\>]+\>$ ]] \
        || die "--release: WSIS_MAINTAINER must look like 'Full Name <address>'"
    [[ -n "${WSIS_HOMEPAGE:-}" && "$HOMEPAGE" == https://* && "$HOMEPAGE" != *example.invalid* ]] \
        || die "--release: set WSIS_HOMEPAGE=https://... (the project's public page)"
    git diff --quiet HEAD 2>/dev/null && [[ -z "$(git status --porcelain 2>/dev/null)" ]] \
        || die "--release: commit (or stash) every change first: a release is one commit"
fi

# Reproducibility: one timestamp, one hash seed, one locale, one umask for everything below.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
export PYTHONHASHSEED=0 TZ=UTC LC_ALL=C.UTF-8 PYTHONDONTWRITEBYTECODE=1
umask 022

# --- helpers ---------------------------------------------------------------------------------
declare -a TIMINGS=()
step() {  # step "label" command...: run, time, remember the duration for build-info.txt
    local label="$1" start end
    shift
    echo "== $label"
    start=$(date +%s.%N)
    "$@"
    end=$(date +%s.%N)
    TIMINGS+=("$(printf '%-34s %6.1f s' "$label" "$(echo "$end - $start" | bc)")")
    echo "   ${TIMINGS[-1]}"
}
mib() { echo "$(( ($1 + 524288) / 1048576 )) MiB ($1 bytes)"; }
bytes_of() { du -sb "$1" | cut -f1; }
# Every file and folder's time to SOURCE_DATE_EPOCH (tar --mtime does this for the tarball;
# dpkg-deb and the hard-linked staging need it on disk).
pin_times() { find "$@" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +; }

# --- 1. build machine -------------------------------------------------------------------------
# PyInstaller copies the Qt plugins' system libraries from this machine: with some missing the
# bundle silently lacks them (measured: libxcb-icccm4 and libxcb-keysyms1). Installing the same
# set everywhere makes every build contain the same files. The rest are build tools: gcc and
# zlib1g-dev compile PyInstaller's bootloader, patchelf removes build paths, lintian checks.
HOST_PACKAGES=(libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libglib2.0-0
               libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
               libxcb-randr0 libxcb-render-util0 libxcb-image0
               libcups2  # not bundled (see SYSTEM_ONLY in the spec), but ldd checks it
               binutils dpkg-dev appstream desktop-file-utils bc patchelf gcc libc6-dev
               zlib1g-dev lintian man-db)
if [[ "$PYTHON" == /usr/bin/python3* ]]; then
    # Debian's Python: venv support and the shared libpython PyInstaller bundles.
    PY_XY="$("$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
    HOST_PACKAGES+=("python$PY_XY-venv" "libpython$PY_XY")
fi
host_setup() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        die "needs a Debian-like build machine (dpkg, apt)"
    fi
    local missing=() pkg
    for pkg in "${HOST_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" \
            || missing+=("$pkg")
    done
    if ((${#missing[@]})); then
        [[ $(id -u) -eq 0 ]] || die "install first: sudo apt-get install ${missing[*]}"
        echo "   installing ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >/dev/null
    fi
}
command -v bc >/dev/null 2>&1 || host_setup  # step() itself uses bc
step "build machine packages" host_setup

# --- 2. build venv, sdist and wheel -----------------------------------------------------------
pip_q() { "$VENV/bin/python" -m pip -q --disable-pip-version-check "$@" 2>&1 \
    | { grep -v "^WARNING: Location" || true; }; }
venv_setup() {
    local base
    base="$("$PYTHON" -c 'import sys; print(sys.base_prefix)')"
    case "$base/" in
        "$HOME"/*|"$ROOT"/*) die "$PYTHON lives in $base: its prefix would ship inside" \
            "libpython; build with a Python installed outside home and the build folder" \
            "(PYTHON=/usr/bin/python3 on Debian)" ;;
    esac
    # A venv of another interpreter is rebuilt from scratch.
    if [[ -f "$VENV/pyvenv.cfg" ]] && ! grep -qx "home = $(dirname "$(readlink -f "$(command -v "$PYTHON")")")" "$VENV/pyvenv.cfg"; then
        rm -rf "$VENV"
    fi
    [[ -x "$VENV/bin/python" ]] || "$PYTHON" -m venv "$VENV"
    # Reinstall the tools only when pyproject.toml or the interpreter changed (the stamp).
    local stamp="$VENV/.wsis-viewer-tools" want
    want="$(cat pyproject.toml <("$PYTHON" -VV) | sha256sum | cut -d' ' -f1)"
    if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
        pip_q install --upgrade pip
        # The bootloader compiled from PyInstaller's sdist (PIE; pip caches the built wheel).
        PYINSTALLER_COMPILE_BOOTLOADER=1 pip_q install --no-binary pyinstaller ".[package]" \
            hatchling
        "$VENV/bin/python" -c "import PyInstaller, PySide6, build, shtab" \
            || die "installing into $VENV failed"
        echo "$want" > "$stamp"
    fi
}
step "build venv (build/pkg-venv)" venv_setup

python_dists() {
    rm -rf "$DIST" && mkdir -p "$DIST"
    # sdist, then the wheel from the unpacked sdist (so the sdist is proven complete).
    "$VENV/bin/python" -m build --no-isolation --outdir "$DIST" . >"$ROOT/build/python-build.log" \
        || { cat "$ROOT/build/python-build.log"; die "python -m build failed"; }
    local wheel
    wheel="$(ls "$DIST"/wsis_viewer-*-py3-none-any.whl)"
    # Not editable: the frozen app is exactly the wheel's contents.
    pip_q install --no-deps --force-reinstall "$wheel"
}
step "sdist and wheel (python -m build)" python_dists
VERSION="$("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("wsis-viewer"))')"
"$VENV/bin/python" "$PKG/release_files.py" check "$VERSION" || exit 1
DEB_VERSION="$("$VENV/bin/python" "$PKG/release_files.py" deb-version)"
STEM="wsis-viewer-$VERSION-linux-x86_64"
DEB="wsis-viewer_${DEB_VERSION}_amd64.deb"
echo "   wsis-viewer $VERSION (deb $DEB_VERSION), SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH"

# --- 3. freeze --------------------------------------------------------------------------------
freeze() {
    rm -rf "$APP"
    nice "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath "$DIST" \
        --workpath "$ROOT/build/pyinstaller" "$PKG/wsis-viewer.spec"
    "$APP/wsis-viewer" --version
}
step "PyInstaller (one folder)" freeze
SIZE_FROZEN=$(bytes_of "$APP")

if ((UNTRIMMED)); then
    freeze_untrimmed() {
        WSIS_PKG_TRIM=0 WSIS_PKG_STRIP=0 nice "$VENV/bin/pyinstaller" --noconfirm \
            --log-level WARN --distpath "$ROOT/build/untrimmed" \
            --workpath "$ROOT/build/pyinstaller-untrimmed" "$PKG/wsis-viewer.spec"
    }
    step "PyInstaller, untrimmed (measure)" freeze_untrimmed
    SIZE_UNTRIMMED=$(bytes_of "$ROOT/build/untrimmed/wsis-viewer")
fi

# The newest glibc symbol version any bundled file needs: the oldest glibc the build runs on.
glibc_floor() {
    find "$1" -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
        | xargs -0 objdump -T 2>/dev/null | grep -o 'GLIBC_[0-9][0-9.]*' \
        | sort -uV | tail -1 | cut -d_ -f2
}
GLIBC_FLOOR="$(glibc_floor "$APP")"

# --- 4. README and licences inside the folder (so the tarball and the .deb both carry them) ---
add_docs() {
    sed -e "s/@VERSION@/$VERSION/g" -e "s/@DEB_VERSION@/$DEB_VERSION/g" \
        -e "s/@GLIBC_FLOOR@/$GLIBC_FLOOR/g" "$PKG/linux/README.txt.in" > "$APP/README.txt"
    "$VENV/bin/python" "$PKG/collect_licenses.py" "$APP"
}
step "README and licences" add_docs

# --- 5. desktop integration files, shared by the tar.gz (share/) and the .deb (/usr/share) ---
SHARE="$ROOT/build/share"
make_share() {
    rm -rf "$SHARE" && mkdir -p "$SHARE/applications" "$SHARE/metainfo" "$SHARE/mime/packages" \
        "$SHARE/man/man1" "$SHARE/bash-completion/completions" "$SHARE/zsh/vendor-completions"
    install -m 644 "$PKG/linux/$APP_ID.desktop" "$SHARE/applications/"
    install -m 644 "$PKG/linux/wsis-viewer-mime.xml" "$SHARE/mime/packages/wsis-viewer.xml"
    local size
    for size in 16 32 48 64 128 256; do
        install -D -m 644 "$PKG/icons/hicolor/${size}x${size}/apps/wsis-viewer.png" \
            "$SHARE/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    install -D -m 644 "$PKG/icons/hicolor/scalable/apps/wsis-viewer.svg" \
        "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
    "$VENV/bin/python" "$PKG/release_files.py" appstream > "$ROOT/build/releases.xml"
    "$VENV/bin/python" - "$PKG/linux/$APP_ID.metainfo.xml.in" "$HOMEPAGE" \
        "$ROOT/build/releases.xml" > "$SHARE/metainfo/$APP_ID.metainfo.xml" <<'PY'
import sys
from pathlib import Path
template, homepage, releases = sys.argv[1:]
text = Path(template).read_text(encoding="utf-8")
text = text.replace("@HOMEPAGE@", homepage).replace("@RELEASES@", Path(releases).read_text().rstrip())
sys.stdout.write(text)
PY
    # Man page and completions, generated from the argparse definitions (wsis_viewer/cli.py).
    "$VENV/bin/argparse-manpage" --module wsis_viewer.cli --function build_parser \
        --prog wsis-viewer --project-name "WSIS Timeline Viewer" --version "$VERSION" \
        --url "$HOMEPAGE" --manual-title "WSIS Timeline Viewer manual" \
        --description "timeline of ITU's CWG-WSIS work, 2010-2014" \
        --author "WSIS Timeline Viewer developers" --include "$PKG/linux/wsis-viewer.1.include" \
        --output "$SHARE/man/man1/wsis-viewer.1"
    "$VENV/bin/shtab" --shell=bash --error-unimportable wsis_viewer.cli.build_parser \
        > "$SHARE/bash-completion/completions/wsis-viewer"
    "$VENV/bin/shtab" --shell=zsh --error-unimportable wsis_viewer.cli.build_parser \
        > "$SHARE/zsh/vendor-completions/_wsis-viewer"
    chmod 644 "$SHARE"/man/man1/* "$SHARE"/*-completion*/completions/* \
        "$SHARE"/zsh/vendor-completions/* "$SHARE"/metainfo/*
}
step "desktop entry, AppStream, man page, completions" make_share

validate() {
    desktop-file-validate "$SHARE/applications/$APP_ID.desktop"
    # No --override: the reverse-DNS ID, screenshots, releases, homepage and developer are there.
    appstreamcli validate --no-net --explain "$SHARE/metainfo/$APP_ID.metainfo.xml"
    # man's own warnings (what lintian's groff-message checks).
    local warnings
    warnings="$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 \
        -Z "$SHARE/man/man1/wsis-viewer.1" 2>&1 >/dev/null)"
    [[ -z "$warnings" ]] || { echo "$warnings"; die "man page warnings"; }
    bash -n "$SHARE/bash-completion/completions/wsis-viewer"
}
step "validate desktop entry, AppStream, man page" validate

# --- 6. system libraries the bundle still needs -> Depends ------------------------------------
# PyInstaller leaves out glibc, libGL/libEGL (they must match the machine's GPU driver) and
# libxcb; the xcb plugin's helper libraries are bundled from the build machine when present.
# The .deb depends on all of them anyway: those packages also bring the data the bundled
# libraries read (xkb-data for libxkbcommon, fontconfig-config and a Latin font for
# fontconfig), and a library the build machine lacked is then still there.
DEPENDS_PACKAGES=(libgl1 libegl1 libxcb1 libx11-6 libx11-xcb1 libxcb-cursor0 libxcb-icccm4
                  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0
                  libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1
                  libxcb-xfixes0 libxcb-xkb1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
                  libfreetype6 libdbus-1-3 libglib2.0-0 libcups2)
check_depends() {
    # Every library that a bundled file needs directly (DT_NEEDED) and that is not in the
    # bundle must come from a package in DEPENDS_PACKAGES (or libc6, covered by the version
    # floor). Libraries those system libraries need in turn are their packages' business.
    local files needed external lib path pkg bad=0
    files="$(find "$APP" -type f \( -name '*.so*' -o -name wsis-viewer \))"
    needed="$(echo "$files" | xargs objdump -p 2>/dev/null | awk '$1 == "NEEDED" {print $2}' \
        | sort -u)"
    external="$(comm -23 <(echo "$needed") \
        <(find "$APP" \( -type f -o -type l \) -printf '%f\n' | sort -u))"
    for lib in $external; do
        # (awk reads to the end: an early exit would kill ldconfig with SIGPIPE, and with
        # pipefail that failed this step at random - measured.)
        path="$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ && !found++ {print $NF}')"
        if [[ -z "$path" ]]; then
            echo "   $lib: needed, not bundled, not on the build machine" >&2; bad=1; continue
        fi
        # dpkg knows the path the package shipped (/lib/... on merged-/usr systems).
        pkg="$(dpkg -S "$path" 2>/dev/null | awk -F: 'NR == 1 {print $1}')" \
            || pkg="$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | awk -F: 'NR == 1 {print $1}')" \
            || true
        [[ "$pkg" == "libc6" ]] && continue
        if [[ " ${DEPENDS_PACKAGES[*]} " != *" $pkg "* ]]; then
            echo "   $lib ($path) is from '$pkg', which is not in Depends" >&2; bad=1
        fi
    done
    echo "   needed from the system: $(echo "$external" | tr '\n' ' ')"
    return $bad
}
step "check Depends (objdump, dpkg -S)" check_depends
DEPENDS="libc6 (>= $GLIBC_FLOOR), $(IFS=,; echo "${DEPENDS_PACKAGES[*]}" | sed 's/,/, /g')"

# --- 7. tar.gz --------------------------------------------------------------------------------
make_tarball() {
    local stage="$ROOT/build/stage"
    rm -rf "$stage" && mkdir -p "$stage"
    cp -al "$APP" "$stage/$STEM"  # hard links: no copy of 180 MB
    cp -r "$SHARE" "$stage/$STEM/share"
    # The tarball's man page stays plain: man -l reads it, install.sh copies it.
    install -m 755 "$PKG/linux/install.sh" "$stage/$STEM/install.sh"
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
        --clamp-mtime --mode=go-w --format=gnu -C "$stage" -cf - "$STEM" \
        | gzip -6n > "$DIST/$STEM.tar.gz"
    rm -rf "$stage"
}
step "tar.gz" make_tarball

# --- 8. .deb ----------------------------------------------------------------------------------
make_deb() {
    local root="$ROOT/build/deb/root" doc
    doc="$root/usr/share/doc/wsis-viewer"
    rm -rf "$ROOT/build/deb" && mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$doc"
    cp -a "$APP" "$root/opt/wsis-viewer"
    # A symlink is enough: the PyInstaller bootloader resolves its real path to find _internal.
    ln -s /opt/wsis-viewer/wsis-viewer "$root/usr/bin/wsis-viewer"
    cp -r "$SHARE"/. "$root/usr/share/"
    gzip -9n "$root/usr/share/man/man1/wsis-viewer.1"
    "$VENV/bin/python" "$PKG/release_files.py" debian-changelog "$MAINTAINER" \
        | gzip -9n > "$doc/changelog.Debian.gz"
    "$VENV/bin/python" "$PKG/collect_licenses.py" "$APP" --dep5 opt/wsis-viewer "$HOMEPAGE" \
        > "$doc/copyright"
    install -m 755 "$PKG/linux/postrm" "$root/DEBIAN/postrm"
    find "$root" -type d -exec chmod 755 {} +
    find "$root/usr/share" -type f -exec chmod 644 {} +
    sed -e "s/@DEB_VERSION@/$DEB_VERSION/" -e "s/@DEPENDS@/$DEPENDS/" \
        -e "s|@MAINTAINER@|$MAINTAINER|" -e "s|@HOMEPAGE@|$HOMEPAGE|" \
        -e "s/@INSTALLED_SIZE@/$(du -sk --apparent-size --exclude=DEBIAN "$root" | cut -f1)/" \
        "$PKG/linux/control.in" > "$root/DEBIAN/control"
    (cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | LC_ALL=C sort -z \
        | xargs -0 md5sum > DEBIAN/md5sums)
    chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"
    pin_times "$root"
    # dpkg-deb sorts the members and takes the ar and tar times from SOURCE_DATE_EPOCH.
    # xz single-threaded: the multi-threaded output depends on the number of cores.
    nice dpkg-deb --root-owner-group -Zxz --threads-max=1 --build "$root" "$DIST/$DEB" >/dev/null
}
step ".deb (dpkg-deb, xz)" make_deb

run_lintian() {
    # Tags lintian still reports are listed, with why each is inherent to shipping a
    # self-contained bundle, in packaging/linux/lintian-inherent.txt; any other tag fails.
    local report="$ROOT/build/lintian.txt" tags unexpected
    nice lintian --display-info "$DIST/$DEB" > "$report" 2>&1 || true
    tags="$(grep -E '^[EWIPX]: wsis-viewer' "$report" | awk '{print $1 " " $3}' | sort | uniq -c)"
    echo "   lintian tags (count, level, tag):"
    echo "$tags" | sed 's/^ */     /'
    unexpected="$(echo "$tags" | awk '{print $3}' | sort -u | comm -23 - \
        <(grep -v '^#' "$PKG/linux/lintian-inherent.txt" | awk 'NF {print $1}' | sort -u))"
    [[ -z "$unexpected" ]] || { grep -F "$unexpected" "$report" | head -40
        die "lintian: tags not in packaging/linux/lintian-inherent.txt: $unexpected"; }
}
((LINTIAN)) && step "lintian" run_lintian

# --- 9. checksums and report ------------------------------------------------------------------
(cd "$DIST" && sha256sum "$DEB" "$STEM.tar.gz" wsis_viewer-"$VERSION"-py3-none-any.whl \
    wsis_viewer-"$VERSION".tar.gz > SHA256SUMS)
SIZE_TGZ=$(bytes_of "$DIST/$STEM.tar.gz")
SIZE_DEB=$(bytes_of "$DIST/$DEB")
{
    echo "wsis-viewer $VERSION (deb $DEB_VERSION), built $(date -u +%Y-%m-%dT%H:%M:%SZ)" \
         "from $(git rev-parse --short HEAD 2>/dev/null || echo '?')" \
         "$(git diff --quiet HEAD 2>/dev/null || echo '(with uncommitted changes)')"
    echo "SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH, release build: $((RELEASE)), maintainer: $MAINTAINER"
    echo "build machine: $(. /etc/os-release && echo "$PRETTY_NAME"), $(nproc) cores," \
         "glibc $(ldd --version | awk 'NR == 1 {print $NF}')"
    "$VENV/bin/python" - <<'PY'
import sys
from importlib.metadata import version as v
names = ("pyinstaller", "PySide6-Essentials", "numpy", "SQLAlchemy", "pyqtgraph")
print(f"Python {sys.version.split()[0]}, " + ", ".join(f"{n} {v(n)}" for n in names))
PY
    echo "glibc floor of the bundle: $GLIBC_FLOOR"
    echo
    echo "sizes:"
    ((UNTRIMMED)) && echo "  folder, untrimmed:      $(mib "$SIZE_UNTRIMMED")"
    echo "  folder dist/wsis-viewer: $(mib "$SIZE_FROZEN")"
    echo "  $STEM.tar.gz: $(mib "$SIZE_TGZ")"
    echo "  $DEB: $(mib "$SIZE_DEB")"
    echo
    echo "SHA256SUMS:"
    sed 's/^/  /' "$DIST/SHA256SUMS"
    echo
    echo "durations:"
    printf '  %s\n' "${TIMINGS[@]}"
} | tee "$DIST/build-info.txt"
