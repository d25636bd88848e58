#!/usr/bin/env bash
# `bulwark scan` against Checkov 3.3.30 in one run: per tree, Checkov's and Bulwark's wall time and peak RSS and
# both ratios (targets: >= 100x faster, RSS <= 0.25 of Checkov's), every result written (passed included).
#   rows: an empty directory and the bundled example (fixed costs), every repository of the shared corpus, the
#   synthetic tree (bench/gen_tree.py) as JSON, SARIF and --store (SQLite), and the synthetic tree copied 2, 4
#   and 8 times (Bulwark alone: time and RSS should grow linearly).
#   bench/scan-speed.sh [BULWARK_BINARY]     (default: this checkout's release build)
# RUNS=N Bulwark runs per row (median shown, default 5); SCALING=0 leaves out the 2x/4x/8x rows; SYNTHETIC=0 leaves
# out every synthetic-tree row (start-up figures: the empty directory, the example and the corpus only);
# CHECKOV names the checkov executable (default /work/venvs/checkov/bin/checkov).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${1:-}" ]; then bin=$1; else swift build -c release --product bulwark >/dev/null; bin=$PWD/.build/release/bulwark; fi
checkov=${CHECKOV:-/work/venvs/checkov/bin/checkov}
version=$("$checkov" --version 2>/dev/null | tail -1)
[ "$version" = "3.3.30" ] || { echo "expected Checkov 3.3.30, $checkov is $version" >&2; exit 2; }
corpus=${BULWARK_CORPUS:-../shared/corpus}
[ -d "$corpus" ] || corpus="$(cd "$(git rev-parse --git-common-dir)/.." && pwd)/../shared/corpus"
out=$PWD/bench/out/scan-speed
mkdir -p "$out/empty"
[ "${SYNTHETIC:-1}" = 0 ] || [ -d bench/out/tree ] || python3 bench/gen_tree.py bench/out/tree >/dev/null

rows=("empty directory|$out/empty|alone" "desired-state/terraform|$PWD/desired-state/terraform|json")
for dir in "$corpus"/*/; do
  [ -n "$(find "$dir" -name '*.tf' -print -quit)" ] && rows+=("$(basename "$dir")|$(cd "$dir" && pwd)|json")
done
tree=$PWD/bench/out/tree
[ "${SYNTHETIC:-1}" != 0 ] && rows+=("synthetic tree|$tree|json" "synthetic tree|$tree|sarif" "synthetic tree|$tree|store")
if [ "${SYNTHETIC:-1}" != 0 ] && [ "${SCALING:-1}" != 0 ]; then
  rows+=("synthetic tree 1x|$tree|alone")
  for n in 2 4 8; do
    scaled=$PWD/bench/out/tree-${n}x
    if [ ! -d "$scaled" ]; then
      mkdir -p "$scaled"
      for ((i = 0; i < n; i++)); do cp -r "$tree" "$scaled/copy$i"; done
    fi
    rows+=("synthetic tree ${n}x|$scaled|alone")
  done
fi
echo "bulwark: $bin ($("$bin" --version)); Checkov $version; load: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/scan_speed.py "$bin" "$checkov" "$out/work" "${rows[@]}"
