#!/usr/bin/env bash
# API latency benchmark of `bulwark serve` (SQLite store): a store of SCANS scans (default 1,000) of FINDINGS results
# each (default 200), then the status (/api/v1/targets), findings (a page of 100) and compliance routes at a fixed
# rate (BENCH_RATE, default 1,000 req/s, open loop through bench/rate_load.py since wrk cannot fix one), side by side
# with the anchor /health/live (the same server, no database) in the same run. Prints p50/p99 latency, the achieved
# rate, wrk's saturated throughput, the server's CPU time per request, each route's p99 and CPU over the anchor's, then a BENCH_SOAK_SECONDS run (default 300)
# over the three routes sampling the server's resident memory every 10 s.
# Build: BENCH_CONFIG=release (default) or debug; BENCH_SCRATCH: the build directory (.build). Target: p99 < 10 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
scans="${BENCH_SCANS:-1000}"
findings="${BENCH_FINDINGS:-200}"
config="${BENCH_CONFIG:-release}"
duration="${BENCH_SECONDS:-20}"
rate="${BENCH_RATE:-1000}"
wrk_seconds="${BENCH_WRK_SECONDS:-5}"
soak="${BENCH_SOAK_SECONDS:-300}"
# The memory run's rate: one the server sustains on the machine as it is, or its queue (not its heap) is measured.
soak_rate="${BENCH_SOAK_RATE:-$rate}"
scratch="${BENCH_SCRATCH:-.build}"
# Both the server and the load generator run at a raised priority when allowed (root), since the machine is shared.
prio=""
if [ "$(id -u)" = 0 ]; then prio="nice -n -10"; fi
command -v wrk >/dev/null || { echo "serve-bench: wrk is required (apt-get install wrk)" >&2; exit 1; }

# BENCH_BIN: a directory holding an already built `bulwark` to measure (nothing is built then); the store tool,
# which only fills the store, may come from another build (BENCH_TOOL_BIN, default the same directory).
if [ -n "${BENCH_BIN:-}" ]; then
  bin="$BENCH_BIN"
else
  swift build -c "$config" --scratch-path "$scratch" --product bulwark >/dev/null
  swift build -c "$config" --scratch-path "$scratch" --product bulwark-store-tool >/dev/null
  bin="$PWD/$scratch/$config"
fi
tool_bin="${BENCH_TOOL_BIN:-$bin}"

work=$(mktemp -d /tmp/bulwark-serve-bench-XXXXXX)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
db="sqlite:$work/bench.db"
# Filling is not measured; several writers at once (SQLite serialises them) keep it from taking a quarter hour.
# BENCH_STORE: a store this script filled before (same SCANS and FINDINGS), copied instead, so two builds can be
# measured on the same data one after the other.
if [ -n "${BENCH_STORE:-}" ]; then
  cp "$BENCH_STORE" "$work/bench.db"
else
  export tool_bin db findings
  seq 1 "$scans" | xargs -P "${BENCH_FILL_JOBS:-6}" -I{} sh -c \
    '"$tool_bin/bulwark-store-tool" write-synthetic --url "$db" --target bench --commit "$(printf "%040x" {})" \
      --findings "$findings" --pass-every 3 >/dev/null'
fi
token=$("$bin/bulwark" token create --name bench --role viewer --database "$db")
cat >"$work/bulwark.yaml" <<YAML
targets:
  - name: bench
    repo: $work/no-such-repository
    suspend: true
YAML
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
$prio "$bin/bulwark" serve --config "$work/bulwark.yaml" --database "$db" --listen "127.0.0.1:$port" --log-level error \
  2>"$work/server.log" &
server=$!
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/health/live" >/dev/null 2>&1 && break; sleep 0.2; done
scan=$(curl -fsS -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/targets/bench/scans?limit=1" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["scans"][0]["id"])')

# The server's CPU time (user + system, every thread) in clock ticks: per request it is the figure the load of a
# shared machine does not distort, where latency is.
ticks=$(getconf CLK_TCK)
server_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }

# Fixed-rate latency (bench/rate_load.py, open loop, wrk2-style), the server's CPU per request over that run, and
# wrk's saturated throughput, per route.
measure() {
  local name=$1 path=$2 fixed rps before after cpu
  before=$(server_ticks)
  fixed=$($prio python3 bench/rate_load.py --name "$name" --port "$port" --token "$token" --path "$path" \
    --rate "$rate" --seconds "$duration")
  after=$(server_ticks)
  # Every scheduled request (rate x duration) is answered or counted as an error before the run ends.
  cpu=$(echo "$fixed" | awk -F'\t' -v t=$((after - before)) -v hz="$ticks" -v n=$((rate * duration)) \
    '{n -= $8; if (n > 0) printf "%.0f", t / hz * 1e6 / n; else print "-"}')
  rps=$($prio wrk -t2 -c16 -d"${wrk_seconds}s" -H "Authorization: Bearer $token" "http://127.0.0.1:$port$path" \
    | awk '/Requests\/sec:/{printf "%.0f", $2}')
  printf '%s\t%s\t%s\n' "$fixed" "$rps" "$cpu"
}
echo "serve-bench: $scans scans x $findings results, $bin/bulwark, $(nproc) cores, $rate req/s for ${duration}s per route" \
  "(then wrk -t2 -c16 ${wrk_seconds}s for the saturated throughput), server and load at ${prio:-default priority}"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
results=$(
  {
    measure anchor:/health/live /health/live
    measure status /api/v1/targets
    measure findings-page-100 "/api/v1/scans/$scan/findings?limit=100"
    measure compliance /api/v1/targets/bench/compliance/cis-aws
  }
)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'route\tp50_ms\tp99_ms\tp99.9_ms\tmax_ms\treq_per_s\tnon_2xx\terrors\tsaturated_req_per_s\tserver_cpu_us_per_req\tp99_vs_anchor\tcpu_vs_anchor\n'
anchor=$(echo "$results" | awk -F'\t' 'NR==1{print $3}')
anchor_cpu=$(echo "$results" | awk -F'\t' 'NR==1{print $10}')
echo "$results" | awk -F'\t' -v a="$anchor" -v c="$anchor_cpu" \
  '{printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%.1fx\t%.1fx\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $3 / a, (c > 0 ? $10 / c : 0)}'

# Memory over a long run: the three routes in turn at the same rate, resident memory sampled every 10 s.
if [ "$soak" -gt 0 ]; then
  echo "soak: ${soak}s at $soak_rate req/s over status, findings and compliance; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  $prio python3 bench/rate_load.py --name soak --port "$port" --token "$token" --rate "$soak_rate" --seconds "$soak" \
    --path /api/v1/targets --path "/api/v1/scans/$scan/findings?limit=100" \
    --path /api/v1/targets/bench/compliance/cis-aws --rss-pid "$server" --rss-every 10
  echo "load average after the soak: $(cut -d' ' -f1-3 /proc/loadavg)"
fi
