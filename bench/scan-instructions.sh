#!/usr/bin/env bash
# Instructions executed by `bulwark scan` (valgrind's callgrind, every thread), the anchor binary and the new one
# side by side in one run, with the ratio: the figure that stays stable on a loaded machine, where wall time does
# not. Rows: an empty directory (the fixed cost: loading the built-in check library) and the bundled example.
#   bench/scan-instructions.sh ANCHOR_BINARY NEW_BINARY
# Valgrind 3.19 cannot read the DWARF 5 of a Swift build, so each binary is profiled from a copy without debug
# information (symbols stay). The call-graph files are kept under bench/out/instructions for callgrind_annotate.
set -euo pipefail
cd "$(dirname "$0")/.."
anchor=${1:?usage: bench/scan-instructions.sh ANCHOR_BINARY NEW_BINARY}
new=${2:?usage: bench/scan-instructions.sh ANCHOR_BINARY NEW_BINARY}
out=$PWD/bench/out/instructions
rm -rf "$out" && mkdir -p "$out/empty"
objcopy --strip-debug "$anchor" "$out/anchor"
objcopy --strip-debug "$new" "$out/new"

count() {  # NAME TREE BINARY → instructions
  (cd "$2" && env -u BULWARK_CHECKS_DIR valgrind --tool=callgrind --callgrind-out-file="$out/$1.$(basename "$3").cg" \
    "$3" scan . --soft-fail -o json:"$out/$1.$(basename "$3").json" >/dev/null 2>"$out/$1.$(basename "$3").err") || true
  sed -nE 's/.*Collected : ([0-9]+).*/\1/p' "$out/$1.$(basename "$3").err"
}

printf "%-26s %16s %16s %8s\n" tree "anchor instr." "new instr." "new/old"
for row in "empty directory|$out/empty" "desired-state/terraform|$PWD/desired-state/terraform"; do
  name=${row%%|*}
  tree=${row#*|}
  key=$(echo "$name" | tr '/ ' '__')
  a=$(count "$key" "$tree" "$out/anchor")
  b=$(count "$key" "$tree" "$out/new")
  if [ -z "$a" ] || [ -z "$b" ]; then
    echo "scan-instructions: valgrind did not finish on $name (see $out/$key.*.err)" >&2
    exit 1
  fi
  printf "%-26s %16s %16s %8.3f\n" "$name" "$a" "$b" "$(echo "$b / $a" | bc -l)"
done
