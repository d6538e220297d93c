"""The index follows the corpus: fresh, stale, corrupt, half-built, bad files."""
import logging
import os

import pytest

import dtiqa
from dtiqa.index import Settings, open_index

from conftest import HashEmbedder


def load(corpus, index, emb, **kw):
    return dtiqa.load(corpus, index, emb, **kw)


def test_fresh_index_is_reused_without_rebuilding(corpus, tmp_path, hash_embedder):
    qa = load(corpus, tmp_path / "idx", hash_embedder)
    first = qa.index.path
    again = load(corpus, tmp_path / "idx", hash_embedder)
    assert again.index.path == first
    assert hash_embedder.passages_embedded == qa.info()["sentences"]


def test_made_up_article_is_retrieved(corpus, tmp_path, hash_embedder):
    qa = load(corpus, tmp_path / "idx", hash_embedder)
    hits = qa.search("Hoa Mai đứng thứ mấy về chuyển đổi số năm 2023?", k=3)
    assert hits[0].doc_id == "hoa_mai.txt"
    hit = next(h for h in hits if "7/63" in h.sentence)
    assert qa.article("hoa_mai.txt").text[hit.start:hit.end] == hit.sentence
    assert hit.url == "https://hoamai.example.vn/tin-tuc/hoa-mai-thu-7"


def test_added_article_is_indexed_and_only_it_is_embedded(corpus, tmp_path):
    emb = HashEmbedder()
    qa = load(corpus, tmp_path / "idx", emb)
    before = emb.passages_embedded
    (corpus / "new.txt").write_text("Tỉnh Sao Vàng đứng thứ 30\nNăm 2023, tỉnh Sao Vàng xếp thứ 30/63 về chuyển đổi số.\n",
                                    encoding="utf-8")
    qa2 = load(corpus, tmp_path / "idx", emb)
    assert qa2.index.path != qa.index.path
    assert emb.passages_embedded - before == 2
    assert qa2.search("Sao Vàng xếp thứ mấy", k=1)[0].doc_id == "new.txt"


def test_an_update_keeps_the_facts_a_full_build_extracts(corpus, tmp_path, hash_embedder):
    load(corpus, tmp_path / "idx", hash_embedder)
    (corpus / "hoa_mai.txt").write_text("Hoa Mai lùi hạng\nTỉnh Hoa Mai xếp thứ 40/63 về chuyển đổi số năm 2024.\n",
                                        encoding="utf-8")
    (corpus / "a_new.txt").write_text("Sao Vàng tiến bộ\nNăm 2023, tỉnh Sao Vàng xếp thứ 30/63 về chuyển đổi số.\n",
                                      encoding="utf-8")
    updated = load(corpus, tmp_path / "idx", hash_embedder)
    full = load(corpus, tmp_path / "full", hash_embedder)
    assert updated.index.manifest["build"]["articles_reused"] > 0
    assert updated.index.facts == full.index.facts  # same rows, same order
    assert {f.value for f in updated.index.facts if f.province == "Hoa Mai"} == {40}


def test_changed_and_removed_articles_are_noticed(corpus, tmp_path, hash_embedder):
    load(corpus, tmp_path / "idx", hash_embedder)
    (corpus / "hoa_mai.txt").write_text("Hoa Mai lùi hạng\nTỉnh Hoa Mai xếp thứ 40/63 về chuyển đổi số năm 2024.\n",
                                        encoding="utf-8")
    os.remove(corpus / "004_8002a27eda6e1061.txt")
    qa = load(corpus, tmp_path / "idx", hash_embedder)
    assert "40/63" in qa.search("Hoa Mai xếp thứ mấy", k=1)[0].sentence
    assert "004_8002a27eda6e1061.txt" not in {a.doc_id for a in qa.articles}


def test_another_embedder_rebuilds_the_vectors(corpus, tmp_path):
    qa = load(corpus, tmp_path / "idx", HashEmbedder("a"))
    other = HashEmbedder("b")
    qa2 = load(corpus, tmp_path / "idx", other)
    assert qa2.info()["embedder"] == "test-b"
    assert other.passages_embedded == qa.info()["sentences"]


@pytest.mark.parametrize("damage", ["truncate_faiss", "garbage_manifest", "garbage_current", "missing_npz", "wrong_size",
                                    "flipped_faiss", "zeroed_facts", "zeroed_spellings", "zeroed_diacritics"])
def test_corrupt_index_is_rebuilt_with_a_warning(corpus, tmp_path, hash_embedder, damage, caplog):
    qa = load(corpus, tmp_path / "idx", hash_embedder)
    v = qa.index.path
    if damage == "truncate_faiss":
        data = (v / "dense.faiss").read_bytes()
        (v / "dense.faiss").write_bytes(data[: len(data) // 2])
    elif damage == "garbage_manifest":
        (v / "manifest.json").write_text("{not json", encoding="utf-8")
    elif damage == "garbage_current":
        (tmp_path / "idx" / "CURRENT").write_text("../../etc", encoding="utf-8")
    elif damage == "missing_npz":
        os.remove(v / "sentences.npz")
    elif damage == "wrong_size":
        with open(v / "keys.npy", "ab") as f:
            f.write(b"\0" * 7)
    elif damage == "flipped_faiss":  # same size, one byte changed
        data = bytearray((v / "dense.faiss").read_bytes())
        data[len(data) // 2] ^= 0xFF
        (v / "dense.faiss").write_bytes(bytes(data))
    else:  # "zeroed_facts": the same number of bytes, all zero
        name = {"zeroed_facts": "facts.jsonl", "zeroed_spellings": "spellings.json",
                "zeroed_diacritics": "diacritics.json"}[damage]
        (v / name).write_bytes(b"\0" * (v / name).stat().st_size)
    with caplog.at_level(logging.WARNING, logger="dtiqa"):
        qa2 = load(corpus, tmp_path / "idx", hash_embedder)
    assert "damaged" in caplog.text
    assert qa2.search("Hoa Mai đứng thứ mấy", k=1)[0].doc_id == "hoa_mai.txt"


class ExplodingEmbedder(HashEmbedder):
    def embed_passages(self, texts):
        raise KeyboardInterrupt("killed half-way")


def test_a_build_killed_half_way_leaves_the_old_index_live(corpus, tmp_path, hash_embedder):
    qa = load(corpus, tmp_path / "idx", hash_embedder)
    (corpus / "new.txt").write_text("Tỉnh Sao Vàng đứng thứ 30/63 về chuyển đổi số năm 2023.\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt):
        load(corpus, tmp_path / "idx", ExplodingEmbedder("hash"))
    live = open_index(tmp_path / "idx")
    assert live.path == qa.index.path
    assert not list((tmp_path / "idx").glob(".tmp-*"))


def test_missing_or_empty_corpus_is_a_clear_error(tmp_path, hash_embedder):
    with pytest.raises(dtiqa.CorpusError, match="does not exist"):
        load(tmp_path / "nope", tmp_path / "idx", hash_embedder)
    (tmp_path / "empty").mkdir()
    with pytest.raises(dtiqa.CorpusError, match="holds no articles"):
        load(tmp_path / "empty", tmp_path / "idx", hash_embedder)


def test_bad_files_are_named_in_a_warning_and_the_rest_indexed(corpus, tmp_path, hash_embedder, caplog):
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04")
    (corpus / "latin1.txt").write_bytes("Hoa Mai café".encode("latin-1"))
    with caplog.at_level(logging.WARNING, logger="dtiqa"):
        qa = load(corpus, tmp_path / "idx", hash_embedder)
    assert "binary.txt" in caplog.text and "latin1.txt" in caplog.text
    assert set(qa.info()["skipped"]) == {"binary.txt", "latin1.txt"}
    assert len(qa.articles) == 6
    # Unchanged bad files do not make the index stale.
    assert load(corpus, tmp_path / "idx", hash_embedder).index.path == qa.index.path


def test_corpus_of_only_bad_files_is_a_clear_error(tmp_path, hash_embedder):
    d = tmp_path / "c"
    d.mkdir()
    (d / "a.txt").write_bytes(b"\x00\x00")
    with pytest.raises(dtiqa.CorpusError, match="no readable article"):
        load(d, tmp_path / "idx", hash_embedder)


@pytest.fixture
def qa(corpus, tmp_path, hash_embedder):
    return load(corpus, tmp_path / "idx", hash_embedder)


@pytest.mark.parametrize("query", ["", "   ", "\n\t"])
def test_empty_query_is_a_value_error(qa, query):
    with pytest.raises(ValueError, match="empty"):
        qa.search(query)


@pytest.mark.parametrize("query", ["?!...", "🙂🚀", "— … ???"])
def test_query_of_only_punctuation_or_emoji_finds_nothing(qa, query):
    assert qa.search(query) == []


def test_huge_query_is_truncated_and_answered(qa):
    hits = qa.search("Hoa Mai đứng thứ mấy " + "chuyển đổi số " * 8000, k=3)
    assert len(hits) == 3


def test_html_in_a_query_is_just_text(qa):
    hits = qa.search("<script>alert(1)</script> Hoa Mai xếp thứ mấy", k=1)
    assert hits[0].doc_id == "hoa_mai.txt"


def test_search_order_is_deterministic(qa):
    a = [(h.row, h.score) for h in qa.search("chuyển đổi số", k=20)]
    b = [(h.row, h.score) for h in qa.search("chuyển đổi số", k=20)]
    assert a == b
    ranks = [h.rank for h in qa.search("chuyển đổi số", k=20)]
    assert ranks == list(range(1, 21))


def test_hit_carries_scores_ranks_and_offsets(qa):
    h = qa.search("Hoa Mai tỷ lệ hồ sơ trực tuyến", k=1)[0]
    assert h.bm25_rank == 1 and h.bm25_score > 0
    assert h.dense_rank is not None and -1 <= h.dense_score <= 1
    assert h.text[h.start - h.passage_start: h.end - h.passage_start] == h.sentence
    assert qa.sentences(h.doc_id)[h.sentence_index].text == h.sentence


@pytest.mark.parametrize("mode", ["bm25", "dense", "hybrid"])
def test_each_mode_finds_the_made_up_article(qa, mode):
    assert qa.search("tỷ lệ hồ sơ trực tuyến toàn trình của tỉnh", k=1, mode=mode)[0].doc_id == "hoa_mai.txt"


def test_rank_bm25_backend_gives_the_same_top_hit(corpus, tmp_path, hash_embedder):
    a = load(corpus, tmp_path / "a", hash_embedder)
    b = load(corpus, tmp_path / "b", hash_embedder, settings=Settings(bm25="rank_bm25"))
    for q in ["Hoa Mai hồ sơ trực tuyến", "Thái Nguyên tăng 4 bậc", "Bình Phước xếp thứ 9/63"]:
        assert a.search(q, k=1, mode="bm25")[0].row == b.search(q, k=1, mode="bm25")[0].row


def test_add_copies_good_articles_and_refuses_bad_ones(qa, tmp_path):
    good = tmp_path / "sao_vang.txt"
    good.write_text("Sao Vàng tăng hạng\nTỉnh Sao Vàng xếp thứ 11/63 về chuyển đổi số năm 2023.\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\xd8")
    result = qa.add([good, bad])
    assert result.added == ["sao_vang.txt"]
    assert "bad.txt" in result.rejected
    assert not (qa.corpus / "bad.txt").exists()
    assert qa.search("Sao Vàng xếp thứ mấy", k=1)[0].doc_id == "sao_vang.txt"


def test_info_reports_counts_embedder_and_age(qa):
    info = qa.info()
    assert info["articles"] == 6 and info["sentences"] > 100
    assert info["embedder"] == "test-hash" and info["age_seconds"] >= 0


def test_an_add_updates_from_the_index_in_hand_without_opening_a_second_copy(qa, tmp_path, monkeypatch):
    import dtiqa.qa as qa_module

    opened = []
    real = qa_module.open_index
    monkeypatch.setattr(qa_module, "open_index", lambda d: opened.append(d) or real(d))
    old = qa.index
    art = tmp_path / "sao_bac.txt"
    art.write_text("Sao Bắc tăng hạng\nTỉnh Sao Bắc xếp thứ 12/63 về chuyển đổi số năm 2023.\n", encoding="utf-8")
    qa.add([art])
    assert opened == []  # the old index is the one the QA holds (a second copy doubles the memory at scale)
    assert qa.index is not old and qa.search("Sao Bắc xếp thứ mấy", k=1)[0].doc_id == "sao_bac.txt"


def test_an_article_of_the_same_name_is_refused_unless_replace_is_asked(qa, tmp_path):
    first = tmp_path / "a" / "sao_tay.txt"
    first.parent.mkdir()
    first.write_text("Sao Tây tăng hạng\nTỉnh Sao Tây xếp thứ 9/63 về chuyển đổi số năm 2023.\n", encoding="utf-8")
    assert qa.add([first]).added == ["sao_tay.txt"]
    other = tmp_path / "sao_tay.txt"
    other.write_text("Sao Tây giảm hạng\nTỉnh Sao Tây xếp thứ 1/63 về chuyển đổi số năm 2023.\n", encoding="utf-8")
    result = qa.add([other])
    assert result.added == [] and "already in the corpus" in result.rejected["sao_tay.txt"]
    assert "9/63" in (qa.corpus / "sao_tay.txt").read_text(encoding="utf-8")
    assert qa.add([first]).rejected == {}  # the same article again is no conflict
    assert qa.add([other], replace=True).added == ["sao_tay.txt"]
    assert "1/63" in qa.sentences("sao_tay.txt")[1].text


def test_a_failed_add_leaves_the_corpus_as_it_was(qa, tmp_path, monkeypatch):
    import dtiqa.qa as qa_module

    art = tmp_path / "sao_nam.txt"
    art.write_text("Sao Nam tăng hạng\nTỉnh Sao Nam xếp thứ 12/63 về chuyển đổi số năm 2023.\n", encoding="utf-8")

    def fail(*a, **kw):
        raise OSError("No space left on device")

    monkeypatch.setattr(qa_module, "build", fail)
    with pytest.raises(OSError):
        qa.add([art])
    assert not (qa.corpus / "sao_nam.txt").exists()
    monkeypatch.undo()
    assert qa.add([art]).added == ["sao_nam.txt"]  # and nothing is stuck: the next add works


def test_a_symbolic_link_in_the_corpus_is_not_served(corpus, tmp_path, hash_embedder, caplog):
    secret = tmp_path / "secret.txt"
    secret.write_text("Mật khẩu máy chủ\nĐây không phải một bài báo.\n", encoding="utf-8")
    (corpus / "link.txt").symlink_to(secret)
    with caplog.at_level(logging.WARNING, logger="dtiqa"):
        qa = load(corpus, tmp_path / "idx", hash_embedder)
    assert "link.txt" not in {a.doc_id for a in qa.articles}
    assert "symbolic link" in caplog.text


def test_an_upper_case_txt_suffix_is_an_article_everywhere(qa, tmp_path):
    art = tmp_path / "SAO_DONG.TXT"
    art.write_text("Sao Đông tăng hạng\nTỉnh Sao Đông xếp thứ 14/63 về chuyển đổi số năm 2023.\n", encoding="utf-8")
    assert qa.add([art]).added == ["SAO_DONG.TXT"]
    assert "SAO_DONG.TXT" in {a.doc_id for a in qa.articles}


def test_an_update_from_an_old_index_it_cannot_read_builds_anew(corpus, tmp_path, hash_embedder, caplog):
    qa = load(corpus, tmp_path / "idx", hash_embedder)
    (qa.index.path / "facts.jsonl").write_text("{not json\n", encoding="utf-8")  # read only by an update
    sizes = qa.index.manifest["sizes"]
    sizes["facts.jsonl"] = (qa.index.path / "facts.jsonl").stat().st_size  # a damage the open-time checks miss
    qa.index.manifest["checksums"].pop("facts.jsonl")
    (corpus / "sao_moi.txt").write_text("Sao Mới tăng hạng\nTỉnh Sao Mới xếp thứ 3/63 về chuyển đổi số năm 2024.\n",
                                        encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="dtiqa"):
        qa.refresh()
    assert "cannot be read" in caplog.text and "sao_moi.txt" in {a.doc_id for a in qa.articles}


def test_info_verify_checks_every_file(qa):
    assert qa.info(verify=True)["verified_files"] >= 10


def test_a_reader_keeps_its_version_while_writers_publish_and_then_follows_them(corpus, tmp_path, hash_embedder):
    reader = load(corpus, tmp_path / "idx", hash_embedder)
    held = reader.index.path
    writer = load(corpus, tmp_path / "idx", hash_embedder)
    for i in range(3):  # three publishes: more than garbage collection keeps
        art = tmp_path / f"sao_{i}.txt"
        art.write_text(f"Sao {i} tăng hạng\nTỉnh Sao Số{i} xếp thứ {i + 2}/63 về chuyển đổi số năm 2024.\n", encoding="utf-8")
        writer.add([art])
    assert held.exists() and (held / "facts.jsonl").exists()  # a version in use is never collected
    assert reader.search("Sao Số2 xếp thứ mấy", k=1)[0].doc_id == "sao_2.txt"  # it switches between questions
    assert reader.index.path != held


def test_a_version_no_reader_holds_is_collected(corpus, tmp_path, hash_embedder):
    import gc

    qa = load(corpus, tmp_path / "idx", hash_embedder)
    first = qa.index.path
    for i in range(3):
        art = tmp_path / f"sao_{i}.txt"
        art.write_text(f"Sao {i}\nTỉnh Sao Số{i} xếp thứ {i + 2}/63 về chuyển đổi số năm 2024.\n", encoding="utf-8")
        qa.add([art])
        gc.collect()
    assert not first.exists()
