#!/usr/bin/env bash
# Two release builds of bulwark side by side, in one run: the median wall time of `bulwark scan -o json` over the
# bundled example, every repository of the shared corpus and the synthetic tree, and the ratio new / base.
#   bench/binary-compare.sh BASE_BINARY [NEW_BINARY]   (NEW defaults to this checkout's release build)
#   RUNS=N (default 5) runs per tree; each binary uses the check library of its own checkout when
#   BASE_CHECKS / NEW_CHECKS name one (the library shapes the work, so compare like with like).
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: bench/binary-compare.sh BASE_BINARY [NEW_BINARY]}
if [ -n "${2:-}" ]; then new=$2; else swift build -c release --product bulwark >/dev/null; new=$PWD/.build/release/bulwark; fi
runs=${RUNS:-5}
corpus=${BULWARK_CORPUS:-../shared/corpus}
[ -d bench/out/tree ] || python3 bench/gen_tree.py bench/out/tree >/dev/null
trees=("$PWD/desired-state/terraform")
for dir in "$corpus"/*/; do [ -d "$dir" ] && trees+=("${dir%/}"); done
trees+=("$PWD/bench/out/tree")

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
time_scan() {  # BINARY CHECKS TREE -> median seconds
  local bin=$1 checks=$2 tree=$3 i start end
  for ((i = 0; i < runs; i++)); do
    start=$(date +%s.%N)
    BULWARK_CHECKS_DIR=$checks "$bin" scan "$tree" --soft-fail -o json:/tmp/binary-compare.json >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc
  done | median
}
printf "%-58s %10s %10s %8s\n" tree base_s new_s new/base
for tree in "${trees[@]}"; do
  b=$(time_scan "$base" "${BASE_CHECKS:-$PWD/checks}" "$tree")
  n=$(time_scan "$new" "${NEW_CHECKS:-$PWD/checks}" "$tree")
  printf "%-58s %10.3f %10.3f %8.2f\n" "$(basename "$tree")" "$b" "$n" "$(echo "$n / $b" | bc -l)"
done
