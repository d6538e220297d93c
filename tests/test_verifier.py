"""The answer verifier: fitting, persistence, the shipped model, and what it does to an answer below its threshold."""
from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import qa_of

from dtiqa import verifier
from dtiqa.answering import verified
from dtiqa.verifier import FEATURES

ARTICLE = ("Hoa Mai tăng 6 bậc về chuyển đổi số\n\n"
           "Năm 2024, tỉnh Hoa Mai xếp thứ 12/63 về Chỉ số chuyển đổi số (DTI), tăng 6 bậc so với năm 2023.\n\n"
           "Tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh Hoa Mai đạt 71,5%.\n")


def _synthetic(n: int = 600, seed: int = 0):
    """Answers whose rightness depends on the term-coverage feature."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, len(FEATURES)))
    i = FEATURES.index("term_coverage")
    y = (X[:, i] + 0.3 * rng.normal(size=n) > 0).astype(int)
    return X, y


def test_fitted_verifier_separates_right_from_wrong_answers_out_of_fold():
    X, y = _synthetic()
    model, oof = verifier.fit(X, y)
    assert oof[y == 1].mean() > oof[y == 0].mean() + 0.4
    Xt, yt = _synthetic(seed=1)
    p = np.array([model.probability(x) for x in Xt])
    assert ((p > 0.5) == yt).mean() > 0.85


def test_verifier_round_trips_through_json_and_refuses_other_features(tmp_path):
    X, y = _synthetic(120)
    model, _ = verifier.fit(X, y, folds=3, Cs=(1.0,))
    path = tmp_path / "verifier.json"
    model.save(path)
    d = json.loads(path.read_text())
    again = verifier.Verifier.from_dict(d)
    assert again.probability(X[3]) == pytest.approx(model.probability(X[3]))
    d["features"] = d["features"][:-1]
    with pytest.raises(ValueError, match="fit-scorer"):
        verifier.Verifier.from_dict(d)


def test_the_shipped_verifier_matches_the_code_and_has_a_threshold():
    model = verifier.default()
    assert model is not None and model.features == FEATURES
    assert 0.0 < model.threshold < 1.0
    assert model.about["answers"] > 500


def test_an_answer_below_the_threshold_becomes_a_cited_suggestion(tmp_path_factory):
    qa = qa_of(tmp_path_factory, "verifier", {"hoa_mai.txt": ARTICLE})
    ans = qa.ask("Tỷ lệ hồ sơ trực tuyến toàn trình của Hoa Mai là bao nhiêu?")
    assert ans.found and ans.text == "71,5%" and ans.method == "scorer"
    assert 0.0 < ans.confidence <= 1.0  # the verifier's probability, not a strategy's own figure
    raw = qa.ask("Tỷ lệ hồ sơ trực tuyến toàn trình của Hoa Mai là bao nhiêu?")
    strict = verifier.Verifier(FEATURES, np.zeros(len(FEATURES)), np.ones(len(FEATURES)), np.zeros(len(FEATURES)),
                               -3.0, 0.5, {})  # p = 0.047 for every answer
    doubted = verified(raw.analysis, raw, raw.hits, strict)
    assert not doubted.found and doubted.text == "" and doubted.value is None
    assert doubted.suggestion == "71,5%" and doubted.reasons == ("low_confidence",)
    assert doubted.citations and "71,5%" in doubted.citations[0].sentence
    assert doubted.confidence == pytest.approx(1 / (1 + np.exp(3.0)))
    lenient = verifier.Verifier(FEATURES, np.zeros(len(FEATURES)), np.ones(len(FEATURES)), np.zeros(len(FEATURES)),
                                3.0, 0.5, {})
    kept = verified(raw.analysis, raw, raw.hits, lenient)
    assert kept.found and kept.text == "71,5%" and kept.confidence == pytest.approx(1 / (1 + np.exp(-3.0)))


def test_features_are_one_row_per_answer_with_the_strategy_marked(tmp_path_factory):
    qa = qa_of(tmp_path_factory, "verifier-features", {"hoa_mai.txt": ARTICLE})
    ans = qa.ask("Hoa Mai xếp thứ mấy về DTI năm 2024?")
    x = verifier.features(ans.analysis, ans, ans.hits)
    assert x.shape == (len(FEATURES),) and np.isfinite(x).all()
    assert x[FEATURES.index(f"method_{ans.method}")] == 1.0
    assert sum(x[FEATURES.index(f"method_{m}")] for m in verifier.METHODS) == 1.0
