#!/usr/bin/env bash
# Parser/loader benchmark, side by side in one run on the same synthetic tree (bench/gen_tree.py):
#   1. bulwark parse            (our parser alone, all cores)
#   2. bulwark inspect          (our full load + evaluate of every root module; once printing a summary,
#                                once writing every resource's attribute tree as JSON)
#   3. terraform fmt -check -recursive
#   4. python-hcl2 parsing every file (the parser Checkov uses)
# Prints wall time and peak RSS of each, and the ratios the issue sets targets for.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
tree=$out/tree
mkdir -p $out
export TF_CLI_CONFIG_FILE="$PWD/scripts/terraformrc"

[ -d $tree ] || python3 bench/gen_tree.py $tree
if [ ! -x $out/venv/bin/python ]; then
  python3 -m venv $out/venv
  $out/venv/bin/pip install -q "python-hcl2==8.1.4"
fi
swift build -c release --product bulwark >/dev/null
bin=.build/release/bulwark

# measure NAME CMD... : wall seconds and peak RSS (MB) of one run; GNU time when present, else /proc-less fallback.
measure() {
  local name="$1"; shift
  local start end rss="n/a"
  start=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M" -o $out/rss.txt "$@" >$out/$name.out 2>&1 || true
    rss=$(tail -1 $out/rss.txt | awk '{printf "%.0f", $1/1024}')
  else
    "$@" >$out/$name.out 2>&1 || true
  fi
  end=$(date +%s.%N)
  local secs; secs=$(echo "$end - $start" | bc -l)
  printf "%-28s %8.3f s   peak RSS %6s MB\n" "$name" "$secs" "$rss"
  eval "T_$name=$secs"
}

files=$(find $tree -name '*.tf' | wc -l); lines=$(find $tree -name '*.tf' -exec cat {} + | wc -l)
echo "tree: $files files, $lines lines ($tree)"
measure bulwark_parse $bin parse --quiet $tree
measure bulwark_load $bin inspect --format summary $(ls -d $tree/stacks/*)
measure bulwark_load_json $bin inspect --format json $(ls -d $tree/stacks/*)
measure terraform_fmt terraform fmt -check -recursive $tree
measure python_hcl2 $out/venv/bin/python bench/hcl2_parse.py $tree
grep -h "parsed" $out/bulwark_parse.out || true
grep -h "hcl2_parse" $out/python_hcl2.out || true
echo
printf "terraform fmt / bulwark parse      = %6.1fx  (target >= 1x)\n" "$(echo "$T_terraform_fmt / $T_bulwark_parse" | bc -l)"
printf "python-hcl2 / bulwark full load    = %6.1fx  (target >= 20x)\n" "$(echo "$T_python_hcl2 / $T_bulwark_load" | bc -l)"
