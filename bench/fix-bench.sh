#!/usr/bin/env bash
# Fix-generation benchmark: `bulwark fix --dry-run -f json` over every finding of the synthetic large
# tree (bench/gen_tree.py, the tree the scan benchmarks use). Prints the fixes planned, the manual ones, the scan
# time, the planning time (edits + verification re-load/re-check) and the planning time per fix.
# BULWARK_BIN=path/to/bulwark uses an existing binary (e.g. the debug build) instead of building release.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p $out
[ -d $out/tree ] || python3 bench/gen_tree.py $out/tree
if [ -n "${BULWARK_BIN:-}" ]; then
  bin=$BULWARK_BIN
else
  swift build -c release --product bulwark >/dev/null
  bin=$PWD/.build/release/bulwark
fi
start=$(date +%s.%N)
status=0
"$bin" fix --dry-run -f json --admin-cidr 10.20.0.0/16 --checks-dir checks $out/tree >$out/fix-bench.json 2>$out/fix-bench.err || status=$?
end=$(date +%s.%N)
[ $status -le 1 ] || { echo "bulwark fix failed ($status):"; cat $out/fix-bench.err; exit 1; }
python3 - "$out/fix-bench.json" "$(echo "$end - $start" | bc -l)" "$bin" <<'PY'
import json, sys, collections
report = json.load(open(sys.argv[1]))
wall, binary = float(sys.argv[2]), sys.argv[3]
fixed, manual, timing = report["fixed"], report["manual"], report["timing"]
print(f"binary              {binary}")
print(f"fixes planned       {len(fixed)} in {len(report['files'])} files")
print(f"left manual         {len(manual)}")
print(f"scan                {timing['scanSeconds']:.3f} s")
print(f"plan (+ verify)     {timing['planSeconds']:.3f} s")
per = timing['planSeconds'] / len(fixed) * 1000 if fixed else 0
print(f"per fix             {per:.3f} ms")
print(f"wall (whole run)    {wall:.3f} s")
print("fixes by check:     " + ", ".join(f"{k} {v}" for k, v in sorted(collections.Counter(f["checkID"] for f in fixed).items())))
reasons = collections.Counter(m["reason"].split(" (")[0] for m in manual)
for reason, count in reasons.most_common(6):
    print(f"  manual x{count}: {reason}")
PY
