#!/usr/bin/env bash
# `bulwark scan` of the synthetic tree (bench/gen_tree.py) copied 1, 2, 4 and 8 times, every result written as
# JSON: wall time, CPU time and peak RSS per size, and each divided by the 1x figure, so linear growth reads as
# ratios close to 1, 2, 4 and 8.
#   bench/scan-scaling.sh [BULWARK_BINARY]     (default: this checkout's release build)
# RUNS=N runs per size (median shown, default 3).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${1:-}" ]; then bin=$1; else swift build -c release --product bulwark >/dev/null; bin=$PWD/.build/release/bulwark; fi
[ -d bench/out/tree ] || python3 bench/gen_tree.py bench/out/tree >/dev/null
rows=("1|$PWD/bench/out/tree")
for n in 2 4 8; do
  scaled=$PWD/bench/out/tree-${n}x
  if [ ! -d "$scaled" ]; then
    mkdir -p "$scaled"
    for ((i = 0; i < n; i++)); do cp -r bench/out/tree "$scaled/copy$i"; done
  fi
  rows+=("$n|$scaled")
done
work=$PWD/bench/out/scan-scaling
mkdir -p "$work"
echo "bulwark: $bin; load: $(cut -d' ' -f1-3 /proc/loadavg)"
RUNS=${RUNS:-3} python3 - "$bin" "$work" "${rows[@]}" <<'PY'
import os, statistics, sys
sys.path.insert(0, "bench")
import scan_speed

binary, work = sys.argv[1:3]
print(f"{'size':>5} {'files':>6} {'results':>9} {'wall s':>8} {'cpu s':>8} {'RSS MB':>8} {'wall/1x':>8} {'cpu/1x':>8} {'RSS/1x':>8}")
base = None
for row in sys.argv[3:]:
    n, tree = row.split("|")
    files = sum(1 for _, _, names in os.walk(tree) for f in names if f.endswith(".tf"))
    wall, rss, cpu = scan_speed.bulwark(binary, work, tree, "json")
    with open(os.path.join(work, "bulwark.json"), "rb") as f:
        results = sum(1 for line in f if line.startswith(b'      "check_id"'))
    base = base or (wall, cpu, rss)
    print(f"{n + 'x':>5} {files:6} {results:9} {wall:8.3f} {cpu:8.3f} {rss:8.1f} {wall / base[0]:8.2f} {cpu / base[1]:8.2f} {rss / base[2]:8.2f}", flush=True)
PY
