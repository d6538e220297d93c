"""The fitted candidate scorer: fitting, calibration, threshold choice, persistence, and the shipped model."""
from __future__ import annotations

import json

import numpy as np
import pytest

from dtiqa import scorer
from dtiqa.candidates import FEATURES
from dtiqa.training import choose_threshold, reliability


def _synthetic(n_questions: int = 300, seed: int = 0):
    """Questions of 5 candidates; the right one (when there is one) has a higher first feature."""
    rng = np.random.default_rng(seed)
    X, y, g = [], [], []
    for q in range(n_questions):
        right = rng.integers(0, 5) if rng.random() < 0.7 else None
        for c in range(5):
            x = rng.normal(size=len(FEATURES))
            if c == right:
                x[0] += 2.5
            X.append(x)
            y.append(int(c == right))
            g.append(q)
    return np.array(X), np.array(y), np.array(g)


def test_fitted_scorer_ranks_the_right_candidate_first_and_is_calibrated():
    X, y, g = _synthetic()
    model = scorer.fit(X, y, g)
    Xt, yt, gt = _synthetic(seed=1)
    best, top, _ = scorer.margins(model.logits(Xt), gt)
    has_right = np.array([yt[gt == q].any() for q in np.unique(gt)])
    assert yt[best][has_right].mean() > 0.8  # the right candidate wins where there is one
    conf = np.array([model.confidence(Xt[gt == q]) for q in np.unique(gt)])
    right = yt[best].astype(bool)
    assert conf[right].mean() > conf[~right].mean() + 0.2
    assert abs(conf.mean() - right.mean()) < 0.1  # calibrated on average: no systematic over-confidence


def test_scorer_round_trips_through_json(tmp_path):
    X, y, g = _synthetic(60)
    model = scorer.fit(X, y, g, folds=3, Cs=(1.0,))
    path = tmp_path / "scorer.json"
    model.save(path)
    again = scorer.Scorer.from_dict(json.loads(path.read_text()))
    assert np.allclose(again.logits(X[:7]), model.logits(X[:7]))
    assert again.calibration == model.calibration and again.threshold == model.threshold


def test_a_scorer_fitted_on_other_features_is_refused():
    d = json.loads((scorer.resources.files("dtiqa.data") / scorer.MODEL_FILE).read_text())
    d["features"] = d["features"][:-1]
    with pytest.raises(ValueError, match="fit-scorer"):
        scorer.Scorer.from_dict(d)


def test_the_shipped_scorer_matches_the_code_and_says_where_it_was_fitted():
    model = scorer.default()
    assert model.features == FEATURES and 0.0 < model.threshold < 1.0
    assert model.about.get("sets") and "dev" in model.about  # fitted by `dtiqa fit-scorer`, not hand-made


def test_no_candidate_means_no_confidence():
    assert scorer.default().confidence(np.zeros((0, len(FEATURES)))) == 0.0


@pytest.mark.parametrize("outcomes, expected", [
    ([(0.9, True, True), (0.8, True, True), (0.7, False, True), (0.6, True, True)], 0.8),
    ([(0.9, False, True), (0.8, True, True)], 1.0),  # even the most confident is wrong: answer nothing
    ([(0.9, True, True), (0.5, True, False)], 0.5),
])
def test_threshold_is_the_lowest_that_keeps_the_precision(outcomes, expected):
    assert choose_threshold(outcomes, precision=0.95, min_kept=1) == expected


def test_threshold_is_not_stopped_by_one_wrong_answer_among_the_first_few():
    # The most confident answer is wrong, then nineteen right ones and a tail of wrong ones: 19/20 = 0.95.
    outcomes = [(0.99, False, True)] + [(0.9 - i / 100, True, True) for i in range(19)] + [(0.3, False, True)] * 5
    assert choose_threshold(outcomes, precision=0.95) == pytest.approx(0.72)


def test_reliability_bins_count_every_answered_question():
    rows = reliability([(0.05, False, True), (0.55, True, True), (0.58, False, True), (1.0, True, True)])
    assert sum(n for _, n, _, _ in rows) == 4
    assert rows[5][1] == 2 and rows[5][3] == 0.5 and rows[-1][1] == 1
