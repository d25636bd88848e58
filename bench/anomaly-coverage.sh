#!/usr/bin/env bash
# Attack-technique coverage of the detection library: every technique of the harness (Stratus Red Team's AWS and
# Azure catalogues, and the GuardDuty CloudTrail-based finding families) is written as CloudTrail gzip objects /
# Activity Log exports, read back, and run through the detections alone (no model). Prints the table of
# docs/anomaly.md: technique, the detections that fired, and the time from the technique's first call to the call
# that raised its first alert. Then the same logs through `bulwark anomaly score` without a model, end to end.
# Target: every technique detected (exit 1 otherwise).
#
# Usage: bench/anomaly-coverage.sh [--detections-dir DIR]     (logs kept under bench/out/anomaly-coverage/)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out/anomaly-coverage
rm -rf "$out" && mkdir -p "$out/logs"

swift build -c release --product anomaly-coverage --build-path .build-release >/dev/null
swift build -c release --product bulwark --build-path .build-release >/dev/null

status=0
.build-release/release/anomaly-coverage --keep "$out/logs" "$@" | tee "$out/coverage.md" || status=$?

echo
echo "== the same logs through \`bulwark anomaly score\` without a model"
.build-release/release/bulwark anomaly score "$out/logs" "$@" -o json > "$out/alerts.jsonl" 2> "$out/score.txt" || true
cat "$out/score.txt"
echo "alerts by detection:"
python3 -c '
import json, sys, collections
c = collections.Counter(json.loads(l)["title"] for l in open(sys.argv[1]) if l.strip())
for title, n in sorted(c.items()): print(f"  {n:4d}  {title}")
' "$out/alerts.jsonl"
exit "$status"
