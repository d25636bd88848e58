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
# Swift Testing starts every test at once; on 2 cores the suites that each start moto, PostgreSQL or git daemon then
# starve one another until their servers miss deadlines. Six at a time finishes in the same wall time, with none starved.
export SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH="${SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH:-6}"
if [ "$coverage" -eq 1 ]; then
  swift build --build-tests --enable-code-coverage
  # One run, so that the coverage data is of every test (a second run would replace it).
  swift test --skip-build --enable-code-coverage
  scripts/coverage-report.py "$(swift test --show-codecov-path)" | tee .build/coverage.txt
else
  swift build --build-tests
  # Compares a throttled service's request rate between two runs: measured alone, after the rest, so that other
  # tests' load is not in its figures.
  alone='AdaptiveThrottlingTests'
  swift test --skip-build --skip "$alone"
  swift test --skip-build --filter "$alone"
fi
# Bulwark's own deployment code and GitHub automation: scanned clean, linted, and the action run as a runner would.
scripts/check-terraform.sh
scripts/check-actions.sh
scripts/action/test-action.sh
# The API against its OpenAPI description: no 5xx, every response as the schema says.
scripts/schemathesis.sh
bench/hcl-specsuite.sh
