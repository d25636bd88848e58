#!/usr/bin/env bash
# Checkov 3.3 vs bulwark scan on the same trees, in one run:
#   - verdict agreement per (check, resource) for every Bulwark check with a Checkov cross-reference
#   - wall time and peak RSS of `checkov -d` vs `bulwark scan`
# Trees: the check-library fixtures (each fixture file in a directory of its own, as each is a module of
# its own) and the synthetic tree from bench/gen_tree.py.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p $out
if [ ! -x $out/checkov-venv/bin/checkov ]; then
  python3 -m venv $out/checkov-venv
  $out/checkov-venv/bin/pip install -q "checkov==3.3.30"
fi
[ -d $out/tree ] || python3 bench/gen_tree.py $out/tree
swift build -c release --product bulwark >/dev/null
bin=$PWD/.build/release/bulwark

# Split fixtures: library/<ID>/<name>.tf -> fixtures-split/<ID>__<name>/main.tf
split=$out/fixtures-split
rm -rf $split && mkdir -p $split
for f in Tests/ChecksTests/Fixtures/library/*/*.tf; do
  id=$(basename "$(dirname "$f")"); name=$(basename "$f" .tf)
  mkdir -p "$split/${id}__${name}" && cp "$f" "$split/${id}__${name}/main.tf"
done

measure() {  # NAME CMD... -> prints time and RSS, leaves stdout in $out/NAME.json
  local name="$1"; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o $out/rss.txt "$@" >$out/$name.json 2>$out/$name.err || true
  end=$(date +%s.%N)
  local rss; rss=$(tail -1 $out/rss.txt | awk '{printf "%.0f", $1/1024}')
  local secs; secs=$(echo "$end - $start" | bc -l)
  printf "%-26s %9.3f s   peak RSS %6s MB\n" "$name" "$secs" "$rss"
  eval "T_$name=$secs; M_$name=$rss"
}

for tree in fixtures tree; do
  dir=$split; [ $tree = tree ] && dir=$out/tree
  echo "== $tree ($(find $dir -name '*.tf' | wc -l) files, $(find $dir -name '*.tf' -exec cat {} + | wc -l) lines)"
  measure "checkov_$tree" $out/checkov-venv/bin/checkov -d $dir -o json --framework terraform --quiet --compact --skip-download
  measure "bulwark_$tree" $bin scan $dir -o json --soft-fail
  python3 bench/checkov_compare.py $out/checkov_$tree.json $out/bulwark_$tree.json $dir $out/disagreements_$tree.txt
  eval "tc=\$T_checkov_$tree; tb=\$T_bulwark_$tree; mc=\$M_checkov_$tree; mb=\$M_bulwark_$tree"
  printf "speed: checkov / bulwark = %.1fx (target >= 100x); RSS bulwark / checkov = %.2f (target <= 0.25)\n\n" \
    "$(echo "$tc / $tb" | bc -l)" "$(echo "$mb / $mc" | bc -l)"
done
