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
python="${BULWARK_PYTHON:-python3}"
work="$(mktemp -d)"
port="$("$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$python" -m moto.server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto_pid=$!
trap 'kill $moto_pid 2>/dev/null || true; wait $moto_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  if "$python" -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null; then break; fi
  sleep 0.2
done
export AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
export AWS_CONFIG_FILE="$work/none" AWS_SHARED_CREDENTIALS_FILE="$work/none"

cd "$root"
swift build -c "$config" --build-path "$build_path" --product remediation-bench >&2
bin="$(swift build -c "$config" --build-path "$build_path" --show-bin-path)/remediation-bench"
echo "moto on 127.0.0.1:$port, $count live fixes ($config build)"
"$bin" "$root/checks" "$work/bulwark.db" "$count"
echo "database: sqlite:$work/bulwark.db"
