"""Candidates: the spans a sentence offers as answers, and the constraint check that refuses with a reason."""
from __future__ import annotations

import pytest

from dtiqa.candidates import _FOREIGN, _spans
from dtiqa.numbers import ordinals


@pytest.mark.parametrize("text, values", [
    ("Long An ranked seventh among 63 provinces", [7]),
    ("up from 11th in 2022 to 7th in 2023", [11, 7]),
    ("first in the digital economy pillar, twelfth overall", [1, 12]),
    ("the 2023 edition, 63 provinces", []),
])
def test_english_ordinals_are_read_as_numbers(text, values):
    assert [v for _, _, v in ordinals(text)] == values


def test_a_sentence_offers_numbers_dates_ordinals_and_digit_tokens_once_each():
    spans = _spans("Ngày 2/5/2023, tỉnh xếp thứ 9/63, đạt chuẩn JLPT_N3 và ranked fifth, tăng 16 bậc.", "", None,
                   frozenset())
    by_text = {s.text: s.role for s in spans}
    assert by_text["2/5/2023"] == "date" and by_text["9/63"] == "rank" and by_text["16"] == "rank_change"
    assert by_text["JLPT_N3"] == "token" and by_text["fifth"] == "rank"
    starts = [s.start for s in spans]
    assert len(starts) == len(set(starts))  # no span read twice (the date's digits are not numbers too)


@pytest.mark.parametrize("question, foreign", [
    ("Bình Phước xếp thứ mấy về DTI năm 2021?", False),
    ("binh phuoc xep thu may", False),
    ("What was Binh Phuoc's DTI rank?", False),
    ("ĐẮK LẮK ĐỨNG THỨ MẤY?", False),
    ("Сколько места заняла провинция?", True),
    ("чуyển", True),
    ("平福省排名第几?", True),
])
def test_questions_in_other_scripts_are_recognised(question, foreign):
    assert bool(_FOREIGN.search(question)) == foreign


@pytest.mark.parametrize("text, value, unit", [
    ("it allocated about VND 210 billion to a single platform", 210e9, "VND"),
    ("a budget of USD 1.5 million", 1.5e6, "USD"),
    ("tổng vốn khoảng 1.350 tỷ đồng", 1350e9, "đồng"),
])
def test_amounts_written_the_english_way_carry_their_currency_and_scale(text, value, unit):
    from dtiqa.numbers import quantities

    (q,) = quantities(text)
    assert q.value == value and q.unit == unit


def test_digits_restating_spelled_out_words_count_the_noun_after_the_bracket():
    spans = _spans("Ba trăm năm mươi hai (352) hợp tác xã đã lên sàn.", "", None, frozenset())
    assert [(s.text, s.role) for s in spans] == [("352", "count")]


@pytest.mark.parametrize("question, kind", [
    ("Sáu tỉnh dự kiến đầu tư bao nhiêu cho hạ tầng số giai đoạn 2025–2026?", "amount"),
    ("Tỉnh định bố trí bao nhiêu vốn cho chuyển đổi số?", "amount"),
    ("Tỉnh đầu tư bao nhiêu dự án?", "count"),
    ("Ở DTI 2023 thứ hạng của tỉnh biến động thế nào so với năm trước?", "rank_change"),
    ("Ben Tre's rank in DTI 2023 changed by how much?", "rank_change"),
    ("By how many percentage points did the share of online applications rise?", "percent"),
    ("Ngày hội của kiều bào dự kiến tổ chức hôm nào?", "date"),  # "tổ chức" here is to hold, not an organisation
    ("Tổ chức nào đứng đầu bảng xếp hạng?", "name"),
])
def test_question_kinds_of_plain_phrasings(question, kind):
    from dtiqa.question import analyze

    assert analyze(question).kind == kind


def test_a_question_with_a_preposition_after_bao_nhieu_counts_no_noun():
    from dtiqa.question import analyze

    assert analyze("Tỉnh đầu tư bao nhiêu cho hạ tầng số?").noun == ""


def test_an_english_question_naming_a_province_with_diacritics_is_english():
    from dtiqa.text import looks_english

    assert looks_english("Bến Tre's rank in DTI 2023 changed by how much?")
    assert not looks_english("Bến Tre xếp thứ mấy năm 2023?")


def test_names_of_organisations_units_and_products_are_read_from_their_sentence():
    from dtiqa.candidates import name_spans

    def names(s):
        return [s[a:b] for a, b in name_spans(s)]

    assert names("Theo Sở Thông tin và Truyền thông, Bộ Tư pháp dẫn đầu; Bộ Tài chính xếp thứ hai.") == \
        ["Sở Thông tin và Truyền thông", "Bộ Tư pháp", "Bộ Tài chính"]
    assert names("Văn phòng UBND tỉnh xếp thứ hai với 0,7954 điểm.") == ["Văn phòng UBND tỉnh"]
    assert names("Giải nhì: TP Rạch Giá, huyện Châu Thành.") == ["TP Rạch Giá", "huyện Châu Thành"]
    assert "UNDP" in names("PAPI do Chương trình Phát triển Liên Hợp Quốc (UNDP) phối hợp thực hiện.")


def test_unit_names_keep_their_joined_parts_and_listed_names_follow_a_comma():
    from dtiqa.candidates import name_spans

    def names(s):
        return [s[a:b] for a, b in name_spans(s)]

    assert names("Đơn vị sản xuất: Đài Phát thanh và Truyền hình Điện Biên.") == ["Đài Phát thanh và Truyền hình Điện Biên"]
    assert names("Trong đó Phòng Chuyển đổi số 7 người, Phòng Bưu chính – Viễn thông 5 người.") == \
        ["Phòng Chuyển đổi số", "Phòng Bưu chính – Viễn thông"]
    assert names("Sóng đã phủ tới các thôn vùng cao của Pác Nặm, Ba Bể, Ngân Sơn; còn lại là vùng thấp.") == \
        ["Pác Nặm", "Ba Bể", "Ngân Sơn"]
    assert names("Công tác phòng chống dịch được Sở Y tế chỉ đạo.") == ["Sở Y tế"]  # "phòng" opens no name here


@pytest.mark.parametrize("question, kind", [
    ("Cơ quan nào chịu trách nhiệm đo chỉ số SIPAS?", "name"),
    ("co quan nao chiu trach nhiem do chi so SIPAS", "name"),
    ("Những đơn vị nào nhận giải khuyến khích?", "names"),
    ("Which ministry topped the ranking of ministries?", "name"),
    ("DTI 2023 được công bố ngày nào?", "date"),  # "công bố" is no "bộ"
    ("Đơn vị nào đứng đầu DTI 2024?", "entity"),  # a unit of the provincial DTI is a province
])
def test_a_question_asking_a_name_that_is_no_province(question, kind):
    from dtiqa.question import analyze

    assert analyze(question).kind == kind
