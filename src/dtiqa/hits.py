"""Hits: hybrid retrieval over an index, BM25 and dense rankings fused.

The unit retrieved is a passage (a sentence with its neighbours in the
paragraph); the unit cited is the sentence, with offsets into the article.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace

import numpy as np

from . import rerank as reranking
from . import signals
from .embed import Embedder
from .index import Index
from .text import fold, glossary_terms, has_letters_or_digits, looks_english, normalize_line
from .tokens import bm25_tokens

MAX_QUERY_CHARS = 1000  # longer questions are truncated (a question, not a document)
RRF_K = 60
WEIGHT_BM25 = 0.5  # weight of BM25 in the weighted-sum fusion
MODES = ("hybrid", "bm25", "dense")
FUSIONS = ("rrf", "weighted")
DEFAULT_FUSION = "rrf"


@dataclass(frozen=True)
class Hit:
    """A retrieved passage and the sentence it cites."""

    doc_id: str
    title: str
    url: str
    source: str
    date: str
    text: str  # the passage: the sentence with its neighbours in the paragraph
    sentence: str
    start: int  # sentence offsets in the cleaned article text
    end: int
    passage_start: int
    passage_end: int
    sentence_index: int
    row: int  # the sentence's row in the index
    rank: int  # 1-based, after fusion
    score: float  # fused score
    bm25_score: float | None = None
    bm25_rank: int | None = None
    dense_score: float | None = None
    dense_rank: int | None = None

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def prepare_query(query: str) -> str:
    """Validate and normalise a query; ValueError if there is nothing to ask."""
    if not isinstance(query, str):
        raise TypeError(f"query must be a string, not {type(query).__name__}")
    if not query.strip():
        raise ValueError("query is empty")
    query = normalize_line(query[: MAX_QUERY_CHARS * 2])[:MAX_QUERY_CHARS]
    letters = [c for c in query if c.isalpha()]
    if len(letters) > 3 and all(c.isupper() for c in letters):  # typed in capitals: search it in lower case
        query = query.lower()
    return query


def bm25_scores(index: Index, query: str) -> np.ndarray | None:
    """The BM25 score of every row for a query (None when no query word is in the index)."""
    if index.bm25 is None or index.size == 0:
        return None
    toks = bm25_tokens(query, index.settings.folding)
    if index.settings.bm25 == "bm25s":
        ids = [index.vocab_map[t] for t in toks if t in index.vocab_map]
        return index.bm25.get_scores(ids) if ids else None
    return np.asarray(index.bm25.get_scores(toks), np.float32)


def bm25_ranking(index: Index, query: str, n: int, scores: np.ndarray | None = None) -> list[tuple[int, float]]:
    """Top `n` (row, score) by BM25, best first; rows scoring 0 are left out."""
    scores = bm25_scores(index, query) if scores is None else scores
    return [] if scores is None else _top(scores, n)


def dense_ranking(index: Index, qvec: np.ndarray, n: int) -> list[tuple[int, float]]:
    """Top `n` (row, cosine) from the FAISS index, best first."""
    n = min(n, index.size)
    if n == 0:
        return []
    scores, rows = index.dense.search(np.asarray(qvec, np.float32).reshape(1, -1), n)
    pairs = [(int(r), float(s)) for r, s in zip(rows[0], scores[0]) if r >= 0]
    pairs.sort(key=lambda p: (-p[1], p[0]))  # deterministic on ties
    return pairs


def _top(scores: np.ndarray, n: int) -> list[tuple[int, float]]:
    n = min(n, len(scores))
    if n == 0:
        return []
    cand = np.argpartition(-scores, n - 1)[:n] if n < len(scores) else np.arange(len(scores))
    pairs = [(int(r), float(scores[r])) for r in cand if scores[r] > 0]
    pairs.sort(key=lambda p: (-p[1], p[0]))
    return pairs


def fuse(bm25: list[tuple[int, float]], dense: list[tuple[int, float]], method: str = DEFAULT_FUSION,
         weight_bm25: float = WEIGHT_BM25) -> list[tuple[int, float]]:
    """Fuse two rankings: reciprocal rank fusion, or a weighted sum of min-max normalised scores."""
    fused: dict[int, float] = {}
    if method == "rrf":
        for ranking in (bm25, dense):
            for r, (row, _) in enumerate(ranking, 1):
                fused[row] = fused.get(row, 0.0) + 1.0 / (RRF_K + r)
    elif method == "weighted":
        for ranking, w in ((bm25, weight_bm25), (dense, 1.0 - weight_bm25)):
            if not ranking:
                continue
            vals = np.array([s for _, s in ranking])
            lo, span = vals.min(), vals.max() - vals.min()
            for row, s in ranking:
                fused[row] = fused.get(row, 0.0) + w * ((s - lo) / span if span > 0 else 1.0)
    else:
        raise ValueError(f"unknown fusion {method!r}: use one of {FUSIONS}")
    return sorted(fused.items(), key=lambda p: (-p[1], p[0]))


# Rows naming the asked province added to the reranker's candidates (0: fusion's candidates only); the
# environment variable is for measuring the choice, not a setting.
PROVINCE_CANDIDATES = int(os.environ.get("DTIQA_PROVINCE_CANDIDATES", "10"))
# The glossary's other-language words added to a question's BM25 words (0: none; for measuring the choice).
GLOSSARY = os.environ.get("DTIQA_GLOSSARY", "1") == "1"
# Rows about the asked province (their signals) stating a figure of the asked kind, added the same way.
SIGNAL_CANDIDATES = int(os.environ.get("DTIQA_SIGNAL_CANDIDATES", "10"))


def search(index: Index, embedder: Embedder, query: str, k: int = 5, mode: str = "hybrid",
           fusion: str = DEFAULT_FUSION, candidates: int = 100, rerank: bool = True, pool: bool = False) -> list[Hit]:
    """The `k` best passages for a query: fused, then (mode "hybrid", when a reranker is fitted) the first
    `rerank.CANDIDATES` re-scored by the fitted reranker (`rerank=False` keeps fusion's order).

    `pool=True` (with `rerank=False`): the reranker's candidates as they are before it scores them — fusion's
    first `rerank.CANDIDATES` and the rows that name the asked province — which the reranker is fitted on."""
    query = prepare_query(query)
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}: use one of {MODES}")
    if k < 1:
        raise ValueError("k must be at least 1")
    if not has_letters_or_digits(query):
        return []
    english = looks_english(query)
    if fold(query) == query and not english:  # typed without diacritics: search with them restored
        query = index.diacritics.restore(query)
    hybrid = mode == "hybrid"
    translated = glossary_terms(query) if GLOSSARY else ""
    if english and mode == "hybrid" and not translated:
        # English words do not occur in Vietnamese text: BM25 only adds noise, unless the glossary gives the
        # Vietnamese of the DTI words the question names (measured in eval/report.md).
        mode = "dense"
    n = max(candidates, k)
    scores = bm25_scores(index, f"{query} {translated}") if mode != "dense" else None
    bm = bm25_ranking(index, query, n, scores) if scores is not None else []
    # Lower case: a question typed without capitals (or diacritics) must embed like one typed with them.
    qvec = embedder.embed_query(query.lower()) if mode != "bm25" else None
    de = dense_ranking(index, qvec, n) if qvec is not None else []
    if mode == "bm25":
        ranked = bm
    elif mode == "dense":
        ranked = de
    else:
        ranked = fuse(bm, de, fusion)
    bm_info = {row: (r, s) for r, (row, s) in enumerate(bm, 1)}
    de_info = {row: (r, s) for r, (row, s) in enumerate(de, 1)}
    model = reranking.default() if rerank and hybrid else None
    pool = pool and hybrid and not rerank
    shown = max(k, reranking.CANDIDATES) if model or pool else k
    hits = [_hit(index, row, rank, score, bm_info.get(row), de_info.get(row))
            for rank, (row, score) in enumerate(ranked[:shown], 1)]
    if (model is None and not pool) or not hits:
        return hits[:k]
    head = hits[:reranking.CANDIDATES]
    asked = reranking.Query.of(query, index.extra_places)
    if asked.provinces:
        # Added to fusion's candidates, for the reranker to weigh with the rest: sentences that name the asked
        # province, whatever their language (a Vietnamese question reaches an English article's sentence through
        # the name both spell alike, "Bình Dương" and "Binh Duong"), which fusion ranks far down; and sentences
        # about it that state a figure of the asked kind though they name neither the province nor the question's
        # words ("Tổng điểm của tỉnh đạt 0,5123" under a headline that names it).
        named = " ".join(sorted(asked.provinces)) + "".join(f" {y}" for y in sorted(asked.years))
        after = len(hits)  # their fused rank: after fusion's
        for rows, limit in (([r for r, _ in bm25_ranking(index, named, 3 * PROVINCE_CANDIDATES)], PROVINCE_CANDIDATES),
                            (_about(index, asked, scores, 3 * SIGNAL_CANDIDATES), SIGNAL_CANDIDATES)):
            seen = {h.row for h in head}
            extra = [r for r in rows if r not in seen][:limit]
            # Their dense score is computed, not left missing: a missing one reads as the worst to the reranker.
            dense = {r: de_info.get(r) or (None, _similarity(index, qvec, r)) for r in extra} if qvec is not None else {}
            head += [_hit(index, r, after + i, 0.0, bm_info.get(r), dense.get(r)) for i, r in enumerate(extra, 1)]
            after += len(extra)
            hits = [h for h in hits if h.row not in set(extra)]
    if pool:
        return head
    z = model.scores(reranking.features(asked, head, index.extra_places, index.signals))
    order = sorted(range(len(head)), key=lambda i: (-z[i], i))
    out = [replace(head[i], rank=r, score=float(1.0 / (1.0 + np.exp(-z[i])))) for r, i in enumerate(order, 1)]
    rest = [h for h in hits if h.row not in {x.row for x in head}]
    return (out + rest)[:k]


def _about(index: Index, asked: reranking.Query, scores: np.ndarray | None, n: int) -> list[int]:
    """Rows whose paragraph, heading or article is about an asked province and that state a figure of the asked
    kind, best BM25 first (their signals, read at index time)."""
    role = signals.role_mask([asked.kind])
    places = [i for i in map(signals.place_id, asked.provinces) if i >= 0]
    if not role or not places:
        return []
    cols = index.signals
    rows = np.flatnonzero((np.isin(cols["context_place"], places) | np.isin(cols["main_place"], places))
                          & ((cols["roles"] & role) != 0))
    if scores is not None and len(rows) > 1:
        rows = rows[np.argsort(-scores[rows], kind="stable")]
    return rows[:n].tolist()


def _similarity(index: Index, qvec: np.ndarray, row: int) -> float:
    """The cosine of the query with one indexed sentence (its stored vector)."""
    return float(np.dot(index.dense.reconstruct(int(row)), np.asarray(qvec, np.float32).ravel()))


def passage_rows(index: Index, row: int) -> tuple[int, int]:
    """First and last row of a sentence's passage: its neighbours in the same paragraph."""
    lo, hi = row, row
    same = lambda r: 0 <= r < index.size and index.doc[r] == index.doc[row] and index.paragraph[r] == index.paragraph[row]
    if same(row - 1):
        lo = row - 1
    if same(row + 1):
        hi = row + 1
    return lo, hi


def hit_at(index: Index, row: int) -> Hit:
    """The sentence at `row` as a hit of its own (no rank or scores)."""
    return _hit(index, row, 0, 0.0, None, None)


def _hit(index: Index, row: int, rank: int, score: float, bm, de) -> Hit:
    a = index.articles[index.doc[row]]
    s = index.sentence(row)
    lo, hi = passage_rows(index, row)
    ps, pe = int(index.start[lo]), int(index.end[hi])
    return Hit(a.doc_id, a.title, a.url, a.source, a.date, a.text[ps:pe], s.text, s.start, s.end, ps, pe,
               s.index, row, rank, float(score),
               bm25_score=bm[1] if bm else None, bm25_rank=bm[0] if bm else None,
               dense_score=de[1] if de else None, dense_rank=de[0] if de else None)
