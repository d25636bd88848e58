#!/usr/bin/env bash
# The GitHub workflows and the composite action pass actionlint (with shellcheck on every run: block; the action's
# metadata is checked through the workflow that uses it as ./) and zizmor's offline audits, and the action's
# scripts pass shellcheck. Any finding fails.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "check-actions: actionlint ($(actionlint -version | head -1))"
actionlint -shellcheck shellcheck -pyflakes ""
echo "check-actions: zizmor --offline .github/ action.yml"
zizmor --offline --no-progress .github/ action.yml
echo "check-actions: shellcheck scripts/action/*.sh scripts/check-terraform.sh scripts/check-actions.sh"
shellcheck scripts/action/*.sh scripts/check-terraform.sh scripts/check-actions.sh
echo "check-actions: ok"
