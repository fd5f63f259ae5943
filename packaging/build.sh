#!/usr/bin/env bash
# Build every Linux artefact of WSIS Timeline Viewer with one command:
#
#   dist/wsis-viewer/                                  PyInstaller one-folder build
#   dist/wsis-viewer-<version>-linux-x86_64.tar.gz     that folder, with README.txt and licences
#   dist/wsis-viewer_<version>_amd64.deb               /opt/wsis-viewer, /usr/bin link, menu entry
#   dist/build-info.txt                                versions, sizes, durations, glibc floor
#
# Usage: packaging/build.sh [--untrimmed]
#   --untrimmed   also freeze without any trimming or stripping (build/untrimmed/) and report
#                 its size, to measure what the trimming in wsis-viewer.spec saves.
#
# PyInstaller runs from its own virtual environment (build/pkg-venv) so the development venv
# never gets it; the package is installed there editable with its `package` extra, so the
# frozen code is the working tree's. Environment: PYTHON (interpreter for the build venv,
# default python3; the frozen app embeds this Python), WSIS_MAINTAINER (the .deb Maintainer).
# Then run packaging/smoke_test.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/build/pkg-venv"
DIST="$ROOT/dist"
APP="$DIST/wsis-viewer"
PKG="$ROOT/packaging"
MAINTAINER="${WSIS_MAINTAINER:-WSIS Timeline Viewer developers <wsis-viewer@example.invalid>}"
UNTRIMMED=0
[[ "${1:-}" == "--untrimmed" ]] && UNTRIMMED=1

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

# --- 1. build machine -------------------------------------------------------------------------
# PyInstaller copies the Qt plugins' system libraries from this machine: with some missing the
# bundle silently lacks them (measured: libxcb-icccm4 and libxcb-keysyms1). Installing the same
# set everywhere makes every build contain the same files. The rest are build tools.
HOST_PACKAGES=(libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libglib2.0-0
               libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
               libxcb-randr0 libxcb-render-util0 libxcb-image0
               libcups2  # not bundled (see SYSTEM_ONLY in the spec), but ldd checks it
               binutils dpkg-dev appstream desktop-file-utils bc)
host_setup() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "build.sh: needs a Debian-like build machine (dpkg, apt)" >&2
        exit 1
    fi
    local missing=() pkg
    for pkg in "${HOST_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" \
            || missing+=("$pkg")
    done
    if ((${#missing[@]})); then
        if [[ $(id -u) -ne 0 ]]; then
            echo "build.sh: install first: sudo apt-get install ${missing[*]}" >&2
            exit 1
        fi
        echo "   installing ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            "${missing[@]}" >/dev/null
    fi
}
command -v bc >/dev/null 2>&1 || host_setup  # step() itself uses bc
step "build machine packages" host_setup

# --- 2. build venv ----------------------------------------------------------------------------
venv_setup() {
    if [[ ! -x "$VENV/bin/python" ]]; then
        "$PYTHON" -m venv "$VENV"
    fi
    # Reinstall only when pyproject.toml changed (its hash is the stamp).
    local stamp="$VENV/.wsis-viewer-package" want
    want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
    if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
        "$VENV/bin/python" -m pip install -q --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
        "$VENV/bin/python" -m pip install -q -e ".[package]" 2>&1 \
            | grep -v "^WARNING: Location" || true
        "$VENV/bin/python" -c "import PyInstaller, PySide6, wsis_viewer" \
            || { echo "build.sh: installing into $VENV failed" >&2; exit 1; }
        echo "$want" > "$stamp"
    fi
}
step "build venv (build/pkg-venv)" venv_setup
VERSION="$("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("wsis-viewer"))')"
# PEP 440 pre-releases sort before the release in Debian only with a tilde (1.0~rc1 < 1.0).
DEB_VERSION="$(echo "$VERSION" | sed -E 's/^([0-9.]+)\.?(a|b|rc|dev)/\1~\2/')"
STEM="wsis-viewer-$VERSION-linux-x86_64"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}"
echo "   wsis-viewer $VERSION (deb $DEB_VERSION)"

# --- 3. freeze --------------------------------------------------------------------------------
freeze() {
    rm -rf "$APP"
    "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN --distpath "$DIST" \
        --workpath "$ROOT/build/pyinstaller" "$PKG/wsis-viewer.spec"
    "$APP/wsis-viewer" --version
}
step "PyInstaller (one folder)" freeze
SIZE_FROZEN=$(bytes_of "$APP")

if ((UNTRIMMED)); then
    freeze_untrimmed() {
        WSIS_PKG_TRIM=0 WSIS_PKG_STRIP=0 "$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
            --distpath "$ROOT/build/untrimmed" --workpath "$ROOT/build/pyinstaller-untrimmed" \
            "$PKG/wsis-viewer.spec"
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
    sed -e "s/@VERSION@/$VERSION/g" -e "s/@GLIBC_FLOOR@/$GLIBC_FLOOR/g" \
        "$PKG/linux/README.txt.in" > "$APP/README.txt"
    "$VENV/bin/python" "$PKG/collect_licenses.py" "$APP"
}
step "README and licences" add_docs

# --- 5. system libraries the bundle still needs -> Depends ------------------------------------
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
        path="$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ {print $NF; exit}')"
        if [[ -z "$path" ]]; then
            echo "   $lib: needed, not bundled, not on the build machine" >&2; bad=1; continue
        fi
        # dpkg knows the path the package shipped (/lib/... on merged-/usr systems).
        pkg="$(dpkg -S "$path" 2>/dev/null | head -1 | cut -d: -f1)" \
            || pkg="$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -1 | cut -d: -f1)" \
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

# --- 6. tar.gz --------------------------------------------------------------------------------
make_tarball() {
    local stage="$ROOT/build/stage"
    rm -rf "$stage" && mkdir -p "$stage"
    cp -al "$APP" "$stage/$STEM"  # hard links: no copy of 180 MB
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
        -C "$stage" -cf - "$STEM" | gzip -n > "$DIST/$STEM.tar.gz"
    rm -rf "$stage"
}
step "tar.gz" make_tarball

# --- 7. .deb ----------------------------------------------------------------------------------
make_deb() {
    local root="$ROOT/build/deb/root" date
    date="$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)"
    rm -rf "$ROOT/build/deb" && mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" \
        "$root/usr/share/applications" "$root/usr/share/metainfo" \
        "$root/usr/share/icons" "$root/usr/share/doc/wsis-viewer"
    cp -a "$APP" "$root/opt/wsis-viewer"
    # A symlink is enough: the PyInstaller bootloader resolves its real path to find _internal.
    ln -s /opt/wsis-viewer/wsis-viewer "$root/usr/bin/wsis-viewer"
    install -m 644 "$PKG/linux/wsis-viewer.desktop" "$root/usr/share/applications/"
    sed -e "s/@VERSION@/$VERSION/g" -e "s/@DATE@/$date/g" "$PKG/linux/wsis-viewer.metainfo.xml.in" \
        > "$root/usr/share/metainfo/wsis-viewer.metainfo.xml"
    cp -r "$PKG/icons/hicolor" "$root/usr/share/icons/"
    {
        echo "WSIS Timeline Viewer is distributed under the MIT licence:"
        echo
        cat "$PKG/licenses/LICENSE-MIT.txt"
        echo
        echo "It bundles Python, Qt/PySide6, numpy, SQLAlchemy, pyqtgraph, a subset of the"
        echo "Noto Sans SC font and system libraries; their licences are in"
        echo "/opt/wsis-viewer/licenses/ (see README.txt there)."
    } > "$root/usr/share/doc/wsis-viewer/copyright"
    find "$root" -type d -exec chmod 755 {} +
    find "$root/usr/share" -type f -exec chmod 644 {} +
    sed -e "s/@DEB_VERSION@/$DEB_VERSION/" -e "s/@DEPENDS@/$DEPENDS/" \
        -e "s|@MAINTAINER@|$MAINTAINER|" \
        -e "s/@INSTALLED_SIZE@/$(du -sk --exclude=DEBIAN "$root" | cut -f1)/" \
        "$PKG/linux/control.in" > "$root/DEBIAN/control"
    dpkg-deb --root-owner-group -Zxz --build "$root" \
        "$DIST/wsis-viewer_${DEB_VERSION}_amd64.deb" >/dev/null
}
step ".deb (dpkg-deb, xz)" make_deb

validate() {
    desktop-file-validate "$PKG/linux/wsis-viewer.desktop"
    # The component ID is "wsis-viewer", the name the app gives Qt as its desktop file
    # (QGuiApplication.setDesktopFileName in wsis_viewer/ui/app.py). AppStream prefers a
    # reverse-DNS ID; switching means renaming the .desktop file and that call together, so
    # until the project picks one the "not rDNS" warning is shown as information only.
    appstreamcli validate --no-net --explain --override=cid-desktopapp-is-not-rdns=info \
        "$ROOT/build/deb/root/usr/share/metainfo/wsis-viewer.metainfo.xml"
}
step "validate desktop entry and AppStream" validate

# --- 8. report --------------------------------------------------------------------------------
SIZE_TGZ=$(bytes_of "$DIST/$STEM.tar.gz")
SIZE_DEB=$(bytes_of "$DIST/wsis-viewer_${DEB_VERSION}_amd64.deb")
{
    echo "wsis-viewer $VERSION, built $(date -u +%Y-%m-%dT%H:%M:%SZ)" \
         "from $(git rev-parse --short HEAD 2>/dev/null || echo '?')" \
         "$(git diff --quiet HEAD 2>/dev/null || echo '(with uncommitted changes)')"
    echo "build machine: $(. /etc/os-release && echo "$PRETTY_NAME"), $(nproc) cores," \
         "glibc $(ldd --version | head -1 | awk '{print $NF}')"
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
    echo "  wsis-viewer_${DEB_VERSION}_amd64.deb: $(mib "$SIZE_DEB")"
    echo
    echo "durations:"
    printf '  %s\n' "${TIMINGS[@]}"
} | tee "$DIST/build-info.txt"
