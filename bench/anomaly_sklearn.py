"""scikit-learn's IsolationForest on the harness's feature matrices, timed like anomaly-bench (one core,
process CPU time: the machine is shared, and wall time would count other processes' turns on the core).

Called by bench/anomaly-vs-sklearn.sh with the venv's python; prints key=value lines.
"""
import argparse
import time

import numpy as np
import sklearn
from sklearn.ensemble import IsolationForest
from sklearn.metrics import roc_auc_score


def load(path):
    with open(path) as f:
        header = f.readline().strip().split(",")
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    if header[-1] == "label":
        return data[:, :-1].astype(np.float32), data[:, -1].astype(int)
    return data.astype(np.float32), None


def replicate(m, rows):
    reps = -(-rows // len(m))
    return np.tile(m, (reps, 1))[:rows]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--train", required=True)
    p.add_argument("--test", required=True)
    p.add_argument("--rows", type=int, default=1_000_000)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    train, _ = load(a.train)
    test, labels = load(a.test)

    forest = IsolationForest(n_estimators=100, max_samples=256, random_state=a.seed).fit(train)
    auc = roc_auc_score(labels, -forest.score_samples(test))

    big = replicate(train, 100_000)
    fits = []
    for r in range(5):
        t = time.process_time()
        IsolationForest(n_estimators=100, max_samples=256, random_state=r).fit(big)
        fits.append(time.process_time() - t)

    batch = replicate(test, a.rows)
    best = float("inf")
    for _ in range(2):
        t = time.process_time()
        forest.score_samples(batch)
        best = min(best, time.process_time() - t)

    one = test[:1]
    calls = 300
    t = time.process_time()
    for _ in range(calls):
        forest.score_samples(one)
    single = (time.process_time() - t) / calls

    print(f"sklearn.version={sklearn.__version__}")
    print(f"sklearn.auc={auc:.6f}")
    print(f"sklearn.fit100k_s={sorted(fits)[len(fits) // 2]:.6f}")
    print(f"sklearn.batch_rows_per_s={a.rows / best:.0f}")
    print(f"sklearn.single_us={single * 1e6:.3f}")


if __name__ == "__main__":
    main()
