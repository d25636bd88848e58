"""Writes sklearn-iforest.json: a tiny dataset and scikit-learn's IsolationForest scores on it.

Run once (the fixture is committed): bench/out/sk/bin/python make_sklearn_fixture.py
Made with scikit-learn 1.9.1, numpy 2.4.6 (pinned; recorded in the fixture). The Swift test compares
ROC-AUC and the rank order of scores, not trees: both forests are random, only their behaviour must agree.
"""
import json

import numpy as np
import sklearn
from sklearn.ensemble import IsolationForest
from sklearn.metrics import roc_auc_score

rng = np.random.default_rng(20240601)
train = rng.normal(0.0, 1.0, size=(400, 3))
inliers = rng.normal(0.0, 1.0, size=(60, 3))
# Outliers on a shell at radius 2.5..4, and a ladder of points moving away from the centre along one axis.
directions = rng.normal(size=(20, 3))
directions /= np.linalg.norm(directions, axis=1, keepdims=True)
outliers = directions * rng.uniform(2.5, 4.0, size=(20, 1))
ladder = np.array([[r, 0.0, 0.0] for r in (0.0, 1.0, 2.0, 3.0, 4.0, 6.0, 9.0)])
test = np.vstack([inliers, outliers])
labels = [0] * len(inliers) + [1] * len(outliers)

forest = IsolationForest(n_estimators=100, max_samples=256, random_state=0).fit(train)
scores = -forest.score_samples(test)  # scikit-learn returns the opposite of the paper's score
ladder_scores = -forest.score_samples(ladder)

fixture = {
    "note": "scikit-learn IsolationForest(n_estimators=100, max_samples=256, random_state=0); score = -score_samples",
    "sklearn": sklearn.__version__,
    "numpy": np.__version__,
    "train": np.round(train, 6).tolist(),
    "test": np.round(test, 6).tolist(),
    "labels": labels,
    "scores": np.round(scores, 6).tolist(),
    "auc": round(float(roc_auc_score(labels, scores)), 6),
    "ladder": ladder.tolist(),
    "ladderScores": np.round(ladder_scores, 6).tolist(),
}
with open("sklearn-iforest.json", "w") as f:
    json.dump(fixture, f)
print("auc", fixture["auc"], "ladder", fixture["ladderScores"])
