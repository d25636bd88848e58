#!/usr/bin/env bash
# Live-remediation MTTR benchmark: starts moto on a free loopback port and, COUNT times, creates a bucket without
# versioning, discovers it, runs BLW-AWS-S3-012, proposes the live fix, then times approve → apply (PutBucketVersioning)
# → verify (re-read through discovery, check re-run). Prints median and p95 beside the targets (< 5 s; the issue's
# seed target < 1 min). Leaves the SQLite database in a temp dir for `bulwark remediation list/show --database`.
# Usage: bench/remediation-mttr.sh [COUNT]   (default 20). CONFIG=debug|release (default release).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
count="${1:-20}"
config="${CONFIG:-release}"
build_path="${BUILD_PATH:-$root/.build}"
source "$root/bench/moto-env.sh"
work="$(mktemp -d)"
start_moto "$work"
trap 'kill $moto_pid 2>/dev/null || true; wait $moto_pid 2>/dev/null || true' EXIT

cd "$root"
swift build -c "$config" --build-path "$build_path" --product remediation-bench >&2
bin="$(swift build -c "$config" --build-path "$build_path" --show-bin-path)/remediation-bench"
echo "moto on 127.0.0.1:$port, $count live fixes ($config build)"
"$bin" "$root/checks" "$work/bulwark.db" "$count"
echo "database: sqlite:$work/bulwark.db"
