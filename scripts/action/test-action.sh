#!/usr/bin/env bash
# Runs the composite action's shell steps (install.sh, scan.sh) as a GitHub runner would: GITHUB_* variables,
# the GITHUB_OUTPUT/GITHUB_STEP_SUMMARY/GITHUB_PATH files in a temporary directory, inputs as INPUT_* variables,
# against desired-state/terraform. Each case states what must hold; the closing line counts the cases.
#   scripts/action/test-action.sh [BULWARK_BINARY]     default: .build/debug/bulwark
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$PWD"
binary="$(cd "$(dirname "${1:-.build/debug/bulwark}")" && pwd)/$(basename "${1:-.build/debug/bulwark}")"
[ -x "$binary" ] || { echo "test-action: $binary not built (swift build)" >&2; exit 2; }

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok: $1"; }
fail() { failed=$((failed + 1)); echo "FAILED: $1" >&2; }
check() { if eval "$2"; then pass "$1"; else fail "$1"; fi; }

# A fresh runner: empty command files, a workspace holding a copy of the scanned tree, bulwark on PATH or not.
runner() {
  local dir="$root/$1"
  mkdir -p "$dir/temp" "$dir/bin" "$dir/workspace"
  : >"$dir/output"
  : >"$dir/summary"
  : >"$dir/path"
  cp -R "$repo/desired-state" "$dir/workspace/"
  export GITHUB_OUTPUT="$dir/output" GITHUB_STEP_SUMMARY="$dir/summary" GITHUB_PATH="$dir/path"
  export RUNNER_TEMP="$dir/temp" GITHUB_WORKSPACE="$dir/workspace" GITHUB_ACTION_PATH="$repo"
  export GITHUB_ACTIONS=true GITHUB_SERVER_URL=https://github.com GITHUB_REPOSITORY=acme/infra
  export BULWARK_CHECKS_DIR="$repo/checks"
  PATH="$dir/bin:/usr/local/bin:/usr/bin:/bin"
  unset INPUT_PATH INPUT_FRAMEWORK INPUT_FAIL_ON INPUT_BASELINE INPUT_OUTPUT_FORMATS INPUT_SARIF_FILE
  unset BULWARK_VERSION BULWARK_RELEASE_URL ACTION_REPOSITORY
  cd "$dir/workspace"
}
output() { sed -n "s/^$1=//p" "$GITHUB_OUTPUT" | tail -1; }

# What bulwark itself reports for the same input: the action must pass these numbers on unchanged.
"$binary" scan --checks-dir "$repo/checks" -o "json:$root/expected.json" "$repo/desired-state/terraform" >/dev/null || true
expected_failed="$(jq '.summary.failed' "$root/expected.json")"
expected_passed="$(jq '.summary.passed' "$root/expected.json")"
expected_unknown="$(jq '.summary.unknown' "$root/expected.json")"

# 1. bulwark from PATH, default inputs plus a SARIF file and two further reports.
runner path
ln -s "$binary" "$root/path/bin/bulwark"
check "install without version uses bulwark on PATH" "\"$repo/scripts/action/install.sh\" >/dev/null"
status=0
INPUT_PATH=desired-state/terraform INPUT_SARIF_FILE=bulwark.sarif INPUT_OUTPUT_FORMATS="junit:bulwark.xml, csv:bulwark.csv" \
  "$repo/scripts/action/scan.sh" >"$root/path/stdout" 2>&1 || status=$?
check "scan exits 1 on the fixture's failed findings" "[ $status -eq 1 ]"
check "exit-code output is bulwark's status" "[ \"\$(output exit-code)\" = 1 ]"
check "failed count matches bulwark's JSON ($expected_failed)" "[ \"\$(output failed)\" = '$expected_failed' ] && [ '$expected_failed' -gt 0 ]"
check "passed count matches bulwark's JSON ($expected_passed)" "[ \"\$(output passed)\" = '$expected_passed' ]"
check "unknown count matches bulwark's JSON ($expected_unknown)" "[ \"\$(output unknown)\" = '$expected_unknown' ]"
check "every count output is a number" "grep -Eq '^total=[0-9]+$' \"\$GITHUB_OUTPUT\" && grep -Eq '^load-errors=0$' \"\$GITHUB_OUTPUT\""
check "summary is bulwark's Markdown report with the same count" "grep -q '^## Bulwark scan: $expected_failed failed' \"\$GITHUB_STEP_SUMMARY\""
check "summary names every failed check" "jq -r '.results[] | select(.verdict == \"FAILED\") | .check_id' \"$root/expected.json\" | sort -u | while read -r id; do grep -q \"| \$id |\" \"\$GITHUB_STEP_SUMMARY\" || exit 1; done"
check "SARIF 2.1.0 written and named in the outputs" "[ \"\$(output sarif-file)\" = bulwark.sarif ] && [ \"\$(jq -r .version bulwark.sarif)\" = 2.1.0 ]"
check "SARIF carries one result per failed finding" "[ \"\$(jq '.runs[0].results | length' bulwark.sarif)\" = '$expected_failed' ]"
check "further reports written" "[ -s bulwark.xml ] && head -1 bulwark.csv | grep -q ','"
check "human report on the log" "[ -s \"$root/path/stdout\" ]"

# 2. fail-on critical: only critical failures fail the step; the counts stay the same.
runner critical
ln -s "$binary" "$root/critical/bin/bulwark"
critical_failed="$(jq '.summary.by_severity.critical.failed' "$root/expected.json")"
status=0
INPUT_PATH=desired-state/terraform INPUT_FAIL_ON=critical "$repo/scripts/action/scan.sh" >/dev/null 2>&1 || status=$?
if [ "$critical_failed" -gt 0 ]; then want=1; else want=0; fi
check "fail-on critical exits $want ($critical_failed critical failed)" "[ $status -eq $want ]"
check "fail-on does not change the counts" "[ \"\$(output failed)\" = '$expected_failed' ]"
check "no SARIF output without sarif-file" "! grep -q '^sarif-file=' \"\$GITHUB_OUTPUT\""

# 3. A baseline of the current findings: nothing new, the step passes and reports the baselined count.
runner baseline
ln -s "$binary" "$root/baseline/bin/bulwark"
"$binary" scan --checks-dir "$repo/checks" --create-baseline baseline.json desired-state/terraform >/dev/null 2>&1 || true
status=0
INPUT_PATH=desired-state/terraform INPUT_BASELINE=baseline.json "$repo/scripts/action/scan.sh" >/dev/null 2>&1 || status=$?
check "baseline hides known findings (exit 0, failed=0)" "[ $status -eq 0 ] && [ \"\$(output failed)\" = 0 ]"
check "baselined count output" "[ \"\$(output baselined)\" = '$expected_failed' ]"

# 4. Bad inputs are refused before bulwark runs, with an error annotation.
runner inputs
ln -s "$binary" "$root/inputs/bin/bulwark"
status=0
INPUT_FAIL_ON=severe "$repo/scripts/action/scan.sh" >"$root/inputs/err" 2>&1 || status=$?
check "unknown fail-on refused (exit 2)" "[ $status -eq 2 ] && grep -q '::error' \"$root/inputs/err\""
status=0
INPUT_OUTPUT_FORMATS="pdf:report.pdf" "$repo/scripts/action/scan.sh" >"$root/inputs/err" 2>&1 || status=$?
check "unknown output format refused (exit 2)" "[ $status -eq 2 ] && grep -q 'output-formats' \"$root/inputs/err\""
status=0
INPUT_BASELINE=missing.json "$repo/scripts/action/scan.sh" >"$root/inputs/err" 2>&1 || status=$?
check "missing baseline file refused (exit 2)" "[ $status -eq 2 ]"
check "refused inputs write no counts" "[ ! -s \"\$GITHUB_OUTPUT\" ]"

# 5. No bulwark on PATH and no version: the install step says so.
runner nobinary
status=0
"$repo/scripts/action/install.sh" >"$root/nobinary/err" 2>&1 || status=$?
check "install without version or PATH binary fails clearly" "[ $status -ne 0 ] && grep -q 'no bulwark on PATH' \"$root/nobinary/err\""

# 6. A release download (file:// stands in for the release URL): verified archive installs, a wrong digest does not.
release="$root/release"
mkdir -p "$release/stage"
cp "$binary" "$release/stage/bulwark"
tar -czf "$release/bulwark-9.8.7-linux-x86_64.tar.gz" -C "$release/stage" bulwark
(cd "$release" && sha256sum bulwark-9.8.7-linux-x86_64.tar.gz >bulwark-9.8.7-linux-x86_64.tar.gz.sha256)
runner download
status=0
BULWARK_VERSION=9.8.7 BULWARK_RELEASE_URL="file://$release" "$repo/scripts/action/install.sh" >/dev/null 2>&1 || status=$?
installed="$(cat "$GITHUB_PATH")"
check "release with a matching .sha256 installs" "[ $status -eq 0 ] && [ -x \"$installed/bulwark\" ]"
PATH="$installed:$PATH"
status=0
INPUT_PATH=desired-state/terraform "$repo/scripts/action/scan.sh" >/dev/null 2>&1 || status=$?
check "downloaded binary scans like the original" "[ $status -eq 1 ] && [ \"\$(output failed)\" = '$expected_failed' ]"
runner tampered
echo "0000000000000000000000000000000000000000000000000000000000000000  bulwark-9.8.7-linux-x86_64.tar.gz" \
  >"$release/bulwark-9.8.7-linux-x86_64.tar.gz.sha256"
status=0
BULWARK_VERSION=9.8.7 BULWARK_RELEASE_URL="file://$release" "$repo/scripts/action/install.sh" >"$root/tampered/err" 2>&1 || status=$?
check "release with a wrong .sha256 is refused" "[ $status -ne 0 ] && grep -q 'checksum mismatch' \"$root/tampered/err\" && [ ! -s \"\$GITHUB_PATH\" ]"
status=0
BULWARK_VERSION="1.0; rm -rf /" "$repo/scripts/action/install.sh" >"$root/tampered/err" 2>&1 || status=$?
check "a version that is not X.Y.Z is refused" "[ $status -ne 0 ] && grep -q 'not a release version' \"$root/tampered/err\""

echo "action: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
