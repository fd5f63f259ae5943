#!/usr/bin/env bash
# Prove that the installers are reproducible: build one commit twice, in two different
# folders (different depth and name, so a leaked build path changes bytes), with the same
# SOURCE_DATE_EPOCH, and compare the SHA-256 of every artefact (wheel, sdist, tar.gz, .deb).
#
# Usage: packaging/check_reproducible.sh [COMMIT]     (default: HEAD; commit first)
# Environment: SOURCE_DATE_EPOCH (default: the commit's time), WORK (default
# /var/tmp/wsis-viewer-repro; the two checkouts go to $WORK/a/src and
# $WORK/b/deeper/folder/src), KEEP=1 to keep both builds afterwards.
# Takes two full builds (about 2 x 4 min on 2 cores). Prints both SHA256SUMS, then
# "reproducible: N artefacts identical", or the differences (diffoscope when installed,
# else the differing members) and exits 1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
COMMIT="$(git -C "$ROOT" rev-parse "${1:-HEAD}")"
WORK="${WORK:-/var/tmp/wsis-viewer-repro}"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct "$COMMIT")}"
A="$WORK/a/src"
B="$WORK/b/deeper/folder/src"
[[ -n "$(git -C "$ROOT" status --porcelain)" && -z "${1:-}" ]] \
    && echo "check_reproducible: note: uncommitted changes are not part of $COMMIT" >&2

build_in() {  # build_in DIR: fresh checkout of COMMIT, then build.sh there
    local dir="$1" start
    rm -rf "$dir" && mkdir -p "$(dirname "$dir")"
    git clone -q --no-hardlinks "$ROOT" "$dir"
    git -C "$dir" checkout -q --detach "$COMMIT"
    start=$(date +%s)
    echo "== building $COMMIT in $dir"
    (cd "$dir" && packaging/build.sh --no-lintian > build.log 2>&1) \
        || { tail -30 "$dir/build.log"; echo "check_reproducible: build in $dir failed" >&2; exit 1; }
    echo "   $(($(date +%s) - start)) s"
}
build_in "$A"
build_in "$B"

echo "== SHA256SUMS (SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH)"
echo "-- $A/dist"; cat "$A/dist/SHA256SUMS"
echo "-- $B/dist"; cat "$B/dist/SHA256SUMS"
status=0
count=0
while read -r _ name; do
    count=$((count + 1))
    if ! cmp -s "$A/dist/$name" "$B/dist/$name"; then
        status=1
        echo "DIFFERS: $name"
        if command -v diffoscope >/dev/null 2>&1; then
            diffoscope --text - --max-report-size 200000 "$A/dist/$name" "$B/dist/$name" \
                | head -200 || true
        else
            # Without diffoscope: which members differ (unpack both, compare file by file).
            local_a="$WORK/unpacked-a" local_b="$WORK/unpacked-b"
            rm -rf "$local_a" "$local_b" && mkdir -p "$local_a" "$local_b"
            case "$name" in
                *.deb) dpkg-deb -x "$A/dist/$name" "$local_a"; dpkg-deb -x "$B/dist/$name" "$local_b" ;;
                *.whl) (cd "$local_a" && python3 -m zipfile -e "$A/dist/$name" .)
                       (cd "$local_b" && python3 -m zipfile -e "$B/dist/$name" .) ;;
                *) tar -C "$local_a" -xzf "$A/dist/$name"; tar -C "$local_b" -xzf "$B/dist/$name" ;;
            esac
            diff -rq "$local_a" "$local_b" | head -50 || true
        fi
    fi
done < "$A/dist/SHA256SUMS"
cmp -s "$A/dist/SHA256SUMS" "$B/dist/SHA256SUMS" || status=1
[[ "${KEEP:-0}" == 1 ]] || rm -rf "$WORK/a" "$WORK/b" "$WORK/unpacked-a" "$WORK/unpacked-b"
if ((status == 0)); then
    echo "reproducible: $count artefacts identical"
else
    echo "NOT reproducible (see above)"
fi
exit $status
