#!/usr/bin/env bash
# Two bulwark binaries must write the same reports: `scan -o json` and `-o sarif` of the bundled example
# (desired-state/terraform), of every repository in the shared corpus and (with TREE=1) of the synthetic tree,
# compared byte for byte apart from the timing field (`duration_seconds`).
#   bench/output-identity.sh OLD_BINARY NEW_BINARY
# Each binary runs the check library built into it. Exit status 1 when any report differs.
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: bench/output-identity.sh OLD_BINARY NEW_BINARY}
new=${2:?usage: bench/output-identity.sh OLD_BINARY NEW_BINARY}
corpus=${BULWARK_CORPUS:-../shared/corpus}
[ -d "$corpus" ] || corpus="$(cd "$(git rev-parse --git-common-dir)/.." && pwd)/../shared/corpus"
out=$PWD/bench/out/identity
rm -rf "$out" && mkdir -p "$out"

trees=("$PWD/desired-state/terraform")
for dir in "$corpus"/*/; do [ -n "$(find "$dir" -name '*.tf' -print -quit)" ] && trees+=("$(cd "$dir" && pwd)"); done
if [ -n "${TREE:-}" ]; then
  [ -d bench/out/tree ] || python3 bench/gen_tree.py bench/out/tree >/dev/null
  trees+=("$PWD/bench/out/tree")
fi

# The timing field is the one part of a report that differs between two runs of the same binary.
normalise() { sed -E 's/"duration_seconds" *: *[0-9.e+-]+/"duration_seconds": 0/' "$1"; }

scan() {  # BINARY TREE FORMAT FILE
  (cd "$2" && env -u BULWARK_CHECKS_DIR "$1" scan . --soft-fail -o "$3:$4" >/dev/null 2>&1) || true
}

differ=0
compared=0
for tree in "${trees[@]}"; do
  name=$(basename "$tree")
  for format in json sarif; do
    scan "$old" "$tree" $format "$out/old.$format"
    scan "$new" "$tree" $format "$out/new.$format"
    compared=$((compared + 1))
    if [ ! -s "$out/old.$format" ]; then
      echo "DIFFERENT $name $format: the old binary wrote no report"
      differ=1
    elif cmp -s <(normalise "$out/old.$format") <(normalise "$out/new.$format"); then
      printf "same      %-56s %-5s %s bytes\n" "$name" $format "$(wc -c <"$out/new.$format")"
    else
      echo "DIFFERENT $name $format:"
      diff <(normalise "$out/old.$format") <(normalise "$out/new.$format") | head -20
      differ=1
    fi
  done
done
echo "$compared reports compared; $([ $differ = 0 ] && echo "all identical" || echo "some differ")"
exit $differ
