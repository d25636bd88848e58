#!/usr/bin/env bash
# The main job on the bundled example: scan desired-state/terraform (every root module in it) with the
# check library, print findings and the CIS compliance summaries. Extra arguments go to `bulwark scan`
# (e.g. -o json, -o sarif:results.sarif). The example has findings on purpose, so the scan exits 1;
# this script reports that status instead of failing on it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product bulwark
status=0
.build/release/bulwark scan desired-state/terraform "$@" || status=$?
echo "bulwark scan exited with $status (0: nothing at or above --fail-on, 1: findings, 2: usage or load error)"
[ "$status" -le 1 ]
