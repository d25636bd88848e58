#!/usr/bin/env bash
# Our Isolation Forest against scikit-learn's on the SAME feature matrix (the evaluation harness's windows),
# in one run, both pinned to one core: ROC-AUC of each, batch scoring rows/s, fit time on 100k rows, and the
# latency of scoring one event. Targets: |ΔAUC| ≤ 0.01, ≥ 1M rows/s, fit < 0.15 s, one event < 50 µs.
#
# Then the trained model's own scores of the held-out windows against scikit-learn's (bench/anomaly_agreement.py):
# ROC-AUC of each, rank correlation, agreement on "above the threshold" with each threshold calibrated alike.
#
# Usage: bench/anomaly-vs-sklearn.sh [SEED]     (outputs under bench/out/anomaly/; venv: $SKLEARN_VENV, default
#        /work/venvs/sklearn when it exists, else bench/out/sk)
set -euo pipefail
cd "$(dirname "$0")/.."
seed="${1:-7}"
out=bench/out/anomaly
venv="${SKLEARN_VENV:-bench/out/sk}"
[[ -z "${SKLEARN_VENV:-}" && -d /work/venvs/sklearn ]] && venv=/work/venvs/sklearn
sklearn_version=1.9.1
mkdir -p "$out"

if ! "$venv/bin/python" -c "import sklearn, sys; sys.exit(sklearn.__version__ != '$sklearn_version')" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "scikit-learn==$sklearn_version"
fi

swift build -c release --product anomaly-bench --build-path .build-release >/dev/null
bin=.build-release/release/anomaly-bench

echo "== harness (seed $seed): generate, write CloudTrail gzip, ingest, train, detect"
"$bin" export --seed "$seed" --out "$out" | tee "$out/evaluate.txt"

# One core each, one thread each.
pin=""
command -v taskset >/dev/null && pin="taskset -c 0"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

echo "== our forest"
$pin "$bin" bench --train "$out/train.csv" --test "$out/test.csv" | tee "$out/ours.txt"
echo "== scikit-learn"
$pin "$venv/bin/python" bench/anomaly_sklearn.py --train "$out/train.csv" --test "$out/test.csv" | tee "$out/sklearn.txt"

python3 - "$out/ours.txt" "$out/sklearn.txt" <<'PY'
import sys
v = {}
for path in sys.argv[1:]:
    for line in open(path):
        if "=" in line:
            k, x = line.strip().split("=", 1)
            v[k] = x
f = lambda k: float(v[k])
print()
print(f"{'':28}{'ours':>14}{'scikit-learn':>16}{'ratio':>10}")
print(f"{'ROC-AUC (test windows)':28}{f('ours.auc'):>14.4f}{f('sklearn.auc'):>16.4f}   |Δ| = {abs(f('ours.auc') - f('sklearn.auc')):.4f} (target ≤ 0.01)")
print(f"{'batch scoring, rows/s':28}{f('ours.batch_rows_per_s'):>14,.0f}{f('sklearn.batch_rows_per_s'):>16,.0f}{f('ours.batch_rows_per_s') / f('sklearn.batch_rows_per_s'):>9.1f}×  (target ≥ 1,000,000)")
print(f"{'fit 100k rows, s':28}{f('ours.fit100k_s'):>14.4f}{f('sklearn.fit100k_s'):>16.4f}{f('sklearn.fit100k_s') / f('ours.fit100k_s'):>9.1f}×  (target < 0.15 s)")
print(f"{'score one event, µs':28}{f('ours.single_us'):>14.2f}{f('sklearn.single_us'):>16.1f}{f('sklearn.single_us') / f('ours.single_us'):>9.0f}×  (target < 50 µs)")
PY

echo
echo "== the model's scores against scikit-learn's on the same held-out windows"
"$venv/bin/python" bench/anomaly_agreement.py --dir "$out" | tee "$out/agreement.txt"
