#!/usr/bin/env bash
# Streaming log ingestion end to end (gzip CloudTrail files → records → events → windows and profiles, and as
# `anomaly score` runs: detections on every event and every window scored by a model trained on two of the files),
# against the anchor of the usual script (Python: gzip + json.load of each file, one dict per record), on the SAME
# files in one run, all pinned to one core. Also scores with the reference reader (`JSONSerialization` for every
# record, as before the byte scanner) and checks that its alerts are byte-identical. Prints events per CPU-second
# (user + system) and peak RSS of each, the ratios, and the peak RSS of one 1 GB plain file (scored). Targets:
# ≥ 300k events per CPU-second from gzip; peak RSS ≤ 2× the largest gzip object's decompressed size and ≤ 500 MB for
# the 1 GB file.
#
# Usage: bench/anomaly-ingest-bench.sh [FILES] [RECORDS_PER_FILE]   (data under bench/out/ingest/, removed after)
set -euo pipefail
cd "$(dirname "$0")/.."
files="${1:-40}"
per_file="${2:-25000}"
out=bench/out/ingest
rm -rf "$out"
mkdir -p "$out/gz" "$out/plain"
trap 'rm -rf "$out/gz" "$out/plain"' EXIT

[ -n "${SKIP_BUILD:-}" ] || swift build -c release --product anomaly-bench --build-path .build-release >/dev/null
bin=.build-release/release/anomaly-bench

echo "== generating $files gzip CloudTrail files of $per_file records, and one 1 GB plain file"
python3 - "$out" "$files" "$per_file" <<'PY'
import gzip, json, random, sys
out, files, per_file = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(7)
users = [f"arn:aws:iam::111122223333:user/u{i}" for i in range(200)]
actions = [("ec2", "DescribeInstances"), ("s3", "GetObject"), ("iam", "ListRoles"), ("sts", "GetCallerIdentity"),
           ("secretsmanager", "GetSecretValue"), ("lambda", "UpdateFunctionCode20150331v2"), ("kms", "Decrypt")]
def record(t):
    svc, name = rng.choice(actions)
    user = rng.choice(users)
    return {"eventVersion": "1.09", "userIdentity": {"type": "IAMUser", "principalId": "AIDAEXAMPLE", "arn": user,
            "accountId": "111122223333", "accessKeyId": "AKIAEXAMPLE", "userName": user.rsplit("/", 1)[1]},
            "eventTime": "2026-03-02T%02d:%02d:%02dZ" % (t // 3600 % 24, t // 60 % 60, t % 60),
            "eventSource": svc + ".amazonaws.com", "eventName": name, "awsRegion": "us-east-1",
            "sourceIPAddress": "198.51.100.%d" % rng.randrange(1, 40), "userAgent": "aws-cli/2.15.%d" % rng.randrange(30),
            "requestParameters": {"instancesSet": {"items": [{"instanceId": "i-%08x" % rng.randrange(1 << 32)}]},
                                  "filterSet": {}}, "responseElements": None,
            "requestID": "%032x" % rng.randrange(1 << 128), "eventID": "%032x" % rng.randrange(1 << 128),
            "readOnly": name.startswith(("Describe", "Get", "List")), "eventType": "AwsApiCall",
            "managementEvent": True, "recipientAccountId": "111122223333", "eventCategory": "Management",
            "tlsDetails": {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256",
                           "clientProvidedHostHeader": svc + ".us-east-1.amazonaws.com"}}
t = 0
for f in range(files):
    recs = []
    for _ in range(per_file):
        recs.append(record(t)); t = (t + 1) % 86400
    rng.shuffle(recs)  # CloudTrail does not sort records inside a file
    name = "%s/gz/111122223333_CloudTrail_us-east-1_20260302T%02d%02dZ_%04d.json.gz" % (out, f // 60 % 24, f % 60, f)
    with gzip.open(name, "wt", compresslevel=6) as fh:
        json.dump({"Records": recs}, fh)
with open(out + "/plain/big.json", "w") as fh:
    fh.write('{"Records":[')
    size, n = 0, 0
    while size < 1 << 30:
        text = ("," if n else "") + json.dumps(record(n % 86400))
        fh.write(text); size += len(text); n += 1
    fh.write("]}")
PY
largest_gz=$(ls -S "$out"/gz/*.gz | head -1)
largest_plain=$(python3 -c "import gzip,sys; print(len(gzip.open(sys.argv[1]).read()))" "$largest_gz")

pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
measure() {  # label, command...: prints "label events cpu_s peak_kb"
  local label=$1; shift
  local log="$out/$label.time"
  /usr/bin/time -f "%U %S %M" -o "$log" $pin "$@" > "$out/$label.out"
  read -r user sys peak < <(grep -v "^Command" "$log")
  events=$(sed -n 's/^ingest.events=//p' "$out/$label.out")
  echo "$label $events $(python3 -c "print($user + $sys)") $peak"
}

"$bin" train --model "$out/model.json" $(ls "$out"/gz/*.gz | head -2) > /dev/null

echo "== bulwark streaming ingestion (gzip): windows and profiles"
ours=$(measure ours "$bin" ingest "$out/gz")
echo "== bulwark as \`anomaly score\` (gzip): detections and model"
score=$(measure score "$bin" score --model "$out/model.json" --alerts "$out/alerts-scan.jsonl" "$out/gz")
echo "== the same with the reference reader (JSONSerialization per record)"
general=$(measure general "$bin" score --general --model "$out/model.json" --alerts "$out/alerts-general.jsonl" "$out/gz")
echo "== anchor: python3 gzip + json.load (gzip)"
anchor=$(measure python python3 -c '
import gzip, json, sys, glob
n = 0
for p in sorted(glob.glob(sys.argv[1] + "/*.gz")):
    n += len(json.load(gzip.open(p))["Records"])
print("ingest.events=%d" % n)' "$out/gz")
echo "== bulwark as \`anomaly score\` (one 1 GB plain file)"
big=$(measure big "$bin" score --model "$out/model.json" "$out/plain/big.json" --max-object-size 2147483648)
if cmp -s "$out/alerts-scan.jsonl" "$out/alerts-general.jsonl"; then same=identical; else same=DIFFERENT; fi
alerts=$(wc -l < "$out/alerts-scan.jsonl")

python3 - "$ours" "$score" "$general" "$anchor" "$big" "$largest_plain" "$same" "$alerts" <<'PY'
import sys
def parse(s):
    label, events, cpu, peak = s.split()
    return label, int(events), float(cpu), int(peak) * 1024
o, sc, g, a, b = (parse(x) for x in sys.argv[1:6])
largest = int(sys.argv[6])
for label, events, cpu, peak in (o, sc, g, a, b):
    print(f"{label:7s} events={events:>9d} cpu_s={cpu:7.2f} events_per_cpu_s={events / cpu:>10.0f} peak_rss_mb={peak / 1e6:7.1f}")
rate = lambda m: m[1] / m[2]
print(f"ratio ours/python events_per_cpu_s = {rate(o) / rate(a):.2f}; score/python = {rate(sc) / rate(a):.2f}; "
      f"score/reference reader = {rate(sc) / rate(g):.2f}")
print(f"alerts of score vs reference reader: {sys.argv[7]} ({sys.argv[8]} alerts)")
print(f"gzip: peak RSS {sc[3] / 1e6:.1f} MB vs 2x largest decompressed object {2 * largest / 1e6:.1f} MB")
print(f"1 GB plain file: peak RSS {b[3] / 1e6:.1f} MB (target <= 500 MB)")
PY
