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
# error makes the scan exit non-zero. The full human report is printed only then.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
summary() {
  jq -r '.summary | "\(.failed) failed, \(.passed) passed, \(.unknown) unknown, \(.skipped) skipped, \(.load_errors) load errors (\(.resources) resources)"' "$1"
}
echo "check-terraform: bulwark scan terraform/"
status=0
"$bulwark" scan terraform/ -o "json:$work/report.json" || status=$?
echo "check-terraform: scan: $(summary "$work/report.json")"
jq -r '.results[] | select(.verdict == "SKIPPED") | "check-terraform:   skipped \(.check_id) \(.resource): \(.reason)"' "$work/report.json"
if [ "$status" -ne 0 ]; then
  "$bulwark" scan terraform/ -o human || true
  echo "check-terraform: bulwark scan terraform/ exited $status" >&2
  exit 1
fi

# The gate can fail: the same tree without one accepted exception must exit 1 with exactly that finding.
cp -R terraform "$work/tree"
sed -i '/bulwark:skip=BLW-AWS-SECRETSMANAGER-001/d' "$work/tree/aws/secrets.tf"
status=0
"$bulwark" scan "$work/tree" -o "json:$work/negative.json" >/dev/null || status=$?
failed="$(jq -r '[.results[] | select(.verdict == "FAILED") | .check_id] | unique | join(",")' "$work/negative.json")"
if [ "$status" -ne 1 ] || [ "$failed" != "BLW-AWS-SECRETSMANAGER-001" ]; then
  echo "check-terraform: without its skip the tree should fail BLW-AWS-SECRETSMANAGER-001 only (exit $status, failed: $failed)" >&2
  exit 1
fi
echo "check-terraform: without the rotation skip: $(summary "$work/negative.json") (exit 1, as it must)"

for example in terraform/examples/*/; do
  echo "check-terraform: bulwark inspect $example"
  "$bulwark" inspect "$example" --format summary
done
# ... and so can the load: an example with a broken block must make inspect exit 2.
printf 'resource "aws_s3_bucket" "broken" {\n' >>"$work/tree/examples/aws/main.tf"
status=0
"$bulwark" inspect "$work/tree/examples/aws/" --format summary >/dev/null 2>&1 || status=$?
if [ "$status" -ne 2 ]; then
  echo "check-terraform: inspect of a broken example should exit 2, exited $status" >&2
  exit 1
fi
echo "check-terraform: a broken example makes inspect exit 2, as it must"
echo "check-terraform: ok"
