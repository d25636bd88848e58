#!/usr/bin/env bash
# The whole test suite: unit, fixture and oracle tests, then the HCL specification conformance run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# terraform prints a warning on every call without a CLI config; give it an empty one.
export TF_CLI_CONFIG_FILE="${TF_CLI_CONFIG_FILE:-$PWD/scripts/terraformrc}"
swift build --build-tests
swift test --skip-build
bench/hcl-specsuite.sh
