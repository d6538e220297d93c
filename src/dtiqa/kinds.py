"""Kinds: which kind of figure a question asks for, from a model fitted on the training questions.

"Điểm hạ tầng số của tỉnh là bao nhiêu?" asks for a score though its "bao nhiêu" stands where counts
ask; "dự toán bao nhiêu" asks for an amount. The cue list in `question.KIND_CUES` decides whether a
figure is asked at all and, when a cue names it, which; when only the generic "bao nhiêu" with no
counted noun says so, a logistic regression over the question's folded words and word pairs, fitted
on the training split's questions by `dtiqa fit-scorer`, picks among the figure kinds (`KINDS`)
(measured against the cue list on the dev questions: `eval/kinds.md`). Serving reads its weights
from `data/question_kinds.json` with the standard library alone. The same model over two classes,
fitted on a training question's gold kind, says whether several items are asked or a claim is to be
checked (`asks`, `data/question_lists.json`, `data/question_claims.json`).
"""
from __future__ import annotations

import json
import math
import re
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .text import fold

KINDS = ("rank", "rank_change", "score", "percent", "count", "amount", "date")  # the figure kinds it decides between
MODEL_FILE = "question_kinds.json"
MIN_PROBABILITY = 0.5  # at or below this the cue list's kind stands
# The same model over two classes says whether a question has a shape its gold kind names: a list is asked, or a
# claim to check (yes or no), or not.
SHAPE_FILES = {"list": "question_lists.json", "claim": "question_claims.json"}
OTHER = "other"


def grams(question: str) -> list[str]:
    """The words (folded, numbers as <n>) and adjacent word pairs of a question."""
    w = ["<n>" if x.isdigit() else x for x in re.findall(r"[a-z0-9%]+", fold(question.lower()))]
    return w + [f"{a}_{b}" for a, b in zip(w, w[1:])]


@dataclass(frozen=True)
class KindModel:
    """A fitted multinomial logistic regression: per gram, one weight per kind."""

    classes: tuple[str, ...]
    weights: dict  # gram -> list of weights, one per class
    intercept: tuple[float, ...]
    about: dict

    def probabilities(self, question: str) -> dict[str, float]:
        z = list(self.intercept)
        for g in set(grams(question)):
            for i, w in enumerate(self.weights.get(g, ())):
                z[i] += w
        top = max(z)
        e = [math.exp(v - top) for v in z]
        return {c: v / sum(e) for c, v in zip(self.classes, e)}

    def predict(self, question: str) -> tuple[str, float]:
        p = self.probabilities(question)
        best = max(p, key=p.get)
        return best, p[best]

    def to_dict(self) -> dict:
        return {"classes": list(self.classes), "intercept": list(self.intercept), "weights": self.weights,
                "about": self.about}

    @classmethod
    def from_dict(cls, d: dict) -> KindModel:
        return cls(tuple(d["classes"]), d["weights"], tuple(d["intercept"]), d.get("about", {}))

    def save(self, path: Path) -> None:
        tmp = path.with_suffix(".part")
        tmp.write_text(json.dumps(self.to_dict(), ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)


def fit(questions: list[str], kinds: list[str], C: float = 3.0) -> KindModel:
    """Fit the model on questions labelled with their figure kind (grams seen in at least two questions)."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = CountVectorizer(analyzer=grams, min_df=2, binary=True)
    X = vec.fit_transform(questions)
    m = LogisticRegression(C=C, max_iter=5000).fit(X, kinds)
    classes = tuple(str(c) for c in m.classes_)
    if len(classes) == 2:  # scikit-learn keeps one row of weights for two classes
        coef = [[-w for w in m.coef_[0]], list(m.coef_[0])]
        intercept = (-float(m.intercept_[0]), float(m.intercept_[0]))
    else:
        coef, intercept = m.coef_.tolist(), tuple(float(b) for b in m.intercept_)
    weights = {g: [round(float(coef[c][j]), 5) for c in range(len(classes))] for g, j in vec.vocabulary_.items()}
    return KindModel(classes, weights, intercept, {"questions": len(questions), "grams": len(weights), "C": C})


_lock = threading.Lock()
_served: dict[str, KindModel | None] = {}


def default(name: str = MODEL_FILE) -> KindModel | None:
    """The model shipped in the package under `name` (loaded once, thread-safe); None when none is fitted."""
    with _lock:
        if name not in _served:
            path = resources.files("dtiqa.data").joinpath(name)
            _served[name] = KindModel.from_dict(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else None
        return _served[name]


def reset() -> None:
    """Reload the shipped models on next use."""
    with _lock:
        _served.clear()


def serve(model: KindModel | None, name: str = MODEL_FILE) -> None:
    """Serve `model` under `name` from now on (None: no model; the cue list alone decides)."""
    with _lock:
        _served[name] = model


def asks(shape: str, question: str) -> bool:
    """Whether a question has `shape` ("list": several items asked, as "những ngôn ngữ nào", "lần lượt là bao
    nhiêu"; "claim": a statement to check, as "có lọt vào top 20 không?"), by the model fitted on the training
    questions (`SHAPE_FILES`, eval/kinds.md); False when none is fitted."""
    model = default(SHAPE_FILES[shape])
    if model is None:
        return False
    best, p = model.predict(question)
    return best == shape and p > MIN_PROBABILITY


def fitted_kind(question: str, kind: str) -> str:
    """The kind of figure asked: the model's, when the cue list's `kind` is a figure kind and the model is sure
    enough; else `kind`."""
    model = default()
    if model is None or kind not in KINDS:
        return kind
    best, p = model.predict(question)
    return best if p > MIN_PROBABILITY else kind


__all__ = ["KINDS", "OTHER", "SHAPE_FILES", "KindModel", "asks", "default", "fit", "fitted_kind", "grams", "reset",
           "serve"]
