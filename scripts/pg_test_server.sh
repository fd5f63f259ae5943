#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: Unix socket only, in a private temporary folder.
#
#   scripts/pg_test_server.sh start        prints two lines: the server URL and its folder
#   scripts/pg_test_server.sh stop FOLDER  stops that server at once and deletes the folder
#   scripts/pg_test_server.sh kill FOLDER  stops it as a crash would, keeping the folder
#   scripts/pg_test_server.sh resume FOLDER  starts a killed one again (same socket)
#
# Installs Debian's `postgresql` package when no server binaries are found (as root, or with
# sudo), without letting the package create or start a system cluster. initdb refuses to run
# as root, so as root the server runs as the `postgres` user the package creates. The cluster
# trades durability for speed (fsync off): it lives for one test run and nothing else.
# Typical cost here: initdb about 1.5 s, start 0.3 s, stop 0.1 s.
set -euo pipefail

PORT=5432   # only names the socket file inside our private folder; no TCP port is opened

find_bindir() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [[ -x "$d/initdb" && -x "$d/pg_ctl" ]] && { echo "$d"; return 0; }
    done
    if command -v pg_config >/dev/null 2>&1; then
        d="$(pg_config --bindir)"
        [[ -x "$d/initdb" ]] && { echo "$d"; return 0; }
    fi
    command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
    return 1
}

install_server() {
    command -v apt-get >/dev/null 2>&1 || { echo "pg_test_server: no PostgreSQL and no apt-get" >&2; return 1; }
    local sudo=""
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || {
            echo "pg_test_server: PostgreSQL is not installed and installing needs root" >&2; return 1; }
        sudo="sudo -n"
    fi
    echo "pg_test_server: installing PostgreSQL from the system's packages" >&2
    # The package would create and start a system-wide cluster; the tests want none.
    $sudo mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" | $sudo tee /etc/postgresql-common/createcluster.d/wsis-tests.conf >/dev/null
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        postgresql postgresql-contrib >&2
}

as_owner() {  # run a command as the user who owns the cluster
    if [[ $(id -u) -eq 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

start() {
    local bindir dir
    bindir="$(find_bindir)" || { install_server && bindir="$(find_bindir)"; } || {
        echo "pg_test_server: PostgreSQL server binaries not found" >&2; exit 1; }
    dir="$(mktemp -d "${TMPDIR:-/tmp}/wsis-pg.XXXXXX")"
    [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
    chmod 700 "$dir"
    if ! as_owner "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C \
            --no-sync >"$dir/initdb.log" 2>&1; then
        cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1
    fi
    if ! run_server "$bindir" "$dir"; then
        cat "$dir/server.log" >&2; rm -rf "$dir"; exit 1
    fi
    echo "postgresql://postgres@/postgres?host=$dir&port=$PORT"
    echo "$dir"
}

run_server() {
    as_owner "$1/pg_ctl" -D "$2/data" -w -t 30 -l "$2/server.log" start -o \
        "-k $2 -p $PORT -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
        >/dev/null
}

kill_server() {  # as if it crashed, keeping its folder (tests of a lost server)
    local bindir
    bindir="$(find_bindir)"
    # What was committed first reaches the disk, as on a real server: this cluster runs with
    # synchronous_commit=off, and a crash would otherwise lose the last commits (a publish
    # made just before the kill vanished on resume, taking its schema with it).
    as_owner "$bindir/psql" -X -q -h "$1" -p "$PORT" -d postgres -c CHECKPOINT >/dev/null
    as_owner "$bindir/pg_ctl" -D "$1/data" -m immediate stop >/dev/null
}

resume_server() {  # start a killed server again, same folder and socket
    run_server "$(find_bindir)" "$1"
}

stop() {
    local dir="$1" bindir
    [[ -d "$dir/data" ]] || { rm -rf "$dir"; return 0; }
    bindir="$(find_bindir)" || true
    if [[ -n "$bindir" ]]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

case "${1:-}" in
    start) start ;;
    stop) stop "${2:?usage: $0 stop FOLDER}" ;;
    kill) kill_server "${2:?usage: $0 kill FOLDER}" ;;
    resume) resume_server "${2:?usage: $0 resume FOLDER}" ;;
    *) echo "usage: $0 start | stop FOLDER | kill FOLDER | resume FOLDER" >&2; exit 2 ;;
esac
