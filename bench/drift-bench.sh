#!/usr/bin/env bash
# Drift diff benchmark: 10k state resources vs ~10k live resources (90% matching, every 10th changed, 5% missing,
# 5% unmanaged), timed for the hash-join DriftDetector and for a naive nested-loop matcher on the same data.
# Usage: bench/drift-bench.sh [COUNT]   (default 10000). Builds the drift-bench tool in release mode.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product drift-bench >&2
"$(swift build -c release --show-bin-path)/drift-bench" "${1:-10000}"
