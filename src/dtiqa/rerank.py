"""Rerank: the fused candidates re-scored by a model fitted on the training split.

Fusion ranks a sentence by its own words (BM25) and meaning (dense) alone. The reranker also reads
what the question pins down: whether the sentence, its passage or its article's title names the
asked province and year, how many of the question's words it holds, whether it is a table row, in
which language it is written. A logistic regression over these features (`FEATURES`) is fitted on the
training split's evidence sentences (`dtiqa fit-scorer`, see `dtiqa.training`); its weights live in
`data/reranker.json` and serving needs numpy only. Without a fitted model, fusion's order stands.
"""
from __future__ import annotations

import json
import math
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from . import provinces
from .tables import cells
from .text import fold, looks_english

MODEL_FILE = "reranker.json"
CANDIDATES = 40  # the fused candidates re-scored
FEATURES = ("fused_recip", "bm25_rel", "bm25_recip", "dense", "dense_gap", "dense_recip", "in_both",
            "q_english", "s_english", "same_language", "asks_province", "province_stated", "province_other_only",
            "province_passage", "province_title", "asks_year", "year_stated", "year_other_only", "year_passage",
            "term_coverage", "term_coverage_passage", "term_coverage_title", "has_digit", "table_row", "position",
            "length")
_YEAR = re.compile(r"(?<!\d)(?:19[89]\d|20\d\d)(?!\d)")


@dataclass(frozen=True)
class Query:
    """What the reranker reads of a question: its language, provinces, year and content words (folded)."""

    english: bool
    provinces: frozenset
    years: frozenset
    terms: tuple[str, ...]

    @classmethod
    def of(cls, query: str, places: frozenset = frozenset()) -> Query:
        from .question import analyze

        q = analyze(query, places)
        return cls(q.english, frozenset(q.provinces), frozenset({q.year} if q.year else ()),
                   tuple(t for t in q.terms if len(t) > 1))


def _coverage(terms: Sequence[str], folded: str) -> float:
    if not terms:
        return 0.0
    words = set(re.findall(r"[a-z0-9]+", folded))
    return sum(t in words for t in terms) / len(terms)


def features(query: Query, hits: Sequence, extra: frozenset = frozenset()) -> np.ndarray:
    """One row of FEATURES per hit (hits as fusion ranked them, with their BM25 and dense scores)."""
    top_bm25 = max((h.bm25_score or 0.0 for h in hits), default=0.0) or 1.0
    top_dense = max((h.dense_score or 0.0 for h in hits), default=0.0)
    titles: dict[str, tuple[set, str]] = {}
    rows = []
    for h in hits:
        if h.doc_id not in titles:
            titles[h.doc_id] = ({p.name for p in provinces.find(h.title, folded=False, extra=extra)},
                                fold(h.title.lower()))
        title_places, title = titles[h.doc_id]
        sentence, passage = fold(h.sentence.lower()), fold(h.text.lower())
        named = {p.name for p in provinces.find(h.sentence, folded=False, extra=extra)}
        around = named | {p.name for p in provinces.find(h.text, folded=False, extra=extra)} if query.provinces else set()
        years = {int(y) for y in _YEAR.findall(sentence)}
        s_english = looks_english(h.sentence)
        rows.append((
            1.0 / h.rank, (h.bm25_score or 0.0) / top_bm25, 1.0 / h.bm25_rank if h.bm25_rank else 0.0,
            h.dense_score or 0.0, (h.dense_score - top_dense) if h.dense_score is not None else -1.0,
            1.0 / h.dense_rank if h.dense_rank else 0.0, float(bool(h.bm25_rank) and bool(h.dense_rank)),
            float(query.english), float(s_english), float(query.english == s_english), float(bool(query.provinces)),
            float(bool(query.provinces & named)), float(bool(named) and bool(query.provinces) and not query.provinces & named),
            float(bool(query.provinces & around)), float(bool(query.provinces & title_places)), float(bool(query.years)),
            float(bool(query.years & years)), float(bool(query.years) and bool(years) and not query.years & years),
            float(bool(query.years) and any(str(y) in passage for y in query.years)),
            _coverage(query.terms, sentence), _coverage(query.terms, passage), _coverage(query.terms, title),
            float(any(c.isdigit() for c in h.sentence)), float(bool(cells(h.sentence))),
            1.0 / (1.0 + h.sentence_index), math.log1p(len(h.sentence)),
        ))
    return np.array(rows, dtype=float).reshape(-1, len(FEATURES))


@dataclass(frozen=True)
class Reranker:
    """A fitted reranker: feature scaling and weights."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    about: dict

    def scores(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X, dtype=float).reshape(-1, len(self.features))
        return ((X - self.mean) / self.scale) @ self.coef + self.intercept

    def to_dict(self) -> dict:
        return {"features": list(self.features), "mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": self.intercept, "about": self.about}

    @classmethod
    def from_dict(cls, d: dict) -> Reranker:
        if tuple(d["features"]) != FEATURES:
            raise ValueError("the reranker was fitted on other features than the code computes: run `dtiqa fit-scorer`")
        return cls(tuple(d["features"]), np.array(d["mean"]), np.array(d["scale"]), np.array(d["coef"]),
                   float(d["intercept"]), d.get("about", {}))

    def save(self, path: Path) -> None:
        tmp = path.with_suffix(".part")
        tmp.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)


_lock = threading.Lock()
_default: list = []  # [] before the first load; [None] when no reranker is shipped


def default() -> Reranker | None:
    """The reranker shipped in the package (loaded once, thread-safe); None when none is fitted."""
    with _lock:
        if not _default:
            path = resources.files("dtiqa.data").joinpath(MODEL_FILE)
            _default.append(Reranker.from_dict(json.loads(path.read_text(encoding="utf-8")))
                            if path.is_file() else None)
        return _default[0]


def reset(model: Reranker | None = None) -> None:
    """Serve `model` from now on (None: reload the shipped one on next use)."""
    with _lock:
        _default.clear()
        if model is not None:
            _default.append(model)


def fit(X: np.ndarray, y: np.ndarray, groups: np.ndarray, Cs: Sequence[float] = (0.01, 0.1, 1.0),
        folds: int = 5) -> Reranker:
    """Fit the reranker on candidate rows (X) labelled evidence or not (y), grouped by question; C is the
    one whose out-of-fold ranking puts the evidence first most often."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    X, y, groups = np.asarray(X, dtype=float), np.asarray(y, dtype=int), np.asarray(groups)
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale
    splits = list(GroupKFold(n_splits=folds).split(Z, y, groups))

    def first_right(C: float) -> float:
        z = np.zeros(len(y))
        for train, test in splits:
            z[test] = LogisticRegression(C=C, max_iter=3000).fit(Z[train], y[train]).decision_function(Z[test])
        right = []
        for g in np.unique(groups):
            rows = np.flatnonzero(groups == g)
            if y[rows].any():
                right.append(bool(y[rows[np.argmax(z[rows])]]))
        return float(np.mean(right))

    tried = {C: first_right(C) for C in Cs}
    C = max(Cs, key=lambda c: (tried[c], -c))
    final = LogisticRegression(C=C, max_iter=3000).fit(Z, y)
    return Reranker(FEATURES, mean, scale, final.coef_[0], float(final.intercept_[0]),
                    {"rows": len(y), "questions": len(np.unique(groups)), "positives": int(y.sum()), "C": C,
                     "oof_hit@1": {str(c): round(v, 4) for c, v in tried.items()}})


__all__ = ["CANDIDATES", "FEATURES", "MODEL_FILE", "Query", "Reranker", "default", "features", "fit", "reset"]
