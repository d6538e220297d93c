"""Verifier: the fitted last check on a finished answer, whatever strategy produced it.

Each strategy (the facts table, the candidate scorer, a superlative, a comparison, a claim, ...) returns
its best answer. The verifier reads what that answer rests on — the strategy, the question's kind, how
much of the question the cited sentence holds, whether it names the asked province and year, where it
stood in retrieval — and gives the probability that the answer is right. It is a logistic regression
fitted on the training split (`dtiqa fit-scorer`, see `dtiqa.training`); its threshold is chosen on the
dev split for a stated precision. Below the threshold the answer becomes "not found", with the
strategy's answer offered as a possibility. The fitted numbers live in `data/verifier.json`; serving
needs numpy only.

Its features describe the evidence and the strategy, not the question's phrasing: flags such as "a
follow-up" or "no content word" were tried and learned only the habits of the people who wrote the
training questions (single turns, their unanswerable near misses), withholding right answers to
plain questions ("Hoa Mai đứng thứ mấy năm 2023?") and to real follow-ups.
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
from .text import fold

MODEL_FILE = "verifier.json"

# The strategies `dtiqa.answering` dispatches to (`Answer.method`).
METHODS = ("facts", "scorer", "superlative", "compare", "claim", "inverse", "regional", "each", "merger",
           "new_unit", "person", "id", "province", "meta", "list", "derived")
KIND_GROUPS = (("rank",), ("rank_change",), ("score",), ("percent",), ("count", "duration"), ("amount",),
               ("date",), ("entity", "list", "person", "province", "name", "names"))
FEATURES = (*(f"method_{m}" for m in METHODS), *(f"kind_{g[0]}" for g in KIND_GROUPS), "kind_other",
            "confidence", "computed", "english", "asks_province", "asks_year",
            "term_coverage", "term_coverage_title", "cited_recip_rank", "cited_dense", "top_dense",
            "province_named", "province_other_only", "year_named", "year_other_only", "provinces_in_sentence",
            "answer_in_sentence", "citations", "question_words", "agreeing_hits", "cited_score", "top_score",
            "asks_district", "asks_claim", "scorer_margin")
_YEAR = r"(?<!\d)(?:19[89]\d|20\d\d)(?!\d)"


def features(q, ans, hits: Sequence) -> np.ndarray:
    """The verifier's inputs for one found answer (`q`: the analysed Question, `hits`: what was retrieved)."""
    # A claim checks a figure: its kind is the figure's (a rank, a score …), not the question's "text".
    kind = ans.kind if q.claim and ans.kind else q.kind
    kind_group = [float(kind in g) for g in KIND_GROUPS]
    cite = ans.citations[0] if ans.citations else None
    sentence = fold(cite.sentence.lower()) if cite else ""
    title = fold(cite.title.lower()) if cite else ""
    terms = [t for t in q.terms if len(t) > 1]
    # A question of only a province, a year and a kind ("Hoa Mai đứng thứ mấy năm 2023?") misses no word.
    coverage = sum(t in sentence for t in terms) / len(terms) if terms else 1.0
    coverage_title = sum(t in sentence or t in title for t in terms) / len(terms) if terms else 1.0
    rank, dense, score = 0.0, 0.0, 0.0
    for i, h in enumerate(hits, 1):
        if cite and h.doc_id == cite.doc_id and h.start <= cite.answer_start < max(h.end, h.start + 1):
            rank, dense, score = 1.0 / i, h.dense_score or 0.0, h.score or 0.0
            break
    named = {p.name for p in provinces.find(cite.sentence, folded=False)} if cite else set()
    asked = set(q.provinces)
    years = {int(y) for y in re.findall(_YEAR, sentence)}
    # The figure itself, without the basis a computed answer states after it: "24 (hạng 18 năm 2024, tăng 6 bậc)"
    answer = fold(ans.text.split(" (")[0].lower()).strip()
    agreeing = sum(bool(answer) and answer in fold(h.sentence.lower()) for h in hits[:10])
    x = (*(float(ans.method == m) for m in METHODS), *kind_group, float(not any(kind_group)),
         float(ans.confidence), float(ans.computed), float(q.english), float(bool(asked)),
         float(q.year is not None), coverage, coverage_title, rank, dense,
         float(hits[0].dense_score or 0.0) if hits else 0.0,
         float(bool(asked & named)), float(bool(asked) and bool(named) and not asked & named),
         float(q.year is not None and q.year in years), float(q.year is not None and bool(years) and q.year not in years),
         math.log1p(len(named)), float(bool(answer) and answer in sentence), math.log1p(len(ans.citations)),
         math.log1p(len(q.text.split())), math.log1p(agreeing), score, float(hits[0].score or 0.0) if hits else 0.0,
         float(bool(q.districts)), float(q.claim), float(ans.margin) if ans.margin is not None else 0.0)
    return np.array(x, dtype=float)


@dataclass(frozen=True)
class Verifier:
    """A fitted answer verifier: feature scaling, weights and the answer threshold."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float
    about: dict

    def probability(self, x: np.ndarray) -> float:
        z = float(((np.asarray(x, dtype=float) - self.mean) / self.scale) @ self.coef + self.intercept)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict:
        return {"features": list(self.features), "mean": self.mean.tolist(), "scale": self.scale.tolist(),
                "coef": self.coef.tolist(), "intercept": self.intercept, "threshold": self.threshold,
                "about": self.about}

    @classmethod
    def from_dict(cls, d: dict) -> Verifier:
        if tuple(d["features"]) != FEATURES:
            raise ValueError("the verifier was fitted on other features than the code computes: run `dtiqa fit-scorer`")
        return cls(tuple(d["features"]), np.array(d["mean"]), np.array(d["scale"]), np.array(d["coef"]),
                   float(d["intercept"]), float(d["threshold"]), d.get("about", {}))

    def save(self, path: Path) -> None:
        tmp = path.with_suffix(".part")
        tmp.write_text(json.dumps(self.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)


_lock = threading.Lock()
_default: Verifier | None = None


def default() -> Verifier | None:
    """The verifier shipped in the package (loaded once, thread-safe); None before one is fitted."""
    global _default
    with _lock:
        if _default is None:
            path = resources.files("dtiqa.data").joinpath(MODEL_FILE)
            if not path.is_file():
                return None
            _default = Verifier.from_dict(json.loads(path.read_text(encoding="utf-8")))
        return _default


def reset(model: Verifier | None = None) -> None:
    """Serve `model` from now on (None: reload the shipped one on next use), e.g. right after fitting."""
    global _default
    with _lock:
        _default = model


def fit(X: np.ndarray, y: np.ndarray, folds: int = 5, Cs: Sequence[float] = (0.03, 0.1, 0.3, 1.0),
        seed: int = 0) -> tuple[Verifier, np.ndarray]:
    """Fit the verifier on found answers (X) labelled right or wrong (y); C by out-of-fold log loss.
    Returns the model (threshold 0.5 until one is chosen) and its out-of-fold probabilities."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import log_loss
    from sklearn.model_selection import StratifiedKFold

    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=int)
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale
    splits = list(StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(Z, y))

    def out_of_fold(C: float) -> np.ndarray:
        p = np.zeros(len(y))
        for train, test in splits:
            p[test] = LogisticRegression(C=C, max_iter=3000).fit(Z[train], y[train]).predict_proba(Z[test])[:, 1]
        return p

    tried = {C: out_of_fold(C) for C in Cs}
    losses = {C: log_loss(y, p) for C, p in tried.items()}
    C = min(Cs, key=lambda c: (losses[c], c))
    final = LogisticRegression(C=C, max_iter=3000).fit(Z, y)
    model = Verifier(FEATURES, mean, scale, final.coef_[0], float(final.intercept_[0]), 0.5,
                     {"answers": len(y), "right": int(y.sum()), "C": C, "folds": folds,
                      "oof_log_loss": {str(c): round(v, 4) for c, v in losses.items()}})
    return model, tried[C]


__all__ = ["FEATURES", "METHODS", "MODEL_FILE", "Verifier", "default", "features", "fit", "reset"]
