#!/usr/bin/env bash
# The whole test suite: the formatting check, unit, fixture and oracle tests, the suites that start real servers,
# the checks of terraform/, .github/ and action.yml, then the HCL specification conformance run.
#   scripts/test.sh              everything
#   scripts/test.sh --coverage   the same, with line coverage per target (docs/coverage.md) written to
#                                .build/coverage.txt and printed
set -euo pipefail
cd "$(dirname "$0")/.."
coverage=0
for arg in "$@"; do
  case "$arg" in
    --coverage) coverage=1 ;;
    *) echo "usage: scripts/test.sh [--coverage]" >&2; exit 2 ;;
  esac
done
scripts/install-deps.sh
scripts/format.sh --check
# Every target declares exactly the modules it imports.
scripts/check-imports.py
# The Containerfile's stages, user, health check and runtime packages (no container engine runs here).
scripts/check-containerfile.py
# terraform prints a warning on every call without a CLI config; give it an empty one.
export TF_CLI_CONFIG_FILE="${TF_CLI_CONFIG_FILE:-$PWD/scripts/terraformrc}"
if [ "$coverage" -eq 1 ]; then
  swift build --build-tests --enable-code-coverage
  swift test --skip-build --enable-code-coverage
  scripts/coverage-report.py "$(swift test --show-codecov-path)" | tee .build/coverage.txt
else
  swift build --build-tests
  swift test --skip-build
fi
# Bulwark's own deployment code and GitHub automation: scanned clean, linted, and the action run as a runner would.
scripts/check-terraform.sh
scripts/check-actions.sh
scripts/action/test-action.sh
# The API against its OpenAPI description: no 5xx, every response as the schema says.
scripts/schemathesis.sh
bench/hcl-specsuite.sh
