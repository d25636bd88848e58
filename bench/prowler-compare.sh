#!/usr/bin/env bash
# Prowler 5.46.0 vs `bulwark discover --check` on one moto account seeded with a scripted estate
# (Tests/DiscoveryTests/Fixtures/seed_moto.py, seed_moto_inventory.py and seed_moto_data.py --scale N,
# seed_moto_account.py and seed_moto_edge.py: ≥ 300 resources over the services below, with known
# misconfigurations). Prints wall time and peak RSS of each, verdict agreement per resource for every Prowler check
# mapped in docs/live-coverage.md, every difference, and the Prowler checks with results but no Bulwark equivalent.
# Usage: bench/prowler-compare.sh [SCALE]   (default 8)
# Overrides: PROWLER (the prowler executable), BULWARK_BIN (a built bulwark instead of the release build);
# KEEP=DIR copies both tools' outputs there, to look into a difference.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scale="${1:-8}"
source "$root/bench/moto-env.sh"
prowler="${PROWLER:-/work/venvs/prowler/bin/prowler}"
version="$("$prowler" --version 2>/dev/null | tail -1)"
[ "$version" = "Prowler 5.46.0" ] || { echo "expected Prowler 5.46.0, $prowler is '$version'" >&2; exit 2; }
if [ -n "${BULWARK_BIN:-}" ]; then
  bin=$BULWARK_BIN
else
  (cd "$root" && swift build -c release --product bulwark >/dev/null)
  bin="$root/.build/release/bulwark"
fi
work="$(mktemp -d)"
start_moto "$work"
# moto has no IAM Access Analyzer: both tools read a stand-in answering that the account has no analyzer.
"$python" "$root/bench/access_analyzer_fake.py" >"$work/analyzer.port" &
analyzer_pid=$!
trap 'kill $moto_pid $analyzer_pid 2>/dev/null || true; wait $moto_pid 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 50); do [ -s "$work/analyzer.port" ] && break; sleep 0.1; done
export AWS_ENDPOINT_URL_ACCESSANALYZER="http://127.0.0.1:$(cat "$work/analyzer.port")"

echo "seeding moto (scale $scale)..." >&2
"$python" "$root/Tests/DiscoveryTests/Fixtures/seed_moto.py" >/dev/null
"$python" "$root/Tests/DiscoveryTests/Fixtures/seed_moto_inventory.py" --scale "$scale" >/dev/null
"$python" "$root/Tests/DiscoveryTests/Fixtures/seed_moto_account.py" >/dev/null
"$python" "$root/Tests/DiscoveryTests/Fixtures/seed_moto_data.py" --scale "$scale" >/dev/null
"$python" "$root/Tests/DiscoveryTests/Fixtures/seed_moto_edge.py" >/dev/null

services=(s3 ec2 vpc iam rds kms cloudtrail config cloudwatch elbv2 sns sqs dynamodb secretsmanager ssm ecr ecs
  awslambda guardduty efs securityhub accessanalyzer account organizations backup acm route53 eks elasticache
  opensearch redshift cloudfront apigateway apigatewayv2 wafv2)
"$python" "$root/bench/measure_peak.py" prowler "$work/prowler.log" \
  "$prowler" aws --services "${services[@]}" -f "$AWS_REGION" --output-formats json-ocsf -o "$work/prowler" \
  --no-banner >"$work/times"
"$python" "$root/bench/measure_peak.py" bulwark "$work/bulwark.json" \
  "$bin" discover --cloud aws --regions "$AWS_REGION" --check -o json --checks-dir "$root/checks" >>"$work/times"
"$python" "$root/bench/foreign_resources.py" >"$work/foreign"
if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp -r "$work/prowler" "$work/bulwark.json" "$KEEP/"; fi
"$python" "$root/bench/prowler_compare.py" "$root/docs/live-coverage.md" "$work/prowler" "$work/bulwark.json" \
  "$root/checks" "$work/times" "$work/foreign"
