#!/usr/bin/env bash
# Held-out measurement of the activity-log detectors on the harness (time split): for each seed, train on days
# 1..N of generated history (thresholds calibrated on those days only), score the days after, and count false
# alerts per benign principal-hour — the hard cases of benign traffic included, and those alone — and the attack
# and insider scenarios detected. Prints one markdown table (the one in docs/anomaly.md).
#
# Usage: bench/anomaly-heldout.sh [TRAIN_DAYS] [SEED…]     (defaults: 14, seeds 1 2 3 7)
#        BIN=.build/debug/anomaly-bench bench/anomaly-heldout.sh   to reuse a build (the figures are counts)
set -euo pipefail
cd "$(dirname "$0")/.."
days="${1:-14}"
shift || true
seeds=("${@:-1 2 3 7}")
read -r -a seeds <<<"${seeds[*]}"
if [[ -z "${BIN:-}" ]]; then
  swift build -c release --product anomaly-bench --build-path .build-release >/dev/null
  BIN=.build-release/release/anomaly-bench
fi
out=bench/out/anomaly-heldout
mkdir -p "$out"

echo "| seed | train days | training windows | threshold | false alerts / benign principal-hours | hard cases alone | attacks detected | insiders detected | attack-window recall |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for seed in "${seeds[@]}"; do
  "$BIN" evaluate --seed "$seed" --train-days "$days" >"$out/seed-$seed-days-$days.txt"
  line=$(grep '^summary ' "$out/seed-$seed-days-$days.txt")
  python3 - "$line" <<'PY'
import sys
v = dict(kv.split("=", 1) for kv in sys.argv[1].split()[1:])
pct = lambda a, b: f"{int(a)} / {int(b)} = {100 * int(a) / max(int(b), 1):.2f} %"
print(f"| {v['seed']} | {v['train_days']} | {v['training_windows']} | {v['threshold']} | {pct(v['false'], v['benign'])} | "
      f"{pct(v['hard_false'], v['hard'])} | {v['attacks']} | {v['insiders']} | {100 * float(v['window_recall']):.1f} % |")
PY
done
echo
echo "Per hard case and per technique: $out/seed-*-days-$days.txt"
