#!/usr/bin/env bash
# Formats the Swift sources with the toolchain's swift-format and the checked-in .swift-format.
#   scripts/format.sh           rewrite the files in place
#   scripts/format.sh --check   change nothing; exit 1 and list the files that are not formatted
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Package.swift Sources Tests Tools Benchmarks Plugins)
case "${1:-}" in
  "") swift format format --in-place --recursive --parallel "${paths[@]}" ;;
  --check)
    out=$(swift format lint --strict --recursive --parallel "${paths[@]}" 2>&1) || {
      echo "$out" | head -40 >&2
      echo "format: files are not formatted; run scripts/format.sh" >&2
      exit 1
    }
    ;;
  *) echo "usage: scripts/format.sh [--check]" >&2; exit 2 ;;
esac
