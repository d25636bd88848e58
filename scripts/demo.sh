#!/usr/bin/env bash
# The main job on the bundled example: one reconcile cycle of desired-state/bulwark.yaml — fetch this
# repository's own `main` into a bare cache, scan desired-state/terraform straight from the object database,
# store the scan, findings lifecycle and CIS compliance per commit in the embedded SQLite database
# (.bulwark/bulwark.db), then print the target status and the stored compliance report.
# Extra arguments go to `bulwark reconcile` (e.g. --force, --log-level debug).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# The flags of scripts/release.sh: the demo runs the binary that ships, and CI compiles the release build once.
swift build -c release --static-swift-stdlib --product bulwark
bin=.build/release/bulwark
# A fresh clone has `main` checked out; elsewhere, make sure the branch the config names exists.
git rev-parse --verify -q main >/dev/null || { echo "demo: the repository has no 'main' branch to reconcile" >&2; exit 2; }
status=0
"$bin" reconcile --once --config desired-state/bulwark.yaml "$@" || status=$?
echo "bulwark reconcile exited with $status (0: every target Ready, 1: a target failed, 2: usage or config error)"
[ "$status" -eq 0 ] || exit "$status"
"$bin" status
