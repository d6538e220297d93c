"""Scorer: the fitted model that ranks candidates and says how likely the best one is right.

Two stages, both fitted on the training split (`dtiqa fit-scorer`, see `dtiqa.training`), never set:
1. a logistic regression over each candidate's features (`dtiqa.candidates.FEATURES`): which span answers;
2. a Platt calibration over the best candidate's logit, its margin over the runner-up and whether the
   question has an expected answer type that the candidate has, fitted on out-of-fold predictions: the
   probability that the best candidate is right, the `confidence` users see.
The answer is given when that probability clears `threshold`, chosen on the dev split for a stated
precision. Serving needs numpy only: the fitted numbers live in `data/scorer.json`.
"""
from __future__ import annotations

import json
import math
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Sequence

import numpy as np

from .candidates import FEATURES

MODEL_FILE = "scorer.json"


@dataclass(frozen=True)
class Scorer:
    """A fitted candidate scorer: feature scaling, weights, calibration and the answer threshold."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    calibration: tuple[float, ...]  # Platt: weights of CALIBRATION_INPUTS, then the intercept
    threshold: float
    about: dict  # where it was fitted, with what figures (for the report)

    def logits(self, X: np.ndarray) -> np.ndarray:
        """One logit per candidate row (higher: more likely the answer)."""
        X = np.asarray(X, dtype=float).reshape(-1, len(self.features))
        return ((X - self.mean) / self.scale) @ self.coef + self.intercept

    def confidence(self, X: np.ndarray, logits: Sequence[float] | None = None) -> float:
        """The calibrated probability that the best of one question's candidates (rows of X) is right."""
        X = np.asarray(X, dtype=float).reshape(-1, len(self.features))
        if len(X) == 0:
            return 0.0
        z = self.logits(X) if logits is None else np.asarray(logits, dtype=float)
        u = calibration_inputs(X, z)[0]
        w = np.asarray(self.calibration)
        return float(1.0 / (1.0 + math.exp(-(u @ w[:-1] + w[-1]))))

    def to_dict(self) -> dict:
        return {"features": list(self.features), "mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": self.intercept, "calibration": list(self.calibration),
                "threshold": self.threshold, "about": self.about}

    @classmethod
    def from_dict(cls, d: dict) -> "Scorer":
        if tuple(d["features"]) != FEATURES:
            raise ValueError("the scorer was fitted on other features than the code computes: run `dtiqa fit-scorer`")
        return cls(tuple(d["features"]), np.array(d["mean"]), np.array(d["scale"]), np.array(d["coef"]),
                   float(d["intercept"]), tuple(d["calibration"]), float(d["threshold"]), d.get("about", {}))

    def save(self, path: Path) -> None:
        tmp = path.with_suffix(".part")
        tmp.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)


# A lone candidate has no runner-up: its margin is taken as this many logits (fitted data use the same).
MARGIN_ALONE = 5.0

_lock = threading.Lock()
_default: Scorer | None = None


def default() -> Scorer:
    """The scorer shipped in the package (loaded once, thread-safe)."""
    global _default
    with _lock:
        if _default is None:
            text = resources.files("dtiqa.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
            _default = Scorer.from_dict(json.loads(text))
        return _default


def reset(model: Scorer | None = None) -> None:
    """Serve `model` from now on (None: reload the shipped one on next use), e.g. right after fitting."""
    global _default
    with _lock:
        _default = model


CALIBRATION_INPUTS = ("logit", "margin", "role_expected", "kind_open")


def calibration_inputs(X: np.ndarray, z: np.ndarray, groups: np.ndarray | None = None) -> np.ndarray:
    """Per question (all rows one question when `groups` is None): the best candidate's logit, its margin
    over the runner-up, and its role_expected and kind_open features."""
    groups = np.zeros(len(z), dtype=int) if groups is None else groups
    best, top, margin = margins(z, groups)
    cols = [FEATURES.index(name) for name in CALIBRATION_INPUTS[2:]]
    return np.c_[top, margin, X[best][:, cols]]


def margins(logits: np.ndarray, groups: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per group (question): index of its best row, that row's logit and its margin over the runner-up."""
    best, top, margin = [], [], []
    for g in np.unique(groups):
        rows = np.flatnonzero(groups == g)
        order = rows[np.argsort(-logits[rows], kind="stable")]
        best.append(order[0])
        top.append(logits[order[0]])
        margin.append(logits[order[0]] - logits[order[1]] if len(order) > 1 else MARGIN_ALONE)
    return np.array(best), np.array(top), np.array(margin)


def _top_right(z: np.ndarray, y: np.ndarray, groups: np.ndarray) -> float:
    """Share of the questions with a right candidate whose best-scored candidate is right."""
    best, _, _ = margins(z, groups)
    has = np.array([y[groups == g].any() for g in np.unique(groups)])
    return float(y[best][has].mean()) if has.any() else 0.0


def fit(X: np.ndarray, y: np.ndarray, groups: np.ndarray, folds: int = 5, Cs: Sequence[float] = (0.03, 0.1, 0.3, 1.0),
        seed: int = 0) -> Scorer:
    """Fit the candidate model and its calibration (out-of-fold) on rows grouped by question.

    X: candidate features, y: 1 when the candidate is a right answer, groups: the question of each row.
    The regularisation C is the one whose out-of-fold ranking puts a right candidate first most often.
    """
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=int)
    groups = np.asarray(groups)
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale
    splits = list(GroupKFold(n_splits=folds).split(Z, y, groups))

    def out_of_fold(C: float) -> np.ndarray:
        z = np.zeros(len(y))
        for train, test in splits:
            z[test] = LogisticRegression(C=C, max_iter=3000).fit(Z[train], y[train]).decision_function(Z[test])
        return z

    tried = {C: out_of_fold(C) for C in Cs}
    scores = {C: _top_right(z, y, groups) for C, z in tried.items()}
    C = max(Cs, key=lambda c: (scores[c], -c))
    best, _, _ = margins(tried[C], groups)
    calib = LogisticRegression(C=1e4, max_iter=3000).fit(calibration_inputs(X, tried[C], groups), y[best])
    final = LogisticRegression(C=C, max_iter=3000).fit(Z, y)
    return Scorer(FEATURES, mean, scale, final.coef_[0], float(final.intercept_[0]),
                  (*map(float, calib.coef_[0]), float(calib.intercept_[0])), 0.5,
                  {"rows": int(len(y)), "questions": int(len(np.unique(groups))), "positives": int(y.sum()),
                   "C": C, "folds": folds, "oof_top_right": {str(c): round(v, 4) for c, v in scores.items()}})


__all__ = ["Scorer", "default", "reset", "fit", "margins", "MODEL_FILE"]
