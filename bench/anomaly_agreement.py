"""Our model's scores against scikit-learn's IsolationForest on the same held-out windows of the harness.

Reads train.csv / test.csv (features, test labels), test-scores.csv (our trained model's scores of the test
windows) and threshold.txt (our calibrated threshold), written by `anomaly-bench export`. Fits scikit-learn on
the training windows (n_estimators=100, max_samples=256, as ours), calibrates its threshold the same way ours is
(the (1 - rate) quantile of the later half of the training windows' scores) and prints, side by side: ROC-AUC of
each, the rank correlation of the two scores, and how often the two agree on "above the threshold".
"""
import argparse

import numpy as np
from scipy.stats import spearmanr
from sklearn.ensemble import IsolationForest
from sklearn.metrics import roc_auc_score


def load(path):
    with open(path) as f:
        header = f.readline().strip().split(",")
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    if header[-1] == "label":
        return data[:, :-1].astype(np.float32), data[:, -1].astype(int)
    return data.astype(np.float32), None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--rate", type=float, default=0.005)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    train, _ = load(f"{a.dir}/train.csv")
    test, labels = load(f"{a.dir}/test.csv")
    ours = np.loadtxt(f"{a.dir}/test-scores.csv", skiprows=1, ndmin=1)
    ours_threshold = float(open(f"{a.dir}/threshold.txt").read())
    assert len(ours) == len(test), "our scores and the test matrix differ in length"

    forest = IsolationForest(n_estimators=100, max_samples=256, random_state=a.seed).fit(train)
    sk = -forest.score_samples(test)
    # Training rows are in time order: calibrate on the later half, as the trainer does.
    later = -forest.score_samples(train[len(train) // 2 :])
    sk_threshold = float(np.quantile(later, 1 - a.rate, method="higher"))

    ours_flag = ours > ours_threshold
    sk_flag = sk > sk_threshold
    both = int(np.sum(ours_flag & sk_flag))
    either = int(np.sum(ours_flag | sk_flag))
    rho = spearmanr(ours, sk).statistic
    print(f"features={test.shape[1]} training_windows={len(train)} test_windows={len(test)} positives={int(labels.sum())}")
    print(f"{'':34}{'ours':>12}{'scikit-learn':>16}")
    print(f"{'ROC-AUC (held-out windows)':34}{roc_auc_score(labels, ours):>12.4f}{roc_auc_score(labels, sk):>16.4f}")
    print(f"{'above own threshold':34}{int(ours_flag.sum()):>12}{int(sk_flag.sum()):>16}")
    print(f"{'  of which attack windows':34}{int((ours_flag & (labels == 1)).sum()):>12}{int((sk_flag & (labels == 1)).sum()):>16}")
    print(f"Spearman rank correlation of the scores: {rho:.4f}")
    print(f"agree on above/below threshold: {np.mean(ours_flag == sk_flag) * 100:.2f} % of windows; "
          f"flagged by both {both} of {either} flagged by either")


if __name__ == "__main__":
    main()
