"""Claims, comparisons, change questions and superlatives, on articles the tests write."""
import pytest

import dtiqa

from conftest import Extracted, shipped_embedder
from test_answers import SAO_MAI, SONG_LAM

HA_XUYEN = """\
Tỉnh Hà Xuyên giảm 5 bậc về chuyển đổi số
Năm 2023, tỉnh Hà Xuyên xếp thứ 30/63 về chỉ số chuyển đổi số, giảm 5 bậc so với năm 2022.
Về kinh tế số, Hà Xuyên xếp thứ 12/63 năm 2023.
Năm 2022, tỉnh Hà Xuyên đạt 480 điểm DTI.
Năm 2023, điểm DTI của Hà Xuyên là 455,5 điểm.
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory):
    root = tmp_path_factory.mktemp("verdicts")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in {"sao_mai.txt": SAO_MAI, "song_lam.txt": SONG_LAM, "ha_xuyen.txt": HA_XUYEN}.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return Extracted(dtiqa.load(corpus, root / "index", shipped_embedder()))


@pytest.mark.parametrize("claim, verdict, stated", [
    ("Sao Mai đứng thứ 7 năm 2023 đúng không?", "đúng", "7/63"),
    ("Sao Mai đứng thứ 5 năm 2023 đúng không?", "sai", "7/63"),
    ("sao mai dung thu 5 nam 2023 dung khong", "sai", "7/63"),
    ("Is it true that Sao Mai ranked 7th in 2023?", "đúng", "7/63"),
    ("Có phải Sao Mai tăng 11 bậc năm 2023 không?", "đúng", "11"),
    ("Có phải Hà Xuyên tăng 5 bậc năm 2023 không?", "sai", "5"),
    ("Hà Xuyên giảm 5 bậc năm 2023 phải không?", "đúng", "5"),
    ("Tỷ lệ hồ sơ trực tuyến toàn trình của Sao Mai đạt 87,5% đúng không?", "đúng", "87,5%"),
    ("Tỷ lệ hồ sơ trực tuyến toàn trình của Sao Mai đạt 90% đúng không?", "sai", "87,5%"),
    ("Sao Mai có 1.240 tổ công nghệ số cộng đồng đúng không?", "đúng", "1.240 tổ"),
    ("Sao Mai đạt 612,5 điểm DTI năm 2023 đúng không?", "đúng", "612,5"),
    ("Sao Mai nằm trong top 10 năm 2023 phải không?", "đúng", "7/63"),
    ("Năm 2023 Sao Mai đứng thứ 5. Đúng hay sai?", "sai", "7/63"),
    ("True or false: Sao Mai ranked 7th in 2023.", "đúng", "7/63"),
])
def test_claims_get_a_verdict_with_the_stated_figure(qa, claim, verdict, stated):
    ans = qa.ask(claim)
    assert ans.verdict == verdict, ans.message
    assert ans.text == stated and ans.citations
    if verdict == "sai":
        assert "**Sai:** bài viết ghi **" in ans.message and stated in ans.message.split("không phải")[0]


@pytest.mark.parametrize("claim", [
    "Hà Giang đứng thứ 3 năm 2023 đúng không?",
    "Sao Mai đứng thứ 7 năm 2019 đúng không?",
    "Sao Mai xếp thứ 2 về đô thị thông minh đúng không?",
    "Sao Mai đã vượt chỉ tiêu về hồ sơ trực tuyến năm 2023. Đúng hay sai?",  # no figure to check: never a number
])
def test_claim_the_corpus_does_not_cover_is_not_false(qa, claim):
    ans = qa.ask(claim)
    assert ans.verdict == "không đủ thông tin" and not ans.found


@pytest.mark.parametrize("question, better, difference", [
    ("Năm 2023 Sao Mai hay Hà Xuyên xếp cao hơn?", "Sao Mai", 23),
    ("Năm 2023 Hà Xuyên hay Sao Mai xếp hạng tốt hơn?", "Sao Mai", 23),
    ("Về kinh tế số năm 2023, Sao Mai hay Hà Xuyên xếp cao hơn?", "Hà Xuyên", 8),
])
def test_comparisons_cite_both_sides(qa, question, better, difference):
    ans = qa.ask(question)
    assert ans.found and ans.text == better
    assert ans.comparison["better"] == better and ans.comparison["difference"] == difference
    assert {c.doc_id for c in ans.citations} == {"sao_mai.txt", "ha_xuyen.txt"}


def test_how_many_places_one_province_stands_above_another(qa):
    ans = qa.ask("Năm 2023, Sao Mai xếp trên Hà Xuyên bao nhiêu bậc?")
    assert ans.found and ans.text == "23 bậc" and ans.comparison["better"] == "Sao Mai"


def test_a_comparison_of_scores_compares_the_scores(qa):
    ans = qa.ask("Năm 2023, giữa Sao Mai và Hà Xuyên, tỉnh nào có điểm DTI cao hơn và cao hơn bao nhiêu?")
    assert ans.found and ans.comparison["better"] == "Sao Mai" and ans.comparison["difference"] == 157


@pytest.mark.parametrize("question", [
    "Từ năm 2022 đến năm 2023, điểm DTI của Hà Xuyên giảm bao nhiêu?",
    "By how much did Ha Xuyen's DTI score change from 2022 to 2023?",
])
def test_a_difference_between_two_years_is_computed_from_both_figures(qa, question):
    ans = qa.ask(question)
    assert ans.found and ans.text == "24,5 điểm" and ans.comparison["difference"] == 24.5, ans.message
    assert len(ans.citations) == 2


def test_comparison_with_a_missing_side_says_which(qa):
    ans = qa.ask("Năm 2023 Sao Mai hay Hà Giang xếp cao hơn?")
    assert not ans.found
    assert ans.comparison["missing"] == ["Hà Giang"]
    assert "Hà Giang" in ans.message and "7/63" in ans.message


def test_change_question_from_stated_and_derived_figures(qa):
    stated = qa.ask("Hà Xuyên tăng hay giảm hạng năm 2023?")
    assert stated.found and stated.value == -5 and "giảm" in stated.message
    derived = qa.ask("Sông Lam thay đổi thế nào trong bảng xếp hạng mới nhất so với năm 2022?")
    assert derived.found and derived.computed and derived.value == 22 and len(derived.citations) == 2


def test_superlative_covers_only_the_corpus_provinces(qa):
    ans = qa.ask("Trong các tỉnh có trong dữ liệu, tỉnh nào tăng hạng nhiều nhất năm 2023?")
    assert ans.found and ans.text == "Sao Mai"
    assert "mà kho bài viết nêu" in ans.message
    worst = qa.ask("Tỉnh nào giảm hạng nhiều nhất năm 2023?")
    assert worst.found and worst.text == "Hà Xuyên"
    top = qa.ask("Tỉnh nào xếp hạng cao nhất năm 2023?")
    assert top.text == "Sao Mai"


@pytest.mark.parametrize("question, best", [
    ("Giữa Sao Mai và Hà Xuyên, tỉnh nào xếp hạng DTI cao nhất năm 2023?", "Sao Mai"),
    ("Trong hai tỉnh Sao Mai, Hà Xuyên, tỉnh nào đứng thấp nhất năm 2023?", "Hà Xuyên"),
    ("Sao Mai, Hà Xuyên: về kinh tế số năm 2023 tỉnh nào xếp hạng tốt nhất?", "Hà Xuyên"),
])
def test_superlative_over_a_named_group_weighs_only_its_members(qa, question, best):
    ans = qa.ask(question)
    assert ans.found and ans.text == best, ans.message
    assert set(ans.comparison["values"]) == {"Sao Mai", "Hà Xuyên"}


def test_superlative_over_a_group_with_an_unknown_member_lists_what_is_known(qa):
    ans = qa.ask("Giữa Sao Mai, Hà Xuyên và Hà Giang, tỉnh nào xếp hạng cao nhất năm 2023?")
    assert not ans.found and ans.comparison["missing"] == ["Hà Giang"]
    assert "7/63" in ans.message and "30/63" in ans.message


def test_verdict_and_comparison_reach_the_json(qa):
    d = qa.ask("Sao Mai đứng thứ 5 năm 2023 đúng không?").to_dict()
    assert d["verdict"] == "sai" and d["text"] == "7/63"


def test_a_top_n_neither_confirms_nor_refutes_a_sharper_claim(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text("Bắc Ninh trong top 10\nNăm 2022, Bắc Ninh nằm trong top 10 về chuyển đổi số.\n",
                                          encoding="utf-8")
    qa = Extracted(dtiqa.load(tmp_path / "c", tmp_path / "i", shipped_embedder()))
    assert qa.ask("Bắc Ninh nằm trong top 5 năm 2022 đúng không?").verdict == "không đủ thông tin"
    assert qa.ask("Bắc Ninh nằm trong top 10 năm 2022 đúng không?").verdict == "đúng"


def test_ranks_listed_respectively_go_to_their_provinces(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text(
        "Ba tỉnh vùng cao\nNăm 2022, Lào Cai, Yên Bái và Lai Châu lần lượt đứng thứ 15, 22 và 60 về chuyển đổi số.\n"
        "Năm 2022, Tuyên Quang xếp trên Hà Giang 6 bậc, đứng thứ 35.\n", encoding="utf-8")
    qa = Extracted(dtiqa.load(tmp_path / "c", tmp_path / "i", shipped_embedder()))
    assert qa.ask("Lai Châu đứng thứ mấy năm 2022?").value == 60
    assert qa.ask("Yên Bái đứng thứ mấy năm 2022?").value == 22
    assert qa.ask("Năm 2022 tỉnh nào đứng thứ 35?").text == "Tuyên Quang"
    both = qa.ask("Lào Cai và Lai Châu xếp thứ mấy năm 2022?")
    assert "Lào Cai: 15" in both.text and "Lai Châu: 60" in both.text and "không thống nhất" not in both.message
