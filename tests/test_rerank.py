"""The fitted reranker: fitting, persistence, the shipped model, and what it changes in a search."""
from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import qa_of

from dtiqa import rerank
from dtiqa.hits import search

ARTICLES = {
    "hoa_mai.txt": ("Hoa Mai lần đầu vào top 10 chuyển đổi số\n\n"
                    "Năm 2024, tỉnh Hoa Mai xếp thứ 9/63 về Chỉ số chuyển đổi số (DTI) với 0,6521 điểm. "
                    "Tỉnh đạt 0,7102 điểm ở trụ cột chính quyền số.\n"),
    "lam_son.txt": ("Lam Sơn tụt hạng chuyển đổi số\n\n"
                    "Năm 2024, tỉnh Lam Sơn xếp thứ 21/63 về Chỉ số chuyển đổi số (DTI) với 0,5988 điểm. "
                    "Tỉnh đạt 0,6315 điểm ở trụ cột chính quyền số.\n"),
}


def _synthetic(n_questions: int = 200, seed: int = 0):
    rng = np.random.default_rng(seed)
    X, y, g = [], [], []
    i = rerank.FEATURES.index("province_stated")
    for q in range(n_questions):
        right = rng.integers(0, 10)
        for c in range(10):
            x = rng.normal(size=len(rerank.FEATURES))
            x[i] = float(c == right) + 0.3 * rng.normal()
            X.append(x)
            y.append(int(c == right))
            g.append(q)
    return np.array(X), np.array(y), np.array(g)


def _by_question(X, y, g):
    return [(X[g == q], y[g == q]) for q in np.unique(g)]


def test_fitted_reranker_puts_the_evidence_first():
    X, y, g = _synthetic()
    model = rerank.fit(X, y, g, grid=({"num_leaves": 7, "n_estimators": 50},))
    Xt, yt, gt = _synthetic(seed=1)
    z = model.scores(Xt)
    first = [yt[np.flatnonzero(gt == q)[np.argmax(z[gt == q])]] for q in np.unique(gt)]
    assert np.mean(first) > 0.9


def test_the_trees_score_as_lightgbm_does_and_round_trip_through_json(tmp_path):
    import lightgbm

    X, y, g = _synthetic(60)
    model = rerank.fit(X, y, g, grid=({"num_leaves": 7, "n_estimators": 30},))
    ref = lightgbm.LGBMRanker(objective="lambdarank", learning_rate=0.05, min_child_samples=20, subsample=0.8,
                              subsample_freq=1, colsample_bytree=0.8, random_state=0, verbose=-1, n_jobs=1,
                              num_leaves=7, n_estimators=30).fit(X, y, group=[10] * 60)
    assert np.allclose(model.scores(X), ref.predict(X))
    path = tmp_path / "reranker.json"
    model.save(path)
    d = json.loads(path.read_text())
    assert np.allclose(rerank.Reranker.from_dict(d).scores(X[:5]), model.scores(X[:5]))
    d["features"] = d["features"][:-1]
    with pytest.raises(ValueError, match="fit-scorer"):
        rerank.Reranker.from_dict(d)


def test_the_settings_kept_are_the_ones_best_on_dev():
    X, y, g = _synthetic(80)
    Xd, yd, gd = _synthetic(40, seed=2)
    grid = ({"num_leaves": 2, "n_estimators": 1}, {"num_leaves": 7, "n_estimators": 60})
    model = rerank.fit(X, y, g, dev=_by_question(Xd, yd, gd), grid=grid)
    assert model.about["params"] == grid[1] and len(model.about["dev_hit@1"]) == 2


def test_the_shipped_reranker_matches_the_code():
    model = rerank.default()
    assert model is not None and model.features == rerank.FEATURES and model.about["questions"] > 500


def test_the_sentence_naming_the_asked_province_comes_first(tmp_path_factory):
    qa = qa_of(tmp_path_factory, "rerank", ARTICLES)
    hits = qa.search("Lam Sơn xếp thứ mấy về DTI năm 2024?", k=3)
    assert hits[0].doc_id == "lam_son.txt" and "21/63" in hits[0].sentence
    assert [h.rank for h in hits] == [1, 2, 3] and all(0.0 <= h.score <= 1.0 for h in hits)


def test_search_without_the_reranker_keeps_fusions_order(tmp_path_factory):
    qa = qa_of(tmp_path_factory, "rerank-off", ARTICLES)
    fused = search(qa.index, qa.embedder, "chính quyền số", k=4, rerank=False)
    query = rerank.Query.of("chính quyền số")
    X = rerank.features(query, fused)
    assert X.shape == (len(fused), len(rerank.FEATURES)) and np.isfinite(X).all()
    assert [h.rank for h in fused] == list(range(1, len(fused) + 1))
