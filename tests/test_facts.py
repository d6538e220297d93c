"""The role of each number in a sentence: the wrong-role traps of Vietnamese ranking news."""
import pytest

from dtiqa.facts import sentence_mentions
from dtiqa.numbers import dates, parse_number, quantities


def roles(sentence, place="", year=None):
    return [(m.role, m.value, m.year, m.pillar or None) for m in sentence_mentions(sentence, place, year)]


def test_rank_change_and_years_in_one_sentence():
    got = roles("Xếp hạng DTI năm 2021, Sao Mai đứng thứ 9/63 tỉnh, thành phố, tăng 16 bậc so với năm 2020.")
    assert ("rank", 9, 2021, None) in got
    assert ("rank_change", 16, 2021, None) in got
    assert not any(r[0] == "rank" and r[1] in (2020, 2021, 16) for r in got)


@pytest.mark.parametrize("sentence, role, value", [
    ("Sao Mai giảm 3 bậc, xuống vị trí 20.", "rank_change", -3),
    ("Sao Mai tụt 2 bậc so với năm trước.", "rank_change", -2),
    ("Sao Mai vươn lên vị trí thứ hai.", "rank", 2),
    ("Về kinh tế số, Sao Mai xếp hạng nhất.", "rank", 1),
    ("Sao Mai đứng đầu cả nước về thể chế số.", "rank", 1),
    ("Sao Mai đội sổ bảng xếp hạng năm 2020.", "rank", -1),
    ("Sao Mai vào Top 20 địa phương dẫn đầu.", "top", 20),
    ("Hội nghị lần thứ 9 Ban Chấp hành Đảng bộ tỉnh Sao Mai.", "id", 9),
    ("Bám sát Kế hoạch số 80 của tỉnh Sao Mai.", "id", 80),
    ("Sao Mai có 59/68 hệ thống thông tin được phê duyệt.", "count", 59),
    ("Sao Mai có 1.240 tổ công nghệ số.", "count", 1240),
    ("Tỷ lệ đạt 87,5%.", "percent", 87.5),
    ("Doanh thu ước đạt 213.750 triệu đồng.", "amount", 213.75e9),
    ("Sao Mai đạt 612,5 điểm.", "score", 612.5),
    ("Sao Mai có hơn 700 điểm thanh toán QR.", "count", 700),
])
def test_role_of_a_number(sentence, role, value):
    assert any(r[0] == role and r[1] == pytest.approx(value) for r in roles(sentence))


def test_near_the_bottom_is_not_the_bottom():
    assert not any(r[0] == "rank" and r[1] == -1 for r in roles("Năm 2020, Sao Mai xếp gần cuối bảng, ở vị trí 55/63."))


def test_a_weekday_is_not_a_rank():
    assert not any(r[0] == "rank" for r in roles("Thứ Hai, ngày 12/6/2023, tỉnh Sao Mai họp bàn."))


def test_pillar_after_the_rank_and_lists_of_pillars():
    got = roles("Sao Mai đứng thứ 9/63 về chính quyền số; 5/63 về kinh tế số và 8/63 về xã hội số.")
    assert ("rank", 9, None, "chính quyền số") in got and ("rank", 5, None, "kinh tế số") in got
    assert ("rank", 8, None, "xã hội số") in got
    listed = roles("Sao Mai phát triển chính quyền số, kinh tế số và xã hội số, xếp thứ 12/63 năm 2021.")
    assert ("rank", 12, 2021, None) in listed


def test_a_ranking_of_something_else_is_not_the_dti():
    got = sentence_mentions("Sao Mai xếp thứ 8/63 toàn quốc về hệ thống giải quyết thủ tục hành chính.")
    assert [m.ranking for m in got if m.role == "rank"] == ["other"]
    ict = sentence_mentions("Chỉ số Vietnam ICT Index năm 2019, Sao Mai xếp thứ 56/63.")
    assert [m.ranking for m in ict if m.role == "rank"] == ["ict"]


def test_target_and_latest_edition():
    target = sentence_mentions("Sao Mai phấn đấu đến năm 2025 nằm trong top 10 cả nước.")
    assert all(m.target for m in target if m.role == "top")
    latest = sentence_mentions("Trong bảng xếp hạng mới nhất, Sao Mai từ vị trí thứ 27 lên vị trí thứ 16.")
    assert [(m.role, m.value, m.latest) for m in latest if m.role in ("rank", "prev_rank")] == [
        ("prev_rank", 27, True), ("rank", 16, True)]


def test_year_written_after_the_rank():
    got = roles("Sao Mai từ vị trí thứ 55 năm 2020 tăng lên vị trí thứ 12 năm 2021 và xếp vị trí thứ 18 năm 2022.")
    assert ("prev_rank", 55, 2020, None) in got and ("rank", 12, 2021, None) in got and ("rank", 18, 2022, None) in got


@pytest.mark.parametrize("text, value", [
    ("1.240", 1240), ("87,5", 87.5), ("1.204.311", 1204311), ("4.0", 4.0), ("2,5", 2.5), ("1.234,5", 1234.5), ("12", 12),
])
def test_vietnamese_number_formats(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text, qtext, value, unit", [
    ("hơn 1,2 triệu hồ sơ", "hơn 1,2 triệu", 1.2e6, "triệu"),
    ("khoảng 10 tỷ USD", "khoảng 10 tỷ USD", 1e10, "USD"),
    ("đạt 87,5%", "87,5%", 87.5, "%"),
    ("thứ 9/63", "9/63", 9, ""),
])
def test_quantities_keep_scale_unit_and_qualifier(text, qtext, value, unit):
    q = quantities(text)[0]
    assert (q.text, q.value, q.unit) == (qtext, pytest.approx(value), unit)


def test_dates_are_not_quantities():
    text = "Ngày 22/7/2021 và ngày 10-11-2021, tháng 6-2022, tính đến ngày 12/6."
    assert [d.iso for d in dates(text)] == ["2021-07-22", "2021-11-10", "2022-06", "--06-12"]
    assert quantities(text) == []


def provinces_of(sentence, role, place="", year=None):
    return {m.province: m.value for m in sentence_mentions(sentence, place, year) if m.role == role}


def test_respectively_with_one_list_per_quantity():
    s = "Hà Nam, Bắc Ninh và Bình Định lần lượt xếp thứ 2, 3 và 4, với số điểm tương ứng là 0,6102; 0,5987 và 0,5921."
    assert provinces_of(s, "rank") == {"Hà Nam": 2, "Bắc Ninh": 3, "Bình Định": 4}
    assert provinces_of(s, "score")["Bình Định"] == pytest.approx(0.5921)


@pytest.mark.parametrize("sentence, has_province", [
    ("Ngân hàng Nhà nước Việt Nam xếp thứ 2, Bộ Tư pháp xếp thứ 3.", False),
    ("Bộ Kế hoạch và Đầu tư đứng thứ 5, tăng 4 bậc so với năm 2021.", False),
    ("Theo kết quả do Bộ TT&TT công bố, tỉnh xếp thứ 12.", True),
])
def test_a_ministry_rank_is_not_the_article_province(sentence, has_province):
    ranks = [m for m in sentence_mentions(sentence, "Hà Nam", 2022) if m.role == "rank"]
    assert ranks and all(bool(m.province) == has_province for m in ranks)


def test_a_group_at_the_bottom_gives_each_its_own_rank():
    s = "Ba địa phương đứng cuối bảng là Lai Châu (thứ 61), Điện Biên (thứ 62) và Cao Bằng (thứ 63)."
    assert provinces_of(s, "rank") == {"Lai Châu": 61, "Điện Biên": 62, "Cao Bằng": 63}


def test_a_national_rank_in_a_regional_sentence_is_the_dti():
    m = [m for m in sentence_mentions("Thái Nguyên dẫn đầu khu vực miền núi phía Bắc khi xếp thứ 6 toàn quốc.")
         if m.role == "rank"]
    assert [(x.value, x.ranking) for x in m] == [(6, "dti")]


def test_stars_and_upwards_are_not_a_previous_rank():
    assert "prev_rank" not in [r[0] for r in roles("Tỉnh có 11 khách sạn từ 4 sao trở lên, tăng 3 so với năm 2022.")]
    assert ("prev_rank", 40, None, None) in roles("Tỉnh tăng từ vị trí 40 lên 27.")


@pytest.mark.parametrize("sentence, score", [
    ("Điểm trung bình DTI cấp tỉnh năm 2023 đạt 0,5014, tăng 12,6% so với năm 2022.", 0.5014),
    ("Điểm DTI của tỉnh là 0,61.", 0.61),
])
def test_a_score_named_before_its_number(sentence, score):
    assert ("score", pytest.approx(score)) in [(r[0], r[1]) for r in roles(sentence)]


@pytest.mark.parametrize("sentence, role, value, text", [
    ("Trà Vinh tăng mười một bậc lên hạng 29.", "rank_change", 11.0, "mười một"),
    ("Năm 2021, Tuyên Quang xếp hạng mười bảy.", "rank", 17.0, "mười bảy"),
    ("Hà Tĩnh đứng thứ hai mươi ba về chuyển đổi số.", "rank", 23.0, "hai mươi ba"),
    ("Hà Tĩnh giảm hai mươi mốt bậc.", "rank_change", -21.0, "hai mươi mốt"),
    ("Tỉnh đứng thứ mười năm 2022.", "rank", 10.0, "mười"),  # "năm 2022" is a year, not "mười năm" (15)
])
def test_ranks_and_changes_in_words_beyond_ten(sentence, role, value, text):
    from dtiqa.facts import sentence_mentions

    found = [(m.role, m.value, m.text) for m in sentence_mentions(sentence, "Hà Tĩnh", 2023)]
    assert (role, value, text) in found, found


def test_cardinals_in_words():
    import re

    from dtiqa.numbers import CARDINAL_WORDS, cardinal_value

    words = {"ba": 3, "mười": 10, "mười một": 11, "mười lăm": 15, "hai mươi": 20, "hai mươi mốt": 21,
             "ba mươi tư": 34, "chín mươi chín": 99}
    for w, v in words.items():
        assert re.fullmatch(CARDINAL_WORDS, w) and cardinal_value(w) == v


def test_a_timeline_paragraph_is_dated_by_the_year_it_opens_with(tmp_path):
    import dtiqa
    from conftest import HashEmbedder

    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text(
        "Hoa Mai qua từng năm\n\n"
        "Năm 2021 – Chuyển sang thang điểm mới. Tỉnh đạt 0,4125 điểm và tăng sáu bậc, lên hạng hai mươi chín.\n\n"
        "Năm 2022 – Bứt phá. Tỉnh Hoa Mai xếp hạng mười bảy, thêm mười hai bậc.\n", encoding="utf-8")
    qa = dtiqa.load(tmp_path / "c", tmp_path / "i", HashEmbedder())
    stated = {(f.year, f.kind, f.value) for f in qa.facts("Hoa Mai") if not f.computed}
    assert {(2021, "rank", 29.0), (2021, "rank_change", 6.0), (2022, "rank", 17.0)} <= stated


@pytest.mark.parametrize("sentence, ranks", [
    ("Với Hà Xuyên, năm 2020 tỉnh đứng thứ 58, năm 2021 lên thứ 52, năm 2022 xếp thứ 49 và năm 2023 vươn lên vị trí 43.",
     [(58, 2020), (52, 2021), (49, 2022), (43, 2023)]),
    ("Năm 2022, Hà Xuyên xếp thứ 9/63, năm 2021 xếp thứ 12.", [(9, 2022), (12, 2021)]),
    ("Hà Xuyên xếp thứ 9/63 năm 2021, tăng 3 bậc.", [(9, 2021)]),  # the year after, in its own clause
])
def test_a_year_past_a_comma_dates_the_next_clause_not_this_one(sentence, ranks):
    got = [(m.value, m.year) for m in sentence_mentions(sentence, "Hà Xuyên") if m.role == "rank"]
    assert got == ranks


def test_a_pillar_named_after_the_rank_and_an_overall_rank_beside_it():
    s = "Tây Ninh, sau khi hợp nhất với Long An, xếp thứ 8/34 ở trụ cột chính quyền số nhưng chỉ đứng thứ 15 chung cuộc."
    assert [(m.value, m.pillar) for m in sentence_mentions(s, "Tây Ninh") if m.role == "rank"] == [
        (8, "chính quyền số"), (15, "")]


def test_english_ordinals_are_ranks_of_the_province_they_follow():
    found = [(m.role, m.value, m.province, m.year) for m in sentence_mentions(
        "In DTI 2020, Nghe An ranked 27th and Ha Tinh 30th out of 63 provinces.", "", None) if m.role == "rank"]
    assert found == [("rank", 27.0, "Nghệ An", 2020), ("rank", 30.0, "Hà Tĩnh", 2020)]
    placed = sentence_mentions("By DTI 2023, Ha Tinh had climbed to 11th place.", "", None)
    assert [(m.role, m.value) for m in placed if m.role == "rank"] == [("rank", 11.0)]
    # an ordinal that counts occasions is no rank
    assert not [m for m in sentence_mentions("It was the fifth time and the 4th industrial revolution forum.", "", 2023)
                if m.role == "rank"]


def test_a_figure_given_for_a_province_belongs_to_it():
    m = [x for x in sentence_mentions("Ha Tinh scored 0.6410 against 0.5233 for Nghe An.", "", 2023) if x.role == "score"]
    assert [(x.value, x.province) for x in m] == [(0.641, "Hà Tĩnh"), (0.5233, "Nghệ An")]


def test_a_region_wide_figure_is_not_the_articles_province():
    m = sentence_mentions("Tỷ lệ hộ có cáp quang của khu vực đạt 68,5%; riêng Lai Châu chỉ đạt 51,2%.", "Hà Giang", 2024)
    assert [(x.value, x.province) for x in m if x.role == "percent"] == [(68.5, ""), (51.2, "Lai Châu")]


def test_a_rank_among_a_provinces_districts_is_not_its_dti_rank():
    text = ("Theo kết quả đánh giá chỉ số chuyển đổi số cấp huyện năm 2023 do Sở Thông tin và Truyền thông Bắc Giang "
            "công bố, huyện Lục Ngạn xếp thứ 3/10 huyện, thị xã, thành phố.")
    ranks = [m for m in sentence_mentions(text, "Bắc Giang", 2023) if m.role == "rank"]
    assert ranks and all(m.ranking == "other" for m in ranks)
    national = [m for m in sentence_mentions("Chỉ số DTI 2023 của Bắc Giang đạt 0,5987 điểm, xếp hạng 12/63.", "", None)
                if m.role == "rank"]
    assert [(m.value, m.ranking) for m in national] == [(12.0, "dti")]


def test_a_signed_change_column_is_a_rank_change():
    from dtiqa import tables

    up = tables.reading("4 | Vĩnh Long | 0,5539 | 21/63 | +8", "STT | Tỉnh | Điểm DTI 2023 | Xếp hạng | Thay đổi so với 2022")
    down = tables.reading("2 | Long An | 0,5904 | 13/63 | -2", "STT | Tỉnh | Điểm | Xếp hạng | Thay đổi")
    assert [(m.value, m.province) for m in sentence_mentions(up.text, "", 2023) if m.role == "rank_change"] == [(8.0, "Vĩnh Long")]
    assert [m.value for m in sentence_mentions(down.text, "", 2023) if m.role == "rank_change"] == [-2.0]
    score = tables.reading("2 | Long An | 0,5904 | +0,0120", "STT | Tỉnh | Điểm | Thay đổi điểm")
    assert not [m for m in sentence_mentions(score.text, "", 2023) if m.role == "rank_change"]  # a score's change


def test_a_change_with_an_intensifier_is_a_change():
    m = sentence_mentions("Vĩnh Long tăng một mạch 8 bậc, còn Hậu Giang tăng tới 3 bậc.", "", 2023)
    assert [(x.role, x.value) for x in m] == [("rank_change", 8.0), ("rank_change", 3.0)]


def test_respectively_pairs_ranks_beside_the_total_ranked():
    m = sentence_mentions("Lào Cai, Sơn La, Điện Biên và Lai Châu lần lượt xếp thứ 28, 46, 52 và 57 trên 63 tỉnh, thành phố.",
                          "", 2023)
    assert [(x.province, x.value) for x in m if x.role == "rank"] == [
        ("Lào Cai", 28.0), ("Sơn La", 46.0), ("Điện Biên", 52.0), ("Lai Châu", 57.0)]


def test_an_index_named_right_after_a_rank_owns_it():
    got = [(m.value, m.ranking) for m in sentence_mentions(
        "Vì sao Sao Mai chỉ đứng thứ 14 ở PAPI 2024 nhưng lại đứng thứ ba ở DTI?", "Sao Mai") if m.role == "rank"]
    assert got == [(14, "papi"), (3, "dti")]


def test_the_bounds_of_a_range_of_places_are_no_ones_rank():
    got = roles("Kết quả của 48 địa phương còn lại (từ hạng 16 đến hạng 63) được trình bày tại Phụ lục III.", "Sao Mai")
    assert not any(r[0] == "rank" for r in got)


def test_a_rank_said_as_finishing_second_in_words():
    got = [(m.province, m.value) for m in sentence_mentions(
        "Sao Mai đứng đầu với 0,7021 điểm; Hoa Lan về thứ hai với 0,6890 điểm.", "", None, frozenset({"Sao Mai", "Hoa Lan"}))
        if m.role == "rank"]
    assert ("Hoa Lan", 2) in got


def test_a_quarter_dates_the_figure_but_a_day_does_not():
    assert roles("Đến hết quý I/2024, Sao Mai có tỷ lệ hồ sơ trực tuyến đạt 64,3%.", "Sao Mai")[-1][:3] == ("percent", 64.3, 2024)
    assert ("percent", 64.3, None, None) in roles("Ngày 12/7/2023, Sao Mai công bố tỷ lệ hồ sơ trực tuyến 64,3%.", "Sao Mai")


@pytest.mark.parametrize("text, iso", [
    ("The portal went live on August 15, 2025.", "2025-08-15"),
    ("The merger took effect on 1 July 2025.", "2025-07-01"),
    ("Results were published in July 2025.", "2025-07"),
])
def test_english_dates_are_dates(text, iso):
    assert [d.iso for d in dates(text)] == [iso]


def test_a_lower_case_may_in_vietnamese_is_no_month():
    assert dates("Ngành dệt may 2024 tăng trưởng") == []


def test_several_english_dates_in_one_text_each_read_as_written():
    got = [d.iso for d in dates("Signed on August 15, 2025, in force on September 2, 2025 and reviewed in July 2026.")]
    assert got == ["2025-08-15", "2025-09-02", "2026-07"]


def test_an_english_sentence_groups_thousands_with_commas():
    got = [(q.text, q.value) for q in quantities("Registered FDI reached US$1.2 billion in 2023, with 1,240 projects.")]
    assert ("1,240", 1240.0) in got and ("US$1.2 billion", 1.2e9) in got
    assert [q.value for q in quantities("Tỉnh có 1,5 triệu tài khoản.")] == [1.5e6]


def test_a_bracket_with_last_years_figure_does_not_date_this_one():
    got = [(m.text, m.year) for m in sentence_mentions("• Xếp hạng: 12/63 (năm 2023: 18/63) → tăng 6 bậc", "Sao Mai", 2024)
           if m.role == "rank"]
    assert ("12/63", 2024) in got


def test_the_gap_between_first_and_last_place_is_no_ones_last_place():
    assert not [m for m in sentence_mentions("Chênh lệch giữa đơn vị đầu và cuối bảng là 0,3239 điểm.", "Sao Mai")
                if m.role == "rank"]
