#!/usr/bin/env bash
# `bulwark fix` against its anchor, `bulwark scan` of the same tree, side by side in one run.
# Usage: bench/fix-bench.sh [COUNT…]   (default: 2000 4000 20000)
# Each COUNT tree is one root module whose COUNT resources all fail BLW-AWS-EC2-003 (an aws_ebs_volume without
# `encrypted`, a check with a fix), all in one main.tf (PER_FILE=N puts N in each file); then, unless SYNTHETIC=0,
# the tree of bench/gen_tree.py (100 root modules, 10 shared modules, every check). `scan -o json` and `fix` (which
# writes a fresh copy of the tree) run with the same checks. Wall time is noisy on a shared machine, CPU time (user +
# system) much less, so both are printed with their ratio fix ÷ scan; every fixable finding must be fixed.
# BULWARK_BIN=path/to/bulwark uses an existing binary instead of building release.
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(2000 4000 20000)
checks=$PWD/checks
if [ -n "${BULWARK_BIN:-}" ]; then
  bin=$BULWARK_BIN
else
  swift build -c release --product bulwark >/dev/null
  bin=$PWD/.build/release/bulwark
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

volumes() { # COUNT DIR
  python3 bench/gen_volumes.py "$1" "$2" "${PER_FILE:-0}"
}

timed() { # OUT command… → "wall cpu maxRSS_KB status"
  local out=$1
  shift
  local status=0
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$out" 2>"$out.err" || status=$?
  tail -1 "$work/time" | awk -v s=$status '{ printf "%s %.2f %s %s\n", $1, $2 + $3, $4, s }'
}

row() { # LABEL TREE SCAN_ARGS… -- FIX_ARGS…
  local label=$1 tree=$2
  shift 2
  local scan_args=() fix_args=()
  while [ "$1" != -- ]; do scan_args+=("$1"); shift; done
  shift
  fix_args=("$@")
  read -r scan_wall scan_cpu _ scan_status < <(timed "$work/scan.out" "$bin" scan --checks-dir "$checks" \
    "${scan_args[@]}" -o json:"$work/scan.json" "$tree")
  [ "$scan_status" -le 1 ] || { echo "scan of $label failed ($scan_status):" >&2; head -5 "$work/scan.out.err" >&2; exit 1; }
  rm -rf "$work/fix"
  cp -r "$tree" "$work/fix"
  read -r fix_wall fix_cpu fix_kb fix_status < <(timed "$work/fix.json" "$bin" fix --checks-dir "$checks" -f json \
    "${fix_args[@]}" "$work/fix")
  [ "$fix_status" -le 1 ] || { echo "fix of $label failed ($fix_status):" >&2; head -5 "$work/fix.json.err" >&2; exit 1; }
  local fixed manual
  read -r fixed manual < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(len(r["fixed"]), len(r["manual"]))' "$work/fix.json")
  awk -v l="$label" -v f="$fixed" -v m="$manual" -v sw="$scan_wall" -v fw="$fix_wall" -v sc="$scan_cpu" -v fc="$fix_cpu" \
    -v kb="$fix_kb" 'BEGIN { printf "%-10s %7s %7s %8s %8s %6.2f %8s %8s %6.2f %8d\n", l, f, m, sw, fw, fw / sw, sc, fc, fc / sc, kb / 1024 }'
}

echo "binary: $bin"
printf '%-10s %7s %7s %8s %8s %6s %8s %8s %6s %8s\n' tree fixed manual scan_s fix_s ratio scan_cpu fix_cpu ratio fix_MB
for n in "${counts[@]}"; do
  volumes "$n" "$work/tree-$n"
  row "$n" "$work/tree-$n" --check BLW-AWS-EC2-003 -- --check BLW-AWS-EC2-003
  [ "$(cat "$work"/fix/*.tf | grep -c 'encrypted *= true')" -eq "$n" ] || { echo "fix of $n volumes left some unfixed" >&2; exit 1; }
  rm -rf "$work/tree-$n"
done
if [ "${SYNTHETIC:-1}" != 0 ]; then
  python3 bench/gen_tree.py "$work/synthetic" >/dev/null
  row synthetic "$work/synthetic" -- --admin-cidr 10.20.0.0/16
fi
