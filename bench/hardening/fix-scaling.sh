#!/usr/bin/env bash
# How `bulwark fix` scales with the number of resources, against `bulwark scan` of the same tree.
# Usage: bench/hardening/fix-scaling.sh BIN [COUNT…]   (default counts: 2000 4000 20000)
# Each tree is one root module whose resources all fail BLW-AWS-EC2-003 (an aws_ebs_volume without
# `encrypted`), a check with a `fix:`; PER_FILE resources go in each .tf file (default: all in main.tf, the case
# where an edit once re-parsed the whole file). `fix` writes a fresh copy of the tree each time.
# Prints: resources  scan_s  fix_s  ratio (fix/scan)  maxRSS_KB (of fix); a run over TIMEOUT seconds (default
# 300) prints "timeout" for its time.
set -euo pipefail
bin=${1:?usage: fix-scaling.sh BIN [COUNT…]}
shift
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(2000 4000 20000)
checks=$(cd "$(dirname "$0")/../.." && pwd)/checks
limit=${TIMEOUT:-300}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

generate() { # COUNT DIR
  python3 "$(dirname "$0")/../gen_volumes.py" "$1" "$2" "${PER_FILE:-0}"
}

timed() { # OUTFILE command… → "seconds KB" or "timeout KB"
  local out=$1
  shift
  local status=0
  /usr/bin/time -f '%e %M' -o "$work/time" timeout "$limit" "$@" >"$out" 2>&1 || status=$?
  if [ $status -eq 124 ]; then echo "timeout $(tail -1 "$work/time" | awk '{print $2}')"; else tail -1 "$work/time"; fi
}

printf '%-10s %8s %8s %7s %10s\n' resources scan_s fix_s ratio maxRSS_KB
for n in "${counts[@]}"; do
  generate "$n" "$work/tree-$n"
  read -r scan_s _ < <(timed "$work/scan.out" "$bin" scan --checks-dir "$checks" --check BLW-AWS-EC2-003 -o json:"$work/scan.json" "$work/tree-$n")
  rm -rf "$work/fix-$n"
  cp -r "$work/tree-$n" "$work/fix-$n"
  read -r fix_s fix_kb < <(timed "$work/fix.out" "$bin" fix --checks-dir "$checks" --check BLW-AWS-EC2-003 "$work/fix-$n")
  fixed=$(cat "$work"/fix-"$n"/*.tf | grep -c 'encrypted *= true' || true)
  if [ "$fix_s" != timeout ] && [ "$fixed" -ne "$n" ]; then
    echo "fix of $n resources fixed $fixed:" >&2
    head -5 "$work/fix.out" >&2
  fi
  ratio=$(awk -v f="$fix_s" -v s="$scan_s" 'BEGIN { if (f == "timeout" || s + 0 == 0) print "-"; else printf "%.2f", f / s }')
  printf '%-10s %8s %8s %7s %10s\n' "$n" "$scan_s" "$fix_s" "$ratio" "$fix_kb"
  rm -rf "$work/tree-$n" "$work/fix-$n"
done
