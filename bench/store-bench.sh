#!/usr/bin/env bash
# Store benchmark: write one scan of N findings (default 100,000) and read back the latest compliance
# summary, on SQLite and on PostgreSQL, plus the naive row-by-row insert (one INSERT per result row, in one
# transaction) in the same run. Prints seconds, µs per row and the row-by-row/bulk ratio.
# Starts its own PostgreSQL 15 (initdb + pg_ctl in a temp dir, loopback port; as the `postgres` user when run
# as root) and deletes it at the end. Targets: < 2 s PostgreSQL, < 1 s SQLite for write + read.
set -euo pipefail
cd "$(dirname "$0")/.."
findings="${BENCH_FINDINGS:-100000}"

bindir="${BULWARK_PG_BINDIR:-}"
if [ -z "$bindir" ]; then
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir="$d"; done
fi
[ -n "$bindir" ] && [ -x "$bindir/initdb" ] || { echo "store-bench: PostgreSQL server binaries (initdb) not found" >&2; exit 1; }

swift build -c release --product bulwark-store-tool >/dev/null
tool="$PWD/.build/release/bulwark-store-tool"

work=$(mktemp -d /tmp/bulwark-store-bench-XXXXXX)
as_pg=()
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$work"; as_pg=(runuser -u postgres --); fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
opts="-p $port -k $work -c listen_addresses=127.0.0.1"
cleanup() {
  "${as_pg[@]}" "$bindir/pg_ctl" -D "$work/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
"${as_pg[@]}" "$bindir/initdb" -D "$work/data" -U bulwark -A trust -E UTF8 --locale=C >/dev/null
"${as_pg[@]}" "$bindir/pg_ctl" -D "$work/data" -l "$work/server.log" -w -o "$opts" start >/dev/null
"$bindir/createdb" -h 127.0.0.1 -p "$port" -U bulwark bench

echo "store-bench: $findings findings per scan, $(nproc) cores; PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') (default settings, fsync on), SQLite $(sqlite3 --version 2>/dev/null | awk '{print $1}')"
sqlite_dir=$(mktemp -d /tmp/bulwark-store-bench-sqlite-XXXXXX)
trap 'cleanup; rm -rf "$sqlite_dir"' EXIT
"$tool" bench --url "sqlite:$sqlite_dir/bench.db" --findings "$findings"
"$tool" bench --url "postgresql://bulwark@127.0.0.1:$port/bench" --findings "$findings"
