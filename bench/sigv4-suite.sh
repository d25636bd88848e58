#!/usr/bin/env bash
# Runs AWS's published SigV4 test suite against Bulwark's signer and prints passed/total.
# The suite is not vendored: it is read from $BULWARK_SIGV4_SUITE or ../shared/testdata/aws-sigv4-suite
# (relative to the repository root). Apache-2.0, see the LICENSE file in that directory.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
suite="${BULWARK_SIGV4_SUITE:-$root/../shared/testdata/aws-sigv4-suite}"
if [ ! -d "$suite" ]; then
  echo "sigv4-suite: suite directory not found: $suite (set BULWARK_SIGV4_SUITE)" >&2
  exit 2
fi
cd "$root"
swift build --product sigv4-suite >/dev/null
exec "$(swift build --show-bin-path)/sigv4-suite" "$suite"
