"""Training: the candidate scorer fitted on the training split, its threshold chosen on the dev split.

Train: the UIT hand-written QA `train_reg.json` + `train_wiki.json` (never its `test*.json`) and
`eval/train/*/` (batches of DTI articles and questions written for training, and held-out batches once learned from). Dev: `eval/dev/gold.jsonl`, for the
threshold only. Held-out batches, UIT test and XQuAD are never read here. `dtiqa fit-scorer` writes
the model into the package (`data/scorer.json`) and its report (`eval/scorer.md`).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from . import scorer as scoring
from .answering import text_candidates
from .evaluate import (DEFAULT_GOLD, SEEDS, Dataset, _f, _item, _table, answer_match, batch_corpus, batch_questions,
                       external_path, load_external, load_gold, write_corpus)
from .index import Settings
from .qa import load

log = logging.getLogger("dtiqa")

UIT_TRAIN = Dataset("DTIQA_UIT", Path("../shared/data/uit-regulations-handcrafted-qa"),
                    ("train_reg.json", "train_wiki.json"), "uitr", "UIT hand-written QA (train)")
DTI_TRAIN = Path("eval") / "train"
MODEL_PATH = Path(__file__).parent / "data" / scoring.MODEL_FILE
REPORT_PATH = Path("eval") / "scorer.md"
TARGET_PRECISION = 0.95  # the dev precision the threshold is chosen for (the scored path's answers)
# Questions answered by another strategy (a verdict, a list, a comparison, ...): not the scorer's to learn.
OTHER_STRATEGIES = ("claim", "comparison", "list", "entity", "merger", "superlative", "derived", "followup")


@dataclass(frozen=True)
class Example:
    """One question's candidates as the serving path sees them, labelled against its gold answer."""

    set: str
    id: str
    X: np.ndarray  # (candidates, features)
    y: np.ndarray  # 1 where the candidate states the gold answer in a gold article
    answerable: bool


def _examples(qa, name: str, items) -> list[Example]:
    out = []
    for it in items:
        if it.verdict or it.kind in OTHER_STRATEGIES or it.field:
            continue
        _, cands = text_candidates(qa, it.question)
        X = np.array([c.features for c in cands], dtype=float).reshape(-1, len(scoring.FEATURES))
        y = np.array([it.answerable and c.hit.doc_id in it.doc_ids and answer_match(it.answer, c.text, c.value)
                      for c in cands], dtype=int)
        out.append(Example(name, it.id, X, y, it.answerable))
    return out


def uit_examples(index_root: Path, embedder, progress: bool = False) -> list[Example]:
    contexts, items = load_external(UIT_TRAIN, external_path("uit"))
    corpus = index_root / "train-uit-corpus"
    write_corpus(corpus, contexts)
    qa = load(corpus, index_root / "train-uit-index", embedder, Settings(), progress=progress)
    gold = [_item(f"uit-train:{i}", {"id": f"uitr{i}", "question": it.question, "answer": it.answer,
                                      "doc_ids": [it.doc_id], "answerable": True, "kind": "text"})
            for i, it in enumerate(items)]
    return _examples(qa, "uit-train", gold)


def batch_examples(folder: Path, index_root: Path, embedder, name: str, progress: bool = False) -> list[Example]:
    items = [_item(f"{folder}:{i}", d) for i, d in enumerate(batch_questions(folder), 1)]
    corpus = batch_corpus(folder, SEEDS, index_root / f"train-{folder.name}-corpus")
    qa = load(corpus, index_root / f"train-{folder.name}-index", embedder, Settings(), progress=progress)
    return _examples(qa, name, items)


def dev_examples(gold: Path, corpus: Path, index_root: Path, embedder, progress: bool = False) -> list[Example]:
    qa = load(corpus, index_root, embedder, Settings(), progress=progress)
    return _examples(qa, "dev", load_gold(gold))


def _stack(examples: list[Example]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    kept = [(i, e) for i, e in enumerate(examples) if len(e.y)]
    X = np.vstack([e.X for _, e in kept])
    y = np.concatenate([e.y for _, e in kept])
    g = np.concatenate([np.full(len(e.y), i) for i, e in kept])
    return X, y, g


def top_outcomes(model: scoring.Scorer, examples: list[Example]) -> list[tuple[float, bool, bool]]:
    """(confidence, best candidate right, answerable) per question; no candidate = confidence 0."""
    out = []
    for e in examples:
        if not len(e.y):
            out.append((0.0, False, e.answerable))
            continue
        z = model.logits(e.X)
        out.append((model.confidence(e.X, z), bool(e.y[int(np.argmax(z))]), e.answerable))
    return out


def choose_threshold(outcomes: list[tuple[float, bool, bool]], precision: float = TARGET_PRECISION) -> float:
    """The lowest threshold whose answered questions are right at least `precision` of the time."""
    best = 1.0
    for t in sorted({c for c, _, _ in outcomes if c > 0}, reverse=True):
        answered = [ok for c, ok, _ in outcomes if c >= t]
        if sum(answered) / len(answered) >= precision:
            best = t
        else:
            break
    return best


def reliability(outcomes: list[tuple[float, bool, bool]], bins: int = 10) -> list[tuple[str, int, float | None, float | None]]:
    """Per confidence bin: (bin, n, mean confidence, share right) — a reliability diagram as rows."""
    rows = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(c, ok) for c, ok, _ in outcomes if c > 0 and (lo <= c < hi or (b == bins - 1 and c == 1.0))]
        rows.append((f"{lo:.1f}–{hi:.1f}", len(inside), float(np.mean([c for c, _ in inside])) if inside else None,
                     float(np.mean([ok for _, ok in inside])) if inside else None))
    return rows


def _at(outcomes, t: float) -> dict:
    answerable = [o for o in outcomes if o[2]]
    answered = [o for o in outcomes if o[0] >= t and o[0] > 0]
    return {"n": len(outcomes), "accuracy": float(np.mean([o[0] >= t and o[1] for o in answerable])) if answerable else None,
            "precision": float(np.mean([o[1] for o in answered])) if answered else None,
            "answered": len(answered)}


def fit_scorer(index_root: Path, embedder, gold: Path = DEFAULT_GOLD, corpus: Path = SEEDS,
               train: Path = DTI_TRAIN, out: Path = MODEL_PATH, report: Path = REPORT_PATH,
               progress: bool = False) -> scoring.Scorer:
    """Collect candidates on the training split, fit the scorer, choose its threshold on dev, save both."""
    examples = uit_examples(index_root, embedder, progress)
    for batch in sorted(d for d in train.iterdir() if (d / "articles").is_dir()):
        examples += batch_examples(batch, index_root, embedder, "dti-train", progress)
    dev = dev_examples(gold, corpus, index_root / "train-dev-index", embedder, progress)
    return finish(examples, dev, out, report)


def finish(examples: list[Example], dev: list[Example], out: Path = MODEL_PATH, report: Path = REPORT_PATH,
           precision: float = TARGET_PRECISION) -> scoring.Scorer:
    """Fit on the training examples, choose the threshold on the dev ones, save the model and its report."""
    X, y, g = _stack(examples)
    model = scoring.fit(X, y, g)
    dev_out = top_outcomes(model, dev)
    threshold = choose_threshold(dev_out, precision)
    train_out = top_outcomes(model, examples)
    about = model.about | {"fitted": f"{datetime.now(timezone.utc):%Y-%m-%d}", "target_precision": precision,
                           "dev": _at(dev_out, threshold), "train": _at(train_out, threshold),
                           "sets": sorted({e.set for e in examples})}
    model = scoring.Scorer(model.features, model.mean, model.scale, model.coef, model.intercept, model.calibration,
                           threshold, about)
    model.save(out)
    report.write_text(render(model, train_out, dev_out, examples), encoding="utf-8")
    return model


def render(model: scoring.Scorer, train_out, dev_out, examples: list[Example]) -> str:
    a = model.about
    per_set = {s: [e for e in examples if e.set == s] for s in a["sets"]}
    lines = [
        "# The candidate scorer", "",
        f"Fitted by `dtiqa fit-scorer` on {a['fitted']}: logistic regression over {len(model.features)} features of "
        f"{a['rows']} candidates of {a['questions']} training questions ({a['positives']} right candidates); "
        f"Platt calibration of the best candidate's logit and margin on {a['folds']}-fold out-of-fold predictions "
        f"(grouped by question). Threshold {model.threshold:.3f}, the lowest at which the dev questions answered "
        f"are right at least {a['target_precision']:.0%} of the time.", "",
        _table(["set", "questions", "with a right candidate", "accuracy at threshold", "precision of answered",
                "answered"],
               [[s, len(es), sum(bool(e.y.any()) for e in es), *(lambda d: [_f(d["accuracy"]), _f(d["precision"]),
                                                                             d["answered"]])(_at(top_outcomes(model, es), model.threshold))]
                for s, es in per_set.items()]
               + [["dev (eval/dev/gold.jsonl)", a["dev"]["n"], "", _f(a["dev"]["accuracy"]), _f(a["dev"]["precision"]),
                   a["dev"]["answered"]]]), "",
        "## Reliability (best candidate per question)", "",
        _table(["confidence", "train n", "train mean confidence", "train right", "dev n", "dev mean confidence",
                "dev right"],
               [[b, n, _f(c), _f(r), n2, _f(c2), _f(r2)]
                for (b, n, c, r), (_, n2, c2, r2) in zip(reliability(train_out), reliability(dev_out))]), "",
        "Train rows are in-sample for the final weights (the calibration itself was fitted out of fold); dev rows "
        "were not used for fitting, only for the threshold.", "",
        "## Weights (on standardised features)", "",
        _table(["feature", "weight"], sorted(([f, f"{w:+.3f}"] for f, w in zip(model.features, model.coef)),
                                            key=lambda r: -abs(float(r[1])))),
    ]
    return "\n".join(lines) + "\n"


__all__ = ["fit_scorer", "choose_threshold", "reliability", "top_outcomes", "Example"]
