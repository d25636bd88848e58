#!/usr/bin/env bash
# Builds and runs one libFuzzer target for a given time.
#   fuzz/run.sh FuzzHCLParser 600     # seconds
#   fuzz/run.sh FuzzPlanReader 600
#   fuzz/run.sh FuzzControllerConfig 600   # also FuzzActivityLogs, FuzzCloudParsers, FuzzAWSDiscovery,
#                                          # FuzzAzureDiscovery, FuzzCheckYAML
#   fuzz/run.sh FuzzCheckYAML 1800 1000000  # stops at 1,000,000 executions or 1800 s, whichever comes first
#   fuzz/run.sh FuzzAWSDiscovery 1800 1000000 -detect_leaks=0   # further arguments go to libFuzzer
# Seeds come from the test fixtures; new corpus entries go to fuzz/corpus-TARGET (ignored by git),
# crashes to fuzz/out/. Prints libFuzzer's final "Done N runs in S second(s)" line.
set -euo pipefail
cd "$(dirname "$0")"
target="${1:?target: FuzzHCLParser, FuzzPlanReader, FuzzControllerConfig, FuzzActivityLogs, FuzzCloudParsers, FuzzAWSDiscovery, FuzzAzureDiscovery or FuzzCheckYAML}"
seconds="${2:-60}"
runs="${3:--1}"
swift build -c release -Xswiftc -sanitize=address \
  -Xswiftc -sanitize-coverage=edge,indirect-calls,trace-cmp,inline-8bit-counters,pc-table -Xswiftc -parse-as-library \
  --product "$target" >&2
corpus="corpus-$target"
mkdir -p "$corpus" out
seeds=()
case "$target" in
  FuzzHCLParser) seeds=(../Tests/HCLTests/Fixtures ../desired-state) ;;
  FuzzPlanReader) seeds=(../Tests/TerraformTests/Fixtures/plan ../Tests/TerraformTests/Fixtures/state) ;;
  FuzzControllerConfig) seeds=(../desired-state ../Tests/ScannerTests/Fixtures/baseline.json) ;;
  FuzzCheckYAML) seeds=(../checks/aws ../checks/azure ../Tests/ChecksTests/Fixtures/checks) ;;
  FuzzActivityLogs) seeds=(seeds/activity-logs) ;;
  FuzzCloudParsers | FuzzAWSDiscovery | FuzzAzureDiscovery) seeds=(seeds/cloud-responses ../Tests/AzureTests/Fixtures) ;;
esac
for s in "${seeds[@]}"; do
  [ -e "$s" ] && find "$s" -type f \( -name '*.tf' -o -name '*.json' -o -name '*.tfvars' -o -name '*.tftpl' -o -name '*.yaml' \
    -o -name '*.xml' -o -name '*.jsonl' \) -size -64k -exec cp {} "$corpus"/ \;
done
./.build/release/"$target" "$corpus" -max_total_time="$seconds" -runs="$runs" -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=out/ -print_final_stats=1 "${@:4}" 2>&1 | tee "out/$target.log" | grep -E "Done [0-9]+ runs|ERROR|crash|stat::number_of_executed_units" || true
