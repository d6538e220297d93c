import unicodedata

import pytest

from dtiqa.text import fold, normalize, normalize_line, syllables, unify_tones


@pytest.mark.parametrize("raw, expected", [
    ("hoá đơn", "hóa đơn"),
    ("xoá vùng lõm sóng", "xóa vùng lõm sóng"),
    ("sức khoẻ", "sức khỏe"),
    ("thuỷ lợi, Thuý", "thủy lợi, Thúy"),
    ("HOÁ", "HÓA"),
    ("Thanh Hoá", "Thanh Hóa"),
    ("quý, quỳnh", "quý, quỳnh"),  # qu + y: the u belongs to the consonant
    ("hoàng, khoảng, thuyền", "hoàng, khoảng, thuyền"),  # a final consonant: one convention only
    ("hóa", "hóa"),
])
def test_tone_placement_is_unified(raw, expected):
    assert unify_tones(raw) == expected


def test_normalize_line_makes_nfc_and_plain_spaces():
    decomposed = unicodedata.normalize("NFD", "Bình Phước")
    assert normalize_line(f"  {decomposed}\u00a0đứng\u00a0 thứ\t9/63 \u200b") == "Bình Phước đứng thứ 9/63"


def test_normalize_keeps_lines():
    assert normalize("a\u00a0b\r\nc\rd") == "a b\nc\nd"


@pytest.mark.parametrize("raw, expected", [
    ("Bình Phước", "Binh Phuoc"),
    ("Đắk Lắk", "Dak Lak"),
    ("chuyển đổi số", "chuyen doi so"),
    ("DTI 2021", "DTI 2021"),
])
def test_fold_strips_diacritics(raw, expected):
    assert fold(raw) == expected


def test_syllables_keep_numbers_whole():
    assert syllables("Đứng thứ 9/63, đạt 87,5% và 1.240 tổ.") == ["đứng", "thứ", "9/63", "đạt", "87,5", "và", "1.240", "tổ"]


@pytest.mark.parametrize("question, kind, year, base", [
    ("So với kết quả 2021, Sao Mai đã leo hay tụt mấy hạng?", "rank_change", None, 2021),
    ("Điểm trung bình DTI 2024 tăng bao nhiêu phần trăm so với 2023?", "percent", 2024, 2023),
    ("Chỉ số kinh tế số của Sao Mai năm 2023 đạt mức nào?", "score", 2023, None),
    ("Where did Sao Mai place in the 2024 DTI?", "rank", 2024, None),
    ("Mức hài lòng SIPAS 2023 của Sao Mai là bao nhiêu?", "percent", 2023, None),
])
def test_question_types_and_years(question, kind, year, base):
    from dtiqa.question import analyze

    q = analyze(question)
    assert (q.kind, q.year, q.base_year) == (kind, year, base)


@pytest.mark.parametrize("question, claim", [
    ("Sao Mai là quán quân DTI 2024.", True),  # a statement put to be checked
    ("Có đúng là Sao Mai xếp cuối bảng DTI năm 2022?", True),
    ("Có phải Sao Mai đã tăng 6 bậc DTI năm 2023?", True),
    ("Sao Mai chỉ có 40% hồ sơ nộp trực tuyến – thông tin này có chính xác?", True),
    ("ty le ho so nop online o Sao Mai nam 2024", False),  # keywords, no full stop
    ("Kể tên ba địa phương xếp cuối bảng DTI 2023.", False),  # a request
    ("Sao Mai xếp thứ mấy năm 2023?", False),
])
def test_claims_are_recognised_however_they_are_put(question, claim):
    from dtiqa.question import analyze

    assert analyze(question).claim is claim


@pytest.mark.parametrize("question, kind", [
    ("Ha Tinh xep hang DTI bao nhieu nam 2020?", "rank"),  # "bao nhiêu năm 2020" asks no years
    ("Thứ hạng DTI 2022 của Sao Mai biến động ra sao so với 2021?", "rank_change"),
    ("How did Sao Mai's DTI position change from 2021 to 2022?", "rank_change"),
])
def test_rank_and_rank_change_asked_in_other_words(question, kind):
    from dtiqa.question import analyze

    assert analyze(question).kind == kind


def test_a_region_named_without_vung_and_a_first_place_said_as_so_mot():
    from dtiqa.question import analyze

    assert analyze("Địa phương nào ở Đồng bằng sông Cửu Long đứng đầu DTI 2022?").region == "dong bang song cuu long"
    assert analyze("Địa phương nào đứng số một cả nước về DTI 2023?").rank_value == 1


def test_a_deadline_is_asked_as_a_date():
    from dtiqa.question import analyze

    assert analyze("Sở phải hoàn tất việc rà soát các chỉ tiêu DTI trước thời hạn nào?").kind == "date"


def test_the_glossary_gives_the_other_languages_dti_words():
    from dtiqa.text import glossary_terms

    assert "kinh tế số" in glossary_terms("What rank did the province get for the digital economy pillar?")
    assert "digital economy" in glossary_terms("Tỉnh đạt bao nhiêu điểm kinh tế số?")
    # Matched with diacritics: the "Bắc" of a province is no "bậc" (places).
    assert "places" not in glossary_terms("Bắc Ninh xếp thứ mấy?")
    assert glossary_terms("Thời tiết hôm nay thế nào?") == ""
