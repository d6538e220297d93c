"""The confident wrong answers the answer-layer issue lists, each on an article this test writes:
answered correctly, or abstained — never a wrong figure given as found."""
from __future__ import annotations

import pytest

from conftest import Extracted, qa_of
from dtiqa.evaluate import answer_match

# Made-up figures for real province names; each trap sits next to the figure it could be mistaken for.
REPORT_2021 = """\
Công bố DTI 2021: Hà Nam vào top 10, Yên Bái xếp thứ 27
Ngày 2/5/2022, Bộ Thông tin và Truyền thông công bố kết quả Chỉ số chuyển đổi số (DTI) năm 2021.
Tỉnh Hà Nam đứng thứ 8/63 tỉnh, thành phố, còn Yên Bái xếp thứ 27/63.
Cổng dịch vụ công của Hà Nam đã cung cấp 149 dịch vụ công mức độ 3 và 725 dịch vụ công mức độ 4.
Tỉnh đã kết nối 50/98 cơ sở dữ liệu chuyên ngành với nền tảng chia sẻ dữ liệu quốc gia.
Theo Liên Hợp Quốc, Việt Nam xếp thứ 71/193 quốc gia về Chỉ số phát triển Chính phủ điện tử (EGDI).
So với năm 2019, Hà Nam đã tăng 20 bậc.
"""

PLANS = """\
Hà Nam: kết quả chuyển đổi số năm 2023 và mục tiêu đến 2025
Tỉnh phấn đấu đến năm 2025 đạt tỷ lệ hồ sơ trực tuyến toàn trình 75%; năm 2023 tỉnh đạt 52%.
Điểm DTI 2023 của Hà Nam đạt 0,5120, tăng 0,0211 điểm so với năm trước.
Toàn tỉnh có 188 xã, phường được đánh giá; xã Thanh Tân dẫn đầu.
Năm 2023, tỷ lệ hồ sơ thuế điện tử của Hà Nam mới đạt 64%, thấp hơn mục tiêu 80%.
"""

MERGED = """\
Đồng Nai mới dẫn đầu khu vực về chuyển đổi số
Sau khi hợp nhất với Bình Phước từ ngày 1/7/2025, tỉnh Đồng Nai mới xếp thứ 5/34 về chuyển đổi số năm 2025.
"""


@pytest.fixture(scope="module")
def qa(tmp_path_factory):
    return qa_of(tmp_path_factory, "traps", {"ha_nam_2021.txt": REPORT_2021, "dong_nai_moi.txt": MERGED,
                                             "ha_nam_2023.txt": PLANS})


@pytest.mark.parametrize("question, right", [
    ("Hà Nam xếp thứ mấy về đô thị thông minh năm 2021?", None),  # never mentioned: not the DTI rank
    ("Which province ranked 8th in 2021?", "Hà Nam"),  # not Yên Bái (27th)
    ("Tỉnh nào đứng thứ 8 về DTI năm 2021?", "Hà Nam"),
    ("Hà Nam cung cấp bao nhiêu dịch vụ công mức độ 4?", "725"),  # 149 is level 3
    ("Hà Nam cung cấp bao nhiêu dịch vụ công mức độ 3?", "149"),  # neither 725 nor the "4" of "mức độ 4"
    ("Hà Nam xếp thứ mấy về DTI năm 2020?", None),  # +20 spans 2019→2021: no one-year base
    ("Hà Nam xếp thứ mấy về DTI năm 2022?", None),  # published in 2022, assessed 2021
    ("Bình Phước xếp thứ mấy về chuyển đổi số năm 2025?", None),  # the merged unit's rank is not the former province's
    ("Hà Nam xếp hạng bao nhiêu về DTI?", "8/63"),  # not "50/98" data sets
    ("Yên Bái xếp thứ mấy về DTI năm 2021?", "27/63"),  # not the UN's 71/193
    ("Năm 2025 Hà Nam đã đạt tỷ lệ hồ sơ trực tuyến toàn trình bao nhiêu?", None),  # 75% is the plan
    pytest.param("Tỷ lệ hồ sơ trực tuyến toàn trình của Hà Nam năm 2023 là bao nhiêu?", "52%", marks=pytest.mark.xfail(
        reason="known confident wrong: beside 'hồ sơ thuế điện tử … 64%' the scorer may pick 64%, whose sentence lacks "
               "'trực tuyến toàn trình' (the question's words are a soft feature, not a constraint)")),
    ("Điểm DTI 2023 của Hà Nam là bao nhiêu?", "0,5120"),  # not the change, 0,0211
    ("Xã nào của Hà Nam dẫn đầu về chuyển đổi số?", "Thanh Tân"),  # a name: not "188 xã"
    ("Chỉ tiêu về tỷ lệ hồ sơ thuế điện tử của Hà Nam năm 2023 là bao nhiêu?", "80%"),  # not the result, 64%
    ("Tỷ lệ hồ sơ thuế điện tử của Hà Nam năm 2023 đạt bao nhiêu?", "64%"),  # not the target, 80%
    ("Điểm DTI 2023 của Hà Nam tăng bao nhiêu so với năm trước?", "0,0211"),  # the change, not the level
    ("By how much did Ha Nam's DTI score rise in 2023?", "0,0211"),
    ("Tỷ lệ hồ sơ trực tuyến toàn trình của Hà Nam năm 2023 tăng bao nhiêu?", None),  # only the level, 52%, is stated
])
def test_no_confident_wrong_answer(qa, question, right):
    ans = qa.ask(question)
    if right is None:
        assert not ans.found, (ans.text, ans.message)
    else:
        assert not ans.found or answer_match(right, ans.text, ans.value), (ans.text, ans.message)


def test_the_trapped_figures_are_never_offered_as_found(qa):
    for question in ("Hà Nam xếp thứ mấy năm 2021?", "Việt Nam xếp thứ mấy về DTI?", "Tỉnh nào xếp thứ 71?"):
        ans = qa.ask(question)
        assert not (ans.found and ans.value in (50.0, 71.0, 149.0)), (question, ans.text)


DISTRICTS = """\
Nghệ An công bố xếp hạng chuyển đổi số cấp huyện năm 2024
Trong bảng xếp hạng DTI 2024, Nghệ An đứng thứ 30/63 tỉnh, thành phố.
Huyện Diễn Châu xếp thứ hai trong tổng số 21 huyện, thành phố, thị xã, với 0,7640 điểm. Huyện thành lập 386 tổ công nghệ số cộng đồng với 2.315 thành viên.
Huyện Quế Phong xếp thứ 20 với 0,4587 điểm.
"""


@pytest.fixture(scope="module")
def districts(tmp_path_factory):
    return qa_of(tmp_path_factory, "districts", {"nghe_an_huyen.txt": DISTRICTS})


@pytest.mark.parametrize("question, right", [
    ("Trong DTI 2024, Nghệ An xếp hạng bao nhiêu cả nước?", "30/63"),  # not Diễn Châu's second place
    ("Huyện Diễn Châu xếp thứ mấy?", "thứ hai"),  # the district's rank, not its province's 30/63
    ("Quế Phong đứng thứ mấy?", "20"),
    ("Diễn Châu có bao nhiêu tổ công nghệ số cộng đồng?", "386"),  # "Huyện thành lập ...": the sentence before names it
])
def test_a_district_figure_is_never_its_provinces_and_the_reverse(districts, question, right):
    ans = districts.ask(question)
    assert not ans.found or answer_match(right, ans.text, ans.value), (ans.text, ans.message)
    if ans.found or ans.suggestion:
        assert answer_match(right, ans.text or ans.suggestion, ans.value), (ans.text, ans.suggestion, ans.message)


@pytest.mark.parametrize("question", ["Huyện Diễn Châu xếp thứ mấy cả nước?",
                                      "Diễn Châu đứng hạng mấy trên 63 tỉnh, thành phố về DTI 2024?"])
def test_a_district_has_no_national_rank(districts, question):
    ans = Extracted(districts).ask(question)
    assert not ans.found and ans.reasons == ("district",), (ans.text, ans.message)


def test_another_indexs_rank_of_another_year_never_answers(tmp_path_factory):
    from conftest import qa_of

    qa = qa_of(tmp_path_factory, "pci_year", {"qt.txt": "Sao Mai năm 2024\nNăm 2024, tỉnh Sao Mai xếp thứ 20/63 về chỉ số "
                                               "chuyển đổi số. Trong bảng xếp hạng PCI 2023, Sao Mai xếp thứ 33/63.\n"})
    ans = qa.ask("sao mai xep hang bao nhieu ve PCI nam 2024?")
    assert not ans.found or ans.value != 33
