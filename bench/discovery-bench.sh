#!/usr/bin/env bash
# Discovery benchmark: starts moto on a free loopback port, seeds it with ≥5,000 resources across services
# (Tests/DiscoveryTests/Fixtures/seed_moto.py --scale N, boto3 with threads), runs
# `bulwark discover --cloud aws -o json` (release build) and prints wall time, API calls, calls per resource and
# per service/operation, flagging operations whose call count grows with the resource count (N+1).
# Usage: bench/discovery-bench.sh [SCALE]   (default 600 → about 6,000 resources)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
scale="${1:-600}"
source "$root/bench/moto-env.sh"
work="$(mktemp -d)"
start_moto "$work"
trap 'kill $moto_pid 2>/dev/null || true; wait $moto_pid 2>/dev/null || true; rm -rf "$work"' EXIT

echo "seeding moto (scale $scale)..."
seed_start=$(date +%s.%N)
"$python" "$root/Tests/DiscoveryTests/Fixtures/seed_moto.py" --scale "$scale" >/dev/null
seed_end=$(date +%s.%N)
echo "seeded in $(echo "$seed_end - $seed_start" | bc) s"

cd "$root"
swift build -c release --product bulwark >/dev/null
bin="$(swift build -c release --show-bin-path)/bulwark"
start=$(date +%s.%N)
"$bin" discover --cloud aws -o json >"$work/out.json"
end=$(date +%s.%N)
wall=$(echo "$end - $start" | bc)
"$python" - "$work/out.json" "$wall" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
wall = float(sys.argv[2])
resources = data["resource_count"]
calls = data["api_calls"]
by_type = {}
for r in data["resources"]:
    by_type[r["type"]] = by_type.get(r["type"], 0) + 1
print(f"resources: {resources}   API calls: {calls}   calls/resource: {calls / max(resources, 1):.3f}   wall: {wall:.2f} s"
      f"   ({resources / wall:.0f} resources/s)")
print(f"errors (parts not read): {len(data['errors'])}")
print("\nresources by type:")
for t, n in sorted(by_type.items()):
    print(f"  {t:55s} {n:6d}")
print("\ncalls by service:")
for s, n in sorted(data["calls_by_service"].items()):
    print(f"  {s:12s} {n:6d}")
print("\ncalls by operation (N+1 = grows with the number of resources):")
buckets = by_type.get("aws_s3_bucket", 0)
forced = {  # operations the API forces per resource, and why
    "s3:Get": ("per bucket", buckets, "S3 has no batch read of bucket settings"),
    "kms:DescribeKey": ("per key", None, "ListKeys returns only IDs"),
    "kms:GetKeyRotationStatus": ("per customer key", None, "no list call returns rotation"),
    "iam:ListAccessKeys": ("per user with keys", None, "key IDs are not in the credential report"),
    "cloudtrail:Get": ("per trail", None, "status and selectors are per trail"),
}
for op, n in sorted(data["calls_by_operation"].items(), key=lambda kv: -kv[1]):
    note = ""
    for prefix, (what, _, why) in forced.items():
        if op.startswith(prefix) and n > 3:
            note = f"forced {what}: {why}"
    pages = {"logs:DescribeLogGroups": 50}  # list calls whose page size the API caps
    if not note and op in pages:
        note = f"pagination ({pages[op]} per page, API maximum)"
    if not note and n > 20:
        note = "N+1 WASTE?"
    print(f"  {op:48s} {n:6d}  {note}")
PY
