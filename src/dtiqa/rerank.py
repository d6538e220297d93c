"""Rerank: the fused candidates re-scored by a model fitted on the training split.

Fusion ranks a sentence by its own words (BM25) and meaning (dense) alone. The reranker also reads
what the question pins down and what the sentence offers: whether the sentence, its passage, its
article's title — or, where it names none, its paragraph, heading or headline (`signals`, read at
index time) — is about the asked province and edition; whether it states a figure of the asked kind
(a rank, a score, a date …) of the asked pillar and ranking; how many of the question's words it
holds; whether it is a table row, in which language it is written. Gradient-boosted trees
(LightGBM's LambdaMART, fitted by `dtiqa fit-scorer`, see `dtiqa.training`) weigh these features
(`FEATURES`); the trees live in `data/reranker.json` and serving evaluates them with numpy alone.
Without a fitted model, fusion's order stands.
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

from . import provinces, signals
from .tables import cells
from .text import fold, looks_english

MODEL_FILE = "reranker.json"
CANDIDATES = 40  # the fused candidates re-scored
FEATURES = ("fused_recip", "bm25_rel", "bm25_recip", "dense", "dense_gap", "dense_recip", "in_both",
            "q_english", "s_english", "same_language", "asks_province", "province_stated", "province_other_only",
            "province_passage", "province_title", "asks_year", "year_stated", "year_other_only", "year_passage",
            "term_coverage", "term_coverage_passage", "term_coverage_title", "has_digit", "table_row", "position",
            "length", "context_province", "article_province", "context_year", "kind_stated", "pillar_asked",
            "pillar_stated", "other_ranking_only")
_YEAR = re.compile(r"(?<!\d)(?:19[89]\d|20\d\d)(?!\d)")


@dataclass(frozen=True)
class Query:
    """What the reranker reads of a question: its language, provinces, year and content words (folded)."""

    english: bool
    provinces: frozenset
    years: frozenset
    terms: tuple[str, ...]
    kind: str = ""  # what the question asks for (question.Question.kind)
    pillar: str = ""
    ranking: str = "dti"

    @classmethod
    def of(cls, query: str, places: frozenset = frozenset()) -> Query:
        from .question import analyze

        q = analyze(query, places)
        return cls(q.english, frozenset(q.provinces), frozenset({q.year} if q.year else ()),
                   tuple(t for t in q.terms if len(t) > 1), q.kind, q.pillar, q.ranking)


def _coverage(terms: Sequence[str], folded: str) -> float:
    if not terms:
        return 0.0
    words = set(re.findall(r"[a-z0-9]+", folded))
    return sum(t in words for t in terms) / len(terms)


def features(query: Query, hits: Sequence, extra: frozenset = frozenset(), columns: dict | None = None) -> np.ndarray:
    """One row of FEATURES per hit (hits as fusion ranked them, with their BM25 and dense scores); `columns`
    are the index's `signals` (None: nothing known of the sentences' context)."""
    columns = columns or signals.empty(1 + max((h.row for h in hits), default=0))
    asked_places = {signals.place_id(p) for p in query.provinces} - {-1}
    role = signals.role_mask([query.kind])
    pillar = signals.pillar_mask([query.pillar]) if query.pillar else 0
    ranking = signals.ranking_mask([query.ranking])
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
            float(int(columns["context_place"][h.row]) in asked_places),
            float(int(columns["main_place"][h.row]) in asked_places),
            float(int(columns["edition"][h.row]) in query.years),
            float(bool(int(columns["roles"][h.row]) & role)), float(bool(pillar)),
            float(bool(int(columns["pillars"][h.row]) & pillar)),
            float(bool(int(columns["rankings"][h.row])) and not int(columns["rankings"][h.row]) & ranking),
        ))
    return np.array(rows, dtype=float).reshape(-1, len(FEATURES))


@dataclass(frozen=True)
class Reranker:
    """A fitted reranker: regression trees whose leaf values add up to a candidate's score.

    Each tree is stored flat: per internal node its feature, threshold and children (a child < 0 is the
    leaf ~child); a row goes left when its feature is at most the threshold (LightGBM's rule).
    """

    features: tuple[str, ...]
    trees: tuple[dict, ...]  # {"feature", "threshold", "left", "right", "leaf"} lists
    about: dict

    def __post_init__(self):
        depth = max((len(t["leaf"]) for t in self.trees), default=1)
        pad = lambda key, fill, n: np.array([t[key] + [fill] * (n - len(t[key])) for t in self.trees])
        nodes = max(depth - 1, 1)
        object.__setattr__(self, "_arrays", (pad("feature", 0, nodes).astype(np.int64), pad("threshold", 0.0, nodes),
                                             pad("left", -1, nodes).astype(np.int64), pad("right", -1, nodes).astype(np.int64),
                                             pad("leaf", 0.0, depth)))
        object.__setattr__(self, "_depth", max((_depth(t) for t in self.trees), default=0))

    def scores(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X, dtype=float).reshape(-1, len(self.features))
        if not self.trees:
            return np.zeros(len(X))
        feature, threshold, left, right, leaf = self._arrays
        trees = np.arange(len(self.trees))[None, :]
        rows = np.arange(len(X))[:, None]
        node = np.zeros((len(X), len(self.trees)), np.int64)
        for _ in range(self._depth):
            inner = node >= 0
            if not inner.any():
                break
            at = np.where(inner, node, 0)
            go = np.where(X[rows, feature[trees, at]] <= threshold[trees, at], left[trees, at], right[trees, at])
            node = np.where(inner, go, node)
        return leaf[trees, ~node].sum(axis=1)

    def to_dict(self) -> dict:
        return {"features": list(self.features), "trees": list(self.trees), "about": self.about}

    @classmethod
    def from_dict(cls, d: dict) -> Reranker:
        if tuple(d.get("features", ())) != FEATURES or "trees" not in d:
            raise ValueError("the reranker was fitted on other features than the code computes: run `dtiqa fit-scorer`")
        return cls(tuple(d["features"]), tuple(d["trees"]), d.get("about", {}))

    def save(self, path: Path) -> None:
        tmp = path.with_suffix(".part")
        tmp.write_text(json.dumps(self.to_dict(), ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)


def _depth(tree: dict, node: int = 0) -> int:
    """Splits on the longest path from `node` down (a flat tree; a node < 0 is a leaf)."""
    if node < 0 or not tree["feature"]:
        return 0
    return 1 + max(_depth(tree, tree["left"][node]), _depth(tree, tree["right"][node]))


def _flat(tree: dict) -> dict:
    """A LightGBM tree (`dump_model` form) as flat node lists."""
    out = {"feature": [], "threshold": [], "left": [], "right": [], "leaf": []}

    def visit(node: dict) -> int:
        if "leaf_value" in node or "split_feature" not in node:
            out["leaf"].append(float(node.get("leaf_value", 0.0)))
            return ~(len(out["leaf"]) - 1)
        if node.get("decision_type", "<=") != "<=":
            raise ValueError(f"unsupported split {node.get('decision_type')!r}")
        i = len(out["feature"])
        out["feature"].append(int(node["split_feature"]))
        out["threshold"].append(float(node["threshold"]))
        out["left"].append(0)
        out["right"].append(0)
        out["left"][i] = visit(node["left_child"])
        out["right"][i] = visit(node["right_child"])
        return i

    visit(tree["tree_structure"])
    return out


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


GRID = ({"num_leaves": 7, "n_estimators": 200}, {"num_leaves": 15, "n_estimators": 300},
        {"num_leaves": 31, "n_estimators": 300})  # the settings tried; the one best on dev is kept


def fit(X: np.ndarray, y: np.ndarray, groups: np.ndarray, dev: Sequence[tuple[np.ndarray, np.ndarray]] = (),
        grid: Sequence[dict] = GRID, seed: int = 0) -> Reranker:
    """Fit LambdaMART trees on candidate rows (X) labelled evidence or not (y), grouped by question (rows of
    a question together); of `grid`, the settings whose ranking puts the evidence first most often on `dev`
    ((X, y) per question) are kept (the first when there is no dev)."""
    import lightgbm

    X, y, groups = np.asarray(X, dtype=float), np.asarray(y, dtype=int), np.asarray(groups)
    _, first, sizes = np.unique(groups, return_index=True, return_counts=True)
    sizes = sizes[np.argsort(first)]

    def train(params: dict):
        return lightgbm.LGBMRanker(objective="lambdarank", learning_rate=0.05, min_child_samples=20, subsample=0.8,
                                   subsample_freq=1, colsample_bytree=0.8, random_state=seed, verbose=-1,
                                   n_jobs=1, **params).fit(X, y, group=sizes)

    grid = grid if dev else grid[:1]  # nothing to choose on: the first settings
    tried = {}
    for i, params in enumerate(grid):
        model = train(params)
        right = [bool(yq[np.argmax(model.predict(Xq))]) for Xq, yq in dev if yq.any()]
        tried[i] = (float(np.mean(right)) if right else 0.0, model)
    best = max(tried, key=lambda i: (tried[i][0], -i))
    booster = tried[best][1].booster_
    trees = tuple(_flat(t) for t in booster.dump_model()["tree_info"])
    gain = booster.feature_importance("gain")
    share = {f: round(float(v / gain.sum()), 4) for f, v in zip(FEATURES, gain)} if gain.sum() else {}
    return Reranker(FEATURES, trees, {"rows": len(y), "questions": len(sizes), "positives": int(y.sum()), "gain": share,
                                      "params": dict(grid[best]), "model": "LightGBM lambdarank",
                                      "dev_hit@1": {json.dumps(grid[i]): round(v[0], 4) for i, v in tried.items()}})


__all__ = ["CANDIDATES", "FEATURES", "MODEL_FILE", "Query", "Reranker", "default", "features", "fit", "reset"]
