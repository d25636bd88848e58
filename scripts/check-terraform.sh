#!/usr/bin/env bash
# Bulwark's own deployment code passes Bulwark's checks: terraform/ is formatted, scans with no FAILED finding
# (an accepted exception carries `# bulwark:skip=ID reason`), and every example loads without an error.
#   scripts/check-terraform.sh [BULWARK_BINARY]     default: .build/debug/bulwark
set -euo pipefail
cd "$(dirname "$0")/.."
bulwark="${1:-.build/debug/bulwark}"
[ -x "$bulwark" ] || { echo "check-terraform: $bulwark not built (swift build)" >&2; exit 2; }
export TF_CLI_CONFIG_FILE="${TF_CLI_CONFIG_FILE:-$PWD/scripts/terraformrc}"

echo "check-terraform: terraform fmt -check -recursive terraform/"
terraform fmt -check -recursive terraform/

# The examples are the root modules (the modules they call are loaded through them); any FAILED finding or load
# error makes the scan exit non-zero.
report="$(mktemp)"
trap 'rm -f "$report"' EXIT
echo "check-terraform: bulwark scan terraform/"
status=0
"$bulwark" scan terraform/ -o human -o "json:$report" || status=$?
jq -r '.summary | "check-terraform: scan: \(.failed) failed, \(.passed) passed, \(.unknown) unknown, \(.skipped) skipped, \(.load_errors) load errors (\(.resources) resources)"' "$report"
if [ "$status" -ne 0 ]; then
  echo "check-terraform: bulwark scan terraform/ exited $status" >&2
  exit 1
fi

for example in terraform/examples/*/; do
  echo "check-terraform: bulwark inspect $example"
  "$bulwark" inspect "$example" --format summary
done
echo "check-terraform: ok"
