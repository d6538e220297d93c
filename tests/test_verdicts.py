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
    assert ans.found and ans.text.startswith(f"{better} (")  # the winner, then both figures
    assert ans.comparison["better"] == better and ans.comparison["difference"] == difference
    assert {c.doc_id for c in ans.citations} == {"sao_mai.txt", "ha_xuyen.txt"}


def test_how_many_places_one_province_stands_above_another(qa):
    ans = qa.ask("Năm 2023, Sao Mai xếp trên Hà Xuyên bao nhiêu bậc?")
    assert ans.found and ans.text == "23 bậc (Sao Mai: 7/63; Hà Xuyên: 30/63)" and ans.comparison["better"] == "Sao Mai"


def test_a_comparison_of_scores_compares_the_scores(qa):
    ans = qa.ask("Năm 2023, giữa Sao Mai và Hà Xuyên, tỉnh nào có điểm DTI cao hơn và cao hơn bao nhiêu?")
    assert ans.found and ans.comparison["better"] == "Sao Mai" and ans.comparison["difference"] == 157


@pytest.mark.parametrize("question", [
    "Từ năm 2022 đến năm 2023, điểm DTI của Hà Xuyên giảm bao nhiêu?",
    "By how much did Ha Xuyen's DTI score change from 2022 to 2023?",
])
def test_a_difference_between_two_years_is_computed_from_both_figures(qa, question):
    ans = qa.ask(question)
    assert ans.found and ans.text.startswith("24,5 điểm (") and ans.comparison["difference"] == 24.5, ans.message
    assert "480" in ans.text and "455,5" in ans.text  # the two figures the difference comes from
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
    assert ans.found and ans.text.startswith("Sao Mai (")
    assert "mà kho bài viết nêu" in ans.message
    worst = qa.ask("Tỉnh nào giảm hạng nhiều nhất năm 2023?")
    assert worst.found and worst.text.startswith("Hà Xuyên (")
    top = qa.ask("Tỉnh nào xếp hạng cao nhất năm 2023?")
    assert top.text.startswith("Sao Mai (")


@pytest.mark.parametrize("question, best", [
    ("Giữa Sao Mai và Hà Xuyên, tỉnh nào xếp hạng DTI cao nhất năm 2023?", "Sao Mai"),
    ("Trong hai tỉnh Sao Mai, Hà Xuyên, tỉnh nào đứng thấp nhất năm 2023?", "Hà Xuyên"),
    ("Sao Mai, Hà Xuyên: về kinh tế số năm 2023 tỉnh nào xếp hạng tốt nhất?", "Hà Xuyên"),
])
def test_superlative_over_a_named_group_weighs_only_its_members(qa, question, best):
    ans = qa.ask(question)
    assert ans.found and ans.text.startswith(f"{best} ("), ans.message
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


# A regional press note: one province's pillars and editions, a region whose members the note lists, a rank
# stated in a list line and its change in another paragraph, "tăng tới", and a score "từ … lên …".
VUNG_CAO = """\
Thông cáo: kết quả chuyển đổi số của bốn tỉnh vùng cao Tây Lĩnh năm 2024
Ban điều phối vùng cao Tây Lĩnh công bố kết quả DTI 2024 của bốn tỉnh trong vùng.
- Tỉnh Lào Cai: hạng 18, 0,5742 điểm
- Tỉnh Lai Châu: hạng 61, 0,4021 điểm
- Tỉnh Sơn La: hạng 40, 0,4956 điểm
- Tỉnh Điện Biên: hạng 55, 0,4310 điểm

So với năm 2023, Lào Cai tăng 6 bậc và tiếp tục dẫn đầu vùng. Hòa Bình giữ nguyên thứ hạng.

Biểu đồ riêng cho Sơn La tách ba trụ cột của DTI 2024. Chính quyền số đạt 0,6120 điểm, xếp hạng 15; xã hội số đạt 0,5010 điểm, xếp hạng 33; kinh tế số thấp nhất với 0,3905 điểm, xếp hạng 52.

Sơn La qua các kỳ: DTI 2021 xếp hạng 47/63; DTI 2022 xếp hạng 35/63; DTI 2023 xếp hạng 44/63.
Trong DTI 2023, Điện Biên xếp thứ 50/63 với 0,4120 điểm, tăng tới 9 bậc so với năm trước đó.
Điểm DTI của Sơn La tăng từ 0,4612 lên 0,4956 điểm so với năm trước.
"""


@pytest.fixture(scope="module")
def region_qa(tmp_path_factory):
    root = tmp_path_factory.mktemp("region")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "vung_cao.txt").write_text(VUNG_CAO, encoding="utf-8")
    (corpus / "sao_mai.txt").write_text(SAO_MAI, encoding="utf-8")
    return Extracted(dtiqa.load(corpus, root / "index", shipped_embedder()))


@pytest.mark.parametrize("question, text, score", [
    ("Trong DTI 2024 của Sơn La, trụ cột nào có thứ hạng thấp nhất?", "Kinh tế số (hạng 52", "0,3905"),
    ("Trụ cột nào của Sơn La mạnh nhất năm 2024?", "Chính quyền số (hạng 15", "0,6120"),
    ("Từ 2021 đến 2023, Sơn La đạt thứ hạng tốt nhất vào năm nào?", "năm 2022 (hạng 35/63", ""),
    ("Tỉnh nào xếp thấp nhất khu vực Tây Lĩnh trong DTI 2024?", "Lai Châu (hạng 61", "0,4021"),  # not "bắc" as "bậc"
])
def test_a_superlative_ranges_over_pillars_editions_or_a_region(region_qa, question, text, score):
    ans = region_qa.ask(question)
    assert ans.found and ans.text.startswith(text), ans.message
    # the winner's score beside its rank, when the scorer is sure of it: never another figure
    assert "điểm" not in ans.text or ans.text == f"{text}, {score} điểm)", ans.text


def test_a_rank_and_its_change_in_other_paragraphs_give_the_earlier_rank(region_qa):
    ans = region_qa.ask("Năm 2023 Lào Cai xếp hạng mấy về DTI?")
    assert ans.found and ans.computed and ans.value == 24
    assert ans.text == "24 (hạng 18 năm 2024, tăng 6 bậc)"  # a computed rank says what it is computed from
    earlier = region_qa.ask("Điện Biên xếp hạng mấy trong DTI 2022?")  # "tăng tới 9 bậc" is a change
    assert earlier.found and earlier.value == 59


def test_the_first_figure_of_from_to_is_the_earlier_editions(region_qa):
    ans = region_qa.ask("Điểm DTI của Sơn La tăng bao nhiêu từ 2023 sang 2024?")
    assert ans.found and abs(ans.value - 0.0344) < 1e-9
    assert "0,4612" in ans.text and "0,4956" in ans.text


@pytest.mark.parametrize("claim, verdict", [
    ("Hà Xuyên tụt hạng năm 2023, đúng không?", "đúng"),  # "giảm 5 bậc"
    ("Hà Xuyên tăng hạng năm 2023, đúng không?", "sai"),
    ("Is it true that Ha Xuyen's rank fell in 2023?", "đúng"),
    ("Hà Xuyên tụt hạng năm 2023 vì điểm số giảm, đúng không?", "đúng"),  # 480 -> 455,5
    ("Hà Xuyên tụt hạng năm 2023 dù điểm số tăng, đúng không?", "sai"),
])
def test_a_claimed_direction_of_a_rank_is_checked_against_the_stated_change(qa, claim, verdict):
    ans = qa.ask(claim)
    assert ans.verdict == verdict and ans.citations, ans.message


def test_a_kept_rank_is_a_change_of_zero(region_qa):
    ans = region_qa.ask("Sơn La giữ nguyên thứ hạng năm 2024, đúng không?")
    assert ans.verdict == "sai" and ans.value == 4  # 44/63 in 2023, 40 in 2024
    kept = region_qa.ask("Hòa Bình giữ nguyên thứ hạng năm 2024, đúng không?")
    assert kept.verdict == "đúng", kept.message
    facts = [f for f in region_qa.facts(province="Hòa Bình") if f.kind == "rank_change"]
    assert [(f.year, f.value) for f in facts] == [(2024, 0.0)]


LEADERS = """\
Công bố DTI 2022: Sao Mai, Hà Xuyên, Núi Đỏ và Sông Lam trong nhóm đầu
Năm 2022, tỉnh Núi Đỏ xếp thứ 3/63, tỉnh Sao Mai xếp thứ 1/63.
Tỉnh Hà Xuyên xếp thứ 2/63 về chỉ số chuyển đổi số năm 2022; tỉnh Sông Lam xếp thứ 4/63.
"""


@pytest.mark.parametrize("question", ["Ba tỉnh dẫn đầu DTI 2022 là những tỉnh nào?",
                                      "Which were the top three provinces in DTI 2022?"])
def test_the_leading_n_provinces_are_listed_in_rank_order(tmp_path_factory, question):
    root = tmp_path_factory.mktemp("leaders")
    (root / "corpus").mkdir()
    (root / "corpus" / "dti_2022.txt").write_text(LEADERS, encoding="utf-8")
    qa = Extracted(dtiqa.load(root / "corpus", root / "index", shipped_embedder()))
    ans = qa.ask(question)
    assert ans.found and ans.text == "Sao Mai, Hà Xuyên, Núi Đỏ", ans.message


def test_an_english_question_names_a_region_its_vietnamese_articles_name():
    from dtiqa.question import analyze
    assert analyze("Among the six Northwest provinces, which one rose the most in DTI 2024?").region == "tay bac"
    assert analyze("Which Mekong Delta province ranked lowest?").region == "dong bang song cuu long"
    assert analyze("Is Vietnam 5th in Southeast Asia?").region == ""


def test_a_change_no_sentence_states_is_computed_from_the_two_editions(qa):
    ans = qa.ask("Điểm DTI năm 2023 của Hà Xuyên giảm bao nhiêu so với năm trước?")  # 480 -> 455,5
    assert ans.found and ans.value == 24.5 and ans.method == "compare", ans.message
    assert "480" in ans.text and "455,5" in ans.text


TIMELINE = """\
Sao Mai qua ba kỳ DTI: nhìn lại từ 2023 về 2021

Dưới đây là dòng thời gian của tỉnh Sao Mai, xếp từ gần nhất về xa nhất.

DTI 2023 (công bố ngày 26/7/2024)
Tỉnh đạt 0,5076 điểm, hạng 35/63, tăng 9 bậc. Số tổ công nghệ số cộng đồng đạt 1.056 tổ.

DTI 2022 (công bố tháng 7/2023)
Tỉnh xếp hạng 44/63 với 0,4283 điểm, tăng 7 bậc.

DTI 2021 (công bố tháng 6/2022)
Tỉnh Sao Mai tụt xuống hạng 51/63, đạt 0,3489 điểm.
"""


def test_a_section_heading_dates_the_ranks_below_it(tmp_path_factory):
    root = tmp_path_factory.mktemp("timeline")
    (root / "corpus").mkdir()
    (root / "corpus" / "sao_mai_timeline.txt").write_text(TIMELINE, encoding="utf-8")
    qa = dtiqa.load(root / "corpus", root / "index", shipped_embedder())
    stated = {(f.year, f.value) for f in qa.facts(province="Sao Mai") if f.kind == "rank" and not f.computed}
    assert stated == {(2023, 35.0), (2022, 44.0), (2021, 51.0)}  # not the year it was published, nor the most named


def test_a_claim_that_a_target_was_reached_is_checked_against_the_rank_reached(tmp_path_factory):
    from conftest import qa_of
    from dtiqa.answering import answer_question

    qa = qa_of(tmp_path_factory, "target_claim", {"la.txt": "Sao Mai năm 2022\nNăm 2022, tỉnh Sao Mai xếp thứ 9/63 về "
                                                  "chỉ số chuyển đổi số. Tỉnh đặt mục tiêu vào top 8 vào năm 2025.\n"})
    ans = answer_question(qa, "Sao Mai đã đạt mục tiêu vào top 8 DTI.", [], verify=False)
    assert ans.verdict == "sai" and ans.value == 9
