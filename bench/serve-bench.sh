#!/usr/bin/env bash
# API latency benchmark of `bulwark serve` (SQLite store): a store of SCANS scans (default 1,000) of FINDINGS results
# each (default 200), then wrk against the status (/api/v1/targets), findings (a page of 100) and compliance routes,
# side by side with the anchor /health/live (the same server, no database) in the same run. Prints p50/p99 latency,
# requests/s, each route's p99 over the anchor's, and the server's peak resident memory over the run.
# Build: BENCH_CONFIG=release (default) or debug. Target: p99 < 10 ms at 1,000 req/s.
set -euo pipefail
cd "$(dirname "$0")/.."
scans="${BENCH_SCANS:-1000}"
findings="${BENCH_FINDINGS:-200}"
config="${BENCH_CONFIG:-release}"
duration="${BENCH_SECONDS:-10}"
command -v wrk >/dev/null || { echo "serve-bench: wrk is required (apt-get install wrk)" >&2; exit 1; }

swift build -c "$config" --product bulwark >/dev/null
swift build -c "$config" --product bulwark-store-tool >/dev/null
bin="$PWD/.build/$config"

work=$(mktemp -d /tmp/bulwark-serve-bench-XXXXXX)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
db="sqlite:$work/bench.db"
for i in $(seq 1 "$scans"); do
  "$bin/bulwark-store-tool" write-synthetic --url "$db" --target bench --commit "$(printf '%040x' "$i")" \
    --findings "$findings" --pass-every 3 >/dev/null
done
token=$("$bin/bulwark" token create --name bench --role viewer --database "$db")
cat >"$work/bulwark.yaml" <<YAML
targets:
  - name: bench
    repo: $work/no-such-repository
    suspend: true
YAML
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin/bulwark" serve --config "$work/bulwark.yaml" --database "$db" --listen "127.0.0.1:$port" --log-level error \
  2>"$work/server.log" &
server=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/health/live" >/dev/null 2>&1 && break; sleep 0.2; done
scan=$(curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/targets/bench/scans?limit=1" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["scans"][0]["id"])')

# measure runs in a command substitution (a subshell), so the peak is kept in a file.
echo 0 >"$work/peak"
sample() {
  local rss
  rss=$(awk '/VmHWM/{print $2}' "/proc/$server/status")
  [ "$rss" -gt "$(cat "$work/peak")" ] && echo "$rss" >"$work/peak"
  true
}
# wrk's --latency table: p50 and p99 in ms, and requests/s.
measure() {
  local name=$1 path=$2 out
  out=$(wrk -t2 -c16 -d"${duration}s" --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path")
  sample
  python3 - "$name" "$out" <<'PY'
import re, sys
name, out = sys.argv[1], sys.argv[2]
def ms(label):
    m = re.search(r"^\s*%s%%\s+([\d.]+)(us|ms|s)\s*$" % label, out, re.M)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
print(f"{name}\t{ms('50'):.3f}\t{ms('99'):.3f}\t{rps:.0f}\t{errors.group(1) if errors else 0}")
PY
}
echo "serve-bench: $scans scans x $findings results, $config build, $(nproc) cores, wrk 2 threads 16 connections ${duration}s per route"
results=$(
  {
    measure anchor:/health/live /health/live
    measure status /api/v1/targets
    measure findings-page-100 "/api/v1/scans/$scan/findings?limit=100"
    measure compliance /api/v1/targets/bench/compliance/cis-aws
  }
)
printf 'route\tp50_ms\tp99_ms\treq_per_s\tnon_2xx\tp99_vs_anchor\n'
anchor=$(echo "$results" | awk -F'\t' 'NR==1{print $3}')
echo "$results" | awk -F'\t' -v a="$anchor" '{printf "%s\t%s\t%s\t%s\t%s\t%.1fx\n", $1, $2, $3, $4, $5, $3 / a}'
echo "server peak RSS: $(($(cat "$work/peak") / 1024)) MiB"
