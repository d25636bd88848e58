#!/usr/bin/env bash
# The scan step of the composite action (action.yml): runs `bulwark scan`, appends the Markdown summary to
# GITHUB_STEP_SUMMARY, writes the counts to GITHUB_OUTPUT, and exits with bulwark's status.
# Inputs arrive as environment variables (never interpolated into the script):
#   INPUT_PATH, INPUT_FRAMEWORK, INPUT_FAIL_ON, INPUT_BASELINE, INPUT_OUTPUT_FORMATS, INPUT_SARIF_FILE
set -euo pipefail

fail() {
  echo "::error title=bulwark action::$*" >&2
  exit 2
}

: "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
: "${GITHUB_STEP_SUMMARY:?GITHUB_STEP_SUMMARY is not set}"
command -v jq >/dev/null || fail "jq is required to read the scan's counts"

path="${INPUT_PATH:-.}"
fail_on="${INPUT_FAIL_ON:-low}"
case "$fail_on" in
  critical | high | medium | low) ;;
  *) fail "fail-on must be critical, high, medium or low, not '$fail_on'" ;;
esac

work="$(mktemp -d "${RUNNER_TEMP:-/tmp}/bulwark-scan.XXXXXX")"
args=(scan --fail-on "$fail_on" -o human -o "json:$work/report.json" -o "markdown:$work/summary.md")
[ -n "${INPUT_FRAMEWORK:-}" ] && args+=(--framework "$INPUT_FRAMEWORK")
if [ -n "${INPUT_BASELINE:-}" ]; then
  [ -f "$INPUT_BASELINE" ] || fail "baseline file '$INPUT_BASELINE' does not exist"
  args+=(--baseline "$INPUT_BASELINE")
fi
sarif="${INPUT_SARIF_FILE:-}"
[ -n "$sarif" ] && args+=(-o "sarif:$sarif")

# Further outputs: FORMAT:FILE items separated by commas, spaces or newlines (standard output is taken by human).
items=()
IFS=$', \t\n' read -r -d '' -a items <<<"${INPUT_OUTPUT_FORMATS:-}" || true
for item in "${items[@]}"; do
  [[ "$item" =~ ^(json|sarif|junit|csv|markdown|human):.+$ ]] \
    || fail "output-formats item '$item' is not FORMAT:FILE with FORMAT one of json, sarif, junit, csv, markdown, human"
  args+=(-o "$item")
done
args+=(-- "$path")

set +e
bulwark "${args[@]}"
status=$?
set -e

if [ -s "$work/summary.md" ]; then
  cat "$work/summary.md" >>"$GITHUB_STEP_SUMMARY"
fi
if [ -s "$work/report.json" ]; then
  jq -r '.summary | "failed=\(.failed)", "passed=\(.passed)", "unknown=\(.unknown)", "skipped=\(.skipped)",
    "total=\(.total)", "baselined=\(.baselined)", "resources=\(.resources)", "load-errors=\(.load_errors)"' \
    "$work/report.json" >>"$GITHUB_OUTPUT"
else
  echo "::warning title=bulwark action::the scan wrote no report (exit status $status)" >&2
fi
if [ -n "$sarif" ] && [ -s "$sarif" ]; then
  echo "sarif-file=$sarif" >>"$GITHUB_OUTPUT"
fi
echo "exit-code=$status" >>"$GITHUB_OUTPUT"
rm -rf "$work"
exit "$status"
